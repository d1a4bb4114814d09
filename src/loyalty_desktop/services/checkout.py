"""Checkout: price the basket with the tier discount, take points and rewards as payment, earn, once per sale number."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

from loyalty_desktop.domain.coupons import InvalidCoupon
from loyalty_desktop.domain.earn import EarnContext, earn_points
from loyalty_desktop.domain.errors import (
    IdConflict,
    InsufficientPoints,
    InvalidRequest,
    LoyaltyError,
    MemberClosed,
    RedemptionNotAllowed,
)
from loyalty_desktop.domain.json_data import JsonValue
from loyalty_desktop.domain.ledger import MovementKind, take
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.money import (
    Currency,
    parse_non_negative_money,
)
from loyalty_desktop.domain.pricing import SaleLine, check_redemption, price_basket
from loyalty_desktop.domain.program import Program
from loyalty_desktop.domain.refunds import LineState
from loyalty_desktop.domain.rewards import RewardUse, use_rewards
from loyalty_desktop.domain.sales import Sale
from loyalty_desktop.domain.tier_changes import TierCause
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.baskets import (
    MAX_POINTS_PER_SALE,
    TOTAL_SKU,
    LineRequest,
    SaleRequest,
    basket_lines,
    check_sale_no,
    sale_fingerprint,
)
from loyalty_desktop.services.chain_redemption import NOTHING, Admitted, admit_redemption
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.coupons import (
    price_coupon,
    redeem_coupon,
    replayed_coupon,
    with_coupon,
    with_coupon_discount,
)
from loyalty_desktop.services.events import sale_event
from loyalty_desktop.services.expiry import open_account
from loyalty_desktop.services.fingerprints import require_same
from loyalty_desktop.services.journal import publish
from loyalty_desktop.services.lookup import find_member_match, holder
from loyalty_desktop.services.moments import request_moment, require_enrolled
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.postings import (
    Account,
    derived_id,
    guard_totals,
    new_lot,
    post,
)
from loyalty_desktop.services.programs import program_digest, program_in_force
from loyalty_desktop.services.receipt_coupons import put_coupons_on_receipt
from loyalty_desktop.services.restored_till import refuse_until_synced
from loyalty_desktop.services.retry import once_more_on_conflict
from loyalty_desktop.services.sale_results import SaleResult, sale_result
from loyalty_desktop.services.standing import (
    is_backdated,
    kept_tier,
    move_tier,
    points_as_of,
    tier_at,
)
from loyalty_desktop.services.till_rules import (
    catalogue_prices_kept,
    discounts_kept,
    returns_allowed,
)

# Kept importable from here: imports and refunds name them as the checkout's.
__all__ = [
    "MAX_POINTS_PER_SALE",
    "TOTAL_SKU",
    "LineRequest",
    "SaleRequest",
    "basket_lines",
    "check_sale_no",
    "checkout",
    "local_date_of",
    "record_sale",
    "require_same_sale",
]


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
    redemption: Mapping[str, JsonValue] | None = None,
) -> Sale:
    """Post one sale inside the caller's transaction (no commit), with its movements and event.

    ``history`` marks a replay of past sales in time order (imports): points
    lapse as the nightly job would have let them lapse at the sale's moment.
    ``redemption``: how the chain let the sale's points through, for its event
    (services/chain_redemption.py).
    """
    cur = program.currency
    lines = basket_lines(request, cur)
    discount = (
        parse_non_negative_money(request.discount, cur, what="discount", field="discount")
        if request.discount
        else 0
    )
    if request.redeem < 0:
        raise InvalidRequest(
            "points to redeem may not be negative", reason="redeem_negative", field="redeem"
        )
    if member is not None and not member.active:
        raise MemberClosed(
            f"member {member.member_no} is {member.status.value}",
            member_no=member.member_no,
            status=member.status.value,
        )
    tier = tier_at(uow, program, member, at) if member else None
    pricing = price_basket(
        lines,
        order_discount=discount,
        tier_discount_pct=tier.discount_pct if tier else Decimal(0),
        currency=cur,
    )
    net = pricing.net
    if net < 0 and not allow_return:
        raise InvalidRequest(
            "the basket is worth less than nothing; post returns as a refund",
            reason="basket_negative",
        )
    if member is None and request.redeem:
        raise InvalidRequest(
            "only a member can pay with points", reason="redeem_without_member", field="redeem"
        )
    ctx = EarnContext(
        local_date_of(at, program),
        tier.name if tier else None,
        member.birthday.month if member and member.birthday else None,
    )
    sale_uuid = derived_id("sale", shop.device_id, request.sale_no)
    account = (
        open_account(uow, shop, member, seed=sale_uuid, as_of=at if history else None)
        if member
        else None
    )
    rewards: tuple[RewardUse, ...] = ()
    if request.rewards:
        if member is None:
            raise InvalidRequest(
                "only a member can take a reward", reason="reward_without_member", field="reward"
            )
        rewards = use_rewards(
            request.rewards, program, pricing.lines, net, day=ctx.local_date, tier=ctx.tier
        )
        check_stock(uow, program, rewards)
    reward_points = sum(r.points for r in rewards)
    reward_value = sum(r.value for r in rewards)
    value = 0
    if account is not None and (request.redeem or rewards):
        spendable = account.spendable(at)
        if rewards and reward_points + request.redeem > spendable:
            raise InsufficientPoints(
                f"the rewards and points need {reward_points + request.redeem} points; "
                f"the member can spend {max(spendable, 0)}",
                reason="reward_unaffordable",
                field="reward",
                points=reward_points + request.redeem,
                spendable=max(spendable, 0),
            )
        # Plain points pay from what the rewards leave, under the programme's share and minimum.
        value = check_redemption(
            request.redeem,
            net=net - reward_value,
            spendable=spendable - reward_points,
            rule=program.redeem,
            currency=cur,
        )
    value += reward_value
    paid = net - value
    sale = Sale(
        id=sale_uuid,
        sale_no=request.sale_no,
        member_id=member.id if member else None,
        at=at,
        recorded_at=shop.clock.now(),
        currency=cur.code,
        lines=[LineState(line) for line in pricing.lines],
        subtotal=pricing.subtotal,
        order_discount=pricing.order_discount,
        tier_discount=pricing.tier_discount,
        net=net,
        points_redeemed=request.redeem + reward_points if account else 0,
        points_value=value,
        rewards=rewards,
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
            _earn_and_redeem(uow, program, account, sale, ctx, sale.points_redeemed)
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
        kept = kept_tier(uow, program, member, at, shop.clock.now(), tier_after)
        move_tier(uow, member, kept, at, TierCause.SALE, sale.sale_no)
        uow.members.save_totals(member)
    moved = account.movements if account else []
    digest = program_digest(uow, sale.program_id)
    publish(
        uow, shop.device_id, sale_event(sale, cur, moved, redemption if moved else None, digest)
    )
    return sale


def check_stock(uow: UnitOfWork, program: Program, rewards: tuple[RewardUse, ...]) -> None:
    """Refuse a reward whose stock is all taken; inside the sale's transaction, so two tills never both get the last."""
    for used in rewards:
        reward = program.reward(used.name)
        if reward is None or reward.stock is None:
            continue
        if uow.sales.reward_taken(reward.name) >= reward.stock:
            raise RedemptionNotAllowed(
                f"the reward {reward.name!r} is out of stock (all {reward.stock} are taken)",
                reason="reward_out_of_stock",
                field="reward",
                reward=reward.name,
                stock=reward.stock,
            )


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
            points=earned.points,
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


def require_same_sale(uow: UnitOfWork, shop: Shop, existing: Sale, request: SaleRequest) -> str:
    """Refuse a sale number posted again with another basket or another member (``id_conflict``).

    Returns what the member reference matched, as the first answer said.
    """
    cur = Currency.of(existing.currency)
    lines = basket_lines(request, cur)
    discount = (
        parse_non_negative_money(request.discount, cur, what="discount", field="discount")
        if request.discount
        else 0
    )
    require_same(
        existing.request_hash,
        sale_fingerprint(request, lines, discount),
        "sale id",
        existing.sale_no,
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
            f"sale id {existing.sale_no} was already used for a sale to another member; "
            "use a new sale id for a new sale",
            reason="sale_id_other_member",
            field="sale_id",
            id=existing.sale_no,
        )
    return matched


def checkout(shop: Shop, actor: Actor, request: SaleRequest) -> SaleResult:
    """Post a sale for a member, once: the same sale number again returns the first result unchanged.

    The same sale number with a different basket or member is refused (``id_conflict``).
    """
    require(actor, Permission.SELL)
    returns_allowed(actor, request)
    sale_no = check_sale_no(request.sale_no)
    member_ref = request.member_ref
    if member_ref is None:
        raise InvalidRequest(
            "a sale at the till needs a member", reason="sale_member_missing", field="member"
        )
    request = replace(request, sale_no=sale_no)
    if request.redeem or request.rewards or request.coupon is not None:
        with shop.uow(write=False) as uow:  # before any hold is asked of the server
            refuse_until_synced(uow)  # a restored till knows no spending since its backup
    admitted = _admitted(shop, actor, request)

    def attempt() -> SaleResult:
        with shop.uow() as uow:
            existing = uow.sales.get(sale_no)
            if existing is not None:
                _, program = program_in_force(uow)
                used = replayed_coupon(uow, shop, existing, request, program.currency)
                posted = with_coupon_discount(
                    request, used.money_off if used else 0, program.currency
                )
                matched = require_same_sale(uow, shop, existing, posted)
                owner = uow.members.get(existing.member_id) if existing.member_id else None
                result = sale_result(
                    existing, owner, program.timezone, matched=matched, replayed=True
                )
                return with_coupon(result, used, uow)
            program_id, program = program_in_force(uow)
            catalogue_prices_kept(uow, actor, request, program.currency)
            discounts_kept(uow, actor, request, program.currency)
            at = request_moment(shop, actor, request.at)
            match = find_member_match(uow, member_ref, shop.card_keys, for_update=True)
            member = match.member
            require_enrolled(member, at, program.timezone)
            chain = admitted.facts
            if request.coupon is None:
                sale = record_sale(
                    uow, shop, program_id, program, request, at, member, redemption=chain
                )
                applied = None
            else:
                coupon, offer, off = price_coupon(uow, shop, program, request, member, at)
                posted = with_coupon_discount(request, off, program.currency)
                sale = record_sale(
                    uow, shop, program_id, program, posted, at, member, redemption=chain
                )
                applied = redeem_coupon(uow, shop, program, coupon, offer, sale, member, off)
                sale.points_after += applied.points
            put_coupons_on_receipt(uow, sale.sale_no, member, at)
            uow.commit()
            result = sale_result(
                sale, member, program.timezone, matched=match.matched, replayed=False
            )
            return replace(result, coupon=applied)

    try:
        return once_more_on_conflict(attempt)
    except BaseException:
        admitted.release()  # the sale did not go through: its hold goes back at once
        raise


def _admitted(shop: Shop, actor: Actor, request: SaleRequest) -> Admitted:
    """On a till connected to the chain, a hold (or the offline limits) for the points the sale redeems.

    The sale is priced first, as ``quote`` does, outside any write: the hold goes over the
    network and no lock of the till is held meanwhile. A sale number already used is
    answered from the till (a replay), with nothing asked of the server.
    """
    if not (request.redeem or request.rewards) or shop.sync_server is None:
        return NOTHING
    try:
        planned = quote(shop, actor, request)
    except IdConflict as exc:
        if exc.reason == "sale_id_taken":
            return NOTHING
        raise
    if planned.member_id is None or planned.redeemed <= 0:
        return NOTHING
    return admit_redemption(shop, planned.member_id, planned.redeemed)


def quote(shop: Shop, actor: Actor, request: SaleRequest) -> SaleResult:
    """What posting ``request`` now would give (points earned, redeemed, what the member pays), without posting it.

    The sale is posted by the very code ``checkout`` runs and then rolled back,
    so the till's preview can never disagree with the sale it completes.
    """
    require(actor, Permission.SELL)
    returns_allowed(actor, request)
    sale_no = check_sale_no(request.sale_no)
    request = replace(request, sale_no=sale_no)
    with shop.uow() as uow:
        if uow.sales.get(sale_no) is not None:
            raise IdConflict(
                f"sale id {sale_no} is already used; start a new basket",
                reason="sale_id_taken",
                field="sale_id",
                id=sale_no,
            )
        program_id, program = program_in_force(uow)
        catalogue_prices_kept(uow, actor, request, program.currency)
        discounts_kept(uow, actor, request, program.currency)
        at = request_moment(shop, actor, request.at)
        member = None
        matched = ""
        if request.member_ref is not None:
            match = find_member_match(uow, request.member_ref, shop.card_keys)
            member, matched = match.member, match.matched
            require_enrolled(member, at, program.timezone)
        applied = None
        if request.coupon is not None and member is None:
            raise InvalidCoupon(
                "scan the member's card before their coupon", reason="coupon_needs_member"
            )
        if request.coupon is not None and member is not None:
            coupon, offer, off = price_coupon(uow, shop, program, request, member, at)
            posted = with_coupon_discount(request, off, program.currency)
            sale = record_sale(uow, shop, program_id, program, posted, at, member)
            applied = redeem_coupon(uow, shop, program, coupon, offer, sale, member, off)
            sale.points_after += applied.points
        else:
            sale = record_sale(uow, shop, program_id, program, request, at, member)
        result = sale_result(sale, member, program.timezone, matched=matched, replayed=False)
        uow.rollback()
    return replace(result, coupon=applied)
