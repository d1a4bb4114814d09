"""Targeted offers (seed 000's personalisation done as offers, never as prices).

An offer gives its audience something on top of the list price: bonus
points, a points multiplier, money off, a percentage off, or a free item.
List prices never differ per person (China PIPL art. 24): the coupon is an
order discount or extra points, recorded as such. Who gets it is an
``Audience`` (tier, RFM segment, lifecycle stage, churn-risk band, birthday
month, category affinity, store, an imported list); a random control group,
fixed by the offer's seed, gets nothing, so the report can measure the lift.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.money import Currency, format_money
from loyalty_desktop.domain.pricing import SaleLine

MAX_NAME = 100
MAX_PER_MEMBER = 20
DEFAULT_CONTROL_SHARE = Decimal("0.10")
CHURN_BANDS = ("low", "medium", "high")


class OfferKind(StrEnum):
    """What a coupon of the offer gives."""

    BONUS_POINTS = "bonus_points"
    MULTIPLIER = "points_multiplier"
    MONEY_OFF = "money_off"
    PERCENT_OFF = "percent_off"
    FREE_ITEM = "free_item"

    @property
    def gives_points(self) -> bool:
        """Whether the offer's cost is counted in points (else in money)."""
        return self in (OfferKind.BONUS_POINTS, OfferKind.MULTIPLIER)


@dataclass(frozen=True)
class Audience:
    """Who an offer is for: every rule given must hold (any value within a rule will do).

    No rule at all means every member with marketing consent.
    """

    tiers: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()  # RFM segment keys (champions, at_risk, …)
    stages: tuple[str, ...] = ()  # lifecycle stage keys (new, lapsed, …)
    churn_bands: tuple[str, ...] = ()  # low / medium / high churn risk
    birthday_months: tuple[int, ...] = ()
    categories: tuple[str, ...] = ()  # category affinity
    stores: tuple[str, ...] = ()  # device ids of stores the member bought at
    members: tuple[str, ...] = ()  # an imported list of member numbers

    def rules(self) -> list[tuple[str, tuple[str, ...]]]:
        """The rules given, by name, in a fixed order."""
        named = [
            ("tier", self.tiers),
            ("segment", self.segments),
            ("stage", self.stages),
            ("churn", self.churn_bands),
            ("birthday_month", tuple(str(m) for m in self.birthday_months)),
            ("category", self.categories),
            ("store", self.stores),
            ("list", self.members),
        ]
        return [(name, values) for name, values in named if values]

    @property
    def needs_purchases(self) -> bool:
        """Whether choosing the audience needs the purchase history (RFM, stages, stores…)."""
        return bool(self.segments or self.stages or self.churn_bands or self.stores)


@dataclass(frozen=True)
class MemberProfile:
    """What the audience rules look at for one member (None: not known, e.g. no purchases)."""

    member_id: str
    member_no: str
    tier: str | None = None
    segment: str | None = None
    stage: str | None = None
    churn_band: str | None = None
    birthday_month: int | None = None
    categories: frozenset[str] = field(default_factory=frozenset)
    stores: frozenset[str] = field(default_factory=frozenset)


def chosen_by(audience: Audience, who: MemberProfile) -> str | None:
    """Why ``who`` is in the audience (``tier=Gold; stage=lapsed``), or None if they are not."""
    said: list[str] = []
    for rule, values in audience.rules():
        if rule == "tier":
            matched = [who.tier] if who.tier in values else []
        elif rule == "segment":
            matched = [who.segment] if who.segment in values else []
        elif rule == "stage":
            matched = [who.stage] if who.stage in values else []
        elif rule == "churn":
            matched = [who.churn_band] if who.churn_band in values else []
        elif rule == "birthday_month":
            month = str(who.birthday_month) if who.birthday_month else None
            matched = [month] if month in values else []
        elif rule == "category":
            matched = sorted(who.categories.intersection(values))
        elif rule == "store":
            matched = sorted(who.stores.intersection(values))
        else:
            matched = [who.member_no] if who.member_no in values else []
        if not matched:
            return None
        said.append(f"{rule}={','.join(str(m) for m in matched)}")
    return "; ".join(said) if said else "everyone with marketing consent"


@dataclass(frozen=True)
class Offer:
    """An offer and what one of its coupons gives."""

    id: str
    name: str
    kind: OfferKind
    starts_at: datetime
    ends_at: datetime
    audience: Audience
    points: int = 0  # bonus_points
    multiplier: Decimal = Decimal(1)  # points_multiplier
    amount: int = 0  # money_off, minor units
    percent: Decimal = Decimal(0)  # percent_off
    sku: str | None = None  # free_item
    min_spend: int = 0  # the basket must come to this before the coupon
    per_member: int = 1  # coupons each chosen member gets (each single-use)
    budget: int | None = None  # most the offer may cost: minor units, or points for points offers
    control_share: Decimal = DEFAULT_CONTROL_SHARE
    seed: int = 0
    created_at: datetime | None = None

    def valid_at(self, at: datetime) -> bool:
        """Whether a coupon may be used at ``at``."""
        return self.starts_at <= at < self.ends_at


def in_control(seed: int, member_id: str, share: Decimal) -> bool:
    """Whether the member falls in the control group: a fixed coin per seed and member."""
    digest = hashlib.sha256(f"{seed}:{member_id}".encode()).digest()
    draw = Decimal(int.from_bytes(digest[:8], "big")) / Decimal(2**64)
    return draw < share


def check_offer(offer: Offer) -> None:
    """Refuse an offer that could not work: no name, no value, ending before it starts."""
    if not offer.name.strip() or len(offer.name) > MAX_NAME or not offer.name.isprintable():
        raise InvalidRequest(
            f"an offer needs a name of 1 to {MAX_NAME} visible characters on one line",
            reason="offer_name",
            field="name",
            limit=MAX_NAME,
        )
    if offer.ends_at <= offer.starts_at:
        raise InvalidRequest(
            "an offer must end after it starts", reason="offer_ends_before_start", field="end"
        )
    empty = {
        OfferKind.BONUS_POINTS: offer.points <= 0,
        OfferKind.MULTIPLIER: offer.multiplier <= 1,
        OfferKind.MONEY_OFF: offer.amount <= 0,
        OfferKind.PERCENT_OFF: not 0 < offer.percent <= 100,
        OfferKind.FREE_ITEM: not offer.sku,
    }
    if empty[offer.kind]:
        raise InvalidRequest(
            f"a {offer.kind.value} offer needs {_WHAT_IT_GIVES[offer.kind]}",
            reason="offer_gives_nothing",
            kind=offer.kind.value,
            field=_WHAT_IT_GIVES[offer.kind].split()[0],
        )
    if offer.sku is not None and (len(offer.sku) > MAX_NAME or not offer.sku.isprintable()):
        raise InvalidRequest(
            f"the free item's SKU is 1 to {MAX_NAME} visible characters",
            reason="offer_sku",
            field="sku",
            limit=MAX_NAME,
        )
    if not 1 <= offer.per_member <= MAX_PER_MEMBER:
        raise InvalidRequest(
            f"each member may get 1 to {MAX_PER_MEMBER} coupons of an offer",
            reason="offer_per_member",
            field="per_member",
            limit=MAX_PER_MEMBER,
        )
    if not 0 <= offer.control_share < 1:
        raise InvalidRequest(
            "the control group is a share from 0 up to (not including) 1",
            reason="offer_control_share",
            field="control_share",
        )
    if offer.budget is not None and offer.budget <= 0:
        raise InvalidRequest(
            "an offer's budget must be more than nothing", reason="offer_budget", field="budget"
        )
    bad_bands = [b for b in offer.audience.churn_bands if b not in CHURN_BANDS]
    bad_months = [m for m in offer.audience.birthday_months if not 1 <= m <= 12]
    if bad_bands or bad_months:
        raise InvalidRequest(
            "churn bands are low, medium or high and birthday months 1 to 12",
            reason="offer_audience_value",
            field="audience",
            value=str((bad_bands or bad_months)[0]),
        )


_WHAT_IT_GIVES = {
    OfferKind.BONUS_POINTS: "points above 0",
    OfferKind.MULTIPLIER: "multiplier above 1",
    OfferKind.MONEY_OFF: "amount above 0",
    OfferKind.PERCENT_OFF: "percent above 0, at most 100",
    OfferKind.FREE_ITEM: "sku of the free item",
}


def money_off(offer: Offer, lines: Sequence[SaleLine], net: int, currency: Currency) -> int:
    """Money the coupon takes off a basket worth ``net`` (0 for points offers); never below 0.

    Raises ``InvalidRequest`` when the basket is below the offer's minimum or
    lacks the free item.
    """
    if net < offer.min_spend:
        raise InvalidRequest(
            f"the coupon needs a basket of at least {format_money(offer.min_spend, currency)}",
            reason="coupon_min_spend",
            field="coupon",
            minimum=format_money(offer.min_spend, currency),
        )
    if offer.kind is OfferKind.MONEY_OFF:
        return min(offer.amount, net)
    if offer.kind is OfferKind.PERCENT_OFF:
        return min(int(net * offer.percent // 100), net)  # floor: never more than promised
    if offer.kind is OfferKind.FREE_ITEM:
        for line in lines:
            if line.sku == offer.sku and line.quantity >= 1 and line.net > 0:
                one = int(line.net / line.quantity)
                return min(one, net)
        raise InvalidRequest(
            f"the coupon is for a free {offer.sku}; add one to the basket first",
            reason="coupon_item_missing",
            field="coupon",
            sku=offer.sku,
        )
    return 0


def extra_points(offer: Offer, earned: int) -> int:
    """Points the coupon adds to a sale that earned ``earned`` (floor, like all earning)."""
    if offer.kind is OfferKind.BONUS_POINTS:
        return offer.points
    if offer.kind is OfferKind.MULTIPLIER:
        return int(earned * (offer.multiplier - 1))
    return 0


@dataclass(frozen=True)
class OfferTarget:
    """A member an offer's audience chose: in the control group or not, and by which rule."""

    offer_id: str
    member_id: str
    control: bool
    rule: str
    issued_at: datetime
