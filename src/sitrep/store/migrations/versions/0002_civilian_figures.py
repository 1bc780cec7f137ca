"""Civilian figures: the non-combatants among a claim's killed and an event's civilian toll.

Written by hand and frozen, like 0001: nullable columns only, so existing rows stay valid (None =
the text did not tell civilians apart from combatants). SQLite adds nullable columns in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_civilian_figures"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("civilians_killed_low", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("civilians_killed_high", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("civilians_killed_qualifier", sa.String(), nullable=True))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("civilian_fatalities", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("civilian_fatalities")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("civilians_killed_qualifier")
        batch.drop_column("civilians_killed_high")
        batch.drop_column("civilians_killed_low")
