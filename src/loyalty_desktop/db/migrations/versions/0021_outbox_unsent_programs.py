"""A partial index on the outbox's unsent programme events.

The pump sends a till's unsent programme files ahead of its other unsent events, so the
server has every version before the sales made under it (``sync connect`` queues them all
after the sales a till made before it was connected). The index holds only those few rows,
so finding them never reads the rest of a long queue.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_UNSENT_PROGRAMS = "sent_at IS NULL AND kind = 'program.loaded'"


def upgrade() -> None:
    op.create_index(
        "ix_outbox_unsent_programs",
        "outbox",
        ["device_id", "seq"],
        sqlite_where=sa.text(_UNSENT_PROGRAMS),
        postgresql_where=sa.text(_UNSENT_PROGRAMS),
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_unsent_programs", table_name="outbox")
