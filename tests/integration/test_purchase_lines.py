"""The recommender's input on real databases: member sale lines, refunds taken off, merges followed."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

from loyalty_desktop.app import Opened
from loyalty_desktop.services import checkout, members, programs, refunds
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import LineRequest, SaleRequest
from loyalty_desktop.services.merge import merge_members
from loyalty_desktop.services.refunds import RefundRequest
from tests.integration.conftest import PROGRAM


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_purchase_lines_net_refunds_follow_merges_and_stop_at_the_end(opened: Opened) -> None:
    shop = opened.shop
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "test")
    a = members.enrol(shop, LOCAL_ADMIN, members.NewMember("A"), at=_at("2025-06-01T00:00"))
    b = members.enrol(shop, LOCAL_ADMIN, members.NewMember("B"), at=_at("2025-06-01T00:00"))
    tea, cup = LineRequest("TEA", "3", "10.00", "drinks"), LineRequest("CUP", "1", "40.00")
    checkout.checkout(
        shop,
        LOCAL_ADMIN,
        SaleRequest("S1", a.member_no, lines=(tea, cup), at=_at("2025-07-01T04:00")),
    )
    checkout.checkout(
        shop, LOCAL_ADMIN, SaleRequest("S2", b.member_no, lines=(tea,), at=_at("2025-07-02T04:00"))
    )
    checkout.checkout(
        shop, LOCAL_ADMIN, SaleRequest("S4", a.member_no, lines=(cup,), at=_at("2025-09-01T04:00"))
    )
    refunds.refund(
        shop,
        LOCAL_ADMIN,
        RefundRequest("R1", "S1", lines=(("TEA", "1"),), at=_at("2025-07-03T04:00")),
    )
    checkout.checkout(
        shop, LOCAL_ADMIN, SaleRequest("S5", a.member_no, total="9.00", at=_at("2025-07-05T04:00"))
    )
    merge_members(shop, LOCAL_ADMIN, a.member_no, b.member_no, at=_at("2025-07-10T00:00"))

    got = shop.reports.purchase_lines(_at("2025-08-01T00:00"))
    rows = sorted(got.itertuples(index=False, name=None), key=lambda r: (r[1], r[2]))
    assert list(got.columns) == ["member_no", "local_date", "sku", "qty", "category"]
    assert rows == [
        (a.member_no, pd.Timestamp("2025-07-01"), "CUP", 1.0, None),
        (a.member_no, pd.Timestamp("2025-07-01"), "TEA", 2.0, "drinks"),
        (a.member_no, pd.Timestamp("2025-07-02"), "TEA", 3.0, "drinks"),
    ], (
        "B merged into A: his lines under A, one tea returned, no line of a sale by total, nothing after"
    )
    window = shop.reports.purchase_lines(_at("2025-08-01T00:00"), _at("2025-07-01T12:00"))
    assert sorted(window["local_date"]) == [pd.Timestamp("2025-07-02")], "only (start, end]"
