"""The CLV report: model figures per member, the seed formula beside them, and plain answers on thin data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import numpy as np
import pandas as pd
import pytest

from loyalty_desktop.analytics.clv import (
    ClvReport,
    clv_from_log,
    clv_report,
    expected_purchases_by_member,
)
from loyalty_desktop.analytics.clv_simulation import simulate_customers
from tests.unit.analytics.clv_logs import purchase_log

SHOP = timezone(timedelta(hours=8))
AT = datetime(2026, 6, 30, 22, 0, tzinfo=SHOP)
FIRST = datetime(2025, 1, 1, 10, 0, tzinfo=SHOP)


def simulated_log(size: int = 3000, seed: int = 7) -> pd.DataFrame:
    """Purchases of members drawn from the CDNOW model, days apart, ending by ``AT``'s day."""
    customers = simulate_customers(
        size, (0.243, 4.414, 0.793, 2.426), (6.25, 3.74, 15.44), 78, seed=seed, days_per_unit=7
    )
    rng = np.random.default_rng(seed)
    sales = []
    for i, row in enumerate(customers.itertuples()):
        first = AT.replace(hour=10) - timedelta(days=round(row.T * 7))
        sales.append((f"M{i:05d}", first, int(rng.integers(500, 8000))))
        if row.frequency and round(row.recency * 7) > 0:
            gaps = np.sort(rng.choice(np.arange(1, round(row.recency * 7) + 1), row.frequency - 1))
            days = [*np.unique(gaps).tolist(), round(row.recency * 7)]
            for d in days:
                sales.append((f"M{i:05d}", first + timedelta(days=d), int(rng.integers(500, 8000))))
    return purchase_log(*[s for s in sales if s[1] <= AT])


@dataclass
class LogSource:
    """A report source that only has a purchase log, and remembers the moments it was asked for."""

    log: pd.DataFrame
    asked: list[datetime] = field(default_factory=list)

    def purchase_log(self, end: datetime) -> pd.DataFrame:
        self.asked.append(end)
        return self.log[self.log["at"] <= end]


@pytest.fixture(scope="module")
def log() -> pd.DataFrame:
    return simulated_log()


@pytest.fixture(scope="module")
def report(log: pd.DataFrame) -> ClvReport:
    return clv_from_log(log, AT, horizon_days=365)


def test_each_members_clv_is_expected_purchases_times_expected_spend(report: ClvReport) -> None:
    assert report.unfitted is None
    for member in report.members[:200]:
        assert member.expected_purchases is not None
        assert member.expected_value is not None
        # expected_value is rounded to a whole fen; clv is computed before that rounding.
        slack = 0.5 * member.expected_purchases + 0.5
        assert member.clv == pytest.approx(
            member.expected_purchases * member.expected_value, abs=slack
        )


def test_a_member_who_went_quiet_is_worth_less_than_one_who_keeps_buying() -> None:
    regular = [("A", FIRST + timedelta(days=30 * k), 5000) for k in range(18)]
    gone = [("B", FIRST + timedelta(days=10 * k), 5000) for k in range(18)]
    others = simulated_log(800, seed=8)
    report = clv_from_log(pd.concat([purchase_log(*regular, *gone), others]), AT, 180)
    a, b = (next(m for m in report.members if m.member_no == n) for n in ("A", "B"))
    assert a.frequency == b.frequency == 17
    assert a.p_alive is not None
    assert b.p_alive is not None
    assert a.p_alive > 0.5 > b.p_alive
    assert a.clv is not None
    assert b.clv is not None
    assert a.clv > 2 * b.clv


def test_discounting_lowers_the_value_and_leaves_the_forecast_alone(log: pd.DataFrame) -> None:
    plain = clv_from_log(log, AT, horizon_days=365)
    discounted = clv_from_log(log, AT, horizon_days=365, monthly_discount=0.01)
    total = sum(m.clv or 0 for m in plain.members)
    lower = sum(m.clv or 0 for m in discounted.members)
    assert 0.9 * total < lower < total  # 1% a month: every month's share worth 1-12% less
    assert [m.expected_purchases for m in plain.members] == [
        m.expected_purchases for m in discounted.members
    ]


def test_the_report_reads_the_log_as_of_its_moment_and_nothing_later(log: pd.DataFrame) -> None:
    later = purchase_log(("M00000", AT + timedelta(hours=1), 999_999))
    source = LogSource(pd.concat([log, later], ignore_index=True))
    report = clv_report(source, AT, horizon_days=90, time_unit="days")
    assert source.asked == [AT]
    assert report.time_unit == "days"
    assert report.members == clv_from_log(log, AT, horizon_days=90, time_unit="days").members


def test_the_json_shape_is_the_one_the_report_command_promises(report: ClvReport) -> None:
    shape = report.as_dict(money=lambda minor: f"{minor / 100:.2f}")
    json.dumps(shape)  # plain JSON types only
    assert shape["time_unit"] == "weeks"
    assert set(shape["bgnbd"]) == {"r", "alpha", "a", "b", "loglik"}
    assert set(shape["gamma_gamma"]) == {"p", "q", "gamma"}
    member = shape["members"][0]
    assert {
        "member_no",
        "frequency",
        "recency",
        "T",
        "expected_purchases",
        "p_alive",
        "expected_value",
        "clv",
    } <= set(member)
    assert isinstance(member["clv"], str)


def test_the_seed_formula_multiplies_its_four_factors() -> None:
    # Two members buying 100.00 on the 1st of each month for a year; one stops half way.
    steady = [("A", datetime(2025, m, 1, 12, tzinfo=SHOP), 10_000) for m in range(7, 13)]
    steady += [("A", datetime(2026, m, 1, 12, tzinfo=SHOP), 10_000) for m in range(1, 7)]
    stopped = [("B", datetime(2025, m, 1, 12, tzinfo=SHOP), 10_000) for m in range(7, 13)]
    report = clv_from_log(purchase_log(*steady, *stopped), AT, horizon_days=90)
    seed = report.seed
    assert seed.average_purchase == 10_000
    assert seed.retention_days == 90
    assert seed.retention_rate == 1.0  # only A bought in the 90 days before the last 90, and again
    assert seed.lifetime_months == pytest.approx(90 / 30.4375)
    assert seed.clv == pytest.approx(
        seed.average_purchase * seed.purchases_per_month * 1.0 * seed.lifetime_months, abs=1
    )
    a, b = report.members
    assert a.seed_clv is not None
    assert b.seed_clv is not None
    assert a.seed_clv > b.seed_clv  # B's spend per month is spread over a longer idle time


def test_shops_without_repeat_buyers_get_a_reason_instead_of_a_model() -> None:
    one_day = [
        (f"M{i}", datetime(2026, 6, 1, 9 + i, tzinfo=SHOP), 1000 * (i + 1)) for i in range(6)
    ]
    report = clv_from_log(purchase_log(*one_day), AT, horizon_days=30)
    assert report.bgnbd is None
    assert report.unfitted is not None
    assert "repeat purchase" in report.unfitted
    assert len(report.members) == 6
    assert all(m.clv is None and m.frequency == 0 for m in report.members)
    assert report.as_dict()["bgnbd"] is None


def test_a_single_member_gets_a_reason_too() -> None:
    alone = [("A", FIRST + timedelta(days=7 * k), 2000) for k in range(20)]
    report = clv_from_log(purchase_log(*alone), AT, horizon_days=30)
    assert report.unfitted is not None
    assert [m.member_no for m in report.members] == ["A"]
    assert report.members[0].frequency == 19


def test_an_empty_shop_gets_an_empty_report() -> None:
    report = clv_from_log(purchase_log(), AT, horizon_days=30)
    assert report.members == ()
    assert report.unfitted is not None
    assert report.seed.clv is None


def test_a_negative_horizon_is_refused(log: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="horizon"):
        clv_from_log(log, AT, horizon_days=-1)


def test_a_shop_whose_members_never_lapse_still_gets_finite_forecasts() -> None:
    rng = np.random.default_rng(9)
    sales = []
    for i in range(300):
        start = AT.replace(hour=10) - timedelta(days=int(rng.integers(30, 700)))
        days = np.cumsum(rng.exponential(7.0, size=200)).astype(int)
        sales += [(f"M{i:03d}", start + timedelta(days=int(d)), 3000) for d in days]
    report = clv_from_log(purchase_log(*[s for s in sales if s[1] <= AT]), AT, 365)
    assert report.unfitted is None
    assert all(m.clv is not None and m.clv > 0 for m in report.members)
    assert all(m.p_alive is not None and m.p_alive > 0.5 for m in report.members)
    # About one purchase day a week for a year.
    purchases = [m.expected_purchases or 0.0 for m in report.members]
    assert 35 < float(np.median(purchases)) < 60


def test_the_churn_baseline_gets_the_reports_expected_purchases_by_member(
    log: pd.DataFrame, report: ClvReport
) -> None:
    expected = expected_purchases_by_member(log, AT, 365)
    assert list(expected.index) == [m.member_no for m in report.members]
    assert expected.to_numpy() == pytest.approx([m.expected_purchases for m in report.members])
    assert expected_purchases_by_member(purchase_log(), AT, 365).empty
