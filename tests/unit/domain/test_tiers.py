from decimal import Decimal

from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.domain.tiers import (
    TierStanding,
    basis_value,
    composite_score,
    next_tier,
    tier_for,
)

LEVELS = """
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Silver"
threshold = "1000"
[[tiers.levels]]
name = "Gold"
threshold = "5000"
"""
CNY = Currency.of("CNY")


def tier_name(text: str, standing: TierStanding) -> str | None:
    rule = parse_program(text).tiers
    level = tier_for(rule, basis_value(rule, standing, CNY))
    return level.name if level else None


def test_the_top_tier_is_reachable() -> None:
    # The seeds' example checked the lowest threshold first, so nobody ever left Bronze.
    assert tier_name(LEVELS, TierStanding(lifetime_spend=600_000)) == "Gold"
    assert tier_name(LEVELS, TierStanding(lifetime_spend=100_000)) == "Silver"
    assert tier_name(LEVELS, TierStanding(lifetime_spend=99_999)) == "Bronze"


def test_rolling_spend_counts_only_the_window() -> None:
    text = '[tiers]\nbasis = "rolling_spend"\n' + LEVELS
    assert tier_name(text, TierStanding(lifetime_spend=900_000, rolling_spend=150_000)) == "Silver"


def test_points_earned_basis() -> None:
    text = '[tiers]\nbasis = "points_earned"\n' + LEVELS.replace('"1000"', "1000").replace(
        '"5000"', "5000"
    )
    assert tier_name(text, TierStanding(points_earned=5000)) == "Gold"


def test_composite_score_weights_spend_activity_and_interaction() -> None:
    scale = parse_program(
        ""
    ).tiers.score  # spend 10000 → 100, 24 visits → 100, 12 interactions → 100
    full = TierStanding(rolling_spend=1_000_000, visits=24, interactions=12)
    assert composite_score(scale, full, CNY) == Decimal("100.00")
    half_spend = TierStanding(rolling_spend=500_000)
    assert composite_score(scale, half_spend, CNY) == Decimal("30.00")
    capped = TierStanding(rolling_spend=9_000_000, visits=100, interactions=0)
    assert composite_score(scale, capped, CNY) == Decimal("90.00")


def test_below_every_threshold_means_no_tier() -> None:
    text = '[[tiers.levels]]\nname = "VIP"\nthreshold = "100"\n'
    assert tier_name(text, TierStanding(lifetime_spend=500)) is None


def test_distance_to_the_next_tier() -> None:
    rule = parse_program(LEVELS).tiers
    upcoming = next_tier(rule, Decimal("800"))
    assert upcoming is not None
    assert upcoming[0].name == "Silver"
    assert upcoming[1] == Decimal(200)
    assert next_tier(rule, Decimal("5000")) is None
