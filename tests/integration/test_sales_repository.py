"""Sales, their lines and refunds on SQLite and PostgreSQL: stored, read back, summed."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.domain.refunds import LineState
from loyalty_desktop.domain.sales import Refund, Sale

T0 = datetime(2026, 3, 1, 4, 30, 15, 250000, tzinfo=UTC)


def _new_member(opened: Opened, no: str) -> Member:
    member = Member(str(uuid.uuid4()), no, 10_000_000 + int(no), f"顾客{no}", T0)
    with opened.shop.uow() as uow:
        uow.members.add(member)
        uow.commit()
    return member


def _sale(sale_no: str, member: Member | None, at: datetime, paid: int, **fields: object) -> Sale:
    lines = [
        LineState(SaleLine("SKU-茶", Decimal("1.5"), Decimal("12.3456"), "饮料", 1852, 1800)),
        LineState(SaleLine("SKU-2", Decimal(3), Decimal("0.99"), None, 297, 289)),
    ]
    defaults: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "sale_no": sale_no,
        "member_id": member.id if member else None,
        "at": at,
        "recorded_at": at + timedelta(seconds=2),
        "currency": "CNY",
        "lines": lines,
        "subtotal": 2149,
        "order_discount": 60,
        "tier_discount": 0,
        "net": 2089,
        "points_redeemed": 0,
        "points_value": 0,
        "paid": paid,
        "earned": 20,
        "program_id": 1,
        "tier_before": "银卡",
        "local_date": date(2026, 3, 1),
        "device_id": str(uuid.UUID(int=7)),
    }
    return Sale(**{**defaults, **fields})  # type: ignore[arg-type]


def _refund(refund_no: str, sale: Sale, at: datetime, amount: int, **fields: object) -> Refund:
    defaults: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "refund_no": refund_no,
        "sale_ref": sale.id,
        "sale_no": sale.sale_no,
        "member_id": sale.member_id,
        "at": at,
        "recorded_at": at + timedelta(seconds=1),
        "amount": amount,
        "reversed": 5,
        "restored": 0,
        "paid_back": amount,
        "points_after": 15,
        "lines": [(0, Decimal("0.5"), amount)],
    }
    return Refund(**{**defaults, **fields})  # type: ignore[arg-type]


def test_a_sale_with_lines_comes_back_exactly(opened: Opened) -> None:
    member = _new_member(opened, "1")
    sale = _sale(
        "S-收银台1-0001",
        member,
        T0,
        1889,
        points_redeemed=200,
        points_value=200,
        campaigns=("双倍积分", "member-day"),
        birthday_month=3,
        points_after=1234,
        tier_after="金卡",
    )
    with opened.shop.uow() as uow:
        uow.sales.add(sale)
        uow.commit()

    with opened.shop.uow(write=False) as uow:
        back = uow.sales.get("S-收银台1-0001")
        missing = uow.sales.get("S-unknown")

    assert back == sale
    assert missing is None
    assert back is not None
    assert back.at.utcoffset() == timedelta(0)
    assert back.at == T0
    assert back.lines[0].line.quantity == Decimal("1.5")
    assert back.lines[0].line.unit_price == Decimal("12.3456")
    assert back.lines[0].line.category == "饮料"
    assert back.lines[1].line.category is None
    assert back.campaigns == ("双倍积分", "member-day")


def test_a_sale_to_a_non_member_is_stored_without_member(opened: Opened) -> None:
    sale = _sale("ANON-1", None, T0, 2089)
    with opened.shop.uow() as uow:
        uow.sales.add(sale)
        uow.commit()
    with opened.shop.uow(write=False) as uow:
        assert uow.sales.get("ANON-1") == sale


def test_refunds_come_back_and_update_the_sale_state(opened: Opened) -> None:
    member = _new_member(opened, "2")
    sale = _sale("S-2", member, T0, 2089)
    first = _refund("R-1", sale, T0 + timedelta(hours=1), 900)
    second = _refund(
        "R-退货-2",
        sale,
        T0 + timedelta(hours=3),
        289,
        points_after=None,
        lines=[(0, Decimal("0.25"), 100), (1, Decimal(1), 96)],
    )
    with opened.shop.uow() as uow:
        uow.sales.add(sale)
        uow.sales.add_refund(second)  # stored out of order; listed by moment
        uow.sales.add_refund(first)
        sale.lines[0] = replace(sale.lines[0], refunded_qty=Decimal("0.75"), refunded_net=1000)
        sale.lines[1] = replace(sale.lines[1], refunded_qty=Decimal(1), refunded_net=189)
        sale.refunded_net = 1189
        sale.reversed = 10
        sale.restored = 3
        sale.paid_back = 1189
        uow.sales.save_refund_state(sale)
        uow.commit()

    with opened.shop.uow(write=False) as uow:
        assert uow.sales.refund("R-1") == first
        assert uow.sales.refund("R-退货-2") == second
        assert uow.sales.refund("R-none") is None
        assert uow.sales.refunds_of(sale.id) == [first, second]
        assert uow.sales.refunds_of(str(uuid.uuid4())) == []
        assert uow.sales.get("S-2") == sale


def test_spend_windows_count_paid_money_after_refunds(opened: Opened) -> None:
    member = _new_member(opened, "3")
    other = _new_member(opened, "4")
    day = timedelta(days=1)
    sales = [
        _sale("W-1", member, T0, 1000),
        _sale("W-2", member, T0 + day, 2000),
        _sale("W-3", member, T0 + 2 * day, 0, net=0),  # a zero-value sale is no visit
        _sale("W-4", other, T0 + day, 5000),
    ]
    with opened.shop.uow() as uow:
        for sale in sales:
            uow.sales.add(sale)
        uow.sales.add_refund(_refund("WR-1", sales[1], T0 + 3 * day, 500))
        uow.commit()

    with opened.shop.uow(write=False) as uow:
        whole = uow.sales.window(member.id, T0 - day, T0 + 5 * day)
        before_refund = uow.sales.window(member.id, T0 - day, T0 + 2 * day)
        start_excluded = uow.sales.window(member.id, T0, T0 + 5 * day)
        nothing = uow.sales.window(member.id, T0 + 10 * day, T0 + 20 * day)
        assert (whole.spend, whole.visits) == (2500, 2)
        assert (before_refund.spend, before_refund.visits) == (3000, 2)
        assert (start_excluded.spend, start_excluded.visits) == (1500, 1)
        assert (nothing.spend, nothing.visits) == (0, 0)
        assert uow.sales.spend_until(member.id, T0) == 1000
        assert uow.sales.spend_until(member.id, T0 + 2 * day) == 3000
        assert uow.sales.spend_until(member.id, T0 + 4 * day) == 2500
        assert [s.sale_no for s in uow.sales.of_member(member.id)] == ["W-1", "W-2", "W-3"]


def test_reassigning_moves_every_sale_of_a_member(opened: Opened) -> None:
    old = _new_member(opened, "5")
    new = _new_member(opened, "6")
    with opened.shop.uow() as uow:
        uow.sales.add(_sale("M-1", old, T0, 100))
        uow.sales.add(_sale("M-2", old, T0 + timedelta(hours=1), 200))
        uow.sales.add(_sale("M-3", new, T0, 300))
        assert uow.sales.reassign(old.id, new.id) == 2
        uow.commit()
    with opened.shop.uow(write=False) as uow:
        assert uow.sales.of_member(old.id) == []
        assert sorted(s.sale_no for s in uow.sales.of_member(new.id)) == ["M-1", "M-2", "M-3"]
        assert uow.sales.reassign(old.id, new.id) == 0
