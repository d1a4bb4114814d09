"""The shop's products as the till finds them: SKU, name, price in minor units, category, barcode.

Codes (SKU, barcode) and categories are read as a till reads a basket line:
NFKC (a full-width ``Ａ１`` is ``A1``), trimmed, 1 to 64 visible characters.
A price is decimal text in the programme's currency, taken exactly or refused.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.members import has_letter_or_digit, visible_name
from loyalty_desktop.domain.money import Currency, parse_non_negative_money

MAX_PRODUCT_TEXT = 64  # SKU, barcode and category, as a basket line holds them
MAX_PRODUCT_NAME = 100


@dataclass(frozen=True)
class Product:
    """A product as stored: ``price`` in the currency's minor units; inactive ones are not offered."""

    sku: str
    name: str
    price: int
    category: str | None = None
    barcode: str | None = None
    active: bool = True


def same_code(text: str) -> str:
    """A SKU or barcode as the shop means it however it was typed or scanned (NFKC, trimmed)."""
    return unicodedata.normalize("NFKC", text).strip()


def check_code(text: str, field: str = "sku") -> str:
    """A SKU or barcode: 1 to 64 visible characters after NFKC."""
    cleaned = same_code(text)
    if not cleaned or len(cleaned) > MAX_PRODUCT_TEXT or not cleaned.isprintable():
        raise InvalidRequest(
            f"{field} must be 1 to {MAX_PRODUCT_TEXT} visible characters",
            reason="product_text_format",
            field=field,
            maximum=MAX_PRODUCT_TEXT,
        )
    return cleaned


def optional_text(text: str | None, field: str) -> str | None:
    """A category or barcode that may be left empty (None); otherwise as ``check_code``."""
    if text is None or not same_code(text):
        return None
    return check_code(text, field)


def check_product_name(name: str) -> str:
    """A product name as it shows: a letter or digit, 1 to 100 characters."""
    cleaned = visible_name(name)
    if not cleaned or len(cleaned) > MAX_PRODUCT_NAME or not has_letter_or_digit(cleaned):
        raise InvalidRequest(
            f"a product name is 1 to {MAX_PRODUCT_NAME} characters with a letter or digit",
            reason="product_name_format",
            field="product_name",
            maximum=MAX_PRODUCT_NAME,
        )
    return cleaned


def parse_price(text: str, currency: Currency) -> int:
    """A price as typed (``"12.50"``) in minor units; never rounded, never negative."""
    return parse_non_negative_money(text, currency, what="price", field="price")


def new_product(
    sku: str,
    name: str,
    price: str,
    currency: Currency,
    *,
    category: str | None = None,
    barcode: str | None = None,
    active: bool = True,
) -> Product:
    """A product from text as typed or imported, every value checked."""
    return Product(
        sku=check_code(sku, "sku"),
        name=check_product_name(name),
        price=parse_price(price, currency),
        category=optional_text(category, "category"),
        barcode=optional_text(barcode, "barcode"),
        active=active,
    )
