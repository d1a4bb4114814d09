"""Points earned on a sale: the earn basis, tier multiplier and campaigns, floored in one place.

The basis is the net money actually paid for eligible lines: after line, order
and tier discounts, without the share paid with points, without excluded
categories and SKUs. Lines are grouped by the campaign multiplier that applies
to them and each group earns ``points`` for every full ``per`` of its basis,
so a refund can only ever lower what a sale earns.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from loyalty_desktop.domain.pricing import SaleLine
from loyalty_desktop.domain.program import Campaign, CampaignPolicy, Program

_ONE = Fraction(1)


def floor_points(exact: Fraction) -> int:
    """The one rounding rule for earned points: floor."""
    return math.floor(exact)


@dataclass(frozen=True)
class EarnContext:
    """What campaigns look at besides the basket: the shop-local date, tier before the sale, birth month.

    Only the month of the birthday is kept with a sale: it is all a campaign
    needs, and it is not personal data that must go when a member is erased.
    """

    local_date: date
    tier: str | None
    birthday_month: int | None = None

    @property
    def in_birthday_month(self) -> bool:
        """Whether the sale falls in the member's birthday month."""
        return self.birthday_month == self.local_date.month


@dataclass(frozen=True)
class Earned:
    """Points a sale earns and the campaigns that gave extra."""

    points: int
    campaigns: tuple[str, ...] = ()


def campaign_applies(campaign: Campaign, ctx: EarnContext) -> bool:
    """Whether a campaign is on for this sale (dates, weekdays, member days, tier, birthday)."""
    day = ctx.local_date
    if not campaign.start <= day <= campaign.end:
        return False
    if campaign.weekdays and day.weekday() not in campaign.weekdays:
        return False
    if campaign.month_days and day.day not in campaign.month_days:
        return False
    if campaign.tiers and ctx.tier not in campaign.tiers:
        return False
    return not (campaign.birthday_month and not ctx.in_birthday_month)


def _covers(campaign: Campaign, line: SaleLine) -> bool:
    return not campaign.categories or line.category in campaign.categories


def _bought(campaign: Campaign, lines: Sequence[SaleLine]) -> bool:
    """Whether the basket really paid for something the campaign covers (a free or returned item does not count)."""
    return sum(line.net for line in lines if _covers(campaign, line)) > 0


def earn_points(
    program: Program,
    lines: Sequence[SaleLine],
    *,
    cash_share: Fraction,
    ctx: EarnContext,
) -> Earned:
    """Points earned by ``lines`` (their ``net`` after discounts) when ``cash_share`` of it is paid in money.

    ``cash_share`` is (net − value paid with points) / net of the whole sale, so a
    refund that keeps part of the basket keeps the same share.
    """
    rule = program.earn
    eligible = [line for line in lines if not rule.excludes(line.sku, line.category)]
    net = sum(line.net for line in lines)
    if net <= 0 or net < rule.min_order or cash_share <= 0:
        return Earned(0)
    tier = program.tiers.level(ctx.tier)
    tier_multiplier = Fraction(tier.earn_multiplier) if tier else Fraction(1)
    live = [c for c in program.campaigns if campaign_applies(c, ctx)]

    def total(campaigns: Sequence[Campaign]) -> int:
        # Sum each multiplier group's net in whole minor units first; one exact
        # division per group keeps this cheap at the till.
        groups: dict[Fraction, int] = {}
        if not campaigns:  # one group, without a Fraction per line
            groups = {_ONE: sum(line.net for line in eligible)} if eligible else {}
        for line in eligible if campaigns else ():
            multiplier = _ONE
            for campaign in campaigns:
                if _covers(campaign, line):
                    multiplier *= Fraction(campaign.multiplier)
            groups[multiplier] = groups.get(multiplier, 0) + line.net
        points = 0
        for multiplier, group_net in groups.items():
            basis = group_net * cash_share
            units = floor_points(basis / rule.per) if basis > 0 else 0
            points += floor_points(units * rule.points * tier_multiplier * multiplier)
        bonus = sum(c.bonus for c in campaigns if c.bonus and _bought(c, eligible))
        return points + bonus

    if program.campaign_policy is CampaignPolicy.STACK:
        used = [c for c in live if (c.multiplier != 1 or c.bonus) and _bought(c, eligible)]
        return Earned(total(used), tuple(c.name for c in used))
    best = Earned(total(()))
    for campaign in live:
        candidate = total((campaign,))
        if candidate > best.points:
            best = Earned(candidate, (campaign.name,))
    return best
