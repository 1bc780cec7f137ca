"""Acceptance: the reference example, ingested through the CLI, gives the analyst's events.

The example lives in ../shared/examples (not part of the repository); the test skips when the
folder is absent.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.extract.numbers import word_to_int
from sitrep.geo.distance import km_between

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "2025-11-25-strikes-and-diplomacy.txt"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not EXAMPLE.exists(), reason=f"reference example not found at {EXAMPLE}"),
]


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    done = run("ingest", str(EXAMPLE), "--published", "2025-11-25", "--quiet", db=db)
    assert done.returncode == 0, done.stderr
    listed = run("events", "--json", "--limit", "0", db=db)
    assert listed.returncode == 0, listed.stderr
    full = []
    for e in json.loads(listed.stdout):
        shown = run("show", e["id"], "--json", db=db)
        assert shown.returncode == 0, shown.stderr
        full.append(json.loads(shown.stdout))
    return full


def _point(event: dict) -> tuple[float, float]:
    loc = event["location"]
    if loc.get("lat") is not None:
        return loc["lat"], loc["lon"]
    return loc["place"]["lat"], loc["place"]["lon"]


def _find(events: list[dict], place_name: str) -> dict:
    matches = [
        e
        for e in events
        if e["location"]
        and e["location"]["place"]
        and place_name.lower()
        in (e["location"]["place"]["name"] + " " + (e["location"]["place"]["admin1"] or "")).lower()
    ]
    assert len(matches) == 1, f"expected one event at {place_name}, got {[m['summary'] for m in matches]}"
    return matches[0]


def _claimant_names(event: dict) -> str:
    return " | ".join(c["claimant"]["name"] + " " + (c["claimant"]["channel"] or "") for c in event["claims"])


def test_krasnodar_region(events: list[dict]) -> None:
    e = _find(events, "Krasnodar")
    assert e["sub_event_type"] == "Air/drone strike"
    assert e["location"]["precision"] == "region"
    assert km_between(_point(e), (45.0, 39.0)) < 200  # a region centroid, not the city
    assert e["injured"]["acled"] == 6
    assert "Kondratyev Telegram" in _claimant_names(e)


def test_taganrog(events: list[dict]) -> None:
    e = _find(events, "Taganrog")
    assert e["sub_event_type"] == "Air/drone strike"
    assert e["location"]["precision"] == "town"
    assert km_between(_point(e), (47.236, 38.905)) < 25
    assert e["fatalities"]["acled"] == 1
    assert e["injured"]["acled"] == 3
    assert "Kambulova" in _claimant_names(e)


def test_moscow_interceptions(events: list[dict]) -> None:
    e = _find(events, "Moscow")
    assert e["event_type"] == "Strategic developments"
    assert e["sub_event_type"] == "Disrupted weapons use"
    downed = [d for c in e["claims"] for d in c["damage"] if d["kind"] == "drones_downed"]
    assert downed and downed[0]["count"]["low"] == 10
    assert "Defense Ministry" in _claimant_names(e)
    assert e["fatalities"]["acled"] == 0


def test_kyiv(events: list[dict]) -> None:
    e = _find(events, "Kyiv")
    assert e["sub_event_type"] == "Air/drone strike"
    assert e["location"]["precision"] == "town"
    assert km_between(_point(e), (50.45, 30.52)) < 25
    assert e["fatalities"]["acled"] == 1 and e["fatalities"]["high"] >= 1
    names = _claimant_names(e)
    assert "Tkachenko" in names and "Klitschko" in names
    pechersk = [c for c in e["claims"] if c["location"] and "Pechersk" in c["location"]["text"]]
    assert pechersk and pechersk[0]["location"]["precision"] == "district"


def test_diplomacy(events: list[dict]) -> None:
    diplomacy = [e for e in events if e["event_type"] == "Diplomacy"]
    geneva = [
        e
        for e in diplomacy
        if e["location"] and e["location"]["place"] and e["location"]["place"]["name"] == "Geneva"
    ]
    assert len(geneva) == 1 and geneva[0]["location"]["place"]["country_code"] == "CH"
    call = [
        e for e in diplomacy if any("Coalition of the Willing" in c["quote"]["text"] for c in e["claims"])
    ]
    assert call and call[0] is not geneva[0]


def test_violent_incidents_are_separate_and_nothing_invented(events: list[dict]) -> None:
    violent = [e for e in events if e["event_type"] in {"Explosions/Remote violence", "Battles"}]
    places = {e["location"]["place"]["name"] for e in violent if e["location"] and e["location"]["place"]}
    assert {"Taganrog", "Kyiv"} <= places
    for e in events:
        for c in e["claims"]:
            # "the Kyiv regime's ... attacks" is rhetoric, not an event in Kyiv.
            if "Kyiv regime" in c["quote"]["text"]:
                assert "Krasnodar" in (e["location"]["place"]["admin1"] or e["location"]["place"]["name"])
    # The summary sentence adds claims to existing incidents, never an event of its own.
    for e in events:
        if any("Casualty figures varied" in c["quote"]["text"] for c in e["claims"]):
            assert len({c["report_id"] + c["quote"]["text"] for c in e["claims"]}) > 1


def _figure_in_quote(value: int, quote: str) -> bool:
    if str(value) in quote:
        return True
    words = re.findall(r"[A-Za-z]+(?:-[a-z]+)?", quote)
    return any(word_to_int(w) == value for w in words) or (
        value == 1 and re.search(r"\b(?:a|an|one)\b", quote, re.I)
    )


def test_every_figure_is_in_its_quote(events: list[dict]) -> None:
    checked = 0
    for e in events:
        for c in e["claims"]:
            for key in ("killed", "injured"):
                fig = c[key]
                if fig and fig["qualifier"] not in {"several", "multiple", "many", "none"}:
                    assert fig["span"] and _figure_in_quote(
                        fig["low"] if fig["qualifier"] != "more than" else fig["low"] - 1, fig["span"]["text"]
                    ), fig
                    assert (
                        fig["span"]["text"] in c["quote"]["text"]
                        or c["quote"]["start"] <= fig["span"]["start"]
                    )
                    checked += 1
            for d in c["damage"]:
                if d["count"]:
                    assert _figure_in_quote(d["count"]["low"], d["span"]["text"]), d
                    checked += 1
    assert checked >= 8
