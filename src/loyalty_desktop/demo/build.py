"""A believable demo shop: a convenience store's members, catalogue and a year of sales, posted for real.

``build_demo`` loads a programme (tiers 青铜/白银/黄金/钻石, member days, a
birthday month, seasonal campaigns), then replays a planned history in time
order through the same services the till uses: enrolment, ``record_sale``
(with points paid where the rules allow), ``record_refund``, activity awards
and the expiry job. So ``loyalty check`` holds afterwards and the reports
have repeat buyers, lapsed members, seasons and preferences to find.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from loyalty_desktop.demo.catalogue import CATALOGUE, Product
from loyalty_desktop.demo.history import (
    AwardPlan,
    Enrolment,
    Event,
    RefundPlan,
    SalePlan,
    plan_history,
)
from loyalty_desktop.demo.programme import TIMEZONE, program_text
from loyalty_desktop.demo.shop_calendar import Calendar
from loyalty_desktop.demo.surveys import demo_answer, next_visits
from loyalty_desktop.domain import ledger
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.money import Currency, parse_non_negative_money
from loyalty_desktop.domain.pricing import max_redeemable, price_basket
from loyalty_desktop.domain.products import Product as ShopProduct
from loyalty_desktop.domain.products import new_product
from loyalty_desktop.domain.program import Program
from loyalty_desktop.services import points
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.checkout import SaleRequest, basket_lines, record_sale
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.members import NewMember, enrol_member
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.products import stock_products
from loyalty_desktop.services.programs import load_program, program_in_force
from loyalty_desktop.services.refunds import RefundRequest, record_refund
from loyalty_desktop.services.standing import tier_at

HISTORY_DAYS = 400  # a reporting year, and the launch weeks before it whose points have lapsed
CHUNK = 2000  # events per transaction
MAX_DEMO_MEMBERS = 1_000_000
_NEEDS = (
    Permission.PROGRAM,
    Permission.ENROL,
    Permission.SELL,
    Permission.AWARD,
    Permission.REFUND,
    Permission.EXPIRE,
    Permission.PRODUCTS,
)


@dataclass
class _Tally:
    """What the demo posted, for its summary."""

    member_sales: int = 0
    walk_in_sales: int = 0
    lines: int = 0
    refunds: int = 0
    redemptions: int = 0
    points_redeemed: int = 0
    points_earned: int = 0
    awards: int = 0
    survey_answers: int = 0


def _member_index(event: Event) -> int | None:
    """The planned member an event posts for, if any."""
    if isinstance(event, SalePlan | Enrolment):
        return event.person.index if event.person else None
    if isinstance(event, RefundPlan):
        return event.sale.person.index if event.sale.person else None
    return None


class _PlanClock:
    """The demo's own time: each event happens at its planned moment, as it would in a shop."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def now(self) -> datetime:
        """The moment of the event being posted."""
        return self.moment


class _Poster:
    """Replays the plan through the services, keeping each member's record between transactions.

    The services see the plan's clock, so every event is posted "now" as it
    happened (points lapse, tiers move and nothing is backdated), exactly as
    a year of trading would have left the database.
    """

    def __init__(self, shop: Shop, actor: Actor, program_id: int, program: Program, seed: int):
        self.clock = _PlanClock(shop.clock.now())
        self.shop = replace(shop, clock=self.clock)
        self.actor = actor
        self.program_id = program_id
        self.program = program
        self.rng = random.Random(f"{seed}:till")  # what members decide at the till
        self.ids: dict[int, str] = {}
        self.members: dict[int, Member] = {}  # current records; dropped when a service changed one
        self.tally = _Tally()
        self.survey_rng = random.Random(f"{seed}:survey")  # apart, so the baskets stay the same
        self.next_visit: dict[str, timedelta | None] = {}

    def run(self, events: list[Event]) -> None:
        """Post the events in time order, in as few transactions as the services allow.

        ``points.award`` commits on its own, so awards wait until the batch before
        them is committed; a member with an award waiting closes the batch before
        their next sale or refund, so every member's ledger stays in time order.
        """
        self.next_visit = next_visits(events)
        batch: list[Event] = []
        awards: list[AwardPlan] = []
        waiting: set[int] = set()
        for event in events:
            if isinstance(event, AwardPlan):
                awards.append(event)
                waiting.add(event.person.index)
                continue
            if len(batch) >= CHUNK or _member_index(event) in waiting:
                self.flush(batch, awards)
                batch, awards, waiting = [], [], set()
            batch.append(event)
        self.flush(batch, awards)

    def flush(self, batch: list[Event], awards: list[AwardPlan]) -> None:
        """Commit the batch in one transaction, then give the awards that waited for it."""
        if batch:
            with self.shop.uow() as uow:
                for event in batch:
                    self.clock.moment = event.at
                    if isinstance(event, Enrolment):
                        self.enrol(uow, event)
                    elif isinstance(event, SalePlan):
                        self.sell(uow, event)
                    elif isinstance(event, RefundPlan):
                        self.refund(uow, event)
                uow.commit()
        for award in awards:
            self.clock.moment = award.at
            member_id = self.ids[award.person.index]
            points.award(self.shop, self.actor, member_id, award.activity, award.at)
            self.members.pop(award.person.index, None)
            self.tally.awards += 1

    def member(self, uow: UnitOfWork, index: int) -> Member:
        """The member's current record: kept from their last sale, or read again."""
        found = self.members.get(index)
        if found is None:
            found = uow.members.get(self.ids[index])
            assert found is not None, "a demo member vanished"
            self.members[index] = found
        return found

    def enrol(self, uow: UnitOfWork, event: Enrolment) -> None:
        """Sign a member up, as ``members.enrol`` does, inside the batch's transaction."""
        person = event.person
        data = NewMember(person.name, person.phone, person.email, person.birthday, person.consent)
        member = enrol_member(uow, self.shop, data, event.at)
        self.ids[person.index] = member.id
        self.members[person.index] = member

    def sell(self, uow: UnitOfWork, event: SalePlan) -> None:
        """Ring up a basket through ``record_sale``, paying with points if the member wants to."""
        member = self.member(uow, event.person.index) if event.person else None
        request = SaleRequest(
            sale_no=event.sale_no,
            member_ref=member.member_no if member else None,
            lines=event.lines,
            discount=event.discount,
            at=event.at,
        )
        if member is not None and event.person is not None:
            redeem = self.points_to_pay(uow, member, request, event.at, event.person.redeems)
            if redeem:
                request = replace(request, redeem=redeem)
        sale = record_sale(uow, self.shop, self.program_id, self.program, request, event.at, member)
        self.tally.lines += len(sale.lines)
        self.tally.points_earned += sale.earned
        if member is None:
            self.tally.walk_in_sales += 1
            return
        self.tally.member_sales += 1
        answer = demo_answer(
            self.survey_rng,
            sale,
            member,
            self.next_visit.get(sale.sale_no),
            self.shop.device_id,
            event.at,
        )
        if answer is not None:
            uow.surveys.add_many([answer])
            self.tally.survey_answers += 1
        if sale.points_redeemed:
            self.tally.redemptions += 1
            self.tally.points_redeemed += sale.points_redeemed

    def points_to_pay(
        self,
        uow: UnitOfWork,
        member: Member,
        request: SaleRequest,
        at: datetime,
        propensity: float,
    ) -> int:
        """Points a member chooses to pay with: the most the rules allow, or a round hundred of it."""
        rule, cur = self.program.redeem, self.program.currency
        if member.balance < max(rule.min_points, 1) or self.rng.random() >= propensity:
            return 0
        tier = tier_at(uow, self.program, member, at)
        discount = request.discount
        priced = price_basket(
            basket_lines(request, cur),
            order_discount=parse_non_negative_money(discount, cur) if discount else 0,
            tier_discount_pct=tier.discount_pct if tier else Decimal(0),
            currency=cur,
        )
        can = ledger.spendable(member.balance, uow.ledger.lots(member.id), at)
        most = max_redeemable(priced.net, can, rule, cur)
        if most < max(rule.min_points, 1):
            return 0
        rounded = most - most % 100
        return most if self.rng.random() < 0.6 or rounded < rule.min_points else rounded

    def refund(self, uow: UnitOfWork, event: RefundPlan) -> None:
        """Take goods back through ``record_refund``."""
        sale = uow.sales.get(event.sale.sale_no)
        assert sale is not None, "a demo refund lost its sale"
        refund_no = f"RF-{event.sale.sale_no}"
        request = RefundRequest(
            refund_no, sale.sale_no, lines=event.lines, at=event.at, reason=event.reason
        )
        record_refund(uow, self.shop, self.actor, request, refund_no, sale)
        if event.sale.person is not None:
            self.members.pop(event.sale.person.index, None)
        self.tally.refunds += 1


def _shelf_product(product: Product, currency: Currency) -> ShopProduct:
    """A shelf's product as the till's catalogue holds it: packaged goods scan by their EAN-13.

    Weighed produce (an in-store code, priced per kilogram) and gift cards have no barcode.
    """
    scanned = product.sku if len(product.sku) == 13 and product.sku.isdigit() else None
    return new_product(
        product.sku,
        product.name,
        product.price,
        currency,
        category=product.category,
        barcode=scanned,
    )


def build_demo(shop: Shop, actor: Actor, *, members: int, seed: int) -> dict[str, Any]:
    """Fill an empty database with a demo shop: ``members`` members and their history up to now."""
    for permission in _NEEDS:
        require(actor, permission)
    if members < 1:
        raise InvalidRequest(
            "a demo shop needs at least one member",
            reason="demo_members_range",
            field="members",
            minimum=1,
            maximum=MAX_DEMO_MEMBERS,
        )
    began = time.perf_counter()
    end = shop.clock.now()
    with shop.uow(write=False) as uow:
        built = next((e for e in uow.audit.all() if e.action == "demo.build"), None)
        if built is not None:
            # Running the README's first command again shows the demo already there.
            return {"already_built": True, "built_at": built.at.isoformat(), **built.details}
        if next(iter(uow.members.active()), None) is not None:
            raise InvalidRequest(
                "the demo fills an empty database, and this one already has members; "
                "use a new --db file",
                code="not_empty",
                reason="demo_database_not_empty",
            )
    cal = Calendar.ending(end, TIMEZONE, HISTORY_DAYS)
    loaded = load_program(
        shop, actor, program_text(cal.first_day, cal.local_date(end)), "demo-programme.toml"
    )
    with shop.uow(write=False) as uow:
        program_id, program = program_in_force(uow)
    shelves = [_shelf_product(p, program.currency) for p in CATALOGUE]
    stock_products(shop, actor, shelves, "demo catalogue")
    plan = plan_history(random.Random(seed), members, cal)
    poster = _Poster(shop, actor, program_id, program, seed)
    poster.run(plan.events)
    # The nightly expiry job, once: it books each lapsed lot at its own expiry moment.
    expired = points.expire(shop, actor, end)
    tally = poster.tally
    with shop.uow() as uow:
        uow.settings.set("shop_name", program.shop_name)
        write_audit(
            uow,
            shop,
            actor,
            "demo.build",
            "shop",
            "demo data",
            {"members": members, "seed": seed},
            shop.clock.now(),
        )
        uow.commit()
    seconds = time.perf_counter() - began
    sales = tally.member_sales + tally.walk_in_sales
    return {
        "members": members,
        "sales": sales,
        "member_sales": tally.member_sales,
        "walk_in_sales": tally.walk_in_sales,
        "lines": tally.lines,
        "refunds": tally.refunds,
        "redemptions": tally.redemptions,
        "points_redeemed": tally.points_redeemed,
        "points_earned": tally.points_earned,
        "awards": tally.awards,
        "survey_answers": tally.survey_answers,
        "expired_points": expired.expired_points,
        "products": len(CATALOGUE),
        "from": cal.start.isoformat(),
        "to": end.isoformat(),
        "seconds": round(seconds, 2),
        "sales_per_second": round(sales / seconds, 1) if seconds else None,
        "program_version": loaded.version,
        "shop_name": program.shop_name,
        "seed": seed,
    }
