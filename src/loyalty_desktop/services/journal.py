"""Writing the two records every change leaves: the outbox event and, where required, the audit entry."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from loyalty_desktop.domain.audit import GENESIS, entry_hash
from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.ports import AuditEntry, OutboxEvent, UnitOfWork


def write_event(
    uow: UnitOfWork, device_id: str, kind: str, key: str, at: datetime, payload: Mapping[str, Any]
) -> None:
    """Queue an immutable fact for the central server, in the caller's transaction."""
    event = OutboxEvent(id=str(uuid.uuid4()), kind=kind, key=key, at=at, payload=payload)
    uow.outbox.add(event, device_id)


def audit_body(entry: AuditEntry) -> dict[str, Any]:
    """The fields of an entry its hash seals."""
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
    actor: Actor,
    action: str,
    subject: str,
    reason: str | None,
    details: Mapping[str, Any],
    at: datetime,
) -> None:
    """Append a hash-chained audit entry: who did what to whom, when and why."""
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
    sealed = AuditEntry(**{**draft.__dict__, "hash": entry_hash(prev, audit_body(draft))})
    uow.audit.append(sealed)


def audit_problems(entries: list[AuditEntry] | Any) -> list[str]:
    """Breaks in the audit chain: an entry edited, removed or inserted shows here."""
    problems = []
    prev = GENESIS
    expected_seq = 1
    for entry in entries:
        if entry.seq != expected_seq:
            problems.append(f"audit entry {expected_seq} is missing (found {entry.seq})")
        if entry.prev_hash != prev or entry_hash(prev, audit_body(entry)) != entry.hash:
            problems.append(f"audit entry {entry.seq} does not match its hash chain")
        prev = entry.hash
        expected_seq = entry.seq + 1
    return problems
