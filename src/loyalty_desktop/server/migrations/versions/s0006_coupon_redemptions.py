"""Coupons redeemed at the stores: the first use of each coupon, and later uses for review.

Revision ID: s0006_coupon_redemptions
Revises: s0005_lots
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0006_coupon_redemptions"
down_revision = "s0005_lots"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "coupon_redemptions",
        sa.Column("coupon_id", sa.Uuid, primary_key=True),  # used once across all stores
        sa.Column("coupon_no", sa.BigInteger, nullable=False),
        sa.Column("offer_id", sa.String(64), nullable=False),
        sa.Column("member_id", sa.Uuid, nullable=False),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("sale_id", sa.Uuid, nullable=False),
        sa.Column("event_key", sa.String(200), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
    )
    op.create_table(
        "coupon_conflicts",
        sa.Column("coupon_id", sa.Uuid, primary_key=True),
        sa.Column("sale_id", sa.Uuid, primary_key=True),
        sa.Column("member_id", sa.Uuid, nullable=False),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("event_key", sa.String(200), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
        sa.Column("cleared_at", TZ),
    )


def downgrade() -> None:
    op.drop_table("coupon_conflicts")
    op.drop_table("coupon_redemptions")
