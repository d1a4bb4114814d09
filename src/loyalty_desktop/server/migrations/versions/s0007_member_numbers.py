"""Store numbers (each store's block of member numbers) and member numbers kept once across the chain.

Existing stores are numbered in the order they were registered. Members already on the
server claim their numbers oldest first; a later member with a number already claimed
(two stores that each gave out 10000013 before they had blocks) is listed for a person
in ``number_clashes``, exactly as one arriving from now on would be.

Revision ID: s0007_member_numbers
Revises: s0006_coupon_redemptions
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0007_member_numbers"
down_revision = "s0006_coupon_redemptions"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("stores", sa.Column("store_no", sa.Integer))
    op.execute(
        """
        UPDATE stores SET store_no = numbered.n
        FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM stores) AS numbered
        WHERE stores.id = numbered.id
        """
    )
    op.alter_column("stores", "store_no", nullable=False)
    op.create_unique_constraint("stores_store_no", "stores", ["store_no"])
    op.create_table(
        "member_numbers",
        sa.Column("member_no", sa.String(40), primary_key=True),  # once across all stores
        sa.Column("member_id", sa.Uuid, nullable=False),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
    )
    op.create_table(
        "number_clashes",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("member_no", sa.String(40), nullable=False),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("other_member_id", sa.Uuid, nullable=False),
        sa.Column("other_store_id", sa.Uuid, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
        sa.Column("cleared_at", TZ),
    )
    # Members enrolled before: the oldest member with a number holds it, the others clash.
    op.execute(
        """
        INSERT INTO member_numbers (member_no, member_id, store_id, received_at)
        SELECT member_no, id, home_store, now() FROM (
            SELECT member_no, id, home_store,
                   row_number() OVER (PARTITION BY member_no ORDER BY created_at, id) AS n
            FROM members
        ) AS ranked
        WHERE n = 1
        """
    )
    op.execute(
        """
        INSERT INTO number_clashes
            (member_id, member_no, store_id, other_member_id, other_store_id, received_at)
        SELECT m.id, m.member_no, m.home_store, h.member_id, h.store_id, now()
        FROM members AS m JOIN member_numbers AS h ON h.member_no = m.member_no
        WHERE h.member_id <> m.id
        """
    )


def downgrade() -> None:
    op.drop_table("number_clashes")
    op.drop_table("member_numbers")
    op.drop_constraint("stores_store_no", "stores", type_="unique")
    op.drop_column("stores", "store_no")
