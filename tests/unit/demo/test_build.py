"""The demo shop: believable members, a catalogue and a year of sales, posted through the real rules."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from loyalty_desktop.demo.build import HISTORY_DAYS, build_demo
from loyalty_desktop.demo.catalogue import CATALOGUE, in_mooncake_season
from loyalty_desktop.demo.history import (
    Enrolment,
    Plan,
    SalePlan,
    plan_history,
)
from loyalty_desktop.demo.people import Segment, make_people
from loyalty_desktop.demo.programme import program_text
from loyalty_desktop.demo.shop_calendar import Calendar
from loyalty_desktop.domain.earn import EarnContext, earn_points
from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied
from loyalty_desktop.domain.ledger import MovementKind
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.services import integrity, members
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.context import Shop
from tests.conftest import FixedClock
from tests.fakes import FakeDatabase, FakeIntegrity, fake_shop

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai
SHANGHAI = ZoneInfo("Asia/Shanghai")
MEMBER_DAY = "会员日双倍积分 Member day"


@dataclass
class Built:
    shop: Shop
    database: FakeDatabase
    summary: dict[str, Any]


def build(count: int = 100, seed: int = 7) -> Built:
    shop, database = fake_shop(FixedClock(NOW))
    return Built(shop, database, build_demo(shop, LOCAL_ADMIN, members=count, seed=seed))


@pytest.fixture(scope="module")
def demo() -> Built:
    return build()


def plan(count: int, seed: int = 7) -> Plan:
    return plan_history(
        random.Random(seed), count, Calendar.ending(NOW, "Asia/Shanghai", HISTORY_DAYS)
    )


def local(moment: datetime) -> date:
    return moment.astimezone(SHANGHAI).date()


def fingerprint(built: Built) -> tuple[Any, ...]:
    store = built.database.store
    number = {m.id: m.member_no for m in store.members.values()}
    people = sorted(
        (
            m.member_no,
            m.name,
            m.phone,
            m.email,
            m.birthday,
            m.consent,
            m.created_at,
            m.tier,
            m.balance,
        )
        for m in store.members.values()
    )
    sales = sorted(
        (
            s.sale_no,
            number.get(s.member_id or ""),
            s.at,
            s.net,
            s.earned,
            s.points_redeemed,
            tuple((ls.line.sku, ls.line.quantity, ls.line.unit_price) for ls in s.lines),
        )
        for s in store.sales.values()
    )
    summary = {k: v for k, v in built.summary.items() if k not in ("seconds", "sales_per_second")}
    return tuple(people), tuple(sales), tuple(sorted(summary.items()))


def test_the_demo_passes_the_integrity_check(demo: Built) -> None:
    report = integrity.check(demo.shop, LOCAL_ADMIN, FakeIntegrity(demo.database))
    assert (report.ok, report.problems) == (True, ())


def test_the_same_seed_builds_the_same_shop(demo: Built) -> None:
    assert fingerprint(build()) == fingerprint(demo)


def test_another_seed_plans_other_people() -> None:
    cal = Calendar.ending(NOW, "Asia/Shanghai", HISTORY_DAYS)
    seven = make_people(random.Random(7), 30, cal)
    eight = make_people(random.Random(8), 30, cal)
    assert {p.phone for p in seven}.isdisjoint({p.phone for p in eight})
    assert [p.name for p in seven] != [p.name for p in eight]


def test_the_summary_counts_what_was_posted(demo: Built) -> None:
    store, summary = demo.database.store, demo.summary
    assert summary["members"] == len(store.members) == 100
    assert summary["sales"] == len(store.sales)
    assert summary["member_sales"] + summary["walk_in_sales"] == summary["sales"]
    assert summary["walk_in_sales"] == sum(1 for s in store.sales.values() if s.member_id is None)
    assert summary["lines"] == sum(len(s.lines) for s in store.sales.values())
    assert summary["refunds"] == len(store.refunds) > 0
    assert summary["redemptions"] == sum(1 for s in store.sales.values() if s.points_redeemed)
    assert summary["to"] == NOW.isoformat()
    assert datetime.fromisoformat(summary["from"]) <= NOW - timedelta(days=365)
    assert summary["program_version"] == 1
    assert summary["seconds"] >= 0


def test_members_look_like_the_shops_customers() -> None:
    people = plan(400).people
    phones = [p.phone for p in people]
    assert len(set(phones)) == len(phones)
    assert all(len(p) == 11 and p[:2] in ("13", "15", "18") and p.isdigit() for p in phones)
    assert all(
        2 <= len(p.name) <= 3 and all("\u4e00" <= ch <= "\u9fff" for ch in p.name) for p in people
    )
    assert 0.55 < sum(p.consent for p in people) / len(people) < 0.85
    assert 0.15 < sum(p.email is not None for p in people) / len(people) < 0.45
    birthdays = [p.birthday for p in people if p.birthday]
    assert len(birthdays) > 300
    assert all(b < date(2012, 1, 1) for b in birthdays)


def test_more_members_joined_at_the_launch_and_a_few_just_now() -> None:
    enrolled = [p.enrolled_at for p in plan(400).people]
    start = NOW - timedelta(days=HISTORY_DAYS)
    early = sum(1 for at in enrolled if at < start + timedelta(days=60))
    late = sum(1 for at in enrolled if at > NOW - timedelta(days=60))
    assert early > 2 * late
    assert any(at > NOW - timedelta(days=14) for at in enrolled)
    assert all(start - timedelta(days=1) <= at <= NOW for at in enrolled)
    assert enrolled == sorted(enrolled)  # member numbers follow the order people joined


def test_repeat_lapsed_one_time_and_loyal_buyers_all_appear(demo: Built) -> None:
    store = demo.database.store
    bought: dict[str, list[datetime]] = defaultdict(list)
    for sale in store.sales.values():
        if sale.member_id:
            bought[sale.member_id].append(sale.at)
    counts = [len(bought.get(m, [])) for m in store.members]
    assert max(counts) >= 20  # a loyal core buying most weeks
    assert sum(1 for n in counts if n >= 2) >= 10  # repeat buyers
    assert 1 in counts  # one-time buyers
    assert 0 in counts  # signed up, never came back
    lapsed = [
        m for m, ats in bought.items() if len(ats) >= 2 and max(ats) < NOW - timedelta(days=90)
    ]
    assert len(lapsed) >= 3


def test_member_days_earn_double_what_the_basket_earns_on_other_days(demo: Built) -> None:
    store = demo.database.store
    program = parse_program(store.programs[-1], "demo.toml")
    no_campaigns = replace(program, campaigns=())
    doubled = 0
    for sale in store.sales.values():
        if sale.campaigns != (MEMBER_DAY,) or sale.tier_before != "青铜":
            continue
        assert local(sale.at).day in (8, 18, 28)
        ordinary = earn_points(
            no_campaigns,
            sale.sale_lines,
            cash_share=Fraction(sale.paid, sale.net),
            ctx=EarnContext(sale.local_date, sale.tier_before, sale.birthday_month),
        )
        assert sale.earned == 2 * ordinary.points
        doubled += ordinary.points > 0
    assert doubled >= 10


def test_the_years_campaigns_were_all_earned(demo: Built) -> None:
    seen = Counter(c for s in demo.database.store.sales.values() for c in s.campaigns)
    for name in (
        MEMBER_DAY,
        "生日月双倍积分 Birthday month",
        "夏日饮品三倍积分 Summer drinks",
        "新春年货节 1.5 倍积分 New Year shopping",
        "中秋月饼加赠 50 分 Mooncake bonus",
    ):
        assert seen[name] > 0, name


def test_points_paid_for_sales_only_within_the_rules(demo: Built) -> None:
    paid_with_points = [s for s in demo.database.store.sales.values() if s.points_redeemed]
    assert paid_with_points
    for sale in paid_with_points:
        assert sale.points_redeemed >= 100  # min_points
        assert sale.points_value == sale.points_redeemed  # one point pays one fen
        assert sale.points_value * 2 <= sale.net  # max_share 0.5


def test_lapsed_points_were_expired_by_the_job(demo: Built) -> None:
    store = demo.database.store
    expired = -sum(m.points for m in store.movements if m.kind is MovementKind.EXPIRE)
    # Points lapse on the way into each later sale, as in a real shop; the final job does the rest.
    assert expired >= demo.summary["expired_points"] > 0
    lapsed = [lot for lot in store.lots.values() if lot.expires_at and lot.expires_at <= NOW]
    assert lapsed
    assert all(lot.remaining == 0 for lot in lapsed)


def test_activities_and_refunds_went_through_the_ledger(demo: Built) -> None:
    store = demo.database.store
    activities = {m.activity for m in store.movements if m.kind is MovementKind.ACTIVITY}
    assert activities
    assert activities <= {"review", "check_in", "referral", "birthday"}
    assert demo.summary["awards"] == sum(
        1 for m in store.movements if m.kind is MovementKind.ACTIVITY
    )
    for refund in store.refunds.values():
        sale = next(s for s in store.sales.values() if s.id == refund.sale_ref)
        assert refund.at >= sale.at
        assert sale.reversed <= sale.earned


def test_members_keep_buying_their_favourites() -> None:
    history = plan(300)
    seen: dict[int, set[str]] = defaultdict(set)
    again = total = 0
    for event in history.events:
        if isinstance(event, SalePlan) and event.person:
            mine = seen[event.person.index]
            for line in event.lines:
                if len(mine) >= 5:  # once we know them a little
                    total += 1
                    again += line.sku in mine
                mine.add(line.sku)
    assert total > 500
    assert again / total > 0.4


def test_personas_buy_different_things() -> None:
    shares: dict[str, Counter[str]] = defaultdict(Counter)
    category = {p.sku: p.category for p in CATALOGUE}
    for event in plan(600).events:
        if isinstance(event, SalePlan) and event.person:
            for line in event.lines:
                shares[event.person.persona.name][category[line.sku]] += 1

    def share(persona: str, what: str) -> float:
        return shares[persona][what] / sum(shares[persona].values())

    assert share("night_owl", "tobacco") > 3 * share("family", "tobacco")
    assert share("family", "household") > 3 * share("student", "household")


def test_sales_follow_the_week_and_the_seasons() -> None:
    sales = [e for e in plan(1500).events if isinstance(e, SalePlan)]
    per_day = Counter(local(s.at) for s in sales)
    weekend = [n for d, n in per_day.items() if d.weekday() >= 5]
    weekday = [n for d, n in per_day.items() if d.weekday() < 5]
    assert sum(weekend) / len(weekend) > 1.1 * sum(weekday) / len(weekday)
    category = {p.sku: p.category for p in CATALOGUE}

    def drinks_share(months: tuple[int, ...]) -> float:
        lines = [category[ln.sku] for s in sales if local(s.at).month in months for ln in s.lines]
        return lines.count("drinks") / len(lines)

    assert drinks_share((7, 8)) > 1.3 * drinks_share((12, 1))
    mooncake_days = {local(s.at) for s in sales for ln in s.lines if category[ln.sku] == "mooncake"}
    assert mooncake_days
    assert all(in_mooncake_season(d) for d in mooncake_days)
    run_up = [per_day[date(2026, 2, 17) - timedelta(days=i)] for i in range(1, 15)]
    holiday = [per_day[date(2026, 2, 17) + timedelta(days=i)] for i in range(7)]
    assert sum(run_up) / len(run_up) > 1.5 * sum(holiday) / len(holiday)


def test_everyone_enrols_before_they_buy() -> None:
    joined: dict[int, datetime] = {}
    for event in plan(200).events:
        if isinstance(event, Enrolment):
            joined[event.person.index] = event.at
        elif isinstance(event, SalePlan) and event.person:
            assert joined[event.person.index] < event.at <= NOW


def test_the_catalogue_is_a_convenience_store() -> None:
    skus = [p.sku for p in CATALOGUE]
    assert 150 <= len(skus) <= 300
    assert len(set(skus)) == len(skus)
    for sku in skus:
        if len(sku) == 13:
            digits = [int(d) for d in sku]
            assert sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0, sku
    for product in CATALOGUE:
        price = Decimal(product.price)
        assert price > 0, product
        assert price == price.quantize(Decimal("0.01")), product
    categories = {p.category for p in CATALOGUE}
    assert {"drinks", "snacks", "dairy", "bakery", "fresh", "household", "tobacco"} <= categories


@pytest.mark.parametrize("today", [date(2025, 7, 1), date(2026, 3, 2), date(2027, 10, 10)])
def test_the_programme_parses_with_campaigns_inside_the_history(today: date) -> None:
    first = today - timedelta(days=HISTORY_DAYS)
    program = parse_program(program_text(first, today), "demo.toml")
    assert [lvl.name for lvl in reversed(program.tiers.levels)] == ["青铜", "白银", "黄金", "钻石"]
    assert program.expiry.days == 365
    assert program.redeem.min_points == 100
    assert program.redeem.max_share == Decimal("0.5")
    assert program.earn.exclude_categories == {"tobacco"}
    assert program.earn.exclude_skus  # gift cards earn nothing
    assert {name for name, _ in program.activity} == {"review", "check_in", "referral", "birthday"}
    member_day = next(c for c in program.campaigns if c.month_days)
    assert member_day.month_days == {8, 18, 28}
    assert any(c.birthday_month for c in program.campaigns)
    assert len(program.campaigns) >= 5
    for campaign in program.campaigns:
        assert first <= campaign.start <= today


def test_a_database_with_members_is_refused(clock: FixedClock) -> None:
    shop, database = fake_shop(clock)
    members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="王芳"))
    with pytest.raises(InvalidRequest) as refused:
        build_demo(shop, LOCAL_ADMIN, members=10, seed=1)
    assert refused.value.code == "not_empty"
    assert len(database.store.members) == 1
    assert not database.store.programs


def test_a_cashier_may_not_fill_the_demo(clock: FixedClock) -> None:
    shop, database = fake_shop(clock)
    with pytest.raises(PermissionDenied):
        build_demo(shop, Actor("小李", Role.CASHIER), members=10, seed=1)
    assert not database.store.members


def test_a_one_member_demo_still_works(clock: FixedClock) -> None:
    shop, database = fake_shop(clock)
    summary = build_demo(shop, LOCAL_ADMIN, members=1, seed=3)
    assert summary["members"] == len(database.store.members) == 1
    assert integrity.check(shop, LOCAL_ADMIN, FakeIntegrity(database)).ok


def test_segments_are_handed_out_so_a_small_demo_has_each() -> None:
    people = plan(12).people
    assert {p.segment for p in people} == set(Segment)
