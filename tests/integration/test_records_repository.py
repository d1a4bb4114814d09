"""The outbox, audit log, programmes, staff and settings on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from loyalty_desktop.app import Opened
from loyalty_desktop.db.tables import outbox
from loyalty_desktop.domain.audit import GENESIS
from loyalty_desktop.services.journal import audit_body, audit_problems
from loyalty_desktop.services.ports import (
    AuditEntry,
    AuditSeal,
    Conflict,
    OutboxEvent,
    StaffRecord,
)
from tests.databases import commit

T0 = datetime(2026, 3, 2, 1, 2, 3, tzinfo=UTC)
TILL_A = str(uuid.UUID(int=0xA))
TILL_B = str(uuid.UUID(int=0xB))


def _event(key: str, **payload: object) -> OutboxEvent:
    return OutboxEvent(id=str(uuid.uuid4()), kind="sale", key=key, at=T0, payload=payload)


def test_outbox_numbers_events_one_to_n_per_device(opened: Opened) -> None:
    with opened.shop.uow(write=False) as uow:
        before = uow.outbox.count()  # opening the database writes no event
    seqs: list[tuple[str, int]] = []
    for i, device in enumerate([TILL_A, TILL_A, TILL_B, TILL_A, TILL_B]):
        with opened.shop.uow() as uow:
            seqs.append((device, uow.outbox.add(_event(f"sale:{i}", n=i), device)))
            uow.commit()
    with opened.shop.uow() as uow:  # several events in one transaction keep counting
        seqs.append((TILL_B, uow.outbox.add(_event("sale:5"), TILL_B)))
        seqs.append((TILL_B, uow.outbox.add(_event("sale:6"), TILL_B)))
        uow.commit()

    assert seqs == [
        (TILL_A, 1),
        (TILL_A, 2),
        (TILL_B, 1),
        (TILL_A, 3),
        (TILL_B, 2),
        (TILL_B, 3),
        (TILL_B, 4),
    ]
    with opened.engine.connect() as conn:
        rows = conn.execute(
            select(outbox.c.device_id, outbox.c.seq, outbox.c.key).order_by(
                outbox.c.device_id, outbox.c.seq
            )
        ).all()
    assert [(d, s) for d, s, _ in rows] == sorted(seqs)
    with opened.shop.uow(write=False) as uow:
        assert uow.outbox.count() == before + 7


def test_an_event_comes_back_as_immutable_json_with_its_moment(opened: Opened) -> None:
    event = OutboxEvent(
        id=str(uuid.uuid4()),
        kind="sale",
        key="sale:abc",
        at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC) + timedelta(microseconds=1),
        payload={"name": "王小二", "lines": [{"sku": "茶", "net": "12.30"}], "earned": 12},
    )
    with opened.shop.uow() as uow:
        uow.outbox.add(event, TILL_A)
        uow.commit()
    with opened.engine.connect() as conn:
        row = conn.execute(select(outbox).where(outbox.c.key == "sale:abc")).one()._mapping
    assert row["id"] == event.id
    assert row["kind"] == "sale"
    assert row["at"] == event.at
    assert row["at"].utcoffset() == timedelta(0)
    assert row["sent_at"] is None
    assert json.loads(row["payload"]) == event.payload
    assert "王小二" in row["payload"], "Chinese text is stored as text, not \\u escapes"


def test_an_event_key_is_taken_once(opened: Opened) -> None:
    with opened.shop.uow() as uow:
        uow.outbox.add(_event("adjust:REQ-1"), TILL_A)
        uow.commit()

    with pytest.raises(Conflict):
        commit(opened, lambda uow: uow.outbox.add(_event("adjust:REQ-1"), TILL_B))

    with opened.shop.uow() as uow:
        assert uow.outbox.add(_event("adjust:REQ-2"), TILL_B) == 1, (
            "the failed event used no number"
        )
        uow.commit()


def _sealed(seal: AuditSeal, previous: AuditEntry | None, action: str, at: datetime) -> AuditEntry:
    prev = previous.hash if previous else GENESIS
    draft = AuditEntry(
        seq=previous.seq + 1 if previous else 1,
        at=at,
        actor="店长",
        action=action,
        subject="member:1",
        reason="顾客投诉",
        details={"points": 10, "note": "补发"},
        prev_hash=prev,
        hash="",
    )
    return AuditEntry(**{**draft.__dict__, "hash": seal.seal(prev, audit_body(draft))})


def test_audit_entries_append_and_read_back_as_an_unbroken_chain(opened: Opened) -> None:
    entries: list[AuditEntry] = []
    with opened.shop.uow() as uow:
        assert uow.audit.last() is None
        for i in range(3):
            entry = _sealed(
                opened.shop.audit_seal, entries[-1] if entries else None, f"points.adjust.{i}", T0
            )
            uow.audit.append(entry)
            entries.append(entry)
        uow.commit()

    with opened.shop.uow(write=False) as uow:
        stored = list(uow.audit.all())
        last = uow.audit.last()

    assert stored == entries
    assert last == entries[-1]
    assert all(e.at.utcoffset() == timedelta(0) for e in stored)
    for entry in entries:  # as each commit records it
        opened.shop.audit_seal.record_head(entry.seq, entry.hash)
    assert audit_problems(stored, opened.shop.audit_seal) == [], (
        "seals must survive the round trip through the database"
    )


def test_two_writers_cannot_both_append_the_same_audit_number(opened: Opened) -> None:
    with opened.shop.uow() as uow:
        uow.audit.append(_sealed(opened.shop.audit_seal, None, "first", T0))
        uow.commit()
    with pytest.raises(Conflict):
        commit(
            opened,
            lambda uow: uow.audit.append(_sealed(opened.shop.audit_seal, None, "second", T0)),
        )


def test_programme_versions_staff_and_settings_round_trip(opened: Opened) -> None:
    text = 'currency = "CNY"\n# 会员计划\n'
    locked = datetime(2026, 3, 2, 10, 5, tzinfo=UTC)
    ann = StaffRecord(str(uuid.uuid4()), "安妮", "manager", "$argon2id$hash", True, 2, locked)
    with opened.shop.uow() as uow:
        assert uow.programs.current() is None
        first = uow.programs.add("first", T0)
        second = uow.programs.add(text, T0)
        uow.staff.add(ann)
        uow.staff.add(StaffRecord(str(uuid.uuid4()), "Bob", "cashier", "$argon2id$b"))
        uow.settings.set("shop_name", "一号店")
        uow.settings.set("shop_name", "二号店")
        uow.commit()

    with opened.shop.uow(write=False) as uow:
        assert second > first
        assert uow.programs.current() == (second, text)
        assert uow.programs.text(first) == "first"
        assert uow.programs.text(second + 100) is None
        assert uow.staff.by_name("安妮") == ann
        assert uow.staff.by_name("nobody") is None
        assert sorted(s.name for s in uow.staff.all()) == sorted(["安妮", "Bob"])
        assert uow.settings.get("shop_name") == "二号店"
        assert uow.settings.get("missing") is None
        assert uow.settings.get("device_id") == opened.shop.device_id

    changed = StaffRecord(ann.id, ann.name, "admin", ann.pin_hash, False, 0, None)
    with opened.shop.uow() as uow:
        uow.staff.save(changed)
        uow.commit()
    with opened.shop.uow(write=False) as uow:
        assert uow.staff.by_name("安妮") == changed
