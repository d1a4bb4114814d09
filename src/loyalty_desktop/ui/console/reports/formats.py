"""Figures as the report pages show them: counts grouped the locale's way, money with its decimals, rates in %.

Money stays integer minor units until here; a file gets it as an exact
``Decimal`` (``money_value``), a chart as a float in major units (a drawing,
never a sum anyone adds up).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from loyalty_desktop.domain.money import Currency

NONE_TEXT = "—"


def count_text(n: int | None) -> str:
    """``12,345`` (or the locale's grouping); a dash for no figure."""
    return NONE_TEXT if n is None else QLocale().toString(n)


def money_value(minor: int, currency: Currency) -> Decimal:
    """Minor units as an exact amount in major units (``Decimal("123.45")``) for files."""
    return Decimal(minor).scaleb(-currency.exponent)


def money_text(minor: int | None, currency: Currency) -> str:
    """``12,345.60``: grouped whole part, the currency's decimals; a dash for no figure."""
    if minor is None:
        return NONE_TEXT
    sign = "-" if minor < 0 else ""
    whole, fraction = divmod(abs(minor), currency.scale)
    grouped = QLocale().toString(whole)
    if currency.exponent == 0:
        return f"{sign}{grouped}"
    return f"{sign}{grouped}.{fraction:0{currency.exponent}d}"


def money_float(minor: int, currency: Currency) -> float:
    """Major units as a float, for a chart's bar height only."""
    return minor / currency.scale


def percent_text(rate: Decimal | None) -> str:
    """A rate of four decimals as ``64.35%``; a dash for no figure."""
    if rate is None:
        return NONE_TEXT
    return f"{(rate * 100).quantize(Decimal('0.01'))}%"


def percent_value(rate: Decimal | None) -> Decimal | None:
    """A rate as a percentage for files (``64.35``)."""
    return None if rate is None else (rate * 100).quantize(Decimal("0.01"))
