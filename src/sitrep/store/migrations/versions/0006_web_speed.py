"""Web speed: composite indexes in the API's filter + sort order, and (SQLite only) trigram FTS5
indexes for the text filter.

Each filter of `GET /api/events` is an equality (or a range) followed by `ORDER BY date DESC, id
DESC`: an index on (column, date, id) answers both the page (walk 100 entries) and the total
(count the entries, no table rows). (lat, lon) serves the bounding box. The 0005 single-column
indexes on sub-type and country code become prefixes of the new ones and are dropped.

Text search is a case-insensitive substring of an event's summary, place name or any claim's
quote. `events_fts` / `claims_fts` hold those texts already lowered by sitrep's `lower()` (Python's
`str.lower`, registered on every store connection) in trigram tables with `case_sensitive 1`: a
phrase of three or more characters matches exactly where the lowered substring occurs, so the
results equal the LIKE scan they replace. Triggers keep them in sync with every write. Written by
hand and frozen, like the earlier revisions; a database written by a client without sitrep's
`lower()` (the sqlite3 shell) gets ASCII-only folding in the index for the rows it writes.
PostgreSQL, or SQLite without FTS5/trigram (older than 3.34), gets no FTS tables; queries then
fall back to the LIKE scan.
"""

from __future__ import annotations

from alembic import op

revision = "0006_web_speed"
down_revision = "0005_web_indexes"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_events_event_type_date", "events", ["event_type", "date", "id"]),
    ("ix_events_sub_event_type_date", "events", ["sub_event_type", "date", "id"]),
    ("ix_events_country_date", "events", ["country", "date", "id"]),
    ("ix_events_country_code_date", "events", ["country_code", "date", "id"]),
    ("ix_events_admin1_date", "events", ["admin1", "date", "id"]),
    ("ix_events_contested_date", "events", ["contested", "date", "id"]),
    ("ix_events_date_id", "events", ["date", "id"]),
    ("ix_events_lat_lon", "events", ["lat", "lon"]),
]
DROPPED = [  # prefixes of the new indexes (0005)
    ("ix_events_sub_event_type", "events", ["sub_event_type"]),
    ("ix_events_country_code", "events", ["country_code"]),
]

FTS_TABLES = ("events_fts", "claims_fts")

#: The FTS tables and their triggers. rowid = the row's rowid in events / claims (both are rowid
#: tables); an upsert's DO UPDATE fires the UPDATE trigger.
FTS_SQL = [
    "CREATE VIRTUAL TABLE events_fts USING fts5(summary, place, tokenize='trigram case_sensitive 1')",
    "CREATE VIRTUAL TABLE claims_fts USING fts5(quote, tokenize='trigram case_sensitive 1')",
    "INSERT INTO events_fts(rowid, summary, place) "
    "SELECT rowid, lower(summary), lower(place_name) FROM events",
    "INSERT INTO claims_fts(rowid, quote) SELECT rowid, lower(quote) FROM claims",
    """CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, summary, place)
        VALUES (new.rowid, lower(new.summary), lower(new.place_name));
    END""",
    """CREATE TRIGGER events_fts_update AFTER UPDATE OF summary, place_name ON events BEGIN
        DELETE FROM events_fts WHERE rowid = old.rowid;
        INSERT INTO events_fts(rowid, summary, place)
        VALUES (new.rowid, lower(new.summary), lower(new.place_name));
    END""",
    """CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        DELETE FROM events_fts WHERE rowid = old.rowid;
    END""",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, quote) VALUES (new.rowid, lower(new.quote));
    END""",
    """CREATE TRIGGER claims_fts_update AFTER UPDATE OF quote ON claims BEGIN
        DELETE FROM claims_fts WHERE rowid = old.rowid;
        INSERT INTO claims_fts(rowid, quote) VALUES (new.rowid, lower(new.quote));
    END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        DELETE FROM claims_fts WHERE rowid = old.rowid;
    END""",
]
FTS_TRIGGERS = [
    "events_fts_insert", "events_fts_update", "events_fts_delete",
    "claims_fts_insert", "claims_fts_update", "claims_fts_delete",
]  # fmt: skip


def _has_trigram() -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34+)."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    try:
        bind.exec_driver_sql("CREATE VIRTUAL TABLE temp.sitrep_probe USING fts5(x, tokenize='trigram')")
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return False
    bind.exec_driver_sql("DROP TABLE temp.sitrep_probe")
    return True


def upgrade() -> None:
    for name, table, _ in DROPPED:
        op.drop_index(name, table_name=table)
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    if _has_trigram():
        for sql in FTS_SQL:
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in FTS_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        for table in FTS_TABLES:
            op.execute(f"DROP TABLE IF EXISTS {table}")
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    for name, table, columns in DROPPED:
        op.create_index(name, table, columns)
