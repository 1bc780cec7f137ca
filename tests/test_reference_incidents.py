"""Both sides' reports of the reference day's incidents (tests/data/reference_incidents.jsonl,
written for this test in the style of officials' Telegram posts and outlets): each incident
becomes one event, each claimant's figures are kept, and events whose figures differ are
contested. Ingested through the CLI into a real SQLite file; the brief of the day must be faithful."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.models import Event
from sitrep.store import Store

DATA = Path(__file__).parent / "data" / "reference_incidents.jsonl"


def sitrep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True, timeout=180, check=False
    )


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Event]:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    done = sitrep("ingest", str(DATA), "--db", str(db), "-q")
    assert done.returncode == 0, done.stderr
    checked = sitrep("brief", "--db", str(db), "--check")
    assert checked.returncode == 0, checked.stderr
    with Store.open(db) as store:
        found = store.query_events(limit=None)
    by_place: dict[str, Event] = {}
    for event in found:
        assert event.location is not None and event.location.place is not None, event.summary
        name = (
            event.location.place.admin1 if event.location.place.admin1 == "Krasnodar" else event.location.text
        )
        assert name not in by_place, f"two events for {name}"
        by_place[name] = event
    return by_place


def test_each_incident_is_one_event(events: dict[str, Event]) -> None:
    assert set(events) == {"Krasnodar", "Taganrog", "Moscow", "Kyiv", "Geneva"}
    assert (
        len(events["Krasnodar"].claims) >= 3 and len({c.report_id for c in events["Krasnodar"].claims}) == 3
    )
    assert len({c.report_id for c in events["Moscow"].claims}) == 2
    assert len({c.report_id for c in events["Kyiv"].claims}) == 2
    assert events["Geneva"].event_type == "Diplomacy"


def test_each_claimants_figures_are_kept_and_disagreement_is_flagged(events: dict[str, Event]) -> None:
    taganrog = events["Taganrog"]
    assert sorted(taganrog.fatalities.by_claimant.values()) == ["1", "2"]
    assert taganrog.contested and "Svetlana Kambulova" in (taganrog.contested_reason or "")
    assert (taganrog.fatalities.acled, taganrog.fatalities.low, taganrog.fatalities.high) == (1, 1, 2)
    krasnodar = events["Krasnodar"]
    assert {"6", "7"} <= set(krasnodar.injured.by_claimant.values())
    assert krasnodar.contested and krasnodar.injured.acled == 6
    assert (
        not events["Moscow"].contested and not events["Kyiv"].contested
    )  # the same figures, or none against
    assert events["Kyiv"].fatalities.acled == 1
