"""Enrolling members, showing them, their cards, and honouring export and erase requests."""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from loyalty_desktop.domain import ledger
from loyalty_desktop.domain.cards import PREFIX, CardCode, clean_scan, encode_card, payment_kind
from loyalty_desktop.domain.errors import (
    DuplicateMember,
    InvalidRequest,
    MemberClosed,
    PaymentCode,
    StorageBusy,
)
from loyalty_desktop.domain.members import Member, MemberStatus, check_email, check_name, erased
from loyalty_desktop.domain.moments import local_iso
from loyalty_desktop.domain.money import format_money, money_from_decimal
from loyalty_desktop.domain.phones import is_phone_shaped, normalize_phone
from loyalty_desktop.domain.program import Program, TierBasis
from loyalty_desktop.domain.tiers import basis_value, next_tier, tier_for
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit, write_event
from loyalty_desktop.services.lookup import find_member, find_member_match
from loyalty_desktop.services.moments import request_moment
from loyalty_desktop.services.ports import CardKeys, UnitOfWork
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.standing import is_current, points_state, standing

MAX_CARD_SERIAL = 9
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
        raise PaymentCode(f"this is a {kind} payment code, not a member number", kind=kind)
    if code.isdigit() and code.startswith(PREFIX) and len(code) >= 12:
        raise InvalidRequest(
            f"member number {member_no!r} would be read as a member card code",
            field="member_no",
        )
    if is_phone_shaped(cleaned):
        raise InvalidRequest(
            f"member number {member_no!r} looks like a phone number; member numbers and phone "
            "numbers are kept apart so one can never stand for the other",
            field="member_no",
        )
    if (
        not cleaned
        or len(cleaned) > 20
        or not all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in cleaned)
    ):
        raise InvalidRequest(
            f"member number {member_no!r} must be 1–20 letters, digits or dashes",
            field="member_no",
        )
    return cleaned


def new_member(uow: UnitOfWork, data: NewMember, at: datetime) -> Member:
    """Build and store a member (checks, number, card), without committing."""
    phone = normalize_phone(data.phone) if data.phone else None
    email = check_email(data.email) if data.email else None
    card_no = uow.members.next_card_no()
    if data.member_no is not None:
        member_no = check_member_no(data.member_no)
        if uow.members.by_number(member_no) is not None:
            raise DuplicateMember(
                f"member number {member_no} is already taken", member_no=member_no
            )
    else:
        member_no = str(card_no)
        while uow.members.by_number(member_no) is not None:
            card_no += 1
            member_no = str(card_no)
    member = Member(
        id=str(uuid.uuid4()),
        member_no=member_no,
        card_no=card_no,
        name=check_name(data.name),
        created_at=at,
        phone=phone,
        email=email,
        birthday=data.birthday,
        consent=data.consent,
        consent_at=at if data.consent else None,
    )
    uow.members.add(member)
    return member


def member_facts(member: Member) -> dict[str, Any]:
    """A member as an outbox event carries them: identity and status, no personal data.

    Name, phone, e-mail and birthday stay in the members table, the one record
    erasure clears; the central server reads them from there when it syncs.
    """
    return {
        "id": member.id,
        "member_no": member.member_no,
        "consent": member.consent,
        "consent_at": member.consent_at.isoformat() if member.consent_at else None,
        "status": member.status.value,
        "merged_into": member.merged_into,
        "created_at": member.created_at.isoformat(),
    }


def profile(member: Member) -> dict[str, Any]:
    """The member's personal data and status, as an export (access request) carries it."""
    return {
        "id": member.id,
        "member_no": member.member_no,
        "name": member.name,
        "phone": member.phone,
        "email": member.email,
        "birthday": member.birthday.isoformat() if member.birthday else None,
        "consent": member.consent,
        "consent_at": member.consent_at.isoformat() if member.consent_at else None,
        "status": member.status.value,
        "merged_into": member.merged_into,
        "created_at": member.created_at.isoformat(),
    }


def enrol_member(uow: UnitOfWork, shop: Shop, data: NewMember, at: datetime) -> Member:
    """Store a new member and its enrolment event in the caller's transaction (no commit)."""
    member = new_member(uow, data, at)
    write_event(
        uow, shop.device_id, "member.enrolled", f"member:{member.id}", at, member_facts(member)
    )
    return member


def enrol(shop: Shop, actor: Actor, data: NewMember, at: datetime | None = None) -> dict[str, Any]:
    """Enrol a member; returns the id, member number and card code.

    Dating an enrolment in the past (an old paper form) is a manager's right.
    """
    require(actor, Permission.ENROL)
    when = request_moment(shop, actor, at)
    with shop.uow() as uow:
        member = enrol_member(uow, shop, data, when)
        others = uow.members.by_phone(member.phone) if member.phone else []
        uow.commit()
    result: dict[str, Any] = {
        "id": member.id,
        "member_no": member.member_no,
        "card": card_code(member, shop.card_keys),
    }
    same_phone = [m.member_no for m in others if m.id != member.id]
    if same_phone:
        result["same_phone"] = same_phone
    return result


def show_member(shop: Shop, actor: Actor, ref: str, at: datetime | None = None) -> dict[str, Any]:
    """Tier, points, expiring points and spend of a member as of ``at``."""
    require(actor, Permission.FIND_MEMBER)
    with shop.uow(write=False) as uow:
        when = at or shop.clock.now()
        match = find_member_match(uow, ref, shop.card_keys)
        member = match.member
        _, program = program_in_force(uow)
        state = points_state(uow, member, when)
        measures = standing(uow, program, member, when)
        value = basis_value(program.tiers, measures, program.currency)
        tier = tier_for(program.tiers, value)
        upcoming = next_tier(program.tiers, value)
        spend = (
            member.lifetime_spend
            if is_current(member, when)
            else uow.sales.spend_until(member.id, when)
        )
    points = state.available(when)
    cur = program.currency
    return {
        "id": member.id,
        "member_no": member.member_no,
        "name": member.name,
        "tier": tier.name if tier else None,
        "points": points,
        "expiring": [
            {"points": p, "expires_at": local_iso(when_, program.timezone)}
            for p, when_ in ledger.expiring(state.lots, when)
        ],
        "spend": format_money(spend, cur),
        "spendable": ledger.spendable(state.balance, state.lots, when),
        "next_tier": (
            {
                "name": upcoming[0].name,
                "needs": _basis_text(upcoming[1], program),
                "basis": program.tiers.basis.value,
            }
            if upcoming
            else None
        ),
        "status": member.status.value,
        "phone": member.phone,
        "email": member.email,
        "birthday": member.birthday.isoformat() if member.birthday else None,
        "consent": member.consent,
        "card": card_code(member, shop.card_keys) if member.active else None,
        "currency": cur.code,
        "matched": match.matched,
    }


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
                f"member {member.member_no} is {member.status.value}; no card can be printed"
            )
        _, program = program_in_force(uow)
        shop_name = program.shop_name or uow.settings.get("shop_name") or ""
        if not reissue:
            return deliver(member, card_code(member, shop.card_keys), shop_name)
        if member.card_serial < MAX_CARD_SERIAL:
            member = replace(member, card_serial=member.card_serial + 1)
        else:
            # The serial is one digit; rather than wrap round and revive the first card,
            # the member gets a new card number, which no earlier card carries.
            member = replace(member, card_no=uow.members.next_card_no(), card_serial=0)
        uow.members.save(member)
        at = shop.clock.now()
        write_event(
            uow,
            shop.device_id,
            "member.card_reissued",
            f"card:{member.id}:{member.card_no}:{member.card_serial}",
            at,
            {"member_id": member.id, "card_no": member.card_no, "serial": member.card_serial},
        )
        delivered = deliver(member, card_code(member, shop.card_keys), shop_name)
        uow.commit()
    return delivered


def _basis_text(value: Decimal, program: Program) -> str:
    """How much more of the tier basis is needed, written like the basis (money with its decimals)."""
    if program.tiers.basis in (TierBasis.LIFETIME_SPEND, TierBasis.ROLLING_SPEND):
        return format_money(money_from_decimal(value, program.currency), program.currency)
    return str(value)


def export_member(
    shop: Shop, actor: Actor, ref: str, *, deliver: Callable[[dict[str, Any]], T]
) -> T:
    """Everything held about a member (PIPL/GDPR access request), handed to ``deliver``, then audited.

    Duplicates merged into the member are the same person: their profiles and
    histories are part of the export.
    """
    require(actor, Permission.EXPORT)
    with shop.uow() as uow:
        member = find_member(uow, ref, shop.card_keys, follow=False)
        _, program = program_in_force(uow)
        cur = program.currency
        at = shop.clock.now()
        merged = [m for m in (uow.members.get(i) for i in uow.members.merged_into(member.id)) if m]
        sales = uow.sales.of_member(member.id)
        history = uow.ledger.history([member.id, *(m.id for m in merged)])
        data = {
            "exported_at": at.isoformat(),
            "member": profile(member),
            "merged_members": [profile(m) for m in merged],
            "points": {
                "balance": member.balance,
                "tier": member.tier,
                "lifetime_spend": format_money(member.lifetime_spend, cur),
            },
            "sales": [
                {
                    "sale_id": s.sale_id,
                    "at": s.at.isoformat(),
                    "net": format_money(s.net, cur),
                    "paid": format_money(s.paid, cur),
                    "earned": s.earned,
                    "redeemed": s.points_redeemed,
                    "lines": [
                        {
                            "sku": ls.line.sku,
                            "qty": str(ls.line.quantity),
                            "category": ls.line.category,
                            "amount": format_money(ls.line.amount, cur),
                        }
                        for ls in s.lines
                    ],
                }
                for s in sales
            ],
            "movements": [
                {
                    "member_id": m.member_id,
                    "at": m.at.isoformat(),
                    "kind": m.kind.value,
                    "points": m.points,
                    "reason": m.reason,
                }
                for m in history
            ],
        }
        delivered = deliver(data)  # the file is written before the export is recorded
        write_audit(
            uow, shop, actor, "member.export", f"member:{member.id}", "data access request", {}, at
        )
        uow.commit()
    return delivered


def erase_member(shop: Shop, actor: Actor, ref: str) -> dict[str, Any]:
    """Remove a member's personal data (and that of duplicates merged into them); ledger totals stay.

    Erasing an erased member again changes nothing (but purges old copies still owed).
    """
    require(actor, Permission.ERASE)
    with shop.uow() as uow:
        member = find_member(uow, ref, shop.card_keys, for_update=True, follow=False)
        at = shop.clock.now()
        people = [member] + [
            m
            for m in (
                uow.members.get(i, for_update=True) for i in uow.members.merged_into(member.id)
            )
            if m
        ]
        pending = [p for p in people if p.status is not MemberStatus.ERASED or p.phone or p.email]
        for person in pending:
            uow.members.save(erased(person))
            write_event(
                uow,
                shop.device_id,
                "member.erased",
                f"erase:{person.id}",
                at,
                {"member_id": person.id},
            )
        if pending:
            write_audit(
                uow,
                shop,
                actor,
                "member.erase",
                f"member:{member.id}",
                "erasure request",
                {"with_merged": [p.id for p in pending if p.id != member.id]},
                at,
            )
            uow.commit()
    # The old rows must not survive in the file's free space or its log either.
    if not shop.housekeeping.purge_old_versions():
        raise StorageBusy(
            "the member's data was erased, but another program is reading the database, so "
            "old copies could not be purged from its files yet; close the other tills and run "
            "the erasure again",
            code="purge_pending",
        )
    return {"erased": member.id}
