from collections.abc import Callable
from decimal import Decimal

import pytest

from loyalty_desktop.domain.errors import InvalidAmount
from loyalty_desktop.domain.money import (
    Currency,
    _decimal_minor_units,
    format_money,
    line_amount,
    money_from_decimal,
    parse_money,
    parse_non_negative_money,
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
    ("minor", "text"),
    [
        (10500, "105.00"),
        (1, "0.01"),
        (-5, "-0.05"),
        (0, "0.00"),
        (-10500, "-105.00"),
        (100, "1.00"),
        (-99, "-0.99"),
        (12345678901234, "123456789012.34"),
    ],
)
def test_minor_units_print_with_the_currency_decimals(minor: int, text: str) -> None:
    assert format_money(minor, CNY) == text


@pytest.mark.parametrize(("minor", "text"), [(1, "0.001"), (-1234, "-1.234"), (1000, "1.000")])
def test_three_decimal_currencies_print_three_decimals(minor: int, text: str) -> None:
    assert format_money(minor, Currency.of("BHD")) == text


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


# Every way the till reads a number from text: the total, discount, refund amount,
# a basket line's unit price and quantity (also an imported row's).
PARSERS = {
    "money": lambda text: parse_money(text, CNY),
    "non_negative_money": lambda text: parse_non_negative_money(text, CNY),
    "yen": lambda text: parse_money(text, JPY),
    "unit_price": parse_unit_price,
    "quantity": parse_quantity,
}


@pytest.mark.parametrize("parse", PARSERS.values(), ids=PARSERS)
@pytest.mark.parametrize(
    "text", ["1E+999999999", "1E-999999999", "-1e999999999", "1e2", "1.5E0", " 2E-1 ", "0E+9"]
)
def test_a_number_with_an_exponent_is_refused_before_any_arithmetic(
    parse: Callable[[str], object], text: str
) -> None:
    with pytest.raises(InvalidAmount) as refused:
        parse(text)
    assert refused.value.reason == "amount_exponent"


@pytest.mark.parametrize("parse", PARSERS.values(), ids=PARSERS)
@pytest.mark.parametrize("text", ["0." + "0" * 30 + "1", "1" + "0" * 30, "0" * 40 + "1"])
def test_a_number_with_more_than_thirty_digits_is_refused(
    parse: Callable[[str], object], text: str
) -> None:
    with pytest.raises(InvalidAmount) as refused:
        parse(text)
    assert refused.value.reason == "amount_too_many_digits"


@pytest.mark.parametrize("parse", PARSERS.values(), ids=PARSERS)
def test_thirty_digits_are_still_read(parse: Callable[[str], object]) -> None:
    assert parse("0" * 29 + "1") in (1, 100, Decimal(1))


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (Decimal("1E+999999999"), "amount_too_large"),
        (Decimal("1E-999999999"), "amount_too_precise"),
        (Decimal("1E+16"), "amount_too_large"),
    ],
)
def test_an_exact_decimal_far_out_of_range_is_refused_not_overflowed(
    value: Decimal, reason: str
) -> None:
    with pytest.raises(InvalidAmount) as refused:
        money_from_decimal(value, CNY)
    assert refused.value.reason == reason


def test_an_exact_decimal_with_an_exponent_still_converts() -> None:
    assert money_from_decimal(Decimal("1E+2"), CNY) == 10000


# Odd money text, pinned as it was read before parse_money took its short way for plain
# digits (issue 12's throughput): the short way must give the same amount or the same refusal.
ODD_MONEY = [
    ("1e3", "amount_exponent"),
    (" 1.00", 100),
    ("1.00 ", 100),
    ("\t1.00\n", 100),
    ("１.00", 100),  # a full-width digit: Decimal reads it
    ("٣.00", 300),  # an Arabic-Indic digit too
    ("-0.00", 0),
    ("1.000", 100),  # a trailing zero is not a decimal too many
    ("1.001", "amount_too_precise"),
    ("", "amount_empty"),
    ("   ", "amount_empty"),
    ("1.", 100),
    (".5", 50),
    ("+1.00", 100),
    ("1_000.00", 100000),
    ("00001.00", 100),
    ("1.0", 100),
    ("-1.05", -105),
    ("0x10", "amount_not_number"),
    ("1,00", "amount_not_number"),
    ("NaN", "amount_not_number"),
    ("-", "amount_not_number"),
    (".", "amount_not_number"),
    ("1..0", "amount_not_number"),
    ("--1", "amount_not_number"),
    ("1-", "amount_not_number"),
    ("10000000000000.00", 10**15),  # the largest amount
    ("-10000000000000.00", -(10**15)),
    ("10000000000000.01", "amount_too_large"),
    ("100000000000000", "amount_too_large"),
]


@pytest.mark.parametrize(("text", "read"), ODD_MONEY)
def test_odd_money_text_is_read_or_refused_as_it_always_was(text: str, read: int | str) -> None:
    if isinstance(read, int):
        assert parse_money(text, CNY) == read
    else:
        with pytest.raises(InvalidAmount) as refused:
            parse_money(text, CNY)
        assert refused.value.reason == read


@pytest.mark.parametrize(
    ("text", "read"),
    [("1200", 1200), ("1200.", 1200), ("1200.0", 1200), ("1200.5", "amount_too_precise")],
)
def test_odd_yen_text_is_read_or_refused_as_it_always_was(text: str, read: int | str) -> None:
    if isinstance(read, int):
        assert parse_money(text, JPY) == read
    else:
        with pytest.raises(InvalidAmount) as refused:
            parse_money(text, JPY)
        assert refused.value.reason == read


def _read(parse: Callable[[str, Currency], int], text: str, currency: Currency) -> int | str:
    try:
        return parse(text, currency)
    except InvalidAmount as refused:
        return refused.reason


def _by_decimal(text: str, currency: Currency) -> int:
    return _decimal_minor_units(text, currency, what="amount", field="amount", line=None)


def _texts() -> list[str]:
    """Every text of up to four characters from digits (ASCII and not), signs, points and spaces; long ones."""
    alphabet = ["0", "1", "9", ".", "-", "+", "e", " ", "_", "１", "²"]
    texts, last = [""], [""]
    for _ in range(4):
        last = [t + ch for t in last for ch in alphabet]
        texts += last
    long = [
        lead * n + tail
        for lead in ("9", "0")  # leading zeros: few as a number, too many as digits
        for n in range(10, 34)
        for tail in ("", ".9", ".99", ".999", ".990", "1", "1.5")
    ]
    return texts + long + ["-" + t for t in long]


@pytest.mark.parametrize("currency", [CNY, JPY, Currency.of("BHD")], ids=lambda c: c.code)
def test_the_short_way_for_plain_digits_reads_every_text_as_decimal_does(
    currency: Currency,
) -> None:
    read = {text: _read(parse_money, text, currency) for text in _texts()}
    by_decimal = {text: _read(_by_decimal, text, currency) for text in _texts()}
    assert len(read) > 16_000
    assert {t: r for t, r in read.items() if r != by_decimal[t]} == {}
