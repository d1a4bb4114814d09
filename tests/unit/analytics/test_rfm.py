"""RFM: quintile scores that survive ties, the published R×F segment grid, and hand-made members."""

from __future__ import annotations

import re
from datetime import timedelta

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from loyalty_desktop.analytics.rfm import quintile_scores, rfm_report, rfm_table
from loyalty_desktop.analytics.rfm_segments import SEGMENTS, segment_key

from .purchase_logs import AT, LogSource, Sale, members_from, purchase_log

# The segment map as the published notebooks write it (regular expressions on "RF").
PUBLISHED_SEG_MAP = {
    r"[1-2][1-2]": "hibernating",
    r"[1-2][3-4]": "at_risk",
    r"[1-2]5": "cant_lose",
    r"3[1-2]": "about_to_sleep",
    r"33": "need_attention",
    r"[3-4][4-5]": "loyal",
    r"41": "promising",
    r"51": "new",
    r"[4-5][2-3]": "potential_loyalists",
    r"5[4-5]": "champions",
}


def test_distinct_values_split_into_equal_fifths_like_qcut_on_ranks() -> None:
    values = pd.Series(np.random.default_rng(7).permutation(50) * 3.5)
    expected = pd.qcut(values.rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    assert quintile_scores(values).tolist() == expected.tolist()
    assert quintile_scores(values, lower_is_better=True).tolist() == (6 - expected).tolist()


def test_heavy_ties_share_a_score_and_the_worst_value_scores_one() -> None:
    # Six of ten members bought on one day only: qcut on the values cannot make five bins.
    frequency = pd.Series([1, 1, 1, 1, 1, 1, 2, 3, 5, 9])
    assert quintile_scores(frequency).tolist() == [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]


@given(st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=80))
def test_scores_are_one_to_five_equal_for_equals_and_never_lower_for_better(
    values: list[int],
) -> None:
    series = pd.Series(values)
    scores = quintile_scores(series)
    assert scores.between(1, 5).all()
    by_value = pd.DataFrame({"value": series, "score": scores}).groupby("value")["score"]
    assert (by_value.nunique() == 1).all()
    assert by_value.first().is_monotonic_increasing
    assert scores[series == series.min()].eq(1).all()


def test_the_grid_gives_each_of_the_25_cells_the_published_segment() -> None:
    for r in range(1, 6):
        for f in range(1, 6):
            published = [
                name for rx, name in PUBLISHED_SEG_MAP.items() if re.fullmatch(rx, f"{r}{f}")
            ]
            assert published == [segment_key(r, f)], (r, f)
    assert {segment.key for segment in SEGMENTS} == set(PUBLISHED_SEG_MAP.values())


# Member: (days since the last purchase, purchase days) -> the segment they must land in.
# Ten members with distinct recencies and frequencies hold two of each score 1-5.
HAND_MADE = {
    "A": (1, 10, "champions"),  # R5 F5
    "B": (2, 1, "new"),  # R5 F1
    "C": (10, 9, "cant_lose"),  # R1 F5
    "D": (9, 2, "hibernating"),  # R1 F1
    "E": (5, 5, "need_attention"),  # R3 F3
    "F": (6, 3, "about_to_sleep"),  # R3 F2
    "G": (3, 8, "loyal"),  # R4 F4
    "H": (4, 4, "potential_loyalists"),  # R4 F2
    "I": (7, 6, "at_risk"),  # R2 F3
    "J": (8, 7, "at_risk"),  # R2 F4
}


def hand_made_sales() -> list[Sale]:
    sales = []
    for member, (recency, days, _) in HAND_MADE.items():
        last = AT - timedelta(days=recency, hours=3)
        sales += [Sale(member, last - timedelta(days=20 * k), amount=1000) for k in range(days)]
    return sales


def test_hand_made_members_land_in_their_segments() -> None:
    log = purchase_log(hand_made_sales())
    report = rfm_report(LogSource(log, members_from(log)), AT)
    found = {m.member_no: (m.recency_days, m.frequency, m.segment) for m in report.members}
    assert found == {member: spec for member, spec in HAND_MADE.items()}
    champion = next(m for m in report.members if m.member_no == "A")
    assert (champion.r, champion.f, champion.m, champion.monetary) == (5, 5, 5, 10_000)


def test_segment_totals_add_up_to_the_members_and_their_spend() -> None:
    log = purchase_log(hand_made_sales())
    report = rfm_report(LogSource(log, members_from(log)), AT)
    assert [s.key for s in report.segments] == [s.key for s in SEGMENTS]
    sizes = {s.key: s.members for s in report.segments}
    assert sizes["at_risk"] == 2
    assert sizes["promising"] == 0
    assert sum(sizes.values()) == len(report.members) == 10
    assert sum(s.revenue for s in report.segments) == int(log["amount"].sum())
    assert all(s.action for s in report.segments)


def test_same_day_sales_are_one_purchase_and_a_full_refund_none() -> None:
    morning = AT - timedelta(days=3, hours=6)
    log = purchase_log(
        [
            Sale("A", morning, 500),
            Sale("A", morning + timedelta(hours=2), 700),
            Sale("A", AT - timedelta(days=1), 0),  # refunded in full: not a visit, no spend
            Sale("B", AT - timedelta(days=40), 300),
        ]
    )
    table = rfm_table(log, AT)
    assert table.loc["A", ["recency_days", "frequency", "monetary"]].tolist() == [3, 1, 1200]
    assert table.loc["B", ["recency_days", "frequency", "monetary"]].tolist() == [40, 1, 300]


def test_sales_after_the_moment_are_not_seen() -> None:
    past = [Sale("A", AT - timedelta(days=30)), Sale("B", AT - timedelta(days=2))]
    future = [Sale("A", AT + timedelta(minutes=1)), Sale("C", AT + timedelta(days=1))]
    before = rfm_table(purchase_log(past), AT)
    with_future = rfm_table(purchase_log(past + future), AT)
    pd.testing.assert_frame_equal(before, with_future)
    assert list(with_future.index) == ["A", "B"]


def test_no_sales_give_ten_empty_segments() -> None:
    empty = purchase_log([])
    report = rfm_report(LogSource(empty, members_from(empty)), AT)
    assert report.members == ()
    assert [(s.members, s.revenue) for s in report.segments] == [(0, 0)] * 10
