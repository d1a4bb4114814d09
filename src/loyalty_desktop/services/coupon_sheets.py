"""A member's open coupons printed on the receipt printer at the desk, without a sale.

For the member who asks for their coupons on paper (they lost the SMS): every
coupon of theirs that is unused and whose offer has not ended, oldest first,
under the receipt's header and their masked number. Printing them here does
not count as the receipt printing them: the next sale's receipt may print
them again (the member asked for this sheet; a receipt would not repeat them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from loyalty_desktop.domain.money import Currency
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.coupons import MAX_ON_FILE
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.receipt_coupons import ReceiptCoupon, printed_coupon
from loyalty_desktop.services.receipts import mask_member_no, receipt_header


@dataclass(frozen=True)
class CouponSheet:
    """What the sheet prints: the receipt's header, the masked member number, their coupons."""

    header: str
    member_no: str
    currency: Currency
    coupons: tuple[ReceiptCoupon, ...]


def member_coupon_sheet(
    shop: Shop, actor: Actor, member_ref: str, at: datetime | None = None
) -> CouponSheet:
    """The member's unused coupons whose offer has not ended at ``at`` (now), to print.

    Raises:
        UnknownMember: no such member (or they were erased).
    """
    require(actor, Permission.PRINT_CARD)
    when = at or shop.clock.now()
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        member = find_member(uow, member_ref, shop.card_keys)
        found = []
        for coupon in uow.offers.open_coupons_of(member.id, MAX_ON_FILE):
            offer = uow.offers.get(coupon.offer_id)
            if offer is not None and when < offer.ends_at:
                found.append(printed_coupon(coupon, offer, shop.card_keys, program))
        header = receipt_header(uow)
    return CouponSheet(header, mask_member_no(member.member_no), program.currency, tuple(found))
