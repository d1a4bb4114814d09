from decimal import Decimal

import pytest

from loyalty_desktop.domain.errors import InvalidAmount
from loyalty_desktop.domain.money import (
    Currency,
    format_money,
    line_amount,
    parse_money,
    parse_quantity,
    parse_unit_price,
)

CNY = Currency.of("CNY")
JPY = Currency.of("JPY")


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("105.00", 10500),
        ("105", 10500),
        ("0.01", 1),
        (" 7.5 ", 750),
        ("-3.20", -320),
        ("12.340", 1234),
    ],
)
def test_money_text_becomes_exact_minor_units(text: str, minor: int) -> None:
    assert parse_money(text, CNY) == minor


@pytest.mark.parametrize(
    "text", ["12.345", "0.001", "abc", "", "NaN", "Infinity", "1,000.00", "1e20"]
)
def test_money_that_would_need_rounding_or_is_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(InvalidAmount):
        parse_money(text, CNY)


def test_yen_has_no_minor_unit() -> None:
    assert parse_money("1200", JPY) == 1200
    with pytest.raises(InvalidAmount, match="more decimals than JPY"):
        parse_money("1200.5", JPY)
    assert format_money(1200, JPY) == "1200"


@pytest.mark.parametrize(
    ("minor", "text"), [(10500, "105.00"), (1, "0.01"), (-5, "-0.05"), (0, "0.00")]
)
def test_minor_units_print_with_the_currency_decimals(minor: int, text: str) -> None:
    assert format_money(minor, CNY) == text


def test_line_amount_rounds_half_up_to_the_fen() -> None:
    assert line_amount(Decimal(3), Decimal("0.335"), CNY) == 101  # 1.005 → 1.01
    assert line_amount(Decimal(2), Decimal("10.005"), CNY) == 2001
    assert line_amount(Decimal("0.5"), Decimal("2.99"), CNY) == 150  # 1.495 → 1.50


def test_unit_price_takes_up_to_four_decimals() -> None:
    assert parse_unit_price("2.5571") == Decimal("2.5571")
    with pytest.raises(InvalidAmount):
        parse_unit_price("2.55711")


def test_quantity_may_be_weighed_but_not_zero() -> None:
    assert parse_quantity("0.125") == Decimal("0.125")
    with pytest.raises(InvalidAmount):
        parse_quantity("0")
    with pytest.raises(InvalidAmount):
        parse_quantity("1.0001")


def test_unknown_currency_is_refused() -> None:
    with pytest.raises(InvalidAmount):
        Currency.of("XYZ")
