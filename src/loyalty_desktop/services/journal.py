"""Writing the two records every change leaves: the outbox event and, where required, the audit entry."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from loyalty_desktop.domain.audit import GENESIS, entry_hash
from loyalty_desktop.domain.json_data import JsonObject, JsonValue
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.ports import AuditEntry, AuditSeal, OutboxEvent, UnitOfWork


def publish(uow: UnitOfWork, device_id: str, event: OutboxEvent) -> None:
    """Queue an immutable fact (built by ``services/events.py``) in the caller's transaction."""
    uow.outbox.add(event, device_id)


def audit_body(entry: AuditEntry) -> JsonObject:
    """The fields of an entry its seal covers."""
    return {
        "seq": entry.seq,
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "action": entry.action,
        "subject": entry.subject,
        "reason": entry.reason,
        "details": dict(entry.details),
    }


def write_audit(
    uow: UnitOfWork,
    shop: Shop,
    actor: Actor,
    action: str,
    subject: str,
    reason: str | None,
    details: Mapping[str, JsonValue],
    at: datetime,
) -> None:
    """Append a sealed audit entry: who did what to whom, when and why.

    Once the transaction commits, the entry is recorded as the newest outside
    the database too, so cutting off the newest entries shows in the check.
    """
    last = uow.audit.last()
    prev = last.hash if last else GENESIS
    draft = AuditEntry(
        seq=(last.seq + 1) if last else 1,
        at=at,
        actor=actor.name,
        action=action,
        subject=subject,
        reason=reason,
        details=dict(details),
        prev_hash=prev,
        hash="",
    )
    sealed = replace(draft, hash=shop.audit_seal.seal(prev, audit_body(draft)))
    uow.audit.append(sealed)
    uow.after_commit(lambda: shop.audit_seal.record_head(sealed.seq, sealed.hash))


def audit_problems(entries: Iterable[AuditEntry], seal: AuditSeal) -> list[str]:
    """Breaks in the audit log: an entry edited, removed, inserted or re-sealed without the key.

    The newest entry recorded outside the database must still be there, so
    entries cut off the end show too.
    """
    problems = []
    prev = GENESIS
    expected_seq = 1
    seals: dict[int, str] = {}
    for entry in entries:
        if entry.seq != expected_seq:
            problems.append(f"audit entry {expected_seq} is missing (found {entry.seq})")
        if entry.prev_hash != prev or seal.seal(prev, audit_body(entry)) != entry.hash:
            problems.append(f"audit entry {entry.seq} does not match its sealed chain")
        seals[entry.seq] = entry.hash
        prev = entry.hash
        expected_seq = entry.seq + 1
    head = seal.head()
    if head is not None:
        seq, known = head
        if seq not in seals:
            problems.append(
                f"audit entries up to {seq} were recorded, but the log ends at {expected_seq - 1}: "
                "entries were removed"
            )
        elif seals[seq] != known:
            problems.append(f"audit entry {seq} is not the entry that was recorded")
    elif seals:
        problems.append(
            "no record of the audit log's newest entry outside the database: "
            "removed entries at the end could not be noticed"
        )
    return problems[:20]


def legacy_chain_intact(entries: Sequence[AuditEntry]) -> bool:
    """Whether an audit log from before the audit key is an unbroken plain hash chain."""
    prev = GENESIS
    for number, entry in enumerate(entries, start=1):
        if entry.seq != number or entry.prev_hash != prev:
            return False
        if entry_hash(prev, audit_body(entry)) != entry.hash:
            return False
        prev = entry.hash
    return True


def reseal(uow: UnitOfWork, shop: Shop, entries: Sequence[AuditEntry]) -> None:
    """Seal an intact legacy chain with the audit key (once, when the key is first adopted)."""
    prev = GENESIS
    last: AuditEntry | None = None
    for entry in entries:
        last = replace(entry, prev_hash=prev, hash=shop.audit_seal.seal(prev, audit_body(entry)))
        uow.audit.reseal(last)
        prev = last.hash
    if last is not None:
        final = last
        uow.after_commit(lambda: shop.audit_seal.restart_head(final.seq, final.hash))
