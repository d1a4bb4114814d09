"""What movements took from lots the server had not seen opened yet, kept until the lot opens.

A till's events may arrive in another order than it wrote them (issue 12: the server
tolerates reordering). A redemption, or the till's own expiry, that arrives before the sale
that earned its lot used to take from nothing: the lot later opened full, and the server's
expiry then wrote off points already spent (or the till's expiry was never undone).

Revision ID: s0009_lot_waiting
Revises: s0008_store_programs
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0009_lot_waiting"
down_revision = "s0008_store_programs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lot_waiting",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("lot_id", sa.Uuid, primary_key=True),
        sa.Column("movement_id", sa.Uuid, primary_key=True),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("points", sa.BigInteger, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("event_key", sa.String(200), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("lot_waiting")
