"""The repeat-purchase summary follows the conventions the published CLV results depend on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loyalty_desktop.analytics.repeat_purchases import SUMMARY_COLUMNS, rfm_summary
from tests.unit.analytics.clv_logs import purchase_log

SHOP = timezone(timedelta(hours=8))
START = datetime(2026, 1, 1, 10, 0, tzinfo=SHOP)
AT = datetime(2026, 3, 1, 21, 0, tzinfo=SHOP)  # day 59 after START's day


def day(n: int, hour: int = 10) -> datetime:
    return (START + timedelta(days=n)).replace(hour=hour)


def test_purchases_on_one_shop_day_count_once_and_their_amounts_add_up() -> None:
    log = purchase_log(
        ("A", day(0), 1000),
        ("A", day(7, 9), 300),
        ("A", day(7, 23), 200),  # 23:00 in the shop is 15:00 UTC, still the shop's day 7
        ("A", day(14), 700),
    )
    row = rfm_summary(log, AT, time_unit="days").loc["A"]
    assert row["frequency"] == 2  # days 7 and 14; day 0 is the first purchase, not a repeat
    assert row["purchase_days"] == 3
    assert row["recency"] == 14
    assert row["T"] == 59
    assert row["monetary_value"] == 600  # (500 + 700) / 2: the first day's 1000 is left out
    assert row["spend"] == 2200


def test_the_shop_day_decides_not_the_utc_day() -> None:
    # 07:00 and 09:00 in the shop are 23:00 the day before and 01:00 in UTC: one shop day.
    # 23:30 and 00:30 the next morning in the shop are 15:30 and 16:30 UTC: two shop days.
    log = purchase_log(
        ("A", day(0, 7), 100),
        ("A", day(0, 9), 100),
        ("B", day(3, 23).replace(minute=30), 100),
        ("B", day(4, 0).replace(minute=30), 100),
    )
    summary = rfm_summary(log, AT, time_unit="days")
    assert summary.loc["A", "frequency"] == 0
    assert summary.loc["B", "frequency"] == 1
    assert summary.loc["B", "recency"] == 1


def test_weeks_are_seven_days() -> None:
    log = purchase_log(("A", day(0), 100), ("A", day(10), 100))
    weeks = rfm_summary(log, AT, time_unit="weeks").loc["A"]
    days = rfm_summary(log, AT, time_unit="days").loc["A"]
    assert weeks["recency"] == pytest.approx(10 / 7)
    assert weeks["T"] == pytest.approx(59 / 7)
    assert days["T"] == 59
    with pytest.raises(ValueError, match="time_unit"):
        rfm_summary(log, AT, time_unit="months")  # type: ignore[arg-type]


def test_a_fully_refunded_sale_is_a_visit_without_money() -> None:
    log = purchase_log(("A", day(0), 800), ("A", day(5), 0), ("A", day(9), 400))
    row = rfm_summary(log, AT, time_unit="days").loc["A"]
    assert row["frequency"] == 2
    assert row["monetary_value"] == 200


def test_an_empty_log_gives_an_empty_summary_with_the_columns() -> None:
    summary = rfm_summary(purchase_log(), AT)
    assert list(summary.columns) == list(SUMMARY_COLUMNS)
    assert summary.empty


def test_buyers_of_a_single_day_have_no_repeats_and_age_from_that_day() -> None:
    log = purchase_log(*[(f"M{i}", day(20, 9 + i), 100 * (i + 1)) for i in range(5)])
    summary = rfm_summary(log, AT, time_unit="days")
    assert (summary["frequency"] == 0).all()
    assert (summary["recency"] == 0).all()
    assert (summary["T"] == 39).all()
    assert (summary["monetary_value"] == 0).all()


def test_a_daily_shopper_of_ten_years_is_summarised_exactly() -> None:
    days = pd.date_range("2016-01-01", periods=3650, freq="D")
    log = pd.DataFrame(
        {
            "member_no": "A",
            "at": (days + pd.Timedelta(hours=4)).tz_localize("UTC"),
            "local_date": days,
            "amount": np.arange(3650, dtype=np.int64) + 1,
            "campaign": False,
            "store": "s",
        }
    )
    row = rfm_summary(log, datetime(2025, 12, 31, 23, tzinfo=UTC), time_unit="days").loc["A"]
    assert row["frequency"] == 3649
    assert row["recency"] == 3649
    assert row["monetary_value"] == pytest.approx(np.arange(2, 3651).mean())


def test_a_purchase_dated_after_the_report_day_moves_the_day_up() -> None:
    # ``at`` given in UTC while the shop is 8 hours ahead: the last sale's shop day is the next day.
    log = purchase_log(("A", day(0), 100), ("A", day(5, 2), 100))
    at_utc = day(5, 3).astimezone(UTC)  # the UTC calendar day is day 4
    row = rfm_summary(log, at_utc, time_unit="days").loc["A"]
    assert row["recency"] == 5
    assert row["T"] == 5


sales = st.lists(
    st.tuples(
        st.sampled_from(["A", "B", "C", "D"]),
        st.integers(min_value=0, max_value=60 * 24 * 40),  # minutes after START
        st.integers(min_value=0, max_value=50_000),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sales, st.integers(min_value=0, max_value=60 * 24 * 40), sales)
def test_a_summary_as_of_a_moment_ignores_every_later_sale(
    before: list[tuple[str, int, int]], cut: int, after: list[tuple[str, int, int]]
) -> None:
    at = START + timedelta(minutes=cut)
    early = [(m, START + timedelta(minutes=t), a) for m, t, a in before if t <= cut]
    late = [(m, at + timedelta(minutes=t + 1), a) for m, t, a in after]
    only_early = rfm_summary(purchase_log(*early), at)
    with_late = rfm_summary(purchase_log(*early, *late), at)
    pd.testing.assert_frame_equal(only_early, with_late)
    assert (with_late["recency"] <= with_late["T"]).all()
    assert (with_late["frequency"] >= 0).all()
