"""Each store's programme versions, so the server recomputes what a sale earned.

``programs`` keeps the programme file a till sent for each of its version ids (the primary
key includes the store: two stores' version 3 are different files). ``sales.earn_checked``
says whether a sale's earned points were recomputed (NULL: recorded before this revision).

Revision ID: s0008_store_programs
Revises: s0007_member_numbers
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0008_store_programs"
down_revision = "s0007_member_numbers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programs",
        sa.Column("store_id", sa.Uuid, primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.add_column("sales", sa.Column("earn_checked", sa.Boolean))


def downgrade() -> None:
    op.drop_column("sales", "earn_checked")
    op.drop_table("programs")
