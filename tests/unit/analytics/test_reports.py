"""KPIs and liability computed from a report source's aggregates: rates, money and due months."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from loyalty_desktop.analytics.kpis import kpis, rate
from loyalty_desktop.analytics.liability import liability
from loyalty_desktop.analytics.ports import OpenLot, PointsDue, SalesTotals, points_due_in
from loyalty_desktop.domain.program_file import parse_program

PROGRAM = parse_program(
    'currency = "CNY"\ntimezone = "Asia/Shanghai"\n[redeem]\npoint_value = "0.005"\n'
)
AT = datetime(2026, 3, 31, 16, 0, tzinfo=UTC)  # midnight 1 April in Shanghai
NO_SALES = SalesTotals(0, 0, 0, 0, 0)


@dataclass
class Aggregates:
    """A report source holding the aggregates a database would compute."""

    totals: SalesTotals = NO_SALES
    purchases: list[int] = field(default_factory=list)
    counts: tuple[int, int] = (0, 0)
    moved: dict[str, int] = field(default_factory=dict)
    lots: list[OpenLot] = field(default_factory=list)
    owing: tuple[int, int] = (0, 0)

    def sales_totals(self, start: datetime, end: datetime, store: str | None = None) -> SalesTotals:
        return self.totals

    def purchases_per_member(
        self, start: datetime, end: datetime, store: str | None = None
    ) -> list[int]:
        return self.purchases

    def member_counts(self, start: datetime, end: datetime) -> tuple[int, int]:
        return self.counts

    def points_by_kind(self, start: datetime, end: datetime) -> dict[str, int]:
        return self.moved

    def points_due(self, at: datetime, edges: Sequence[datetime]) -> PointsDue:
        return points_due_in(self.lots, at, edges)

    def spendable_points(self, at: datetime) -> int:
        return points_due_in(self.lots, at, []).total

    def negative_balances(self) -> tuple[int, int]:
        return self.owing


def test_the_repurchase_rate_is_the_share_of_buyers_with_two_purchases_or_more() -> None:
    source = Aggregates(
        totals=SalesTotals(
            sales=7, member_sales=6, revenue=70_000, member_revenue=63_000, refunds=500
        ),
        purchases=[1, 2, 3],
        counts=(10, 2),
        moved={"earn": 600, "activity": 10, "redeem": -200, "expire": -50, "adjust": 5},
        lots=[OpenLot(300, AT + timedelta(days=30)), OpenLot(99, None), OpenLot(40, AT)],
    )
    found = kpis(source, PROGRAM, AT - timedelta(days=30), AT)
    assert (found.buying_members, found.repeat_members) == (3, 2)
    assert found.repurchase_rate == Decimal("0.6667")
    assert found.member_revenue_share == Decimal("0.9000")
    assert found.average_order == 10_000
    assert found.purchases_per_buyer == Decimal("2.0000")
    assert (found.points_earned, found.points_redeemed, found.points_expired) == (610, 200, 50)
    assert found.points_outstanding == 399, "a lot lapsing at the report moment is gone"
    assert found.liability == 199, "half a fen a point; the half fen left over is never owed"


def test_no_buyers_means_no_rate_rather_than_a_division_by_zero() -> None:
    found = kpis(Aggregates(), PROGRAM, AT - timedelta(days=1), AT)
    assert (found.repurchase_rate, found.average_order, found.member_revenue_share) == (
        None,
        None,
        None,
    )
    assert rate(1, 3) == Decimal("0.3333")


def test_liability_falls_due_by_shop_month_over_the_horizon() -> None:
    source = Aggregates(
        lots=[
            OpenLot(
                100, datetime(2026, 4, 30, 15, 59, tzinfo=UTC)
            ),  # 23:59 on 30 April in Shanghai
            OpenLot(50, datetime(2026, 4, 30, 16, 0, tzinfo=UTC)),  # midnight 1 May in Shanghai
            OpenLot(20, AT + timedelta(days=500)),
            OpenLot(7, None),
            OpenLot(9, AT - timedelta(seconds=1)),
        ],
        owing=(2, -30),
    )
    owed = liability(source, PROGRAM, AT, horizon_days=90)
    assert owed.points == 177
    assert [(m.month, m.points, m.value) for m in owed.expiring] == [
        ("2026-04", 100, 50),
        ("2026-05", 50, 25),
    ]
    assert (owed.expiring_later, owed.never_expiring) == (20, 7)
    assert (owed.negative_members, owed.negative_points) == (2, -30)
    assert points_due_in(source.lots, AT, []).total == 177


def test_breakage_is_the_expired_share_of_points_settled_and_refund_returns_are_not_spending() -> (
    None
):
    source = Aggregates(
        totals=SalesTotals(
            sales=4, member_sales=3, revenue=40_000, member_revenue=31_000, refunds=0
        ),
        moved={"earn": 900, "redeem": -200, "refund_restore": 20, "expire": -60},
    )
    found = kpis(source, PROGRAM, AT - timedelta(days=30), AT)
    assert found.breakage_rate == Decimal("0.2500"), "60 / (60 + 200 − 20)"
    assert (found.average_order, found.member_average_order) == (10_000, 10_333)
    assert kpis(Aggregates(), PROGRAM, AT - timedelta(days=1), AT).breakage_rate is None
