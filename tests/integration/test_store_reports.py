"""Reports by store and by day on real storage: the store list, the trend, one store's KPIs, best buyers."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from loyalty_desktop.app import Opened
from loyalty_desktop.db.tables import devices
from loyalty_desktop.domain.errors import InvalidRequest, LoyaltyError
from loyalty_desktop.services import (
    checkout,
    members,
    points,
    programs,
    refunds,
    report_dashboard,
    report_series,
)
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.long_jobs import Job, JobCancelled
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.reports import report
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM

# 09:00 in Shanghai on Monday 2 March 2026; the report runs to the end of Sunday 15 March.
MONDAY = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
START = datetime(2026, 3, 1, 16, 0, tzinfo=UTC)  # midnight starting 2 March, Shanghai
END = datetime(2026, 3, 15, 16, 0, tzinfo=UTC)  # midnight ending 15 March
CASHIER = Actor("Cai", Role.CASHIER)


def _sell(shop: Shop, number: str, member: str | None, total: str, at: datetime) -> None:
    request = SaleRequest(number, member, total=total, at=at)
    if member is not None:
        checkout.checkout(shop, LOCAL_ADMIN, request)
        return
    with shop.uow() as uow:  # a sale without a card, as the demo and imports post them
        program_id, program = program_in_force(uow)
        checkout.record_sale(uow, shop, program_id, program, request, at, None)
        uow.commit()


@pytest.fixture
def two_stores(opened: Opened) -> tuple[Shop, Shop]:
    """This till and a second store's till, each with sales in the two weeks; one refund."""
    clock = FixedClock(MONDAY - timedelta(hours=1))
    here = replace(opened.shop, clock=clock)
    programs.load_program(here, LOCAL_ADMIN, PROGRAM, "test")
    other_id = str(uuid.uuid4())
    with opened.engine.begin() as conn:
        conn.execute(insert(devices).values(id=other_id))
    there = replace(here, device_id=other_id)
    for number in ("M1", "M2"):
        members.enrol(here, LOCAL_ADMIN, members.NewMember(name="王芳", member_no=number))
    clock.current = END + timedelta(days=1)
    _sell(here, "H1", "M1", "100.00", MONDAY)
    _sell(here, "H2", "M1", "50.00", MONDAY + timedelta(days=1))
    _sell(here, "H3", None, "20.00", MONDAY + timedelta(days=8))
    _sell(there, "T1", "M2", "300.00", MONDAY + timedelta(days=9))
    _sell(there, "T2", "M1", "10.00", END + timedelta(hours=1))  # after the period
    # A refund made in week two of a week-one sale: it falls on the day it was made.
    refunds.refund(
        here,
        LOCAL_ADMIN,
        refunds.RefundRequest("R1", "H1", amount="40.00", at=MONDAY + timedelta(days=7)),
    )
    return here, there


def test_the_store_list_has_this_till_first_and_every_till_that_sold(
    two_stores: tuple[Shop, Shop],
) -> None:
    here, there = two_stores
    setup = report_series.report_setup(here, LOCAL_ADMIN)
    assert [(c.store, c.this_till, c.sales) for c in setup.stores] == [
        (here.device_id, True, 3),
        (there.device_id, False, 2),
    ]
    assert (setup.timezone, setup.currency.code) == ("Asia/Shanghai", "CNY")


def test_the_weekly_trend_adds_up_to_the_kpis_and_refunds_fall_on_their_own_day(
    two_stores: tuple[Shop, Shop],
) -> None:
    here, _ = two_stores
    trend = report_series.trend(here, LOCAL_ADMIN, start=START, at=END, bucket="week")
    assert [(b.key, b.sales, b.revenue, b.member_revenue) for b in trend.buckets] == [
        ("2026-03-02", 2, 15000, 15000),
        ("2026-03-09", 2, 28000, 26000),  # 20 + 300, less the 40 refunded on Monday 9th
    ]
    kpis = report(here, LOCAL_ADMIN, "kpis", start=START, at=END)
    assert trend.revenue == kpis.revenue == 43000  # type: ignore[union-attr]


def test_one_stores_kpis_count_its_own_sales_and_the_stores_add_up_to_the_shop(
    two_stores: tuple[Shop, Shop],
) -> None:
    here, there = two_stores
    whole = report(here, LOCAL_ADMIN, "kpis", start=START, at=END)
    mine = report(here, LOCAL_ADMIN, "kpis", start=START, at=END, store=here.device_id)
    theirs = report(here, LOCAL_ADMIN, "kpis", start=START, at=END, store=there.device_id)
    assert (mine.sales, mine.revenue, mine.buying_members) == (3, 13000, 1)  # type: ignore[union-attr]
    assert (theirs.sales, theirs.revenue, theirs.buying_members) == (1, 30000, 1)  # type: ignore[union-attr]
    assert mine.revenue + theirs.revenue == whole.revenue  # type: ignore[union-attr]
    assert mine.points_earned + theirs.points_earned == whole.points_earned  # type: ignore[union-attr]
    # Members belong to no store: the member counts and the points owed are the shop's.
    assert mine.members == theirs.members == whole.members == 2  # type: ignore[union-attr]
    assert mine.points_outstanding == whole.points_outstanding  # type: ignore[union-attr]


def test_the_best_buyers_are_ranked_by_spend_net_of_refunds(two_stores: tuple[Shop, Shop]) -> None:
    here, _ = two_stores
    found = report_series.best_buyers(here, LOCAL_ADMIN, start=START, at=END)
    assert [(b.member_no, b.purchases, b.spend) for b in found] == [
        ("M2", 1, 30000),
        ("M1", 2, 11000),
    ]
    mine = report_series.best_buyers(here, LOCAL_ADMIN, start=START, at=END, store=here.device_id)
    assert [b.member_no for b in mine] == ["M1"]


def test_a_store_that_is_no_device_id_is_refused_in_words(two_stores: tuple[Shop, Shop]) -> None:
    here, _ = two_stores
    with pytest.raises(InvalidRequest) as refused:
        report(here, LOCAL_ADMIN, "kpis", start=START, at=END, store="Main Street")
    assert refused.value.reason == "store_unknown"
    with pytest.raises(InvalidRequest) as wrong:
        report_series.trend(here, LOCAL_ADMIN, start=START, at=END, bucket="day")
    assert wrong.value.reason == "trend_bucket_unknown"


def test_a_cashier_reads_no_report_of_any_kind(two_stores: tuple[Shop, Shop]) -> None:
    here, _ = two_stores
    calls = [
        lambda: report_series.report_setup(here, CASHIER),
        lambda: report_series.trend(here, CASHIER, start=START, at=END),
        lambda: report_series.best_buyers(here, CASHIER, start=START, at=END),
    ]
    for call in calls:
        with pytest.raises(LoyaltyError) as refused:
            call()
        assert refused.value.reason == "role_too_low"


def test_expired_points_are_the_shops_not_a_stores(two_stores: tuple[Shop, Shop]) -> None:
    here, _ = two_stores
    later = END + timedelta(days=401)
    here.clock.current = later  # type: ignore[attr-defined]
    points.expire(here, LOCAL_ADMIN, later)
    whole = report(here, LOCAL_ADMIN, "kpis", start=START, at=later)
    mine = report(here, LOCAL_ADMIN, "kpis", start=START, at=later, store=here.device_id)
    assert whole.points_expired > 0  # type: ignore[union-attr]
    assert mine.points_expired == 0  # type: ignore[union-attr]


class _CountingLots:
    """The shop's report source, noting each moment its open points are read."""

    def __init__(self, source: object) -> None:
        self.source = source
        self.reads: list[datetime] = []

    def points_due(self, at: datetime, edges: object) -> object:
        self.reads.append(at)
        return self.source.points_due(at, edges)  # type: ignore[attr-defined]

    def spendable_points(self, at: datetime) -> object:
        self.reads.append(at)
        return self.source.spendable_points(at)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self.source, name)


def test_the_dashboard_agrees_with_each_report_and_reads_the_open_lots_once(
    two_stores: tuple[Shop, Shop],
) -> None:
    here, _ = two_stores
    counting = _CountingLots(here.reports)
    shop = replace(here, reports=counting)  # type: ignore[arg-type]
    board = report_dashboard.dashboard(
        shop, LOCAL_ADMIN, start=START, at=END, bucket="week", store=here.device_id
    )
    assert counting.reads == [END]
    assert board.kpis == report(
        here, LOCAL_ADMIN, "kpis", start=START, at=END, store=here.device_id
    )
    assert board.liability == report(here, LOCAL_ADMIN, "liability", start=START, at=END)
    assert board.trend == report_series.trend(
        here, LOCAL_ADMIN, start=START, at=END, bucket="week", store=here.device_id
    )
    assert board.buyers == report_series.best_buyers(
        here, LOCAL_ADMIN, start=START, at=END, store=here.device_id
    )


def test_a_cancelled_dashboard_stops_before_its_first_step(two_stores: tuple[Shop, Shop]) -> None:
    here, _ = two_stores
    job = Job()
    job.cancel()
    with pytest.raises(JobCancelled):
        report_dashboard.dashboard(here, LOCAL_ADMIN, start=START, at=END, job=job)
