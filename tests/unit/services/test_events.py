"""Every outbox event is a typed, versioned fact with a key no other store can collide with."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from loyalty_desktop.services import (
    checkout,
    member_events,
    member_profile,
    members,
    merge,
    offers,
    points,
    privacy,
    programs,
    sync,
)
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.events import EVENT_TYPES, EventKind, problems
from tests.conftest import FixedClock
from tests.fakes import fake_shop
from tests.unit.services.conftest import PROGRAM, ShopDriver
from tests.unit.services.test_refunds import refund


def _a_day_of_everything(driver: ShopDriver) -> None:
    today = driver.clock.now().date()
    # connecting sends the programme in force (program.loaded)
    sync.connect(driver.shop, LOCAL_ADMIN, "https://hq.example", "tok", "store-1")
    a = driver.enrol("甲", birthday=date(1990, today.month, today.day))
    b = driver.enrol("乙")
    driver.sell("S1", a.member_no, "100.00")
    refund(driver, "R1", "S1", amount="10.00")
    points.adjust(driver.shop, LOCAL_ADMIN, a.member_no, 5, "goodwill", "Q1")
    points.award(driver.shop, LOCAL_ADMIN, a.member_no, "birthday", request_id="B1")
    points.award(driver.shop, LOCAL_ADMIN, a.member_no, "review")
    members.member_card(driver.shop, LOCAL_ADMIN, a.member_no, reissue=True, deliver=lambda *x: x)
    merge.merge_members(driver.shop, LOCAL_ADMIN, a.member_no, b.member_no)
    member_profile.edit_profile(
        driver.shop, LOCAL_ADMIN, a.member_no, member_profile.ProfileEdit(consent=True)
    )
    offer = offers.create_offer(
        driver.shop,
        LOCAL_ADMIN,
        f'name = "Thanks"\nkind = "bonus_points"\npoints = 50\nstart = "{today}"\n'
        f'end = "{today}"\ncontrol_share = "0"\n[audience]\nmembers = ["{a.member_no}"]\n',
    )
    offers.issue_offer(driver.shop, LOCAL_ADMIN, offer.id)
    code = offers.coupon_list(driver.shop, LOCAL_ADMIN, offer.id)[0].code
    checkout.checkout(
        driver.shop, LOCAL_ADMIN, SaleRequest("S2", a.member_no, total="20.00", coupon=code)
    )
    soon = driver.clock.now() + timedelta(minutes=30)  # the door opens an hour before
    event = member_events.create_event(
        driver.shop, LOCAL_ADMIN, "Tasting", soon, soon + timedelta(hours=1), 10
    )
    member_events.sign_up(driver.shop, LOCAL_ADMIN, event.id, a.member_no)
    member_events.check_in(driver.shop, LOCAL_ADMIN, event.id, a.member_no)
    driver.clock.advance(days=400)
    points.expire(driver.shop, LOCAL_ADMIN)
    privacy.erase_member(driver.shop, LOCAL_ADMIN, a.member_no)


def test_every_kind_of_event_the_services_write_passes_its_schema(driver: ShopDriver) -> None:
    _a_day_of_everything(driver)
    events = [event for _, _, event in driver.database.store.outbox]
    assert {e.kind for e in events} == {k.value for k in EventKind}
    for event in events:
        assert problems(event.kind, event.version, event.payload) == [], event.kind
        assert event.version == EVENT_TYPES[EventKind(event.kind)].version


def test_the_same_request_ids_on_two_stores_give_different_keys(clock: FixedClock) -> None:
    keys = []
    for _store in range(2):
        shop, database = fake_shop(clock)
        programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "p.toml")
        driver = ShopDriver(shop, database, clock)
        m = driver.enrol()
        driver.sell("S1", m.member_no, "10.00")
        points.adjust(shop, LOCAL_ADMIN, m.member_no, 5, "goodwill", "Q1")
        points.award(shop, LOCAL_ADMIN, m.member_no, "review", request_id="RV1")
        members.member_card(shop, LOCAL_ADMIN, m.member_no, reissue=True, deliver=lambda *x: x)
        keys.append({e.key for _, _, e in database.store.outbox})
    assert keys[0].isdisjoint(keys[1]), keys[0] & keys[1]


@pytest.mark.parametrize(
    ("payload", "wrong"),
    [
        ({"member_id": "m"}, "missing movements"),
        ({"member_id": 7, "movements": []}, "member_id has the wrong type"),
        ({"member_id": "m", "movements": [], "phone": "13800000000"}, "personal data"),
    ],
)
def test_a_payload_that_breaks_its_schema_is_named(payload: dict[str, object], wrong: str) -> None:
    assert any(wrong in p for p in problems("expiry", 1, payload))


def test_unknown_kinds_and_newer_versions_are_refused() -> None:
    assert problems("points.added", 1, {}) == ["unknown event kind 'points.added'"]
    assert "newer" in problems("sale", 99, {})[0]
