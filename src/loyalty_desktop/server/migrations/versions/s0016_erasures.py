"""Every member a store erased, even before the server had the member's enrolment.

Two batches of one till may commit out of order: an erasure applied before the member's
enrolment and profile used to leave the member active with a profile. The erasure is now
kept by member id, so what arrives after it finds the member erased.

Revision ID: s0016_erasures
Revises: s0015_member_cards_reprinted
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0016_erasures"
down_revision = "s0015_member_cards_reprinted"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasures",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    # the erasures the server has applied already: the members it holds as erased
    op.execute(
        "INSERT INTO erasures (member_id, received_at) "
        "SELECT id, now() FROM members WHERE status = 'erased'"
    )


def downgrade() -> None:
    op.drop_table("erasures")
