"""Incremental merging, its explanations and analysts' corrections: rules on built claims, and
split/merge through the CLI on real SQLite files (corrections must survive re-ingest)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from sitrep.errors import SitrepError
from sitrep.merge.cluster import score_match
from sitrep.merge.policy import MergePolicy
from sitrep.merge.similarity import fact_conflicts, quote_similarity, stated_facts
from sitrep.merge.stories import average_linkage, group_stories
from sitrep.models import Claim, Claimant, DatePrecision, Event, EventDate, Location, Place, Precision, Span

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "examples"

KHARKIV = Place("Kharkiv", 49.98, 36.25, "city", "UA", "Ukraine", admin1="Kharkiv Oblast", geonameid=706483)
KHARKIV_OBLAST = Place("Kharkiv Oblast", 49.5, 36.5, "admin1", "UA", "Ukraine", admin1="Kharkiv Oblast")
SUMY = Place("Sumy", 50.91, 34.80, "city", "UA", "Ukraine", admin1="Sumy Oblast", geonameid=692194)


def claim(text: str, place: Place | None, day: date | None, precision: Precision = Precision.TOWN) -> Claim:
    return Claim(
        report_id="r1",
        index=0,
        quote=Span(0, len(text), text),
        claimant=Claimant("Governor"),
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        location=Location(place.name, place, precision) if place else None,
        date=EventDate(day) if day else None,
    )


def event(place: Place | None, day: date | None, precision: Precision = Precision.TOWN) -> Event:
    return Event(
        id="ev1",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=day,
        date_precision=DatePrecision.DAY,
        location=Location(place.name, place, precision) if place else None,
    )


def test_policy_defaults_follow_acled_and_env_overrides() -> None:
    default = MergePolicy.from_env({})
    assert (default.window_days, default.max_km) == (1, 15.0)
    custom = MergePolicy.from_env({"SITREP_MERGE_WINDOW_DAYS": "0", "SITREP_MERGE_MAX_KM": "40"})
    assert (custom.window_days, custom.max_km) == (0, 40.0)
    with pytest.raises(SitrepError):
        MergePolicy.from_env({"SITREP_MERGE_MAX_KM": "far"})


def test_same_place_and_day_match_with_reasons() -> None:
    ev = event(KHARKIV, date(2025, 11, 25))
    m = score_match(ev, [claim("strike", KHARKIV, date(2025, 11, 24))], MergePolicy())
    assert m is not None and not m.needs_quotes
    assert "same place (Kharkiv)" in m.reasons and "1 day apart" in m.reasons


def test_other_town_or_outside_window_is_another_event() -> None:
    ev = event(KHARKIV, date(2025, 11, 25))
    assert score_match(ev, [claim("strike", SUMY, date(2025, 11, 25))], MergePolicy()) is None
    assert score_match(ev, [claim("strike", KHARKIV, date(2025, 11, 28))], MergePolicy()) is None
    # A wider policy window lets the same claim in.
    assert score_match(ev, [claim("strike", KHARKIV, date(2025, 11, 28))], MergePolicy(window_days=3))


def test_region_only_claim_needs_quote_support() -> None:
    m = score_match(
        event(KHARKIV, date(2025, 11, 25)),
        [claim("strike", KHARKIV_OBLAST, date(2025, 11, 25), Precision.REGION)],
        MergePolicy(),
    )
    assert m is not None and m.needs_quotes and any("admin unit" in r for r in m.reasons)
    assert (
        MergePolicy(same_admin_unit=False)
        and score_match(
            event(KHARKIV, date(2025, 11, 25)),
            [claim("strike", KHARKIV_OBLAST, date(2025, 11, 25), Precision.REGION)],
            MergePolicy(same_admin_unit=False),
        )
        is None
    )


def test_quote_similarity_ranks_paraphrase_above_other_incident() -> None:
    a = ["Russian guided bombs hit a residential area of Kharkiv overnight, killing three"]
    b = ["Guided bombs struck residential Kharkiv overnight; three people were killed"]
    c = ["A car bomb exploded at a market in Mogadishu, police said"]
    assert quote_similarity(a, b) > 0.35 > quote_similarity(a, c)


def test_stories_group_reports_by_names_and_words() -> None:
    texts = [
        "Wladimir Klitschko stopped Hasim Rahman in the seventh round in Mannheim.",
        "Klitschko beat Rahman in Mannheim, stopping him in the seventh round.",
        "An earthquake of magnitude 6.1 struck near Aceh, Indonesia, officials said.",
    ]
    s1, s2, s3 = group_stories(texts, threshold=0.25)
    assert s1 == s2 == 0 != s3 == 2


def test_stories_of_an_empty_or_single_batch() -> None:
    assert group_stories([]) == []
    assert group_stories(["One lonely report about a flood in Dhaka."]) == [0]


def test_average_linkage_matches_a_brute_force_clustering() -> None:
    """The incremental best-partner bookkeeping must give what recomputing every mean gives."""
    rng = np.random.default_rng(7)
    for n in (2, 5, 17, 40):
        points = rng.normal(size=(n, 3))
        sim = points @ points.T / 3
        assert average_linkage(sim, 0.2) == _brute_average_linkage(sim, 0.2)


def _brute_average_linkage(sim: np.ndarray, threshold: float) -> list[int]:
    groups = [[i] for i in range(len(sim))]
    while len(groups) > 1:
        score, a, b = max(
            (float(np.mean(sim[np.ix_(g, h)])), x, y)
            for x, g in enumerate(groups)
            for y, h in enumerate(groups)
            if x < y
        )
        if score < threshold:
            break
        groups[a] = sorted(groups[a] + groups.pop(b))
    return [min(g) for i in range(len(sim)) for g in groups if i in g]


def test_average_linkage_does_not_chain_through_one_bridging_report() -> None:
    # a and c are unrelated; b resembles both. Single linkage would make one group of all three.
    sim = np.array([[1, 0.6, 0.0], [0.6, 1, 0.6], [0.0, 0.6, 1]])
    assert average_linkage(sim, 0.5) in ([0, 0, 2], [0, 1, 1])


def test_stated_facts_read_years_days_weekdays_and_decimals() -> None:
    facts = stated_facts("Thursday, March 14, 2013 | A quake of magnitude 4. 6 struck at 2.09 am near Cobb.")
    assert facts == {"year": {"2013"}, "month_day": {"3-14"}, "weekday": {"thursday"}, "decimal": {"4.6"}}
    assert stated_facts("Police found the car near the bridge.") == {}


def test_fact_conflicts_count_only_kinds_both_sides_state() -> None:
    a = {"year": {"2013"}, "decimal": {"4.6"}, "weekday": {"thursday"}}
    assert fact_conflicts(a, {"year": {"2013", "2009"}, "decimal": {"4.4"}}) == 1
    assert fact_conflicts(a, {"month_day": {"3-14"}}) == 0
    assert fact_conflicts(a, {"year": {"2008"}, "decimal": {"4.2"}, "weekday": {"sunday"}}) == 3


def test_stories_split_same_kind_incidents_whose_stated_facts_conflict() -> None:
    texts = [
        "A magnitude 4.4 earthquake shook Alder Valley on Sunday morning, the survey said.",
        "The 4.4 quake rattled Alder Valley early Sunday; residents felt the earthquake.",
        "Seismologists recorded a 4.8 earthquake under Alder Valley on Wednesday; no damage was found.",
    ]
    first, same, other = group_stories(texts, threshold=0.3)
    assert first == same != other
    assert len(set(group_stories(texts, threshold=0.3, conflict_weight=0.0))) == 1


# -- through the CLI, on real SQLite files ---------------------------------------------------------


def sitrep(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sitrep", *args, "--db", str(db)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)


def claim_events(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, event_id FROM claims WHERE event_id IS NOT NULL"))


def rebuild(db: Path) -> None:
    """Forget every report, claim and event (as a re-ingest from scratch would), keep corrections."""
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM claims")
        conn.execute("DELETE FROM events")
        conn.execute("DELETE FROM reports")


@pytest.mark.slow
def test_split_and_merge_survive_reingest(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert sitrep("ingest", str(EXAMPLES), "-q", db=db).returncode == 0
    found = json.loads(sitrep("events", "--text", "guided bombs", "--json", db=db).stdout)
    kharkiv = next(e for e in found if e["n_sources"] >= 2)
    ev = kharkiv["id"]
    shown = json.loads(sitrep("show", ev, "--json", db=db).stdout)
    assert all(c["assignment"] for c in shown["claims"])
    assert "why here:" in sitrep("show", ev, db=db).stdout
    moved = shown["claims"][-1]["id"]
    before = {c["id"] for c in shown["claims"]}

    done = sitrep("split", ev, moved, "--note", "other strike", "--json", db=db)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    new = result["new"]["id"]
    assert result["kept"]["id"] == ev and new != ev
    assert [c["id"] for c in result["new"]["claims"]] == [moved]
    assert result["kept"]["updated"] >= kharkiv["updated"]
    after_split = claim_events(db)
    assert after_split[moved] == new and all(after_split[c] == ev for c in before - {moved})

    # Re-ingesting the same reports, or rebuilding the store from them, keeps the split.
    assert sitrep("ingest", str(EXAMPLES), "-q", db=db).returncode == 0
    assert claim_events(db) == after_split
    rebuild(db)
    assert sitrep("ingest", str(EXAMPLES), "-q", db=db).returncode == 0
    assert {k: v for k, v in claim_events(db).items() if k in before} == {
        k: v for k, v in after_split.items() if k in before
    }
    assert "analyst" in sitrep("show", new, db=db).stdout

    # Merge them back: the first id survives, the other is gone, and that survives a rebuild too.
    done = sitrep("merge", ev, new, "--json", db=db)
    assert done.returncode == 0, done.stderr
    merged = json.loads(done.stdout)
    assert merged["id"] == ev and {c["id"] for c in merged["claims"]} == before
    assert sitrep("show", new, db=db).returncode != 0
    rebuild(db)
    assert sitrep("ingest", str(EXAMPLES), "-q", db=db).returncode == 0
    assert all(v == ev for k, v in claim_events(db).items() if k in before)
    with sqlite3.connect(db) as conn:
        kinds = [k for (k,) in conn.execute("SELECT kind FROM corrections ORDER BY id")]
    assert kinds == ["split", "merge"]


@pytest.mark.slow
def test_corrections_refuse_bad_input(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    assert sitrep("ingest", str(EXAMPLES / "kyiv-overnight-strike.txt"), "-q", db=db).returncode == 0
    ev = json.loads(sitrep("events", "--json", db=db).stdout)[0]["id"]
    assert "not in" in sitrep("split", ev, "nope-c0", db=db).stderr
    assert "at least two" in sitrep("merge", ev, db=db).stderr
    assert sitrep("merge", ev, "evmissing", db=db).returncode != 0
