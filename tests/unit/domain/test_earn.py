from datetime import date
from decimal import Decimal
from fractions import Fraction

from loyalty_desktop.domain.earn import EarnContext, earn_points
from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.domain.program_file import parse_program

BASE = """
currency = "CNY"
[earn]
points = 1
per = "1.00"
min_order = "10.00"
exclude_categories = ["tobacco"]
exclude_skus = ["GIFTCARD"]
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Gold"
threshold = "1000"
earn_multiplier = "1.5"
"""
MONDAY = date(2025, 3, 3)
SATURDAY = date(2025, 3, 8)


def line(net: int, sku: str = "A", category: str | None = None) -> SaleLine:
    return SaleLine(sku, Decimal(1), Decimal(net) / 100, category, net, net)


def earn(
    text: str,
    lines: list[SaleLine],
    *,
    share: Fraction = Fraction(1),
    day: date = MONDAY,
    tier: str | None = "Bronze",
    birthday: date | None = None,
) -> tuple[int, tuple[str, ...]]:
    result = earn_points(
        parse_program(text),
        lines,
        cash_share=share,
        ctx=EarnContext(day, tier, birthday.month if birthday else None),
    )
    return result.points, result.campaigns


def test_points_are_floored_per_full_unit_of_net_spend() -> None:
    assert earn(BASE, [line(10599)]) == (105, ())


def test_excluded_categories_and_skus_earn_nothing() -> None:
    assert (
        earn(BASE, [line(5000), line(3000, category="tobacco"), line(2000, sku="GIFTCARD")])[0]
        == 50
    )


def test_a_sale_below_the_minimum_order_earns_nothing() -> None:
    assert earn(BASE, [line(999)])[0] == 0
    assert earn(BASE, [line(1000)])[0] == 10


def test_the_part_paid_with_points_earns_nothing() -> None:
    # 100.00 basket, 40.00 paid with points: 60 points, not 100.
    assert earn(BASE, [line(10000)], share=Fraction(6000, 10000))[0] == 60


def test_the_tier_multiplier_applies_to_the_floored_units() -> None:
    assert earn(BASE, [line(10599)], tier="Gold")[0] == 157  # floor(105 × 1.5)


CAMPAIGNS = (
    BASE
    + """
[[campaigns]]
name = "Weekend double"
start = "2025-01-01"
end = "2025-12-31"
multiplier = "2"
weekdays = ["sat", "sun"]

[[campaigns]]
name = "Drinks triple"
start = "2025-03-01"
end = "2025-03-31"
multiplier = "3"
categories = ["drinks"]

[[campaigns]]
name = "Gold bonus"
start = "2025-03-01"
end = "2025-03-31"
bonus = 50
tiers = ["Gold"]

[[campaigns]]
name = "Birthday"
multiplier = "2"
birthday_month = true

[[campaigns]]
name = "Member day"
bonus = 8
month_days = [8, 18, 28]
"""
)


def test_best_policy_takes_the_single_best_campaign() -> None:
    # Saturday the 8th: weekend ×2 (100) vs member-day bonus (50 + 8) → weekend double wins.
    assert earn(CAMPAIGNS, [line(5000)], day=SATURDAY) == (100, ("Weekend double",))


def test_a_category_campaign_multiplies_only_its_lines() -> None:
    points, used = earn(CAMPAIGNS, [line(2000, category="drinks"), line(3000, category="food")])
    assert (points, used) == (60 + 30, ("Drinks triple",))


def test_tier_filtered_campaign_only_for_that_tier() -> None:
    assert earn(CAMPAIGNS, [line(2000)], tier="Bronze") == (20, ())
    assert earn(CAMPAIGNS, [line(2000)], tier="Gold") == (80, ("Gold bonus",))  # 20×1.5=30 + 50


def test_birthday_month_campaign_needs_the_birthday_month() -> None:
    assert earn(CAMPAIGNS, [line(2000)], birthday=date(1990, 3, 20)) == (40, ("Birthday",))
    assert earn(CAMPAIGNS, [line(2000)], birthday=date(1990, 4, 20)) == (20, ())


def test_stack_policy_multiplies_multipliers_and_adds_bonuses() -> None:
    stacked = 'campaign_policy = "stack"\n' + CAMPAIGNS
    points, used = earn(
        stacked,
        [line(5000, category="drinks")],
        day=SATURDAY,
        tier="Gold",
        birthday=date(1990, 3, 1),
    )
    # 50 units × 1.5 (tier) × 2 (weekend) × 3 (drinks) × 2 (birthday) = 900, + 50 gold + 8 member day
    assert points == 958
    assert set(used) == {"Weekend double", "Drinks triple", "Gold bonus", "Birthday", "Member day"}


def test_campaigns_outside_their_dates_do_nothing() -> None:
    assert earn(CAMPAIGNS, [line(2000)], day=date(2026, 3, 7)) == (20, ())


def test_no_earning_rule_earns_nothing() -> None:
    assert earn("", [line(10000)], tier=None) == (0, ())


WINE_BONUS = (
    BASE.replace('min_order = "10.00"', 'min_order = "0"')
    + """
[[campaigns]]
name = "Wine bonus"
bonus = 100
categories = ["wine"]
"""
)


def test_a_category_bonus_needs_money_paid_for_that_category() -> None:
    assert earn(WINE_BONUS, [line(5000, category="wine"), line(5000)]) == (200, ("Wine bonus",))
    assert earn(WINE_BONUS, [line(0, category="wine"), line(500)]) == (5, ())  # a free bottle
    # After the wine is returned (its kept net is 0), the kept basket earns no bonus.
    assert earn(WINE_BONUS, [line(0, category="wine"), line(5000)]) == (50, ())
