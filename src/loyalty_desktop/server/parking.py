"""Refunds that arrive before their sale wait ("park") until the sale comes, then apply by themselves.

Stores send facts in their own order, and a batch may be cut, retried or reordered, so a
refund can reach the server before the sale it refunds. Applying it at once would move a
balance for a sale the server has never seen (and a refund of a sale that never arrives
would stay applied); refusing it would block the store. So its ledger rows are kept in
``parked``, keyed by member and sale, and written in the same transaction that records
the sale. The final balance is the same in any order of arrival.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert

from loyalty_desktop.server.bulk import any_of, arrays, columns_of, insert_from_arrays
from loyalty_desktop.server.facts import Rejected
from loyalty_desktop.server.merges import record_merges, resolve
from loyalty_desktop.server.tables import parked, sales

Row = dict[str, Any]


def _frozen(rows: Sequence[Row]) -> str:
    return json.dumps(
        [
            {
                k: (
                    v.isoformat()
                    if isinstance(v, datetime)
                    else str(v)
                    if isinstance(v, uuid.UUID)
                    else v
                )
                for k, v in r.items()
            }
            for r in rows
        ]
    )


def _thawed(text: str) -> list[Row]:
    rows = []
    for r in json.loads(text):
        rows.append(
            {
                **r,
                "member_id": uuid.UUID(r["member_id"]),
                "id": uuid.UUID(r["id"]),
                "store_id": uuid.UUID(r["store_id"]),
                "at": datetime.fromisoformat(r["at"]),
            }
        )
    return rows


def settle(
    conn: Connection,
    new_sales: Sequence[Row],
    refunds: Sequence[Row],
    now: datetime,
    merges: Sequence[Row] = (),
) -> list[Row]:
    """Record merges and sales; park refunds of unknown sales; the ledger rows to write now.

    ``refunds``: one row per refund with ``member_id``, ``sale_id``, ``event_key``,
    ``store_id`` and its ``ledger`` rows. ``merges``: rows for ``merges.record_merges``;
    as at the store, a duplicate's sales become the kept member's, and a sale of a merged
    member is recorded for the member it became, so a refund the store makes afterwards
    (naming the kept member) finds its sale. Rows to write now are those of refunds whose
    sale is known (stored before, or in this batch) and those parked for the sales that
    arrived, or changed member, in this batch.
    """
    moved = record_merges(conn, merges, now) if merges else []
    became = resolve(conn, {s["member_id"] for s in new_sales} | {r["member_id"] for r in refunds})
    new_sales = [{**s, "member_id": became.get(s["member_id"], s["member_id"])} for s in new_sales]
    if new_sales:
        named = columns_of(sales, new_sales)
        conn.execute(
            insert_from_arrays(sales, named).on_conflict_do_nothing(), arrays(new_sales, named)
        )
    # (member, sale) -> the store that recorded the sale: a store refunds only its own sales
    batch = {(s["member_id"], s["id"]): s["store_id"] for s in new_sales}
    batch.update({(r.member_id, r.id): r.store_id for r in moved})

    def owner(refund: Row) -> tuple[uuid.UUID, uuid.UUID]:
        member: uuid.UUID = refund["member_id"]
        return became.get(member, member), refund["sale_id"]

    asked = {owner(r) for r in refunds} - set(batch)
    known = dict(batch)
    if asked:
        found = conn.execute(
            select(sales.c.member_id, sales.c.id, sales.c.store_id).where(
                tuple_(sales.c.member_id, sales.c.id).in_(sorted(asked))
            )
        ).all()
        known.update({(r.member_id, r.id): r.store_id for r in found})
    now_rows: list[Row] = []
    waiting = []
    for refund in refunds:
        seller = known.get(owner(refund))
        if seller is not None and seller != refund["store_id"]:
            raise Rejected("refund: the sale was recorded by another store")
        if seller is not None:
            now_rows += refund["ledger"]
        elif refund["ledger"]:
            waiting.append(
                {
                    "member_id": refund["member_id"],
                    "sale_id": refund["sale_id"],
                    "event_key": refund["event_key"],
                    "store_id": refund["store_id"],
                    "rows": _frozen(refund["ledger"]),
                    "received_at": now,
                }
            )
    if waiting:
        conn.execute(pg_insert(parked).on_conflict_do_nothing(), waiting)
    if batch:
        now_rows += _release(conn, batch)
    return now_rows


def _release(conn: Connection, batch: dict[tuple[uuid.UUID, uuid.UUID], uuid.UUID]) -> list[Row]:
    """Take out the refunds parked for these sales by the store that made them, as ledger rows.

    A parked refund names the member its till knew; it matches the sale if that member
    became the sale's member by merges. Another store's refund of the sale stays parked.
    """
    waiting = conn.execute(
        select(parked.c.member_id, parked.c.sale_id, parked.c.event_key, parked.c.store_id).where(
            any_of(parked.c.sale_id, "ids")
        ),
        {"ids": sorted({sale_id for _, sale_id in batch})},
    ).all()
    if not waiting:
        return []
    became = resolve(conn, {r.member_id for r in waiting})
    keys = sorted(
        (r.member_id, r.sale_id, r.event_key)
        for r in waiting
        if batch.get((became.get(r.member_id, r.member_id), r.sale_id)) == r.store_id
    )
    if not keys:
        return []
    released = conn.execute(
        delete(parked)
        .where(tuple_(parked.c.member_id, parked.c.sale_id, parked.c.event_key).in_(keys))
        .returning(parked.c.rows)
    ).all()
    return [row for r in released for row in _thawed(r.rows)]
