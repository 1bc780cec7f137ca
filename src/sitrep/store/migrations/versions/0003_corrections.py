"""Corrections: analysts' splits and merges, claim pins, and a (date, country) index on events.

Written by hand and frozen, like 0001 and 0002. New tables only, plus one index, so existing
databases upgrade in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003_corrections"
down_revision = "0002_civilian_figures"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_index("ix_events_date_country", "events", ["date", "country"])
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("from_event_ids", _json(), nullable=False),
        sa.Column("claim_ids", _json(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_corrections"),
    )
    op.create_index("ix_corrections_event_id", "corrections", ["event_id"])
    op.create_table(
        "claim_pins",
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("correction_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["correction_id"],
            ["corrections.id"],
            name="fk_claim_pins_correction_id_corrections",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name="pk_claim_pins"),
    )
    op.create_index("ix_claim_pins_event_id", "claim_pins", ["event_id"])


def downgrade() -> None:
    op.drop_table("claim_pins")
    op.drop_table("corrections")
    op.drop_index("ix_events_date_country", table_name="events")
