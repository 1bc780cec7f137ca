"""Watch state: per-source polling progress for `sitrep watch`, and the drop-folder files read.

Written by hand and frozen, like the earlier revisions. New tables only, so existing databases
upgrade in place; the state lives next to the events so that a restart resumes exactly where the
last committed poll ended.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_watch_state"
down_revision = "0003_corrections"
branch_labels = None
depends_on = None


def _ts() -> sa.types.TypeEngine:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("cursor", sa.Text(), nullable=True),
        sa.Column("last_poll", _ts(), nullable=True),
        sa.Column("last_success", _ts(), nullable=True),
        sa.Column("last_status", sa.String(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("backoff_until", _ts(), nullable=True),
        sa.Column("polls", sa.Integer(), nullable=False),
        sa.Column("items_seen", sa.Integer(), nullable=False),
        sa.Column("reports_new", sa.Integer(), nullable=False),
        sa.Column("events_created", sa.Integer(), nullable=False),
        sa.Column("events_updated", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_watch_sources"),
    )
    op.create_table(
        "watch_files",
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("seen", _ts(), nullable=False),
        sa.PrimaryKeyConstraint("source", "key", name="pk_watch_files"),
    )


def downgrade() -> None:
    op.drop_table("watch_files")
    op.drop_table("watch_sources")
