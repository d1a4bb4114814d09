"""The report frames in SQL: the member purchase log and the member snapshot as of a moment.

Both load hundreds of thousands of rows, so they read the driver's plain
tuples, moments and days as the driver gives them (text on SQLite) parsed by
pandas in one go rather than one ``datetime`` per row through the column
type, and member numbers from one pass over the members rather than a join
(400,000 sales of the benchmark database: 9 s before, about 2 s now on a busy machine).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Select, String, and_, func, select, type_coerce, union

from loyalty_desktop.analytics.ports import (
    LINE_COLUMNS,
    MEMBER_COLUMNS,
    PURCHASE_COLUMNS,
    CampaignSales,
)
from loyalty_desktop.db.tables import members, movements, refunds, sale_lines, sales


def _moments(values: pd.Series) -> pd.Series:
    """UTC moments from the driver's values: naive UTC text (SQLite) or aware datetimes."""
    text = len(values) > 0 and isinstance(values.iloc[0], str)
    return pd.to_datetime(values, utc=True, format="ISO8601" if text else None)


def _days(values: pd.Series) -> pd.Series:
    """Calendar days (midnight, no zone) from ``YYYY-MM-DD`` text or ``date`` objects."""
    text = len(values) > 0 and isinstance(values.iloc[0], str)
    return pd.to_datetime(values, format="%Y-%m-%d" if text else None)


def unindexed(column: Any) -> Any:
    """The column in a form no index serves, so the query reads the table straight through.

    A report reads most of the history; through the index on ``at`` SQLite
    fetches each row from wherever it lies (4.4 s against 0.9 s for 400,000
    sales of the benchmark database, whose rows lie in member order).
    """
    return func.coalesce(column, column)


def _fetch(conn: Connection, query: Any) -> list[Any]:
    """Every row as the driver's plain tuples (no result processing: the columns need none)."""
    result = conn.execute(query)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _frame(rows: list[Any], names: list[str]) -> pd.DataFrame:
    """The driver's rows as a frame of plain Python values (one object column per name)."""
    return (
        pd.DataFrame.from_records(rows, columns=names, coerce_float=False)
        if rows
        else (pd.DataFrame({name: pd.Series([], dtype=object) for name in names}))
    )


def roots(parent: dict[Any, Any], ids: Iterable[Any]) -> dict[Any, Any]:
    """Each id mapped to the member who kept its history, following ``parent`` (merged into).

    Follows chains (A merged into B, B later into C) and stops at a cycle.
    """
    found: dict[Any, Any] = {}
    for member_id in ids:
        current, seen = member_id, {member_id}
        while current in parent and parent[current] not in seen:
            current = parent[current]
            seen.add(current)
        found[member_id] = current
    return found


def _some_members(query: Select[Any], only: Collection[str] | None) -> Any:
    """``query`` over members narrowed to those ``only`` names and every merged duplicate.

    Two indexed reads joined, not one condition with OR: SQLite reads the whole
    members table for the OR (0.05 s a time), while a merged duplicate is closed,
    so the partial index of members not active finds them.
    """
    if only is None:
        return query
    return union(
        query.where(members.c.member_no.in_(list(only))),
        query.where(members.c.status != "active", members.c.merged_into.is_not(None)),
    )


def history_owners(conn: Connection, only: Collection[str] | None = None) -> dict[Any, str]:
    """Each member id mapped to the number of the member who kept its history (itself if never merged).

    With ``only``, just the ids of those members and of merged duplicates.
    """
    rows = _fetch(
        conn,
        _some_members(select(members.c.id, members.c.member_no, members.c.merged_into), only),
    )
    number = {member_id: no for member_id, no, _ in rows}
    parent = {member_id: into for member_id, _, into in rows if into is not None}
    kept = roots(parent, parent)
    return {member_id: number[kept.get(member_id, member_id)] for member_id in number}


def purchase_frame(
    conn: Connection, end: datetime, only: Collection[str] | None = None
) -> pd.DataFrame:
    """``PURCHASE_COLUMNS`` for member sales at or before ``end``, refunds by ``end`` taken off.

    ``only``: the sales of those members alone (theirs and merged duplicates'),
    through the index on the member: a few members' rows, not the whole table.
    """
    where = [unindexed(sales.c.at) <= end, sales.c.member_id.is_not(None)]
    if only is not None:
        chosen = _some_members(select(members.c.id), only)
        where = [sales.c.member_id.in_(chosen), sales.c.at <= end]
    refunded = (
        select(refunds.c.sale_ref, func.sum(refunds.c.amount).label("back"))
        .where(refunds.c.at <= end)
        .group_by(refunds.c.sale_ref)
        .subquery()
    )
    query = (
        select(
            sales.c.member_id,
            type_coerce(sales.c.at, String),
            type_coerce(sales.c.local_date, String),
            sales.c.net - func.coalesce(refunded.c.back, 0),
            sales.c.campaigns != "[]",
            sales.c.device_id,
        )
        .select_from(sales)
        .outerjoin(refunded, refunded.c.sale_ref == sales.c.id)
        .where(*where)
    )
    raw = _frame(_fetch(conn, query), ["member_id", "at", "day", "amount", "campaign", "store"])
    frame = pd.DataFrame(
        {
            "member_no": raw["member_id"].map(history_owners(conn, only)).astype(object),
            "at": _moments(raw["at"]),
            "local_date": _days(raw["day"]),
            "amount": raw["amount"].astype(np.int64),
            "campaign": raw["campaign"].astype(bool),
            "store": raw["store"].astype(object),
        },
        columns=list(PURCHASE_COLUMNS),
    )
    if only is not None:  # a merged duplicate whose survivor was not asked for
        frame = frame[frame["member_no"].isin(list(only))]
    # Sorted here, not by the database: an ORDER BY on ``at`` walks its index again.
    return frame.sort_values("at", kind="stable", ignore_index=True)


def line_frame(conn: Connection, end: datetime, start: datetime | None = None) -> pd.DataFrame:
    """``LINE_COLUMNS`` for the lines of member sales in (start, end] (no ``start``: up to ``end``).

    All the history reads the table straight through; a recent window (the quick
    model's 90 days) goes through the index on ``at``.

    Quantities are decimal text; the refunded quantity is as stored now (a refund
    after ``end`` is taken off too: the recommender reads the history up to now).
    """
    query = (
        select(
            sales.c.member_id,
            type_coerce(sales.c.local_date, String),
            sale_lines.c.sku,
            sale_lines.c.qty,
            sale_lines.c.refunded_qty,
            sale_lines.c.category,
        )
        .select_from(sale_lines)
        .join(sales, sales.c.id == sale_lines.c.sale_ref)
        .where(
            sales.c.member_id.is_not(None),
            sale_lines.c.sku != "",  # a sale rung up by its total: no item to suggest
        )
    )
    if start is None:
        query = query.where(unindexed(sales.c.at) <= end)
    else:
        query = query.where(sales.c.at > start, sales.c.at <= end)
    raw = _frame(_fetch(conn, query), ["member_id", "day", "sku", "qty", "back", "category"])
    qty = pd.to_numeric(raw["qty"], errors="coerce").fillna(0.0)
    back = pd.to_numeric(raw["back"], errors="coerce").fillna(0.0)
    return pd.DataFrame(
        {
            "member_no": raw["member_id"].map(history_owners(conn)).astype(object),
            "local_date": _days(raw["day"]),
            "sku": raw["sku"].astype(object),
            "qty": (qty - back).astype(float),
            "category": raw["category"].astype(object).where(raw["category"].notna(), None),
        },
        columns=list(LINE_COLUMNS),
    )


def member_frame(
    conn: Connection, at: datetime, *, live: bool, only: Collection[str] | None = None
) -> pd.DataFrame:
    """``MEMBER_COLUMNS`` for the members active now who had joined by ``at``, as of ``at``.

    A member who kept a merged duplicate's history is one person with it: they
    joined when the first of them did, and before the merge they held both
    balances. ``live`` (``at`` is now) reads the cached balance and tier; a past
    moment sums the ledger up to it and takes the tier after the last sale by then.
    ``only``: those members alone (live only).
    """
    if only is not None and not live:
        raise ValueError("a few members' snapshot is read live only")
    query = _some_members(
        select(
            members.c.id,
            members.c.member_no,
            type_coerce(members.c.created_at, String).label("created_at"),
            members.c.balance,
            members.c.tier,
            members.c.consent,
            members.c.status,
            members.c.merged_into,
        ),
        only,
    )
    raw = _frame(
        _fetch(conn, query),
        ["id", "member_no", "joined", "balance", "tier", "consent", "status", "merged_into"],
    )
    people = pd.DataFrame(
        {
            "id": raw["id"].astype(object),
            "member_no": raw["member_no"].astype(object),
            "joined_at": _moments(raw["joined"]),
            "balance": raw["balance"].astype(np.int64),
            "tier": raw["tier"].astype(object).where(raw["tier"].notna(), None),
            "consent": raw["consent"].astype(bool),
        }
    )
    merged = raw[raw["merged_into"].notna()]
    kept = roots(dict(zip(merged["id"], merged["merged_into"], strict=True)), merged["id"])
    if not live:
        ledger = dict(
            _fetch(
                conn,
                select(movements.c.member_id, func.sum(movements.c.points))
                .where(unindexed(movements.c.at) <= at)
                .group_by(movements.c.member_id),
            )
        )
        people["balance"] = people["id"].map(ledger).fillna(0).astype(np.int64)
    snapshot = people[(raw["status"] == "active").to_numpy()].set_index("id")
    if kept:  # fold the few merged duplicates into the members who kept their history
        dups = people[people["id"].isin(kept.keys())]
        folded = (
            dups.assign(root=dups["id"].map(kept))
            .groupby("root")
            .agg(joined_at=("joined_at", "min"), balance=("balance", "sum"))
        )
        folded = folded[folded.index.isin(snapshot.index)]
        here = folded.index
        snapshot.loc[here, "balance"] += folded["balance"]
        snapshot.loc[here, "joined_at"] = np.minimum(
            snapshot.loc[here, "joined_at"], folded["joined_at"]
        )
    if not live:
        root = pd.Series(people["id"].to_numpy(), index=people["id"].to_numpy())
        root.update(pd.Series(kept, dtype=object))
        then = _tiers_then(conn, at, root).reindex(snapshot.index)
        snapshot["tier"] = then.astype(object).where(then.notna(), None)
    snapshot = snapshot[snapshot["joined_at"] <= pd.Timestamp(at)]
    if only is not None:
        snapshot = snapshot[snapshot["member_no"].isin(list(only))]
    ordered = snapshot.sort_values("joined_at", kind="stable")  # ties: as stored
    return ordered[list(MEMBER_COLUMNS)].reset_index(drop=True)


def _tiers_then(conn: Connection, at: datetime, root: pd.Series) -> pd.Series:
    """Each member's tier after their (or a merged duplicate's) last sale by ``at``; None: no sale."""
    # Each member's last sale moment, then the sales at that moment (a tie keeps the greatest
    # sale id below): half the time of numbering every sale with a window function.
    last = (
        select(sales.c.member_id, func.max(sales.c.at).label("at"))
        .where(sales.c.at <= at, sales.c.member_id.is_not(None))
        .group_by(sales.c.member_id)
        .subquery()
    )
    raw = _frame(
        _fetch(
            conn,
            select(
                sales.c.member_id,
                type_coerce(sales.c.at, String),
                sales.c.sale_id,
                sales.c.tier_after,
            ).join(last, and_(last.c.member_id == sales.c.member_id, last.c.at == sales.c.at)),
        ),
        ["member_id", "at", "sale_id", "tier"],
    )
    found = pd.DataFrame(
        {
            "root": raw["member_id"].map(root),
            "at": _moments(raw["at"]),
            "sale_id": raw["sale_id"],
            "tier": raw["tier"].astype(object),
        }
    )
    newest = found.sort_values(["at", "sale_id"]).drop_duplicates("root", keep="last")
    return newest.set_index("root")["tier"]


def campaign_frame(
    conn: Connection, start: datetime, end: datetime, store: str | None
) -> list[CampaignSales]:
    """Each campaign's sales in (start, end], their net after refunds by ``end``, and buyers.

    A sale lists the campaigns that applied to it as JSON text; grouping by that
    text first leaves a few distinct lists per member to read, not every sale.
    """
    refunded = (
        select(refunds.c.sale_ref, func.sum(refunds.c.amount).label("back"))
        .where(refunds.c.at <= end)
        .group_by(refunds.c.sale_ref)
        .subquery()
    )
    where = [sales.c.at > start, sales.c.at <= end, sales.c.campaigns != "[]"]
    if store is not None:
        where.append(sales.c.device_id == store)
    rows = _fetch(
        conn,
        select(
            sales.c.member_id,
            sales.c.campaigns,
            func.count(),
            func.sum(sales.c.net - func.coalesce(refunded.c.back, 0)),
        )
        .select_from(sales)
        .outerjoin(refunded, refunded.c.sale_ref == sales.c.id)
        .where(*where)
        .group_by(sales.c.member_id, sales.c.campaigns),
    )
    counts: dict[str, list[int]] = {}
    buyers: dict[str, set[Any]] = {}
    for member_id, names, count, revenue in rows:
        for name in json.loads(names):
            totals = counts.setdefault(name, [0, 0])
            totals[0] += int(count)
            totals[1] += int(revenue or 0)
            buyers.setdefault(name, set()).add(member_id)
    return [
        CampaignSales(name, sales_, revenue, len(buyers[name] - {None}))
        for name, (sales_, revenue) in sorted(counts.items())
    ]
