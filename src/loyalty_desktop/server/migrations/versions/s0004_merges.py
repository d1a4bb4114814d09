"""Merges the stores reported: a duplicate member and the member kept.

Revision ID: s0004
Revises: s0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "merges",
        sa.Column("member_id", sa.Uuid, primary_key=True),  # the duplicate, merged once
        sa.Column("kept_id", sa.Uuid, nullable=False),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("merged_at", TZ, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
    )
    # a sale that arrives releases the refunds parked for it, whatever member they name
    op.create_index("parked_sale", "parked", ["sale_id"])


def downgrade() -> None:
    op.drop_index("parked_sale", "parked")
    op.drop_table("merges")
