"""Every tier change is kept, with its cause: sales, refunds, activities, the daily review, merges.

Before this revision only sales stored the tier they began and ended with; the
changes those sales made are copied in (cause "sale"). Changes made earlier by
refunds, the daily job or merges were never recorded and cannot be recovered.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tier_changes",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("tier_before", sa.String(length=60), nullable=True),
        sa.Column("tier_after", sa.String(length=60), nullable=True),
        sa.Column("cause", sa.String(length=20), nullable=False),
        sa.Column("ref", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_tier_changes_member_id_members")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_tier_changes")),
    )
    with op.batch_alter_table("tier_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tier_changes_member_id"), ["member_id"], unique=False)
    op.execute(
        "INSERT INTO tier_changes (member_id, at, tier_before, tier_after, cause, ref) "
        "SELECT member_id, at, tier_before, tier_after, 'sale', sale_id FROM sales "
        "WHERE member_id IS NOT NULL AND tier_after IS NOT NULL "
        "AND (tier_before IS NULL OR tier_before != tier_after) "
        "ORDER BY at, sale_id"
    )


def downgrade() -> None:
    with op.batch_alter_table("tier_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tier_changes_member_id"))
    op.drop_table("tier_changes")
