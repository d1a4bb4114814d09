"""Offers and the coupons the stores issued, so a coupon issued at one store is honoured at every store.

Revision ID: s0014_offers
Revises: s0013_member_profiles
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0014_offers"
down_revision = "s0013_member_profiles"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "offers",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("starts_at", TZ, nullable=False),
        sa.Column("ends_at", TZ, nullable=False),
        sa.Column("terms", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
    )
    op.create_table(
        "issued_coupons",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("number", sa.BigInteger, nullable=False),
        sa.Column("offer_id", sa.Uuid, nullable=False),
        sa.Column("member_id", sa.Uuid, nullable=False),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("key_id", sa.SmallInteger, nullable=False),
        sa.Column("issued_at", TZ, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
    )
    op.create_index("ix_issued_coupons_number", "issued_coupons", ["number"])
    op.create_index("ix_issued_coupons_offer_id", "issued_coupons", ["offer_id"])


def downgrade() -> None:
    op.drop_table("issued_coupons")
    op.drop_table("offers")
