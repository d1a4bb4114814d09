"""Refusals raised through the services read as whole Chinese sentences, naming the field, never the input.

Each scenario is one a till or a back office meets (most from the other
service tests); the refusal's reason is in the catalogue and
``describe(error, "zh_CN")`` fills every placeholder from its details.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

import pytest
from argon2 import PasswordHasher

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.moments import parse_moment
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.pricing import check_redemption
from loyalty_desktop.domain.program import RedeemRule
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.domain.reasons import FIELDS, REASONS, describe
from loyalty_desktop.services import merge, points, privacy, programs, refunds, reports, staff
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.checkout import LineRequest
from tests.unit.services.conftest import ShopDriver

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
CASHIER = Actor(name="Ann", role=Role.CASHIER)
HAN = re.compile(r"[\u4e00-\u9fff]")
WECHAT_CODE = "134567890123456789"
PHONE = "13912345678"


def _member(driver: ShopDriver) -> str:
    return driver.enrol(name="张三", phone=PHONE, member_no="M1").member_no


def _refund(
    driver: ShopDriver, *, amount: str | None = None, lines: tuple[tuple[str, str], ...] = ()
) -> None:
    driver.sell("S1", _member(driver), lines=(LineRequest("A", "2", "30.00"),))
    refunds.refund(driver.shop, LOCAL_ADMIN, refunds.RefundRequest("R1", "S1", amount, lines))


def _staff_first(driver: ShopDriver) -> None:
    staff.add_staff(driver.shop, LOCAL_ADMIN, "Boss", "admin", "9999", FAST)


Scenario = Callable[[ShopDriver], object]

SCENARIOS: dict[str, tuple[Scenario, str]] = {
    # enrolling
    "phone with letters": (lambda d: d.enrol(phone="139-abc"), "phone_not_digits"),
    "phone too short": (lambda d: d.enrol(phone="1234"), "phone_length"),
    "e-mail without @": (lambda d: d.enrol(email="zhang.example.com"), "email_format"),
    "invisible name": (lambda d: d.enrol(name="\u200b"), "name_missing"),
    "name of symbols": (lambda d: d.enrol(name="!!!"), "name_no_letter"),
    "name too long": (lambda d: d.enrol(name="张" * 101), "name_too_long"),
    "member number shaped like a phone": (
        lambda d: d.enrol(member_no="139 1234 5678"),
        "member_no_phone_shaped",
    ),
    "payment code as member number": (
        lambda d: d.enrol(member_no=WECHAT_CODE),
        "payment_code_not_member_no",
    ),
    "member number with spaces": (lambda d: d.enrol(member_no="M 1"), "member_no_format"),
    "member number taken": (
        lambda d: (_member(d), d.enrol(member_no="M1")),
        "duplicate_member",
    ),
    # finding the member at the till
    "unknown member": (lambda d: d.sell("S1", "M404", "10.00"), "member_not_found"),
    "unknown phone": (
        lambda d: d.sell("S1", "phone:13800000000", "10.00"),
        "member_phone_not_found",
    ),
    "payment code scanned as the member": (
        lambda d: d.sell("S1", WECHAT_CODE, "10.00"),
        "payment_code_not_card",
    ),
    "garbled card": (lambda d: d.sell("S1", "96" + "1" * 24, "10.00"), "card_misread"),
    "nobody given": (lambda d: d.sell("S1", " ", "10.00"), "member_ref_missing"),
    # the basket
    "total with fen of fen": (lambda d: d.sell("S1", _member(d), "12.345"), "amount_too_precise"),
    "total in words": (lambda d: d.sell("S1", _member(d), "twelve"), "amount_not_number"),
    "negative total": (lambda d: d.sell("S1", _member(d), "-1.00"), "amount_negative"),
    "total and lines": (
        lambda d: d.sell("S1", _member(d), "1.00", lines=(LineRequest("A", "1", "1"),)),
        "sale_total_or_lines",
    ),
    "line of nothing": (
        lambda d: d.sell("S1", _member(d), lines=(LineRequest("A", "0", "1.00"),)),
        "quantity_zero",
    ),
    "line without SKU": (
        lambda d: d.sell("S1", _member(d), lines=(LineRequest(" ", "1", "1.00"),)),
        "line_sku_missing",
    ),
    "unit price below zero": (
        lambda d: d.sell("S1", _member(d), lines=(LineRequest("A", "1", "-1.00"),)),
        "unit_price_negative",
    ),
    "discount above the basket": (
        lambda d: d.sell("S1", _member(d), "10.00", discount="20.00"),
        "discount_exceeds_basket",
    ),
    "sale id too long": (lambda d: d.sell("S" * 65, _member(d), "10.00"), "id_format"),
    "sale id reused for another basket": (
        lambda d: (d.sell("S1", _member(d), "10.00"), d.sell("S1", "M1", "11.00")),
        "id_conflict",
    ),
    "sale dated tomorrow": (
        lambda d: d.sell("S1", _member(d), "10.00", at=d.clock.now() + timedelta(days=1)),
        "backdate_future",
    ),
    "sale before the member joined": (
        lambda d: d.sell("S1", _member(d), "10.00", at=d.clock.now() - timedelta(minutes=1)),
        "before_enrolment",
    ),
    # paying with points
    "more points than the member has": (
        lambda d: d.sell("S1", _member(d), "10.00", redeem=5),
        "redeem_exceeds_balance",
    ),
    "more than half the sale in points": (
        lambda d: (d.sell("S0", _member(d), "2000.00"), d.sell("S1", "M1", "10.00", redeem=600)),
        "redeem_exceeds_share",
    ),
    "points below the step": (
        lambda d: check_redemption(
            3,
            net=1000,
            spendable=10,
            rule=RedeemRule(point_value=Decimal("0.005")),
            currency=Currency.of("CNY"),
        ),
        "redeem_not_whole_steps",
    ),
    # refunds
    "refund of a sale never made": (
        lambda d: refunds.refund(d.shop, LOCAL_ADMIN, refunds.RefundRequest("R1", "S404", "1.00")),
        "unknown_sale",
    ),
    "refund above what is left": (lambda d: _refund(d, amount="99.00"), "refund_exceeds_sale_left"),
    "refund of goods not bought": (
        lambda d: _refund(d, lines=(("B", "1"),)),
        "refund_sku_not_on_sale",
    ),
    "refund of more than bought": (
        lambda d: _refund(d, lines=(("A", "3"),)),
        "refund_exceeds_quantity_left",
    ),
    "refund of zero": (lambda d: _refund(d, amount="0"), "refund_amount_not_positive"),
    # points by hand
    "correction without a reason": (
        lambda d: points.adjust(d.shop, LOCAL_ADMIN, _member(d), 5, " ", "Q1"),
        "adjust_reason_missing",
    ),
    "taking more than the balance": (
        lambda d: points.adjust(d.shop, LOCAL_ADMIN, _member(d), -5, "typo", "Q1"),
        "adjust_exceeds_balance",
    ),
    "an activity the programme does not reward": (
        lambda d: points.award(d.shop, LOCAL_ADMIN, _member(d), "dancing"),
        "unknown_activity",
    ),
    "check-in twice a day": (
        lambda d: [
            points.award(d.shop, LOCAL_ADMIN, "M1" if i else _member(d), "check_in")
            for i in range(2)
        ],
        "already_awarded",
    ),
    "birthday points without a birthday": (
        lambda d: points.award(d.shop, LOCAL_ADMIN, _member(d), "birthday"),
        "no_birthday",
    ),
    "merging a member with themselves": (
        lambda d: merge.merge_members(d.shop, LOCAL_ADMIN, _member(d), "M1"),
        "merge_same_member",
    ),
    "selling to an erased member": (
        lambda d: (
            privacy.erase_member(d.shop, LOCAL_ADMIN, _member(d)),
            d.sell("S1", "M1", "1.00"),
        ),
        "member_closed",
    ),
    # staff
    "PIN of letters": (
        lambda d: staff.add_staff(d.shop, LOCAL_ADMIN, "Boss", "admin", "abcd", FAST),
        "pin_format",
    ),
    "role not known": (
        lambda d: staff.add_staff(d.shop, LOCAL_ADMIN, "Boss", "boss", "9999", FAST),
        "role_unknown",
    ),
    "first account a cashier": (
        lambda d: staff.add_staff(d.shop, LOCAL_ADMIN, "Ann", "cashier", "1234", FAST),
        "first_staff_admin",
    ),
    "wrong PIN": (
        lambda d: (_staff_first(d), staff.sign_in(d.shop, "Boss", "0000", FAST)),
        "wrong_name_or_pin",
    ),
    "a cashier correcting points": (
        lambda d: points.adjust(d.shop, CASHIER, _member(d), 5, "goodwill", "Q1"),
        "role_too_low",
    ),
    # back office
    "report not known": (lambda d: reports.report(d.shop, LOCAL_ADMIN, "nps"), "report_unknown"),
    "programme not TOML": (lambda d: parse_program("currency = ", "shop.toml"), "program_not_toml"),
    "programme key misspelt": (
        lambda d: parse_program("[earn]\npoint = 1\n", "shop.toml"),
        "program_unknown_key",
    ),
    "programme decimal as a float": (
        lambda d: parse_program("[redeem]\npoint_value = 0.01\n", "shop.toml"),
        "program_decimal_as_float",
    ),
    "programme tier named twice": (
        lambda d: parse_program(
            '[[tiers.levels]]\nname = "Gold"\n[[tiers.levels]]\nname = "Gold"\nthreshold = "1"\n',
            "shop.toml",
        ),
        "program_tier_named_twice",
    ),
    "currency changed after sales": (
        lambda d: (
            d.sell("S1", _member(d), "1.00"),
            programs.load_program(d.shop, LOCAL_ADMIN, 'currency = "HKD"', "shop.toml"),
        ),
        "currency_change",
    ),
    "a time nobody can read": (lambda d: parse_moment("yesterday", "Asia/Shanghai"), "time_format"),
    "a year out of range": (
        lambda d: parse_moment("1800-01-01", "Asia/Shanghai"),
        "time_out_of_range",
    ),
}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_a_refusal_reads_as_a_whole_chinese_sentence(driver: ShopDriver, scenario: str) -> None:
    attempt, reason = SCENARIOS[scenario]
    with pytest.raises(LoyaltyError) as caught:
        attempt(driver)
    refused = caught.value
    assert refused.reason == reason, refused.message
    assert refused.reason in REASONS
    assert refused.details.get("field", "member") in FIELDS, "a field a screen can name"
    chinese, english = describe(refused, "zh_CN"), describe(refused, "en")
    assert chinese != refused.message, "the English message is the fallback, not the answer"
    assert HAN.search(chinese), chinese
    for text in (chinese, english):
        assert not re.search(r"[{}]", text), text
    printed = f"{refused.message} {refused.details}"
    for secret in (PHONE, WECHAT_CODE, "zhang.example.com", "张三"):
        assert secret not in printed


def test_the_till_reads_the_quantity_of_a_line_and_the_payment_app(driver: ShopDriver) -> None:
    with pytest.raises(LoyaltyError) as zero:
        driver.sell(
            "S1", _member(driver), lines=(LineRequest("A", "1", "1"), LineRequest("B", "0", "1"))
        )
    assert (zero.value.details["field"], zero.value.details["line"]) == ("quantity", 2)
    assert describe(zero.value, "zh_CN") == "第 2 行的数量不能为 0"
    with pytest.raises(LoyaltyError) as scanned:
        driver.sell("S2", WECHAT_CODE, "10.00")
    assert describe(scanned.value, "zh_CN") == "这是微信付款码，不是会员码，请扫描会员卡"
