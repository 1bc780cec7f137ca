"""Alembic environment for the sitrep store.

`Store.open` builds the Alembic `Config` in code and hands over its own connection (already inside
a write transaction) as `config.attributes["connection"]`, so the upgrade and the version bump
commit together and two processes opening a new database at once cannot both migrate it. Without
a connection (a developer running Alembic by hand) the URL comes from `sqlalchemy.url` or from
sitrep's usual `--db`/`SITREP_DB` lookup.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from sitrep.config import database_url
from sitrep.store.schema import include_name, metadata

config = context.config


def _configure(**kwargs: object) -> None:
    # Batch mode lets future revisions ALTER tables on SQLite (which rebuilds them).
    context.configure(
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
        **kwargs,
    )


def _run_online(connection: Connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    url = config.get_main_option("sqlalchemy.url") or database_url()
    if context.is_offline_mode():
        _configure(url=url, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_online(connection)
        return
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            _run_online(conn)
    finally:
        engine.dispose()


main()
