"""Finding a member from whatever the cashier has: id, member number, phone, or a scanned card."""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass

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
from loyalty_desktop.domain.phones import (
    ascii_digits,
    is_phone_shaped,
    looks_like_phone,
    mask_phone,
    normalize_phone,
)
from loyalty_desktop.services.member_numbers import shared_cards
from loyalty_desktop.services.ports import CardKeys, UnitOfWork


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return len(text) == 36


def _shown(text: str, instead: str) -> str:
    """A reference quoted if it is shaped like a member number, else ``instead``.

    A phone number, a Chinese name or a payment code typed in the wrong box is
    personal data or a secret, and refusals are printed and logged.
    """
    if (
        0 < len(text) <= 20
        and all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in text)
        and not is_phone_shaped(text)
        and payment_kind(text) is None
    ):
        return repr(text)
    return instead


def _follow_merges(uow: UnitOfWork, member: Member, *, for_update: bool) -> Member:
    seen = {member.id}
    while member.status is MemberStatus.CLOSED and member.merged_into:
        nxt = uow.members.get(member.merged_into, for_update=for_update)
        if nxt is None or nxt.id in seen:
            break
        seen.add(nxt.id)
        member = nxt
    return member


@dataclass(frozen=True)
class MemberMatch:
    """The member a reference named, and what it matched: ``id``, ``card``, ``member_no`` or ``phone``."""

    member: Member
    matched: str


# A reference may pin its namespace: "no:10000001", "phone:13800138000", "id:<uuid>".
_PREFIXES = ("no:", "phone:", "id:")


def find_member(
    uow: UnitOfWork, ref: str, keys: CardKeys, *, for_update: bool = False, follow: bool = True
) -> Member:
    """The member a reference names: member id, member number, phone, or the exact text of a card scan.

    A merged-away member resolves to the member they were merged into. A
    payment code is refused without being stored or logged.
    """
    return find_member_match(uow, ref, keys, for_update=for_update, follow=follow).member


def find_member_match(
    uow: UnitOfWork, ref: str, keys: CardKeys, *, for_update: bool = False, follow: bool = True
) -> MemberMatch:
    """Like ``find_member``, also saying which kind of reference matched."""
    text = unicodedata.normalize("NFKC", ref).strip()
    if not text:
        raise UnknownMember("no member reference given", reason="member_ref_missing")
    found = _resolve(uow, text, keys, for_update=for_update)
    if follow:
        found = MemberMatch(_follow_merges(uow, found.member, for_update=for_update), found.matched)
    return found


def holder(uow: UnitOfWork, member_id: str) -> str:
    """The id of the member who now holds a member's points and sales (merges followed)."""
    member = uow.members.get(member_id)
    return _follow_merges(uow, member, for_update=False).id if member else member_id


def _resolve(uow: UnitOfWork, text: str, keys: CardKeys, *, for_update: bool) -> MemberMatch:
    prefix = next((p for p in _PREFIXES if text.lower().startswith(p)), None)
    if prefix is not None:
        return _pinned(uow, prefix, text[len(prefix) :].strip(), for_update=for_update)
    if _is_uuid(text):
        return _pinned(uow, "id:", text, for_update=for_update)
    code = clean_scan(text)
    kind = payment_kind(code)
    if kind is not None:
        raise PaymentCode(
            f"this is a {kind} payment code, not a member card",
            reason="payment_code_not_card",
            kind=kind,
        )
    card_shaped = code.isdigit() and code.startswith(PREFIX)
    if card_shaped and len(code) == LENGTH:
        return MemberMatch(_by_card(uow, code, keys, for_update=for_update), "card")
    by_number = _by_number(uow, text, code, for_update=for_update)
    phones = uow.members.by_phone(normalize_phone(text), limit=5) if looks_like_phone(text) else []
    candidates = ([MemberMatch(by_number, "member_no")] if by_number else []) + [
        MemberMatch(m, "phone") for m in phones if by_number is None or m.id != by_number.id
    ]
    if len(candidates) > 1:
        candidates = _distinct_people(uow, candidates)
    if len(candidates) == 1:
        only = candidates[0]
        return MemberMatch(_locked(uow, only.member, for_update), only.matched)
    if candidates:
        raise _ambiguous(text, candidates)
    if card_shaped and len(code) >= 12:
        return MemberMatch(
            _by_card(uow, code, keys, for_update=for_update), "card"
        )  # says: partial
    if looks_like_phone(text):
        raise UnknownMember(
            f"no member has the number or phone {_shown(text, 'given')}", reason="member_not_found"
        )
    if looks_like_card(text) or not code.isalnum():
        raise InvalidCard(
            "not a valid member card and no member has this number or phone",
            reason="card_invalid_no_match",
        )
    raise UnknownMember(
        f"no member has the number or phone {_shown(text, 'given')}", reason="member_not_found"
    )


def _pinned(uow: UnitOfWork, prefix: str, value: str, *, for_update: bool) -> MemberMatch:
    """A reference with its namespace spelled out: exactly one kind of lookup."""
    if prefix == "id:":
        found = uow.members.get(value.lower(), for_update=for_update) if _is_uuid(value) else None
        if found is None:
            raise UnknownMember(
                f"no member has the id {_shown(value, 'given')}",
                reason="member_id_not_found",
            )
        return MemberMatch(found, "id")
    if prefix == "no:":
        member = _by_number(uow, value, clean_scan(value), for_update=for_update)
        if member is None:
            raise UnknownMember(
                f"no member has the member number {_shown(value, 'given')}",
                reason="member_no_not_found",
            )
        return MemberMatch(member, "member_no")
    if not looks_like_phone(value):
        raise UnknownMember("that is not a phone number", reason="member_phone_invalid")
    matches = uow.members.by_phone(normalize_phone(value), limit=5)
    if not matches:
        raise UnknownMember("no member has this phone number", reason="member_phone_not_found")
    if len(matches) > 1:
        raise _ambiguous(value, [MemberMatch(m, "phone") for m in matches])
    return MemberMatch(_locked(uow, matches[0], for_update), "phone")


def _by_number(uow: UnitOfWork, text: str, code: str, *, for_update: bool) -> Member | None:
    member = uow.members.by_number(text, for_update=for_update)
    if member is None and code != text:
        member = uow.members.by_number(code, for_update=for_update)
    return member


def _distinct_people(uow: UnitOfWork, candidates: list[MemberMatch]) -> list[MemberMatch]:
    """Candidates that are really different people (a merged duplicate is its keeper)."""
    seen: set[str] = set()
    kept = []
    for candidate in candidates:
        who = _follow_merges(uow, candidate.member, for_update=False).id
        if who not in seen:
            seen.add(who)
            kept.append(candidate)
    return kept


def _ambiguous(text: str, candidates: list[MemberMatch]) -> AmbiguousMember:
    def describe(c: MemberMatch) -> str:
        if c.matched == "phone":
            return f"{c.member.member_no} (phone {mask_phone(c.member.phone or '')})"
        return f"{c.member.member_no} (member number)"

    listed = ", ".join(describe(c) for c in candidates[:5])
    return AmbiguousMember(
        f"{_shown(text, 'the number or phone given')} names {len(candidates)} members: {listed}; "
        "scan the card, or write no:NUMBER or phone:NUMBER",
        reason="member_ambiguous",
        count=len(candidates),
        candidates=[
            {"member_no": c.member.member_no, "matched": c.matched} for c in candidates[:5]
        ],
    )


def _by_card(uow: UnitOfWork, code: str, keys: CardKeys, *, for_update: bool) -> Member:
    card = decode_card(code, keys.keys())
    if card.card_no in shared_cards(uow):
        raise InvalidCard(
            "not a valid member card: another store's member has a card with this number; "
            "find the member by number or phone and print a new card",
            reason="card_shared",
        )
    member = uow.members.by_card(card.card_no, for_update=for_update)
    if member is None:
        raise InvalidCard(
            "not a valid member card: no member holds this card", reason="card_no_holder"
        )
    if member.card_serial != card.serial:
        raise InvalidCard(
            "not a valid member card: this card was replaced by a newer one",
            reason="card_replaced",
        )
    return member


def _locked(uow: UnitOfWork, member: Member, for_update: bool) -> Member:
    if not for_update:
        return member
    locked = uow.members.get(member.id, for_update=True)
    assert locked is not None
    return locked


def search_phone_tail(uow: UnitOfWork, digits: str, limit: int = 5) -> list[tuple[Member, str]]:
    """Members whose phone ends in these four digits, with their masked phones (at most ``limit``)."""
    tail = ascii_digits(clean_scan(digits))
    if len(tail) != 4 or not (tail.isascii() and tail.isdigit()):
        return []
    return [(m, mask_phone(m.phone or "")) for m in uow.members.by_phone_tail(tail, limit)]
