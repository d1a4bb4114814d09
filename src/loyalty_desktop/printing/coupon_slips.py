"""The coupons under a receipt: each one's terms as lines of text, and the code its QR prints.

Pure layout, like ``receipt_text``: a receipt's ``coupons`` in, one slip per
coupon out (a rule to tear at, a heading, the offer's name, what it gives, the
minimum basket, its first and last day, how to use it). The QR itself is
drawn by the printer encoder (``escpos``) under the slip's lines. A member's
coupons printed at the desk, without a sale, get the receipt's header and the
masked member number above them (``sheet_lines``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.offers import OfferKind
from loyalty_desktop.domain.reasons import language_of
from loyalty_desktop.printing.receipt_text import labels_for, money_text
from loyalty_desktop.printing.text_columns import centred, printable, spread, wrap
from loyalty_desktop.services.coupon_sheets import CouponSheet
from loyalty_desktop.services.receipt_coupons import ReceiptCoupon


@dataclass(frozen=True)
class CouponSlip:
    """One coupon under the receipt: its lines (laid out for the paper) and the code for its QR."""

    lines: tuple[str, ...]
    code: str


@dataclass(frozen=True)
class _Words:
    title: str
    gives: dict[OfferKind, str]
    min_spend: str
    valid: str
    use: str


_ENGLISH = _Words(
    title="Your coupon",
    gives={
        OfferKind.MONEY_OFF: "{value} off",
        OfferKind.PERCENT_OFF: "{value}% off",
        OfferKind.MULTIPLIER: "{value}x points",
        OfferKind.BONUS_POINTS: "{value} bonus points",
        OfferKind.FREE_ITEM: "A free {value}",
    },
    min_spend="On a basket of {amount} or more",
    valid="Valid {first} to {last}",
    use="Scan it at the till. One use.",
)

_CHINESE = _Words(
    title="您的优惠券",
    gives={
        OfferKind.MONEY_OFF: "立减 {value}",
        OfferKind.PERCENT_OFF: "立减 {value}%",
        OfferKind.MULTIPLIER: "{value} 倍积分",
        OfferKind.BONUS_POINTS: "额外 {value} 积分",
        OfferKind.FREE_ITEM: "免费 {value} 一件",
    },
    min_spend="满 {amount} 可用",
    valid="有效期 {first} 至 {last}",
    use="结账时出示扫码，限用一次",
)


def _slip(coupon: ReceiptCoupon, currency: Currency, columns: int, words: _Words) -> CouponSlip:
    lines = ["-" * columns, *centred(words.title, columns), *wrap(coupon.offer, columns)]
    lines += wrap(words.gives[coupon.kind].format(value=coupon.value), columns)
    if coupon.min_spend:
        amount = money_text(coupon.min_spend, currency, sign=True)
        lines += wrap(words.min_spend.format(amount=amount), columns)
    first, last = coupon.first_day.isoformat(), coupon.last_day.isoformat()
    lines += wrap(words.valid.format(first=first, last=last), columns)
    lines += wrap(words.use, columns)
    return CouponSlip(tuple(printable(line) for line in lines), coupon.code)


def coupon_slips(
    coupons: Sequence[ReceiptCoupon], currency: Currency, columns: int, *, language: str = "en"
) -> list[CouponSlip]:
    """A slip per coupon (a receipt's, or a sheet's), in ``language`` (``en`` or ``zh_CN``)."""
    words = _CHINESE if language_of(language) == "zh" else _ENGLISH
    return [_slip(coupon, currency, columns, words) for coupon in coupons]


def sheet_lines(sheet: CouponSheet, columns: int, *, language: str = "en") -> list[str]:
    """The lines above a member's coupons printed at the desk: the header and their masked number."""
    out: list[str] = []
    for header_line in sheet.header.splitlines():
        out += centred(header_line, columns) if header_line.strip() else [""]
    out += spread(labels_for(language).member, sheet.member_no, columns)
    return [printable(line) for line in out]
