"""Targeted offers: create one from its file, issue it to its audience, opt members out.

Issuing chooses the members the audience rules pick among those with
marketing consent who have not opted out of personalised offers, splits off
the control group (fixed by the offer's seed, so issuing again keeps every
member's side), records for each member the rule that chose them, and gives
the rest single-use coupons. Issuing again reaches only members the audience
picks now and did not pick before. Prices stay the same for everyone.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from loyalty_desktop.analytics.offer_audience import HistoryFacts, history_facts
from loyalty_desktop.domain.cards import quoted, repeatable
from loyalty_desktop.domain.coupons import IssuedCoupon
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.json_data import JsonObject
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.offer_file import parse_offer
from loyalty_desktop.domain.offers import (
    MemberProfile,
    Offer,
    OfferTarget,
    chosen_by,
    in_control,
)
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.coupon_numbers import check_room, last_coupon_number
from loyalty_desktop.services.coupons import (
    coupon_code,
    describe_gift,
    gift_in_both,
    usable_coupon,
)
from loyalty_desktop.services.events import coupons_issued_events, offer_created_event
from loyalty_desktop.services.journal import publish, write_audit
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.moments import request_moment
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.report_files import ExportTable, csv_bytes
from loyalty_desktop.services.restored_till import refuse_until_synced

MAX_LISTED = 500
COUPON_LIST_HEADERS = ("member_no", "name", "phone", "offer", "gives", "valid_until", "coupon")


@dataclass(frozen=True)
class OfferSummary:
    """An offer with how many members it reached so far."""

    offer: Offer
    gives: str
    given: int  # members given coupons
    control: int  # members in the control group
    redeemed: int  # coupons used
    first_day: date  # the shop days it is valid, both included
    last_day: date


@dataclass(frozen=True)
class Issued:
    """One issue of an offer: who was newly chosen, and why others were left out."""

    offer: Offer
    given: int
    control: int
    coupons: int
    already: int  # chosen by an earlier issue
    opted_out: int  # picked by the rules but opted out of personalised offers
    without_consent: int  # active members left out for want of marketing consent


@dataclass(frozen=True)
class CouponLine:
    """A coupon to send by SMS or WeChat, with whom it is for."""

    member_no: str
    name: str
    phone: str | None
    offer: str
    gives: str
    valid_until: str
    code: str


def find_offer(uow: UnitOfWork, ref: str) -> Offer:
    """An offer by id, or by its exact name when only one offer has it."""
    text = ref.strip()
    found = uow.offers.get(text)
    if found is None:
        named = [o for o in uow.offers.listing(MAX_LISTED) if o.name == text]
        if len(named) > 1:
            raise InvalidRequest(
                f"{len(named)} offers are called {quoted(ref)}; give the offer's id "
                "(loyalty offer list)",
                code="unknown_offer",
                reason="offer_name_shared",
                value=repeatable(ref),
                count=len(named),
            )
        found = named[0] if named else None
    if found is None:
        raise InvalidRequest(
            f"there is no offer {quoted(ref)}",
            code="unknown_offer",
            reason="offer_unknown",
            value=repeatable(ref),
        )
    return found


def create_offer(shop: Shop, actor: Actor, text: str, source: str = "<offer>") -> Offer:
    """A new offer from an offer file's text (``domain/offer_file.py``); managers only, audited."""
    require(actor, Permission.PROGRAM)
    with shop.uow() as uow:
        _, program = program_in_force(uow)
        offer_id = str(uuid.uuid4())
        offer = parse_offer(text, program.currency, program.timezone, source, offer_id)
        tiers = [level.name for level in program.tiers.levels]
        for tier in offer.audience.tiers:
            if tier not in tiers:
                raise InvalidRequest(
                    f"the programme has no tier called {quoted(tier)}",
                    reason="offer_unknown_tier",
                    field="audience",
                    tier=repeatable(tier),
                )
        _name_free(uow, offer, shop.clock.now())
        seed = offer.seed or int(offer_id.replace("-", "")[:8], 16)  # 0: one of its own
        offer = dataclasses.replace(offer, seed=seed, created_at=shop.clock.now())
        uow.offers.add(offer)
        publish(uow, shop.device_id, offer_created_event(offer))  # other stores honour its coupons
        write_audit(
            uow,
            shop,
            actor,
            "offer.create",
            f"offer:{offer.id}",
            offer.name,
            {"kind": offer.kind.value, "rules": [name for name, _ in offer.audience.rules()]},
            shop.clock.now(),
        )
        uow.commit()
    return offer


def _name_free(uow: UnitOfWork, offer: Offer, now: datetime) -> None:
    """Refuse a name an offer not over yet has: cashiers and commands name offers by it.

    An ended offer's name may come back (next spring's "Spring sale"); the id tells them apart.
    """
    for other in uow.offers.listing(MAX_LISTED):
        if other.name == offer.name and other.ends_at > now:
            raise InvalidRequest(
                f"an offer called {quoted(offer.name)} is still running (until "
                f"{other.ends_at.date().isoformat()}); give this one another name",
                reason="offer_name_taken",
                value=repeatable(offer.name),
                end=other.ends_at.date().isoformat(),
            )


def shop_days(offer: Offer, timezone: str) -> tuple[date, date]:
    """The first and last shop day an offer is valid (its end moment is the next day's midnight)."""
    zone = ZoneInfo(timezone)
    last = offer.ends_at - timedelta(microseconds=1)
    return offer.starts_at.astimezone(zone).date(), last.astimezone(zone).date()


def list_offers(shop: Shop, actor: Actor) -> list[OfferSummary]:
    """Offers, newest first, with members reached and coupons used."""
    require(actor, Permission.FIND_MEMBER)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        offers = uow.offers.listing(MAX_LISTED)
        counts = uow.offers.counts([o.id for o in offers])
    return [
        OfferSummary(
            o,
            describe_gift(o, program.currency),
            *counts.get(o.id, (0, 0, 0)),
            *shop_days(o, program.timezone),
        )
        for o in offers
    ]


def show_offer(shop: Shop, actor: Actor, ref: str) -> OfferSummary:
    """One offer with its counts."""
    require(actor, Permission.FIND_MEMBER)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        offer = find_offer(uow, ref)
        counts = uow.offers.counts([offer.id]).get(offer.id, (0, 0, 0))
    return OfferSummary(
        offer,
        describe_gift(offer, program.currency),
        *counts,
        *shop_days(offer, program.timezone),
    )


def _profiles(members: list[Member], facts: HistoryFacts) -> Iterator[MemberProfile]:
    for m in members:
        no = m.member_no
        yield MemberProfile(
            member_id=m.id,
            member_no=no,
            tier=m.tier,
            segment=facts.segment.get(no),
            stage=facts.stage.get(no),
            churn_band=facts.churn_band.get(no),
            birthday_month=m.birthday.month if m.birthday else None,
            categories=facts.categories.get(no, frozenset()),
            stores=facts.stores.get(no, frozenset()),
        )


def issue_offer(shop: Shop, actor: Actor, ref: str, at: datetime | None = None) -> Issued:
    """Choose the offer's audience now and give each chosen member outside the control group coupons."""
    require(actor, Permission.PROGRAM)
    when = request_moment(shop, actor, at)  # an audience as of a moment still to come is a guess
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        offer = find_offer(uow, ref)
        everyone = 0
        consenting: list[Member] = []
        for member in uow.members.active():  # in batches: only those who may be reached are kept
            everyone += 1
            if member.consent:
                consenting.append(member)
        opted = uow.offers.opted_out()
    if when >= offer.ends_at:
        end = shop_days(offer, program.timezone)[1].isoformat()  # the last day it was good
        raise InvalidRequest(
            f"{offer.name} ended on {end}; it can no longer be issued",
            reason="offer_over",
            offer=offer.name,
            end=end,
        )
    audience = offer.audience
    needs_history = audience.needs_purchases or bool(audience.categories)
    facts = (
        history_facts(shop.reports, audience, when, program.timezone, program.lifecycle)
        if needs_history
        else HistoryFacts()
    )
    if audience.churn_bands and facts.churn_unavailable:
        raise InvalidRequest(
            facts.churn_unavailable, reason="churn_too_few_members", field="audience",
            cutoff=when.date().isoformat(), members=0,
        )  # fmt: skip
    picked = [(p, chosen_by(audience, p)) for p in _profiles(consenting, facts)]
    chosen = [(p, rule) for p, rule in picked if rule is not None]
    now = shop.clock.now()
    with shop.uow() as uow:
        refuse_until_synced(uow)  # a restored till would number coupons given since the backup
        before = uow.offers.targets(offer.id)
        number = last_coupon_number(uow)
        key_id = shop.card_keys.active_id
        targets: list[OfferTarget] = []
        issued: list[IssuedCoupon] = []
        skipped_opt_out = already = 0
        for who, rule in chosen:
            if who.member_id in before:
                already += 1
                continue
            if who.member_id in opted:
                skipped_opt_out += 1
                continue
            control = in_control(offer.seed, who.member_id, offer.control_share)
            targets.append(OfferTarget(offer.id, who.member_id, control, rule or "", now))
            for _ in range(0 if control else offer.per_member):
                number += 1
                issued.append(
                    IssuedCoupon(number, str(uuid.uuid4()), offer.id, who.member_id, key_id, now)
                )
        check_room(uow, number)
        uow.offers.add_targets(targets)
        uow.offers.add_coupons(issued)
        _publish_issue(uow, shop, offer, issued)
        control_count = sum(t.control for t in targets)
        write_audit(
            uow,
            shop,
            actor,
            "offer.issue",
            f"offer:{offer.id}",
            offer.name,
            {"given": len(targets) - control_count, "control": control_count},
            now,
        )
        uow.commit()
    return Issued(
        offer,
        len(targets) - control_count,
        control_count,
        len(issued),
        already,
        skipped_opt_out,
        everyone - len(consenting),
    )


def _publish_issue(uow: UnitOfWork, shop: Shop, offer: Offer, issued: list[IssuedCoupon]) -> None:
    """The coupons as facts for the other stores, after the offer's own.

    The offer goes again with each issue (the server keeps its first definition), so an
    offer created before offers travelled reaches the other stores before its coupons.
    """
    if not issued:
        return
    again = offer_created_event(offer, f"offer:{offer.id}:issue:{issued[0].id}")
    uow.outbox.add_many([again, *coupons_issued_events(offer, issued)], shop.device_id)


def coupon_list(shop: Shop, actor: Actor, ref: str) -> list[CouponLine]:
    """The offer's unused coupons with each member's name and phone, for an SMS or WeChat send.

    Only members who still consent to marketing and have not opted out are listed.
    """
    require(actor, Permission.EXPORT)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        offer = find_offer(uow, ref)
        opted = uow.offers.opted_out()
        found = [c for c in uow.offers.coupons(offer.id) if c.redeemed_at is None]
        people = {m.id: m for m in (uow.members.get(c.member_id) for c in found) if m}
    until = shop_days(offer, program.timezone)[1].isoformat()
    gives = gift_in_both(offer, program.currency)
    return [
        CouponLine(
            m.member_no,
            m.name,
            m.phone,
            offer.name,
            gives,
            until,
            coupon_code(c.number, c.key_id, shop.card_keys),
        )
        for c in found
        if (m := people.get(c.member_id)) is not None
        and m.active
        and m.consent
        and m.id not in opted
    ]


def coupon_to_print(shop: Shop, actor: Actor, code: str) -> tuple[str, CouponLine]:
    """The shop's name and a coupon to print, checked like at the till (forged, used, expired…)."""
    require(actor, Permission.PRINT_CARD)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        coupon, offer = usable_coupon(uow, shop.card_keys, program, code, None, shop.clock.now())
        member = uow.members.get(coupon.member_id)
        shop_name = program.shop_name or uow.settings.get("shop_name") or ""
    line = CouponLine(
        member.member_no if member else "",
        "",
        None,
        offer.name,
        gift_in_both(offer, program.currency),
        shop_days(offer, program.timezone)[1].isoformat(),
        coupon_code(coupon.number, coupon.key_id, shop.card_keys),
    )
    return shop_name, line


def coupon_list_csv(lines: list[CouponLine]) -> bytes:
    """The coupon list as a CSV file for an SMS or WeChat tool (UTF-8 with a BOM, formulas defused)."""
    rows = tuple(
        (c.member_no, c.name, c.phone, c.offer, c.gives, c.valid_until, c.code) for c in lines
    )
    return csv_bytes([ExportTable("coupons", COUPON_LIST_HEADERS, rows)])


@dataclass(frozen=True)
class OfferChoice:
    """A member's choice about personalised offers (``since`` None: they get them)."""

    member_id: str
    member_no: str
    since: datetime | None


def set_offer_opt_out(shop: Shop, actor: Actor, ref: str, opted_out: bool) -> OfferChoice:
    """Opt a member out of personalised offers (or back in), apart from marketing consent; audited."""
    require(actor, Permission.ENROL)
    now = shop.clock.now()
    with shop.uow() as uow:
        member = find_member(uow, ref, shop.card_keys, for_update=True)
        uow.offers.set_opt_out(member.id, now if opted_out else None)
        write_audit(
            uow,
            shop,
            actor,
            "member.offers_opt_out" if opted_out else "member.offers_opt_in",
            f"member:{member.id}",
            None,
            {},
            now,
        )
        uow.commit()
    return OfferChoice(member.id, member.member_no, now if opted_out else None)


def offer_choice(shop: Shop, actor: Actor, ref: str) -> OfferChoice:
    """Whether a member gets personalised offers (``since`` None) or opted out, and when."""
    require(actor, Permission.FIND_MEMBER)
    with shop.uow(write=False) as uow:
        member = find_member(uow, ref, shop.card_keys)
        return OfferChoice(member.id, member.member_no, uow.offers.opt_out_of(member.id))


def member_offers(uow: UnitOfWork, member_id: str) -> JsonObject:
    """A member's offers for their data export: each offer, the rule that chose them, its coupons."""
    since = uow.offers.opt_out_of(member_id)
    return {
        "opted_out_of_personalised_offers": since.isoformat() if since else None,
        "offers": [
            {
                "offer": offer.name,
                "kind": offer.kind.value,
                "chosen_by": target.rule,
                "control_group": target.control,
                "issued_at": target.issued_at.isoformat(),
                "coupons": [
                    {
                        "number": c.number,
                        "used_at": c.redeemed_at.isoformat() if c.redeemed_at else None,
                        "sale_id": c.sale_no,
                    }
                    for c in uow.offers.coupons(offer.id, member_id)
                ],
            }
            for offer, target in uow.offers.of_member(member_id)
        ],
    }
