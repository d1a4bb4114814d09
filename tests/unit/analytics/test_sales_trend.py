"""The dashboard's trend: shop days summed into Monday weeks or calendar months, with no holes."""

from __future__ import annotations

from datetime import date

from loyalty_desktop.analytics.sales_trend import Bucket, bucket_start, sales_trend
from loyalty_desktop.analytics.store_sales import DaySales
from loyalty_desktop.domain.money import Currency

CNY = Currency("CNY", 2)


def _day(day: date, revenue: int, member_revenue: int = 0, sales: int = 1) -> DaySales:
    return DaySales(day, sales, 1 if member_revenue else 0, revenue, member_revenue)


def test_weeks_start_on_monday_and_the_first_and_last_are_cut_to_the_period() -> None:
    days = [
        _day(date(2026, 3, 5), 1000),
        _day(date(2026, 3, 9), 500, 500),
        _day(date(2026, 3, 18), 7),
    ]
    # Thursday 5 March to Wednesday 18 March.
    trend = sales_trend(days, date(2026, 3, 5), date(2026, 3, 18), Bucket.WEEK, CNY)
    assert [b.key for b in trend.buckets] == ["2026-03-02", "2026-03-09", "2026-03-16"]
    assert [(b.first_day, b.last_day) for b in trend.buckets] == [
        (date(2026, 3, 5), date(2026, 3, 8)),
        (date(2026, 3, 9), date(2026, 3, 15)),
        (date(2026, 3, 16), date(2026, 3, 18)),
    ]
    assert [b.revenue for b in trend.buckets] == [1000, 500, 7]
    assert trend.buckets[1].other_revenue == 0
    assert trend.revenue == 1507


def test_a_month_with_no_sales_is_a_zero_not_a_gap_and_december_runs_into_january() -> None:
    days = [_day(date(2025, 11, 30), 300, 100, sales=3), _day(date(2026, 1, 2), 50)]
    trend = sales_trend(days, date(2025, 11, 15), date(2026, 1, 10), Bucket.MONTH, CNY)
    assert [(b.key, b.revenue, b.sales) for b in trend.buckets] == [
        ("2025-11", 300, 3),
        ("2025-12", 0, 0),
        ("2026-01", 50, 1),
    ]
    assert trend.buckets[0].average_order == 100
    assert trend.buckets[1].average_order is None
    assert str(trend.member_share) == "0.2857"


def test_days_outside_the_period_are_left_out() -> None:
    days = [_day(date(2026, 2, 28), 999), _day(date(2026, 3, 1), 1), _day(date(2026, 4, 1), 999)]
    trend = sales_trend(days, date(2026, 3, 1), date(2026, 3, 31), Bucket.MONTH, CNY)
    assert [(b.key, b.revenue) for b in trend.buckets] == [("2026-03", 1)]


def test_an_empty_period_has_no_buckets() -> None:
    trend = sales_trend([], date(2026, 3, 2), date(2026, 3, 1), Bucket.WEEK, CNY)
    assert trend.buckets == ()
    assert trend.member_share is None


def test_bucket_start() -> None:
    assert bucket_start(date(2026, 3, 8), Bucket.WEEK) == date(2026, 3, 2)  # a Sunday
    assert bucket_start(date(2026, 3, 9), Bucket.WEEK) == date(2026, 3, 9)
    assert bucket_start(date(2026, 3, 31), Bucket.MONTH) == date(2026, 3, 1)
