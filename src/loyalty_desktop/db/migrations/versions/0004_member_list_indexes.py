"""Indexes for the member list's sorts, so every page reads only its own rows.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_INDEXES = {
    "ix_members_name_id_status": ["name", "id", "status"],
    "ix_members_created_at_id": ["created_at", "id"],
    "ix_members_balance_id": ["balance", "id"],
    "ix_members_lifetime_spend_id": ["lifetime_spend", "id"],
}


_INACTIVE = "status != 'active'"


def upgrade() -> None:
    for name, columns in _INDEXES.items():
        op.create_index(name, "members", columns)
    op.create_index(
        "ix_members_inactive",
        "members",
        ["status"],
        sqlite_where=sa.text(_INACTIVE),
        postgresql_where=sa.text(_INACTIVE),
    )


def downgrade() -> None:
    op.drop_index("ix_members_inactive", table_name="members")
    for name in _INDEXES:
        op.drop_index(name, table_name="members")
