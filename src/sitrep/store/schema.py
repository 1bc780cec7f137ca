"""Tables of the event store, in SQLAlchemy Core so the same code runs on SQLite and PostgreSQL.

Every claim and event row keeps the full dataclass as JSON in `data` (the source of truth when
reading back), next to plain columns that exist only to filter, sort and index. Adding a field to
the models therefore never needs a migration; adding a column to query on does.

The migration `migrations/versions/0001_initial.py` must create exactly these tables: a test
compares the two with Alembic's autogenerate, so a change here without a revision fails loudly.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

#: The Alembic revision this code expects. Opening a database at this revision skips Alembic
#: entirely (importing it alone costs ~100 ms); a test checks it equals the script head.
SCHEMA_VERSION = "0006_web_speed"

#: Explicit constraint names, so later migrations (and PostgreSQL) can refer to them by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware datetime, stored in UTC.

    SQLite has no time zones: SQLAlchemy would silently drop the offset and hand back naive
    values. Normalising to UTC on the way in and re-attaching UTC on the way out keeps instants
    exact and comparable, and maps to `timestamptz` on PostgreSQL. Naive input is taken as UTC.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class JSONDoc(TypeDecorator[Any]):
    """JSON on SQLite, JSONB on PostgreSQL; Python None is SQL NULL, not the JSON text 'null'.

    The PostgreSQL type is chosen lazily so SQLite users never import that dialect.
    """

    impl = sa.JSON
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import JSONB

            return dialect.type_descriptor(JSONB(none_as_null=True))
        return dialect.type_descriptor(sa.JSON(none_as_null=True))


metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("content_hash", sa.String, nullable=False, unique=True),
    sa.Column("origin", sa.String, nullable=False),
    sa.Column("source", sa.String),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("lang", sa.String),
    sa.Column("published", UTCDateTime),
    sa.Column("retrieved", UTCDateTime, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("meta", JSONDoc),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column(
        "report_id", sa.String, sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("idx", sa.Integer, nullable=False),
    # No foreign key: events are rebuilt by the merge step and claims outlive them.
    sa.Column("event_id", sa.String, index=True),
    sa.Column("quote_start", sa.Integer, nullable=False),
    sa.Column("quote_end", sa.Integer, nullable=False),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("claimant_name", sa.String, nullable=False),
    sa.Column("claimant_role", sa.String),
    sa.Column("claimant_affiliation", sa.String),
    sa.Column("claimant_channel", sa.String),
    sa.Column("claimant_kind", sa.String),
    sa.Column("stance", sa.String, nullable=False),
    sa.Column("event_type", sa.String),
    sa.Column("sub_event_type", sa.String),
    sa.Column("actor1", sa.String),
    sa.Column("actor2", sa.String),
    sa.Column("location", JSONDoc),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("precision", sa.String),
    sa.Column("date", sa.Date),
    sa.Column("date_precision", sa.String),
    sa.Column("killed_low", sa.Integer),
    sa.Column("killed_high", sa.Integer),
    sa.Column("killed_qualifier", sa.String),
    sa.Column("civilians_killed_low", sa.Integer),  # the non-combatants among the killed (0002)
    sa.Column("civilians_killed_high", sa.Integer),
    sa.Column("civilians_killed_qualifier", sa.String),
    sa.Column("injured_low", sa.Integer),
    sa.Column("injured_high", sa.Integer),
    sa.Column("injured_qualifier", sa.String),
    sa.Column("data", JSONDoc, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("event_type", sa.String, index=True),
    sa.Column("sub_event_type", sa.String),
    sa.Column("date", sa.Date, index=True),
    sa.Column("date_precision", sa.String, nullable=False),
    sa.Column("place_name", sa.String),
    sa.Column("country", sa.String, index=True),
    sa.Column("country_code", sa.String),
    sa.Column("admin1", sa.String, index=True),
    sa.Column("admin2", sa.String),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("precision", sa.String),
    sa.Column("fatalities", sa.Integer, nullable=False),
    sa.Column("fatalities_low", sa.Integer, nullable=False),
    sa.Column("fatalities_best", sa.Integer, nullable=False),
    sa.Column("fatalities_high", sa.Integer, nullable=False),
    sa.Column("civilian_fatalities", sa.Integer),  # ACLED figure of non-combatants killed (0002)
    sa.Column("injured", sa.Integer, nullable=False),
    sa.Column("injured_low", sa.Integer, nullable=False),
    sa.Column("injured_best", sa.Integer, nullable=False),
    sa.Column("injured_high", sa.Integer, nullable=False),
    sa.Column("contested", sa.Boolean, nullable=False),
    sa.Column("contested_reason", sa.Text),
    sa.Column("actor1", sa.String),
    sa.Column("actor2", sa.String),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("n_sources", sa.Integer, nullable=False),
    sa.Column("n_claimants", sa.Integer, nullable=False),
    sa.Column("claimants", JSONDoc),
    sa.Column("first_reported", UTCDateTime),
    sa.Column("updated", UTCDateTime),
    sa.Column("data", JSONDoc, nullable=False),
)

#: Candidate lookup of the merge step filters on date and country together (0003).
sa.Index("ix_events_date_country", events.c.date, events.c.country)

#: Analysts' splits and merges, as a log (0003): what was done, to which claims and events.
corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String, nullable=False),  # split, merge
    sa.Column("event_id", sa.String, nullable=False, index=True),  # the event the claims now form
    sa.Column("from_event_ids", JSONDoc, nullable=False),
    sa.Column("claim_ids", JSONDoc, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("created", UTCDateTime, nullable=False),
)

#: The event each corrected claim belongs to, whatever the merge rules say (0003): read by the
#: merge step on every ingest, so re-ingesting reports never undoes a correction.
claim_pins = sa.Table(
    "claim_pins",
    metadata,
    sa.Column("claim_id", sa.String, primary_key=True),
    sa.Column("event_id", sa.String, nullable=False, index=True),
    sa.Column(
        "correction_id",
        sa.Integer,
        sa.ForeignKey("corrections.id", ondelete="CASCADE"),
        nullable=False,
    ),
)

#: `sitrep watch` progress per source (0004): conditional-request validators, schedule, health.
#: Validators are written only after every item of a poll is stored, so a crash never skips items.
watch_sources = sa.Table(
    "watch_sources",
    metadata,
    sa.Column("name", sa.String, primary_key=True),
    sa.Column("kind", sa.String, nullable=False),  # feed, page, folder, telegram
    sa.Column("target", sa.Text, nullable=False),  # URL, folder or channel
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("cursor", sa.Text),  # Telegram: the last message id read
    sa.Column("last_poll", UTCDateTime),
    sa.Column("last_success", UTCDateTime),
    sa.Column("last_status", sa.String),  # ok, not-modified, error
    sa.Column("last_error", sa.Text),
    sa.Column("error_count", sa.Integer, nullable=False),  # consecutive errors; 0 after a success
    sa.Column("backoff_until", UTCDateTime),
    sa.Column("polls", sa.Integer, nullable=False),
    sa.Column("items_seen", sa.Integer, nullable=False),
    sa.Column("reports_new", sa.Integer, nullable=False),
    sa.Column("events_created", sa.Integer, nullable=False),
    sa.Column("events_updated", sa.Integer, nullable=False),
)

#: Drop-folder files already read (0004), keyed by path, size and mtime: a changed file is read again.
watch_files = sa.Table(
    "watch_files",
    metadata,
    sa.Column("source", sa.String, primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("seen", UTCDateTime, nullable=False),
)

#: The web API's live refresh and claimant filter (0005).
sa.Index("ix_events_updated", events.c.updated)
sa.Index("ix_claims_claimant_name", claims.c.claimant_name)

#: The web API's filters in its sort order (0006): `WHERE column = ? ORDER BY date DESC, id DESC`
#: walks one index for the page and counts index entries only for the total.
for _column in ("event_type", "sub_event_type", "country", "country_code", "admin1", "contested"):
    sa.Index(f"ix_events_{_column}_date", events.c[_column], events.c.date, events.c.id)
sa.Index("ix_events_date_id", events.c.date, events.c.id)
sa.Index("ix_events_lat_lon", events.c.lat, events.c.lon)

#: SQLite-only trigram FTS5 tables of lowered summary/place and quotes, kept by triggers (0006).
#: They are not SQLAlchemy tables; `include_name` hides them (and their shadow tables) from
#: Alembic's schema comparison.
FTS_TABLES = ("events_fts", "claims_fts")


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    """Alembic filter: skip the FTS5 virtual tables and their shadow tables."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLES))
