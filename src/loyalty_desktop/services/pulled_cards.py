"""A card reprinted at another store, followed here: the new card is read, the one before refused.

The server keeps each member's newest card (server/cards.py) and a member's pull-log change
carries its number and serial. A card with the member's number here replaces this till's
only with a higher serial, so a card reprinted here meanwhile (not yet on the server)
stands. A card with another number (the one-digit serial used up, or the number shared) is
taken when no other member here holds that number; one that another member holds is
noted as shared (its cards are refused here, ``note_shared_card``) and the member keeps
the card this till gave them. Nothing is written to the outbox: the reprint is the other
store's fact.
"""

from __future__ import annotations

from dataclasses import replace

from loyalty_desktop.domain.members import Member
from loyalty_desktop.services.member_numbers import note_shared_card
from loyalty_desktop.services.ports import UnitOfWork


def follow_card(uow: UnitOfWork, member: Member, card_no: int | None, serial: int | None) -> Member:
    """The member with the newest card the server knows, if it is newer than this till's."""
    if card_no is None or serial is None:
        return member  # never reprinted, or a server before reprints travelled
    if card_no == member.card_no:
        if serial <= member.card_serial:
            return member  # this card, or an older one: the newer one here stands
        newer = replace(member, card_serial=serial)
    else:
        holder = uow.members.by_card(card_no)
        if holder is not None and holder.id != member.id:
            note_shared_card(uow, card_no)
            return member
        newer = replace(member, card_no=card_no, card_serial=serial)
    uow.members.save(newer)
    return newer
