"""The outbox as the sync pump reads it: oldest unsent events first, marked sent once acknowledged."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, or_, select, update

from loyalty_desktop.db.tables import outbox
from loyalty_desktop.services.events import EventKind
from loyalty_desktop.services.sync import QueuedEvent

_PROGRAM = EventKind.PROGRAM_LOADED.value
PROFILE_CHANGED = EventKind.PROFILE_CHANGED.value


class SqlSyncQueue:
    """Each call is one short transaction, so the pump never holds the till's lock across the network."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def pending(self, limit: int) -> list[QueuedEvent]:
        """The oldest unsent events, any unsent programme file first.

        The server recomputes a sale's points from the programme version it names, so a
        programme queued after sales made under it (``sync connect`` queues every
        version) goes ahead of them; the server takes events in any order.
        """
        unsent = outbox.c.sent_at.is_(None)
        by_seq = (outbox.c.device_id, outbox.c.seq)
        programmes = select(outbox).where(unsent, outbox.c.kind == _PROGRAM).order_by(*by_seq)
        oldest = select(outbox).where(unsent).order_by(*by_seq)
        with self.engine.connect() as conn:
            rows = list(conn.execute(programmes.limit(limit)).mappings())
            ahead = {r["id"] for r in rows}
            rest = conn.execute(oldest.limit(limit)).mappings()
            rows += [r for r in rest if r["id"] not in ahead][: limit - len(rows)]
        return [
            QueuedEvent(
                str(r["id"]),
                str(r["device_id"]),
                r["seq"],
                r["kind"],
                r["version"],
                r["key"],
                r["at"],
                json.loads(r["payload"]),
            )
            for r in rows
        ]

    def mark_sent(self, ids: Sequence[str], at: datetime) -> None:
        """Take acknowledged events off the queue."""
        if not ids:
            return
        with self.engine.begin() as conn:
            conn.execute(update(outbox).where(outbox.c.id.in_(list(ids))).values(sent_at=at))

    def queued(self) -> int:
        """Events not yet acknowledged."""
        with self.engine.connect() as conn:
            q = select(func.count()).select_from(outbox).where(outbox.c.sent_at.is_(None))
            return int(conn.execute(q).scalar() or 0)

    def unsent(self, containing: str) -> list[tuple[str, Mapping[str, Any]]]:
        """Kind and payload of the unsent events whose payload text contains ``containing``.

        A member id (a UUID) or a field name: a narrow ``LIKE`` on the queue's few rows,
        read back by the caller, which looks at the fields themselves.
        """
        wanted = "%" + containing.replace("\\", "").replace("%", "").replace("_", "\\_") + "%"
        q = select(outbox.c.kind, outbox.c.payload).where(
            outbox.c.sent_at.is_(None), outbox.c.payload.like(wanted, escape="\\")
        )
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        found: list[tuple[str, Mapping[str, Any]]] = []
        for kind, payload in rows:
            body = json.loads(payload)
            if isinstance(body, dict):
                found.append((kind, body))
        return found

    def forget_profiles(self, member_ids: Sequence[str]) -> int:
        """Take the erased members' profiles out of their ``member.profile_changed`` events.

        Sent or not: the outbox keeps sent events, and the profile is personal data. What is
        left is a version 1 event (field names and consent only), so one still queued is
        sent as that and the server keeps no profile from it. How many events were changed.
        """
        wanted = set(member_ids)
        if not wanted:
            return 0
        # The payload is written with sorted keys and ", "/": " separators (SqlOutbox).
        named = or_(*(outbox.c.payload.like(f'%"member_id": "{m}"%') for m in sorted(wanted)))
        q = select(outbox.c.id, outbox.c.payload).where(
            outbox.c.kind == PROFILE_CHANGED, outbox.c.payload.like('%"profile": {%'), named
        )
        changed = 0
        with self.engine.begin() as conn:
            for event_id, payload in conn.execute(q).all():
                body = json.loads(payload)
                if body.get("member_id") not in wanted:
                    continue
                body.pop("profile", None)
                text = json.dumps(body, ensure_ascii=False, sort_keys=True)
                conn.execute(
                    update(outbox).where(outbox.c.id == event_id).values(payload=text, version=1)
                )
                changed += 1
        return changed
