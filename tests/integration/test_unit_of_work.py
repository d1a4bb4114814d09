"""The unit of work on SQLite and PostgreSQL: all or nothing, and a taken unique key is a ``Conflict``."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from loyalty_desktop.app import Opened
from loyalty_desktop.db import tables
from loyalty_desktop.db.uow import is_unique_violation
from loyalty_desktop.domain.errors import StorageError
from loyalty_desktop.domain.ledger import Lot, Movement, MovementKind
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.domain.refunds import LineState
from loyalty_desktop.domain.sales import Sale
from loyalty_desktop.services.ports import AuditEntry, Conflict, OutboxEvent, UnitOfWork
from tests.databases import Database, commit, sqlite_database

T0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
CHANGING = ("members", "movements", "lots", "sales", "sale_lines", "outbox", "audit", "devices")


class Boom(Exception):
    """A failure in the middle of a use case."""


def _member(no: str, card_no: int) -> Member:
    return Member(str(uuid.uuid4()), no, card_no, "赵六", T0)


def _counts(opened: Opened) -> dict[str, int]:
    with opened.engine.connect() as conn:
        return {
            name: conn.execute(
                select(func.count()).select_from(tables.metadata.tables[name])
            ).scalar_one()
            for name in CHANGING
        }


def _sale(member: Member, device: str) -> Sale:
    return Sale(
        id=str(uuid.uuid4()),
        sale_no=f"S-{member.member_no}",
        member_id=member.id,
        at=T0,
        recorded_at=T0,
        currency="CNY",
        lines=[LineState(SaleLine("", Decimal(1), Decimal("10.00"), None, 1000, 1000))],
        subtotal=1000,
        order_discount=0,
        tier_discount=0,
        net=1000,
        points_redeemed=0,
        points_value=0,
        paid=1000,
        earned=10,
        program_id=0,
        tier_before=None,
        local_date=date(2026, 3, 2),
        device_id=device,
    )


def _fill(uow: UnitOfWork, member: Member, device: str) -> None:
    """A member, a sale with a line, an earn movement with its lot, an event and an audit line."""
    uow.members.add(member)
    sale = _sale(member, device)
    uow.sales.add(sale)
    lot = Lot(str(uuid.uuid4()), member.id, T0, T0 + timedelta(days=365), 10, 10)
    uow.ledger.add(
        Movement(
            str(uuid.uuid4()),
            member.id,
            MovementKind.EARN,
            10,
            T0,
            T0,
            lots=(lot,),
            sale_ref=sale.id,
        )
    )
    uow.outbox.add(OutboxEvent(str(uuid.uuid4()), "sale", f"sale:{sale.id}", T0, {}), device)
    last = uow.audit.last()
    uow.audit.append(
        AuditEntry((last.seq + 1) if last else 1, T0, "a", "x", "s", None, {}, "0" * 64, "1" * 64)
    )


def test_a_unit_of_work_left_without_commit_leaves_nothing(opened: Opened) -> None:
    before = _counts(opened)
    with opened.shop.uow() as uow:
        _fill(uow, _member("R1", 10_000_001), str(uuid.uuid4()))
    assert _counts(opened) == before


def test_a_unit_of_work_failing_halfway_leaves_nothing(opened: Opened) -> None:
    before = _counts(opened)

    def fail_halfway(uow: UnitOfWork) -> None:
        _fill(uow, _member("R2", 10_000_002), opened.shop.device_id)
        raise Boom

    with pytest.raises(Boom):
        commit(opened, fail_halfway)
    assert _counts(opened) == before


def test_rollback_throws_changes_away_and_commit_keeps_them(opened: Opened) -> None:
    before = _counts(opened)
    with opened.shop.uow() as uow:
        _fill(uow, _member("R3", 10_000_003), opened.shop.device_id)
        uow.rollback()
    assert _counts(opened) == before

    with opened.shop.uow() as uow:
        _fill(uow, _member("R4", 10_000_004), opened.shop.device_id)
        uow.commit()
    after = _counts(opened)
    assert {k: after[k] - before[k] for k in CHANGING} == {
        "members": 1,
        "movements": 1,
        "lots": 1,
        "sales": 1,
        "sale_lines": 1,
        "outbox": 1,
        "audit": 1,
        "devices": 1,
    }


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(("M-1", 10_000_001), ("M-1", 10_000_002), id="member number"),
        pytest.param(("M-1", 10_000_001), ("M-2", 10_000_001), id="card number"),
    ],
)
def test_a_taken_unique_key_becomes_a_conflict(
    opened: Opened, first: tuple[str, int], second: tuple[str, int]
) -> None:
    with opened.shop.uow() as uow:
        uow.members.add(_member(*first))
        uow.commit()
    before = _counts(opened)

    with pytest.raises(Conflict) as caught:
        commit(
            opened,
            lambda uow: uow.members.add(_member("other", 10_000_099)),
            lambda uow: uow.members.add(_member(*second)),
        )

    assert isinstance(caught.value.__cause__, IntegrityError)
    assert _counts(opened) == before, "the whole transaction is rolled back, not just the insert"
    with opened.shop.uow() as uow:  # the connection went back to the pool in working order
        uow.members.add(_member("M-3", 10_000_003))
        uow.commit()


def test_a_sale_no_posted_twice_is_a_conflict(opened: Opened) -> None:
    member = _member("D1", 10_000_001)
    with opened.shop.uow() as uow:
        _fill(uow, member, opened.shop.device_id)
        uow.commit()

    twin = replace(_sale(member, opened.shop.device_id), sale_no="S-D1")
    with pytest.raises(Conflict):
        commit(opened, lambda uow: uow.sales.add(twin))


def test_a_broken_reference_is_an_error_not_a_conflict(opened: Opened) -> None:
    orphan = Movement(str(uuid.uuid4()), str(uuid.uuid4()), MovementKind.ADJUST, 5, T0, T0)
    with pytest.raises(StorageError) as caught, opened.shop.uow() as uow:
        uow.ledger.add(orphan)
    cause = caught.value.__cause__
    assert isinstance(cause, IntegrityError)
    assert not is_unique_violation(cause), "a missing member is not a concurrent writer"
    assert orphan.member_id not in caught.value.message, "no statement values are repeated"


def test_two_writers_racing_for_one_key_one_wins_one_gets_a_conflict(database: Database) -> None:
    """Both transactions start before either commits; on PostgreSQL the loser waits for the winner."""
    opened = database.open()
    ready = threading.Barrier(2, timeout=30)
    outcomes: list[str] = []
    lock = threading.Lock()

    def writer(card_no: int) -> None:
        try:
            with opened.shop.uow() as uow:
                if database.kind == "postgres":
                    ready.wait()  # SQLite writers queue at BEGIN, so only PostgreSQL overlaps
                uow.members.add(_member("RACE", card_no))
                uow.commit()
            result = "committed"
        except Conflict:
            result = "conflict"
        with lock:
            outcomes.append(result)

    threads = [
        threading.Thread(target=writer, args=(n,), daemon=True) for n in (10_000_001, 10_000_002)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sorted(outcomes) == ["committed", "conflict"]
    with opened.shop.uow(write=False) as uow:
        assert uow.members.by_number("RACE") is not None


def test_on_sqlite_a_report_reading_does_not_hold_up_the_tills(tmp_path: Path) -> None:
    """Reports and checks read on plain connections; only units of work that write take the lock."""
    with sqlite_database(tmp_path / "shop.db") as database:
        opened = database.open()
        till = sqlite3.connect(database.path or "", timeout=0.5, isolation_level=None)
        try:
            with opened.engine.connect() as report:  # as SqlIntegrity and SqlReportSource read
                report.execute(select(func.count()).select_from(tables.members)).scalar_one()
                till.execute("BEGIN IMMEDIATE")  # "database is locked" if the report held the lock
                till.execute("ROLLBACK")
            with opened.shop.uow() as writer:
                writer.settings.get("device_id")
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    till.execute("BEGIN IMMEDIATE")  # a writing unit of work does hold it
        finally:
            till.close()


def _sync_setting(uow: UnitOfWork) -> tuple[int, int]:
    conn = uow.conn  # type: ignore[attr-defined]  # the SQLite unit of work's connection
    return (
        conn.exec_driver_sql("PRAGMA synchronous").scalar_one(),
        conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one(),
    )


def test_on_sqlite_only_a_lax_unit_of_work_skips_waiting_for_the_disk(tmp_path: Path) -> None:
    """An import's chunk commits without fsync; the next sale on the same pooled connection is durable again."""
    with sqlite_database(tmp_path / "shop.db") as database:
        opened = database.open()
        full, normal = 2, 1  # SQLite's numbers for FULL and NORMAL
        with opened.shop.uow() as unit:
            assert _sync_setting(unit) == (full, 1000)
        with opened.shop.uow(durable=False) as unit:
            assert _sync_setting(unit) == (normal, 10_000)
            member = _member("10000001", 1)
            _fill(unit, member, "d1")
            unit.commit()
        for write in (True, False):
            with opened.shop.uow(write=write) as unit:
                assert _sync_setting(unit) == (full, 1000)
                assert unit.members.get(member.id) is not None  # the lax commit is there
