"""Settings shared by the CLI and the Python API: where the database lives, fetch limits."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "sitrep.db"
#: Network fetches give up after this many seconds.
FETCH_TIMEOUT_S = 20.0
#: Largest document (file or download) accepted, in bytes.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
USER_AGENT = "sitrep/0.1 (+conflict event monitor; offline-first)"


def database_url(db: str | os.PathLike[str] | None = None) -> str:
    """SQLAlchemy URL from `--db`, then `SITREP_DB`, then ./sitrep.db. A bare path means SQLite."""
    value = str(db) if db else os.environ.get("SITREP_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"
