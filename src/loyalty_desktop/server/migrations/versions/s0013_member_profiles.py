"""Members' profiles as the stores change them, in a record of their own that an erasure deletes.

A name, phone, e-mail, birthday or consent changed at one store now reaches the others
(``member.profile_changed`` version 2 carries the profile). The server keeps the latest
one per member here, never in ``members`` or the change log, so erasing the member
deletes the one copy it holds.

Revision ID: s0013_member_profiles
Revises: s0012_program_digests
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0013_member_profiles"
down_revision = "s0012_program_digests"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_profiles",
        sa.Column("member_id", sa.Uuid, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("phone", sa.String(20)),
        sa.Column("email", sa.String(254)),
        sa.Column("birthday", sa.String(10)),
        sa.Column("consent", sa.Boolean, nullable=False),
        sa.Column("consent_at", sa.String(40)),
        sa.Column("store_id", sa.Uuid, nullable=False),
        sa.Column("device_id", sa.Uuid, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("event_key", sa.String(200), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("member_profiles")
