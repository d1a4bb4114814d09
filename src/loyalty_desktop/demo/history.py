"""The demo shop's history as a plan: every enrolment, sale, refund and award, in time order.

Nothing here touches storage: the plan is pure data drawn from one seeded
random generator, so the same seed always plans the same shop. Visits follow
the shop calendar's footfall, baskets follow each member's persona,
favourites and the season.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from loyalty_desktop.demo.baskets import Basket, Shelf, basket, promotion_discount
from loyalty_desktop.demo.catalogue import CATEGORIES
from loyalty_desktop.demo.people import PERSONAS, Person, Segment, make_people
from loyalty_desktop.demo.shop_calendar import Calendar, time_of_day
from loyalty_desktop.services.checkout import LineRequest

WALK_IN_SHARE = 0.10  # of all sales: people who do not show a member card
REFUND_RATE = 0.008
REVIEW_RATE = 0.006
_REFUND_REASONS = ("商品质量问题", "顾客退货", "收银错误", "临期商品")


@dataclass(frozen=True)
class Enrolment:
    """A member signs up at the till."""

    at: datetime
    person: Person


@dataclass
class SalePlan:
    """A basket rung up; the sale number is given once all sales are in time order."""

    at: datetime
    person: Person | None
    lines: tuple[LineRequest, ...]
    discount: str | None = None
    sale_no: str = ""


@dataclass(frozen=True)
class RefundPlan:
    """Goods brought back: SKU and quantity of each line returned."""

    at: datetime
    sale: SalePlan
    lines: tuple[tuple[str, str], ...]
    reason: str


@dataclass(frozen=True)
class AwardPlan:
    """Activity points for a member: review, check_in, referral or birthday."""

    at: datetime
    person: Person
    activity: str


Event = Enrolment | SalePlan | RefundPlan | AwardPlan
_RANK = {Enrolment: 0, SalePlan: 1, AwardPlan: 2, RefundPlan: 3}


@dataclass
class Plan:
    """Members and every event of the history, oldest first."""

    people: list[Person]
    events: list[Event] = field(default_factory=list)


def _sale(
    at: datetime,
    person: Person | None,
    items: Basket,
    promotion: bool,
) -> SalePlan:
    lines = tuple(LineRequest(p.sku, str(q), p.price, p.category) for p, q in items.values())
    return SalePlan(at, person, lines, promotion_discount(items) if promotion else None)


def _visits(rng: random.Random, person: Person, cal: Calendar) -> list[datetime]:
    if person.segment is Segment.DORMANT:
        return []
    first = person.enrolled_at + timedelta(seconds=rng.randint(60, 240))
    visits = [first] if first <= cal.end else []
    if person.segment is Segment.ONE_TIME or not visits:
        return visits
    stop = min(person.stops_at or cal.end, cal.end)
    weights = cal.member_footfall
    top, mean = max(weights), sum(weights) / len(weights)
    candidates_per_day = person.visits_per_week / 7 * top / mean
    t = (first - cal.start).total_seconds() / 86400
    while True:
        t += rng.expovariate(candidates_per_day)
        index = int(t)
        if index >= len(weights):
            return visits
        if rng.random() * top >= weights[index]:
            continue
        at = cal.moment(index, time_of_day(rng, person.persona.hours))
        if at > stop:
            return visits
        if at > visits[-1]:
            visits.append(at)


def _after(at: datetime, rng: random.Random, low: float, high: float) -> datetime:
    return at + timedelta(seconds=int(rng.uniform(low, high)))


def _refund(rng: random.Random, sale: SalePlan, end: datetime) -> RefundPlan | None:
    quick = rng.random() < 0.4
    at = _after(sale.at, rng, 300, 3600) if quick else _after(sale.at, rng, 86400, 7 * 86400)
    if at > end:
        return None
    if rng.random() < 0.25:
        returned = tuple((line.sku, line.quantity) for line in sale.lines)
    else:
        line = rng.choice(sale.lines)
        whole = Decimal(line.quantity) != Decimal(line.quantity).to_integral_value()
        returned = ((line.sku, line.quantity if whole else "1"),)
    return RefundPlan(at, sale, returned, rng.choice(_REFUND_REASONS))


def plan_history(rng: random.Random, members: int, cal: Calendar) -> Plan:
    """Plan ``members`` members and everything that happens to them until ``cal.end``."""
    plan = Plan(make_people(rng, members, cal))
    shelf = Shelf()
    sales: list[SalePlan] = []
    awarded: set[tuple[int, str, object]] = set()  # once a day / once a year rules
    for person in plan.people:
        plan.events.append(Enrolment(person.enrolled_at, person))
        if person.referred_by is not None:
            referrer = plan.people[person.referred_by]
            plan.events.append(
                AwardPlan(_after(person.enrolled_at, rng, 60, 180), referrer, "referral")
            )
        for visit in _visits(rng, person, cal):
            day = cal.local_date(visit)
            items = basket(
                rng, shelf, day, person.category_weights, person.favourites, person.persona.lines
            )
            sale = _sale(visit, person, items, shelf.day(day).promotion)
            sales.append(sale)
            plan.events.extend(_awards(rng, person, sale, cal, awarded))
    walk_ins = round(len(sales) * WALK_IN_SHARE / (1 - WALK_IN_SHARE))
    days = rng.choices(range(len(cal.footfall)), weights=cal.footfall, k=walk_ins)
    for index in sorted(days):
        persona = rng.choices(PERSONAS, weights=[p.share for p in PERSONAS])[0]
        at = cal.moment(index, time_of_day(rng, persona.hours))
        if at > cal.end or at < cal.start:
            continue
        weights = [persona.categories.get(c, 0.15) for c in CATEGORIES]
        day = cal.day(index)
        items = basket(rng, shelf, day, weights, (), persona.lines)
        sales.append(_sale(at, None, items, shelf.day(day).promotion))
    returned = rng.sample(sales, k=max(1, round(len(sales) * REFUND_RATE))) if sales else []
    plan.events.extend(r for sale in returned if (r := _refund(rng, sale, cal.end)))
    _number(rng, sales, cal)
    plan.events.extend(sales)
    plan.events.sort(key=lambda e: (e.at, _RANK[type(e)]))
    return plan


def _awards(
    rng: random.Random,
    person: Person,
    sale: SalePlan,
    cal: Calendar,
    awarded: set[tuple[int, str, object]],
) -> list[AwardPlan]:
    """Points for more than buying, never more often than the programme allows."""
    month = cal.local_date(sale.at).month
    wishes: list[tuple[str, datetime, float]] = []
    if person.consent and person.birthday and person.birthday.month == month:
        wishes.append(("birthday", _after(sale.at, rng, 20, 40), 0.15))  # the cashier's greeting
    if person.app_user:
        wishes.append(("check_in", _after(sale.at, rng, 10, 30), 0.2))
    if person.consent:
        wishes.append(("review", _after(sale.at, rng, 7200, 172800), REVIEW_RATE))
    found = []
    for activity, at, chance in wishes:
        local = cal.local_date(at)
        if at > cal.end or (activity == "birthday" and local.month != month):
            continue
        # birthday points once a shop year, check-in and review once a shop day
        once = local.year if activity == "birthday" else local
        if (person.index, activity, once) not in awarded and rng.random() < chance:
            awarded.add((person.index, activity, once))
            found.append(AwardPlan(at, person, activity))
    return found


def _number(rng: random.Random, sales: list[SalePlan], cal: Calendar) -> None:
    """Receipt numbers as the tills print them: till, shop day, running number."""
    sales.sort(key=lambda s: s.at)
    counters: dict[tuple[int, date], int] = defaultdict(int)
    for sale in sales:
        till = 1 if rng.random() < 0.7 else 2
        day = cal.local_date(sale.at)
        counters[till, day] += 1
        sale.sale_no = f"POS{till}-{day:%Y%m%d}-{counters[till, day]:04d}"
