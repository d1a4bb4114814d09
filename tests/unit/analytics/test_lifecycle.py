"""Lifecycle stages: each rule and each transition on hand-made purchase logs, and the monthly flow."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty_desktop.analytics.lifecycle import (
    STAGE_KEYS,
    ShopDays,
    StageMove,
    lifecycle_report,
    stage_figures,
    stages_at,
)
from loyalty_desktop.analytics.lifecycle_history import stage_history
from loyalty_desktop.domain.program import LifecycleRule

from .purchase_logs import AT, LogSource, Sale, members_from, purchase_log

RULE = LifecycleRule()  # new 90, window 180, loyal 4 visits, decline 50 %, quiet 90, lapsed 180


def _ago(days: int) -> datetime:
    return AT - timedelta(days=days)


def _stage(*sales: Sale, at: datetime = AT, rule: LifecycleRule = RULE) -> str:
    return str(stages_at(purchase_log(sales), at, "UTC", rule)["m"])


def _visits(*days_ago: int, amount: int = 1000) -> list[Sale]:
    return [Sale("m", _ago(d), amount) for d in days_ago]


def test_a_first_purchase_within_new_days_makes_a_new_member_and_the_day_after_it_does_not() -> (
    None
):
    assert _stage(*_visits(90, 10)) == "new"
    assert _stage(*_visits(91, 10)) == "developing"


def test_a_member_with_enough_visits_in_the_window_is_loyal_and_one_fewer_is_developing() -> None:
    assert _stage(*_visits(200, 150, 100, 60, 30)) == "loyal"  # 4 visits in the last 180 days
    assert _stage(*_visits(200, 150, 100, 60)) == "developing"


def test_same_day_sales_are_one_visit_and_a_refunded_sale_is_none() -> None:
    sales = [*_visits(200, 150, 100, 60), Sale("m", _ago(60) + timedelta(hours=1))]
    assert _stage(*sales) == "developing"
    assert _stage(*_visits(200, 150, 100, 60), Sale("m", _ago(30), amount=0)) == "developing"


def test_no_purchase_for_more_than_quiet_days_is_declining() -> None:
    assert _stage(*_visits(300, 250, 150, 120, 100, 90)) == "loyal"
    assert _stage(*_visits(300, 250, 150, 120, 100, 91)) == "declining"


def test_spend_halved_against_the_window_before_is_declining_and_less_of_a_drop_is_not() -> None:
    before = _visits(350, 300, 250, 200, amount=2500)  # 10,000 in days 181-360 ago
    assert _stage(*before, *_visits(150, 100, 60, 30, amount=1250)) == "declining"  # 5,000
    assert _stage(*before, *_visits(150, 100, 60, 30, amount=1251)) == "loyal"


def test_no_purchase_for_more_than_lapsed_days_is_lapsed() -> None:
    assert _stage(*_visits(400, 180)) == "declining"
    assert _stage(*_visits(400, 181)) == "lapsed"


def test_a_lapsed_member_who_buys_again_is_won_back_for_won_back_days_then_follows_the_rules() -> (
    None
):
    sales = _visits(500, 250)  # lapsed from day 69 ago (181 days after their last visit)
    assert _stage(*sales, at=_ago(60)) == "lapsed"
    back = [*sales, Sale("m", _ago(50))]  # a gap of 200 days: won back
    assert _stage(*back) == "won_back"
    assert _stage(*back, at=AT + timedelta(days=40)) == "won_back"  # 90 days after the return
    assert _stage(*back, at=AT + timedelta(days=41)) == "declining"  # 91 days quiet since
    regular = [*back, *(Sale("m", AT + timedelta(days=d)) for d in (10, 20, 30, 40))]
    assert _stage(*regular, at=AT + timedelta(days=41)) == "loyal"


def test_a_gap_of_exactly_lapsed_days_is_not_a_return() -> None:
    assert _stage(*_visits(500, 380, 200, 30)) == "developing"  # gaps of 120, 180 and 170 days


def test_a_new_member_is_new_even_when_quiet_and_lapses_after_lapsed_days() -> None:
    rule = LifecycleRule(new_days=120, quiet_days=60)
    assert _stage(*_visits(100), rule=rule) == "new"
    assert _stage(*_visits(181), rule=rule) == "lapsed"


def test_thresholds_come_from_the_rule() -> None:
    rule = LifecycleRule(new_days=10, loyal_visits=2, quiet_days=20, lapsed_days=30)
    assert _stage(*_visits(15, 5), rule=rule) == "loyal"
    assert _stage(*_visits(25), rule=rule) == "declining"
    assert _stage(*_visits(31), rule=rule) == "lapsed"


def test_nothing_after_the_moment_is_seen_and_members_without_purchases_have_no_stage() -> None:
    log = purchase_log([Sale("a", _ago(10)), Sale("b", AT + timedelta(days=1))])
    stages = stages_at(log, AT, "UTC", RULE)
    assert stages.to_dict() == {"a": "new"}
    assert stages_at(log.iloc[0:0], AT, "UTC", RULE).empty


def test_the_report_counts_each_stage_and_the_members_moving_between_them_each_month() -> None:
    sales = [
        # "a": first bought in January, again in February; new throughout.
        Sale("a", datetime(2026, 1, 10, tzinfo=UTC)),
        Sale("a", datetime(2026, 2, 10, tzinfo=UTC)),
        # "b": a regular until 1 July 2025, quiet from October, lapsed from 29 December,
        # won back in March.
        *(Sale("b", datetime(2025, m, 1, tzinfo=UTC)) for m in (2, 3, 4, 5, 6, 7)),
        Sale("b", datetime(2026, 3, 5, tzinfo=UTC)),
    ]
    log = purchase_log(sales)
    source = LogSource(log, members_from(log))
    start = datetime(2025, 12, 31, 16, 0, tzinfo=UTC)
    report = lifecycle_report(source, start, AT, "UTC", RULE)
    assert [m.month for m in report.months] == ["2025-12", "2026-01", "2026-02", "2026-03"]
    lapsed, new, won_back = (STAGE_KEYS.index(k) for k in ("lapsed", "new", "won_back"))
    assert report.months[0].counts[lapsed] == 1
    assert report.months[0].moves == (StageMove("declining", "lapsed", 1),)
    assert report.months[1].moves == (StageMove(None, "new", 1),)
    assert report.months[2].moves == ()
    assert report.months[3].moves == (StageMove("lapsed", "won_back", 1),)
    assert report.months[3].counts[new] == 1
    assert report.months[3].counts[won_back] == 1
    by_member = {m.member_no: m for m in report.members}
    assert by_member["b"].stage == "won_back"
    assert by_member["b"].days_since == 26
    assert [s.members for s in report.stages] == [1, 0, 0, 0, 0, 1]


def test_the_report_ignores_sales_after_the_moment_even_if_the_source_hands_them_over() -> None:
    log = purchase_log([Sale("a", _ago(10)), Sale("b", AT + timedelta(days=1))])
    source = LogSource(log, members_from(log), leaky=True)
    report = lifecycle_report(source, _ago(30), AT, "UTC", RULE)
    assert [m.member_no for m in report.members] == ["a"]
    assert sum(report.months[-1].counts) == 1


@pytest.mark.parametrize("timezone", ["UTC", "Asia/Shanghai"])
def test_the_report_day_is_the_shops_day(timezone: str) -> None:
    # 16:00 UTC on 31 March is already 1 April in Shanghai: the sale of 1 January is 89 or 90
    # days back.
    log = purchase_log([Sale("a", datetime(2026, 1, 1, 12, tzinfo=UTC))])
    stages = stages_at(log, AT, timezone, LifecycleRule(new_days=89))
    assert stages["a"] == ("new" if timezone == "UTC" else "developing")


def _by_the_rules(days: list[tuple[int, int]], rule: LifecycleRule) -> str | None:
    """The stage of one member today, from (days ago, net amount) sales, read off the docstring."""
    bought = sorted({ago for ago, amount in days if amount > 0}, reverse=True)
    if not bought:
        return None
    first, last = bought[0], bought[-1]
    returns = [b for a, b in pairwise(bought) if a - b > rule.lapsed_days]
    window = rule.window_days
    recent = sum(amount for ago, amount in days if ago < window)
    previous = sum(amount for ago, amount in days if window <= ago < 2 * window)
    if last > rule.lapsed_days:
        return "lapsed"
    if returns and returns[-1] <= rule.won_back_days:
        return "won_back"
    if first <= rule.new_days:
        return "new"
    overdue = (
        rule.overdue_times > 0
        and len(bought) >= 2
        and last * (len(bought) - 1) > rule.overdue_times * (first - last)
    )
    if (
        last > rule.quiet_days
        or (previous > 0 and recent * 100 <= previous * (100 - rule.decline_pct))
        or overdue
    ):
        return "declining"
    if sum(1 for b in bought if b < window) >= rule.loyal_visits:
        return "loyal"
    return "developing"


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from("abcdefgh"),
        st.lists(st.tuples(st.integers(0, 800), st.integers(-500, 3000)), max_size=12),
        max_size=8,
    ),
    st.builds(
        LifecycleRule,
        new_days=st.integers(1, 200),
        window_days=st.integers(1, 300),
        loyal_visits=st.integers(1, 6),
        decline_pct=st.integers(1, 100),
        quiet_days=st.integers(1, 150),
        lapsed_days=st.integers(151, 400),
        won_back_days=st.integers(1, 200),
        overdue_times=st.integers(0, 4),
    ),
)
def test_every_member_gets_the_stage_the_rules_give_one_by_one(
    sales: dict[str, list[tuple[int, int]]], rule: LifecycleRule
) -> None:
    log = purchase_log(
        Sale(member, _ago(ago), amount) for member, days in sales.items() for ago, amount in days
    )
    stages = stages_at(log, AT, "UTC", rule).to_dict()
    expected = {m: _by_the_rules(days, rule) for m, days in sales.items()}
    assert stages == {m: stage for m, stage in expected.items() if stage is not None}


SHORT = LifecycleRule(
    new_days=20, window_days=30, loyal_visits=2, quiet_days=15, lapsed_days=40, won_back_days=20
)  # every threshold within a few months, so a day-by-day check stays short


def _day_by_day(
    log: pd.DataFrame, first: date, last: date, rule: LifecycleRule = SHORT
) -> list[tuple[date, str]]:
    # Every day's stage (the rules themselves are checked against a plain reading above).
    days = ShopDays.of(log)
    changes: list[tuple[date, str]] = []
    day = first
    while day <= last:
        code = int(stage_figures(days, day, rule)["stage"].iloc[0]) if len(days.numbers) else -1
        if code >= 0 and (not changes or changes[-1][1] != STAGE_KEYS[code]):
            changes.append((day, STAGE_KEYS[code]))
        day += timedelta(days=1)
    return changes


def test_a_members_history_lists_each_stage_from_the_day_it_began() -> None:
    sales = [*_visits(500, 250), Sale("m", _ago(50))]
    history = stage_history(purchase_log(sales), AT.date(), RULE)
    assert [((AT.date() - c.day).days, c.stage) for c in history] == [
        (500, "new"),
        (409, "declining"),  # 91 days after the first purchase: no longer new, and quiet
        (319, "lapsed"),  # 181 days without a purchase
        (250, "won_back"),
        (159, "declining"),  # 91 days after the return, quiet since
        (69, "lapsed"),
        (50, "won_back"),
    ]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 150), st.integers(-200, 3000)), max_size=8))
def test_the_history_matches_the_stage_computed_on_every_single_day(
    sales: list[tuple[int, int]],
) -> None:
    log = purchase_log(Sale("m", _ago(ago), amount) for ago, amount in sales)
    history = stage_history(log, AT.date(), SHORT)
    expected = _day_by_day(log, AT.date() - timedelta(days=150), AT.date())
    assert [(c.day, c.stage) for c in history] == expected


def test_churn_risk_a_member_gone_over_twice_their_usual_gap_is_declining_before_quiet_days() -> (
    None
):
    every_ten_days = _visits(100, 90, 80, 70, 60, 50, 40, 30)  # then nothing for 30 days
    assert _stage(*every_ten_days) == "loyal"  # the rule is off by default
    assert _stage(*every_ten_days, rule=LifecycleRule(overdue_times=4)) == "loyal"  # 30 <= 40
    assert _stage(*every_ten_days, rule=LifecycleRule(overdue_times=2)) == "declining"  # 30 > 20
    one_day = Sale("m", _ago(60))  # no habit yet: one purchase day has no gap to be late against
    assert _stage(one_day, rule=LifecycleRule(new_days=30, overdue_times=2)) == "developing"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 150), st.integers(1, 3000)), min_size=2, max_size=8))
def test_the_history_with_the_churn_risk_rule_matches_every_single_day(
    sales: list[tuple[int, int]],
) -> None:
    rule = replace(SHORT, quiet_days=39, overdue_times=1)  # late against habit long before quiet
    log = purchase_log(Sale("m", _ago(ago), amount) for ago, amount in sales)
    history = stage_history(log, AT.date(), rule)
    expected = _day_by_day(log, AT.date() - timedelta(days=150), AT.date(), rule)
    assert [(c.day, c.stage) for c in history] == expected
