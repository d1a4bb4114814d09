"""Satisfaction survey answers: a member's score on the shop's scale, one per sale at most.

Revision ID: 0017
Revises: 0015
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_answers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("score", sa.SmallInteger(), nullable=False),
        sa.Column("scale", sa.String(length=8), nullable=False),
        sa.Column("sale_no", sa.String(length=64), nullable=True),
        sa.Column("store", sa.String(length=36), nullable=False),
        sa.Column("staff", sa.String(length=60), nullable=True),
        sa.Column("tier", sa.String(length=60), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_survey_answers_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_answers")),
        sa.UniqueConstraint("sale_no", name=op.f("uq_survey_answers_sale_no")),
    )
    with op.batch_alter_table("survey_answers", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_answers_member_id"), ["member_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_survey_answers_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("survey_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_answers_at"))
        batch_op.drop_index(batch_op.f("ix_survey_answers_member_id"))
    op.drop_table("survey_answers")
