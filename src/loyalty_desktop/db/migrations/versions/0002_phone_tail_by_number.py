"""Index phone tails together with member numbers, so a last-4 search reads only the rows it lists.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_index("ix_members_phone_tail")
        batch.create_index("ix_members_phone_tail_member_no", ["phone_tail", "member_no"])


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_index("ix_members_phone_tail_member_no")
        batch.create_index("ix_members_phone_tail", ["phone_tail"])
