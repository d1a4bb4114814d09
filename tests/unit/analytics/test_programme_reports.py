"""Tier movements, monthly cohorts and campaign results worked out by hand on small histories."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from loyalty_desktop.analytics.campaigns import campaign_report
from loyalty_desktop.analytics.cohorts import cohort_report
from loyalty_desktop.analytics.frames import exact_sum
from loyalty_desktop.analytics.tiers import tier_report
from loyalty_desktop.domain.program_file import parse_program
from tests.unit.analytics.frame_source import SHOP_ZONE, FrameSource, Sale

PROGRAM = parse_program(
    """
currency = "CNY"
timezone = "Asia/Shanghai"
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Silver"
threshold = "500"
[[tiers.levels]]
name = "Gold"
threshold = "1000"
[[campaigns]]
name = "Gold week"
start = "2025-03-10"
end = "2025-03-16"
bonus = 10
tiers = ["Gold"]
[[campaigns]]
name = "Spring"
start = "2025-03-01"
end = "2025-03-31"
multiplier = "2"
[[campaigns]]
name = "Last winter"
start = "2024-01-01"
end = "2024-01-31"
bonus = 5
"""
)


def local(text: str) -> datetime:
    """A moment written in Shanghai time."""
    return datetime.fromisoformat(text).replace(tzinfo=SHOP_ZONE)


def test_tier_movements_count_ups_downs_newcomers_and_a_retired_tier() -> None:
    start, end = local("2025-01-01T00:00"), local("2025-04-01T00:00")
    source = FrameSource(
        joined={m: local("2024-06-01T00:00") for m in ("m1", "m2", "m3", "m4", "m6")}
        | {"m5": local("2025-02-01T00:00")},
        tiers=[
            ("m1", local("2024-07-01T00:00"), "Bronze"),
            ("m1", local("2025-02-01T00:00"), "Silver"),
            ("m2", local("2024-07-01T00:00"), "Silver"),
            ("m2", local("2025-03-01T00:00"), "Bronze"),
            ("m3", local("2024-07-01T00:00"), "Gold"),
            ("m4", local("2025-02-02T00:00"), "Bronze"),
            ("m5", local("2025-02-03T00:00"), "Bronze"),
            ("m6", local("2024-07-01T00:00"), "Platinum"),  # a tier the programme dropped
            ("m6", local("2025-02-01T00:00"), "Gold"),
        ],
        sales=[
            Sale("m1", local("2025-02-01T10:00"), 10_000),
            Sale("m1", local("2025-03-01T10:00"), 5_000),
            Sale("m2", local("2025-03-01T10:00"), 0),  # refunded in full: no purchase
            Sale("m5", local("2025-02-03T10:00"), 3_000),
            Sale("m5", local("2025-02-04T10:00"), 4_000, store="till-2"),
            Sale("m3", local("2024-12-31T10:00"), 9_000),  # before the period
        ],
    )
    found = tier_report(source, PROGRAM, start, end)
    rows = {r.tier: r for r in found.rows}
    assert [r.tier for r in found.rows] == ["Gold", "Silver", "Bronze", "Platinum", None]
    assert (rows["Gold"].members_start, rows["Gold"].members_end) == (1, 2)
    assert (rows["Gold"].moved_in, rows["Platinum"].moved_out) == (1, 1)
    assert (rows["Bronze"].members_end, rows["Bronze"].joined, rows["Bronze"].moved_in) == (
        3,
        1,
        2,
    )
    assert (rows[None].members_start, rows[None].members_end) == (1, 0)
    assert (rows["Silver"].buyers, rows["Silver"].revenue) == (1, 15_000)
    assert (rows["Bronze"].buyers, rows["Bronze"].revenue) == (1, 7_000), "m2 bought nothing"
    moves = {(m.from_tier, m.to_tier): (m.members, m.direction) for m in found.moves}
    assert moves == {
        ("Bronze", "Silver"): (1, "up"),
        ("Silver", "Bronze"): (1, "down"),
        (None, "Bronze"): (1, "up"),
        ("Platinum", "Gold"): (1, "across"),
    }
    assert (found.upgraded, found.downgraded, found.unchanged) == (2, 1, 1)
    one_till = tier_report(source, PROGRAM, start, end, store="till-2")
    assert {r.tier: r.revenue for r in one_till.rows}["Bronze"] == 4_000


def test_a_cohort_is_the_shop_month_of_the_first_purchase_followed_month_by_month() -> None:
    source = FrameSource(
        sales=[
            Sale("a", datetime.fromisoformat("2025-01-31T16:30+00:00"), 1_000),  # 1 Feb in Shanghai
            Sale("a", local("2025-03-10T12:00"), 1_000),
            Sale("b", local("2025-02-15T12:00"), 1_000),
            Sale("b", local("2025-02-20T12:00"), 1_000),  # the same month again: still one
            Sale("b", local("2025-04-01T12:00"), 1_000),
            Sale("c", local("2024-12-01T12:00"), 1_000),  # first bought before the period
            Sale("c", local("2025-02-10T12:00"), 1_000),
            Sale("d", local("2025-03-05T12:00"), 0),  # refunded in full: not a first purchase
            Sale("d", local("2025-03-20T12:00"), 1_000),
            Sale("e", local("2025-05-02T12:00"), 1_000),  # after the end
        ]
    )
    found = cohort_report(source, PROGRAM, local("2025-01-01T00:00"), local("2025-05-01T00:00"))
    assert [(c.month, c.members, c.buyers) for c in found.cohorts] == [
        ("2025-02", 2, (2, 1, 1)),
        ("2025-03", 1, (1, 0)),
    ]
    assert found.cohorts[0].retention == (Decimal(1), Decimal("0.5"), Decimal("0.5"))
    assert found.average == (Decimal(1), Decimal("0.3333"), Decimal("0.5"))
    assert (found.last_month, found.last_month_partial) == ("2025-04", False)
    running = cohort_report(source, PROGRAM, local("2025-01-01T00:00"), local("2025-04-15T00:00"))
    assert (running.last_month, running.last_month_partial) == ("2025-04", True)


def test_a_tier_campaign_is_read_against_the_week_before_and_the_members_it_skipped() -> None:
    joined = {m: local("2025-01-01T00:00") for m in ("g1", "g2", "s1", "s2", "b1")}
    tiers = [
        (m, local("2025-02-01T00:00"), t)
        for m, t in zip(joined, ["Gold", "Gold", "Silver", "Silver", "Bronze"], strict=True)
    ]
    source = FrameSource(
        joined=joined | {"late": local("2025-03-12T00:00")},
        tiers=tiers,
        sales=[
            Sale("g1", local("2025-03-11T10:00"), 20_000, campaigns=("Gold week", "Spring")),
            Sale("g2", local("2025-03-16T23:00"), 10_000, campaigns=("Gold week", "Spring")),
            Sale("s1", local("2025-03-12T10:00"), 5_000, campaigns=("Spring",)),
            Sale("late", local("2025-03-13T10:00"), 1_000, campaigns=("Spring",)),
            Sale("g1", local("2025-03-04T10:00"), 8_000, campaigns=("Spring",)),
            Sale("s1", local("2025-03-05T10:00"), 2_000, campaigns=("Spring",)),
            Sale("s2", local("2025-03-09T23:59"), 3_000, campaigns=("Spring",)),
            Sale("b1", local("2025-03-17T00:00"), 4_000, campaigns=("Spring",)),  # after the week
            Sale("b1", local("2025-02-20T00:00"), 4_000),
        ],
    )
    found = campaign_report(source, PROGRAM, local("2025-03-01T00:00"), local("2025-04-01T00:00"))
    assert [c.name for c in found.campaigns] == ["Gold week", "Spring"], "Last winter did not run"
    week = found.campaigns[0]
    assert (week.during.first_day, week.during.last_day) == (date(2025, 3, 10), date(2025, 3, 16))
    assert (week.before.first_day, week.before.last_day) == (date(2025, 3, 3), date(2025, 3, 9))
    assert (week.during.sales, week.during.revenue, week.during.buyers) == (4, 36_000, 4)
    assert (week.before.sales, week.before.revenue, week.before.buyers) == (3, 13_000, 3)
    assert (week.applied_sales, week.applied_revenue, week.applied_members) == (2, 30_000, 2)
    assert week.sales_change == Decimal("0.3333")
    assert (week.targeted.members, week.targeted.buyers, week.targeted.buyers_before) == (2, 2, 1)
    assert week.control is not None
    assert (week.control.members, week.control.buyers, week.control.buyers_before) == (3, 1, 2)
    assert (week.targeted.rate, week.control.rate_before) == (Decimal(1), Decimal("0.6667"))
    assert week.lift == Decimal("0.8334"), "(1 − 0.5) − (0.3333 − 0.6667)"
    spring = found.campaigns[1]
    assert (spring.targeting, spring.control, spring.lift) == ("everyone", None, None)
    assert (spring.during.first_day, spring.before.first_day) == (
        date(2025, 3, 1),
        date(2025, 1, 29),
    )
    assert (spring.before.sales, spring.targeted.members) == (1, 5), "late joined in the window"
    assert spring.applied_sales == 8


@pytest.mark.parametrize(
    ("values", "total"),
    [([1, 2, 3], 6), ([2 * 10**18] * 6, 12 * 10**18), ([], 0), ([-(10**18)] * 10, -(10**19))],
)
def test_money_sums_are_exact_beyond_64_bits(values: list[int], total: int) -> None:
    import pandas as pd

    assert exact_sum(pd.Series(values, dtype="int64")) == total
