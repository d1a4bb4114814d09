"""Member events: places, tiers and the door; attendance points are given once however often a card is scanned."""

from __future__ import annotations

from datetime import timedelta

import pytest

from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied
from loyalty_desktop.domain.member_events import MemberEvent
from loyalty_desktop.services import member_events, privacy
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from tests.unit.services.conftest import ShopDriver

CASHIER = Actor(name="Ann", role=Role.CASHIER)


def tasting(
    driver: ShopDriver,
    capacity: int = 2,
    tiers: tuple[str, ...] = (),
    activity: str | None = "review",
) -> MemberEvent:
    start = driver.clock.now() + timedelta(days=7)
    return member_events.create_event(
        driver.shop,
        LOCAL_ADMIN,
        "Tea tasting",
        start,
        start + timedelta(hours=2),
        capacity,
        tiers,
        activity,
    )


def at_the_door(driver: ShopDriver, event: MemberEvent) -> None:
    driver.clock.advance(days=7, minutes=-30)


def test_a_full_event_refuses_the_next_member_and_says_so(driver: ShopDriver) -> None:
    event = tasting(driver, capacity=2)
    for name in ("甲", "乙"):
        member_events.sign_up(driver.shop, CASHIER, event.id, driver.enrol(name).member_no)
    late = driver.enrol("丙")
    with pytest.raises(InvalidRequest, match="full: all 2 places") as refused:
        member_events.sign_up(driver.shop, CASHIER, event.id, late.member_no)
    assert refused.value.reason == "event_full"
    [summary] = member_events.list_events(driver.shop, CASHIER)
    assert (summary.signed_up, summary.checked_in, summary.places_left) == (2, 0, 0)


def test_a_second_event_may_not_take_the_name_of_one_not_over(driver: ShopDriver) -> None:
    first = tasting(driver)
    with pytest.raises(InvalidRequest, match="not over yet") as refused:
        tasting(driver)
    assert refused.value.reason == "event_name_taken"
    assert [s.event.id for s in member_events.list_events(driver.shop, CASHIER)] == [first.id]


def test_a_name_two_events_share_is_refused_as_shared_not_as_unknown(driver: ShopDriver) -> None:
    first = tasting(driver)
    driver.clock.advance(days=8)  # the first is over: its name may be used again
    tasting(driver)
    driver.clock.advance(days=-8)
    member = driver.enrol("王芳")
    with pytest.raises(InvalidRequest) as refused:
        member_events.sign_up(driver.shop, LOCAL_ADMIN, "Tea tasting", member.member_no)
    assert refused.value.reason == "event_name_shared"
    assert refused.value.details["count"] == 2
    member_events.sign_up(driver.shop, LOCAL_ADMIN, first.id, member.member_no)


def test_a_gold_only_event_refuses_a_bronze_member_and_takes_a_gold_one(driver: ShopDriver) -> None:
    event = tasting(driver, tiers=("Gold",))
    bronze = driver.enrol("铜")
    with pytest.raises(InvalidRequest, match="Gold members only; this member is Bronze") as refused:
        member_events.sign_up(driver.shop, CASHIER, event.id, bronze.member_no)
    assert refused.value.reason == "event_tier_not_eligible"
    gold = driver.enrol("金")
    driver.sell("S1", gold.member_no, "1000.00")
    signup = member_events.sign_up(driver.shop, CASHIER, "Tea tasting", gold.member_no)
    assert signup.member_no == gold.member_no


def test_signing_up_twice_is_refused(driver: ShopDriver) -> None:
    event = tasting(driver)
    m = driver.enrol()
    member_events.sign_up(driver.shop, CASHIER, event.id, m.member_no)
    with pytest.raises(InvalidRequest) as refused:
        member_events.sign_up(driver.shop, CASHIER, event.id, m.member_no)
    assert refused.value.reason == "event_already_signed_up"


def test_an_unknown_tier_or_activity_is_refused_when_the_event_is_made(driver: ShopDriver) -> None:
    with pytest.raises(InvalidRequest, match="no tier called"):
        tasting(driver, tiers=("Platinum",))
    with pytest.raises(InvalidRequest, match="no points for"):
        tasting(driver, activity="dancing")
    with pytest.raises(InvalidRequest, match="capacity"):
        tasting(driver, capacity=0)


def test_a_cashier_may_not_create_events(driver: ShopDriver) -> None:
    start = driver.clock.now()
    with pytest.raises(PermissionDenied):
        member_events.create_event(driver.shop, CASHIER, "x", start, start + timedelta(hours=1), 5)


def test_scanning_the_card_at_the_door_checks_in_and_awards_points_once(driver: ShopDriver) -> None:
    event = tasting(driver)
    m = driver.enrol()
    member_events.sign_up(driver.shop, CASHIER, event.id, m.member_no)
    at_the_door(driver, event)
    first = member_events.check_in(driver.shop, CASHIER, event.id, m.card)
    assert (first.first_time, first.earned, first.points) == (True, 10, 10)
    again = member_events.check_in(driver.shop, CASHIER, event.id, m.card)
    assert (again.first_time, again.earned) == (False, 0)
    assert again.checked_in_at == first.checked_in_at
    assert driver.balance(m.member_no) == 10
    [summary] = member_events.list_events(driver.shop, CASHIER)
    assert summary.checked_in == 1


def test_a_member_without_a_place_is_turned_away_at_the_door(driver: ShopDriver) -> None:
    event = tasting(driver)
    m = driver.enrol()
    at_the_door(driver, event)
    with pytest.raises(InvalidRequest) as refused:
        member_events.check_in(driver.shop, CASHIER, event.id, m.card)
    assert refused.value.reason == "event_not_signed_up"
    assert driver.balance(m.member_no) == 0


def test_the_door_opens_an_hour_before_the_start_and_closes_at_the_end(driver: ShopDriver) -> None:
    event = tasting(driver)
    m = driver.enrol()
    member_events.sign_up(driver.shop, CASHIER, event.id, m.member_no)
    driver.clock.advance(days=6, hours=22)
    with pytest.raises(InvalidRequest) as early:
        member_events.check_in(driver.shop, CASHIER, event.id, m.card)
    assert early.value.reason == "event_not_open"
    driver.clock.advance(hours=5)
    with pytest.raises(InvalidRequest) as late:
        member_events.check_in(driver.shop, CASHIER, event.id, m.card)
    assert late.value.reason == "event_over"


def test_the_daily_limit_still_holds_and_the_member_is_let_in_without_points(
    driver: ShopDriver,
) -> None:
    event = tasting(driver)
    m = driver.enrol()
    member_events.sign_up(driver.shop, CASHIER, event.id, m.member_no)
    at_the_door(driver, event)
    from loyalty_desktop.services import points

    points.award(driver.shop, LOCAL_ADMIN, m.member_no, "review")
    came = member_events.check_in(driver.shop, CASHIER, event.id, m.card)
    assert (came.first_time, came.earned, came.no_points_reason) == (True, 0, "already_awarded")
    assert driver.balance(m.member_no) == 10


def test_an_event_without_an_activity_checks_in_without_points(driver: ShopDriver) -> None:
    event = tasting(driver, activity=None)
    m = driver.enrol()
    member_events.sign_up(driver.shop, CASHIER, event.id, m.member_no)
    at_the_door(driver, event)
    came = member_events.check_in(driver.shop, CASHIER, event.id, m.card)
    assert (came.first_time, came.earned, came.no_points_reason) == (True, 0, None)
    _, people = member_events.attendees(driver.shop, CASHIER, event.id)
    assert [p.checked_in_at is not None for p in people] == [True]


def test_a_second_scan_pays_nothing_even_where_the_programme_allows_many_awards_a_day(
    driver: ShopDriver,
) -> None:
    from loyalty_desktop.services import programs
    from tests.unit.services.conftest import PROGRAM

    programs.load_program(
        driver.shop, LOCAL_ADMIN, PROGRAM + "[activity_limits]\nreview = 5\n", "many.toml"
    )
    event = tasting(driver)
    m = driver.enrol()
    member_events.sign_up(driver.shop, CASHIER, event.id, m.member_no)
    at_the_door(driver, event)
    for _ in range(3):
        member_events.check_in(driver.shop, CASHIER, event.id, m.card)
    assert driver.balance(m.member_no) == 10


def test_a_place_taken_by_a_duplicate_counts_for_the_member_it_was_merged_into(
    driver: ShopDriver,
) -> None:
    from loyalty_desktop.services import merge

    event = tasting(driver)
    keep, other = driver.enrol("甲"), driver.enrol("甲二")
    member_events.sign_up(driver.shop, CASHIER, event.id, other.member_no)
    merge.merge_members(driver.shop, LOCAL_ADMIN, keep.member_no, other.member_no)
    with pytest.raises(InvalidRequest) as twice:
        member_events.sign_up(driver.shop, CASHIER, event.id, keep.member_no)
    assert twice.value.reason == "event_already_signed_up"
    at_the_door(driver, event)
    came = member_events.check_in(driver.shop, CASHIER, event.id, keep.card)
    assert (came.first_time, came.earned) == (True, 10)


def test_creating_an_event_is_in_the_audit_log(driver: ShopDriver) -> None:
    event = tasting(driver)
    [entry] = [e for e in driver.database.store.audit if e.action == "event.create"]
    assert entry.subject == f"event:{event.id}"


def test_a_members_export_lists_the_events_they_signed_up_for_and_came_to(
    driver: ShopDriver,
) -> None:
    event = tasting(driver)
    m, other = driver.enrol(), driver.enrol("乙")
    member_events.sign_up(driver.shop, CASHIER, event.id, m.member_no)
    member_events.sign_up(driver.shop, CASHIER, event.id, other.member_no)
    at_the_door(driver, event)
    member_events.check_in(driver.shop, CASHIER, event.id, m.card)

    data = privacy.export_member(driver.shop, LOCAL_ADMIN, m.member_no, deliver=lambda d: d)

    [place] = data["events"]
    assert place["event"] == "Tea tasting"
    assert place["starts_at"] == event.starts_at.isoformat()
    assert place["checked_in_at"] is not None
    theirs = privacy.export_member(driver.shop, LOCAL_ADMIN, other.member_no, deliver=lambda d: d)
    assert [p["checked_in_at"] for p in theirs["events"]] == [None]


def test_a_sign_up_and_a_first_check_in_each_write_one_outbox_fact_without_personal_data(
    driver: ShopDriver,
) -> None:
    event = tasting(driver, activity=None)
    m = driver.enrol()
    queued = len(driver.database.store.outbox)
    member_events.sign_up(driver.shop, CASHIER, event.id, m.member_no)
    at_the_door(driver, event)
    member_events.check_in(driver.shop, CASHIER, event.id, m.card)
    member_events.check_in(driver.shop, CASHIER, event.id, m.card)  # a second scan: no new fact

    facts = [e for _, _, e in driver.database.store.outbox[queued:]]
    assert [(e.kind, e.key) for e in facts] == [
        ("event.signed_up", f"signup:{event.id}:{m.id}"),
        ("event.checked_in", f"checkin:{event.id}:{m.id}"),
    ]
    signed, came = (e.payload for e in facts)
    assert signed["event_id"] == came["event_id"] == event.id
    assert signed["member_id"] == came["member_id"] == m.id
    assert signed["starts_at"] == event.starts_at.isoformat()
    assert came["at"] == driver.clock.now().isoformat()
    assert not {"name", "phone", "email", "birthday"} & (set(signed) | set(came))


def test_erasing_a_member_deletes_their_places_and_frees_them(driver: ShopDriver) -> None:
    event = tasting(driver, capacity=1)
    m, other = driver.enrol(), driver.enrol("乙")
    member_events.sign_up(driver.shop, CASHIER, event.id, m.member_no)

    privacy.erase_member(driver.shop, LOCAL_ADMIN, m.member_no)

    assert member_events.attendees(driver.shop, CASHIER, event.id)[1] == []
    [summary] = member_events.list_events(driver.shop, CASHIER)
    assert summary.signed_up == 0
    member_events.sign_up(driver.shop, CASHIER, event.id, other.member_no)  # the place is free
    data = privacy.export_member(driver.shop, LOCAL_ADMIN, m.member_no, deliver=lambda d: d)
    assert data["events"] == []
