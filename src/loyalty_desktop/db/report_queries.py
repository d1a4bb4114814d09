"""SQL aggregates behind the reports (the ``ReportSource`` the analytics package reads)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Engine, and_, func, select

from loyalty_desktop.analytics.ports import MEMBER_COLUMNS, PURCHASE_COLUMNS, OpenLot, SalesTotals
from loyalty_desktop.db.errors import storage_errors
from loyalty_desktop.db.tables import allocations, lots, members, movements, refunds, sales
from loyalty_desktop.services.ports import Clock

_NOW = timedelta(minutes=1)
_BATCH = 500  # ids per IN (...): under SQLite's variable limit


class SqlReportSource:
    """Report aggregates computed in the database, never by loading rows one by one."""

    def __init__(self, engine: Engine, clock: Clock | None = None) -> None:
        self.engine = engine
        self.clock = clock  # reports for a moment before now replay the ledger to that moment

    def sales_totals(self, start: datetime, end: datetime) -> SalesTotals:
        period = and_(sales.c.at > start, sales.c.at <= end)
        with storage_errors(), self.engine.connect() as conn:
            count, member_count, revenue, member_revenue = conn.execute(
                select(
                    func.count().filter(sales.c.net > 0),
                    func.count().filter(sales.c.net > 0, sales.c.member_id.is_not(None)),
                    func.coalesce(func.sum(sales.c.net), 0),
                    func.coalesce(func.sum(sales.c.net).filter(sales.c.member_id.is_not(None)), 0),
                ).where(period)
            ).one()
            refunded, member_refunded = conn.execute(
                select(
                    func.coalesce(func.sum(refunds.c.amount), 0),
                    func.coalesce(
                        func.sum(refunds.c.amount).filter(sales.c.member_id.is_not(None)), 0
                    ),
                )
                .join(sales, sales.c.id == refunds.c.sale_ref)
                .where(refunds.c.at > start, refunds.c.at <= end)
            ).one()
        back = int(refunded or 0)
        return SalesTotals(
            int(count),
            int(member_count),
            int(revenue) - back,
            int(member_revenue or 0) - int(member_refunded or 0),
            back,
        )

    def purchases_per_member(self, start: datetime, end: datetime) -> list[int]:
        with storage_errors(), self.engine.connect() as conn:
            rows = conn.execute(
                select(func.count())
                .where(
                    sales.c.at > start,
                    sales.c.at <= end,
                    sales.c.member_id.is_not(None),
                    sales.c.net > 0,
                )
                .group_by(sales.c.member_id)
            )
            return [int(r[0]) for r in rows]

    def member_counts(self, start: datetime, end: datetime) -> tuple[int, int]:
        with storage_errors(), self.engine.connect() as conn:
            total, new = conn.execute(
                select(
                    func.count().filter(members.c.created_at <= end),
                    func.count().filter(members.c.created_at > start, members.c.created_at <= end),
                ).where(members.c.status == "active")
            ).one()
        return int(total), int(new)

    def points_by_kind(self, start: datetime, end: datetime) -> dict[str, int]:
        with storage_errors(), self.engine.connect() as conn:
            rows = conn.execute(
                select(movements.c.kind, func.sum(movements.c.points))
                .where(movements.c.at > start, movements.c.at <= end)
                .group_by(movements.c.kind)
            )
            return {kind: int(total or 0) for kind, total in rows}

    def open_lots(self, at: datetime) -> list[OpenLot]:
        with storage_errors(), self.engine.connect() as conn:
            now = self.clock.now() if self.clock is not None else None
            if now is None or at >= now - _NOW:
                rows = conn.execute(
                    select(lots.c.expires_at, func.sum(lots.c.remaining))
                    .where(lots.c.remaining > 0, lots.c.at <= at)
                    .group_by(lots.c.expires_at)
                )
                return [OpenLot(int(total), expires) for expires, total in rows]
            # A past moment: each lot as it stood then (points minus what was taken by then).
            opened_by = movements.alias("opened_by")
            taken = (
                select(allocations.c.lot_id, func.sum(allocations.c.points).label("taken"))
                .join(movements, movements.c.id == allocations.c.movement_id)
                .where(movements.c.at <= at)
                .group_by(allocations.c.lot_id)
                .subquery()
            )
            left = lots.c.points - func.coalesce(taken.c.taken, 0)
            rows = conn.execute(
                select(lots.c.expires_at, func.sum(left))
                .join(opened_by, opened_by.c.id == lots.c.movement_id)
                .outerjoin(taken, taken.c.lot_id == lots.c.id)
                .where(opened_by.c.at <= at, left > 0)
                .group_by(lots.c.expires_at)
            )
            return [OpenLot(int(total), expires) for expires, total in rows]

    def negative_balances(self) -> tuple[int, int]:
        with storage_errors(), self.engine.connect() as conn:
            count, total = conn.execute(
                select(func.count(), func.coalesce(func.sum(members.c.balance), 0)).where(
                    members.c.balance < 0
                )
            ).one()
        return int(count), int(total)

    def purchase_log(self, end: datetime) -> pd.DataFrame:
        refunded = (
            select(refunds.c.sale_ref, func.sum(refunds.c.amount).label("back"))
            .where(refunds.c.at <= end)
            .group_by(refunds.c.sale_ref)
            .subquery()
        )
        query = (
            select(
                sales.c.member_id,
                sales.c.at,
                sales.c.local_date,
                (sales.c.net - func.coalesce(refunded.c.back, 0)).label("amount"),
                sales.c.campaigns,
                sales.c.device_id,
            )
            .outerjoin(refunded, refunded.c.sale_ref == sales.c.id)
            .where(sales.c.at <= end, sales.c.member_id.is_not(None))
            .order_by(sales.c.at, sales.c.sale_id)
        )
        with storage_errors(), self.engine.connect() as conn:
            rows = conn.execute(query).all()
            numbers = self._member_numbers(conn, {r[0] for r in rows})
        frame = pd.DataFrame(
            {
                "member_no": pd.Series([numbers[r[0]] for r in rows], dtype=object),
                "at": pd.to_datetime([r[1] for r in rows], utc=True),
                "local_date": pd.to_datetime([r[2] for r in rows]),
                "amount": np.fromiter((int(r[3]) for r in rows), dtype=np.int64, count=len(rows)),
                "campaign": np.fromiter(
                    (r[4] not in ("[]", "") for r in rows), dtype=bool, count=len(rows)
                ),
                "store": pd.Series([str(r[5]) for r in rows], dtype=object),
            },
            columns=list(PURCHASE_COLUMNS),
        )
        return frame.reset_index(drop=True)

    def _member_numbers(self, conn: Connection, ids: set[Any]) -> dict[Any, str]:
        """Each member id's number, following merges to the member who kept the history."""
        found: dict[Any, tuple[str, Any]] = {}
        wanted = set(ids)
        while wanted:
            batch = list(wanted)[:_BATCH]
            wanted.difference_update(batch)
            for member_id, number, merged_into in conn.execute(
                select(members.c.id, members.c.member_no, members.c.merged_into).where(
                    members.c.id.in_(batch)
                )
            ):
                found[member_id] = (number, merged_into)
                if merged_into is not None and merged_into not in found:
                    wanted.add(merged_into)
        numbers: dict[Any, str] = {}
        for member_id in ids:
            current, seen = member_id, set()
            while found[current][1] is not None and current not in seen:
                seen.add(current)
                current = found[current][1]
            numbers[member_id] = found[current][0]
        return numbers

    def member_snapshot(self, at: datetime) -> pd.DataFrame:
        now = self.clock.now() if self.clock is not None else None
        live = now is None or at >= now - _NOW
        query = select(
            members.c.id,
            members.c.member_no,
            members.c.created_at,
            members.c.balance,
            members.c.tier,
            members.c.consent,
        ).where(members.c.status == "active", members.c.created_at <= at)
        with storage_errors(), self.engine.connect() as conn:
            rows = conn.execute(query).all()
            balances: dict[Any, int] = {}
            tiers: dict[Any, str | None] = {}
            if not live:
                balances = {
                    member_id: int(total or 0)
                    for member_id, total in conn.execute(
                        select(movements.c.member_id, func.sum(movements.c.points))
                        .where(movements.c.at <= at)
                        .group_by(movements.c.member_id)
                    )
                }
                last = (
                    select(
                        sales.c.member_id,
                        sales.c.tier_after,
                        func.row_number()
                        .over(
                            partition_by=sales.c.member_id,
                            order_by=(sales.c.at.desc(), sales.c.sale_id.desc()),
                        )
                        .label("n"),
                    )
                    .where(sales.c.at <= at, sales.c.member_id.is_not(None))
                    .subquery()
                )
                tiers = dict(
                    conn.execute(select(last.c.member_id, last.c.tier_after).where(last.c.n == 1))
                )
        return pd.DataFrame(
            {
                "member_no": pd.Series([r[1] for r in rows], dtype=object),
                "joined_at": pd.to_datetime([r[2] for r in rows], utc=True),
                "balance": np.fromiter(
                    (int(r[3]) if live else balances.get(r[0], 0) for r in rows),
                    dtype=np.int64,
                    count=len(rows),
                ),
                "tier": pd.Series([r[4] if live else tiers.get(r[0]) for r in rows], dtype=object),
                "consent": np.fromiter((bool(r[5]) for r in rows), dtype=bool, count=len(rows)),
            },
            columns=list(MEMBER_COLUMNS),
        )
