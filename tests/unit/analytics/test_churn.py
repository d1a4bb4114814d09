"""Churn risk on synthetic shops whose right answer is known: who stopped coming, and who keeps coming."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

from loyalty_desktop.analytics.churn import (
    ChurnReport,
    ChurnWorkings,
    NotEnoughHistory,
    churn_day,
    churn_report,
    churn_workings,
)
from loyalty_desktop.analytics.churn_features import FEATURES
from loyalty_desktop.analytics.churn_model import (
    TRAIN_CAP,
    churn_probability,
    fit_churn_model,
    training_sample,
)

from .purchase_logs import AT, LogSource, Sale, members_from, purchase_log

HORIZON = 30
START = AT - timedelta(days=400)
DAY_START = datetime(AT.year, AT.month, AT.day, tzinfo=UTC)  # the report's shop day (a UTC shop)


def synthetic_shop(seed: int = 1, members: int = 300) -> list[Sale]:
    """Weekly regulars who never stop, and lapsers who buy weekly until a day of their own, then never."""
    rng = np.random.default_rng(seed)
    sales = []
    for number in range(members):
        member = f"M{number:04d}"
        lapses = number % 2 == 1
        stop = START + timedelta(days=float(rng.uniform(60, 400))) if lapses else AT
        day = START + timedelta(days=float(rng.uniform(0, 30)))
        while day <= stop:
            sales.append(Sale(member, day, int(rng.integers(500, 5000))))
            day += timedelta(days=float(rng.uniform(4, 10)))
    return sales


def report_for(sales: list[Sale], **kwargs: object) -> ChurnReport | NotEnoughHistory:
    log = purchase_log(sales)
    return churn_report(LogSource(log, members_from(log)), AT, HORIZON, **kwargs)  # type: ignore[arg-type]


def last_purchase(sales: list[Sale]) -> dict[str, datetime]:
    last: dict[str, datetime] = {}
    for sale in sales:
        last[sale.member_no] = max(last.get(sale.member_no, sale.at), sale.at)
    return last


def test_members_who_stopped_buying_carry_the_high_risks() -> None:
    sales = synthetic_shop()
    report = report_for(sales)
    assert isinstance(report, ChurnReport)
    last = last_purchase(sales)
    risk = {r.member_no: r.risk for r in report.members}
    assert set(risk) == set(last)
    regulars = [risk[m] for m in risk if int(m[1:]) % 2 == 0]
    gone = [risk[m] for m in risk if int(m[1:]) % 2 == 1 and AT - last[m] > timedelta(days=60)]
    assert len(gone) > 50
    assert max(regulars) < min(gone)
    assert np.median(regulars) < 0.2
    assert min(gone) > 0.8
    assert report.backtest.auc > 0.9
    assert [r.risk for r in report.members] == sorted(
        (r.risk for r in report.members), reverse=True
    )


def test_the_backtest_trains_and_tests_on_the_two_windows_before_the_shop_day() -> None:
    report = report_for(synthetic_shop())
    assert isinstance(report, ChurnReport)
    test = report.backtest
    assert (test.train_cutoff, test.test_cutoff, test.end) == (
        DAY_START - timedelta(days=2 * HORIZON),
        DAY_START - timedelta(days=HORIZON),
        DAY_START,
    )
    assert 0 < test.test_churned < test.test_members <= 300
    assert test.auc_recency > 0.5  # the longer absent, the likelier gone
    assert test.auc_bgnbd is None


def test_sales_after_the_moment_change_nothing() -> None:
    sales = synthetic_shop()
    # Everybody, lapsed or not, comes back daily for 60 days after the moment.
    later = [
        Sale(member, AT + timedelta(days=day, seconds=1), 2500)
        for member in sorted({sale.member_no for sale in sales})
        for day in range(60)
    ]
    newcomers = [Sale(f"NEW{n}", AT + timedelta(days=n + 1)) for n in range(40)]
    plain = report_for(sales)
    log = purchase_log(sales + later + newcomers)
    for leaky in (False, True):
        source = LogSource(log, members_from(log), leaky=leaky)
        assert churn_report(source, AT, HORIZON) == plain


def test_the_model_and_backtest_read_nothing_of_the_report_day() -> None:
    sales = synthetic_shop()
    today = [Sale(f"M{n:04d}", DAY_START + timedelta(hours=9, minutes=n)) for n in range(1, 60, 2)]
    plain = churn_workings_for(sales)
    later = churn_workings_for(sales + today)
    assert isinstance(plain, ChurnWorkings)
    assert isinstance(later, ChurnWorkings)
    assert later.report.backtest == plain.report.backtest
    pd.testing.assert_frame_equal(later.train, plain.train)
    assert (later.train_churned == plain.train_churned).all()
    # ... but the members who came back today are scored with it (lapsers among them: safer).
    before = {r.member_no: r.risk for r in plain.report.members}
    after = {r.member_no: r.risk for r in later.report.members}
    came = {s.member_no for s in today}
    assert sum(after[m] for m in came) < sum(before[m] for m in came)
    assert all(after[m] == before[m] for m in after if m not in came)


def test_days_count_to_the_end_of_the_shop_day_whatever_the_hour() -> None:
    sales = [s for s in synthetic_shop() if s.at < DAY_START]
    log = purchase_log(sales)
    morning, evening = (
        churn_report(LogSource(log, members_from(log)), DAY_START + timedelta(hours=h), HORIZON)
        for h in (1, 23)
    )
    assert morning == evening.__class__(**{**evening.__dict__, "at": morning.at})  # type: ignore[union-attr]
    assert churn_day(AT, "UTC") == (DAY_START, DAY_START + timedelta(days=1))
    assert churn_day(DAY_START, "UTC") == (DAY_START, DAY_START)
    late = datetime(2026, 3, 31, 15, 0, tzinfo=UTC)  # 23:00 in Shanghai
    assert churn_day(late, "Asia/Shanghai") == (
        datetime(2026, 3, 30, 16, 0, tzinfo=UTC),
        datetime(2026, 3, 31, 16, 0, tzinfo=UTC),
    )


def churn_workings_for(sales: list[Sale]) -> ChurnWorkings | NotEnoughHistory:
    log = purchase_log(sales)
    return churn_workings(LogSource(log, members_from(log)), AT, HORIZON)


def test_the_same_data_give_the_same_risks() -> None:
    assert report_for(synthetic_shop(seed=3)) == report_for(synthetic_shop(seed=3))


def test_bgnbd_expected_purchases_rank_fewest_first_at_the_test_cutoff() -> None:
    sales = synthetic_shop()
    calls = []

    def oracle(log: pd.DataFrame, cutoff: datetime, horizon_days: int) -> pd.Series:
        """Knows the future: each member's real purchases in the horizon (none: left out)."""
        calls.append((log["at"].max(), cutoff, horizon_days))
        ahead = [s.member_no for s in sales if cutoff < s.at <= cutoff + timedelta(horizon_days)]
        return pd.Series(ahead).value_counts().astype(float)

    report = report_for(sales, expected_purchases=oracle)
    assert isinstance(report, ChurnReport)
    assert report.backtest.auc_bgnbd == 1.0
    ((seen_until, cutoff, horizon),) = calls
    assert cutoff == DAY_START - timedelta(days=HORIZON)
    assert seen_until <= pd.Timestamp(cutoff)
    assert horizon == HORIZON

    def backwards(log: pd.DataFrame, cutoff: datetime, horizon_days: int) -> pd.Series:
        return -oracle(log, cutoff, horizon_days)

    report = report_for(sales, expected_purchases=backwards)
    assert isinstance(report, ChurnReport)
    assert report.backtest.auc_bgnbd is not None
    assert report.backtest.auc_bgnbd < 0.5


def test_a_shop_with_a_handful_of_members_gets_not_enough_history() -> None:
    outcome = report_for(synthetic_shop(members=10))
    assert isinstance(outcome, NotEnoughHistory)
    assert outcome.reason == "too_few_members"
    assert outcome.members == 10
    assert "Not enough history" in outcome.message


def test_a_shop_where_nobody_stops_gets_not_enough_history() -> None:
    regulars = [s for s in synthetic_shop() if int(s.member_no[1:]) % 2 == 0]
    outcome = report_for(regulars)
    assert isinstance(outcome, NotEnoughHistory)
    assert outcome.reason == "one_outcome"
    assert (outcome.members, outcome.churned) == (150, 0)


def test_an_empty_shop_gets_not_enough_history() -> None:
    outcome = report_for([])
    assert isinstance(outcome, NotEnoughHistory)
    assert (outcome.reason, outcome.members) == ("too_few_members", 0)


def test_a_moment_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        churn_report(
            LogSource(purchase_log([]), members_from(purchase_log([]))),
            AT.replace(tzinfo=None),
            HORIZON,
        )


@dataclass
class TieredSource(LogSource):
    """Regulars are Gold and lapsers Bronze; at the report moment the regulars become Platinum."""

    def member_snapshot(self, at: datetime) -> pd.DataFrame:
        members = super().member_snapshot(at).copy()
        top = "Platinum" if at >= AT else "Gold"
        members["tier"] = [top if int(n[1:]) % 2 == 0 else "Bronze" for n in members["member_no"]]
        return members


def test_a_tier_first_seen_at_the_report_moment_still_gets_risks() -> None:
    log = purchase_log(synthetic_shop())
    report = churn_report(TieredSource(log, members_from(log)), AT, HORIZON)
    assert isinstance(report, ChurnReport)
    assert len(report.members) == 300
    assert all(0 <= r.risk <= 1 for r in report.members)


def test_a_large_shop_trains_on_a_fixed_sample_and_still_scores_everyone() -> None:
    assert list(training_sample(5, cap=10)) == [0, 1, 2, 3, 4]
    chosen = training_sample(1_000, cap=100)
    assert len(chosen) == len(set(chosen)) == 100
    assert list(chosen) == sorted(chosen)
    assert chosen.max() < 1_000
    assert list(chosen) == list(training_sample(1_000, cap=100)), "the same sample every time"
    rng = np.random.default_rng(3)
    n = TRAIN_CAP + 500
    recency = rng.uniform(0, 300, n)
    features = pd.DataFrame({name: rng.uniform(0, 5, n) for name in FEATURES})
    features["recency_days"] = recency
    features["tier"] = 0.0
    churned = pd.Series(recency + rng.normal(0, 30, n) > 150)
    model = fit_churn_model(features, churned)
    risks = churn_probability(model, features)
    assert len(risks) == n
    assert roc_auc_score(churned, risks) > 0.8, "the sample still learns who stopped coming"
