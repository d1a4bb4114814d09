"""A store's programme texts are kept by version and digest, so a restored till's new text is kept too.

A till numbers its programmes from its own counter; restored from a backup, it gives a new
programme a version id it gave before to another text. The server kept the first text and
refused the second, so every sale under the new programme failed as an earn mismatch. Now
each text is kept under (store, version, digest) and a sale names its programme's digest.

Revision ID: s0012_program_digests
Revises: s0011_member_cards
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0012_program_digests"
down_revision = "s0011_member_cards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("programs", sa.Column("digest", sa.String(64), nullable=True))
    op.execute("update programs set digest = encode(sha256(convert_to(source, 'UTF8')), 'hex')")
    op.alter_column("programs", "digest", nullable=False)
    op.drop_constraint("programs_pkey", "programs", type_="primary")
    op.create_primary_key("programs_pkey", "programs", ["store_id", "version", "digest"])


def downgrade() -> None:
    # keeps the first text of each version, as before
    op.execute(
        "delete from programs p using programs q where p.store_id = q.store_id "
        "and p.version = q.version and (p.received_at, p.digest) > (q.received_at, q.digest)"
    )
    op.drop_constraint("programs_pkey", "programs", type_="primary")
    op.create_primary_key("programs_pkey", "programs", ["store_id", "version"])
    op.drop_column("programs", "digest")
