"""Offers: audience rules, the fixed control group, coupon codes and the offer file."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from loyalty_desktop.domain.cards import payment_kind
from loyalty_desktop.domain.coupons import (
    CouponCode,
    InvalidCoupon,
    coupon_shaped,
    decode_coupon,
    encode_coupon,
)
from loyalty_desktop.domain.errors import InvalidRequest, LoyaltyError
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.offer_file import parse_offer
from loyalty_desktop.domain.offers import (
    Audience,
    MemberProfile,
    Offer,
    OfferKind,
    chosen_by,
    extra_points,
    in_control,
    money_off,
)
from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.domain.reasons import describe

CNY = Currency.of("CNY")
KEYS = {1: b"k" * 32}
START, END = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)


def _offer(kind: OfferKind, **values: object) -> Offer:
    return Offer("o1", "Test", kind, START, END, Audience(), **values)  # type: ignore[arg-type]


def test_audience_needs_every_rule_and_says_which_chose_the_member() -> None:
    audience = Audience(tiers=("Gold",), stages=("lapsed", "declining"))
    gold_lapsed = MemberProfile("m1", "M1", tier="Gold", stage="lapsed")
    assert chosen_by(audience, gold_lapsed) == "tier=Gold; stage=lapsed"
    assert chosen_by(audience, MemberProfile("m2", "M2", tier="Gold", stage="loyal")) is None
    assert chosen_by(audience, MemberProfile("m3", "M3", tier="Silver", stage="lapsed")) is None
    assert chosen_by(Audience(), gold_lapsed) == "everyone with marketing consent"


def test_audience_by_birthday_category_store_and_list() -> None:
    who = MemberProfile(
        "m1", "M1", birthday_month=3, categories=frozenset({"tea"}), stores=frozenset({"s1"})
    )
    assert chosen_by(Audience(birthday_months=(3,)), who) == "birthday_month=3"
    assert chosen_by(Audience(birthday_months=(4,)), who) is None
    assert chosen_by(Audience(categories=("tea", "cake")), who) == "category=tea"
    assert chosen_by(Audience(stores=("s2",)), who) is None
    assert chosen_by(Audience(members=("M1",)), who) == "list=M1"


def test_control_group_is_fixed_by_seed_and_close_to_its_share() -> None:
    ids = [f"member-{i}" for i in range(5000)]
    first = [m for m in ids if in_control(7, m, Decimal("0.10"))]
    again = [m for m in ids if in_control(7, m, Decimal("0.10"))]
    other_seed = [m for m in ids if in_control(8, m, Decimal("0.10"))]
    assert first == again
    assert first != other_seed
    assert 400 <= len(first) <= 600
    assert not any(in_control(7, m, Decimal(0)) for m in ids)


def test_coupon_code_round_trips_and_never_looks_like_a_card_or_payment() -> None:
    code = encode_coupon(CouponCode(1, 123456), KEYS[1])
    assert code.isdigit()
    assert len(code) == 27
    assert code.startswith("97")
    assert coupon_shaped(code)
    assert payment_kind(code) is None
    assert decode_coupon(code, KEYS) == CouponCode(1, 123456)
    assert decode_coupon("９７" + code[2:], KEYS).number == 123456  # full width from an IME


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda c: c[:-3] + c[-2:], "coupon_not_a_coupon"),
        (lambda c: c[:-1] + str((int(c[-1]) + 1) % 10), "coupon_misread"),
        (lambda c: "1" + c[1:], "coupon_not_a_coupon"),
    ],
)
def test_mangled_coupon_codes_are_refused_with_a_reason(mangle, reason) -> None:  # type: ignore[no-untyped-def]
    code = encode_coupon(CouponCode(1, 42), KEYS[1])
    with pytest.raises(InvalidCoupon) as refused:
        decode_coupon(mangle(code), KEYS)
    assert refused.value.reason == reason


_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_a_coupon_typed_in_other_scripts_digits_is_refused_not_a_crash() -> None:
    """Digits that NFKC keeps (Arabic-Indic, Devanagari…) are not ours: a refusal, never a 500."""
    code = encode_coupon(CouponCode(1, 42), KEYS[1])
    other = code[:3] + code[3:-1].translate(_ARABIC_INDIC) + code[-1]
    assert not coupon_shaped(other)
    with pytest.raises(InvalidCoupon) as refused:
        decode_coupon(other, KEYS)
    assert refused.value.reason == "coupon_not_a_coupon"


def test_a_coupon_signed_with_another_key_is_forged() -> None:
    foreign = encode_coupon(CouponCode(1, 42), b"x" * 32)
    with pytest.raises(InvalidCoupon) as refused:
        decode_coupon(foreign, KEYS)
    assert refused.value.reason == "coupon_forged"


def test_coupon_values_per_kind() -> None:
    line = SaleLine("TEA", Decimal(2), Decimal("15"), None, 3000, 3000)
    assert money_off(_offer(OfferKind.MONEY_OFF, amount=1000), [line], 3000, CNY) == 1000
    assert money_off(_offer(OfferKind.MONEY_OFF, amount=9000), [line], 3000, CNY) == 3000
    assert money_off(_offer(OfferKind.PERCENT_OFF, percent=Decimal(15)), [line], 3333, CNY) == 499
    assert money_off(_offer(OfferKind.FREE_ITEM, sku="TEA"), [line], 3000, CNY) == 1500
    assert extra_points(_offer(OfferKind.MULTIPLIER, multiplier=Decimal(2)), 37) == 37
    assert extra_points(_offer(OfferKind.BONUS_POINTS, points=200), 0) == 200
    with pytest.raises(InvalidRequest) as refused:
        money_off(_offer(OfferKind.FREE_ITEM, sku="CAKE"), [line], 3000, CNY)
    assert refused.value.reason == "coupon_item_missing"
    with pytest.raises(InvalidRequest) as low:
        money_off(_offer(OfferKind.MONEY_OFF, amount=100, min_spend=5000), [line], 3000, CNY)
    assert low.value.details["minimum"] == "50.00"


GOOD = """
name = "Double points for lapsed Gold"
kind = "points_multiplier"
multiplier = "2"
start = "2026-01-01"
end = "2026-01-31"
budget = 50000
seed = 7

[audience]
tiers = ["Gold"]
stages = ["lapsed"]
"""


def test_offer_file_is_read_with_shop_days() -> None:
    offer = parse_offer(GOOD, CNY, "Asia/Shanghai", "double.toml", "o1")
    assert offer.kind is OfferKind.MULTIPLIER
    assert offer.multiplier == 2
    assert offer.audience == Audience(tiers=("Gold",), stages=("lapsed",))
    assert offer.starts_at == datetime(2025, 12, 31, 16, tzinfo=UTC)
    assert offer.ends_at == datetime(2026, 1, 31, 16, tzinfo=UTC)  # the end day is included
    assert offer.budget == 50000
    assert offer.control_share == Decimal("0.10")
    assert offer.seed == 7


@pytest.mark.parametrize(
    ("change", "reason", "where"),
    [
        (('kind = "points_multiplier"', 'kind = "cashback"'), "program_not_choice", ":3"),
        (('multiplier = "2"', 'multiplier = "1"'), "offer_gives_nothing", ":4"),
        (('end = "2026-01-31"', 'end = "2025-01-31"'), "offer_ends_before_start", ":6"),
        (('tiers = ["Gold"]', 'tier = ["Gold"]'), "program_unknown_key", ":11"),
        (("seed = 7", 'seed = "7"'), "program_not_integer", ":8"),
        (('name = "Double points for lapsed Gold"', ""), "offer_key_missing", "double.toml"),
        (("[audience]", "[audience"), "program_not_toml", "double.toml"),
        (('end = "2026-01-31"', 'end = "9999-12-31"'), "offer_day_range", ":6"),
        (
            ('name = "Double points for lapsed Gold"', 'name = "=1+1\\nline 2\\u0000"'),
            "offer_name",
            ":2",
        ),
        (('start = "2026-01-01"', 'start = "0001-01-01"'), "offer_day_range", ":5"),
    ],
)
def test_offer_file_mistakes_name_file_line_and_reason(change, reason, where) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LoyaltyError) as refused:
        parse_offer(GOOD.replace(*change), CNY, "UTC", "double.toml")
    assert refused.value.code == "bad_file"
    assert refused.value.reason == reason
    assert where in refused.value.message
    said = describe(refused.value, "zh_CN")
    assert "方案文件" not in said, said  # the offer file is not the programme file
    if "double.toml" in said:
        assert "优惠文件" in said, said


def test_a_programme_file_mistake_still_names_the_programme_file_in_chinese() -> None:
    with pytest.raises(LoyaltyError) as refused:
        parse_program("[earn]\npoints = 1.5\n", "shop.toml")
    assert describe(refused.value, "zh_CN").startswith("方案文件 shop.toml:2：")


def test_a_free_item_sku_with_control_characters_is_refused() -> None:
    """A NUL would be refused by PostgreSQL as an internal error; a newline breaks the SMS list."""
    text = GOOD.replace(
        'kind = "points_multiplier"\nmultiplier = "2"', 'kind = "free_item"\nsku = "TEA\\u0000"'
    )
    with pytest.raises(LoyaltyError) as refused:
        parse_offer(text, CNY, "UTC", "double.toml")
    assert refused.value.reason == "offer_sku"


@pytest.mark.parametrize(("name", "was"), [('"  "', "not empty text"), ("5", "not a whole number")])
def test_an_empty_or_wrong_kind_of_offer_name_says_which(name: str, was: str) -> None:
    # An empty name used to be refused as "must be non-empty text, not text".
    with pytest.raises(LoyaltyError) as refused:
        parse_offer(GOOD.replace('"Double points for lapsed Gold"', name), CNY, "UTC", "o.toml")
    assert refused.value.reason == "program_not_text"
    assert was in refused.value.message


MONEY_OFFER = """
name = "Ten off"
kind = "money_off"
amount = "10.00"
start = "2026-01-01"
end = "2026-01-31"
budget = BUDGET
"""


@pytest.mark.parametrize("budget", ['"-5.00"', '"0"', '"0.00"', '"-0.01"'])
def test_a_money_budget_of_nothing_or_less_gets_one_answer_more_than_nothing(budget: str) -> None:
    # "-5.00" used to say "must be at least 0", and then "0" said "must be more than nothing"
    with pytest.raises(LoyaltyError) as refused:
        parse_offer(MONEY_OFFER.replace("BUDGET", budget), CNY, "UTC", "ten.toml")
    assert refused.value.reason == "offer_budget"
    assert "more than nothing" in refused.value.message
    assert "ten.toml:7" in refused.value.message
    assert "预算须大于 0" in describe(refused.value, "zh_CN")


def test_a_money_budget_is_read_in_minor_units() -> None:
    offer = parse_offer(MONEY_OFFER.replace("BUDGET", '"500.00"'), CNY, "UTC", "ten.toml")
    assert offer.budget == 50000
