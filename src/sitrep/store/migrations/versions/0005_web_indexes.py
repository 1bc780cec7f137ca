"""Web indexes: what the filters of `sitrep serve` look up (sub-type, country code, updated for
live refresh, claimant name).

Written by hand and frozen, like the earlier revisions. Indexes only, so existing databases
upgrade in place (building them on 100,000 events takes about a second).
"""

from __future__ import annotations

from alembic import op

revision = "0005_web_indexes"
down_revision = "0004_watch_state"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_events_sub_event_type", "events", ["sub_event_type"]),
    ("ix_events_country_code", "events", ["country_code"]),
    ("ix_events_updated", "events", ["updated"]),
    ("ix_claims_claimant_name", "claims", ["claimant_name"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
