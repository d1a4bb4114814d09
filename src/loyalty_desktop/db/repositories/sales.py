"""Sales with their lines, and refunds."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from loyalty_desktop.db.fastpath import Prepared, insert_into
from loyalty_desktop.db.tables import refunds, sale_lines, sales
from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.domain.refunds import LineState
from loyalty_desktop.domain.rewards import RewardUse
from loyalty_desktop.domain.sales import Refund, Sale
from loyalty_desktop.services.ports import SpendEntry, SpendWindow

_IN_LIST = 500  # ids per IN list
_INSERT_SALE = insert_into(sales)
_INSERT_LINES = insert_into(sale_lines)
_BY_SALE_NO = Prepared(select(sales).where(sales.c.sale_id == bindparam("sid")))
_LINES = Prepared(
    select(sale_lines)
    .where(sale_lines.c.sale_ref == bindparam("ref"))
    .order_by(sale_lines.c.line_no)
)
_SAVE_STATE = (
    update(sales)
    .where(sales.c.id == bindparam("b_id"))
    .values(
        refunded_net=bindparam("refunded_net"),
        reversed=bindparam("reversed"),
        restored=bindparam("restored"),
        paid_back=bindparam("paid_back"),
    )
)
# A refund row knows its sale; the sale number and member come from the sale.
_REFUNDS = select(
    refunds, sales.c.sale_id.label("b_sale_id"), sales.c.member_id.label("b_member_id")
).join(sales, sales.c.id == refunds.c.sale_ref)
_SAVE_LINE = (
    update(sale_lines)
    .where(sale_lines.c.sale_ref == bindparam("b_ref"), sale_lines.c.line_no == bindparam("b_no"))
    .values(refunded_qty=bindparam("refunded_qty"), refunded_net=bindparam("refunded_net"))
)


def sale_row(sale: Sale) -> dict[str, Any]:
    """The ``sales`` row of a sale."""
    return {
        "id": sale.id,
        "sale_id": sale.sale_no,
        "member_id": sale.member_id,
        "at": sale.at,
        "recorded_at": sale.recorded_at,
        "currency": sale.currency,
        "subtotal": sale.subtotal,
        "order_discount": sale.order_discount,
        "tier_discount": sale.tier_discount,
        "net": sale.net,
        "points_redeemed": sale.points_redeemed,
        "points_value": sale.points_value,
        "paid": sale.paid,
        "earned": sale.earned,
        "program_id": sale.program_id,
        "tier_before": sale.tier_before,
        "local_date": sale.local_date,
        "birthday_month": sale.birthday_month,
        "campaigns": json.dumps(list(sale.campaigns), ensure_ascii=False),
        "points_after": sale.points_after,
        "tier_after": sale.tier_after,
        "refunded_net": sale.refunded_net,
        "reversed": sale.reversed,
        "restored": sale.restored,
        "paid_back": sale.paid_back,
        "device_id": sale.device_id,
        "request_hash": sale.request_hash,
        "rewards": json.dumps(
            [{"name": r.name, "points": r.points, "value": r.value} for r in sale.rewards],
            ensure_ascii=False,
        ),
    }


def line_rows(sale: Sale) -> list[dict[str, Any]]:
    """The ``sale_lines`` rows of a sale."""
    return [
        {
            "sale_ref": sale.id,
            "line_no": i,
            "sku": s.line.sku,
            "qty": str(s.line.quantity),
            "unit_price": str(s.line.unit_price),
            "category": s.line.category,
            "amount": s.line.amount,
            "net": s.line.net,
            "refunded_qty": str(s.refunded_qty),
            "refunded_net": s.refunded_net,
        }
        for i, s in enumerate(sale.lines)
    ]


def _sale(m: Any, lines: list[LineState]) -> Sale:
    return Sale(
        id=m["id"],
        sale_no=m["sale_id"],
        member_id=m["member_id"],
        at=m["at"],
        recorded_at=m["recorded_at"],
        currency=m["currency"],
        lines=lines,
        subtotal=m["subtotal"],
        order_discount=m["order_discount"],
        tier_discount=m["tier_discount"],
        net=m["net"],
        points_redeemed=m["points_redeemed"],
        points_value=m["points_value"],
        paid=m["paid"],
        earned=m["earned"],
        program_id=m["program_id"],
        tier_before=m["tier_before"],
        local_date=m["local_date"],
        birthday_month=m["birthday_month"],
        campaigns=tuple(json.loads(m["campaigns"])),
        points_after=m["points_after"],
        tier_after=m["tier_after"],
        refunded_net=m["refunded_net"],
        reversed=m["reversed"],
        restored=m["restored"],
        paid_back=m["paid_back"],
        device_id=m["device_id"],
        request_hash=m["request_hash"],
        rewards=tuple(
            RewardUse(r["name"], r["points"], r["value"]) for r in json.loads(m["rewards"])
        ),
    )


def _line(m: Any) -> LineState:
    line = SaleLine(
        m["sku"], Decimal(m["qty"]), Decimal(m["unit_price"]), m["category"], m["amount"], m["net"]
    )
    return LineState(line, Decimal(m["refunded_qty"]), m["refunded_net"])


def _refund(m: Any) -> Refund:
    return Refund(
        id=m["id"],
        refund_no=m["refund_id"],
        sale_ref=m["sale_ref"],
        sale_no=m["b_sale_id"],
        member_id=m["b_member_id"],
        at=m["at"],
        recorded_at=m["recorded_at"],
        amount=m["amount"],
        reversed=m["reversed"],
        restored=m["restored"],
        paid_back=m["paid_back"],
        points_after=m["points_after"],
        lines=[(i, Decimal(q), n) for i, q, n in json.loads(m["lines"])],
        request_hash=m["request_hash"],
    )


class SqlSales:
    """The sales, sale_lines and refunds tables."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, sale_no: str) -> Sale | None:
        row = _BY_SALE_NO.mapping(self.conn, {"sid": sale_no})
        if row is None:
            return None
        lines = [_line(r) for r in _LINES.mappings(self.conn, {"ref": row["id"]})]
        return _sale(row, lines)

    def existing(self, sale_nos: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(sale_nos), 500):
            chunk = list(sale_nos[start : start + 500])
            found.update(
                r[0]
                for r in self.conn.execute(
                    select(sales.c.sale_id).where(sales.c.sale_id.in_(chunk))
                )
            )
        return found

    def any(self) -> bool:
        return self.conn.execute(select(sales.c.id).limit(1)).first() is not None

    def reward_taken(self, name: str) -> int:
        # The JSON text is searched for the name, then read exactly: the same on SQLite and
        # PostgreSQL. Only a reward with a stock asks, once per sale that takes it.
        quoted = json.dumps(name, ensure_ascii=False)  # as the column is written
        pattern = "%" + quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self.conn.execute(
            select(sales.c.rewards).where(
                sales.c.rewards.like(pattern, escape="\\"), sales.c.refunded_net < sales.c.net
            )
        )
        return sum(1 for (text,) in rows if any(r["name"] == name for r in json.loads(text)))

    def add(self, sale: Sale) -> None:
        _INSERT_SALE.run(self.conn, sale_row(sale))
        _INSERT_LINES.run_many(self.conn, line_rows(sale))

    def add_many(self, batch: Sequence[Sale]) -> None:
        _INSERT_SALE.run_many(self.conn, [sale_row(sale) for sale in batch])
        _INSERT_LINES.run_many(self.conn, [row for sale in batch for row in line_rows(sale)])

    def spend_since(self, member_ids: Sequence[str], since: datetime) -> list[SpendEntry]:
        found: list[SpendEntry] = []
        ids = list(dict.fromkeys(member_ids))
        for start in range(0, len(ids), _IN_LIST):
            part = ids[start : start + _IN_LIST]
            chosen = (sales.c.member_id.in_(part), sales.c.at > since)
            found.extend(
                SpendEntry(member, at, at, int(paid), net > 0)
                for member, at, paid, net in self.conn.execute(
                    select(sales.c.member_id, sales.c.at, sales.c.paid, sales.c.net).where(*chosen)
                )
            )
            found.extend(
                SpendEntry(member, sale_at, at, -int(back), False)
                for member, sale_at, at, back in self.conn.execute(
                    select(sales.c.member_id, sales.c.at, refunds.c.at, refunds.c.paid_back)
                    .join(sales, sales.c.id == refunds.c.sale_ref)
                    .where(*chosen)
                )
            )
        return found

    def save_refund_state(self, sale: Sale) -> None:
        self.conn.execute(
            _SAVE_STATE,
            {
                "b_id": sale.id,
                "refunded_net": sale.refunded_net,
                "reversed": sale.reversed,
                "restored": sale.restored,
                "paid_back": sale.paid_back,
            },
        )
        self.conn.execute(
            _SAVE_LINE,
            [
                {
                    "b_ref": sale.id,
                    "b_no": i,
                    "refunded_qty": str(s.refunded_qty),
                    "refunded_net": s.refunded_net,
                }
                for i, s in enumerate(sale.lines)
            ],
        )

    def refund(self, refund_no: str) -> Refund | None:
        row = self.conn.execute(_REFUNDS.where(refunds.c.refund_id == refund_no)).first()
        return _refund(row._mapping) if row else None

    def add_refund(self, refund: Refund) -> None:
        self.conn.execute(
            insert(refunds),
            {
                "id": refund.id,
                "refund_id": refund.refund_no,
                "sale_ref": refund.sale_ref,
                "at": refund.at,
                "recorded_at": refund.recorded_at,
                "amount": refund.amount,
                "reversed": refund.reversed,
                "restored": refund.restored,
                "paid_back": refund.paid_back,
                "points_after": refund.points_after,
                "lines": json.dumps([[i, str(q), n] for i, q, n in refund.lines]),
                "request_hash": refund.request_hash,
            },
        )

    def refunds_of(self, sale_ref: str) -> list[Refund]:
        rows = self.conn.execute(
            _REFUNDS.where(refunds.c.sale_ref == sale_ref).order_by(
                refunds.c.at, refunds.c.recorded_at
            )
        )
        return [_refund(r._mapping) for r in rows]

    def window(self, member_id: str, start: datetime, end: datetime) -> SpendWindow:
        in_window = (sales.c.member_id == member_id, sales.c.at > start, sales.c.at <= end)
        paid, visits = self.conn.execute(
            select(
                func.coalesce(func.sum(sales.c.paid), 0), func.count().filter(sales.c.net > 0)
            ).where(*in_window)
        ).one()
        back = self.conn.execute(
            select(func.coalesce(func.sum(refunds.c.paid_back), 0))
            .join(sales, sales.c.id == refunds.c.sale_ref)
            .where(*in_window, refunds.c.at <= end)
        ).scalar()
        return SpendWindow(spend=int(paid) - int(back or 0), visits=int(visits))

    def spend_until(self, member_id: str, until: datetime) -> int:
        paid = self.conn.execute(
            select(func.coalesce(func.sum(sales.c.paid), 0)).where(
                sales.c.member_id == member_id, sales.c.at <= until
            )
        ).scalar()
        back = self.conn.execute(
            select(func.coalesce(func.sum(refunds.c.paid_back), 0))
            .join(sales, sales.c.id == refunds.c.sale_ref)
            .where(sales.c.member_id == member_id, refunds.c.at <= until)
        ).scalar()
        return int(paid or 0) - int(back or 0)

    def of_member(self, member_id: str) -> list[Sale]:
        rows = list(
            self.conn.execute(
                select(sales).where(sales.c.member_id == member_id).order_by(sales.c.at)
            )
        )
        result = []
        for row in rows:
            lines = [_line(r) for r in _LINES.mappings(self.conn, {"ref": row._mapping["id"]})]
            result.append(_sale(row._mapping, lines))
        return result

    def reassign(self, from_member: str, to_member: str) -> int:
        moved = self.conn.execute(
            update(sales).where(sales.c.member_id == from_member).values(member_id=to_member)
        )
        return int(moved.rowcount)
