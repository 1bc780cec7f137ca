"""Research exports end to end: reports written here are ingested into a real SQLite file with the
CLI, exported as ACLED CSV, UCDP GED CSV and Parquet through the CLI, and read back with pandas."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest

from sitrep import taxonomy as tx
from sitrep.extract.actors import NAMED_GROUPS
from sitrep.models import DatePrecision, Event, FigureRange
from sitrep.report.acled import (
    ACLED_COLUMNS,
    INTER_CODE,
    actor_category,
    disorder_type,
    interaction,
    write_acled,
)
from sitrep.report.export import CSV_COLUMNS, write_csv
from sitrep.report.ucdp import UCDP_COLUMNS, priogrid_gid, write_ucdp

HOSTILE_OUTLET = "=cmd|' /C calc'!A0, \"Evil\" Inc."

# Each side's figure for one strike (1, 2 and 3 killed), a protest and a diplomatic call.
REPORTS = {
    "hostile.txt": (
        HOSTILE_OUTLET,
        "Three killed in Kharkiv drone strike\n\n"
        "Three people were killed in a Russian drone strike on Kharkiv on Monday.\n",
    ),
    "ukraine.txt": (
        "Kyiv Independent",
        "Russian drone strike on Kharkiv kills one, injures five\n\n"
        "A Russian drone strike on the city of Kharkiv on Monday killed one person and injured five, "
        "Governor Oleh Syniehubov said on Telegram. A residential building was damaged.\n",
    ),
    "russia.txt": (
        "TASS",
        "Two killed in Kharkiv strike, Russian sources say\n\n"
        "Two people were killed in a Russian drone strike on Kharkiv on Monday, Russian war "
        "correspondent Yevgeny Poddubny said on Telegram. He said the strike hit a building used by "
        "Ukrainian troops.\n",
    ),
    "protest.txt": (
        "Daily Nation",
        "Protesters rally in Nairobi\n\n"
        "Hundreds of protesters marched peacefully through central Nairobi on Monday, demanding lower "
        "fuel prices, police said. No injuries were reported.\n",
    ),
    "diplomacy.txt": (
        "Reuters",
        "Zelensky and Macron hold call on peace plan\n\n"
        "Ukrainian President Volodymyr Zelensky held a phone call with French President Emmanuel Macron "
        "on Monday to discuss the peace plan, Zelensky said in a statement.\n",
    ),
}


def sitrep(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "sitrep", *args]
    if db is not None:
        cmd += ["--db", str(db)]
    return subprocess.run(cmd, capture_output=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    path = folder / "exports.db"
    for name, (outlet, text) in REPORTS.items():  # in this order: the hostile outlet comes first
        (folder / name).write_text(text, encoding="utf-8")
        done = sitrep(
            "ingest", str(folder / name), "--published", "2025-11-25", "--source", outlet, "-q", db=path
        )
        assert done.returncode == 0, done.stderr.decode()
    return path


@pytest.fixture(scope="module")
def events(db: Path) -> list[dict]:
    done = sitrep("events", "--json", "--limit", "0", db=db)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout)


def export(db: Path, fmt: str, out: Path) -> Path:
    done = sitrep("export", "--format", fmt, "-o", str(out), db=db)
    assert done.returncode == 0, done.stderr.decode()
    return out


def by_type(events: list[dict], event_type: str) -> dict:
    found = [e for e in events if e["event_type"] == event_type]
    assert len(found) == 1, [(e["event_type"], e["summary"]) for e in events]
    return found[0]


@pytest.mark.slow
def test_ingested_events(events: list[dict]) -> None:
    """The fixture's premise: one contested strike, one protest, one diplomacy event."""
    assert sorted(e["event_type"] for e in events) == sorted([tx.EXPLOSIONS, tx.PROTESTS, tx.DIPLOMACY])
    strike = by_type(events, tx.EXPLOSIONS)
    assert strike["contested"] and strike["fatalities"]["acled"] == 1
    assert (strike["fatalities"]["low"], strike["fatalities"]["high"]) == (1, 3)


@pytest.mark.slow
def test_acled_export(db: Path, events: list[dict], tmp_path: Path) -> None:
    frame = pd.read_csv(export(db, "acled", tmp_path / "acled.csv"), keep_default_na=False)
    assert list(frame.columns) == ACLED_COLUMNS and len(frame.columns) == 31
    assert len(frame) == 2 and tx.DIPLOMACY not in set(frame["event_type"])  # diplomacy left out

    strike = frame[frame["event_type"] == tx.EXPLOSIONS].iloc[0]
    event = by_type(events, tx.EXPLOSIONS)
    number = int(strike["event_id_cnty"].removeprefix("UKR"))
    assert strike["event_id_cnty"].startswith("UKR") and f"ev{number:012x}" == event["id"]
    assert strike["event_date"] == event["date"] and strike["year"] == int(event["date"][:4])
    assert strike["time_precision"] == 1 and strike["geo_precision"] == 1
    assert strike["disorder_type"] == "Political violence"
    assert strike["sub_event_type"] == "Air/drone strike"
    assert (
        strike["actor1"] == "Military Forces of Russia (2000-)" and strike["actor2"] == "Civilians (Ukraine)"
    )
    # Russia's forces act outside Russia: ACLED's External/Other forces; the pair in ACLED's wording.
    assert strike["inter1"] == "External/Other forces" and strike["inter2"] == "Civilians"
    assert strike["interaction"] == "External/Other forces-Civilians"
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert strike["iso"] == 804 and strike["region"] == "Europe" and strike["country"] == "Ukraine"
    assert strike["admin1"] == "Kharkiv Oblast" and strike["location"] == "Kharkiv"
    assert abs(strike["latitude"] - 49.98) < 0.05 and abs(strike["longitude"] - 36.25) < 0.05
    assert strike["fatalities"] == 1  # the lowest figure, not 2 or 3
    assert strike["source"] == f"'{HOSTILE_OUTLET}; Kyiv Independent; TASS"  # formula guard, quotes kept
    notes = strike["notes"]
    assert notes.startswith("On 24 November 2025, air/drone strike in Kharkiv")
    for claimant, killed in (
        ("Oleh Syniehubov (Governor) via Telegram", 1),
        ("Yevgeny Poddubny via Telegram", 2),
    ):
        assert f"{claimant}: {killed} killed" in notes
    assert HOSTILE_OUTLET in notes  # inside the cell, not at its start: kept verbatim
    assert strike["tags"] == "" and strike["admin3"] == "" and strike["assoc_actor_1"] == ""
    assert abs(strike["timestamp"] - datetime.now(UTC).timestamp()) < 3600

    protest = frame[frame["event_type"] == tx.PROTESTS].iloc[0]
    assert protest["disorder_type"] == "Demonstrations" and protest["sub_event_type"] == "Peaceful protest"
    assert protest["actor1"] == "Protesters (Kenya)" and protest["inter1"] == "Protesters"
    assert protest["interaction"] == "Protesters only" and protest["civilian_targeting"] == ""
    assert protest["event_id_cnty"].startswith("KEN") and protest["iso"] == 404
    assert protest["region"] == "Eastern Africa" and protest["fatalities"] == 0
    assert protest["latitude"] < 0  # a negative number is not mistaken for a formula
    assert frame["fatalities"].dtype.kind == "i" and frame["timestamp"].dtype.kind == "i"


@pytest.mark.slow
def test_ucdp_export(db: Path, events: list[dict], tmp_path: Path) -> None:
    frame = pd.read_csv(export(db, "ucdp", tmp_path / "ged.csv"), keep_default_na=False)
    assert list(frame.columns) == UCDP_COLUMNS
    assert len(frame) == 1  # political violence only: not the protest, not the diplomacy
    row = frame.iloc[0]
    event = by_type(events, tx.EXPLOSIONS)
    assert row["relid"] == event["id"] and f"ev{row['id']:012x}" == event["id"]
    assert (row["low"], row["best"], row["high"]) == (1, 2, 3)  # lowest, median, highest claim
    assert row["type_of_violence"] == 3  # one-sided: state forces against civilians
    assert row["side_a"] == "Government of Russia (Soviet Union)" and row["side_b"] == "Civilians"
    assert row["dyad_name"] == "Government of Russia (Soviet Union) - Civilians"
    assert row["gwnoa"] == 365 and row["gwnob"] == ""
    assert row["deaths_civilians"] == 2 and row["deaths_unknown"] == 0
    assert row["where_prec"] == 1 and row["date_prec"] == 1
    assert row["date_start"] == row["date_end"] == event["date"] and row["year"] == 2025
    assert row["country"] == "Ukraine" and row["country_id"] == 369 and row["region"] == "Europe"
    assert row["adm_1"] == "Kharkiv Oblast" and row["geom_wkt"].startswith("POINT (36.")
    assert row["priogrid_gid"] == priogrid_gid(row["latitude"], row["longitude"])
    assert row["number_of_sources"] == 3 and row["event_clarity"] == 2  # contested
    assert "Oleh Syniehubov" in row["source_original"] and "Yevgeny Poddubny" in row["source_original"]
    assert row["source_office"] == f"'{HOSTILE_OUTLET}; Kyiv Independent; TASS"
    assert row["source_date"] == "2025-11-25" and "Kharkiv" in row["source_headline"]
    for empty in ("conflict_new_id", "dyad_new_id", "side_a_new_id", "active_year", "code_status"):
        assert row[empty] == ""


@pytest.mark.slow
def test_parquet_export(db: Path, events: list[dict], tmp_path: Path) -> None:
    frame = pd.read_parquet(export(db, "parquet", tmp_path / "events.parquet"))
    assert list(frame.columns) == CSV_COLUMNS and len(frame) == len(events) == 3
    for column in ("fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "n_sources"):
        assert str(frame[column].dtype) == "int64", column
    assert frame["contested"].dtype == bool and frame["latitude"].dtype == "float64"
    assert str(frame["updated"].dtype).startswith("datetime64") and "UTC" in str(frame["updated"].dtype)
    strike = frame[frame["event_type"] == tx.EXPLOSIONS].iloc[0]
    assert strike["event_date"] == date(2025, 11, 24)
    assert bool(strike["contested"]) and strike["fatalities"] == 1 and strike["fatalities_high"] == 3
    assert tx.DIPLOMACY in set(frame["event_type"])  # sitrep's own format keeps every event


@pytest.mark.slow
def test_parquet_to_a_pipe(db: Path) -> None:
    done = sitrep("export", "--format", "parquet", db=db)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout[:4] == b"PAR1" and len(pd.read_parquet(io.BytesIO(done.stdout))) == 3


def test_hostile_text_survives_csv() -> None:
    """Quotes, commas, newlines and formula prefixes come back as written (formulas defused)."""
    summary = '=HYPERLINK("http://evil.example","x"), a "quoted", comma\nand a new line'
    event = Event(
        id="ev0123456789ab",
        event_type=tx.VIOLENCE_AGAINST_CIVILIANS,
        sub_event_type="Attack",
        date=None,
        date_precision=DatePrecision.DAY,
        location=None,
        fatalities=FigureRange(acled=1, low=1, best=2, high=3, by_claimant={'@evil, "x"': "1", "+y\nz": "3"}),
        contested=True,
        contested_reason="killed: @evil: 1; +y: 3",
        actor1='-Gang, "the" =Unidentified',
        actor2="Civilians",
        summary=summary,
        claimants=['@evil, "x"', "+y\nz"],
        n_sources=2,
        updated=datetime(2025, 11, 25, 12, tzinfo=UTC),
    )
    acled_out, ucdp_out = io.StringIO(), io.StringIO()
    assert write_acled([event], acled_out) == 1 and write_ucdp([event], ucdp_out) == 1
    acled = pd.read_csv(io.StringIO(acled_out.getvalue()), keep_default_na=False).iloc[0]
    assert acled["notes"].startswith("'" + summary)  # undated: the sentence starts with the summary
    assert '@evil, "x": 1 killed; +y\nz: 3 killed' in acled["notes"]
    assert acled["actor1"] == '\'-Gang, "the" =Unidentified' and acled["timestamp"] == 1764072000
    assert acled["event_id_cnty"] == f"XXX{0x0123456789AB}"
    ged = pd.read_csv(io.StringIO(ucdp_out.getvalue()), keep_default_na=False).iloc[0]
    assert ged["source_original"] == '\'@evil, "x"; +y\nz' and ged["side_a"] == '\'-Gang, "the" =Unidentified'
    assert ged["type_of_violence"] == 3 and ged["deaths_civilians"] == 2
    plain_out = io.StringIO()
    assert write_csv([event], plain_out) == 1
    plain = pd.read_csv(io.StringIO(plain_out.getvalue()), keep_default_na=False).iloc[0]
    assert plain["summary"] == "'" + summary and plain["actor1"] == '\'-Gang, "the" =Unidentified'


def test_actor_categories() -> None:
    """Every named group has an ACLED category; states abroad are external forces."""
    for _, name in NAMED_GROUPS:
        assert actor_category(name.replace("{country}", "Mali"), "Mali") in INTER_CODE
    assert actor_category("Military Forces of Ukraine (2019-)", "Ukraine") == "State forces"
    assert actor_category("Police Forces of Kenya", "Kenya") == "State forces"
    assert actor_category("Military Forces of Russia (2000-)", "Ukraine") == "External/Other forces"
    assert actor_category("Fulani Ethnic Militia (Nigeria)", "Nigeria") == "Identity militia"
    assert actor_category("Unidentified Armed Group (Mali)", "Mali") == "Political militia"
    assert actor_category("Al Shabaab", "Somalia") == "Rebel group"
    assert actor_category("Rioters (Kenya)", "Kenya") == "Rioters"
    assert actor_category(None) is None
    assert interaction("Civilians", "State forces") == "State forces-Civilians"
    assert interaction("Rebel group", "Identity militia") == "Rebel group-Identity militia"
    assert interaction("Civilians", "External/Other forces") == "External/Other forces-Civilians"
    assert interaction("Rioters", None) == "Rioters only" and interaction(None, None) is None
    assert interaction(None, "Civilians") is None  # an unknown attacker: not "Civilians only"
    assert disorder_type(tx.RIOTS, "Mob violence") == "Political violence; Demonstrations"
    assert (
        disorder_type(tx.PROTESTS, "Excessive force against protesters")
        == "Political violence; Demonstrations"
    )
    assert disorder_type(tx.STRATEGIC, "Arrests") == "Strategic developments"
    assert disorder_type(tx.DIPLOMACY, "Call") is None


def test_priogrid_cells() -> None:
    assert priogrid_gid(-89.9, -179.9) == 1
    assert priogrid_gid(-89.9, 179.9) == 720
    assert priogrid_gid(89.9, 179.9) == 259200
