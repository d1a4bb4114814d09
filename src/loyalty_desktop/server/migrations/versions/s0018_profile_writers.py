"""Which change last set each field of a member's kept profile.

A profile change now sets only the fields it names. Of two changes of one field by one till,
the later must stand whatever order their batches commit in; the till and sequence number
of the change that last set each field are kept for that. Records kept before have none:
the next change of any field sets it.

Revision ID: s0018_profile_writers
Revises: s0017_refund_totals
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0018_profile_writers"
down_revision = "s0017_refund_totals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "member_profiles",
        sa.Column("writers", sa.Text, nullable=False, server_default="{}"),
    )


def downgrade() -> None:
    op.drop_column("member_profiles", "writers")
