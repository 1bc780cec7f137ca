"""The embedded event store (SQLite by default, PostgreSQL by URL), with automatic migrations."""

from sitrep.store.db import Store

__all__ = ["Store"]
