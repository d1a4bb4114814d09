"""Applying a store's batch of events: each in its own savepoint, with its inbox row, in one transaction.

The inbox row is written first: it claims ``(store, key)``, so a second worker posting
the same event at the same moment waits on the unique index and then finds it as a
duplicate instead of applying it twice. A key seen before with the same payload gets
the first answer again; with a different payload it is a conflict (409) and the new
payload is quarantined. An event the server refuses is rolled back alone and recorded
as rejected, so the rest of the batch is applied and the store is not blocked.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError

from loyalty_desktop.server.facts import Rejected, check_event
from loyalty_desktop.server.tables import (
    balances,
    change_clock,
    changes,
    inbox,
    ledger,
    members,
    quarantine,
)

MAX_BATCH = 100


@dataclass(frozen=True)
class WireEvent:
    """One outbox event as a store sends it."""

    id: uuid.UUID
    device_id: uuid.UUID
    seq: int
    kind: str
    version: int
    key: str
    at: datetime
    payload: Mapping[str, Any]

    def digest(self) -> str:
        """A hash of what the event says (not of when it was sent)."""
        body = json.dumps(
            [self.kind, self.version, self.key, self.payload], sort_keys=True, separators=(",", ":")
        )
        return hashlib.sha256(body.encode()).hexdigest()


@dataclass(frozen=True)
class EventResult:
    """The server's answer for one event: applied, duplicate, rejected or conflict (409)."""

    id: uuid.UUID
    key: str
    status: str
    reason: str | None = None
    first: str | None = None  # for a duplicate: what the first delivery got


def push_batch(
    conn: Connection, store_id: uuid.UUID, events: Sequence[WireEvent]
) -> list[EventResult]:
    """Apply a batch (at most MAX_BATCH events) inside the caller's transaction."""
    results: list[EventResult] = []
    touched: dict[uuid.UUID, str] = {}
    now = datetime.now(UTC)
    # One query for the keys seen before, not one per event (most batches are all new).
    seen = {
        r.key: r
        for r in conn.execute(
            select(inbox.c.key, inbox.c.payload_hash, inbox.c.status, inbox.c.reason).where(
                inbox.c.store_id == store_id, inbox.c.key.in_([e.key for e in events])
            )
        )
    }
    for event in events:
        result, moved = _one(conn, store_id, event, now, seen.get(event.key))
        results.append(result)
        for member_id, kind in moved.items():
            if touched.get(member_id) != "member":  # an enrolment outranks a balance change
                touched[member_id] = kind
    if touched:
        _log_changes(conn, store_id, touched)
    return results


def _one(
    conn: Connection, store_id: uuid.UUID, event: WireEvent, now: datetime, seen: Any
) -> tuple[EventResult, dict[uuid.UUID, str]]:
    digest = event.digest()
    if seen is not None:
        return _again(conn, store_id, event, digest, seen, now), {}
    row = {
        "store_id": store_id,
        "event_id": event.id,
        "key": event.key,
        "device_id": event.device_id,
        "seq": event.seq,
        "kind": event.kind,
        "version": event.version,
        "payload_hash": digest,
        "received_at": now,
    }
    saved = conn.begin_nested()
    try:
        conn.execute(inbox.insert().values(status="applied", reason=None, **row))
        moved = _apply(conn, store_id, event)
        saved.commit()
        return EventResult(event.id, event.key, "applied"), moved
    except IntegrityError:
        # Another worker claimed the key (or this event id) first and has committed.
        saved.rollback()
        seen = _seen(conn, store_id, event.key) or _seen_id(conn, store_id, event.id)
        if seen is None:
            raise
        return _again(conn, store_id, event, digest, seen, now), {}
    except Rejected as exc:
        saved.rollback()
        reason = exc.reason
    with conn.begin_nested():
        conn.execute(inbox.insert().values(status="rejected", reason=reason, **row))
    return EventResult(event.id, event.key, "rejected", reason), {}


def _seen(conn: Connection, store_id: uuid.UUID, key: str) -> Any:
    q = select(inbox.c.payload_hash, inbox.c.status, inbox.c.reason).where(
        inbox.c.store_id == store_id, inbox.c.key == key
    )
    return conn.execute(q).first()


def _seen_id(conn: Connection, store_id: uuid.UUID, event_id: uuid.UUID) -> Any:
    q = select(inbox.c.payload_hash, inbox.c.status, inbox.c.reason).where(
        inbox.c.store_id == store_id, inbox.c.event_id == event_id
    )
    return conn.execute(q).first()


def _again(
    conn: Connection, store_id: uuid.UUID, event: WireEvent, digest: str, seen: Any, now: datetime
) -> EventResult:
    if seen.payload_hash == digest:
        return EventResult(event.id, event.key, "duplicate", seen.reason, first=seen.status)
    conn.execute(
        pg_insert(quarantine)
        .values(
            store_id=store_id,
            event_id=event.id,
            key=event.key,
            payload=json.dumps(
                {"kind": event.kind, "version": event.version, "payload": event.payload}
            ),
            received_at=now,
        )
        .on_conflict_do_nothing()
    )
    return EventResult(
        event.id, event.key, "conflict", "this key was sent before with a different payload"
    )


def _apply(conn: Connection, store_id: uuid.UUID, event: WireEvent) -> dict[uuid.UUID, str]:
    """Write the event's facts; returns the members whose record or balance it changed."""
    check_event(event.kind, event.version, event.payload)
    p = event.payload
    touched: dict[uuid.UUID, str] = {}
    if event.kind == "member.enrolled":
        member_id = _uuid(p["id"], "member id")
        conn.execute(
            pg_insert(members)
            .values(
                id=member_id,
                member_no=p["member_no"],
                home_store=store_id,
                status=p["status"],
                consent=p["consent"],
                created_at=datetime.fromisoformat(p["created_at"]),
            )
            .on_conflict_do_nothing()
        )
        touched[member_id] = "member"
    for m in p.get("movements", []):
        member_id = _uuid(m["member_id"], "movement member")
        conn.execute(
            ledger.insert().values(
                member_id=member_id,
                id=_uuid(m["id"], "movement id"),
                store_id=store_id,
                kind=m["kind"],
                points=m["points"],
                at=datetime.fromisoformat(m.get("at") or event.at.isoformat()),
                event_key=event.key,
            )
        )
        stmt = pg_insert(balances).values(member_id=member_id, points=m["points"])
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[balances.c.member_id],
                set_={"points": balances.c.points + stmt.excluded.points},
            )
        )
        touched.setdefault(member_id, "balance")
    return touched


def _uuid(text: Any, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(text))
    except ValueError as exc:
        raise Rejected(f"{what} {text!r} is not a UUID") from exc


def _log_changes(conn: Connection, store_id: uuid.UUID, touched: Mapping[uuid.UUID, str]) -> None:
    """Append what changed to the pull log, numbered under the clock row's lock (held to commit)."""
    ids = sorted(touched)
    last = conn.execute(
        update(change_clock)
        .where(change_clock.c.id == 1)
        .values(last=change_clock.c.last + len(ids))
        .returning(change_clock.c.last)
    ).scalar_one()
    points = dict(
        conn.execute(
            select(balances.c.member_id, balances.c.points).where(balances.c.member_id.in_(ids))
        ).all()
    )
    found = {r.id: r for r in conn.execute(select(members).where(members.c.id.in_(ids)))}
    rows = []
    for pos, member_id in enumerate(ids, start=last - len(ids) + 1):
        m = found.get(member_id)
        body = {
            "member_id": str(member_id),
            "points": points.get(member_id, 0),
            "member_no": m.member_no if m else None,
            "status": m.status if m else None,
            "consent": m.consent if m else None,
            "created_at": m.created_at.isoformat() if m else None,
        }
        rows.append(
            {
                "pos": pos,
                "member_id": member_id,
                "store_id": store_id,
                "kind": touched[member_id],
                "body": json.dumps(body),
            }
        )
    conn.execute(changes.insert(), rows)
