"""Per-source watch state in the event database, so that a restart resumes where it stopped.

The state sits beside the reports it describes (tables `watch_sources`, `watch_files`, migration
0004). It is written by the watcher's main thread only, through the store's engine, in short
transactions of their own: each report is already committed by `Pipeline.ingest`, and the
validators (ETag, Last-Modified, Telegram cursor) are saved only after every item of a poll is,
so a crash between the two repeats a poll (deduplicated by content hash) instead of skipping one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from sitrep.store import Store
from sitrep.store import schema as t


@dataclass
class SourceState:
    """What the database remembers about one source."""

    name: str
    kind: str
    target: str
    etag: str | None = None
    last_modified: str | None = None
    cursor: str | None = None
    last_poll: datetime | None = None
    last_success: datetime | None = None
    last_status: str | None = None
    last_error: str | None = None
    error_count: int = 0
    backoff_until: datetime | None = None
    polls: int = 0
    items_seen: int = 0
    reports_new: int = 0
    events_created: int = 0
    events_updated: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, for `sitrep sources --json` and the JSON log."""
        return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in asdict(self).items()}


_COLUMNS = [f.name for f in fields(SourceState)]


def _state(row: Any) -> SourceState:
    return SourceState(**{k: getattr(row, k) for k in _COLUMNS})


def _insert(store: Store, table: sa.Table) -> Any:
    """The dialect's INSERT with ON CONFLICT (SQLite and PostgreSQL both have it)."""
    if store.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


class WatchState:
    """Reads and writes `watch_sources` and `watch_files` through a `Store`'s engine."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def load(self, name: str) -> SourceState | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(sa.select(t.watch_sources).where(t.watch_sources.c.name == name)).first()
        return _state(row) if row is not None else None

    def all(self) -> list[SourceState]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(sa.select(t.watch_sources).order_by(t.watch_sources.c.name)).all()
        return [_state(row) for row in rows]

    def save(self, state: SourceState) -> None:
        """Insert or replace the source's row (one statement, so atomic on its own)."""
        values = {k: getattr(state, k) for k in _COLUMNS}
        stmt = _insert(self.store, t.watch_sources).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[t.watch_sources.c.name],
            set_={k: stmt.excluded[k] for k in _COLUMNS if k != "name"},
        )
        with self.store.engine.begin() as conn:
            conn.execute(stmt)

    def files_seen(self, source: str) -> set[str]:
        """Keys of the drop-folder files already read for `source`."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(sa.select(t.watch_files.c.key).where(t.watch_files.c.source == source))
            return {row[0] for row in rows}

    def mark_file(self, source: str, key: str) -> None:
        """Record a drop-folder file as read (after all its reports are stored)."""
        stmt = (
            _insert(self.store, t.watch_files)
            .values(source=source, key=key, seen=datetime.now(UTC))
            .on_conflict_do_nothing()
        )
        with self.store.engine.begin() as conn:
            conn.execute(stmt)
