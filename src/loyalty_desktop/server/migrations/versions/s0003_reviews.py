"""Members flagged for review when their balance goes negative.

Revision ID: s0003
Revises: s0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("points", sa.BigInteger, nullable=False),
        sa.Column("flagged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cleared_at", sa.DateTime(timezone=True)),
    )
    op.execute(
        "insert into reviews (member_id, points, flagged_at) "
        "select member_id, points, now() from balances where points < 0"
    )


def downgrade() -> None:
    op.drop_table("reviews")
