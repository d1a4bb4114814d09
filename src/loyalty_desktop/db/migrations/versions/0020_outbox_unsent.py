"""A partial index on the outbox's unsent events.

A connected till reads its unsent events when a sale redeems points (its unsent earnings
of the member, its offline redemptions against the manager's limits), and the pump reads
and counts them every pass. Without an index each of these read every event the till
ever sent; the index holds only the unsent ones.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_outbox_unsent",
        "outbox",
        ["device_id", "seq"],
        sqlite_where=sa.text("sent_at IS NULL"),
        postgresql_where=sa.text("sent_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_unsent", table_name="outbox")
