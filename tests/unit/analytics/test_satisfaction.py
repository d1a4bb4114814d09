"""The satisfaction report: CSAT and NPS as a manager reads them, small groups flagged, repurchase with its interval."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from loyalty_desktop.analytics.proportions import difference, net_share, wilson
from loyalty_desktop.analytics.satisfaction import MIN_ANSWERS, satisfaction_report
from loyalty_desktop.domain.program import LifecycleRule
from loyalty_desktop.domain.surveys import SurveyAnswer, SurveyScale
from tests.unit.analytics.clv_logs import purchase_log

START = datetime(2025, 1, 1, tzinfo=UTC)
END = datetime(2025, 12, 31, tzinfo=UTC)


def answer(
    member: str,
    score: int,
    at: datetime,
    *,
    scale: SurveyScale = SurveyScale.STARS,
    staff: str | None = "Ann",
    tier: str | None = "Gold",
) -> SurveyAnswer:
    return SurveyAnswer(
        id=f"{member}-{at.isoformat()}",
        member_id=member,
        member_no=member,
        score=score,
        scale=scale,
        sale_no=None,
        store="till-1",
        staff=staff,
        tier=tier,
        at=at,
        recorded_at=at,
    )


def report(
    answers: list[SurveyAnswer], sales: list[tuple[str, datetime, int]], scale=SurveyScale.STARS
):  # type: ignore[no-untyped-def]
    return satisfaction_report(
        answers, purchase_log(*sales), START, END, "Asia/Shanghai", LifecycleRule(), scale, 90
    )


def test_csat_is_the_share_of_four_and_five_stars() -> None:
    day = datetime(2025, 3, 1, 10, tzinfo=UTC)
    scores = [5, 4, 4, 3, 1]
    found = report([answer(f"M{i}", s, day) for i, s in enumerate(scores)], [])
    assert (found.overall.answers, found.overall.satisfied, found.overall.dissatisfied) == (5, 3, 1)
    assert found.overall.score is not None
    assert found.overall.score.estimate == pytest.approx(0.6)
    assert found.overall.too_small  # five answers say little
    assert [m.key for m in found.months] == ["2025-03"]


def test_nps_is_promoters_minus_detractors_and_old_star_answers_are_left_out() -> None:
    day = datetime(2025, 5, 1, 10, tzinfo=UTC)
    nps = [10, 9, 9, 8, 7, 6, 0, 3, 10, 10]  # 5 promoters, 3 detractors of 10
    answers = [answer(f"M{i}", s, day, scale=SurveyScale.NPS) for i, s in enumerate(nps)]
    answers.append(answer("OLD", 5, day))  # given when the shop still asked for stars
    found = report(answers, [], SurveyScale.NPS)
    assert found.overall.score is not None
    assert found.overall.score.estimate == pytest.approx(0.2)
    assert (found.overall.answers, found.other_scale) == (10, 1)


def test_groups_by_staff_and_tier_say_which_are_too_small() -> None:
    day = datetime(2025, 6, 1, 10, tzinfo=UTC)
    answers = [answer(f"A{i}", 5, day, staff="Ann") for i in range(MIN_ANSWERS)]
    answers += [answer(f"B{i}", 1, day, staff="Bo", tier=None) for i in range(3)]
    found = report(answers, [])
    by_staff = {g.key: g for g in found.staff}
    assert (by_staff["Ann"].answers, by_staff["Ann"].too_small) == (MIN_ANSWERS, False)
    assert (by_staff["Bo"].answers, by_staff["Bo"].too_small) == (3, True)
    assert {g.key for g in found.tiers} == {"Gold", ""}


def test_the_stage_is_the_members_stage_on_the_day_they_answered() -> None:
    first = datetime(2025, 2, 1, 10, tzinfo=UTC)
    sales = [("M1", first, 5000), ("N1", first - timedelta(days=300), 5000)]
    answers = [answer("M1", 5, first + timedelta(minutes=5)), answer("N1", 2, first)]
    found = report(answers, sales)
    assert {g.key: g.answers for g in found.stages} == {"new": 1, "lapsed": 1}


def test_the_repurchase_gap_interval_contains_the_true_gap_of_a_synthetic_shop() -> None:
    """Satisfied members come back within 90 days with p=0.6, dissatisfied with p=0.3: the gap is 0.3."""
    rng = random.Random(14)
    answers, sales = [], []
    for i in range(1200):
        member = f"M{i}"
        asked = START + timedelta(days=rng.randrange(0, 200), hours=3)
        happy = i % 2 == 0
        answers.append(answer(member, rng.choice([4, 5]) if happy else rng.choice([1, 2]), asked))
        sales.append((member, asked - timedelta(minutes=5), 3000))
        if rng.random() < (0.6 if happy else 0.3):
            sales.append((member, asked + timedelta(days=rng.randrange(1, 90)), 3000))
        else:  # comes back, but only after the window: not a repurchase
            sales.append((member, asked + timedelta(days=120), 3000))
    found = report(answers, sales)
    assert (found.satisfied.members, found.dissatisfied.members) == (600, 600)
    assert found.gap is not None
    assert found.gap.low < 0.3 < found.gap.high
    assert found.gap.low > 0  # and the shop can tell the two apart


def test_answers_whose_window_has_not_ended_are_not_counted_for_repurchase() -> None:
    late = END - timedelta(days=10)
    found = report([answer("M1", 5, late)], [("M1", late - timedelta(hours=1), 3000)])
    assert found.overall.answers == 1
    assert found.satisfied.members == 0
    assert found.gap is None


def test_wilson_stays_inside_zero_and_one_and_newcombe_agrees_with_a_textbook_case() -> None:
    none = wilson(0, 10)
    assert none is not None
    assert none.low == 0.0
    assert none.high == pytest.approx(0.2775, abs=1e-4)
    # Newcombe (1998), table II example: 56/70 against 48/80 gives 0.2 (0.0524 to 0.3339).
    gap = difference(wilson(56, 70), wilson(48, 80))
    assert gap is not None
    assert (gap.low, gap.high) == (pytest.approx(0.0524, abs=1e-4), pytest.approx(0.3339, abs=1e-4))
    assert net_share(0, 0, 0) is None
