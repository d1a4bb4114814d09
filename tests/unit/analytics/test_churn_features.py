"""Churn features of hand-made members: recency, gaps, trend, tenure, tier, campaigns, and the label."""

from __future__ import annotations

import math
from datetime import timedelta

import pandas as pd

from loyalty_desktop.analytics.churn_features import (
    FEATURES,
    bought_nothing,
    churn_features,
    known_tiers,
)

from .purchase_logs import AT, Sale, members_from, purchase_log


def regular_and_new_member() -> tuple[pd.DataFrame, pd.DataFrame]:
    # A: four purchase days 10 days apart, the last 5 days before the cut-off, one with a
    # campaign; two sales on one day count as one visit. N: joined 30 days ago, never bought.
    base = AT - timedelta(days=35)
    sales = [
        Sale("A", base, 1000),
        Sale("A", base + timedelta(days=10), 2000, campaign=True),
        Sale("A", base + timedelta(days=10, hours=1), 500),
        Sale("A", base + timedelta(days=20), 1000),
        Sale("A", base + timedelta(days=30), 1000),
        Sale("A", AT + timedelta(days=1), 9999),  # after the cut-off: unseen
    ]
    log = purchase_log(sales)
    members = members_from(log, tiers={"A": "Gold"})
    joined = pd.DataFrame(
        {
            "member_no": ["N"],
            "joined_at": pd.to_datetime([AT - timedelta(days=30)], utc=True),
            "balance": [120],
            "tier": [None],
            "consent": [True],
        }
    )
    return log, pd.concat([members, joined], ignore_index=True)


def test_a_regular_members_figures_as_of_the_cutoff() -> None:
    log, members = regular_and_new_member()
    features = churn_features(log, members, AT, known_tiers(members))
    assert list(features.columns) == list(FEATURES)
    a = features.loc["A"]
    assert a["recency_days"] == 5
    assert a["frequency"] == 4
    assert a["monetary"] == 5500
    assert a["tenure_days"] == 35
    assert (a["gap_mean_days"], a["gap_std_days"], a["overdue"]) == (10, 0, 0.5)
    assert (a["visits_last_90"], a["visits_prev_90"], a["visit_trend"]) == (4, 0, 1)
    assert a["tier"] == 0  # the only tier known, "Gold"
    assert a["campaign_share"] == 1 / 5  # one of the five sales


def test_a_member_who_never_bought_counts_recency_from_joining() -> None:
    log, members = regular_and_new_member()
    n = churn_features(log, members, AT, ("Gold",)).loc["N"]
    assert (n["recency_days"], n["frequency"], n["monetary"], n["tenure_days"]) == (30, 0, 0, 30)
    assert n["balance"] == 120
    assert all(math.isnan(n[name]) for name in ("gap_mean_days", "tier", "campaign_share"))


def test_members_who_join_after_the_cutoff_are_left_out() -> None:
    log, members = regular_and_new_member()
    features = churn_features(log, members, AT - timedelta(days=31), ("Gold",))
    assert list(features.index) == ["A"]
    assert features.loc["A", "frequency"] == 1


def test_the_label_is_buying_nothing_in_the_horizon() -> None:
    log = purchase_log(
        [
            Sale("A", AT + timedelta(days=29)),
            Sale("B", AT + timedelta(days=31)),
            Sale("C", AT + timedelta(days=3), amount=0),  # refunded in full
        ]
    )
    index = pd.Index(["A", "B", "C", "D"], name="member_no")
    assert bought_nothing(log, index, AT, 30).tolist() == [False, True, True, True]
