"""Refunds: goods back, points reversed as if only the kept goods were bought, points paid come back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from typing import Any

from loyalty_desktop.domain.earn import EarnContext, earn_points
from loyalty_desktop.domain.errors import InvalidRequest, UnknownSale
from loyalty_desktop.domain.ledger import MovementKind, give_back, take
from loyalty_desktop.domain.money import (
    Currency,
    format_money,
    parse_non_negative_money,
    parse_quantity,
)
from loyalty_desktop.domain.refunds import (
    LineState,
    RefundPlan,
    plan_by_amount,
    plan_by_lines,
    points_to_reverse,
    share_back,
)
from loyalty_desktop.domain.sales import Refund, Sale
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.checkout import TOTAL_SKU, check_sale_id
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit, write_event
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.postings import Account, derived_id, movement_facts, new_lot, post
from loyalty_desktop.services.programs import program_version
from loyalty_desktop.services.retry import once_more_on_conflict
from loyalty_desktop.services.standing import is_backdated, kept_tier, points_as_of, tier_at


@dataclass(frozen=True)
class RefundRequest:
    """A refund of a sale, by the value of goods returned or by SKU and quantity."""

    refund_id: str
    sale_id: str
    amount: str | None = None
    lines: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    at: datetime | None = None
    reason: str | None = None


def _plan(request: RefundRequest, sale: Sale, cur: Currency) -> RefundPlan:
    if (request.amount is None) == (not request.lines):
        raise InvalidRequest("give either an amount or lines to refund, not both and not neither")
    if request.amount is not None:
        amount = parse_non_negative_money(request.amount, cur, what="refund amount")
        return plan_by_amount(sale.lines, amount, cur)
    if all(s.line.sku == TOTAL_SKU for s in sale.lines):
        raise InvalidRequest("this sale was rung up as a total; refund it with an amount")
    wanted = [
        (sku.strip(), parse_quantity(qty, what=f"quantity of {sku}")) for sku, qty in request.lines
    ]
    return plan_by_lines(sale.lines, wanted)


def _consumed_by_redemption(movements: list[Any]) -> dict[str, int]:
    out: dict[str, int] = {}
    for movement in movements:
        if movement.kind in (MovementKind.REDEEM, MovementKind.REFUND_RESTORE):
            for allocation in movement.allocations:
                out[allocation.lot_id] = out.get(allocation.lot_id, 0) + allocation.points
    return out


def record_refund(
    uow: UnitOfWork, shop: Shop, actor: Actor, request: RefundRequest, refund_id: str, sale: Sale
) -> Refund:
    """Post a refund inside the caller's transaction (no commit)."""
    program = program_version(uow, sale.program_id)
    cur = program.currency
    at = request.at or shop.clock.now()
    if at < sale.at:
        raise InvalidRequest("a refund cannot happen before its sale")
    if sale.net <= 0:
        raise InvalidRequest("this sale has nothing to refund")
    plan = _plan(request, sale, cur)
    returned_total = sale.refunded_net + plan.amount
    ctx = EarnContext(sale.local_date, sale.tier_before, sale.birthday)
    cash_share = Fraction(sale.paid, sale.net)
    earned_kept = earn_points(program, plan.kept, cash_share=cash_share, ctx=ctx).points
    reverse = points_to_reverse(sale.earned, earned_kept, sale.reversed)
    restore = share_back(sale.points_redeemed, sale.net, returned_total, sale.restored)
    paid_back = share_back(sale.paid, sale.net, returned_total, sale.paid_back)
    now = shop.clock.now()
    refund = Refund(
        id=derived_id("refund", shop.device_id, refund_id),
        refund_id=refund_id,
        sale_ref=sale.id,
        sale_id=sale.sale_id,
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
    )
    account = None
    if sale.member_id is not None:
        member = uow.members.get(sale.member_id, for_update=True)
        assert member is not None
        account = Account.open(uow, member, seed=refund.id)
        backdated = is_backdated(member, at)
        sale_movements = uow.ledger.for_sale(sale.id)
        if restore:
            consumed = _consumed_by_redemption(sale_movements)
            held = {lot.id for lot in account.lots}
            own = [
                lot for lot in uow.ledger.lots_by_ids(list(consumed)) if lot.member_id == member.id
            ]
            account.lots.extend(lot for lot in own if lot.id not in held)
            back = give_back({lot.id: consumed[lot.id] for lot in own}, account.lots, restore)
            # Points taken from a duplicate's lots before a merge come back as a new lot.
            leftover = restore + sum(a.points for a in back)
            extra = (
                [new_lot(member.id, at, leftover, program.expiry.days, lot_id=account.next_id())]
                if leftover > 0
                else []
            )
            post(
                uow,
                account,
                MovementKind.REFUND_RESTORE,
                restore,
                at,
                now,
                allocations=back,
                lots=extra,
                sale_ref=sale.id,
                refund_ref=refund.id,
                actor=actor.name,
            )
        if reverse:
            earn_lot = next(
                (lot.id for m in sale_movements if m.kind is MovementKind.EARN for lot in m.lots),
                None,
            )
            post(
                uow,
                account,
                MovementKind.REFUND_REVERSAL,
                -reverse,
                at,
                now,
                allocations=take(account.lots, reverse, at, first=earn_lot),
                sale_ref=sale.id,
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
    uow.sales.save_refund_state(sale)
    uow.sales.add_refund(refund)
    if account is not None:
        # Measured after the refund is stored, so rolling-window tiers see it.
        member = account.member
        tier = tier_at(uow, program, member, at)
        member.tier = kept_tier(uow, program, member, at, shop.clock.now(), tier)
        uow.members.save_totals(member)
    write_event(
        uow,
        shop.device_id,
        "refund",
        f"refund:{refund.id}",
        at,
        {
            "id": refund.id,
            "refund_id": refund_id,
            "sale": sale.id,
            "sale_id": sale.sale_id,
            "member_id": sale.member_id,
            "at": at.isoformat(),
            "amount": format_money(plan.amount, cur),
            "lines": [
                {"line": i, "qty": str(q), "net": format_money(n, cur)} for i, q, n in refund.lines
            ],
            "reversed": reverse,
            "restored": restore,
            "paid_back": format_money(paid_back, cur),
            "movements": movement_facts(account.movements) if account else [],
        },
    )
    write_audit(
        uow,
        actor,
        "refund",
        f"sale:{sale.sale_id}",
        request.reason,
        {
            "refund_id": refund_id,
            "amount": format_money(plan.amount, cur),
            "reversed": reverse,
            "restored": restore,
        },
        now,
    )
    return refund


def refund_result(refund: Refund, cur: Currency, *, replayed: bool) -> dict[str, Any]:
    """What the command line shows after a refund (the same on every replay)."""
    return {
        "refund_id": refund.refund_id,
        "reversed": refund.reversed,
        "restored": refund.restored,
        "points": refund.points_after,
        "sale_id": refund.sale_id,
        "amount": format_money(refund.amount, cur),
        "paid_back": format_money(refund.paid_back, cur),
        "replayed": replayed,
    }


def refund(shop: Shop, actor: Actor, request: RefundRequest) -> dict[str, Any]:
    """Refund (part of) a sale, once per refund id; never refused for points reasons."""
    require(actor, Permission.REFUND)
    refund_id = check_sale_id(request.refund_id, "refund id")

    def attempt() -> dict[str, Any]:
        with shop.uow() as uow:
            existing = uow.sales.refund(refund_id)
            if existing is not None:
                sale = uow.sales.get(existing.sale_id)
                cur = Currency.of(sale.currency) if sale else Currency.of("CNY")
                return refund_result(existing, cur, replayed=True)
            sale = uow.sales.get(request.sale_id.strip())
            if sale is None:
                raise UnknownSale(f"no sale {request.sale_id!r} was recorded here")
            done = record_refund(uow, shop, actor, request, refund_id, sale)
            uow.commit()
            return refund_result(done, Currency.of(sale.currency), replayed=False)

    return once_more_on_conflict(attempt)
