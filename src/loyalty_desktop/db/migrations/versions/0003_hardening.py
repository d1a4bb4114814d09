"""Lot lineage, request fingerprints, and no personal data outside the members table.

- ``lots.source_lot``: the lot a merged or restored lot's points came from, so a
  refund after a merge gives points back with their original expiry and never
  takes back points that already expired.
- ``request_hash`` on sales, refunds and movements: a reused id with a
  different request is refused instead of silently replayed.
- ``sales.birthday`` becomes ``sales.birthday_month``: campaigns need only the
  month, and a sale must not keep a date of birth after the member is erased.
- ``member.enrolled`` outbox events lose the personal fields they carried;
  the central server reads a member's profile from the members table, which
  erasure clears.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PERSONAL = ("name", "phone", "email", "birthday")


def upgrade() -> None:
    with op.batch_alter_table("lots") as batch:
        batch.add_column(sa.Column("source_lot", sa.String(length=36), nullable=True))
        batch.create_index("ix_lots_source_lot", ["source_lot"])
    for table in ("refunds", "movements"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("request_hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("sales") as batch:
        batch.add_column(sa.Column("request_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("birthday_month", sa.SmallInteger(), nullable=True))
    bind = op.get_bind()
    month = (
        "CAST(strftime('%m', birthday) AS INTEGER)"
        if bind.dialect.name == "sqlite"
        else "EXTRACT(MONTH FROM birthday)"
    )
    op.execute(f"UPDATE sales SET birthday_month = {month} WHERE birthday IS NOT NULL")
    with op.batch_alter_table("sales") as batch:
        batch.drop_column("birthday")
    _strip_personal_fields(bind)


def _strip_personal_fields(bind: sa.Connection) -> None:
    outbox = sa.table(
        "outbox",
        sa.column("id", sa.String),
        sa.column("kind", sa.String),
        sa.column("payload", sa.Text),
    )
    rows = bind.execute(
        sa.select(outbox.c.id, outbox.c.payload).where(outbox.c.kind == "member.enrolled")
    ).all()
    for event_id, payload in rows:
        data = json.loads(payload)
        cleaned = {k: v for k, v in data.items() if k not in PERSONAL}
        if cleaned != data:
            bind.execute(
                sa.update(outbox)
                .where(outbox.c.id == event_id)
                .values(payload=json.dumps(cleaned, ensure_ascii=False, sort_keys=True))
            )


def downgrade() -> None:
    with op.batch_alter_table("sales") as batch:
        batch.add_column(sa.Column("birthday", sa.Date(), nullable=True))
        batch.drop_column("birthday_month")
        batch.drop_column("request_hash")
    for table in ("refunds", "movements"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("request_hash")
    with op.batch_alter_table("lots") as batch:
        batch.drop_index("ix_lots_source_lot")
        batch.drop_column("source_lot")
