"""Points lots with their expiry by the server's clock (issue 12: device clocks for audit only).

Lots earned before this revision are not known to the server (the ledger never kept the
stores' lots[]): their expiry stays the stores' own expire movements, applied as sent.

Revision ID: s0005_lots
Revises: s0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0005_lots"
down_revision = "s0004"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "lots",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("id", sa.Uuid, primary_key=True),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("points", sa.BigInteger, nullable=False),
        sa.Column("remaining", sa.BigInteger, nullable=False),
        sa.Column("expires_at", TZ),  # the server's clock; NULL: never
        sa.Column("received_at", TZ, nullable=False),
        sa.Column("device_at", TZ, nullable=False),  # the movement's moment, as the till sent it
        sa.Column("device_expires_at", TZ),  # the lot's expiry, as the till sent it
        sa.Column("expiries", sa.SmallInteger, nullable=False, server_default="0"),
    )
    # the expire run reads only lots with points left, by due moment
    op.create_index("lots_due", "lots", ["expires_at"], postgresql_where=sa.text("remaining > 0"))


def downgrade() -> None:
    op.drop_index("lots_due", "lots")
    op.drop_table("lots")
