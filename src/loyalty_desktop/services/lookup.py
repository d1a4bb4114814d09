"""Finding a member from whatever the cashier has: id, member number, phone, or a scanned card."""

from __future__ import annotations

import uuid

from loyalty_desktop.domain.cards import (
    LENGTH,
    PREFIX,
    clean_scan,
    decode_card,
    looks_like_card,
    payment_kind,
)
from loyalty_desktop.domain.errors import AmbiguousMember, InvalidCard, PaymentCode, UnknownMember
from loyalty_desktop.domain.members import Member, MemberStatus
from loyalty_desktop.domain.phones import looks_like_phone, mask_phone, normalize_phone
from loyalty_desktop.services.ports import CardKeys, UnitOfWork


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return len(text) == 36


def _follow_merges(uow: UnitOfWork, member: Member, *, for_update: bool) -> Member:
    seen = {member.id}
    while member.status is MemberStatus.CLOSED and member.merged_into:
        nxt = uow.members.get(member.merged_into, for_update=for_update)
        if nxt is None or nxt.id in seen:
            break
        seen.add(nxt.id)
        member = nxt
    return member


def find_member(
    uow: UnitOfWork, ref: str, keys: CardKeys, *, for_update: bool = False, follow: bool = True
) -> Member:
    """The member a reference names: member id, member number, phone, or the exact text of a card scan.

    A merged-away member resolves to the member they were merged into. A
    payment code is refused without being stored or logged.
    """
    text = ref.strip()
    if not text:
        raise UnknownMember("no member reference given")
    member = _resolve(uow, text, keys, for_update=for_update)
    return _follow_merges(uow, member, for_update=for_update) if follow else member


def _resolve(uow: UnitOfWork, text: str, keys: CardKeys, *, for_update: bool) -> Member:
    if _is_uuid(text):
        found = uow.members.get(text.lower(), for_update=for_update)
        if found is None:
            raise UnknownMember(f"no member has the id {text}")
        return found
    code = clean_scan(text)
    kind = payment_kind(code)
    if kind is not None:
        raise PaymentCode(f"this is a {kind} payment code, not a member card", kind=kind)
    card_shaped = code.isdigit() and code.startswith(PREFIX)
    if card_shaped and len(code) == LENGTH:
        return _by_card(uow, code, keys, for_update=for_update)
    member = uow.members.by_number(text, for_update=for_update)
    if member is None and code != text:
        member = uow.members.by_number(code, for_update=for_update)
    if member is not None:
        return member
    if card_shaped and len(code) >= 12:
        return _by_card(uow, code, keys, for_update=for_update)  # a partial scan: says so
    if looks_like_phone(text):
        matches = uow.members.by_phone(normalize_phone(text))
        if len(matches) == 1:
            return _locked(uow, matches[0], for_update)
        if len(matches) > 1:
            listed = ", ".join(f"{m.member_no} ({mask_phone(m.phone or '')})" for m in matches[:5])
            raise AmbiguousMember(
                f"{len(matches)} members share this phone number: {listed}; use the member number",
                candidates=[m.member_no for m in matches[:5]],
            )
        raise UnknownMember(f"no member has the number or phone {text!r}")
    if looks_like_card(text) or not code.isalnum():
        raise InvalidCard("not a valid member card and no member has this number or phone")
    raise UnknownMember(f"no member has the number or phone {text!r}")


def _by_card(uow: UnitOfWork, code: str, keys: CardKeys, *, for_update: bool) -> Member:
    card = decode_card(code, keys.keys())
    member = uow.members.by_card(card.card_no, for_update=for_update)
    if member is None:
        raise InvalidCard("not a valid member card: no member holds this card")
    if member.card_serial != card.serial:
        raise InvalidCard("not a valid member card: this card was replaced by a newer one")
    return member


def _locked(uow: UnitOfWork, member: Member, for_update: bool) -> Member:
    if not for_update:
        return member
    locked = uow.members.get(member.id, for_update=True)
    assert locked is not None
    return locked


def search_phone_tail(uow: UnitOfWork, digits: str, limit: int = 5) -> list[tuple[Member, str]]:
    """Members whose phone ends in these four digits, with their masked phones (at most ``limit``)."""
    tail = clean_scan(digits)
    if len(tail) != 4 or not tail.isdigit():
        return []
    return [(m, mask_phone(m.phone or "")) for m in uow.members.by_phone_tail(tail, limit)]
