"""Money as integer minor units (fen, cents; JPY has none), parsed from decimal text.

Floats never carry money here: text goes through ``Decimal`` straight to an
integer count of the currency's smallest unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cached_property

from loyalty_desktop.domain.cards import quoted, repeatable
from loyalty_desktop.domain.errors import InvalidAmount

# ISO 4217 minor-unit exponents for currencies a shop is likely to use.
_EXPONENTS: dict[str, int] = {
    "CNY": 2,
    "HKD": 2,
    "MOP": 2,
    "TWD": 2,
    "USD": 2,
    "EUR": 2,
    "GBP": 2,
    "SGD": 2,
    "MYR": 2,
    "THB": 2,
    "PHP": 2,
    "INR": 2,
    "AUD": 2,
    "NZD": 2,
    "CAD": 2,
    "CHF": 2,
    "SEK": 2,
    "NOK": 2,
    "DKK": 2,
    "PLN": 2,
    "CZK": 2,
    "HUF": 2,
    "RUB": 2,
    "BRL": 2,
    "MXN": 2,
    "ZAR": 2,
    "AED": 2,
    "SAR": 2,
    "TRY": 2,
    "ILS": 2,
    "IDR": 2,
    "JPY": 0,
    "KRW": 0,
    "VND": 0,
    "CLP": 0,
    "ISK": 0,
    "UGX": 0,
    "XAF": 0,
    "XOF": 0,
    "BHD": 3,
    "KWD": 3,
    "OMR": 3,
    "JOD": 3,
    "TND": 3,
    "LYD": 3,
    "IQD": 3,
}

UNIT_PRICE_DECIMALS = 4
# Far above any till total, far below a 64-bit integer column.
MAX_MINOR_UNITS = 10**15
# Digits a number may be written with: any real amount, price or quantity has far
# fewer (16 before the point, 4 after). Longer text is refused before it is read.
MAX_NUMBER_DIGITS = 30


@dataclass(frozen=True)
class Currency:
    """An ISO 4217 currency and the number of decimals of its minor unit."""

    code: str
    exponent: int

    @classmethod
    def of(cls, code: str) -> Currency:
        """Look up a currency by its ISO code; unknown codes are refused."""
        upper = code.strip().upper()
        if upper not in _EXPONENTS:
            raise InvalidAmount(
                f"unknown currency {quoted(code)}; use an ISO 4217 code such as CNY",
                reason="currency_unknown",
                field="currency",
                value=repeatable(code),
            )
        return cls(upper, _EXPONENTS[upper])

    @cached_property
    def scale(self) -> int:
        """Minor units in one major unit (100 for CNY, 1 for JPY)."""
        return int(10**self.exponent)


# How refusals name the input: ``field`` as the command's option or the form's field
# (``total``, ``discount``; a basket line's ``quantity`` or ``unit_price``), ``line``
# the basket line's number when there is one. A number too large for any till is
# what a scanned payment code looks like, so it is never repeated.


def _decimal(text: str, what: str, field: str, line: int | None) -> Decimal:
    """Plain decimal text as a ``Decimal``: at most 30 digits and no exponent.

    ``1E+999999999`` is a valid ``Decimal`` that overflows the first sum made
    with it, and ``1E-999999999`` one that rounds to zero: nobody types an
    amount that way, so both are refused before any arithmetic.
    """
    cleaned = text.strip() if isinstance(text, str) else text
    if not isinstance(cleaned, str) or cleaned == "":
        raise InvalidAmount(
            f"{what} is empty; write it like 12.50", reason="amount_empty", field=field, line=line
        )
    if sum(ch.isdigit() for ch in cleaned) > MAX_NUMBER_DIGITS:
        raise InvalidAmount(
            f"{what} has more than {MAX_NUMBER_DIGITS} digits",
            reason="amount_too_many_digits",
            field=field,
            line=line,
            maximum=MAX_NUMBER_DIGITS,
        )
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidAmount(
            f"{what} {quoted(text)} is not a number; write it like 12.50",
            reason="amount_not_number",
            field=field,
            line=line,
            value=repeatable(text),
        ) from None
    if not value.is_finite():
        raise InvalidAmount(
            f"{what} {quoted(text)} is not a number; write it like 12.50",
            reason="amount_not_number",
            field=field,
            line=line,
            value=repeatable(text),
        )
    # Text Decimal reads as a finite number has an ``e`` only as its exponent.
    if "e" in cleaned.lower():
        raise InvalidAmount(
            f"{what} {quoted(text)} has an exponent; write it in plain digits like 12.50",
            reason="amount_exponent",
            field=field,
            line=line,
            value=repeatable(text),
        )
    return value


def parse_money(
    text: str,
    currency: Currency,
    *,
    what: str = "amount",
    field: str = "amount",
    line: int | None = None,
) -> int:
    """Parse decimal text (``"105.00"``) to minor units; more decimals than the currency has are refused."""
    plain = _plain_minor_units(text, currency)
    if plain is not None:
        return plain
    return _decimal_minor_units(text, currency, what=what, field=field, line=line)


# Plain text this long has at most MAX_NUMBER_DIGITS digits.
_PLAIN_LENGTH = MAX_NUMBER_DIGITS


def _plain_minor_units(text: str, currency: Currency) -> int | None:
    """The minor units of plain text (``"105.00"``, ``"-3.2"``, ``"7"``) by integer arithmetic; else None.

    Plain: an optional ``-``, ASCII digits, and a point followed by one to the currency's
    number of digits. Nearly every amount a till or the server reads is written so, and
    ``Decimal`` costs several times more. Anything else (spaces, other digits, ``+``, an
    exponent, ``1.``, a trailing zero past the currency's decimals, too large) goes the
    ``Decimal`` way, which reads or refuses it as it always did.
    """
    if type(text) is not str or not 0 < len(text) <= _PLAIN_LENGTH or not text.isascii():
        return None
    whole, point, frac = text.removeprefix("-").partition(".")
    if not whole.isdigit():  # ASCII only here: 0-9
        return None
    minor = int(whole) * currency.scale
    if point:
        if not (frac.isdigit() and len(frac) <= currency.exponent):
            return None
        minor += int(frac) * 10 ** (currency.exponent - len(frac))
    if minor > MAX_MINOR_UNITS:
        return None
    return -minor if text[0] == "-" else minor


def _decimal_minor_units(
    text: str, currency: Currency, *, what: str, field: str, line: int | None
) -> int:
    """``parse_money`` through ``Decimal``: any text Decimal reads, and every refusal."""
    value = _decimal(text, what, field, line)
    return _minor_units(value, text, currency, what=what, field=field, line=line)


def _minor_units(
    value: Decimal, text: str, currency: Currency, *, what: str, field: str, line: int | None
) -> int:
    # Far too many digits or decimals is refused before ``scaleb``, which would overflow
    # on 1E+999999999 and round 1E-999999999 to 0.
    if value.adjusted() > MAX_NUMBER_DIGITS:
        raise InvalidAmount(
            f"{what} is too large", reason="amount_too_large", field=field, line=line
        )
    exponent = value.as_tuple().exponent
    exact = isinstance(exponent, int) and exponent >= -MAX_NUMBER_DIGITS
    scaled = value.scaleb(currency.exponent) if exact else value
    if not exact or scaled != scaled.to_integral_value():
        raise InvalidAmount(
            f"{what} {quoted(text)} has more decimals than {currency.code} allows "
            f"({currency.exponent}); amounts are never rounded",
            reason="amount_too_precise",
            field=field,
            line=line,
            value=repeatable(text),
            currency=currency.code,
            decimals=currency.exponent,
        )
    if abs(scaled) > MAX_MINOR_UNITS:
        raise InvalidAmount(
            f"{what} is too large", reason="amount_too_large", field=field, line=line
        )
    return int(scaled)


def parse_non_negative_money(
    text: str,
    currency: Currency,
    *,
    what: str = "amount",
    field: str = "amount",
    line: int | None = None,
) -> int:
    """Parse money that may not be negative."""
    minor = parse_money(text, currency, what=what, field=field, line=line)
    if minor < 0:
        raise InvalidAmount(
            f"{what} {text!r} may not be negative",
            reason="amount_negative",
            field=field,
            line=line,
            value=text,
        )
    return minor


def parse_unit_price(
    text: str, *, what: str = "unit price", field: str = "unit_price", line: int | None = None
) -> Decimal:
    """Parse a unit price: up to four decimals, in major units."""
    value = _decimal(text, what, field, line)
    scaled = value.scaleb(UNIT_PRICE_DECIMALS)
    if scaled != scaled.to_integral_value():
        raise InvalidAmount(
            f"{what} {quoted(text)} has more than {UNIT_PRICE_DECIMALS} decimals",
            reason="decimals_exceeded",
            field=field,
            line=line,
            value=repeatable(text),
            decimals=UNIT_PRICE_DECIMALS,
        )
    if abs(value) > MAX_MINOR_UNITS:
        raise InvalidAmount(
            f"{what} is too large", reason="amount_too_large", field=field, line=line
        )
    return value


QUANTITY_DECIMALS = 3
MAX_QUANTITY = 1_000_000


def parse_quantity(
    text: str, *, what: str = "quantity", field: str = "quantity", line: int | None = None
) -> Decimal:
    """Parse a quantity: whole units or up to three decimals (weighed goods); zero is refused."""
    value = _decimal(text, what, field, line)
    scaled = value.scaleb(QUANTITY_DECIMALS)
    if scaled != scaled.to_integral_value():
        raise InvalidAmount(
            f"{what} {quoted(text)} has more than {QUANTITY_DECIMALS} decimals",
            reason="decimals_exceeded",
            field=field,
            line=line,
            value=repeatable(text),
            decimals=QUANTITY_DECIMALS,
        )
    if value == 0:
        raise InvalidAmount(
            f"{what} may not be zero", reason="quantity_zero", field=field, line=line
        )
    if abs(value) > MAX_QUANTITY:
        raise InvalidAmount(
            f"{what} is too large",
            reason="quantity_too_large",
            field=field,
            line=line,
            maximum=MAX_QUANTITY,
        )
    return value


def line_amount(quantity: Decimal, unit_price: Decimal, currency: Currency) -> int:
    """A line's amount in minor units: quantity × unit price, rounded half-up to the minor unit."""
    exact = quantity * unit_price * currency.scale
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_money(minor: int, currency: Currency) -> str:
    """Minor units back to decimal text with exactly the currency's decimals (``"105.00"``)."""
    decimals = currency.exponent
    if decimals == 0:
        return str(minor)
    # String slicing rather than divmod and a nested format: an import formats
    # every line's amounts for its outbox event, over a million calls.
    digits = str(-minor if minor < 0 else minor).rjust(decimals + 1, "0")
    text = digits[:-decimals] + "." + digits[-decimals:]
    return "-" + text if minor < 0 else text


def money_from_decimal(value: Decimal, currency: Currency, *, what: str = "amount") -> int:
    """Convert an exact decimal of major units to minor units, refusing what would need rounding."""
    return _minor_units(value, str(value), currency, what=what, field="amount", line=None)
