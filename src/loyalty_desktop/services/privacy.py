"""Data protection requests: a member's data exported on request, or erased (PIPL, GDPR)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from loyalty_desktop.domain.errors import InvalidRequest, StorageBusy
from loyalty_desktop.domain.json_data import JsonObject
from loyalty_desktop.domain.members import Member, MemberStatus, erased
from loyalty_desktop.domain.money import format_money
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.changes import Changes
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.events import erased_event
from loyalty_desktop.services.journal import publish, write_audit
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.offers import member_offers
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.surveys import answers_of

T = TypeVar("T")

ERASED_RULE = "(erased)"  # what an offer's record says chose an erased member


@dataclass(frozen=True)
class Erased:
    """An erasure: the member (and duplicates merged into them) without personal data."""

    id: str
    changes: Changes


def profile(member: Member) -> JsonObject:
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


def export_member(shop: Shop, actor: Actor, ref: str, *, deliver: Callable[[JsonObject], T]) -> T:
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
        places = uow.member_events.places_of([member.id, *(m.id for m in merged)])
        data: JsonObject = {
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
                    "sale_id": s.sale_no,
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
            "survey_answers": answers_of(
                uow, [member.id, *(m.id for m in merged)], program.timezone
            ),
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
            "events": [
                {
                    "event": event.name,
                    "starts_at": event.starts_at.isoformat(),
                    "signed_up_at": place.signed_up_at.isoformat(),
                    "checked_in_at": place.checked_in_at.isoformat()
                    if place.checked_in_at
                    else None,
                }
                for event, place in places
            ],
            "personalised_offers": member_offers(uow, member.id),
        }
        delivered = deliver(data)  # the file is written before the export is recorded
        write_audit(
            uow, shop, actor, "member.export", f"member:{member.id}", "data access request", {}, at
        )
        uow.commit()
    return delivered


def erase_here(uow: UnitOfWork, people: Sequence[Member]) -> None:
    """Remove these members' personal data from this database, in the caller's transaction.

    Writes no event: ``erase_member`` publishes its own, and an erasure pulled from the
    server (services/pull.py) is another store's fact that must not echo back.
    """
    ids = [p.id for p in people]
    # Their answers are their opinions, tied to their sales: they go with them.
    uow.surveys.erase(ids)
    # Which events they signed up for and came to is about them too; a future place is freed.
    uow.member_events.erase_places(ids)
    # Why an offer chose them (birthday month, categories they buy) is their profile too.
    uow.offers.forget_rules(ids, ERASED_RULE)
    for person in people:
        uow.members.save(erased(person))


def forget_outbox_profiles(shop: Shop, member_ids: Sequence[str]) -> None:
    """Take erased members' profiles out of this till's outbox (its own short transaction).

    A ``member.profile_changed`` event carries the profile to the server, and the outbox
    keeps sent events; run after the erasure commits, and again by an erasure repeated.
    """
    if shop.sync_queue is not None and member_ids:
        shop.sync_queue.forget_profiles(member_ids)


def erase_member(shop: Shop, actor: Actor, ref: str) -> Erased:
    """Remove a member's personal data (and that of duplicates merged into them); ledger totals stay.

    Erasing an erased member again changes nothing (but purges old copies still owed).
    """
    require(actor, Permission.ERASE)
    with shop.uow() as uow:
        member = find_member(uow, ref, shop.card_keys, for_update=True, follow=False)
        if member.merged_into and member.status is not MemberStatus.ERASED:
            # Its phone and e-mail may live on in the member it was merged into.
            keeper = find_member(uow, f"id:{member.merged_into}", shop.card_keys)
            raise InvalidRequest(
                f"member {member.member_no} was merged into member {keeper.member_no}; erase "
                f"{keeper.member_no} (that erases {member.member_no} too)",
                reason="erase_merged_member",
                member_no=member.member_no,
                keeper=keeper.member_no,
            )
        at = shop.clock.now()
        people = [member] + [
            m
            for m in (
                uow.members.get(i, for_update=True) for i in uow.members.merged_into(member.id)
            )
            if m
        ]
        pending = [p for p in people if p.status is not MemberStatus.ERASED or p.phone or p.email]
        erase_here(uow, pending)
        for person in pending:
            publish(uow, shop.device_id, erased_event(person.id, at))
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
    forget_outbox_profiles(shop, [p.id for p in people])
    # The old rows must not survive in the file's free space or its log either.
    if not shop.housekeeping.purge_old_versions():
        raise StorageBusy(
            "the member's data was erased, but another program is reading the database, so "
            "old copies could not be purged from its files yet; close the other tills and run "
            "the erasure again",
            code="purge_pending",
        )
    return Erased(member.id, Changes.of_members(*(p.id for p in people), audit=True))
