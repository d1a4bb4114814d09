"""A sale as the till asks for it: basket lines as typed or scanned, checked and priced in minor units."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from loyalty_desktop.domain.cards import clean_scan, payment_kind
from loyalty_desktop.domain.errors import InvalidAmount, InvalidRequest, PaymentCode
from loyalty_desktop.domain.money import (
    MAX_MINOR_UNITS,
    Currency,
    format_money,
    line_amount,
    parse_non_negative_money,
    parse_quantity,
    parse_unit_price,
)
from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.services.fingerprints import fingerprint, number_text

TOTAL_SKU = ""  # the one line of a sale rung up as a total
MAX_POINTS_PER_SALE = 10**12  # far above any real sale; keeps every total inside 64 bits
MAX_ID = 64  # sale, refund and request ids
MAX_LINE_TEXT = 64  # a line's SKU and category


@dataclass(frozen=True)
class LineRequest:
    """A basket line as typed or scanned: text, checked against the currency when posted."""

    sku: str
    quantity: str
    unit_price: str
    category: str | None = None
    discount: str | None = None  # money off this line, e.g. a damaged item


@dataclass(frozen=True)
class SaleRequest:
    """A sale to post: by total or by lines, with an optional order discount, points and rewards."""

    sale_no: str
    member_ref: str | None
    total: str | None = None
    lines: tuple[LineRequest, ...] = field(default_factory=tuple)
    discount: str | None = None
    redeem: int = 0
    at: datetime | None = None
    rewards: tuple[str, ...] = ()  # names of the programme's rewards to take
    coupon: str | None = None  # a coupon code to use (its money off joins the order discount)


def same_id(number: str) -> str:
    """A sale, refund or request number as the shop means it, however it was typed.

    NFKC folds the look-alikes an input method gives (full-width ``Ｓ１`` is
    ``S1``), so a retry typed in another width replays instead of posting twice.
    """
    return unicodedata.normalize("NFKC", number).strip()


def check_sale_no(number: str, what: str = "sale id") -> str:
    """A sale, refund or request number as typed: 1–64 visible characters, NFKC-normalised."""
    cleaned = same_id(number)
    if not cleaned or len(cleaned) > MAX_ID or not cleaned.isprintable():
        raise InvalidRequest(
            f"{what} {number!r} must be 1–{MAX_ID} visible characters",
            reason="id_format",
            field=what.replace(" ", "_"),
            maximum=MAX_ID,
        )
    return cleaned


# Quantity and price texts already read, with their line amount: an import repeats
# the same few thousand (quantity, price) pairs hundreds of thousands of times.
_PARSED: dict[tuple[str, str, str], tuple[Decimal, Decimal, int]] = {}
_PARSED_MAX = 50_000
# Likewise the SKUs already found not to be payment codes, and the fingerprint's
# text of each quantity and price (equal decimals have the same text).
_ITEM_SKUS: set[str] = set()
_NUMBER_TEXTS: dict[Decimal, str] = {}


def _is_payment_code(sku: str) -> bool:
    if sku in _ITEM_SKUS:
        return False
    if payment_kind(clean_scan(sku)) is not None:
        return True
    if len(_ITEM_SKUS) >= _PARSED_MAX:
        _ITEM_SKUS.clear()
    _ITEM_SKUS.add(sku)
    return False


def _number_text(value: Decimal) -> str:
    text = _NUMBER_TEXTS.get(value)
    if text is None:
        text = number_text(value)
        if len(_NUMBER_TEXTS) >= _PARSED_MAX:
            _NUMBER_TEXTS.clear()
        _NUMBER_TEXTS[value] = text
    return text


def _parse_line(line: LineRequest, number: int, currency: Currency) -> tuple[Decimal, Decimal, int]:
    """A line's quantity, unit price and amount in minor units; refusals name the line."""
    qty = parse_quantity(
        line.quantity, what=f"line {number} quantity", field="quantity", line=number
    )
    price = parse_unit_price(
        line.unit_price, what=f"line {number} unit price", field="unit_price", line=number
    )
    if price < 0:
        raise InvalidRequest(
            f"line {number} unit price may not be negative",
            reason="unit_price_negative",
            field="unit_price",
            line=number,
            value=line.unit_price.strip(),
        )
    return qty, price, line_amount(qty, price, currency)


def basket_lines(request: SaleRequest, currency: Currency) -> list[SaleLine]:
    """The request's lines priced in minor units (a total is one line)."""
    if (request.total is None) == (not request.lines):
        raise InvalidRequest(
            "give either a total or lines, not both and not neither",
            reason="sale_total_or_lines",
            field="total",
        )
    if request.total is not None:
        total = parse_non_negative_money(request.total, currency, what="total", field="total")
        return [SaleLine(TOTAL_SKU, Decimal(1), Decimal(total) / currency.scale, None, total)]
    lines = []
    for number, line in enumerate(request.lines, start=1):
        sku = line.sku.strip()
        if _is_payment_code(sku):  # never stored, never repeated
            raise PaymentCode(
                f"line {number}: that is a payment code, not an item code",
                reason="payment_code_not_item",
                field="sku",
                line=number,
            )
        if not sku:
            raise InvalidRequest(
                f"line {number} has no SKU", reason="line_sku_missing", field="sku", line=number
            )
        key = (line.quantity, line.unit_price, currency.code)
        parsed = _PARSED.get(key)
        if parsed is None:
            parsed = _parse_line(line, number, currency)
            if len(_PARSED) >= _PARSED_MAX:
                _PARSED.clear()
            _PARSED[key] = parsed
        qty, price, amount = parsed
        category = line.category.strip() if line.category and line.category.strip() else None
        if len(sku) > MAX_LINE_TEXT or (category is not None and len(category) > MAX_LINE_TEXT):
            raise InvalidRequest(
                f"line {number}: SKU and category are at most {MAX_LINE_TEXT} characters",
                reason="line_text_too_long",
                field="sku" if len(sku) > MAX_LINE_TEXT else "category",
                line=number,
                maximum=MAX_LINE_TEXT,
            )
        if abs(amount) > MAX_MINOR_UNITS:
            raise InvalidAmount(
                f"line {number} comes to more than a till can take",
                reason="line_amount_too_large",
                field="line",
                line=number,
            )
        off = _line_discount(line, number, amount, currency)
        lines.append(SaleLine(sku, qty, price, category, amount - off, discount=off))
    if abs(sum(line.amount for line in lines)) > MAX_MINOR_UNITS:
        raise InvalidAmount(
            "the basket comes to more than a till can take", reason="basket_too_large"
        )
    return lines


def _line_discount(line: LineRequest, number: int, amount: int, currency: Currency) -> int:
    """The money off one line: never more than the line, never on a return line."""
    if line.discount is None or not line.discount.strip():
        return 0
    what = f"line {number} discount"
    off = parse_non_negative_money(
        line.discount, currency, what=what, field="line_discount", line=number
    )
    if off and amount <= 0:
        raise InvalidRequest(
            f"line {number} is a return: it cannot take a discount",
            reason="line_discount_on_return",
            field="line_discount",
            line=number,
        )
    if off > amount:
        raise InvalidRequest(
            f"the discount on line {number} is more than the line",
            reason="line_discount_exceeds_line",
            field="line_discount",
            line=number,
            discount=format_money(off, currency),
            amount=format_money(amount, currency),
        )
    return off


def sale_fingerprint(request: SaleRequest, lines: list[SaleLine], discount: int) -> str:
    """What a sale request asks for, as parsed (the member is compared separately)."""
    asked: dict[str, object] = {
        "lines": [
            [ln.sku, _number_text(ln.quantity), _number_text(ln.unit_price), ln.category]
            # a line discount joins only when taken, so older sales keep their fingerprint
            + ([ln.discount] if ln.discount else [])
            for ln in lines
        ],
        "total": request.total is not None,
        "discount": discount,
        "redeem": request.redeem,
    }
    if request.rewards:  # likewise rewards: a sale without them keeps its old fingerprint
        asked["rewards"] = [name.strip() for name in request.rewards]
    return fingerprint("sale", asked)
