"""Coupons remember the sale whose receipt printed them, so the next receipt does not print them again.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coupons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("receipt_sale_no", sa.String(length=64), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_coupons_receipt_sale_no"), ["receipt_sale_no"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("coupons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coupons_receipt_sale_no"))
        batch_op.drop_column("receipt_sale_no")
