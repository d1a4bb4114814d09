"""`loyalty report offers`: per offer, coupons issued and used, and the lift measured against the control group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from loyalty_desktop.analytics.offer_lift import MIN_GROUP, OfferOutcome, offer_outcome
from loyalty_desktop.domain.offers import Offer
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.coupons import describe_gift
from loyalty_desktop.services.offers import MAX_LISTED
from loyalty_desktop.services.programs import program_in_force


@dataclass(frozen=True)
class OfferResult:
    """One offer's row of the report."""

    offer: Offer
    gives: str
    issued: int  # coupons
    redeemed: int  # coupons used
    money_off: int  # minor units given
    points: int  # points given
    window_end: datetime  # lift is measured from the offer's start to here
    outcome: OfferOutcome

    @property
    def redemption_rate(self) -> float | None:
        """Coupons used per coupon issued (None: none issued)."""
        return self.redeemed / self.issued if self.issued else None


@dataclass(frozen=True)
class OfferReport:
    """Every offer started by the report moment, newest first."""

    at: datetime
    min_group: int
    offers: tuple[OfferResult, ...]


def offer_report(shop: Shop, actor: Actor, at: datetime | None = None) -> OfferReport:
    """Issued, redeemed, redemption rate, and incremental sales and visits per member with a 95 % CI."""
    require(actor, Permission.REPORTS)
    end = at or shop.clock.now()
    with shop.uow(write=False) as uow:
        _, program = program_in_force(uow)
        offers = [o for o in uow.offers.listing(MAX_LISTED) if o.starts_at < end]
        found = []
        for offer in offers:
            targets = uow.offers.targets(offer.id)
            numbers = uow.offers.member_numbers(list(targets))
            coupons = uow.offers.coupons(offer.id)
            money, points = uow.offers.spent(offer.id)
            found.append((offer, targets, numbers, coupons, money, points))
    log = shop.reports.purchase_log(end) if found else None
    results = []
    for offer, targets, numbers, coupons, money, points in found:
        offered = [numbers[m] for m, t in targets.items() if not t.control and m in numbers]
        control = [numbers[m] for m, t in targets.items() if t.control and m in numbers]
        window_end = min(end, offer.ends_at)
        assert log is not None
        results.append(
            OfferResult(
                offer,
                describe_gift(offer, program.currency),
                len(coupons),
                sum(c.redeemed_at is not None for c in coupons),
                money,
                points,
                window_end,
                offer_outcome(log, offered, control, offer.starts_at, window_end),
            )
        )
    return OfferReport(end, MIN_GROUP, tuple(results))
