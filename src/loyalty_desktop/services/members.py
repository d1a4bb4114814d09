"""Enrolling members, showing them, their cards, and honouring export and erase requests."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TypeVar

from loyalty_desktop.domain.cards import (
    MAX_CARD_SERIAL,
    PREFIX,
    CardCode,
    clean_scan,
    encode_card,
    payment_kind,
)
from loyalty_desktop.domain.errors import (
    DuplicateMember,
    InvalidRequest,
    MemberClosed,
    PaymentCode,
)
from loyalty_desktop.domain.members import Member, check_email, check_name
from loyalty_desktop.domain.phones import is_phone_shaped, normalize_phone
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.changes import Changes
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.events import (
    card_reissued_event,
    enrolled_event,
    enrolment_profile_event,
)
from loyalty_desktop.services.journal import publish
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.member_numbers import block_member_no, next_card_no, shared_cards
from loyalty_desktop.services.moments import request_moment
from loyalty_desktop.services.ports import CardKeys, UnitOfWork
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.restored_till import refuse_until_synced

MAX_MEMBER_NO = 20
T = TypeVar("T")


@dataclass(frozen=True)
class NewMember:
    """What a cashier types to enrol someone."""

    name: str
    phone: str | None = None
    email: str | None = None
    birthday: date | None = None
    consent: bool = False
    member_no: str | None = None


def card_code(member: Member, keys: CardKeys) -> str:
    """The digits in the member's QR card."""
    key_id = keys.active_id
    return encode_card(CardCode(key_id, member.card_no, member.card_serial), keys.keys()[key_id])


def check_member_no(member_no: str) -> str:
    """A member number as printed: 1–20 ASCII letters, digits or dashes, NFKC-normalised.

    Never shaped like a payment code, a card code or a phone number: member
    numbers and phones are separate namespaces, so a number can never capture
    another member's phone (``139-1234-5678`` is refused). A payment code is
    refused without being repeated (it must not be logged).
    """
    cleaned = unicodedata.normalize("NFKC", member_no).strip()
    code = clean_scan(cleaned)
    kind = payment_kind(code)
    if kind is not None:
        raise PaymentCode(
            f"this is a {kind} payment code, not a member number",
            reason="payment_code_not_member_no",
            field="member_no",
            kind=kind,
        )
    # What was typed is not repeated: it may be a phone number or a name in the wrong box.
    if code.isdigit() and code.startswith(PREFIX) and len(code) >= 12:
        raise InvalidRequest(
            "this member number would be read as a member card code",
            reason="member_no_card_shaped",
            field="member_no",
        )
    if is_phone_shaped(cleaned):
        raise InvalidRequest(
            "this member number looks like a phone number; member numbers and phone "
            "numbers are kept apart so one can never stand for the other",
            reason="member_no_phone_shaped",
            field="member_no",
        )
    if (
        not cleaned
        or len(cleaned) > MAX_MEMBER_NO
        or not all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in cleaned)
    ):
        raise InvalidRequest(
            f"a member number must be 1–{MAX_MEMBER_NO} letters, digits or dashes",
            reason="member_no_format",
            field="member_no",
            maximum=MAX_MEMBER_NO,
        )
    return cleaned


def new_member(uow: UnitOfWork, data: NewMember, at: datetime) -> Member:
    """Build and store a member (checks, number, card), without committing."""
    refuse_until_synced(uow)  # a restored till would give out numbers given since the backup
    phone = normalize_phone(data.phone) if data.phone else None
    email = check_email(data.email) if data.email else None
    card_no = next_card_no(uow)
    if data.member_no is not None:
        member_no = check_member_no(data.member_no)
        if uow.members.by_number(member_no) is not None:
            raise DuplicateMember(
                f"member number {member_no} is already taken",
                field="member_no",
                member_no=member_no,
            )
    elif (in_block := block_member_no(uow)) is not None:
        member_no = in_block
    else:  # a till never connected: the card number, as always
        member_no = str(card_no)
        while uow.members.by_number(member_no) is not None:
            card_no += 1
            member_no = str(card_no)
    member = member_from(
        replace(data, name=check_name(data.name), phone=phone, email=email), member_no, card_no, at
    )
    uow.members.add(member)
    return member


def member_from(data: NewMember, member_no: str, card_no: int, at: datetime) -> Member:
    """A new member's record from details already checked (``new_member`` and imports check them)."""
    return Member(
        id=str(uuid.uuid4()),
        member_no=member_no,
        card_no=card_no,
        name=data.name,
        created_at=at,
        phone=data.phone,
        email=data.email,
        birthday=data.birthday,
        consent=data.consent,
        consent_at=at if data.consent else None,
    )


def enrol_member(uow: UnitOfWork, shop: Shop, data: NewMember, at: datetime) -> Member:
    """Store a new member and its enrolment events in the caller's transaction (no commit).

    The enrolment itself carries no personal data; the name, phone, e-mail and birthday
    go in a profile event of their own (erasable, ``privacy.forget_outbox_profiles``), so
    the other stores of a chain know the member by name from their next pull.
    """
    member = new_member(uow, data, at)
    publish(uow, shop.device_id, enrolled_event(member, at))
    publish(uow, shop.device_id, enrolment_profile_event(member, at))
    return member


@dataclass(frozen=True)
class Enrolled:
    """A new member: id, number, the card code to print, and members sharing the phone."""

    id: str
    member_no: str
    card: str
    same_phone: tuple[str, ...]
    changes: Changes


def enrol(shop: Shop, actor: Actor, data: NewMember, at: datetime | None = None) -> Enrolled:
    """Enrol a member; returns the id, member number and card code.

    Dating an enrolment in the past (an old paper form) is a manager's right.
    """
    require(actor, Permission.ENROL)
    when = request_moment(shop, actor, at)
    with shop.uow() as uow:
        member = enrol_member(uow, shop, data, when)
        others = uow.members.by_phone(member.phone) if member.phone else []
        uow.commit()
    return Enrolled(
        member.id,
        member.member_no,
        card_code(member, shop.card_keys),
        tuple(m.member_no for m in others if m.id != member.id),
        Changes.of_members(member.id),
    )


def member_card(
    shop: Shop,
    actor: Actor,
    ref: str,
    *,
    reissue: bool = False,
    deliver: Callable[[Member, str, str], T],
) -> T:
    """Hand the member, their card code and the shop name to ``deliver`` (which prints or saves the card).

    ``reissue`` revokes the old card; it is committed only after ``deliver``
    succeeded, so a card that could not be printed leaves the old one working.
    """
    require(actor, Permission.PRINT_CARD)
    with shop.uow(write=reissue) as uow:
        member = find_member(uow, ref, shop.card_keys, for_update=reissue)
        if not member.active:
            raise MemberClosed(
                f"member {member.member_no} is {member.status.value}; no card can be printed",
                reason="member_closed_no_card",
                member_no=member.member_no,
                status=member.status.value,
            )
        _, program = program_in_force(uow)
        shop_name = program.shop_name or uow.settings.get("shop_name") or ""
        if not reissue:
            return deliver(member, card_code(member, shop.card_keys), shop_name)
        refuse_until_synced(uow)  # a restored till would print a revoked card's code again
        if member.card_serial < MAX_CARD_SERIAL and member.card_no not in shared_cards(uow):
            member = replace(member, card_serial=member.card_serial + 1)
        else:
            # The serial is one digit; rather than wrap round and revive the first card,
            # the member gets a new card number, which no earlier card carries. So does a
            # member whose card number another store's member's card carries too.
            member = replace(member, card_no=next_card_no(uow), card_serial=0)
        uow.members.save(member)
        at = shop.clock.now()
        publish(uow, shop.device_id, card_reissued_event(shop.device_id, member, at))
        delivered = deliver(member, card_code(member, shop.card_keys), shop_name)
        uow.commit()
    return delivered
