"""Members keep the card number they were enrolled with, so other stores find the card's member.

Revision ID: s0011_member_cards
Revises: s0010_holds
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0011_member_cards"
down_revision = "s0010_holds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # None for members enrolled before: their tills' events did not carry the card number.
    op.add_column("members", sa.Column("card_no", sa.BigInteger, nullable=True))


def downgrade() -> None:
    op.drop_column("members", "card_no")
