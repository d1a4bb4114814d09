"""Coupon numbers unique across the chain: a connected store numbers its coupons in a block of its own.

A coupon is found by its number (the code carries it), and coupons now travel between
stores, so two stores must never give out one number. A connected store numbers in its
block, ``store_no`` × 10**8 + 1 to + 99,999,999 (store 1: 100000001 …; store 9,899 ends
below 10**12, the code's twelve digits). A till never connected numbers from its own
counter below every block (1 …), as before; a number pulled from another store that this
till holds for another coupon is a clash, kept aside by the pull.
"""

from __future__ import annotations

from loyalty_desktop.domain.coupons import BLOCK, LAST_LOCAL, coupon_block
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services.member_numbers import store_no
from loyalty_desktop.services.ports import UnitOfWork

__all__ = ["BLOCK", "LAST_LOCAL", "check_room", "coupon_block", "last_coupon_number"]


def last_coupon_number(uow: UnitOfWork) -> int:
    """The number the next coupon issued here follows (the next ones are this + 1, + 2 …)."""
    number = store_no(uow)
    if number is None:
        return uow.offers.last_coupon_number(within=(1, LAST_LOCAL))
    first, last = coupon_block(number)
    return max(uow.offers.last_coupon_number(within=(first, last)), first - 1)


def check_room(uow: UnitOfWork, last_given: int) -> None:
    """Refuse an issue that would run past the store's block (or the local counter's range)."""
    number = store_no(uow)
    last = LAST_LOCAL if number is None else coupon_block(number)[1]
    if last_given > last:
        raise InvalidRequest(
            f"this store has given out every coupon number up to {last}",
            reason="coupon_numbers_used_up",
            last_no=str(last),
        )
