"""Create every table: members, sales, the points ledger, outbox, audit log, staff, programmes.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.String(length=120), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit")),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("next_seq", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("member_no", sa.String(length=20), nullable=False),
        sa.Column("card_no", sa.BigInteger(), nullable=False),
        sa.Column("card_serial", sa.Integer(), server_default="0", nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("phone_tail", sa.String(length=4), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("consent", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=10), server_default="active", nullable=False),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("tier", sa.String(length=60), nullable=True),
        sa.Column("balance", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("lifetime_spend", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("points_earned", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("last_movement_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint("card_no", name=op.f("uq_members_card_no")),
        sa.UniqueConstraint("member_no", name=op.f("uq_members_member_no")),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_members_merged_into"), ["merged_into"], unique=False)
        batch_op.create_index(batch_op.f("ix_members_phone"), ["phone"], unique=False)
        batch_op.create_index(batch_op.f("ix_members_phone_tail"), ["phone_tail"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("device_id", "seq", name=op.f("uq_outbox_device_id_seq")),
        sa.UniqueConstraint("key", name=op.f("uq_outbox_key")),
    )
    op.create_table(
        "programs",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programs")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("pin_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("failed_attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("name", name=op.f("uq_staff_name")),
    )
    op.create_table(
        "lots",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("movement_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("remaining", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_lots_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lots")),
    )
    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.create_index(
            "ix_lots_open_expiry",
            ["expires_at"],
            unique=False,
            sqlite_where=sa.text("remaining > 0"),
            postgresql_where=sa.text("remaining > 0"),
        )
        batch_op.create_index(
            "ix_lots_open_member",
            ["member_id"],
            unique=False,
            sqlite_where=sa.text("remaining > 0"),
            postgresql_where=sa.text("remaining > 0"),
        )

    op.create_table(
        "movements",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sale_ref", sa.String(length=36), nullable=True),
        sa.Column("refund_ref", sa.String(length=36), nullable=True),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(length=60), nullable=True),
        sa.Column("activity", sa.String(length=40), nullable=True),
        sa.Column("points_after", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_movements_member_id_members")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_movements")),
        sa.UniqueConstraint("id", name=op.f("uq_movements_id")),
        sa.UniqueConstraint("request_id", name=op.f("uq_movements_request_id")),
    )
    with op.batch_alter_table("movements", schema=None) as batch_op:
        batch_op.create_index("ix_movements_member_id_at", ["member_id", "at"], unique=False)
        batch_op.create_index(batch_op.f("ix_movements_sale_ref"), ["sale_ref"], unique=False)

    op.create_table(
        "sales",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("subtotal", sa.BigInteger(), nullable=False),
        sa.Column("order_discount", sa.BigInteger(), nullable=False),
        sa.Column("tier_discount", sa.BigInteger(), nullable=False),
        sa.Column("net", sa.BigInteger(), nullable=False),
        sa.Column("points_redeemed", sa.BigInteger(), nullable=False),
        sa.Column("points_value", sa.BigInteger(), nullable=False),
        sa.Column("paid", sa.BigInteger(), nullable=False),
        sa.Column("earned", sa.BigInteger(), nullable=False),
        sa.Column("program_id", sa.BigInteger(), nullable=False),
        sa.Column("tier_before", sa.String(length=60), nullable=True),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("campaigns", sa.Text(), server_default="[]", nullable=False),
        sa.Column("points_after", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("tier_after", sa.String(length=60), nullable=True),
        sa.Column("refunded_net", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("reversed", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("restored", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("paid_back", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_sales_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales")),
        sa.UniqueConstraint("sale_id", name=op.f("uq_sales_sale_id")),
    )
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.create_index("ix_sales_at", ["at"], unique=False)
        batch_op.create_index("ix_sales_member_id_at", ["member_id", "at"], unique=False)

    op.create_table(
        "allocations",
        sa.Column("movement_id", sa.String(length=36), nullable=False),
        sa.Column("lot_id", sa.String(length=36), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name=op.f("fk_allocations_lot_id_lots")),
        sa.PrimaryKeyConstraint("movement_id", "lot_id", name=op.f("pk_allocations")),
    )
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_allocations_lot_id"), ["lot_id"], unique=False)

    op.create_table(
        "refunds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("refund_id", sa.String(length=64), nullable=False),
        sa.Column("sale_ref", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reversed", sa.BigInteger(), nullable=False),
        sa.Column("restored", sa.BigInteger(), nullable=False),
        sa.Column("paid_back", sa.BigInteger(), nullable=False),
        sa.Column("points_after", sa.BigInteger(), nullable=True),
        sa.Column("lines", sa.Text(), server_default="[]", nullable=False),
        sa.ForeignKeyConstraint(["sale_ref"], ["sales.id"], name=op.f("fk_refunds_sale_ref_sales")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.UniqueConstraint("refund_id", name=op.f("uq_refunds_refund_id")),
    )
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refunds_sale_ref"), ["sale_ref"], unique=False)

    op.create_table(
        "sale_lines",
        sa.Column("sale_ref", sa.String(length=36), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("qty", sa.String(length=24), nullable=False),
        sa.Column("unit_price", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("net", sa.BigInteger(), nullable=False),
        sa.Column("refunded_qty", sa.String(length=24), server_default="0", nullable=False),
        sa.Column("refunded_net", sa.BigInteger(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["sale_ref"], ["sales.id"], name=op.f("fk_sale_lines_sale_ref_sales")
        ),
        sa.PrimaryKeyConstraint("sale_ref", "line_no", name=op.f("pk_sale_lines")),
    )


def downgrade() -> None:

    op.drop_table("sale_lines")
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_refunds_sale_ref"))

    op.drop_table("refunds")
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_allocations_lot_id"))

    op.drop_table("allocations")
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.drop_index("ix_sales_member_id_at")
        batch_op.drop_index("ix_sales_at")

    op.drop_table("sales")
    with op.batch_alter_table("movements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_movements_sale_ref"))
        batch_op.drop_index("ix_movements_member_id_at")

    op.drop_table("movements")
    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_lots_open_member",
            sqlite_where=sa.text("remaining > 0"),
            postgresql_where=sa.text("remaining > 0"),
        )
        batch_op.drop_index(
            "ix_lots_open_expiry",
            sqlite_where=sa.text("remaining > 0"),
            postgresql_where=sa.text("remaining > 0"),
        )

    op.drop_table("lots")
    op.drop_table("staff")
    op.drop_table("settings")
    op.drop_table("programs")
    op.drop_table("outbox")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_members_phone_tail"))
        batch_op.drop_index(batch_op.f("ix_members_phone"))
        batch_op.drop_index(batch_op.f("ix_members_merged_into"))

    op.drop_table("members")
    op.drop_table("devices")
    op.drop_table("audit")
