"""The loyalty programme: how points are earned, spent and expire, tiers, campaigns and rewards.

A ``Program`` is immutable; loading a new programme file stores a new version
and sales remember the version they were posted under, so a refund replays the
rules of its sale.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from loyalty_desktop.domain.money import Currency

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class TierBasis(StrEnum):
    """What a member's tier is measured on."""

    LIFETIME_SPEND = "lifetime_spend"
    ROLLING_SPEND = "rolling_spend"
    POINTS_EARNED = "points_earned"
    SCORE = "score"


class CampaignPolicy(StrEnum):
    """How several campaigns that apply to one sale combine."""

    BEST = "best"
    STACK = "stack"


@dataclass(frozen=True)
class EarnRule:
    """``points`` for each full ``per`` (minor units) of net spend; nothing below ``min_order``."""

    points: int = 0
    per: int = 100
    min_order: int = 0
    exclude_categories: frozenset[str] = frozenset()
    exclude_skus: frozenset[str] = frozenset()

    def excludes(self, sku: str, category: str | None) -> bool:
        """Whether a line with this SKU and category earns nothing."""
        return sku in self.exclude_skus or (
            category is not None and category in self.exclude_categories
        )


@dataclass(frozen=True)
class ExpiryRule:
    """Lifetime of each earn lot in days; 0 means points never expire."""

    days: int = 0


@dataclass(frozen=True)
class RedeemRule:
    """Money value of a point when paying, the smallest redemption and the most of a sale points may pay."""

    point_value: Decimal = Decimal("0.01")
    min_points: int = 0
    max_share: Decimal = Decimal("1.0")


@dataclass(frozen=True)
class TierLevel:
    """A tier reached at or above ``threshold`` of the basis, with its price and earn benefits."""

    name: str
    threshold: Decimal = Decimal(0)
    discount_pct: Decimal = Decimal(0)
    earn_multiplier: Decimal = Decimal(1)
    colour: str = ""  # "#RRGGBB" for screens and cards; empty: the screen's own


@dataclass(frozen=True)
class ScoreScale:
    """How the composite score's parts reach 100: spend, visits and interactions in the window."""

    spend_full: Decimal = Decimal(10000)
    visits_full: int = 24
    interactions_full: int = 12
    spend_weight: Decimal = Decimal("0.6")
    activity_weight: Decimal = Decimal("0.3")
    interaction_weight: Decimal = Decimal("0.1")


@dataclass(frozen=True)
class LifecycleRule:
    """Where a buying member is in their life with the shop: the thresholds a manager may adjust.

    Days are shop days counted back from the report's day. See ``analytics/lifecycle.py``
    for the order the stages are tried in.
    """

    new_days: int = 90  # first purchase at most this long ago: new
    window_days: int = 180  # recent spend and visits are counted over this many days
    loyal_visits: int = 4  # purchase days in the window that make a member loyal
    decline_pct: int = 50  # recent spend this much below the window before it: declining
    quiet_days: int = 90  # no purchase for this long: declining
    lapsed_days: int = 180  # no purchase for this long: lapsed
    won_back_days: int = 90  # a lapsed member who bought again is won back for this long
    # Churn risk, each member against their own habit: gone this many times their usual gap
    # between purchase days (two purchase days at least) is declining; 0: not used.
    overdue_times: int = 0


DEFAULT_TIER = TierLevel(name="Member")

# Awards per member per shop day unless the programme says otherwise; anything not
# listed may be given once a day. Birthday points come once per birthday.
DEFAULT_DAILY_LIMITS = {"review": 1, "referral": 5, "check_in": 1}
BIRTHDAY = "birthday"


@dataclass(frozen=True)
class TierRule:
    """Tier levels (kept sorted highest threshold first) and the basis they are measured on."""

    basis: TierBasis = TierBasis.LIFETIME_SPEND
    window_days: int = 365
    levels: tuple[TierLevel, ...] = (DEFAULT_TIER,)
    score: ScoreScale = field(default_factory=ScoreScale)

    def level(self, name: str | None) -> TierLevel | None:
        """The level called ``name``, if the programme still has it."""
        return next((lvl for lvl in self.levels if lvl.name == name), None)


@dataclass(frozen=True)
class Campaign:
    """A time-boxed earning rule; every filter left empty matches everything."""

    name: str
    start: date
    end: date
    multiplier: Decimal = Decimal(1)
    bonus: int = 0
    weekdays: frozenset[int] = frozenset()  # 0 = Monday
    month_days: frozenset[int] = frozenset()  # member days: 8, 18, 28 ...
    categories: frozenset[str] = frozenset()
    tiers: frozenset[str] = frozenset()
    birthday_month: bool = False


@dataclass(frozen=True)
class Reward:
    """A reward a member buys with points: a coupon (``value`` off the basket) or an item (``sku``).

    An item reward takes one unit's net amount of that item off the basket; the
    item must be in it. ``start``/``end`` are shop days; empty ``tiers`` means
    every tier.
    """

    name: str
    points: int
    value: int | None = None  # minor units off the basket (a coupon)
    sku: str | None = None  # the item given (an item reward)
    start: date = date.min
    end: date = date.max
    tiers: frozenset[str] = frozenset()
    stock: int | None = None  # how many may ever be taken (a refunded sale gives its one back)

    def valid_on(self, day: date) -> bool:
        """Whether the reward may be taken on this shop day."""
        return self.start <= day <= self.end

    def allowed_for(self, tier: str | None) -> bool:
        """Whether a member in ``tier`` may take the reward."""
        return not self.tiers or tier in self.tiers


@dataclass(frozen=True)
class Program:
    """A whole programme as loaded from a programme file (every key defaulted)."""

    shop_name: str = ""
    currency: Currency = field(default_factory=lambda: Currency.of("CNY"))
    timezone: str = "UTC"
    campaign_policy: CampaignPolicy = CampaignPolicy.BEST
    earn: EarnRule = field(default_factory=EarnRule)
    activity: tuple[tuple[str, int], ...] = ()
    activity_limits: tuple[tuple[str, int], ...] = ()
    birthday_window_days: int = 7
    expiry: ExpiryRule = field(default_factory=ExpiryRule)
    redeem: RedeemRule = field(default_factory=RedeemRule)
    tiers: TierRule = field(default_factory=TierRule)
    campaigns: tuple[Campaign, ...] = ()
    rewards: tuple[Reward, ...] = ()  # in file order: the till's hotkey order
    lifecycle: LifecycleRule = field(default_factory=LifecycleRule)

    def activity_points(self, activity: str) -> int | None:
        """Points the programme gives for an activity, or None if it gives nothing for it."""
        return dict(self.activity).get(activity)

    def daily_limit(self, activity: str) -> int:
        """How many times a member may be given an activity's points in one shop day."""
        limits = {**DEFAULT_DAILY_LIMITS, **dict(self.activity_limits)}
        return limits.get(activity, 1)

    def reward(self, name: str) -> Reward | None:
        """The reward called ``name``, if the programme has one."""
        return next((r for r in self.rewards if r.name == name), None)
