"""Coupons at the till: check a code, and apply it to a sale exactly once.

A coupon is checked in this order, each refusal with its own reason: the code
(forged, misread, not a coupon), then the record (unknown here), the member
(someone else's), the dates (not yet, expired), whether it was used, and the
offer's budget. Used in a sale, its money off is an order discount (list
prices never change per person) and its points an activity movement; the
coupon is marked used by one conditional update inside the sale's
transaction, so of two tills racing for it only one sale commits, and the
same sale id posted again replays the first answer. The redemption is an
immutable fact in the outbox, keyed by the coupon and the sale, for the
central server (which keeps a coupon used once across the stores).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.coupons import (
    CouponCode,
    InvalidCoupon,
    IssuedCoupon,
    decode_coupon,
    encode_coupon,
)
from loyalty_desktop.domain.errors import IdConflict
from loyalty_desktop.domain.ledger import Movement, MovementKind, take
from loyalty_desktop.domain.members import Member, MemberStatus
from loyalty_desktop.domain.money import Currency, format_money, parse_non_negative_money
from loyalty_desktop.domain.offers import Offer, OfferKind, extra_points, money_off
from loyalty_desktop.domain.pricing import price_basket
from loyalty_desktop.domain.program import Program
from loyalty_desktop.domain.sales import Sale
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.baskets import SaleRequest, basket_lines
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.events import coupon_event
from loyalty_desktop.services.expiry import open_account
from loyalty_desktop.services.journal import publish
from loyalty_desktop.services.lookup import find_member
from loyalty_desktop.services.moments import request_moment
from loyalty_desktop.services.ports import CardKeys, UnitOfWork
from loyalty_desktop.services.postings import Account, new_lot, post
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.sale_results import CouponApplied, SaleResult
from loyalty_desktop.services.standing import tier_at


@dataclass(frozen=True)
class CouponCheck:
    """A coupon that can be used now, and what it gives."""

    code: str
    number: int
    offer_id: str
    offer: str
    kind: OfferKind
    gives: str  # "10.00 off", "15% off", "2× points", "200 points", "a free TEA-01"
    value: str  # the number in ``gives`` ("10.00", "15", "2", "200") or the free item's SKU
    member_no: str
    valid_until: datetime  # the last moment, in the shop's zone


def coupon_code(number: int, key_id: int, keys: CardKeys) -> str:
    """The digits of a stored coupon, signed with the key it was issued under."""
    return encode_coupon(CouponCode(key_id, number), keys.keys()[key_id])


def gift_value(offer: Offer, cur: Currency) -> str:
    """The amount, percent, multiplier, points or SKU a coupon gives, as text."""
    return {
        OfferKind.MONEY_OFF: format_money(offer.amount, cur),
        OfferKind.PERCENT_OFF: f"{offer.percent.normalize():f}",
        OfferKind.MULTIPLIER: f"{offer.multiplier.normalize():f}",
        OfferKind.BONUS_POINTS: str(offer.points),
        OfferKind.FREE_ITEM: offer.sku or "",
    }[offer.kind]


def describe_gift(offer: Offer, cur: Currency) -> str:
    """What one coupon gives, in a few words (English; screens translate by kind)."""
    if offer.kind is OfferKind.MONEY_OFF:
        return f"{format_money(offer.amount, cur)} off"
    if offer.kind is OfferKind.PERCENT_OFF:
        return f"{offer.percent.normalize():f}% off"
    if offer.kind is OfferKind.MULTIPLIER:
        return f"{offer.multiplier.normalize():f}× points"
    if offer.kind is OfferKind.BONUS_POINTS:
        return f"{offer.points} bonus points"
    return f"a free {offer.sku}"


def gift_in_both(offer: Offer, cur: Currency) -> str:
    """What a coupon gives in English and Chinese, for the printed coupon and the SMS list."""
    value = gift_value(offer, cur)
    chinese = {
        OfferKind.MONEY_OFF: f"立减 {value}",
        OfferKind.PERCENT_OFF: f"立减 {value}%",
        OfferKind.MULTIPLIER: f"{value} 倍积分",
        OfferKind.BONUS_POINTS: f"额外 {value} 积分",
        OfferKind.FREE_ITEM: f"免费 {value} 一件",
    }[offer.kind]
    return f"{describe_gift(offer, cur)} · {chinese}"


def _shop_day(at: datetime, program: Program) -> str:
    return at.astimezone(ZoneInfo(program.timezone)).strftime("%Y-%m-%d %H:%M")


def last_moment(offer: Offer) -> datetime:
    """The last moment a coupon of the offer is good (its end is the next day's midnight)."""
    return offer.ends_at - timedelta(minutes=1)


def usable_coupon(
    uow: UnitOfWork,
    keys: CardKeys,
    program: Program,
    code: str,
    member: Member | None,
    at: datetime,
    *,
    for_sale: str | None = None,
) -> tuple[IssuedCoupon, Offer]:
    """The coupon a code names and its offer, if it can be used by ``member`` at ``at``.

    ``for_sale``: the sale id about to use it (a coupon that sale already used is fine).
    """
    decoded = decode_coupon(code, keys.keys())
    coupon = uow.offers.coupon(decoded.number)
    offer = uow.offers.get(coupon.offer_id) if coupon else None
    if coupon is None or offer is None or coupon.key_id != decoded.key_id:
        raise InvalidCoupon(
            "this coupon is not known at this till yet; sync and try again",
            reason="coupon_unknown",
        )
    owner = uow.members.get(coupon.member_id)
    if owner is not None and owner.status is MemberStatus.ERASED:
        # Every sale to them is refused: a tick at the till would be a promise broken at F12.
        raise InvalidCoupon(
            "this coupon's member was erased; it can no longer be used",
            reason="coupon_member_erased",
        )
    if member is not None:
        owners = {member.id, *uow.members.merged_into(member.id)}
        if coupon.member_id not in owners:
            raise InvalidCoupon(
                "this coupon belongs to another member", reason="coupon_other_member"
            )
    if coupon.redeemed_at is not None and coupon.sale_no != for_sale:
        used = _shop_day(coupon.redeemed_at, program)
        raise InvalidCoupon(
            f"this coupon was already used on {used}", reason="coupon_used", at=used
        )
    if at < offer.starts_at:
        start = _shop_day(offer.starts_at, program)
        raise InvalidCoupon(
            f"this coupon can be used from {start}", reason="coupon_not_yet", start=start
        )
    if at >= offer.ends_at:
        end = _shop_day(last_moment(offer), program)
        raise InvalidCoupon(f"this coupon expired on {end}", reason="coupon_expired", end=end)
    return coupon, offer


def check_coupon(
    shop: Shop, actor: Actor, code: str, member_ref: str | None = None, at: datetime | None = None
) -> CouponCheck:
    """Whether a coupon can be used now (by the member, if given); refused with its reason if not."""
    require(actor, Permission.SELL)
    when = request_moment(shop, actor, at)
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        member = find_member(uow, member_ref, shop.card_keys) if member_ref else None
        coupon, offer = usable_coupon(uow, shop.card_keys, program, code, member, when)
        owner = uow.offers.member_numbers([coupon.member_id]).get(coupon.member_id, "")
    cur = program.currency
    return CouponCheck(
        code=coupon_code(coupon.number, coupon.key_id, shop.card_keys),
        number=coupon.number,
        offer_id=offer.id,
        offer=offer.name,
        kind=offer.kind,
        gives=describe_gift(offer, cur),
        value=gift_value(offer, cur),
        member_no=owner,
        valid_until=last_moment(offer).astimezone(ZoneInfo(program.timezone)),
    )


MAX_ON_FILE = 20


def open_coupons(
    shop: Shop, actor: Actor, member_ref: str, at: datetime | None = None
) -> tuple[CouponCheck, ...]:
    """The member's coupons usable now (unused, their offer running), oldest first: the till lists them."""
    require(actor, Permission.SELL)
    when = at or shop.clock.now()
    found = []
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        member = find_member(uow, member_ref, shop.card_keys)
        for coupon in uow.offers.open_coupons_of(member.id, MAX_ON_FILE):
            offer = uow.offers.get(coupon.offer_id)
            if offer is None or not offer.valid_at(when):
                continue
            found.append(
                CouponCheck(
                    code=coupon_code(coupon.number, coupon.key_id, shop.card_keys),
                    number=coupon.number,
                    offer_id=offer.id,
                    offer=offer.name,
                    kind=offer.kind,
                    gives=describe_gift(offer, program.currency),
                    value=gift_value(offer, program.currency),
                    member_no=member.member_no,
                    valid_until=last_moment(offer).astimezone(ZoneInfo(program.timezone)),
                )
            )
    return tuple(found)


def with_coupon_discount(request: SaleRequest, off: int, cur: Currency) -> SaleRequest:
    """The sale as posted: the coupon's money off added to the order discount."""
    if not off:
        return request
    asked = (
        parse_non_negative_money(request.discount, cur, what="discount", field="discount")
        if request.discount
        else 0
    )
    return replace(request, discount=format_money(asked + off, cur))


def price_coupon(
    uow: UnitOfWork,
    shop: Shop,
    program: Program,
    request: SaleRequest,
    member: Member,
    at: datetime,
) -> tuple[IssuedCoupon, Offer, int]:
    """The coupon the sale asks for, checked, and the money it takes off the basket."""
    if request.coupon is None:
        raise ValueError("no coupon asked for")
    coupon, offer = usable_coupon(
        uow, shop.card_keys, program, request.coupon, member, at, for_sale=request.sale_no
    )
    cur = program.currency
    lines = basket_lines(request, cur)
    asked = (
        parse_non_negative_money(request.discount, cur, what="discount", field="discount")
        if request.discount
        else 0
    )
    tier = tier_at(uow, program, member, at)
    priced = price_basket(
        lines,
        order_discount=asked,
        tier_discount_pct=tier.discount_pct if tier else Decimal(0),
        currency=cur,
    )
    return coupon, offer, money_off(offer, priced.lines, priced.net, cur)


def redeem_coupon(
    uow: UnitOfWork,
    shop: Shop,
    program: Program,
    coupon: IssuedCoupon,
    offer: Offer,
    sale: Sale,
    member: Member,
    off: int,
) -> CouponApplied:
    """Give the coupon's points and mark it used by ``sale``, inside the sale's transaction."""
    points = extra_points(offer, sale.earned)
    uow.offers.lock(offer.id)  # another till's coupon of the offer waits: the budget is read once
    money_spent, points_spent = uow.offers.spent(offer.id)
    cost, spent = (points, points_spent) if offer.kind.gives_points else (off, money_spent)
    if offer.budget is not None and spent + cost > offer.budget:
        raise InvalidCoupon(
            f"the budget of {offer.name} is spent; the coupon can no longer be used",
            reason="coupon_budget_spent",
            offer=offer.name,
        )
    movements = []
    if points:
        account = open_account(uow, shop, member)
        movements.append(
            post(
                uow,
                account,
                MovementKind.ACTIVITY,
                points,
                sale.at,
                shop.clock.now(),
                lots=[new_lot(member.id, sale.at, points, program.expiry.days)],
                activity="coupon",
                sale_ref=sale.id,
            )
        )
        member.points_earned += points
        uow.members.save_totals(member)
    if not uow.offers.redeem(coupon.number, sale.at, sale.sale_no, off, points):
        raise InvalidCoupon("this coupon was already used", reason="coupon_used", at="-")
    cur = program.currency
    publish(
        uow,
        shop.device_id,
        coupon_event(
            coupon.id,
            coupon.number,
            offer.id,
            member.id,
            sale,
            format_money(off, cur),
            movements,
        ),
    )
    return CouponApplied(coupon.number, offer.name, off, points)


def replayed_coupon(
    uow: UnitOfWork, shop: Shop, existing: Sale, request: SaleRequest, cur: Currency
) -> IssuedCoupon | None:
    """The coupon a posted sale used, refusing a replay that names another coupon (or none)."""
    used = uow.offers.coupon_of_sale(existing.sale_no)
    asked = decode_coupon(request.coupon, shop.card_keys.keys()).number if request.coupon else None
    if (used.number if used else None) != asked:
        raise IdConflict(
            f"sale id {existing.sale_no} was already posted with another coupon; use a new sale id",
            reason="coupon_other_sale",
            field="sale_id",
            id=existing.sale_no,
        )
    return used


def with_coupon(result: SaleResult, used: IssuedCoupon | None, uow: UnitOfWork) -> SaleResult:
    """A replayed sale's result with the coupon it used, as the first answer said."""
    if used is None:
        return result
    offer = uow.offers.get(used.offer_id)
    applied = CouponApplied(used.number, offer.name if offer else "", used.money_off, used.points)
    return replace(result, coupon=applied, points=result.points + used.points)


def coupon_points_back(
    uow: UnitOfWork,
    account: Account,
    sale: Sale,
    earned_kept: int,
    returned_total: int,
    sale_movements: Sequence[Movement],
    at: datetime,
    recorded_at: datetime,
    *,
    refund_ref: str,
    actor: str,
) -> int:
    """A refund takes back the coupon points the kept goods would not have had; returns them.

    A multiplier's extra follows the points the kept goods earn; a bonus goes
    only when the whole sale comes back. Earlier refunds' take-backs count, so
    a run of partial refunds never takes more than the coupon gave.
    """
    coupon = uow.offers.coupon_of_sale(sale.sale_no)
    offer = uow.offers.get(coupon.offer_id) if coupon else None
    if coupon is None or offer is None or not coupon.points:
        return 0
    if offer.kind is OfferKind.BONUS_POINTS:
        due = 0 if returned_total >= sale.net else coupon.points
    else:
        due = min(extra_points(offer, earned_kept), coupon.points)
    taken = -sum(
        m.points
        for m in sale_movements
        if m.kind is MovementKind.REFUND_REVERSAL and m.activity == "coupon"
    )
    back = max(coupon.points - due - taken, 0)
    if not back:
        return 0
    coupon_lots = {
        lot.id
        for m in sale_movements
        if m.kind is MovementKind.ACTIVITY and m.activity == "coupon"
        for lot in m.lots
    }
    post(
        uow,
        account,
        MovementKind.REFUND_REVERSAL,
        -back,
        at,
        recorded_at,
        allocations=take(account.lots, back, at, first=coupon_lots),
        sale_ref=sale.id,
        refund_ref=refund_ref,
        actor=actor,
        activity="coupon",
    )
    account.member.points_earned -= back
    return back
