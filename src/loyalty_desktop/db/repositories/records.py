"""Small tables: programme versions, staff, outbox, audit log, settings."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from loyalty_desktop.db.fastpath import Prepared, insert_into
from loyalty_desktop.db.tables import audit, devices, outbox, programs, settings, staff
from loyalty_desktop.services.ports import AuditEntry, OutboxEvent, StaffRecord

_CURRENT_PROGRAM = Prepared(
    select(programs.c.id, programs.c.source).order_by(programs.c.id.desc()).limit(1)
)
_BUMP_SEQ = Prepared(
    update(devices)
    .where(devices.c.id == bindparam("b_device"))
    .values(next_seq=devices.c.next_seq + 1)
    .returning(devices.c.next_seq)
)
_BUMP_SEQ_BY = Prepared(
    update(devices)
    .where(devices.c.id == bindparam("b_device"))
    .values(next_seq=devices.c.next_seq + bindparam("b_count"))
    .returning(devices.c.next_seq)
)
_LAST_SEQ = Prepared(select(devices.c.next_seq).where(devices.c.id == bindparam("b_device")))
_INSERT_EVENT = insert_into(outbox, skip=["sent_at"])


def _event_row(event: OutboxEvent, device_id: str, seq: int) -> dict[str, Any]:
    return {
        "id": event.id,
        "device_id": device_id,
        "seq": seq,
        "kind": event.kind,
        "version": event.version,
        "key": event.key,
        "at": event.at,
        "payload": json.dumps(event.payload, ensure_ascii=False, sort_keys=True),
    }


class SqlPrograms:
    """Programme versions; the highest id is in force."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def current(self) -> tuple[int, str] | None:
        row = _CURRENT_PROGRAM.first(self.conn)
        return (int(row[0]), row[1]) if row else None

    def text(self, program_id: int) -> str | None:
        return self.conn.execute(
            select(programs.c.source).where(programs.c.id == program_id)
        ).scalar()

    def versions(self) -> list[tuple[int, str]]:
        q = select(programs.c.id, programs.c.source).order_by(programs.c.id)
        return [(int(i), text) for i, text in self.conn.execute(q)]

    def add(self, text: str, at: datetime) -> int:
        result = self.conn.execute(
            insert(programs).values(loaded_at=at, source=text).returning(programs.c.id)
        )
        return int(result.scalar_one())


def _staff(m: Any) -> StaffRecord:
    return StaffRecord(
        id=m["id"],
        name=m["name"],
        role=m["role"],
        pin_hash=m["pin_hash"],
        active=bool(m["active"]),
        failed_attempts=m["failed_attempts"],
        locked_until=m["locked_until"],
        last_sign_in=m["last_sign_in"],
    )


class SqlStaff:
    """Staff accounts."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def by_name(self, name: str) -> StaffRecord | None:
        row = self.conn.execute(select(staff).where(staff.c.name == name)).first()
        return _staff(row._mapping) if row else None

    def add(self, record: StaffRecord) -> None:
        self.conn.execute(insert(staff), record.__dict__)

    def save(self, record: StaffRecord) -> None:
        values = dict(record.__dict__)
        self.conn.execute(update(staff).where(staff.c.id == values.pop("id")).values(values))

    def all(self) -> list[StaffRecord]:
        return [_staff(r._mapping) for r in self.conn.execute(select(staff).order_by(staff.c.name))]


class SqlOutbox:
    """Events for the central server, numbered 1, 2, 3… per device."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, event: OutboxEvent, device_id: str) -> int:
        bumped = _BUMP_SEQ.first(self.conn, {"b_device": device_id})
        seq = bumped[0] if bumped else None
        if seq is None:
            self.conn.execute(insert(devices).values(id=device_id, next_seq=1))
            seq = 1
        _INSERT_EVENT.run(self.conn, _event_row(event, device_id, seq))
        return int(seq)

    def add_many(self, events: Sequence[OutboxEvent], device_id: str) -> list[int]:
        if not events:
            return []
        count = len(events)
        bumped = _BUMP_SEQ_BY.first(self.conn, {"b_device": device_id, "b_count": count})
        last = bumped[0] if bumped else None
        if last is None:
            self.conn.execute(insert(devices).values(id=device_id, next_seq=count))
            last = count
        seqs = list(range(int(last) - count + 1, int(last) + 1))
        _INSERT_EVENT.run_many(
            self.conn,
            [_event_row(event, device_id, seq) for event, seq in zip(events, seqs, strict=True)],
        )
        return seqs

    def last_seq(self, device_id: str) -> int:
        row = _LAST_SEQ.first(self.conn, {"b_device": device_id})
        return int(row[0]) if row else 0

    def queued(self, key: str) -> OutboxEvent | None:
        row = self.conn.execute(select(outbox).where(outbox.c.key == key)).first()
        if row is None:
            return None
        m = row._mapping
        return OutboxEvent(
            str(m["id"]), m["kind"], m["key"], m["at"], json.loads(m["payload"]), m["version"]
        )

    def count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(outbox)).scalar() or 0)


def _entry(m: Any) -> AuditEntry:
    return AuditEntry(
        seq=m["seq"],
        at=m["at"],
        actor=m["actor"],
        action=m["action"],
        subject=m["subject"],
        reason=m["reason"],
        details=json.loads(m["details"]),
        prev_hash=m["prev_hash"],
        hash=m["hash"],
    )


class SqlAudit:
    """The audit log (append only: nothing here updates or deletes)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def last(self) -> AuditEntry | None:
        row = self.conn.execute(select(audit).order_by(audit.c.seq.desc()).limit(1)).first()
        return _entry(row._mapping) if row else None

    def append(self, entry: AuditEntry) -> None:
        values = dict(entry.__dict__)
        values["details"] = json.dumps(entry.details, ensure_ascii=False, sort_keys=True)
        self.conn.execute(insert(audit), values)

    def all(self) -> Iterator[AuditEntry]:
        for row in self.conn.execute(select(audit).order_by(audit.c.seq)):
            yield _entry(row._mapping)

    def reseal(self, entry: AuditEntry) -> None:
        self.conn.execute(
            update(audit)
            .where(audit.c.seq == entry.seq)
            .values(prev_hash=entry.prev_hash, hash=entry.hash)
        )


class SqlSettings:
    """Key/value facts about the installation."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, key: str) -> str | None:
        return self.conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()

    def set(self, key: str, value: str) -> None:
        # One upsert, not update-then-insert: two PostgreSQL tills opening a new database at
        # once both found no row and the second insert failed on the key.
        dialect = self.conn.dialect.name
        if dialect == "postgresql":
            pg = postgresql.insert(settings).values(key=key, value=value)
            self.conn.execute(
                pg.on_conflict_do_update(index_elements=[settings.c.key], set_={"value": value})
            )
        elif dialect == "sqlite":
            lite = sqlite.insert(settings).values(key=key, value=value)
            self.conn.execute(
                lite.on_conflict_do_update(index_elements=[settings.c.key], set_={"value": value})
            )
        else:
            done = self.conn.execute(
                update(settings).where(settings.c.key == key).values(value=value)
            )
            if not done.rowcount:
                self.conn.execute(insert(settings).values(key=key, value=value))
