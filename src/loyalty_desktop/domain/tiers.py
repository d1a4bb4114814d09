"""Tiers: the basis a member is measured on and the level it reaches, highest threshold first."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.program import ScoreScale, TierBasis, TierLevel, TierRule

_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class TierStanding:
    """A member's measures at one moment; spend is net money paid after refunds, in minor units."""

    lifetime_spend: int = 0
    rolling_spend: int = 0
    points_earned: int = 0
    visits: int = 0
    interactions: int = 0


def _capped(part: Decimal) -> Decimal:
    return min(max(part, Decimal(0)), _HUNDRED)


def composite_score(scale: ScoreScale, standing: TierStanding, currency: Currency) -> Decimal:
    """The seeds' score: 0.6 spend + 0.3 activity + 0.1 interaction, each part scaled 0–100."""
    spend = Decimal(standing.rolling_spend) / currency.scale / scale.spend_full * _HUNDRED
    activity = Decimal(standing.visits) / scale.visits_full * _HUNDRED
    interaction = Decimal(standing.interactions) / scale.interactions_full * _HUNDRED
    total = (
        scale.spend_weight * _capped(spend)
        + scale.activity_weight * _capped(activity)
        + scale.interaction_weight * _capped(interaction)
    )
    return total.quantize(Decimal("0.01"))


def basis_value(rule: TierRule, standing: TierStanding, currency: Currency) -> Decimal:
    """The member's value on the programme's tier basis, in the units thresholds are written in.

    Never below zero: returns of goods bought before the records began must not
    drop a member out of the entry tier.
    """
    return max(_basis(rule, standing, currency), Decimal(0))


def _basis(rule: TierRule, standing: TierStanding, currency: Currency) -> Decimal:
    if rule.basis is TierBasis.LIFETIME_SPEND:
        return Decimal(standing.lifetime_spend) / currency.scale
    if rule.basis is TierBasis.ROLLING_SPEND:
        return Decimal(standing.rolling_spend) / currency.scale
    if rule.basis is TierBasis.POINTS_EARNED:
        return Decimal(standing.points_earned)
    return composite_score(rule.score, standing, currency)


def tier_for(rule: TierRule, value: Decimal) -> TierLevel | None:
    """The tier reached by ``value``: thresholds checked highest first, so the top tier is reachable."""
    for level in rule.levels:  # kept sorted highest threshold first
        if value >= level.threshold:
            return level
    return None


def next_tier(rule: TierRule, value: Decimal) -> tuple[TierLevel, Decimal] | None:
    """The next tier up and how much more of the basis it takes, or None at the top."""
    above = [level for level in rule.levels if level.threshold > value]
    if not above:
        return None
    target = min(above, key=lambda level: level.threshold)
    return target, target.threshold - value
