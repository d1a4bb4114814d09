"""The server's first schema: stores, inbox, quarantine, members, balances, ledger, change log.

Revision ID: s0001
Revises:
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "stores",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("revoked_at", TZ),
    )
    op.create_table(
        "inbox",
        sa.Column("store_id", sa.Uuid, primary_key=True),
        sa.Column("event_id", sa.Uuid, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("device_id", sa.Uuid, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("version", sa.SmallInteger, nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("received_at", TZ, nullable=False),
        sa.UniqueConstraint("store_id", "key", name="inbox_store_key"),
    )
    op.create_table(
        "quarantine",
        sa.Column("store_id", sa.Uuid, primary_key=True),
        sa.Column("event_id", sa.Uuid, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("member_no", sa.String(40), nullable=False),
        sa.Column("home_store", sa.Uuid, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("consent", sa.Boolean, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "balances",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("points", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "ledger",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("points", sa.BigInteger, nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("event_key", sa.String(200), nullable=False),
    )
    op.create_table(
        "changes",
        sa.Column("pos", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("member_id", sa.Uuid, nullable=False),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    clock = op.create_table(
        "change_clock",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(clock, [{"id": 1, "last": 0}])


def downgrade() -> None:
    for name in ("change_clock", "changes", "ledger", "balances", "members", "quarantine"):
        op.drop_table(name)
    op.drop_table("inbox")
    op.drop_table("stores")
