"""Backups of a real SQLite file: copies while a till writes, restores refused or done, daily pruning."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.db import migrate
from loyalty_desktop.db.engine import make_engine, sqlite_url
from loyalty_desktop.domain.errors import (
    BadDatabase,
    InvalidRequest,
    LoyaltyError,
    PermissionDenied,
)
from loyalty_desktop.services import (
    backups,
    browsing,
    integrity,
    members,
    programs,
    staff,
    staff_accounts,
    till_policy,
)
from loyalty_desktop.services.audit_chain import verify_chain
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM


@pytest.fixture
def shop(tmp_path: Path, clock: FixedClock) -> Iterator[Opened]:
    """A shop file with the programme and two members."""
    opened = open_database(tmp_path / "shop.db", clock=clock, keys_dir=tmp_path / "keys")
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "test")
    for name in ("甲", "乙"):
        members.enrol(opened.shop, LOCAL_ADMIN, members.NewMember(name=name))
    yield opened
    opened.engine.dispose()


def _names(opened: Opened) -> list[str]:
    rows = browsing.list_members(opened.shop, LOCAL_ADMIN, limit=500).rows
    return sorted(r.name for r in rows)


def _reopen(path: Path, tmp_path: Path, clock: FixedClock) -> Opened:
    return open_database(path, clock=clock, keys_dir=tmp_path / "keys")


def test_a_backup_taken_while_another_till_writes_is_a_sound_copy_of_committed_data(
    shop: Opened, tmp_path: Path, clock: FixedClock
) -> None:
    till = _reopen(shop.path or Path(), tmp_path, clock)
    stop = threading.Event()
    written: list[str] = []

    def keep_enrolling() -> None:
        while not stop.is_set():
            made = members.enrol(till.shop, LOCAL_ADMIN, members.NewMember(name="客人"))
            written.append(made.member_no)

    writer = threading.Thread(target=keep_enrolling)
    writer.start()
    try:
        while len(written) < 5:
            stop.wait(0.001)
        made = backups.back_up(shop.shop, LOCAL_ADMIN)
        before_stop = len(written)
    finally:
        stop.set()
        writer.join()
        till.engine.dispose()
    copy = _reopen(made.path, tmp_path, clock)
    try:
        # Its audit log ends before the live one's recorded head: only the file and ledger count.
        assert copy.integrity.storage_problems() == []
        assert copy.integrity.ledger_problems() == []
        copied = browsing.list_members(copy.shop, LOCAL_ADMIN, limit=500).rows
        assert 2 + 5 <= len(copied) <= 2 + before_stop + 1
        numbers = sorted(r.member_no for r in copied)
        assert numbers == sorted(r.member_no for r in copied if r.member_no)  # all whole rows
    finally:
        copy.engine.dispose()


def test_an_uncommitted_write_is_not_in_the_backup_and_does_not_block_it(shop: Opened) -> None:
    assert shop.path is not None
    writer = sqlite3.connect(shop.path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO settings(key, value) VALUES ('half-done', 'x')")
        # The copy itself (the audit entry of a manual backup waits for the writer, like a sale).
        made = shop.shop.backups.make("manual", shop.shop.clock.now())
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    copy = sqlite3.connect(made.path)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            copy.execute("SELECT count(*) FROM settings WHERE key='half-done'").fetchone()[0] == 0
        )
        assert copy.execute("SELECT count(*) FROM members").fetchone()[0] == 2
    finally:
        copy.close()


def _truncated(good: Path, bad: Path) -> None:
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 3])


def _random(good: Path, bad: Path) -> None:
    bad.write_bytes(os.urandom(8192))


def _foreign(good: Path, bad: Path) -> None:
    conn = sqlite3.connect(bad)
    conn.execute("CREATE TABLE orders(id INTEGER PRIMARY KEY, total TEXT)")
    conn.commit()
    conn.close()


def _newer(good: Path, bad: Path) -> None:
    shutil.copyfile(good, bad)
    conn = sqlite3.connect(bad)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()


def _damaged_page(good: Path, bad: Path) -> None:
    data = bytearray(good.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 6)):
        data[offset] = 0xFF
    bad.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (_truncated, {"backup_damaged", "backup_not_loyalty"}),
        (_random, {"backup_not_sqlite"}),
        (_foreign, {"backup_not_loyalty"}),
        (_newer, {"backup_schema_too_new"}),
        (_damaged_page, {"backup_damaged"}),
    ],
    ids=["truncated", "random-bytes", "not-a-loyalty-database", "newer-schema", "damaged-pages"],
)
def test_restoring_a_bad_file_is_refused_and_the_database_is_unchanged(
    shop: Opened, tmp_path: Path, spoil: object, reason: set[str]
) -> None:
    good = backups.back_up(shop.shop, LOCAL_ADMIN).path
    bad = tmp_path / "offered.db"
    assert callable(spoil)
    spoil(good, bad)
    members.enrol(shop.shop, LOCAL_ADMIN, members.NewMember(name="丙"))
    before = backups.list_backups(shop.shop, LOCAL_ADMIN).backups
    with pytest.raises(LoyaltyError) as refused:
        backups.restore_backup(shop.shop, LOCAL_ADMIN, bad)
    assert refused.value.reason in reason
    assert _names(shop) == ["丙", "乙", "甲"]
    assert backups.list_backups(shop.shop, LOCAL_ADMIN).backups == before  # no safety copy


def test_a_backup_of_another_shop_is_refused(shop: Opened, tmp_path: Path) -> None:
    other = open_database(tmp_path / "other.db", keys_dir=tmp_path / "other-keys")
    try:
        members.enrol(other.shop, LOCAL_ADMIN, members.NewMember(name="外人"))
        theirs = backups.back_up(other.shop, LOCAL_ADMIN).path
    finally:
        other.engine.dispose()
    with pytest.raises(BadDatabase) as refused:
        backups.check_backup(shop.shop, LOCAL_ADMIN, theirs)
    assert refused.value.reason == "backup_other_shop"


def test_the_database_in_use_is_not_offered_as_its_own_backup(shop: Opened) -> None:
    assert shop.path is not None
    with pytest.raises(InvalidRequest) as refused:
        backups.check_backup(shop.shop, LOCAL_ADMIN, shop.path)
    assert refused.value.reason == "restore_same_file"


def test_restoring_a_good_backup_brings_its_data_back_and_keeps_the_replaced_database(
    shop: Opened, tmp_path: Path, clock: FixedClock
) -> None:
    assert shop.path is not None
    good = backups.back_up(shop.shop, LOCAL_ADMIN).path
    members.enrol(shop.shop, LOCAL_ADMIN, members.NewMember(name="丙"))
    clock.advance(minutes=5)
    done = backups.restore_backup(shop.shop, LOCAL_ADMIN, good)
    for end in ("-wal", "-shm"):
        assert not Path(f"{shop.path}{end}").exists(), "the old log must never meet the new file"
    restored = _reopen(shop.path, tmp_path, clock)
    try:
        assert _names(restored) == ["乙", "甲"]
        verdict = integrity.check(restored.shop, LOCAL_ADMIN, restored.integrity)
        assert verdict.problems == ()
        assert verify_chain(restored.shop, LOCAL_ADMIN).intact
        newest = browsing.audit_log(restored.shop, LOCAL_ADMIN, limit=1).rows[0]
        assert newest.action == "backup.restore"
    finally:
        restored.engine.dispose()
    kept = _reopen(done.safety_copy, tmp_path, clock)
    try:
        assert _names(kept) == ["丙", "乙", "甲"]
    finally:
        kept.engine.dispose()


def test_a_restore_is_refused_while_another_program_has_the_database_open(
    shop: Opened, tmp_path: Path, clock: FixedClock
) -> None:
    good = backups.back_up(shop.shop, LOCAL_ADMIN).path
    members.enrol(shop.shop, LOCAL_ADMIN, members.NewMember(name="丙"))
    other_till = _reopen(shop.path or Path(), tmp_path, clock)
    try:
        _names(other_till)  # its connection stays open in its pool
        with pytest.raises(BadDatabase) as refused:
            backups.restore_backup(shop.shop, LOCAL_ADMIN, good)
        assert refused.value.reason == "restore_database_in_use"
        assert _names(other_till) == ["丙", "乙", "甲"]
    finally:
        other_till.engine.dispose()


def test_the_daily_backup_is_made_only_when_the_newest_is_a_day_old(
    shop: Opened, clock: FixedClock
) -> None:
    first = backups.backup_if_due(shop.shop, LOCAL_ADMIN)
    assert first.made is not None
    clock.advance(hours=23)
    assert backups.backup_if_due(shop.shop, LOCAL_ADMIN).made is None
    clock.advance(hours=1)
    assert backups.backup_if_due(shop.shop, LOCAL_ADMIN).made is not None
    clock.advance(hours=2)
    backups.back_up(shop.shop, LOCAL_ADMIN)  # a manual backup counts as recent too
    clock.advance(hours=23)
    assert backups.backup_if_due(shop.shop, LOCAL_ADMIN).made is None


def test_pruning_keeps_the_newest_daily_backups_and_every_manual_one(
    shop: Opened, clock: FixedClock
) -> None:
    backups.set_keep(shop.shop, LOCAL_ADMIN, 3)
    manual = backups.back_up(shop.shop, LOCAL_ADMIN)
    made = []
    for _ in range(5):
        clock.advance(days=1)
        done = backups.backup_if_due(shop.shop, LOCAL_ADMIN)
        assert done.made is not None
        made.append(done.made.path)
    left = backups.list_backups(shop.shop, LOCAL_ADMIN).backups
    assert [b.path for b in left if b.label == "daily"] == made[::-1][:3]
    assert manual.path in [b.path for b in left]
    assert not made[0].exists()
    assert not made[1].exists()


def test_keep_out_of_range_is_refused(shop: Opened) -> None:
    with pytest.raises(InvalidRequest) as refused:
        backups.set_keep(shop.shop, LOCAL_ADMIN, 0)
    assert refused.value.reason == "backup_keep_range"


def test_a_backup_from_an_older_schema_is_restored_and_brought_forward(
    shop: Opened, tmp_path: Path, clock: FixedClock
) -> None:
    older = tmp_path / "older.db"
    engine = make_engine(sqlite_url(older))
    try:
        config = migrate._config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0006")
    finally:
        engine.dispose()
    checked = backups.check_backup(shop.shop, LOCAL_ADMIN, older)
    assert checked.revision == "0006"
    backups.restore_backup(shop.shop, LOCAL_ADMIN, older)
    assert shop.path is not None
    restored = _reopen(shop.path, tmp_path, clock)
    try:
        assert restored.revision == migrate.head_revision()
        assert _names(restored) == []
        assert verify_chain(restored.shop, LOCAL_ADMIN).intact
    finally:
        restored.engine.dispose()


def _with_log_beside(good: Path, bad: Path, change: str) -> None:
    """``bad`` is ``good`` with ``change`` committed only in a -wal file beside it (not yet folded in)."""
    work = bad.with_name("work.db")
    shutil.copyfile(good, work)
    conn = sqlite3.connect(work)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute(change)
        conn.commit()
        shutil.copyfile(work, bad)
        shutil.copyfile(f"{work}-wal", f"{bad}-wal")
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("UPDATE audit SET reason = 'nothing to see' WHERE seq = 1", "backup_audit_broken"),
        ("UPDATE alembic_version SET version_num = '9999'", "backup_schema_too_new"),
        ("DROP TABLE members", "backup_not_loyalty"),
    ],
    ids=["audit-rewritten", "newer-schema", "not-a-loyalty-database"],
)
def test_a_write_ahead_log_beside_the_backup_is_checked_with_it(
    shop: Opened, tmp_path: Path, change: str, reason: str
) -> None:
    # SQLite applies a -wal beside a file when it opens it: a check that ignores it passes a
    # file whose restored content is something else (an edited audit log, a newer schema).
    members.enrol(shop.shop, LOCAL_ADMIN, members.NewMember(name="丙"))
    good = backups.back_up(shop.shop, LOCAL_ADMIN).path
    offered = tmp_path / "offered" / "shop.db"
    offered.parent.mkdir()
    _with_log_beside(good, offered, change)
    members.enrol(shop.shop, LOCAL_ADMIN, members.NewMember(name="丁"))
    with pytest.raises(LoyaltyError) as refused:
        backups.check_backup(shop.shop, LOCAL_ADMIN, offered)
    assert refused.value.reason == reason
    with pytest.raises(LoyaltyError) as refused:
        backups.restore_backup(shop.shop, LOCAL_ADMIN, offered)
    assert refused.value.reason == reason
    assert _names(shop) == ["丁", "丙", "乙", "甲"]


def _admin_and_manager(shop: Opened) -> tuple[Actor, Actor]:
    staff.add_staff(shop.shop, LOCAL_ADMIN, "Ada", "admin", "4321")
    ada = staff.sign_in(shop.shop, "Ada", "4321")
    staff.add_staff(shop.shop, ada, "Mia", "manager", "4321")
    return ada, staff.sign_in(shop.shop, "Mia", "4321")


def test_a_manager_cannot_restore_themself_back_to_admin(shop: Opened) -> None:
    ada, _ = _admin_and_manager(shop)
    staff_accounts.change_role(shop.shop, ada, "Mia", "admin")
    old = backups.back_up(shop.shop, ada).path
    staff_accounts.change_role(shop.shop, ada, "Mia", "manager")
    mia = staff.sign_in(shop.shop, "Mia", "4321")
    with pytest.raises(PermissionDenied) as refused:
        backups.restore_backup(shop.shop, mia, old)
    assert refused.value.reason == "restore_needs_admin"
    roles = {a.name: a.role.value for a in staff.list_staff(shop.shop, ada)}
    assert roles == {"Ada": "admin", "Mia": "manager"}


def test_a_manager_cannot_restore_a_shop_from_before_its_staff_accounts(shop: Opened) -> None:
    # No accounts in the copy: whoever runs the command next would be the shop's administrator.
    old = backups.back_up(shop.shop, LOCAL_ADMIN).path
    _, mia = _admin_and_manager(shop)
    with pytest.raises(PermissionDenied) as refused:
        backups.restore_backup(shop.shop, mia, old)
    assert refused.value.reason == "restore_needs_admin"


def test_a_manager_cannot_restore_other_till_rules_but_an_admin_can(shop: Opened) -> None:
    ada, mia = _admin_and_manager(shop)
    till_policy.set_till_rules(shop.shop, ada, refund_limit="500.00")
    old = backups.back_up(shop.shop, ada).path
    till_policy.set_till_rules(shop.shop, ada, refund_limit="0.00")
    with pytest.raises(PermissionDenied) as refused:
        backups.restore_backup(shop.shop, mia, old)
    assert refused.value.reason == "restore_needs_admin"
    backups.restore_backup(shop.shop, ada, old)


def test_a_manager_restores_a_backup_that_differs_only_in_members_and_cashiers(
    shop: Opened,
) -> None:
    ada, mia = _admin_and_manager(shop)
    old = backups.back_up(shop.shop, ada).path
    members.enrol(shop.shop, mia, members.NewMember(name="丙"))
    staff.add_staff(shop.shop, mia, "Cai", "cashier", "4321")
    backups.restore_backup(shop.shop, mia, old)
