"""Coupons a sale's receipt carries home: the member's open coupons that no receipt printed yet.

The reading chosen for issue 14's "printable as QR on the receipt": when a
member buys at the till, the receipt prints up to ``MAX_ON_RECEIPT`` of their
coupons that are unused, whose offer has not ended (one starting later prints
with its first day), and that no earlier receipt printed, oldest first. The
sale records them inside its own transaction (one conditional update per
coupon, so of two tills selling to the member at once only one receipt has
each), which is why a reprint weeks later shows the same coupons and the next
receipt does not repeat them. Printing a coupon on every receipt until used
would lengthen every receipt of a member who keeps an offer for later, and
the till already offers their coupons on file at the card scan (Alt+0). A
member who withdrew marketing consent or opted out of personalised offers
gets no coupon printed: a receipt is not where their choice is overruled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.coupons import IssuedCoupon
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.offers import Offer, OfferKind
from loyalty_desktop.domain.program import Program
from loyalty_desktop.services.coupons import coupon_code, gift_value, last_moment
from loyalty_desktop.services.ports import CardKeys, UnitOfWork

MAX_ON_RECEIPT = 3


@dataclass(frozen=True)
class ReceiptCoupon:
    """One coupon as the receipt prints it: the signed code for its QR, and its terms.

    ``value`` is what ``kind`` gives ("10.00", "15", "2", "200" or a SKU);
    ``min_spend`` in minor units (0: none); ``first_day`` and ``last_day`` are shop days.
    """

    code: str
    offer: str
    kind: OfferKind
    value: str
    min_spend: int
    first_day: date
    last_day: date


def put_coupons_on_receipt(uow: UnitOfWork, sale_no: str, member: Member, at: datetime) -> int:
    """Record which of the member's coupons the sale's receipt prints (inside the sale); how many."""
    if not member.consent:
        return 0
    found = uow.offers.unprinted_coupons_of(member.id, at, MAX_ON_RECEIPT)
    return uow.offers.put_on_receipt([c.number for c in found], sale_no) if found else 0


def printed_coupon(
    coupon: IssuedCoupon, offer: Offer, keys: CardKeys, program: Program
) -> ReceiptCoupon:
    """A stored coupon as paper prints it: its signed code and its offer's terms in shop days."""
    zone = ZoneInfo(program.timezone)
    return ReceiptCoupon(
        code=coupon_code(coupon.number, coupon.key_id, keys),
        offer=offer.name,
        kind=offer.kind,
        value=gift_value(offer, program.currency),
        min_spend=offer.min_spend,
        first_day=offer.starts_at.astimezone(zone).date(),
        last_day=last_moment(offer).astimezone(zone).date(),
    )


def receipt_coupons(
    uow: UnitOfWork, keys: CardKeys, program: Program, sale_no: str
) -> tuple[ReceiptCoupon, ...]:
    """The coupons the sale's receipt prints, as recorded when it was sold."""
    printed = []
    for coupon in uow.offers.on_receipt(sale_no):
        offer = uow.offers.get(coupon.offer_id)
        if offer is not None:
            printed.append(printed_coupon(coupon, offer, keys, program))
    return tuple(printed)
