"""What a sale would earn under a programme not yet saved: the back office's preview.

The sale is priced and earned by the very domain code the checkout posts with
(``price_basket`` with the tier discount, then ``earn_points`` on the money
paid), so the preview cannot drift from what a till gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from loyalty_desktop.domain.earn import EarnContext, earn_points
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.pricing import price_basket
from loyalty_desktop.domain.program import Program
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.baskets import LineRequest, SaleRequest, basket_lines
from loyalty_desktop.services.checkout import local_date_of
from loyalty_desktop.services.context import Shop

PREVIEW_SKU = "PREVIEW"  # the one item of a preview sold in a category


@dataclass(frozen=True)
class EarnPreview:
    """A sale as the programme would post it: money paid (minor units), points and the campaigns used."""

    amount: int
    tier_discount: int
    paid: int
    points: int
    campaigns: tuple[str, ...]


def preview_earn(
    shop: Shop,
    actor: Actor,
    program: Program,
    amount: str,
    *,
    tier: str | None,
    at: datetime | None = None,
    category: str | None = None,
    birthday_month: bool = False,
) -> EarnPreview:
    """What a sale of ``amount`` by a member in ``tier`` at ``at`` (default now) earns under ``program``.

    Raises:
        InvalidAmount: ``amount`` is not money in the programme's currency.
        InvalidRequest: ``tier`` is not one of the programme's tiers.
    """
    require(actor, Permission.PROGRAM)
    level = program.tiers.level(tier) if tier else None
    if tier and level is None:
        raise InvalidRequest(
            f"the programme has no tier called {tier!r}",
            reason="preview_unknown_tier",
            field="tier",
            tier=tier,
        )
    category = category.strip() if category and category.strip() else None
    request = (
        SaleRequest("preview", None, lines=(LineRequest(PREVIEW_SKU, "1", amount, category),))
        if category
        else SaleRequest("preview", None, total=amount)
    )
    lines = basket_lines(request, program.currency)
    pricing = price_basket(
        lines,
        order_discount=0,
        tier_discount_pct=level.discount_pct if level else Decimal(0),
        currency=program.currency,
    )
    moment = at or shop.clock.now()
    day = local_date_of(moment, program)
    ctx = EarnContext(day, level.name if level else None, day.month if birthday_month else None)
    # Nothing paid with points: the whole net is paid in money, as in a sale without redemption.
    earned = earn_points(program, pricing.lines, cash_share=Fraction(1), ctx=ctx)
    return EarnPreview(
        amount=pricing.subtotal,
        tier_discount=pricing.tier_discount,
        paid=pricing.net,
        points=earned.points,
        campaigns=earned.campaigns,
    )
