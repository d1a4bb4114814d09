"""Each member's newest card as the stores reprinted it, so an old card is refused at every store.

Revision ID: s0015_member_cards_reprinted
Revises: s0014_offers
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0015_member_cards_reprinted"
down_revision = "s0014_offers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_cards",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("card_no", sa.BigInteger, nullable=False),
        sa.Column("serial", sa.SmallInteger, nullable=False),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("device_id", sa.Uuid, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("event_key", sa.String(200), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    # a reprint to a number another member holds is refused (server/cards.py): found by index
    op.create_index("member_cards_card_no", "member_cards", ["card_no"])
    op.create_index("members_card_no", "members", ["card_no"])


def downgrade() -> None:
    op.drop_index("members_card_no", table_name="members")
    op.drop_table("member_cards")
