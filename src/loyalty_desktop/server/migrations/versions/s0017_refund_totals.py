"""What the refunds of each sale took back, so the server works the next refund out again.

Refunds were applied as the stores said, bounded only by the sale's earned points. A
refund now carries its sale's event and is worked out again (server/refund_checks.py)
from where the sale's earlier refunds left it. Refunds applied before this revision are
not counted: the next refund of such a sale finds fewer refunds than it names and is
applied unchecked, as before.

Revision ID: s0017_refund_totals
Revises: s0016_erasures
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0017_refund_totals"
down_revision = "s0016_erasures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "refund_totals",
        sa.Column("store_id", sa.Uuid, primary_key=True),
        sa.Column("sale_id", sa.Uuid, primary_key=True),
        sa.Column("refunds", sa.Integer, nullable=False),
        sa.Column("unchecked", sa.Integer, nullable=False),
        sa.Column("lines", sa.Text, nullable=False),
        sa.Column("reversed", sa.BigInteger, nullable=False),
        sa.Column("restored", sa.BigInteger, nullable=False),
        sa.Column("paid_back", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("refund_totals")
