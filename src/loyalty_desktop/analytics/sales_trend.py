"""Sales over time for the dashboard's trend: shop days summed into weeks or calendar months.

Every week or month the period touches gets a bucket, with zeros when nothing
sold, so a chart's axis has no holes; the first and last buckets are cut to
the period (a "last 30 days" starting on a Thursday has a short first week),
and each bucket says which days it really covers. Weeks start on Monday.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from loyalty_desktop.analytics.kpis import rate
from loyalty_desktop.analytics.store_sales import DaySales
from loyalty_desktop.domain.money import Currency


class Bucket(StrEnum):
    """How the days of a trend are grouped."""

    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class TrendBucket:
    """One week or month of sales: the days it covers (inclusive), counts and money (minor units)."""

    key: str  # "2026-03" for a month, "2026-03-30" (its Monday) for a week
    first_day: date
    last_day: date
    sales: int
    member_sales: int
    revenue: int
    member_revenue: int
    refunds: int

    @property
    def other_revenue(self) -> int:
        """Revenue from sales without a member card."""
        return self.revenue - self.member_revenue

    @property
    def average_order(self) -> int | None:
        """Revenue per sale (minor units, floored), None without sales."""
        return self.revenue // self.sales if self.sales else None


@dataclass(frozen=True)
class SalesTrend:
    """The buckets of a period, oldest first, with the period's days and currency."""

    first_day: date
    last_day: date
    bucket: Bucket
    currency: Currency
    buckets: tuple[TrendBucket, ...]

    @property
    def revenue(self) -> int:
        """All the buckets' revenue: the KPIs' revenue for the same period and store."""
        return sum(b.revenue for b in self.buckets)

    @property
    def member_share(self) -> Decimal | None:
        """Members' share of the revenue (four decimals), None without revenue."""
        revenue = self.revenue
        return rate(sum(b.member_revenue for b in self.buckets), revenue) if revenue > 0 else None


def bucket_start(day: date, bucket: Bucket) -> date:
    """The first day of the week (Monday) or month ``day`` falls in."""
    if bucket is Bucket.WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def _next_start(first: date, bucket: Bucket) -> date:
    if bucket is Bucket.WEEK:
        return first + timedelta(days=7)
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _key(first: date, bucket: Bucket) -> str:
    return first.isoformat() if bucket is Bucket.WEEK else f"{first:%Y-%m}"


def sales_trend(
    days: Iterable[DaySales],
    first_day: date,
    last_day: date,
    bucket: Bucket,
    currency: Currency,
) -> SalesTrend:
    """The days' sales in weeks or months from ``first_day`` to ``last_day`` (inclusive)."""
    if last_day < first_day:
        return SalesTrend(first_day, last_day, bucket, currency, ())
    sums: dict[date, list[int]] = {}
    for d in days:
        if first_day <= d.day <= last_day:
            total = sums.setdefault(bucket_start(d.day, bucket), [0] * 5)
            for i, value in enumerate(
                (d.sales, d.member_sales, d.revenue, d.member_revenue, d.refunds)
            ):
                total[i] += value
    buckets = []
    start = bucket_start(first_day, bucket)
    while start <= last_day:
        following = _next_start(start, bucket)
        sales, member_sales, revenue, member_revenue, refunds = sums.get(start, [0] * 5)
        buckets.append(
            TrendBucket(
                key=_key(start, bucket),
                first_day=max(start, first_day),
                last_day=min(following - timedelta(days=1), last_day),
                sales=sales,
                member_sales=member_sales,
                revenue=revenue,
                member_revenue=member_revenue,
                refunds=refunds,
            )
        )
        start = following
    return SalesTrend(first_day, last_day, bucket, currency, tuple(buckets))
