"""Redemption holds: points a till is about to redeem online, kept from other stores for a while.

Revision ID: s0010_holds
Revises: s0009_lot_waiting
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0010_holds"
down_revision = "s0009_lot_waiting"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "holds",
        sa.Column("store_id", sa.Uuid, primary_key=True),
        sa.Column("hold_id", sa.Uuid, primary_key=True),
        sa.Column("member_id", sa.Uuid, nullable=False),
        sa.Column("points", sa.BigInteger, nullable=False),
        sa.Column("body_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True)),
        sa.Column("sale_key", sa.String(200)),
    )
    op.create_index("holds_member_status", "holds", ["member_id", "status"])


def downgrade() -> None:
    op.drop_index("holds_member_status", table_name="holds")
    op.drop_table("holds")
