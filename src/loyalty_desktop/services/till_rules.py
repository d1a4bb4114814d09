"""What a cashier may ring up on their own: no returns (a refund's, with a manager), catalogue prices, small discounts.

Checked by the services, so a screen that forgot a check cannot let it through.
"""

from __future__ import annotations

from loyalty_desktop.domain.errors import LoyaltyError, PermissionDenied
from loyalty_desktop.domain.money import (
    Currency,
    format_money,
    parse_non_negative_money,
    parse_unit_price,
)
from loyalty_desktop.domain.products import same_code
from loyalty_desktop.services.auth import Actor, Permission
from loyalty_desktop.services.baskets import SaleRequest, basket_lines
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.till_policy import discounts_allowed


def is_return(quantity: str) -> bool:
    """A quantity that gives goods back (any minus sign an input method may type)."""
    return quantity.strip().startswith(("-", "\u2212", "\uff0d"))


def returns_allowed(actor: Actor, request: SaleRequest) -> None:
    """A line with a negative quantity pays money out: only someone who may refund may ring it."""
    if actor.may(Permission.REFUND):
        return
    for number, line in enumerate(request.lines, start=1):
        if is_return(line.quantity):
            raise PermissionDenied(
                f"line {number} is a return: returns go through a refund, with a manager",
                reason="return_needs_refund",
                field="quantity",
                line=number,
            )


def catalogue_prices_kept(
    uow: UnitOfWork, actor: Actor, request: SaleRequest, cur: Currency
) -> None:
    """A cashier sells a catalogue product at its catalogue price; changing prices is a manager's."""
    if actor.may(Permission.PRODUCTS):
        return
    for number, line in enumerate(request.lines, start=1):
        product = uow.products.get(same_code(line.sku))
        if product is None:
            continue  # an item the catalogue does not know: its price is typed at the till
        try:
            typed = parse_unit_price(line.unit_price)
        except LoyaltyError:
            continue  # the basket's own checks word this refusal
        if typed * cur.scale != product.price:
            raise PermissionDenied(
                f"line {number}: {line.sku} costs {format_money(product.price, cur)}; "
                "only a manager may sell it at another price",
                reason="price_change_needs_manager",
                field="unit_price",
                line=number,
                price=format_money(product.price, cur),
            )


def discounts_kept(uow: UnitOfWork, actor: Actor, request: SaleRequest, cur: Currency) -> None:
    """A cashier's discounts stay within the till rules' limit (``till_policy``)."""
    if actor.may(Permission.DISCOUNT):
        return
    typed = [request.discount, *(line.discount for line in request.lines)]
    if not any(text and text.strip() for text in typed):
        return  # the usual sale: nothing to parse twice, no rules to read
    lines = basket_lines(request, cur)
    order_discount = (
        parse_non_negative_money(request.discount, cur, what="discount", field="discount")
        if request.discount
        else 0
    )
    discounts_allowed(uow, actor, lines, order_discount)
