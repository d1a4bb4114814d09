"""Sales by id and refunds parked until their sale arrives.

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sales",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("store_id", sa.Uuid, nullable=False),
    )
    op.create_table(
        "parked",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("sale_id", sa.Uuid, primary_key=True),
        sa.Column("event_key", sa.String(200), primary_key=True),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("rows", sa.Text, nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    # Sales applied before this revision: those that moved points are in the ledger under
    # their key (a sale that moved none has nothing a refund could take back).
    op.execute(
        "insert into sales (member_id, id, store_id) "
        "select distinct member_id, cast(substr(event_key, 6) as uuid), store_id "
        "from ledger where event_key like 'sale:%' on conflict do nothing"
    )


def downgrade() -> None:
    op.drop_table("parked")
    op.drop_table("sales")
