"""Checkout: price the basket with the tier discount, take points as payment, earn points, once per sale id."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.earn import EarnContext, earn_points
from loyalty_desktop.domain.errors import (
    IdConflict,
    InvalidAmount,
    InvalidRequest,
    LoyaltyError,
    MemberClosed,
)
from loyalty_desktop.domain.ledger import MovementKind, take
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.moments import local_iso
from loyalty_desktop.domain.money import (
    MAX_MINOR_UNITS,
    Currency,
    format_money,
    line_amount,
    parse_non_negative_money,
    parse_quantity,
    parse_unit_price,
)
from loyalty_desktop.domain.pricing import SaleLine, check_redemption, price_basket
from loyalty_desktop.domain.program import Program
from loyalty_desktop.domain.refunds import LineState
from loyalty_desktop.domain.sales import Sale
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.expiry import open_account
from loyalty_desktop.services.fingerprints import (
    fingerprint,
    number_text,
    require_same,
)
from loyalty_desktop.services.journal import write_event
from loyalty_desktop.services.lookup import find_member_match, holder
from loyalty_desktop.services.moments import request_moment, require_enrolled
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.postings import (
    Account,
    derived_id,
    guard_totals,
    movement_facts,
    new_lot,
    post,
)
from loyalty_desktop.services.programs import program_in_force
from loyalty_desktop.services.retry import once_more_on_conflict
from loyalty_desktop.services.standing import is_backdated, kept_tier, points_as_of, tier_at

TOTAL_SKU = ""  # the one line of a sale rung up as a total
MAX_POINTS_PER_SALE = 10**12  # far above any real sale; keeps every total inside 64 bits


@dataclass(frozen=True)
class LineRequest:
    """A basket line as typed or scanned: text, checked against the currency when posted."""

    sku: str
    quantity: str
    unit_price: str
    category: str | None = None


@dataclass(frozen=True)
class SaleRequest:
    """A sale to post: by total or by lines, with an optional order discount and points to redeem."""

    sale_id: str
    member_ref: str | None
    total: str | None = None
    lines: tuple[LineRequest, ...] = field(default_factory=tuple)
    discount: str | None = None
    redeem: int = 0
    at: datetime | None = None


def check_sale_id(sale_id: str, what: str = "sale id") -> str:
    """A sale, refund or request id: 1–64 visible characters."""
    cleaned = sale_id.strip()
    if not cleaned or len(cleaned) > 64 or not cleaned.isprintable():
        raise InvalidRequest(f"{what} {sale_id!r} must be 1–64 visible characters")
    return cleaned


def basket_lines(request: SaleRequest, currency: Currency) -> list[SaleLine]:
    """The request's lines priced in minor units (a total is one line)."""
    if (request.total is None) == (not request.lines):
        raise InvalidRequest("give either a total or lines, not both and not neither")
    if request.total is not None:
        total = parse_non_negative_money(request.total, currency, what="total")
        return [SaleLine(TOTAL_SKU, Decimal(1), Decimal(total) / currency.scale, None, total)]
    lines = []
    for number, line in enumerate(request.lines, start=1):
        sku = line.sku.strip()
        if not sku:
            raise InvalidRequest(f"line {number} has no SKU")
        qty = parse_quantity(line.quantity, what=f"line {number} quantity")
        price = parse_unit_price(line.unit_price, what=f"line {number} unit price")
        if price < 0:
            raise InvalidRequest(f"line {number} unit price may not be negative")
        category = line.category.strip() if line.category and line.category.strip() else None
        if len(sku) > 64 or (category is not None and len(category) > 64):
            raise InvalidRequest(f"line {number}: SKU and category are at most 64 characters")
        amount = line_amount(qty, price, currency)
        if abs(amount) > MAX_MINOR_UNITS:
            raise InvalidAmount(f"line {number} comes to more than a till can take")
        lines.append(SaleLine(sku, qty, price, category, amount))
    if abs(sum(line.amount for line in lines)) > MAX_MINOR_UNITS:
        raise InvalidAmount("the basket comes to more than a till can take")
    return lines


def sale_fingerprint(request: SaleRequest, lines: list[SaleLine], discount: int) -> str:
    """What a sale request asks for, as parsed (the member is compared separately)."""
    return fingerprint(
        "sale",
        {
            "lines": [
                [ln.sku, number_text(ln.quantity), number_text(ln.unit_price), ln.category]
                for ln in lines
            ],
            "total": request.total is not None,
            "discount": discount,
            "redeem": request.redeem,
        },
    )


def local_date_of(at: datetime, program: Program) -> date:
    """The shop-local calendar date of a moment (campaign days are shop days)."""
    return at.astimezone(ZoneInfo(program.timezone)).date()


def record_sale(
    uow: UnitOfWork,
    shop: Shop,
    program_id: int,
    program: Program,
    request: SaleRequest,
    at: datetime,
    member: Member | None,
    *,
    allow_return: bool = False,
    history: bool = False,
) -> Sale:
    """Post one sale inside the caller's transaction (no commit), with its movements and event.

    ``history`` marks a replay of past sales in time order (imports): points
    lapse as the nightly job would have let them lapse at the sale's moment.
    """
    cur = program.currency
    lines = basket_lines(request, cur)
    discount = (
        parse_non_negative_money(request.discount, cur, what="discount") if request.discount else 0
    )
    if request.redeem < 0:
        raise InvalidRequest("points to redeem may not be negative")
    if member is not None and not member.active:
        raise MemberClosed(f"member {member.member_no} is {member.status.value}")
    tier = tier_at(uow, program, member, at) if member else None
    pricing = price_basket(
        lines,
        order_discount=discount,
        tier_discount_pct=tier.discount_pct if tier else Decimal(0),
        currency=cur,
    )
    net = pricing.net
    if net < 0 and not allow_return:
        raise InvalidRequest("the basket is worth less than nothing; post returns as a refund")
    if member is None and request.redeem:
        raise InvalidRequest("only a member can pay with points")
    ctx = EarnContext(
        local_date_of(at, program),
        tier.name if tier else None,
        member.birthday.month if member and member.birthday else None,
    )
    sale_uuid = derived_id("sale", shop.device_id, request.sale_id)
    account = (
        open_account(uow, shop, member, seed=sale_uuid, as_of=at if history else None)
        if member
        else None
    )
    value = 0
    if account is not None and request.redeem:
        value = check_redemption(
            request.redeem,
            net=net,
            spendable=account.spendable(at),
            rule=program.redeem,
            currency=cur,
        )
    paid = net - value
    sale = Sale(
        id=sale_uuid,
        sale_id=request.sale_id,
        member_id=member.id if member else None,
        at=at,
        recorded_at=shop.clock.now(),
        currency=cur.code,
        lines=[LineState(line) for line in pricing.lines],
        subtotal=pricing.subtotal,
        order_discount=pricing.order_discount,
        tier_discount=pricing.tier_discount,
        net=net,
        points_redeemed=request.redeem if account else 0,
        points_value=value,
        paid=paid,
        earned=0,
        program_id=program_id,
        tier_before=ctx.tier,
        local_date=ctx.local_date,
        birthday_month=ctx.birthday_month,
        device_id=shop.device_id,
        request_hash=sale_fingerprint(request, lines, discount),
    )
    if account is not None and member is not None:
        backdated = is_backdated(member, at)
        if net >= 0:
            _earn_and_redeem(uow, program, account, sale, ctx, request.redeem)
        else:
            _unlinked_return(uow, program, account, sale, ctx)
        # The sale row is stored below; measure the tier with it counted already.
        tier_after = tier_at(
            uow, program, member, at, pending_spend=paid, pending_visits=1 if net > 0 else 0
        )
        member.lifetime_spend += paid
        guard_totals(member)
        member.last_movement_at = max(member.last_movement_at or at, at)
        sale.tier_after = tier_after.name if tier_after else None
        sale.points_after = points_as_of(uow, member, at) if backdated else account.available(at)
    uow.sales.add(sale)
    if account is not None and member is not None:
        member.tier = kept_tier(uow, program, member, at, shop.clock.now(), tier_after)
        uow.members.save_totals(member)
    write_event(
        uow,
        shop.device_id,
        "sale",
        f"sale:{sale.id}",
        at,
        {
            **sale_facts(sale, cur),
            "movements": movement_facts(account.movements) if account else [],
        },
    )
    return sale


def _earn_and_redeem(
    uow: UnitOfWork, program: Program, account: Account, sale: Sale, ctx: EarnContext, redeem: int
) -> None:
    now = sale.recorded_at
    if redeem:
        post(
            uow,
            account,
            MovementKind.REDEEM,
            -redeem,
            sale.at,
            now,
            allocations=take(account.lots, redeem, sale.at),
            sale_ref=sale.id,
        )
    cash_share = Fraction(sale.paid, sale.net) if sale.net > 0 else Fraction(0)
    earned = earn_points(program, sale.sale_lines, cash_share=cash_share, ctx=ctx)
    if earned.points > MAX_POINTS_PER_SALE:
        raise InvalidRequest(
            f"this sale would earn {earned.points} points; check the programme's earning rules",
            code="earn_limit",
        )
    sale.earned = earned.points
    sale.campaigns = earned.campaigns
    if earned.points:
        lot = new_lot(
            account.member.id, sale.at, earned.points, program.expiry.days, lot_id=account.next_id()
        )
        post(
            uow,
            account,
            MovementKind.EARN,
            earned.points,
            sale.at,
            now,
            lots=[lot],
            sale_ref=sale.id,
        )
        account.member.points_earned += earned.points


def _unlinked_return(
    uow: UnitOfWork, program: Program, account: Account, sale: Sale, ctx: EarnContext
) -> None:
    """A return not linked to its sale (imports): take back what the goods would have earned."""
    positive = [
        SaleLine(ln.sku, -ln.quantity, ln.unit_price, ln.category, -ln.amount, -ln.net)
        for ln in sale.sale_lines
    ]
    would_earn = earn_points(program, positive, cash_share=Fraction(1), ctx=ctx).points
    sale.reversed = would_earn
    if would_earn:
        post(
            uow,
            account,
            MovementKind.RETURN_REVERSAL,
            -would_earn,
            sale.at,
            sale.recorded_at,
            allocations=take(account.lots, would_earn, sale.at),
            sale_ref=sale.id,
        )
        account.member.points_earned -= would_earn


def sale_facts(sale: Sale, cur: Currency) -> dict[str, Any]:
    """The sale as an immutable fact (money as decimal strings)."""
    return {
        "id": sale.id,
        "sale_id": sale.sale_id,
        "member_id": sale.member_id,
        "at": sale.at.isoformat(),
        "currency": cur.code,
        "lines": [
            {
                "sku": s.line.sku,
                "qty": str(s.line.quantity),
                "unit_price": str(s.line.unit_price),
                "category": s.line.category,
                "amount": format_money(s.line.amount, cur),
                "net": format_money(s.line.net, cur),
            }
            for s in sale.lines
        ],
        "subtotal": format_money(sale.subtotal, cur),
        "discount": format_money(sale.order_discount, cur),
        "tier_discount": format_money(sale.tier_discount, cur),
        "net": format_money(sale.net, cur),
        "points_redeemed": sale.points_redeemed,
        "points_value": format_money(sale.points_value, cur),
        "paid": format_money(sale.paid, cur),
        "earned": sale.earned,
        "tier_before": sale.tier_before,
        "campaigns": list(sale.campaigns),
        "program_version": sale.program_id,
        "device_id": sale.device_id,
    }


def sale_result(
    sale: Sale, member: Member | None, cur: Currency, timezone: str, *, replayed: bool
) -> dict[str, Any]:
    """What the till and the command line show after a sale (the same on every replay)."""
    return {
        "sale_id": sale.sale_id,
        "earned": sale.earned,
        "redeemed": sale.points_redeemed,
        "points": sale.points_after,
        "tier": sale.tier_after,
        "paid": format_money(sale.paid, cur),
        "member_id": sale.member_id,
        "member_no": member.member_no if member else None,
        "subtotal": format_money(sale.subtotal, cur),
        "discount": format_money(sale.order_discount, cur),
        "tier_discount": format_money(sale.tier_discount, cur),
        "net": format_money(sale.net, cur),
        "points_value": format_money(sale.points_value, cur),
        "campaigns": list(sale.campaigns),
        "at": local_iso(sale.at, timezone),
        "replayed": replayed,
    }


def require_same_sale(uow: UnitOfWork, shop: Shop, existing: Sale, request: SaleRequest) -> str:
    """Refuse a sale id posted again with another basket or another member (``id_conflict``).

    Returns what the member reference matched, as the first answer said.
    """
    cur = Currency.of(existing.currency)
    lines = basket_lines(request, cur)
    discount = (
        parse_non_negative_money(request.discount, cur, what="discount") if request.discount else 0
    )
    require_same(
        existing.request_hash,
        sale_fingerprint(request, lines, discount),
        "sale id",
        existing.sale_id,
        stored_at=existing.at,
        asked_at=request.at,
    )
    asked: str | None = None
    matched = ""
    if request.member_ref:
        try:
            match = find_member_match(uow, request.member_ref, shop.card_keys)
            asked, matched = match.member.id, match.matched
        except LoyaltyError:
            asked = ""  # names nobody now: not the member the sale was for
    owner = holder(uow, existing.member_id) if existing.member_id else None
    if asked != owner:
        raise IdConflict(
            f"sale id {existing.sale_id} was already used for a sale to another member; "
            "use a new sale id for a new sale",
            id=existing.sale_id,
        )
    return matched


def checkout(shop: Shop, actor: Actor, request: SaleRequest) -> dict[str, Any]:
    """Post a sale for a member, once: the same sale id again returns the first result unchanged.

    The same sale id with a different basket or member is refused (``id_conflict``).
    """
    require(actor, Permission.SELL)
    sale_id = check_sale_id(request.sale_id)
    member_ref = request.member_ref
    if member_ref is None:
        raise InvalidRequest("a sale at the till needs a member")
    request = replace(request, sale_id=sale_id)

    def attempt() -> dict[str, Any]:
        with shop.uow() as uow:
            existing = uow.sales.get(sale_id)
            if existing is not None:
                matched = require_same_sale(uow, shop, existing, request)
                owner = uow.members.get(existing.member_id) if existing.member_id else None
                _, program = program_in_force(uow)
                replay = sale_result(
                    existing,
                    owner,
                    Currency.of(existing.currency),
                    program.timezone,
                    replayed=True,
                )
                replay["matched"] = matched
                return replay
            program_id, program = program_in_force(uow)
            at = request_moment(shop, actor, request.at)
            match = find_member_match(uow, member_ref, shop.card_keys, for_update=True)
            member = match.member
            require_enrolled(member, at, program.timezone)
            sale = record_sale(uow, shop, program_id, program, request, at, member)
            uow.commit()
            result = sale_result(sale, member, program.currency, program.timezone, replayed=False)
            result["matched"] = match.matched
            return result

    return once_more_on_conflict(attempt)
