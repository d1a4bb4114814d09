"""Indexes for the member list's sorts, so every page reads only its own rows.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_INDEXES = {
    "ix_members_name_id": ["name", "id"],
    "ix_members_created_at_id": ["created_at", "id"],
    "ix_members_balance_id": ["balance", "id"],
    "ix_members_lifetime_spend_id": ["lifetime_spend", "id"],
}


def upgrade() -> None:
    for name, columns in _INDEXES.items():
        op.create_index(name, "members", columns)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name="members")
