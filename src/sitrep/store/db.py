"""The event store: reports, claims and events in one SQL database, SQLite unless told otherwise.

Written against SQLAlchemy Core with the SQLite and PostgreSQL `INSERT ... ON CONFLICT` dialects,
so moving to PostgreSQL is a URL change. On SQLite every connection gets WAL journaling (readers
never wait for the writer), `synchronous=NORMAL` (a crash can lose the last commits but never
corrupt the file), foreign keys and a 10 s busy timeout. Write transactions start with
`BEGIN IMMEDIATE`: a writer takes the lock up front and waits its turn, instead of failing with
"database is locked" when it upgrades a read lock in the middle of ingesting a report.

A `Store` may be shared by threads: each call checks out its own pooled connection, and
`transaction()` binds one connection to the calling thread only.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from sitrep.config import database_url
from sitrep.errors import SitrepError, StoreError
from sitrep.geo.distance import km_between
from sitrep.models import Claim, Event, Precision, Report
from sitrep.store import codec
from sitrep.store import schema as t
from sitrep.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
BUSY_TIMEOUT_MS = 10_000
VERSION_TABLE = "alembic_version"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_IMMEDIATE = "sitrep_begin_immediate"  # execution option read by the SQLite "begin" hook
_BACKENDS = ("sqlite", "postgresql")
_IN_CHUNK = 500  # ids per IN (...) list, well under SQLite's bound-parameter limit
# Alembic's `context` is a process-wide proxy: threads of one process must not migrate at once.
# (Processes are serialised by the BEGIN IMMEDIATE around the upgrade.)
_MIGRATE_LOCK = threading.Lock()

_ORDER_COLUMNS: dict[str, sa.ColumnElement[Any]] = {
    "date": t.events.c.date,
    "updated": t.events.c.updated,
    "first_reported": t.events.c.first_reported,
    "fatalities": t.events.c.fatalities,
    "injured": t.events.c.injured,
    "n_sources": t.events.c.n_sources,
    "n_claimants": t.events.c.n_claimants,
    "id": t.events.c.id,
}


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """An Alembic `Config` for the packaged migrations, built in code (no alembic.ini needed).

    Pass `connection` to run on it (inside its transaction), or `url` for a standalone run.
    """
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


class Store:
    """Reports, claims and events, with atomic transactions and automatic schema migration."""

    def __init__(self, engine: Engine, label: str) -> None:
        """Wrap an engine already prepared by `open`; use `Store.open` instead."""
        self.engine = engine
        self.label = label
        self._local = threading.local()
        self._upserts: dict[tuple[str, tuple[str, ...]], Any] = {}

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, db: str | os.PathLike[str] | None = None) -> Store:
        """Open (creating and migrating if needed) the database at `db`, SITREP_DB or ./sitrep.db.

        A database already at the current schema opens with two tiny queries and without
        importing Alembic. Every failure a user can cause becomes a one-line `StoreError`.
        """
        try:
            url = make_url(database_url(db))
        except ArgumentError as exc:
            raise StoreError(f"not a database URL or path: {db}") from exc
        backend = url.get_backend_name()
        if backend not in _BACKENDS:
            raise StoreError(f"unsupported database {backend!r}: use a SQLite path or a postgresql:// URL")
        path = _sqlite_path(url)
        if path is not None:
            _check_sqlite_path(path)
            label = str(path)
        else:
            label = "sqlite (in memory)" if backend == "sqlite" else url.render_as_string(hide_password=True)
        engine = _create_engine(url, label)
        store = cls(engine, label)
        try:
            store._ensure_schema()
        except StoreError:
            engine.dispose()
            raise
        except SQLAlchemyError as exc:
            engine.dispose()
            reason = _reason(exc)
            if "not a database" in reason:
                raise StoreError(f"{label} is not a SQLite database") from exc
            raise StoreError(f"cannot open database {label}: {reason}") from exc
        return store

    def close(self) -> None:
        """Close pooled connections; SQLite then folds the WAL back into the main file."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.label!r})"

    def schema_version(self) -> str | None:
        """The Alembic revision the database is at (None for an empty database)."""
        with self._connection() as conn:
            return _schema_version(conn)

    def _ensure_schema(self) -> None:
        with self.engine.connect() as conn:
            if _schema_version(conn) == SCHEMA_VERSION:
                return
        self._migrate()

    def _migrate(self) -> None:
        """Upgrade to head in one write transaction, so a crash mid-way leaves the old schema."""
        from alembic import command
        from alembic.util import CommandError

        with _MIGRATE_LOCK, self.engine.connect() as conn:
            conn.execution_options(**{_IMMEDIATE: True})
            with conn.begin():
                if conn.dialect.name == "postgresql":  # SQLite has BEGIN IMMEDIATE for this
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext('sitrep.migrate'))"))
                # Checked under the write lock: another process may have just migrated.
                # A SQLite file is ours alone; a PostgreSQL database may be shared with other apps.
                names = set(sa.inspect(conn).get_table_names())
                foreign = names if conn.dialect.name == "sqlite" else names & set(t.metadata.tables)
                if foreign and VERSION_TABLE not in names:
                    shown = ", ".join(sorted(foreign)[:5])
                    raise StoreError(f"{self.label} is not a sitrep database (it has tables: {shown})")
                try:
                    command.upgrade(alembic_config(conn), "head")
                except CommandError as exc:
                    raise StoreError(
                        f"cannot migrate {self.label}: {_reason(exc)} (written by a newer sitrep?)"
                    ) from exc

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Everything done through this store inside the block commits together, or not at all.

        An exception (or Ctrl-C) rolls back; a killed process leaves no trace of the open
        transaction. Nested blocks become savepoints. Bound to the calling thread.
        """
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            with conn.begin_nested():
                yield self
            return
        with self._connection(write=True) as conn:
            self._local.conn = conn
            try:
                yield self
            finally:
                self._local.conn = None

    @contextmanager
    def _connection(self, write: bool = False) -> Iterator[Connection]:
        """The thread's open transaction, or a short one of its own (atomic per call)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            yield conn
            return
        try:
            with self.engine.connect() as conn:
                if write:
                    conn.execution_options(**{_IMMEDIATE: True})
                with conn.begin():
                    yield conn
        except OperationalError as exc:
            raise StoreError(f"database {self.label}: {_reason(exc)}") from exc

    def _insert(self, table: sa.Table) -> Any:
        """The dialect's INSERT, which has `on_conflict_do_*` on both SQLite and PostgreSQL."""
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table)

    def _upsert(self, conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        # Built once per table and column set: constructing `excluded` costs more than the write
        # itself (merging saves an event and its claims for every report).
        key = (table.name, tuple(rows[0]))
        stmt = self._upserts.get(key)
        if stmt is None:
            insert = self._insert(table)
            stmt = self._upserts[key] = insert.on_conflict_do_update(
                index_elements=[table.c.id],
                set_={name: insert.excluded[name] for name in key[1] if name != "id"},
            )
        conn.execute(stmt, rows)

    # ------------------------------------------------------------------ reports

    def has_report(self, content_hash: str) -> bool:
        """Whether a report with this content hash (see `Report.content_hash`) is stored."""
        query = sa.select(sa.literal(1)).where(t.reports.c.content_hash == content_hash).limit(1)
        with self._connection() as conn:
            return conn.execute(query).first() is not None

    def add_report(self, report: Report) -> bool:
        """Store a report; False (and nothing written) if the same text is already stored."""
        stmt = self._insert(t.reports).values(**codec.report_to_row(report)).on_conflict_do_nothing()
        with self._connection(write=True) as conn:
            return conn.execute(stmt).rowcount == 1

    def get_report(self, report_id: str) -> Report | None:
        with self._connection() as conn:
            row = conn.execute(sa.select(t.reports).where(t.reports.c.id == report_id)).first()
        return codec.row_to_report(row) if row is not None else None

    # ------------------------------------------------------------------ claims

    def save_claims(self, claims: Sequence[Claim]) -> None:
        """Insert or replace claims (by `Claim.id`); their report must be stored already."""
        with self._connection(write=True) as conn:
            self._upsert(conn, t.claims, [codec.claim_to_row(c) for c in claims])

    def claims_for_event(self, event_id: str) -> list[Claim]:
        """An event's claims, oldest report first (publication time, then retrieval, then index)."""
        with self._connection() as conn:
            return _claims_by_event(conn, [event_id])[event_id]

    def claims_for_report(self, report_id: str) -> list[Claim]:
        """A report's claims in the order they appear in it."""
        query = sa.select(t.claims).where(t.claims.c.report_id == report_id).order_by(t.claims.c.idx)
        with self._connection() as conn:
            return [codec.row_to_claim(row) for row in conn.execute(query)]

    # ------------------------------------------------------------------ events

    def save_event(self, event: Event) -> None:
        """Insert or replace an event and attach `event.claims` to it (saving those claims too).

        Sets `event_id` on the claim objects. Claims stored for this event but absent from
        `event.claims` are left attached, so saving an event read without its claims (as
        `candidate_events` returns them) never orphans anything; move a claim by saving it with
        another event, or detach all with `delete_event`.
        """
        for claim in event.claims:
            claim.event_id = event.id
        with self._connection(write=True) as conn:
            self._upsert(conn, t.events, [codec.event_to_row(event)])
            self._upsert(conn, t.claims, [codec.claim_to_row(c) for c in event.claims])

    def get_event(self, event_id: str, with_claims: bool = True) -> Event | None:
        with self._connection() as conn:
            row = conn.execute(sa.select(t.events).where(t.events.c.id == event_id)).first()
            if row is None:
                return None
            claims = _claims_by_event(conn, [event_id])[event_id] if with_claims else []
        return codec.row_to_event(row, claims)

    def load_claims(self, event: Event) -> Event:
        """Fill `event.claims` from the database (for events read with `with_claims=False`)."""
        event.claims = self.claims_for_event(event.id)
        return event

    def delete_event(self, event_id: str) -> bool:
        """Delete an event and detach its claims (they stay, with `event_id` None). False if absent."""
        with self._connection(write=True) as conn:
            conn.execute(sa.update(t.claims).where(t.claims.c.event_id == event_id).values(event_id=None))
            return conn.execute(sa.delete(t.events).where(t.events.c.id == event_id)).rowcount > 0

    def candidate_events(
        self,
        day_from: date,
        day_to: date,
        event_types: Sequence[str] | None = None,
        country: str | None = None,
        near: tuple[float, float, float] | None = None,
    ) -> list[Event]:
        """Events dated within [day_from, day_to] (optionally of these types, and in `country` or
        of no known country), without claims.

        For the merge step: the (date, country) index keeps this a range scan of a few days of one
        country however large the store grows. Load claims with `claims_for_events` when needed.
        `near` = (lat, lon, km) drops events located to a town, district or site that lie farther
        away, tested on the lat/lon/precision columns before any event JSON is decoded (the merge
        rules would reject them: two different towns never merge); events with no point, a
        region- or country-level place or a "near" place are kept.
        """
        e = t.events.c
        # With `near`, the JSON is read as text and parsed only for the rows that pass the test.
        raw = sa.cast(e.data, sa.Text).label("raw")
        columns = [t.events] if near is None else [e.lat, e.lon, e.precision, raw]
        query = sa.select(*columns).where(e.date.between(_as_date(day_from), _as_date(day_to)))
        # The type and country tests are wrapped in coalesce() on purpose: a bare `event_type IN (...)`
        # or `country = ? OR country IS NULL` tempts SQLite into scanning the type or country index
        # (a large share of the store) instead of the few days of the date index: 80 ms against 5 ms
        # on 100,000 events (benchmarks/bench_merge.py).
        if event_types is not None:
            query = query.where(sa.func.coalesce(e.event_type, "").in_(list(event_types)))
        if country is not None:
            query = query.where(sa.func.coalesce(e.country, country) == country)
        query = query.order_by(e.date, e.id)
        with self._connection() as conn:
            rows = conn.execute(query)
            if near is None:
                return [codec.row_to_event(row) for row in rows]
            lat, lon, km = near
            return [
                codec.data_to_event(json.loads(row.raw))
                for row in rows
                if row.lat is None
                or row.lon is None
                or row.precision in _COARSE_PRECISION
                or km_between((lat, lon), (row.lat, row.lon)) <= km
            ]

    def claims_for_events(self, event_ids: Sequence[str]) -> dict[str, list[Claim]]:
        """The claims of several events in one query per 500 ids (oldest report first)."""
        if not event_ids:
            return {}
        with self._connection() as conn:
            return _claims_by_event(conn, list(dict.fromkeys(event_ids)))

    # ------------------------------------------------------------------ corrections

    def pins_for_claims(self, claim_ids: Sequence[str]) -> dict[str, str]:
        """claim id -> the event an analyst's correction pinned it to (only pinned claims)."""
        out: dict[str, str] = {}
        ids = list(claim_ids)
        with self._connection() as conn:
            for i in range(0, len(ids), _IN_CHUNK):
                query = sa.select(t.claim_pins.c.claim_id, t.claim_pins.c.event_id).where(
                    t.claim_pins.c.claim_id.in_(ids[i : i + _IN_CHUNK])
                )
                out.update({row.claim_id: row.event_id for row in conn.execute(query)})
        return out

    def add_correction(
        self,
        kind: str,
        event_id: str,
        from_event_ids: Sequence[str],
        pins: dict[str, str],
        note: str | None = None,
    ) -> int:
        """Log a split or merge and pin its claims (claim id -> event id); later pins replace
        earlier ones. Returns the correction's id."""
        row = {
            "kind": kind,
            "event_id": event_id,
            "from_event_ids": list(from_event_ids),
            "claim_ids": sorted(pins),
            "note": note,
            "created": datetime.now(UTC),
        }
        with self._connection(write=True) as conn:
            cid = conn.execute(sa.insert(t.corrections).values(**row)).inserted_primary_key[0]  # type: ignore[index]
            if pins:
                stmt = self._insert(t.claim_pins)
                stmt = stmt.on_conflict_do_update(
                    index_elements=[t.claim_pins.c.claim_id],
                    set_={"event_id": stmt.excluded.event_id, "correction_id": stmt.excluded.correction_id},
                )
                conn.execute(
                    stmt, [{"claim_id": k, "event_id": v, "correction_id": cid} for k, v in pins.items()]
                )
        return int(cid)

    def corrections(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """The correction log, oldest first (only those forming or taking from `event_id`)."""
        query = sa.select(t.corrections).order_by(t.corrections.c.id)
        with self._connection() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
        if event_id is not None:
            rows = [r for r in rows if r["event_id"] == event_id or event_id in (r["from_event_ids"] or [])]
        return rows

    def query_events(
        self,
        *,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        event_type: str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        text: str | None = None,
        contested: bool | None = None,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date desc",
        with_claims: bool = True,
    ) -> list[Event]:
        """Events matching every given filter, sorted by `order` ("<column> [asc|desc]").

        `event_type` matches the type or sub-type, `country` the name or ISO code, `admin1`
        the region, all case-insensitively; `text` is a case-insensitive substring of the
        summary, the place name or any claim's quote. Dates are inclusive. Undated events
        sort last either way. Claims are loaded in one extra query unless `with_claims=False`.
        """
        query = sa.select(t.events).where(
            *_event_filters(date_from, date_to, event_type, country, admin1, text, contested)
        )
        query = query.order_by(*_order_by(order)).offset(offset or None).limit(limit)
        with self._connection() as conn:
            rows = conn.execute(query).all()
            claims = _claims_by_event(conn, [r.id for r in rows]) if with_claims else {}
        return [codec.row_to_event(row, claims.get(row.id)) for row in rows]

    def count_events(
        self,
        *,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        event_type: str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        text: str | None = None,
        contested: bool | None = None,
    ) -> int:
        """How many events `query_events` would return with the same filters and no limit."""
        filters = _event_filters(date_from, date_to, event_type, country, admin1, text, contested)
        query = sa.select(sa.func.count()).select_from(t.events).where(*filters)
        with self._connection() as conn:
            return int(conn.execute(query).scalar_one())

    def stats(self) -> dict[str, Any]:
        """Counts of reports, claims, events and contested events; first and last event date."""

        def count(table: sa.Table, *where: sa.ColumnElement[bool]) -> sa.ScalarSelect[int]:
            return sa.select(sa.func.count()).select_from(table).where(*where).scalar_subquery()

        query = sa.select(
            count(t.reports).label("reports"),
            count(t.claims).label("claims"),
            count(t.events).label("events"),
            count(t.events, t.events.c.contested.is_(True)).label("contested"),
            sa.select(sa.func.min(t.events.c.date)).scalar_subquery().label("date_from"),
            sa.select(sa.func.max(t.events.c.date)).scalar_subquery().label("date_to"),
        )
        with self._connection() as conn:
            row = conn.execute(query).one()
        out = dict(row._mapping)
        for key in ("date_from", "date_to"):  # a scalar subquery loses the Date type on SQLite
            if isinstance(out[key], str):
                out[key] = date.fromisoformat(out[key])
        return out


# ---------------------------------------------------------------------- helpers


def _claims_select() -> sa.Select[Any]:
    return (
        sa.select(t.claims)
        .join(t.reports, t.reports.c.id == t.claims.c.report_id)
        .order_by(
            t.reports.c.published.asc().nulls_last(),
            t.reports.c.retrieved,
            t.claims.c.report_id,
            t.claims.c.idx,
        )
    )


#: Precisions `candidate_events(near=...)` never drops: a region's or country's point stands for an
#: area, and a "near X" / "20 km south of X" point may be offset from a place the merge rules still
#: count as the same (same gazetteer entry).
_COARSE_PRECISION = frozenset({str(Precision.REGION), str(Precision.COUNTRY), str(Precision.NEAR), None})


def _claims_by_event(conn: Connection, event_ids: Sequence[str]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {eid: [] for eid in event_ids}
    ids = list(out)
    for i in range(0, len(ids), _IN_CHUNK):
        query = _claims_select().where(t.claims.c.event_id.in_(ids[i : i + _IN_CHUNK]))
        for row in conn.execute(query):
            out[row.event_id].append(codec.row_to_claim(row))
    return out


def _event_filters(
    date_from: date | str | None,
    date_to: date | str | None,
    event_type: str | None,
    country: str | None,
    admin1: str | None,
    text: str | None,
    contested: bool | None,
) -> list[sa.ColumnElement[bool]]:
    e = t.events.c
    lower = sa.func.lower
    where: list[sa.ColumnElement[bool]] = []
    if date_from is not None:
        where.append(e.date >= _as_date(date_from))
    if date_to is not None:
        where.append(e.date <= _as_date(date_to))
    if event_type:
        where.append(
            sa.or_(lower(e.event_type) == lower(event_type), lower(e.sub_event_type) == lower(event_type))
        )
    if country:
        where.append(sa.or_(lower(e.country) == lower(country), lower(e.country_code) == lower(country)))
    if admin1:
        where.append(lower(e.admin1) == lower(admin1))
    if text:
        quoted = sa.exists().where(
            t.claims.c.event_id == e.id, t.claims.c.quote.icontains(text, autoescape=True)
        )
        where.append(
            sa.or_(
                e.summary.icontains(text, autoescape=True),
                e.place_name.icontains(text, autoescape=True),
                quoted,
            )
        )
    if contested is not None:
        where.append(e.contested.is_(bool(contested)))
    return where


def _as_date(value: date | str) -> date:
    """Accept ISO strings and datetimes too: SQLite compares dates as text, so a datetime's
    'T..' suffix or a stray format would silently shift the window."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise SitrepError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _order_by(order: str) -> list[sa.ColumnElement[Any]]:
    parts = (order or "date desc").lower().split()
    key, direction = parts[0], parts[1] if len(parts) > 1 else "asc"
    if key not in _ORDER_COLUMNS or direction not in ("asc", "desc") or len(parts) > 2:
        keys = ", ".join(_ORDER_COLUMNS)
        raise SitrepError(f"cannot order by {order!r}: use '<column> [asc|desc]' with one of {keys}")
    column = _ORDER_COLUMNS[key]
    if direction == "desc":
        return [column.desc().nulls_last(), t.events.c.id.desc()]
    return [column.asc().nulls_last(), t.events.c.id.asc()]


def _schema_version(conn: Connection) -> str | None:
    if not conn.dialect.has_table(conn, VERSION_TABLE):
        return None
    return conn.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def _sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for in-memory databases and other backends."""
    if url.get_backend_name() != "sqlite":
        return None
    name = url.database
    if not name or name == ":memory:" or url.query.get("mode") == "memory":
        return None
    return Path(name)


def _check_sqlite_path(path: Path) -> None:
    """Refuse early, with a plain sentence, what SQLite would report as 'unable to open'."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if path.exists():
        if not path.is_file():
            raise StoreError(f"{path} is not a regular file")
        try:
            with path.open("rb") as fh:
                head = fh.read(len(_SQLITE_MAGIC))
        except OSError as exc:
            raise StoreError(f"cannot read database {path}: {exc.strerror or exc}") from exc
        if head and head != _SQLITE_MAGIC:  # an empty file is a valid, empty database
            raise StoreError(f"{path} is not a SQLite database")
        if not os.access(path, os.W_OK):
            raise StoreError(f"database {path} is not writable")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError as exc:
            raise StoreError(f"cannot create database {path}: {exc.filename} is not a directory") from exc
        except OSError as exc:
            raise StoreError(f"cannot create database {path}: {exc.strerror or exc}") from exc
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(
            f"directory {path.parent} is not writable (SQLite keeps -wal and -shm files next to {path.name})"
        )


def _create_engine(url: URL, label: str) -> Engine:
    kwargs: dict[str, Any] = {"json_serializer": _json_dumps}
    sqlite = url.get_backend_name() == "sqlite"
    if sqlite:
        kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
    try:
        engine = sa.create_engine(url, **kwargs)
    except (ImportError, NoSuchModuleError) as exc:
        raise StoreError(f"cannot open {label}: database driver missing ({exc})") from exc
    if sqlite:
        sa_event.listen(engine, "connect", _sqlite_on_connect)
        sa_event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    """Per-connection SQLite settings (only journal_mode persists in the file)."""
    dbapi_conn.isolation_level = None  # the "begin" hook below emits BEGIN itself
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _set_wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()
    # SQLite's own lower() folds ASCII only; Python's makes "Київ" match "київ" too.
    dbapi_conn.create_function("lower", 1, _py_lower, deterministic=True)


def _set_wal(cursor: Any) -> None:
    """Switch to WAL, waiting for other connections: on a new file opened by several at once,
    SQLite answers the journal-mode change with "database is locked" at once, without calling
    its busy handler, so the busy timeout is applied here by hand."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_on_begin(conn: Connection) -> None:
    mode = "IMMEDIATE" if conn.get_execution_options().get(_IMMEDIATE) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _py_lower(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _reason(exc: BaseException) -> str:
    """The first line of the underlying driver message, without SQLAlchemy's SQL echo."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
