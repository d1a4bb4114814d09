"""Refunds: goods back, points reversed as if only the kept goods were bought, points paid come back."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from loyalty_desktop.domain.cards import quoted, repeatable
from loyalty_desktop.domain.earn import EarnContext, earn_points
from loyalty_desktop.domain.errors import InvalidRequest, RefundTooLarge, UnknownSale
from loyalty_desktop.domain.json_data import JsonObject
from loyalty_desktop.domain.ledger import Allocation, Lot, Movement, MovementKind, give_back, take
from loyalty_desktop.domain.money import (
    Currency,
    format_money,
    parse_non_negative_money,
    parse_quantity,
)
from loyalty_desktop.domain.refunds import (
    LineState,
    RefundPlan,
    expirable,
    left_to_refund,
    plan_by_amount,
    plan_by_lines,
    points_to_reverse,
    share_back,
)
from loyalty_desktop.domain.sales import Refund, Sale
from loyalty_desktop.domain.tier_changes import TierCause
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.baskets import same_id
from loyalty_desktop.services.changes import NOTHING, Changes
from loyalty_desktop.services.checkout import TOTAL_SKU, check_sale_no
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.coupons import coupon_points_back
from loyalty_desktop.services.events import RefundBasis, refund_event, sale_key
from loyalty_desktop.services.expiry import open_account
from loyalty_desktop.services.fingerprints import (
    fingerprint,
    number_text,
    require_same,
)
from loyalty_desktop.services.journal import publish, write_audit
from loyalty_desktop.services.moments import request_moment
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.postings import PULLED, Account, derived_id, post
from loyalty_desktop.services.programs import program_version
from loyalty_desktop.services.restored_till import refuse_until_synced
from loyalty_desktop.services.retry import once_more_on_conflict
from loyalty_desktop.services.standing import (
    is_backdated,
    kept_tier,
    move_tier,
    points_as_of,
    tier_at,
)
from loyalty_desktop.services.till_policy import refund_allowed


@dataclass(frozen=True)
class RefundRequest:
    """A refund of a sale, by the value of goods returned or by SKU and quantity."""

    refund_no: str
    sale_no: str
    amount: str | None = None
    lines: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    at: datetime | None = None
    reason: str | None = None


@dataclass(frozen=True)
class _Asked:
    """A refund request as parsed: the value returned, or the quantities of each SKU."""

    amount: int | None
    returns: tuple[tuple[str, Decimal], ...]

    def fingerprint(self, request: RefundRequest) -> str:
        summed: dict[str, Decimal] = {}
        for sku, qty in self.returns:
            summed[sku] = summed.get(sku, Decimal(0)) + qty
        return fingerprint(
            "refund",
            {
                "sale_id": request.sale_no.strip(),
                "amount": self.amount,
                "lines": sorted([sku, number_text(qty)] for sku, qty in summed.items()),
                "reason": (request.reason or "").strip() or None,
            },
        )


def _asked(request: RefundRequest, cur: Currency) -> _Asked:
    if (request.amount is None) == (not request.lines):
        raise InvalidRequest(
            "give either an amount or lines to refund, not both and not neither",
            reason="refund_amount_or_lines",
            field="amount",
        )
    if request.amount is not None:
        amount = parse_non_negative_money(request.amount, cur, what="refund amount", field="amount")
        return _Asked(amount, ())
    return _Asked(
        None,
        tuple(
            (sku.strip(), parse_quantity(qty, what=f"quantity of {sku}", line=number))
            for number, (sku, qty) in enumerate(request.lines, start=1)
        ),
    )


def _plan(asked: _Asked, sale: Sale, cur: Currency) -> RefundPlan:
    left = sale.net - sale.refunded_net
    if asked.amount is not None:
        return plan_by_amount(sale.lines, asked.amount, cur, left)
    if all(s.line.sku == TOTAL_SKU for s in sale.lines):
        raise InvalidRequest(
            "this sale was rung up as a total; refund it with an amount",
            reason="refund_lines_of_total_sale",
            field="line",
        )
    plan = plan_by_lines(sale.lines, list(asked.returns))
    if plan.amount > left:
        worth, open_ = (
            format_money(plan.amount, cur),
            format_money(left_to_refund(sale.lines, left), cur),
        )
        raise RefundTooLarge(
            f"these goods are worth {worth}, more than is left of the sale ({open_})",
            reason="refund_goods_exceed_sale_left",
            field="line",
            amount=worth,
            left=open_,
        )
    return plan


def _consumed_by_redemption(movements: list[Movement]) -> dict[str, int]:
    """Points the sale's redemption still has out, by the lot they came from.

    Points given back earlier went either to the lot itself (a negative
    allocation) or, for a lot of a duplicate merged away since, to a copy of it.
    """
    out: dict[str, int] = {}
    for movement in movements:
        if movement.kind in (MovementKind.REDEEM, MovementKind.REFUND_RESTORE):
            for allocation in movement.allocations:
                out[allocation.lot_id] = out.get(allocation.lot_id, 0) + allocation.points
        if movement.kind is MovementKind.REFUND_RESTORE:
            for lot in movement.lots:
                if lot.source is not None:
                    out[lot.source] = out.get(lot.source, 0) - lot.points
    return out


def _restore(
    uow: UnitOfWork, account: Account, sale_movements: list[Movement], points: int, at: datetime
) -> tuple[list[Allocation], list[Lot]]:
    """Give ``points`` back to the lots the sale's redemption took them from, with their own expiry.

    Lots of the member are refilled; a lot of a duplicate merged into the member
    since comes back as a copy that keeps the original expiry date.
    """
    consumed = _consumed_by_redemption(sale_movements)
    member = account.member
    found = {lot.id: lot for lot in uow.ledger.lots_by_ids(list(consumed))}
    held = {lot.id for lot in account.lots}
    account.lots.extend(
        lot for lot in found.values() if lot.member_id == member.id and lot.id not in held
    )
    back = give_back({i: consumed[i] for i in found}, list(found.values()), points)
    own = [a for a in back if found[a.lot_id].member_id == member.id]
    copies = [
        replace(
            found[a.lot_id],
            id=account.next_id(),
            member_id=member.id,
            points=-a.points,
            remaining=-a.points,
            source=a.lot_id,
        )
        for a in back
        if found[a.lot_id].member_id != member.id
    ]
    return own, copies


def _due(sale_movements: list[Movement], now: datetime) -> int:
    """The sale's earned points in lots due by ``now``: the most that can have expired."""
    return expirable(
        (
            (lot.expires_at, lot.points)
            for m in sale_movements
            if m.kind is MovementKind.EARN
            for lot in m.lots
        ),
        now,
    )


def _earned_lots(uow: UnitOfWork, sale_movements: list[Movement]) -> set[str]:
    """The lots the sale's points went to, and every lot they moved on to (merges)."""
    earned = [lot.id for m in sale_movements if m.kind is MovementKind.EARN for lot in m.lots]
    return set(earned) | {lot.id for lot in uow.ledger.descendants(earned)}


# A sale's event carried in its refund up to this size (JSON characters): a larger one
# would bring the refund near the server's 4 MB a request, where it could not be sent at
# all; without it the server applies the refund unchecked.
MAX_CARRIED_SALE = 1_000_000


def _basis(uow: UnitOfWork, sale: Sale, expired: int) -> RefundBasis:
    """What the server needs to work this refund out again (taken before it is stored)."""
    sent = uow.outbox.queued(sale_key(sale.id))
    carried: JsonObject | None = None
    if sent is not None and len(json.dumps(sent.payload)) <= MAX_CARRIED_SALE:
        carried = {"version": sent.version, "payload": dict(sent.payload)}
    return RefundBasis(carried, len(uow.sales.refunds_of(sale.id)), expired)


def _not_refunded_unknown(sale: Sale, sale_movements: Sequence[Movement]) -> None:
    """Refuse a sale the chain says was refunded by a refund this till has no record of.

    Only a till restored from a backup can hold a sale whose refund it did not record: the
    refund was paid after the backup, and its points came back by pull (helper-76: the
    restored till refunded the sale again in full, money and points). What it paid is not
    known here, so nothing more of the sale is refunded at this till.
    """
    unknown = [
        m
        for m in sale_movements
        if m.kind in (MovementKind.REFUND_REVERSAL, MovementKind.REFUND_RESTORE)
        and m.actor == PULLED
    ]
    if unknown:
        raise InvalidRequest(
            f"sale {sale.sale_no} was refunded after the backup this till was restored "
            "from; what was paid back is not known here, so it is not refunded again",
            reason="refund_unknown_here",
            sale=sale.sale_no,
        )


def record_refund(
    uow: UnitOfWork, shop: Shop, actor: Actor, request: RefundRequest, refund_no: str, sale: Sale
) -> Refund:
    """Post a refund inside the caller's transaction (no commit)."""
    refuse_until_synced(uow)  # a restored till knows no refund paid since its backup
    program = program_version(uow, sale.program_id)
    cur = program.currency
    at = request.at or shop.clock.now()
    if at < sale.at:
        raise InvalidRequest(
            "a refund cannot happen before its sale", reason="refund_before_sale", field="at"
        )
    if sale.net <= 0:
        raise InvalidRequest("this sale has nothing to refund", reason="refund_nothing_left")
    # the sale's movements, read once: the check here and the points below (no member, none)
    sale_movements = uow.ledger.for_sale(sale.id) if sale.member_id is not None else []
    _not_refunded_unknown(sale, sale_movements)
    asked = _asked(request, cur)
    plan = _plan(asked, sale, cur)
    refund_allowed(uow, actor, plan.amount, cur)
    returned_total = sale.refunded_net + plan.amount
    ctx = EarnContext(sale.local_date, sale.tier_before, sale.birthday_month)
    cash_share = Fraction(sale.paid, sale.net)
    earned_kept = earn_points(program, plan.kept, cash_share=cash_share, ctx=ctx).points
    restore = share_back(sale.points_redeemed, sale.net, returned_total, sale.restored)
    paid_back = share_back(sale.paid, sale.net, returned_total, sale.paid_back)
    now = shop.clock.now()
    refund_uuid = derived_id("refund", shop.device_id, refund_no)
    account = None
    earned_lots: set[str] = set()
    expired = 0
    if sale.member_id is not None:
        member = uow.members.get(sale.member_id, for_update=True)
        assert member is not None
        account = open_account(uow, shop, member, seed=refund_uuid)
        earned_lots = _earned_lots(uow, sale_movements)
        expired = min(uow.ledger.expired_from(sorted(earned_lots)), _due(sale_movements, now))
    reverse = points_to_reverse(sale.earned, earned_kept, sale.reversed, expired)
    refund = Refund(
        id=refund_uuid,
        refund_no=refund_no,
        sale_ref=sale.id,
        sale_no=sale.sale_no,
        member_id=sale.member_id,
        at=at,
        recorded_at=now,
        amount=plan.amount,
        reversed=reverse,
        restored=restore,
        paid_back=paid_back,
        points_after=None,
        lines=[
            (i, q, n)
            for i, (q, n) in enumerate(zip(plan.returned_qty, plan.returned_net, strict=True))
            if q or n
        ],
        request_hash=asked.fingerprint(request),
    )
    if account is not None:
        member = account.member
        backdated = is_backdated(member, at)
        if restore:
            back, copies = _restore(uow, account, sale_movements, restore, at)
            post(
                uow,
                account,
                MovementKind.REFUND_RESTORE,
                restore,
                at,
                now,
                allocations=back,
                lots=copies,
                sale_ref=sale.id,
                refund_ref=refund.id,
                actor=actor.name,
            )
        if reverse:
            post(
                uow,
                account,
                MovementKind.REFUND_REVERSAL,
                -reverse,
                at,
                now,
                allocations=take(account.lots, reverse, at, first=earned_lots),
                sale_ref=sale.id,
                refund_ref=refund.id,
                actor=actor.name,
            )
        coupon_points_back(
            uow,
            account,
            sale,
            earned_kept,
            returned_total,
            sale_movements,
            at,
            now,
            refund_ref=refund.id,
            actor=actor.name,
        )
        member.lifetime_spend -= paid_back
        member.points_earned -= reverse
        member.last_movement_at = max(member.last_movement_at or at, at)
        refund.points_after = points_as_of(uow, member, at) if backdated else account.available(at)
    sale.refunded_net = returned_total
    sale.reversed += reverse
    sale.restored += restore
    sale.paid_back += paid_back
    sale.lines = [
        LineState(s.line, s.refunded_qty + q, s.refunded_net + n)
        for s, q, n in zip(sale.lines, plan.returned_qty, plan.returned_net, strict=True)
    ]
    basis = _basis(uow, sale, expired)
    uow.sales.save_refund_state(sale)
    uow.sales.add_refund(refund)
    if account is not None:
        # Measured after the refund is stored, so rolling-window tiers see it.
        member = account.member
        tier = tier_at(uow, program, member, at)
        kept = kept_tier(uow, program, member, at, shop.clock.now(), tier)
        move_tier(uow, member, kept, at, TierCause.REFUND, refund.refund_no)
        uow.members.save_totals(member)
    moved = account.movements if account else []
    publish(uow, shop.device_id, refund_event(refund, sale, cur, moved, basis))
    write_audit(
        uow,
        shop,
        actor,
        "refund",
        f"sale:{sale.sale_no}",
        request.reason,
        {
            "refund_id": refund_no,
            "amount": format_money(plan.amount, cur),
            "reversed": reverse,
            "restored": restore,
        },
        now,
    )
    return refund


@dataclass(frozen=True)
class RefundResult:
    """What a refund did: goods value returned (minor units), points reversed and restored."""

    refund_no: str
    sale_no: str
    member_id: str | None
    reversed: int
    restored: int
    points: int | None  # the member's points right after, as of the refund's moment
    amount: int
    paid_back: int
    currency: Currency
    replayed: bool
    changes: Changes


def refund_result(refund: Refund, cur: Currency, *, replayed: bool) -> RefundResult:
    """The result of a refund (the same on every replay, bar ``replayed``)."""
    return RefundResult(
        refund_no=refund.refund_no,
        sale_no=refund.sale_no,
        member_id=refund.member_id,
        reversed=refund.reversed,
        restored=refund.restored,
        points=refund.points_after,
        amount=refund.amount,
        paid_back=refund.paid_back,
        currency=cur,
        replayed=replayed,
        changes=NOTHING
        if replayed
        else Changes.of_members(refund.member_id, sales=True, audit=True),
    )


def refund(shop: Shop, actor: Actor, request: RefundRequest) -> RefundResult:
    """Refund (part of) a sale, once per refund number; never refused for points reasons.

    A manager refunds any amount; a cashier up to the till rules' refund limit.

    The same refund number with a different request is refused (``id_conflict``).
    """
    if not actor.may(Permission.SELL):
        require(actor, Permission.REFUND)  # nobody signed in; a cashier's is checked by its amount
    refund_no = check_sale_no(request.refund_no, "refund id")
    request = replace(request, refund_no=refund_no, sale_no=same_id(request.sale_no))

    def attempt() -> RefundResult:
        with shop.uow() as uow:
            existing = uow.sales.refund(refund_no)
            if existing is not None:
                sale = uow.sales.get(existing.sale_no)
                cur = Currency.of(sale.currency) if sale else Currency.of("CNY")
                asked = _asked(request, cur).fingerprint(request)
                require_same(
                    existing.request_hash,
                    asked,
                    "refund id",
                    refund_no,
                    stored_at=existing.at,
                    asked_at=request.at,
                )
                return refund_result(existing, cur, replayed=True)
            sale = uow.sales.get(request.sale_no.strip())
            if sale is None:
                raise UnknownSale(
                    f"no sale {quoted(request.sale_no)} was recorded here",
                    field="sale",
                    sale_id=repeatable(request.sale_no.strip()),
                )
            request_moment(shop, actor, request.at)
            done = record_refund(uow, shop, actor, request, refund_no, sale)
            uow.commit()
            return refund_result(done, Currency.of(sale.currency), replayed=False)

    return once_more_on_conflict(attempt)
