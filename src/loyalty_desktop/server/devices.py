"""Each till's sequence numbers as the server received them: gaps and numbers used twice.

Every event a till writes takes the next number of that till's device (``seq``), and the
till sends its events in that order. The server applies whatever arrives, in any order
(issue 12: it tolerates gaps and reordering), and this module says afterwards what did not
arrive. Counted per store and device, between the lowest and the highest number received
(a till's events from before it was first connected never reach the server):

- *missing*: numbers in that range the inbox holds no event for. An event the server
  quarantined (its key sent before with another payload) is one of them; so is an event
  a till lost before it was sent (a database restored from a backup older than its last
  sale, for instance), which nothing else would show.
- *reused*: one number carried by two different events. Two tills running copies of one
  database (one device id), or a till restored from an older backup that numbers new
  events again from where the backup stood.

Both are listed for review by ``loyalty-server check`` and shown by ``loyalty-server
devices``; neither stops anything.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Connection, func, select

from loyalty_desktop.server.tables import inbox, stores

MAX_RANGES = 10  # missing ranges and reused numbers listed per device; the counts cover them all


def device_sequences(conn: Connection) -> list[dict[str, Any]]:
    """Per store and device: events received, the numbers' range, how many are missing or reused."""
    distinct = func.count(inbox.c.seq.distinct())
    rows = conn.execute(
        select(
            inbox.c.store_id,
            inbox.c.device_id,
            func.count().label("events"),
            distinct.label("numbers"),
            func.min(inbox.c.seq).label("first"),
            func.max(inbox.c.seq).label("last"),
            func.max(inbox.c.received_at).label("received_at"),
        )
        .group_by(inbox.c.store_id, inbox.c.device_id)
        .order_by(inbox.c.store_id, inbox.c.device_id)
    ).all()
    names = dict(conn.execute(select(stores.c.id, stores.c.name)).tuples().all())
    gaps = _missing_ranges(conn)
    reused = _reused(conn)
    found = []
    for r in rows:
        device = (r.store_id, r.device_id)
        found.append(
            {
                "store_id": str(r.store_id),
                "store": names.get(r.store_id),
                "device_id": str(r.device_id),
                "events": int(r.events),
                "first_seq": int(r.first),
                "last_seq": int(r.last),
                "missing": int(r.last) - int(r.first) + 1 - int(r.numbers),
                "missing_ranges": gaps.get(device, []),
                "reused": len(reused.get(device, [])),
                "reused_seqs": reused.get(device, [])[:MAX_RANGES],
                "last_received_at": r.received_at.isoformat(),
            }
        )
    return found


def sequence_findings(conn: Connection) -> list[dict[str, Any]]:
    """``check``'s review items: one per device with numbers missing, one per device with numbers reused."""
    found: list[dict[str, Any]] = []
    for d in device_sequences(conn):
        where = {"store_id": d["store_id"], "device_id": d["device_id"]}
        if d["missing"]:
            found.append(
                {
                    "review": "device_seq_gap",
                    **where,
                    "missing": d["missing"],
                    "missing_ranges": d["missing_ranges"],
                }
            )
        if d["reused"]:
            found.append(
                {
                    "review": "device_seq_reused",
                    **where,
                    "reused": d["reused"],
                    "reused_seqs": d["reused_seqs"],
                }
            )
    return found


Device = tuple[uuid.UUID, uuid.UUID]


def _missing_ranges(conn: Connection) -> dict[Device, list[list[int]]]:
    following = (
        func.lead(inbox.c.seq)
        .over(partition_by=(inbox.c.store_id, inbox.c.device_id), order_by=inbox.c.seq)
        .label("next_seq")
    )
    numbered = select(inbox.c.store_id, inbox.c.device_id, inbox.c.seq, following).subquery()
    rank = (
        func.row_number()
        .over(partition_by=(numbered.c.store_id, numbered.c.device_id), order_by=numbered.c.seq)
        .label("n")
    )
    gaps = (
        select(numbered.c.store_id, numbered.c.device_id, numbered.c.seq, numbered.c.next_seq, rank)
        .where(numbered.c.next_seq > numbered.c.seq + 1)
        .subquery()
    )
    rows = conn.execute(
        select(gaps.c.store_id, gaps.c.device_id, gaps.c.seq, gaps.c.next_seq)
        .where(gaps.c.n <= MAX_RANGES)
        .order_by(gaps.c.store_id, gaps.c.device_id, gaps.c.seq)
    ).all()
    found: dict[Device, list[list[int]]] = {}
    for r in rows:
        found.setdefault((r.store_id, r.device_id), []).append([r.seq + 1, r.next_seq - 1])
    return found


def _reused(conn: Connection) -> dict[Device, list[int]]:
    """Per device: the numbers two or more events carry, in order."""
    rows = conn.execute(
        select(inbox.c.store_id, inbox.c.device_id, inbox.c.seq)
        .group_by(inbox.c.store_id, inbox.c.device_id, inbox.c.seq)
        .having(func.count() > 1)
        .order_by(inbox.c.store_id, inbox.c.device_id, inbox.c.seq)
    ).all()
    found: dict[Device, list[int]] = {}
    for r in rows:
        found.setdefault((r.store_id, r.device_id), []).append(int(r.seq))
    return found
