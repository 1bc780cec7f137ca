"""Initial schema: reports, claims and events.

Written by hand and frozen: it spells out every column instead of importing `schema.py`, so
later changes to the tables cannot silently rewrite what this revision did. Types are plain
SQLAlchemy ones (the store's TypeDecorators only add Python-side conversion).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _ts() -> sa.types.TypeEngine:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("lang", sa.String(), nullable=True),
        sa.Column("published", _ts(), nullable=True),
        sa.Column("retrieved", _ts(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("meta", _json(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.UniqueConstraint("content_hash", name="uq_reports_content_hash"),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("report_id", sa.String(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=True),
        sa.Column("quote_start", sa.Integer(), nullable=False),
        sa.Column("quote_end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("claimant_name", sa.String(), nullable=False),
        sa.Column("claimant_role", sa.String(), nullable=True),
        sa.Column("claimant_affiliation", sa.String(), nullable=True),
        sa.Column("claimant_channel", sa.String(), nullable=True),
        sa.Column("claimant_kind", sa.String(), nullable=True),
        sa.Column("stance", sa.String(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=True),
        sa.Column("sub_event_type", sa.String(), nullable=True),
        sa.Column("actor1", sa.String(), nullable=True),
        sa.Column("actor2", sa.String(), nullable=True),
        sa.Column("location", _json(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("precision", sa.String(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(), nullable=True),
        sa.Column("killed_low", sa.Integer(), nullable=True),
        sa.Column("killed_high", sa.Integer(), nullable=True),
        sa.Column("killed_qualifier", sa.String(), nullable=True),
        sa.Column("injured_low", sa.Integer(), nullable=True),
        sa.Column("injured_high", sa.Integer(), nullable=True),
        sa.Column("injured_qualifier", sa.String(), nullable=True),
        sa.Column("data", _json(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name="fk_claims_report_id_reports", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
    )
    op.create_index("ix_claims_report_id", "claims", ["report_id"])
    op.create_index("ix_claims_event_id", "claims", ["event_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=True),
        sa.Column("sub_event_type", sa.String(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(), nullable=False),
        sa.Column("place_name", sa.String(), nullable=True),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("country_code", sa.String(), nullable=True),
        sa.Column("admin1", sa.String(), nullable=True),
        sa.Column("admin2", sa.String(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("precision", sa.String(), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("fatalities_low", sa.Integer(), nullable=False),
        sa.Column("fatalities_best", sa.Integer(), nullable=False),
        sa.Column("fatalities_high", sa.Integer(), nullable=False),
        sa.Column("injured", sa.Integer(), nullable=False),
        sa.Column("injured_low", sa.Integer(), nullable=False),
        sa.Column("injured_best", sa.Integer(), nullable=False),
        sa.Column("injured_high", sa.Integer(), nullable=False),
        sa.Column("contested", sa.Boolean(), nullable=False),
        sa.Column("contested_reason", sa.Text(), nullable=True),
        sa.Column("actor1", sa.String(), nullable=True),
        sa.Column("actor2", sa.String(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("n_claimants", sa.Integer(), nullable=False),
        sa.Column("claimants", _json(), nullable=True),
        sa.Column("first_reported", _ts(), nullable=True),
        sa.Column("updated", _ts(), nullable=True),
        sa.Column("data", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_index("ix_events_country", "events", ["country"])
    op.create_index("ix_events_admin1", "events", ["admin1"])


def downgrade() -> None:
    op.drop_table("events")
    op.drop_table("claims")
    op.drop_table("reports")
