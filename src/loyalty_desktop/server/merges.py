"""Merges on the server: which member a duplicate became, so its late sales can still be refunded.

A store merges a duplicate into the member kept and from then on refunds the duplicate's
sales as the kept member's. Another till may still send a sale of the duplicate made
before it heard of the merge, and batches arrive in any order, so the server keeps every
merge it is told of (``merges``) and records each sale for the member its buyer became:
the kept member, at the end of the chain (A into B, B into C: C). The sale's points
movements stay with the member they name (they are facts, and the merge's own movements
moved what the merging store knew of).

A merge of a member into itself, or one that would close a loop (B into A when A was
merged into B, directly or along a chain), is refused, as is merging a duplicate that
another merge has already closed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from loyalty_desktop.server.bulk import any_of
from loyalty_desktop.server.facts import Rejected
from loyalty_desktop.server.tables import merges, sales

# A chain longer than this is a bug (the loop check keeps chains finite): refuse, never spin.
MAX_CHAIN = 64


def resolve(conn: Connection, member_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    """The member each of these became, for those that were merged (one query per chain step)."""
    start = set(member_ids)
    step: dict[uuid.UUID, uuid.UUID] = {}
    asking = set(start)
    for _ in range(MAX_CHAIN):
        if not asking:
            break
        found = conn.execute(
            select(merges.c.member_id, merges.c.kept_id).where(any_of(merges.c.member_id, "ids")),
            {"ids": sorted(asking)},
        ).all()
        step.update({r.member_id: r.kept_id for r in found})
        asking = {r.kept_id for r in found} - set(step)
    else:
        raise Rejected("merge: a chain of merges longer than the server follows")
    final = {}
    for member in start:
        end = member
        while end in step:
            end = step[end]
        if end != member:
            final[member] = end
    return final


def record_merges(conn: Connection, asked: Sequence[dict[str, Any]], now: datetime) -> list[Any]:
    """Record merges in order and move the duplicates' sales to the end of their chain.

    ``asked``: rows with ``member_id`` (the duplicate), ``kept_id``, ``store_id`` and
    ``merged_at``. Returns the sales moved (``member_id``, ``id``, ``store_id``, as now).
    Rejected for a merge into itself, a loop, or a duplicate merged before into another member;
    the same merge from a second store (into the same member, or into the member the first
    one's chain ends at) is accepted: its points movements apply, nothing else changes.
    """
    moved: list[Any] = []
    for merge in asked:
        other, keep = merge["member_id"], merge["kept_id"]
        if other == keep:
            raise Rejected("merge: a member cannot be merged into themselves")
        before = conn.execute(
            select(merges.c.kept_id).where(merges.c.member_id == other)
        ).scalar_one_or_none()
        final = resolve(conn, [keep]).get(keep, keep)
        if before is not None:
            ends = resolve(conn, [before]).get(before, before)
            if before == keep or ends == keep == final:  # the same pair, or where it ended
                # Another store merged the same pair offline: its books moved the points it
                # knew of, so its movements stand (the merge and the sales are recorded already).
                continue
            raise Rejected(f"merge: member {other} was already merged into {before}")
        if final == other:
            raise Rejected(f"merge: {keep} was merged into {other}; merging back makes a loop")
        conn.execute(merges.insert().values(**merge, received_at=now))
        moved += conn.execute(
            update(sales)
            .where(sales.c.member_id == other)
            .values(member_id=final)
            .returning(sales.c.member_id, sales.c.id, sales.c.store_id)
        ).all()
    return moved
