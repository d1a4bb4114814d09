"""Which member number a new member gets: the store's block once connected, the card number before.

A till connected to the central server knows its store number (``sync connect`` keeps it
in the settings) and numbers new members inside that store's block
(``domain.member_numbers``), so two stores of one chain enrolling offline never give
out the same number. A till never connected numbers members as it always has (the card
number), and members keep the numbers they have.
"""

from __future__ import annotations

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.member_numbers import (
    MAX_SEQ,
    SEQ_DIGITS,
    block_head,
    block_number,
    block_range,
    block_seq,
    valid_store_no,
)
from loyalty_desktop.services.ports import UnitOfWork

STORE_NO = "sync.store_no"  # the store number the server gave this store (settings)


def store_no(uow: UnitOfWork) -> int | None:
    """This store's number from the server, or None when it was never given one."""
    text = uow.settings.get(STORE_NO) or ""
    number = int(text) if text.isascii() and text.isdigit() else None
    return number if valid_store_no(number) else None


def block_text(number: int | None) -> str | None:
    """The store's block as shown by ``sync status``: ``"101000001-101999999"``."""
    if number is None:
        return None
    first, last = block_range(number)
    return f"{first}-{last}"


def block_member_no(uow: UnitOfWork) -> str | None:
    """The number a new member gets in this store's block; None for a till never connected.

    One more than the highest number of the block this till holds (a number typed by hand
    into the block counts too, so it is never given out again).
    """
    number = store_no(uow)
    if number is None:
        return None
    top = uow.members.highest_number(block_head(number), SEQ_DIGITS)
    seq = (block_seq(number, top) or 0) + 1 if top else 1
    if seq > MAX_SEQ:
        first, last = block_range(number)
        raise InvalidRequest(
            f"this store has given out every member number from {first} to {last}; "
            "type a member number",
            reason="member_numbers_used_up",
            first_no=first,
            last_no=last,
        )
    return block_number(number, seq)
