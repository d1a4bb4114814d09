"""Targeted offers: offers, who each chose (and the control group), coupons, opt-outs.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "offers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offers")),
    )
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offers_created_at"), ["created_at"], unique=False)
    op.create_table(
        "offer_targets",
        sa.Column("offer_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("control", sa.Boolean(), nullable=False),
        sa.Column("rule", sa.String(length=400), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["offers.id"], name=op.f("fk_offer_targets_offer_id_offers")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_offer_targets_member_id_members")
        ),
        sa.PrimaryKeyConstraint("offer_id", "member_id", name=op.f("pk_offer_targets")),
    )
    with op.batch_alter_table("offer_targets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_offer_targets_member_id"), ["member_id"], unique=False)
    op.create_table(
        "coupons",
        sa.Column("number", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("offer_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.SmallInteger(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("redeemed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sale_no", sa.String(length=64), nullable=True),
        sa.Column("money_off", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("points", sa.BigInteger(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_coupons_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"], ["offers.id"], name=op.f("fk_coupons_offer_id_offers")
        ),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_coupons")),
        sa.UniqueConstraint("id", name=op.f("uq_coupons_id")),
        sa.UniqueConstraint("sale_no", name=op.f("uq_coupons_sale_no")),
    )
    with op.batch_alter_table("coupons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coupons_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_coupons_offer_id"), ["offer_id"], unique=False)
    op.create_table(
        "offer_opt_outs",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_offer_opt_outs_member_id_members")
        ),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_offer_opt_outs")),
    )


def downgrade() -> None:
    op.drop_table("offer_opt_outs")
    with op.batch_alter_table("coupons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coupons_offer_id"))
        batch_op.drop_index(batch_op.f("ix_coupons_member_id"))
    op.drop_table("coupons")
    with op.batch_alter_table("offer_targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offer_targets_member_id"))
    op.drop_table("offer_targets")
    with op.batch_alter_table("offers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offers_created_at"))
    op.drop_table("offers")
