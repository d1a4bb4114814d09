"""The till rules: how large a refund or a discount a cashier may give without a manager.

Kept in the database's settings (every till of the shop follows the same
rules), changed by an admin and audited. The services enforce them, so a
screen that forgot to ask for a manager cannot let a large refund through.
Points adjustments are not offered at the till at all (a manager makes them
in the back office), so they need no rule here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied
from loyalty_desktop.domain.money import Currency, format_money, parse_non_negative_money
from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.programs import program_in_force

SETTING = "till_rules"
NO_DISCOUNT_LIMIT = 100  # percent: any discount, as before the rule existed


@dataclass(frozen=True)
class TillRules:
    """What a cashier may do alone: refunds up to ``refund_limit`` (0: none), discounts up to ``discount_limit`` %."""

    refund_limit: int  # minor units of ``currency``
    discount_limit: int  # percent, 0 to 100
    currency: Currency

    @property
    def refund_limit_text(self) -> str:
        """The refund limit as decimal text, e.g. ``50.00``."""
        return format_money(self.refund_limit, self.currency)


def rules_in_force(uow: UnitOfWork) -> TillRules:
    """The stored rules; a shop that never set them keeps the old ways (a manager for every refund)."""
    _, program = program_in_force(uow)
    cur = program.currency
    stored = uow.settings.get(SETTING)
    saved = json.loads(stored) if stored else {}
    limit = saved.get("refund_limit", "0")
    return TillRules(
        refund_limit=parse_non_negative_money(limit, cur, field="refund_limit"),
        discount_limit=int(saved.get("discount_limit", NO_DISCOUNT_LIMIT)),
        currency=cur,
    )


def till_rules(shop: Shop, actor: Actor) -> TillRules:
    """The till rules (anyone signed in: the refund screen asks for a manager only when needed)."""
    require(actor, Permission.SELL)
    with shop.uow(write=False) as uow:
        return rules_in_force(uow)


def _discount_percent(text: str) -> int:
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned.isascii() or not cleaned.isdigit() or int(cleaned) > NO_DISCOUNT_LIMIT:
        raise InvalidRequest(
            "the discount limit is a whole percentage from 0 to 100",
            reason="discount_limit_range",
            field="discount_limit",
        )
    return int(cleaned)


def set_till_rules(
    shop: Shop, actor: Actor, *, refund_limit: str | None = None, discount_limit: str | None = None
) -> TillRules:
    """Change the rules given (admin); the others stay. Audited with the rules before and after."""
    require(actor, Permission.TILL_RULES)
    with shop.uow() as uow:
        before = rules_in_force(uow)
        cur = before.currency
        refund = (
            before.refund_limit
            if refund_limit is None
            else parse_non_negative_money(
                refund_limit, cur, what="refund limit", field="refund_limit"
            )
        )
        percent = (
            before.discount_limit if discount_limit is None else _discount_percent(discount_limit)
        )
        after = TillRules(refund, percent, cur)
        uow.settings.set(
            SETTING,
            json.dumps({"refund_limit": after.refund_limit_text, "discount_limit": percent}),
        )
        write_audit(
            uow,
            shop,
            actor,
            "till.rules",
            f"setting:{SETTING}",
            None,
            {
                "refund_limit": after.refund_limit_text,
                "discount_limit": percent,
                "was_refund_limit": before.refund_limit_text,
                "was_discount_limit": before.discount_limit,
            },
            shop.clock.now(),
        )
        uow.commit()
    return after


def refund_allowed(uow: UnitOfWork, actor: Actor, amount: int, cur: Currency) -> None:
    """A cashier refunds alone up to the limit; above it (or with no limit set) a manager must."""
    if actor.may(Permission.REFUND):
        return
    rules = rules_in_force(uow)
    if amount <= rules.refund_limit:
        return
    if rules.refund_limit == 0:
        require(actor, Permission.REFUND)  # today's wording: refunding is a manager's
    raise PermissionDenied(
        f"a refund of {format_money(amount, cur)} is above the {format_money(rules.refund_limit, cur)} "
        "a cashier may refund alone; a manager must approve it",
        reason="refund_above_cashier_limit",
        field="manager",
        amount=format_money(amount, cur),
        limit=format_money(rules.refund_limit, cur),
    )


def discounts_allowed(
    uow: UnitOfWork, actor: Actor, lines: list[SaleLine], order_discount: int
) -> None:
    """A cashier's line and order discounts stay within the limit, each line and the basket as a whole.

    The whole basket counts line and order discounts together, so two discounts
    under the limit cannot stack above it.
    """
    if actor.may(Permission.DISCOUNT) or (
        not order_discount and not any(ln.discount for ln in lines)
    ):
        return
    percent = rules_in_force(uow).discount_limit
    if percent >= NO_DISCOUNT_LIMIT:
        return
    gross = sum(ln.amount + ln.discount for ln in lines)
    over = any(ln.discount * 100 > (ln.amount + ln.discount) * percent for ln in lines)
    total = sum(ln.discount for ln in lines) + order_discount
    if over or total * 100 > gross * percent:
        raise PermissionDenied(
            f"a discount over {percent}% needs a manager: ask a manager to sign in and complete "
            "the sale (the basket is kept)",
            reason="discount_above_cashier_limit",
            field="discount",
            percent=percent,
        )
