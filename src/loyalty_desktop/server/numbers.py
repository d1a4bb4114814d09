"""Member numbers once across the chain: the first enrolment claims a number, a later one is flagged.

Stores number new members in their own blocks (domain/member_numbers.py), so they do not
collide; a number typed by hand (``--member-no``) or given out before the store was
connected can still be another member's at another store. A completed enrolment is a
fact: it is applied all the same, and the member is listed in ``number_clashes`` with the
member holding the number and that member's store, for a person to look at (``review
list``, ``check``; ``review clear-number``). The flag travels in the member's pull-log body
(``number_clash``, ``number_held_by``) so the stores can show it. The same member enrolled
again (a till copied from another) holds its own number: no clash.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.server.bulk import any_of, insert_from_arrays
from loyalty_desktop.server.tables import member_numbers, number_clashes

_CLAIM = (
    insert_from_arrays(member_numbers, ("member_no", "member_id", "store_id", "received_at"))
    .on_conflict_do_nothing()
    .returning(member_numbers.c.member_no)
)


def claim_numbers(
    conn: Connection, enrolled: Sequence[Mapping[str, Any]], now: datetime
) -> list[uuid.UUID]:
    """Claim each new member's number, or flag the member when another member holds it.

    ``enrolled``: rows of ``members`` as an enrolment writes them. Returns the ids of the
    members flagged here.
    """
    if not enrolled:
        return []
    firsts: dict[str, Mapping[str, Any]] = {}
    for row in enrolled:
        firsts.setdefault(row["member_no"], row)
    # In number order, so two batches claiming the same numbers wait for each other
    # instead of deadlocking. A number claimed at this moment by another worker: the insert
    # waits for it to commit, then does nothing, and the holder is read below.
    ordered = sorted(firsts.items())
    claimed = set(
        conn.execute(
            _CLAIM,
            {
                "member_no": [no for no, _ in ordered],
                "member_id": [r["id"] for _, r in ordered],
                "store_id": [r["home_store"] for _, r in ordered],
                "received_at": [now] * len(ordered),
            },
        ).scalars()
    )
    holders = {no: (firsts[no]["id"], firsts[no]["home_store"]) for no in claimed}
    taken = sorted(set(firsts) - claimed)
    if taken:
        found = conn.execute(
            select(
                member_numbers.c.member_no, member_numbers.c.member_id, member_numbers.c.store_id
            ).where(any_of(member_numbers.c.member_no, "numbers")),
            {"numbers": taken},
        )
        holders |= {r.member_no: (r.member_id, r.store_id) for r in found}
    clashes = [r for r in enrolled if holders[r["member_no"]][0] != r["id"]]
    if clashes:
        conn.execute(
            pg_insert(number_clashes).on_conflict_do_nothing(),
            [
                {
                    "member_id": r["id"],
                    "member_no": r["member_no"],
                    "store_id": r["home_store"],
                    "other_member_id": holders[r["member_no"]][0],
                    "other_store_id": holders[r["member_no"]][1],
                    "received_at": now,
                }
                for r in clashes
            ],
        )
    return [r["id"] for r in clashes]


def open_clashes(conn: Connection) -> list[dict[str, Any]]:
    """Members whose number another member held first, not cleared yet, oldest first."""
    rows = conn.execute(
        select(number_clashes)
        .where(number_clashes.c.cleared_at.is_(None))
        .order_by(number_clashes.c.received_at, number_clashes.c.member_id)
    )
    return [
        {
            "member_id": str(r.member_id),
            "member_no": r.member_no,
            "store_id": str(r.store_id),
            "other_member_id": str(r.other_member_id),
            "other_store_id": str(r.other_store_id),
            "flagged_at": r.received_at.isoformat(),
        }
        for r in rows
    ]


def clear_clash(conn: Connection, member_id: uuid.UUID, now: datetime) -> bool:
    """Mark a member's number clash looked at; False when there was none open."""
    done = conn.execute(
        update(number_clashes)
        .where(number_clashes.c.member_id == member_id, number_clashes.c.cleared_at.is_(None))
        .values(cleared_at=now)
    )
    return bool(done.rowcount)
