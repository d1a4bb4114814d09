"""Upgrading a shop made by the first release, and a failed upgrade put back from its copy.

A file from revision 0001 gets a backup copy and every migration with its data
intact; a migration that fails halfway leaves the file as it was and says so.

The fixture was written by the program at revision 0001 (see tests/fixtures/first-release).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from loyalty_desktop.app import open_database
from loyalty_desktop.db import migrate
from loyalty_desktop.domain.errors import BadDatabase
from loyalty_desktop.services import integrity, staff
from loyalty_desktop.services.auth import LOCAL_ADMIN

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "first-release"


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    keys = tmp_path / "keys"
    keys.mkdir()
    shutil.copy(FIXTURE / "card-keys.json", keys)
    db = tmp_path / "shop.db"
    shutil.copy(FIXTURE / "shop.db", db)
    return db, keys


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


BALANCES = "select member_id, sum(remaining) from lots group by member_id order by member_id"
SALES = "select id, member_id, net from sales order by id"


def test_the_first_release_file_is_upgraded_to_head_with_every_sale_and_point(
    tmp_path: Path,
) -> None:
    db, keys = _copy(tmp_path)
    assert _rows(db, "select version_num from alembic_version") == [("0001",)]
    balances, sales = _rows(db, BALANCES), _rows(db, SALES)
    assert len(sales) == 110
    assert len(balances) > 10

    opened = open_database(db, keys_dir=keys)
    try:
        assert opened.revision == migrate.head_revision() != "0001"
        assert opened.backup is not None
        assert _rows(opened.backup, "select version_num from alembic_version") == [("0001",)]
        report = integrity.check(opened.shop, LOCAL_ADMIN, opened.integrity)
        assert (report.ok, report.problems) == (True, ())
        with opened.shop.uow(write=False) as uow:
            for member_id, points in balances:
                member = uow.members.get(str(member_id))
                assert member is not None
                assert member.balance == points
        names = [s.name for s in staff.list_staff(opened.shop, LOCAL_ADMIN)]
        assert names == ["Ada"]
    finally:
        opened.engine.dispose()
    assert _rows(db, SALES) == sales
    assert _rows(db, BALANCES) == balances


BROKEN_REVISION = '''\
"""Test revision that fails halfway, as a migration meeting data it did not expect can.

Revision ID: 9002
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "9002"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("members", sa.Column("nickname", sa.String(40)))
    op.execute("UPDATE members SET nickname = name")
    op.execute("INSERT INTO members (id) VALUES (NULL)")  # NOT NULL columns: fails here


def downgrade() -> None:
    op.drop_column("members", "nickname")
'''


def _broken_next_release(tmp_path: Path) -> Path:
    """The program's migrations plus one more that fails, as a faulty next release would ship."""
    copy = tmp_path / "migrations-next"
    shutil.copytree(migrate.MIGRATIONS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    text = BROKEN_REVISION.replace("{head}", migrate.head_revision())
    (copy / "versions" / "9002_test_broken.py").write_text(text, encoding="utf-8")
    return copy


def test_a_failing_migration_puts_the_file_back_from_the_copy_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, keys = _copy(tmp_path)
    open_database(db, keys_dir=keys).engine.dispose()  # this release's schema
    head = migrate.head_revision()
    sales, names = _rows(db, SALES), _rows(db, "select id, name from members order by id")
    monkeypatch.setattr(migrate, "MIGRATIONS", _broken_next_release(tmp_path))

    with pytest.raises(BadDatabase) as refused:
        open_database(db, keys_dir=keys)

    assert refused.value.reason == "upgrade_failed"
    backup = Path(str(refused.value.details["backup"]))
    assert backup.exists()
    assert backup.name.startswith(f"shop.backup-{head}-")
    message = str(refused.value.message)
    assert "put back exactly as it was" in message
    assert str(backup) in message
    assert _rows(db, "select version_num from alembic_version") == [(head,)]
    assert "nickname" not in [c[1] for c in _rows(db, "pragma table_info(members)")]
    assert _rows(db, SALES) == sales
    assert _rows(db, "select id, name from members order by id") == names
    assert _rows(db, "pragma integrity_check") == [("ok",)]
    monkeypatch.undo()
    open_database(db, keys_dir=keys).engine.dispose()  # this release still opens it
