"""Checks only the database can do quickly: file integrity and ledger totals for every member at once."""

from __future__ import annotations

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError

from loyalty_desktop.db.tables import allocations, lots, members, movements, outbox, refunds, sales

_LIMIT = 20


def _reason(exc: DBAPIError) -> str:
    """The driver's own reason (for a damaged file: "database disk image is malformed"), no SQL."""
    return str(getattr(exc, "orig", "") or "unknown").splitlines()[0][:200]


class SqlIntegrity:
    """Set-wise checks of the ledger against cached balances, lots and sales."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def storage_problems(self) -> list[str]:
        if self.engine.dialect.name != "sqlite":
            return []
        try:
            with self.engine.connect() as conn:
                rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
                fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        except DBAPIError as exc:
            return [f"the database file is damaged: SQLite says {_reason(exc)}"]
        problems = [] if rows == ["ok"] else [f"SQLite integrity: {r}" for r in rows[:_LIMIT]]
        problems += [f"broken reference in {r[0]} row {r[1]}" for r in fk[:_LIMIT]]
        return problems

    def ledger_problems(self) -> list[str]:
        try:
            return self._ledger_problems()
        except DBAPIError as exc:
            return [f"the ledger could not be read: SQLite says {_reason(exc)}"]

    def _ledger_problems(self) -> list[str]:
        problems: list[str] = []
        with self.engine.connect() as conn:
            moved = (
                select(movements.c.member_id, func.sum(movements.c.points).label("total"))
                .group_by(movements.c.member_id)
                .subquery()
            )
            for no, cached, total in conn.execute(
                select(members.c.member_no, members.c.balance, func.coalesce(moved.c.total, 0))
                .outerjoin(moved, moved.c.member_id == members.c.id)
                .where(members.c.balance != func.coalesce(moved.c.total, 0))
                .limit(_LIMIT)
            ):
                problems.append(
                    f"member {no}: cached balance {cached} but movements add up to {total}"
                )
            taken = (
                select(allocations.c.lot_id, func.sum(allocations.c.points).label("taken"))
                .group_by(allocations.c.lot_id)
                .subquery()
            )
            for lot_id, points, remaining, used in conn.execute(
                select(lots.c.id, lots.c.points, lots.c.remaining, func.coalesce(taken.c.taken, 0))
                .outerjoin(taken, taken.c.lot_id == lots.c.id)
                .where(
                    (lots.c.remaining != lots.c.points - func.coalesce(taken.c.taken, 0))
                    | (lots.c.remaining < 0)
                    | (lots.c.remaining > lots.c.points)
                )
                .limit(_LIMIT)
            ):
                problems.append(
                    f"lot {lot_id}: {points} points, {used} taken, but {remaining} remaining"
                )
            open_points = (
                select(lots.c.member_id, func.sum(lots.c.remaining).label("open"))
                .group_by(lots.c.member_id)
                .subquery()
            )
            for no, balance, held in conn.execute(
                select(members.c.member_no, members.c.balance, func.coalesce(open_points.c.open, 0))
                .outerjoin(open_points, open_points.c.member_id == members.c.id)
                .where(func.coalesce(open_points.c.open, 0) < members.c.balance)
                .limit(_LIMIT)
            ):
                problems.append(
                    f"member {no}: balance {balance} is more than the {held} points in lots"
                )
            earned = (
                select(movements.c.sale_ref, func.sum(movements.c.points).label("earned"))
                .where(movements.c.kind == "earn")
                .group_by(movements.c.sale_ref)
                .subquery()
            )
            for sale_no, stored, posted in conn.execute(
                select(sales.c.sale_id, sales.c.earned, func.coalesce(earned.c.earned, 0))
                .outerjoin(earned, earned.c.sale_ref == sales.c.id)
                .where(
                    sales.c.member_id.is_not(None),
                    sales.c.earned != func.coalesce(earned.c.earned, 0),
                )
                .limit(_LIMIT)
            ):
                problems.append(
                    f"sale {sale_no}: earned {stored} but earn movements add up to {posted}"
                )
            for sale_no, reversed_, earned_ in conn.execute(
                select(sales.c.sale_id, sales.c.reversed, sales.c.earned)
                .where(sales.c.net > 0, sales.c.reversed > sales.c.earned)
                .limit(_LIMIT)
            ):
                problems.append(
                    f"sale {sale_no}: refunds reversed {reversed_} points of {earned_} earned"
                )
            backs = (
                select(refunds.c.sale_ref, func.sum(refunds.c.amount).label("amount"))
                .group_by(refunds.c.sale_ref)
                .subquery()
            )
            for sale_no, stored, summed in conn.execute(
                select(sales.c.sale_id, sales.c.refunded_net, func.coalesce(backs.c.amount, 0))
                .outerjoin(backs, backs.c.sale_ref == sales.c.id)
                .where(sales.c.refunded_net != func.coalesce(backs.c.amount, 0))
                .limit(_LIMIT)
            ):
                problems.append(f"sale {sale_no}: refunded {stored} but refunds add up to {summed}")
            for device, count, top in conn.execute(
                select(outbox.c.device_id, func.count(), func.max(outbox.c.seq)).group_by(
                    outbox.c.device_id
                )
            ):
                if count != top:
                    problems.append(
                        f"outbox of device {device}: {count} events but numbered up to {top}"
                    )
        return problems
