"""Which member number a new member gets: the store's block once connected, the card number before.

A till connected to the central server knows its store number (``sync connect`` keeps it
in the settings) and numbers new members inside that store's block
(``domain.member_numbers``), so two stores of one chain enrolling offline never give
out the same number. A till never connected numbers members as it always has (the card
number), and members keep the numbers they have.
"""

from __future__ import annotations

import json

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.member_numbers import (
    MAX_SEQ,
    block_number,
    block_range,
    valid_store_no,
)
from loyalty_desktop.services.ports import UnitOfWork

STORE_NO = "sync.store_no"  # the store number the server gave this store (settings)
# "STORE_NO:SEQ": the last sequence this till gave out in that store's block (settings)
MEMBER_SEQ = "sync.member_seq"
_FIRST_LOCAL_CARD = 10_000_001  # as the members repository numbers them
_LAST_LOCAL_CARD = 99_999_999  # a till's own card numbers: below the shortest block number
_CHUNK = 1000  # block numbers looked up at once when the counter is first worked out
SHARED_CARDS = "sync.shared_cards"  # card numbers two members of the chain hold (JSON list)


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

    The next free number after the block's counter (``sync.member_seq``, the last number
    given out here): a number typed by hand into the block, here or at another store and
    pulled, is passed over and never given out again, but a number far ahead of the
    counter (the block's last, typed at another store) does not use the block up.
    """
    number = store_no(uow)
    if number is None:
        return None
    seq = _counter(uow, number) + 1
    while seq <= MAX_SEQ and uow.members.by_number(block_number(number, seq)) is not None:
        seq += 1
    if seq > MAX_SEQ:
        first, last = block_range(number)
        raise InvalidRequest(
            f"this store has given out every member number from {first} to {last}; "
            "type a member number",
            reason="member_numbers_used_up",
            first_no=first,
            last_no=last,
        )
    uow.settings.set(MEMBER_SEQ, f"{number}:{seq}")
    return block_number(number, seq)


def start_block(uow: UnitOfWork) -> None:
    """Keep the block's counter from when the till is connected (``sync connect``).

    From then on, numbers pulled into the block (typed at another store) do not move it;
    connecting again to the same store keeps it.
    """
    number = store_no(uow)
    if number is not None:
        uow.settings.set(MEMBER_SEQ, f"{number}:{_counter(uow, number)}")


def _counter(uow: UnitOfWork, number: int) -> int:
    """The last sequence given out in the block of store ``number`` (0 before the first).

    With none kept yet (``sync connect``, or a till connected before the counter), the one
    before the block's first number no member here holds: every number this till gave out
    is held here, so a free one was never given out here, and a number far ahead (the
    block's last, pulled) does not count. Read in chunks of the block, once.
    """
    kept = (uow.settings.get(MEMBER_SEQ) or "").split(":")
    if len(kept) == 2 and kept[0] == str(number) and kept[1].isascii() and kept[1].isdigit():
        return int(min(int(kept[1]), MAX_SEQ))
    done = 0
    while done < MAX_SEQ:
        chunk = [block_number(number, s) for s in range(done + 1, min(done + _CHUNK, MAX_SEQ) + 1)]
        held = {m.member_no for m in uow.members.by_numbers(chunk)}
        free = next((i for i, no in enumerate(chunk) if no not in held), None)
        if free is not None:
            return done + free
        done += len(chunk)
    return int(MAX_SEQ)


def next_card_no(uow: UnitOfWork) -> int:
    """A card number no member here holds, unique across the chain once connected.

    A connected till numbers cards in its store's block, as it numbers members (one more
    than the highest card number of the block held here: nobody types a card number, and
    other stores' cards are in their own blocks), so a card carries a number no other
    store gives out and a pulled member keeps the card number it was enrolled with. A till
    never connected numbers cards from its own counter, as always.
    """
    number = store_no(uow)
    if number is None:
        # below any block (a till's own numbers are 8 digits), so a member numbered by
        # its card number never takes a number of a block it held or pulled
        card = uow.members.next_card_no(within=(_FIRST_LOCAL_CARD, _LAST_LOCAL_CARD))
        return card if card <= _LAST_LOCAL_CARD else uow.members.next_card_no()
    first, last = (int(n) for n in block_range(number))
    card = uow.members.next_card_no(within=(first, last))
    if card > last:
        raise InvalidRequest(
            f"this store has given out every card number from {first} to {last}",
            reason="card_numbers_used_up",
            first_no=str(first),
            last_no=str(last),
        )
    return card


def shared_cards(uow: UnitOfWork) -> set[int]:
    """Card numbers this till holds for one member and another store's card for another.

    Cards printed before card numbers were chain-unique carry a till's own counter, so a
    pulled member's card may carry a number a member here holds. Such a card cannot say
    whose it is: it is refused (``card_shared``), never credited to the wrong person.
    """
    return {int(n) for n in json.loads(uow.settings.get(SHARED_CARDS) or "[]")}


def note_shared_card(uow: UnitOfWork, card_no: int) -> None:
    """Remember that ``card_no`` names two members of the chain (see ``shared_cards``)."""
    known = shared_cards(uow)
    if card_no not in known:
        uow.settings.set(SHARED_CARDS, json.dumps(sorted(known | {card_no})))
