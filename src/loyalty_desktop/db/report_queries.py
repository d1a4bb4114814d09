"""SQL aggregates behind the reports (the ``ReportSource`` the analytics package reads)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, and_, func, select

from loyalty_desktop.analytics.ports import OpenLot, SalesTotals
from loyalty_desktop.db.tables import lots, members, movements, refunds, sales


class SqlReportSource:
    """Report aggregates computed in the database, never by loading rows one by one."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def sales_totals(self, start: datetime, end: datetime) -> SalesTotals:
        period = and_(sales.c.at > start, sales.c.at <= end)
        with self.engine.connect() as conn:
            count, member_count, revenue, member_revenue = conn.execute(
                select(
                    func.count().filter(sales.c.net > 0),
                    func.count().filter(sales.c.net > 0, sales.c.member_id.is_not(None)),
                    func.coalesce(func.sum(sales.c.net), 0),
                    func.coalesce(func.sum(sales.c.net).filter(sales.c.member_id.is_not(None)), 0),
                ).where(period)
            ).one()
            refunded = conn.execute(
                select(func.coalesce(func.sum(refunds.c.amount), 0)).where(
                    refunds.c.at > start, refunds.c.at <= end
                )
            ).scalar()
        back = int(refunded or 0)
        return SalesTotals(
            int(count),
            int(member_count),
            int(revenue) - back,
            int(member_revenue or 0) - back,
            back,
        )

    def purchases_per_member(self, start: datetime, end: datetime) -> list[int]:
        with self.engine.connect() as conn:
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
        with self.engine.connect() as conn:
            total, new = conn.execute(
                select(
                    func.count().filter(members.c.created_at <= end),
                    func.count().filter(members.c.created_at > start, members.c.created_at <= end),
                ).where(members.c.status == "active")
            ).one()
        return int(total), int(new)

    def points_by_kind(self, start: datetime, end: datetime) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(movements.c.kind, func.sum(movements.c.points))
                .where(movements.c.at > start, movements.c.at <= end)
                .group_by(movements.c.kind)
            )
            return {kind: int(total or 0) for kind, total in rows}

    def open_lots(self, at: datetime) -> list[OpenLot]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(lots.c.expires_at, func.sum(lots.c.remaining))
                .where(lots.c.remaining > 0, lots.c.at <= at)
                .group_by(lots.c.expires_at)
            )
            return [OpenLot(int(total), expires) for expires, total in rows]

    def negative_balances(self) -> tuple[int, int]:
        with self.engine.connect() as conn:
            count, total = conn.execute(
                select(func.count(), func.coalesce(func.sum(members.c.balance), 0)).where(
                    members.c.balance < 0
                )
            ).one()
        return int(count), int(total)
