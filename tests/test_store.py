"""The store against real SQLite files: migrations, round-trips, filters, atomicity, concurrency."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from sitrep.errors import SitrepError, StoreError
from sitrep.models import (
    Claim,
    Claimant,
    Damage,
    DatePrecision,
    Event,
    EventDate,
    Figure,
    FigureRange,
    Location,
    Place,
    Precision,
    Report,
    Span,
    Stance,
)
from sitrep.store import Store
from sitrep.store.schema import SCHEMA_VERSION

KYIV = Place(
    name="Kyiv",
    lat=50.45466,
    lon=30.5238,
    kind="city",
    country_code="UA",
    country="Ukraine",
    admin1="Kyiv City",
    admin2=None,
    geonameid=703448,
    population=2797553,
    feature_code="PPLC",
)
KHARKIV = Place("Kharkiv", 49.98081, 36.25272, "city", "UA", "Ukraine", "Kharkiv Oblast", None, 706483)
BELGOROD = Place("Belgorod", 50.61074, 36.58015, "city", "RU", "Russia", "Belgorod Oblast", None, 578072)


def make_report(text: str, published: datetime | None = None, title: str | None = None) -> Report:
    return Report(
        text=text,
        origin="feed",
        source="Example Wire",
        url="https://example.org/a",
        title=title,
        lang="en",
        published=published,
        retrieved=datetime(2024, 11, 26, 8, 0, tzinfo=UTC),
        meta={"feed": "https://example.org/rss", "tags": ["ukraine"]},
    )


def make_claim(
    report: Report, index: int, *, quote: str, claimant: Claimant, killed: int, **kw: object
) -> Claim:
    start = report.text.index(quote)
    span = Span(start, start + len(quote), quote)
    return Claim(
        report_id=report.id,
        index=index,
        quote=span,
        claimant=claimant,
        event_type=kw.pop("event_type", "Explosions/Remote violence"),  # type: ignore[arg-type]
        sub_event_type=kw.pop("sub_event_type", "Air/drone strike"),  # type: ignore[arg-type]
        killed=Figure(killed, killed, None, Span(start, start + 3, quote[:3])),
        **kw,  # type: ignore[arg-type]
    )


def make_event() -> Event:
    """A fully populated event with two claims from two reports by different claimants."""
    r1 = make_report(
        "At least 6 people were killed and 12 injured in a drone attack on Kyiv overnight, "
        "the head of the city military administration said.",
        published=datetime(2024, 11, 25, 9, 30, tzinfo=timezone(timedelta(hours=2))),
        title="Drone attack on Kyiv",
    )
    r2 = make_report(
        "Russia's Defence Ministry said its forces struck energy facilities near Kyiv "
        "and denied hitting homes.",
        published=datetime(2024, 11, 25, 12, 0, tzinfo=UTC),
    )
    loc = Location(
        text="Kyiv",
        place=KYIV,
        precision=Precision.NEAR,
        span=Span(50, 54, "Kyiv"),
        detail="east bank of the Dnipro River",
        offset_km=12.5,
        bearing="south-east",
        lat=50.40,
        lon=30.65,
    )
    when = EventDate(
        date=date(2024, 11, 25),
        precision=DatePrecision.DAY,
        text="overnight",
        span=Span(55, 64, "overnight"),
        end=date(2024, 11, 26),
    )
    c1 = make_claim(
        r1,
        0,
        quote="At least 6 people were killed and 12 injured in a drone attack on Kyiv overnight",
        claimant=Claimant(
            "Serhiy Popko", "head of Kyiv's military administration", "Ukraine", "Telegram", "person"
        ),
        killed=6,
        stance=Stance.ASSERTED,
        actor1="Military Forces of Russia (2000-)",
        actor2="Civilians (Ukraine)",
        location=loc,
        date=when,
        injured=Figure(12, None, "at least", None),
        damage=[
            Damage("drones_launched", Figure(24, None, "dozens", None), "drones", Span(0, 5, "At le")),
            Damage("buildings_damaged", None, "apartment buildings", Span(10, 16, "people")),
        ],
        weapons=["Shahed-136"],
        confidence=0.9,
        incident_key=1,
    )
    c2 = make_claim(
        r2,
        3,
        quote="denied hitting homes",
        claimant=Claimant("Russian Defence Ministry", None, "Russia", "statement", "organisation"),
        killed=0,
        stance=Stance.DENIED,
        location=Location("near Kyiv", KYIV, Precision.REGION),
        date=EventDate(date(2024, 11, 25), DatePrecision.WEEK),
        confidence=0.4,
    )
    event = Event(
        id="e-kyiv-20241125",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date=date(2024, 11, 25),
        date_precision=DatePrecision.DAY,
        location=loc,
        fatalities=FigureRange(acled=0, low=0, best=6, high=6, by_claimant={"Serhiy Popko": "6", "MoD": "0"}),
        injured=FigureRange(acled=12, low=12, best=12, high=12, by_claimant={"Serhiy Popko": "≥ 12"}),
        contested=True,
        contested_reason="Russia denies hitting homes",
        actor1="Military Forces of Russia (2000-)",
        actor2="Civilians (Ukraine)",
        summary="Drone strike on Kyiv; Ukraine reports 6 killed, Russia denies civilian targets.",
        claims=[c1, c2],
        n_sources=2,
        n_claimants=2,
        claimants=["Serhiy Popko", "Russian Defence Ministry"],
        first_reported=datetime(2024, 11, 25, 7, 30, tzinfo=UTC),
        updated=datetime(2024, 11, 25, 15, 0, 1, 123456, tzinfo=timezone(timedelta(hours=-5))),
    )
    event.reports = [r1, r2]  # type: ignore[attr-defined]  # test convenience only
    return event


def save_full_event(store: Store) -> Event:
    event = make_event()
    with store.transaction():
        for report in event.reports:  # type: ignore[attr-defined]
            assert store.add_report(report)
        store.save_event(event)
    return event


def simple_event(
    store: Store,
    key: str,
    day: date | None,
    place: Place | None,
    *,
    type_: str = "Battles",
    sub: str = "Armed clash",
    summary: str = "",
    quote: str = "fighting continued",
    contested: bool = False,
) -> Event:
    """Store one report with one claim and an event around it."""
    published = datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None
    report = make_report(f"{key}: {quote}.", published=published)
    claim = make_claim(report, 0, quote=quote, claimant=Claimant("Example Wire", kind="outlet"), killed=1)
    loc = Location(place.name, place, Precision.TOWN) if place else None
    event = Event(
        id=key,
        event_type=type_,
        sub_event_type=sub,
        date=day,
        date_precision=DatePrecision.DAY,
        location=loc,
        summary=summary,
        contested=contested,
        claims=[claim],
    )
    with store.transaction():
        store.add_report(report)
        store.save_event(event)
    return event


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "sitrep.db"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    s = Store.open(db)
    yield s
    s.close()


# ---------------------------------------------------------------- opening and migrations


def test_first_open_creates_and_migrates(tmp_path: Path) -> None:
    db = tmp_path / "new" / "dir" / "x.db"
    with Store.open(db) as s:
        assert db.is_file()
        assert s.schema_version() == SCHEMA_VERSION
        assert s.stats()["events"] == 0
        tables = set(sa.inspect(s.engine).get_table_names())
    assert {"reports", "claims", "events", "alembic_version"} <= tables
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        indexes = {r[1] for r in raw.execute("SELECT type, name FROM sqlite_master WHERE type='index'")}
    assert {"ix_events_date", "ix_events_event_type", "ix_events_country", "ix_events_admin1"} <= indexes
    assert "ix_claims_event_id" in indexes


def test_every_connection_gets_the_pragmas(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000


def test_schema_matches_the_migration(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from sitrep.store.db import alembic_config
    from sitrep.store.schema import include_name, metadata

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_VERSION
    with store.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name}),
            metadata,
        )
    assert diff == []


def test_reopen_does_no_migration_work(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(db).close()

    def fail(self: Store) -> None:
        raise AssertionError("migrated an up-to-date database")

    monkeypatch.setattr(Store, "_migrate", fail)
    start = time.perf_counter()
    s = Store.open(db)
    elapsed = time.perf_counter() - start
    s.close()
    assert elapsed < 0.5  # ~1 ms in practice; generous for slow CI


def test_bad_paths_give_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path)
    text = tmp_path / "notes.txt"
    text.write_text("this is not a database\n")
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store.open(text)
    assert text.read_text() == "this is not a database\n"  # untouched
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create database"):
        Store.open(blocker / "sub" / "x.db")


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreError, match="not a sitrep database"):
        Store.open(other)
    with sqlite3.connect(other) as raw:
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert names == {"photos"}


def test_unknown_schema_revision_is_refused(db: Path) -> None:
    Store.open(db).close()
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    with pytest.raises(StoreError, match="cannot migrate"):
        Store.open(db)


# ---------------------------------------------------------------- round trips


def test_event_round_trip(store: Store) -> None:
    event = save_full_event(store)
    back = store.get_event(event.id)
    assert back is not None
    assert back == event  # every field, claims included, in report order
    assert back.to_dict() == event.to_dict()
    c1 = back.claims[0]
    assert isinstance(c1.stance, Stance) and isinstance(c1.location.precision, Precision)
    assert c1.location.place == KYIV and c1.location.span == Span(50, 54, "Kyiv")
    assert c1.date.end == date(2024, 11, 26) and isinstance(c1.date.precision, DatePrecision)
    assert c1.damage[0].count == Figure(24, None, "dozens", None) and c1.damage[1].count is None
    assert c1.killed.span is not None and c1.injured == Figure(12, None, "at least", None)
    assert back.claims[1].stance is Stance.DENIED and back.claims[1].event_id == event.id
    assert back.updated == event.updated and back.updated.tzinfo is not None
    assert back.fatalities.by_claimant == {"Serhiy Popko": "6", "MoD": "0"}

    bare = store.get_event(event.id, with_claims=False)
    assert bare.claims == [] and store.load_claims(bare).claims == event.claims
    assert store.get_event("nope") is None


def test_report_round_trip_and_dedup(store: Store) -> None:
    published = datetime(2024, 11, 25, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    report = make_report("Shelling hit Kherson.", published=published, title="Kherson")
    assert not store.has_report(report.content_hash)
    assert store.add_report(report) is True
    assert store.has_report(report.content_hash)
    # Same text with other case and spacing is the same report, from any file.
    twin = make_report("  shelling HIT   kherson. ", title="KHERSON")
    twin.url = "/elsewhere.txt"
    assert twin.content_hash == report.content_hash
    assert store.add_report(twin) is False
    back = store.get_report(report.id)
    assert back == report
    assert back.published == published and back.published.tzinfo is not None
    assert store.get_report("r-missing") is None
    assert store.stats()["reports"] == 1


def test_claims_save_replace_and_by_report(store: Store) -> None:
    event = make_event()
    r1 = event.reports[0]  # type: ignore[attr-defined]
    store.add_report(r1)
    c1 = event.claims[0]
    store.save_claims([c1])
    c1.confidence = 0.1
    c1.weapons.append("Geran-2")
    store.save_claims([c1])  # replace
    assert store.claims_for_report(r1.id) == [c1]
    assert store.claims_for_event("none") == []
    with pytest.raises(sa.exc.IntegrityError):  # the report must exist first
        store.save_claims([event.claims[1]])


def test_delete_event_detaches_claims(store: Store) -> None:
    event = save_full_event(store)
    assert store.delete_event(event.id) is True
    assert store.delete_event(event.id) is False
    assert store.get_event(event.id) is None
    claims = store.claims_for_report(event.claims[0].report_id)
    assert len(claims) == 1 and claims[0].event_id is None
    assert store.stats()["claims"] == 2


# ---------------------------------------------------------------- queries


@pytest.fixture
def populated(store: Store) -> Store:
    save_full_event(store)  # 2024-11-25, Kyiv, contested
    simple_event(store, "e-kharkiv", date(2024, 11, 20), KHARKIV, summary="Clashes near Kharkiv")
    simple_event(
        store,
        "e-belgorod",
        date(2024, 11, 28),
        BELGOROD,
        type_="Explosions/Remote violence",
        sub="Shelling/artillery/missile attack",
        quote="shells hit a market in Бєлгород",
    )
    simple_event(store, "e-undated", None, None, type_="Protests", sub="Peaceful protest")
    return store


def ids(events: list[Event]) -> list[str]:
    return [e.id for e in events]


def test_query_filters(populated: Store) -> None:
    q = populated.query_events
    assert ids(q()) == ["e-belgorod", "e-kyiv-20241125", "e-kharkiv", "e-undated"]
    assert ids(q(order="date asc")) == ["e-kharkiv", "e-kyiv-20241125", "e-belgorod", "e-undated"]
    assert ids(q(date_from=date(2024, 11, 21), date_to=date(2024, 11, 28))) == [
        "e-belgorod",
        "e-kyiv-20241125",
    ]
    assert ids(q(date_to=date(2024, 11, 20))) == ["e-kharkiv"]
    assert (
        ids(q(date_from="2024-11-28")) == ids(q(date_from=datetime(2024, 11, 28, 23, 59))) == ["e-belgorod"]
    )
    with pytest.raises(SitrepError, match="not a date"):
        q(date_from="last week")
    assert ids(q(event_type="explosions/remote VIOLENCE")) == ["e-belgorod", "e-kyiv-20241125"]
    assert ids(q(event_type="air/drone strike")) == ["e-kyiv-20241125"]
    assert ids(q(country="russia")) == ["e-belgorod"]
    assert ids(q(country="ua", order="date asc")) == ["e-kharkiv", "e-kyiv-20241125"]
    assert ids(q(admin1="kharkiv oblast")) == ["e-kharkiv"]
    assert ids(q(text="clashes")) == ["e-kharkiv"]  # summary
    assert ids(q(text="KYIV")) == ["e-kyiv-20241125"]  # place name and summary
    assert ids(q(text="denied hitting")) == ["e-kyiv-20241125"]  # a claim's quote
    assert ids(q(text="бєлгород")) == ["e-belgorod"]  # non-ASCII case folding
    assert ids(q(text="100%")) == []  # wildcards are literal
    assert ids(q(contested=True)) == ["e-kyiv-20241125"]
    assert ids(q(contested=False, country="UA")) == ["e-kharkiv"]
    assert ids(q(limit=2, offset=1)) == ["e-kyiv-20241125", "e-kharkiv"]
    assert populated.count_events() == 4
    assert populated.count_events(country="UA") == 2
    assert populated.count_events(text="denied") == 1
    events = q(country="Ukraine")
    assert [len(e.claims) for e in events] == [2, 1]
    assert all(e.claims == [] for e in q(with_claims=False))
    with pytest.raises(SitrepError, match="cannot order"):
        q(order="summary; drop table events")


def test_candidate_events_window(populated: Store) -> None:
    found = populated.candidate_events(date(2024, 11, 20), date(2024, 11, 25))
    assert ids(found) == ["e-kharkiv", "e-kyiv-20241125"]
    assert all(e.claims == [] for e in found)
    assert ids(populated.candidate_events(date(2024, 11, 21), date(2024, 11, 30), ["Battles"])) == []
    typed = populated.candidate_events(date(2024, 11, 1), date(2024, 11, 30), ["Explosions/Remote violence"])
    assert ids(typed) == ["e-kyiv-20241125", "e-belgorod"]
    assert len(populated.load_claims(typed[0]).claims) == 2


def test_saving_a_candidate_without_claims_keeps_its_claims(populated: Store) -> None:
    (kyiv,) = populated.candidate_events(date(2024, 11, 25), date(2024, 11, 25))
    kyiv.n_sources = 3
    populated.save_event(kyiv)
    back = populated.get_event(kyiv.id)
    assert back.n_sources == 3 and len(back.claims) == 2


def test_stats(populated: Store) -> None:
    assert populated.stats() == {
        "reports": 5,
        "claims": 5,
        "events": 4,
        "contested": 1,
        "date_from": date(2024, 11, 20),
        "date_to": date(2024, 11, 28),
    }


# ---------------------------------------------------------------- atomicity and concurrency


def test_transaction_rollback_leaves_nothing(store: Store) -> None:
    event = make_event()
    with pytest.raises(RuntimeError), store.transaction():
        for report in event.reports:  # type: ignore[attr-defined]
            store.add_report(report)
        store.save_event(event)
        raise RuntimeError("killed mid-ingest")
    assert store.stats() == {
        "reports": 0,
        "claims": 0,
        "events": 0,
        "contested": 0,
        "date_from": None,
        "date_to": None,
    }
    save_full_event(store)  # re-running simply works
    assert store.stats()["claims"] == 2


def test_nested_transaction_is_a_savepoint(store: Store) -> None:
    a, b = make_report("first report"), make_report("second report")
    with store.transaction():
        store.add_report(a)
        with pytest.raises(ValueError), store.transaction():
            store.add_report(b)
            raise ValueError
    assert store.has_report(a.content_hash) and not store.has_report(b.content_hash)


def test_reader_is_not_blocked_by_an_open_write_transaction(db: Path) -> None:
    writer, reader = Store.open(db), Store.open(db)
    report = make_report("written while another store reads")
    seen: list[object] = []

    def read() -> None:
        start = time.perf_counter()
        seen.append(reader.has_report(report.content_hash))
        seen.append(reader.count_events())
        seen.append(time.perf_counter() - start)

    with writer.transaction():
        writer.add_report(report)
        thread = threading.Thread(target=read)
        thread.start()
        thread.join(timeout=5)
        assert not thread.is_alive()
    assert seen[0] is False and seen[1] == 0 and seen[2] < 1.0  # old snapshot, no waiting
    assert reader.has_report(report.content_hash)  # visible once committed
    writer.close()
    reader.close()


def test_second_writer_waits_for_the_first(db: Path) -> None:
    first, second = Store.open(db), Store.open(db)
    done: list[bool] = []
    thread = threading.Thread(target=lambda: done.append(second.add_report(make_report("second writer"))))
    with first.transaction():
        first.add_report(make_report("first writer"))
        thread.start()
        time.sleep(0.2)
        assert done == []  # blocked on BEGIN IMMEDIATE, not failed
    thread.join(timeout=5)
    assert done == [True] and first.stats()["reports"] == 2
    first.close()
    second.close()


KILL_SCRIPT = textwrap.dedent(
    """
    import sys
    from datetime import date
    from sitrep.models import Claim, Claimant, DatePrecision, Event, Report, Span
    from sitrep.store import Store

    store = Store.open(sys.argv[1])
    i = 0
    while True:
        text = f"Report number {i}: two claims about one strike, padded " + "x" * 2000
        report = Report(text=text)
        claims = [
            Claim(report.id, k, Span(0, 6, "Report"), Claimant("Wire"), "Battles", "Armed clash")
            for k in range(2)
        ]
        day = date(2024, 1, 1)
        event = Event(f"e{i}", "Battles", "Armed clash", day, DatePrecision.DAY, None, claims=claims)
        with store.transaction():
            if store.add_report(report):
                store.save_event(event)
        print(i, flush=True)
        i += 1
    """
)


def test_sigkill_mid_ingest_leaves_a_consistent_database(db: Path, tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(KILL_SCRIPT)
    Store.open(db).close()
    proc = subprocess.Popen([sys.executable, str(script), str(db)], stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(30):  # let it commit a few, then kill it wherever it is
            assert proc.stdout.readline(), "writer died"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store.open(db) as s:
        stats = s.stats()
        assert stats["reports"] >= 30
        assert stats["claims"] == 2 * stats["reports"] and stats["events"] == stats["reports"]
        for event in s.query_events(limit=5):
            assert len(event.claims) == 2


def test_writes_take_the_lock_up_front_and_reads_do_not(store: Store) -> None:
    begins: list[str] = []

    @sa.event.listens_for(store.engine, "before_cursor_execute")
    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.startswith("BEGIN"):
            begins.append(statement)

    store.has_report("x")
    store.add_report(make_report("a"))
    with store.transaction():
        store.has_report("y")  # a read first: would hit SQLITE_BUSY_SNAPSHOT if not IMMEDIATE
        store.add_report(make_report("b"))
    assert begins == ["BEGIN DEFERRED", "BEGIN IMMEDIATE", "BEGIN IMMEDIATE"]


def test_processes_opening_a_new_database_at_once_migrate_it_once(db: Path) -> None:
    code = "import sys; from sitrep.store import Store; Store.open(sys.argv[1]).close()"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(db)], stderr=subprocess.PIPE) for _ in range(3)
    ]
    errors = [p.communicate(timeout=30)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errors
    with Store.open(db) as s:
        assert s.schema_version() == SCHEMA_VERSION


def test_threads_opening_a_new_database_at_once(db: Path) -> None:
    results: list[object] = []

    def open_it() -> None:
        try:
            with Store.open(db) as s:
                results.append(s.schema_version())
        except Exception as exc:
            results.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=20)
    assert results == [SCHEMA_VERSION] * 4


def test_postgresql_sql_renders() -> None:
    """No server here: check the migration and the query SQL at least compile for PostgreSQL."""
    import io

    from alembic import command
    from sqlalchemy.dialects import postgresql

    from sitrep.store import schema
    from sitrep.store.db import _event_filters, _order_by, alembic_config

    cfg = alembic_config(url="postgresql://user@host/sitrep")
    cfg.output_buffer = io.StringIO()
    command.upgrade(cfg, "head", sql=True)
    ddl = cfg.output_buffer.getvalue()
    assert "CREATE TABLE events" in ddl and "JSONB" in ddl and "TIMESTAMP WITH TIME ZONE" in ddl

    filters = _event_filters(date(2024, 1, 1), None, "Battles", "UA", "Kharkiv", "50%", True)
    query = sa.select(schema.events).where(*filters).order_by(*_order_by("fatalities desc"))
    sql = str(query.compile(dialect=postgresql.dialect()))
    assert "NULLS LAST" in sql and "EXISTS" in sql
    stmt = postgresql.insert(schema.claims)
    stmt = stmt.on_conflict_do_update(
        index_elements=[schema.claims.c.id], set_={"quote": stmt.excluded.quote}
    )
    assert "ON CONFLICT (id) DO UPDATE" in str(stmt.compile(dialect=postgresql.dialect()))
