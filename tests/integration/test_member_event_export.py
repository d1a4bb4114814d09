"""Event places on the real tables, both engines: in the export, in the outbox, gone on erasure."""

from __future__ import annotations

import json
from datetime import timedelta

from loyalty_desktop.app import Opened
from loyalty_desktop.server.facts import check_event
from loyalty_desktop.services import member_events, members, merge, privacy, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM


def test_the_export_lists_places_of_the_member_and_of_duplicates_merged_into_them(
    opened: Opened, clock: FixedClock
) -> None:
    shop = opened.shop
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "t")
    start = clock.now() + timedelta(days=3)
    late = member_events.create_event(
        shop,
        LOCAL_ADMIN,
        "Evening class",
        start + timedelta(days=1),
        start + timedelta(days=1, hours=1),
        5,
        (),
        None,
    )
    early = member_events.create_event(
        shop, LOCAL_ADMIN, "Morning class", start, start + timedelta(hours=1), 5, (), None
    )
    keeper = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="甲"))
    duplicate = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="甲 (2)"))
    stranger = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="丙"))
    member_events.sign_up(shop, LOCAL_ADMIN, late.id, keeper.member_no)
    member_events.sign_up(shop, LOCAL_ADMIN, early.id, duplicate.member_no)
    member_events.sign_up(shop, LOCAL_ADMIN, early.id, stranger.member_no)
    merge.merge_members(shop, LOCAL_ADMIN, keeper.member_no, duplicate.member_no)

    data = privacy.export_member(shop, LOCAL_ADMIN, keeper.member_no, deliver=lambda d: d)

    assert [p["event"] for p in data["events"]] == ["Morning class", "Evening class"]


def test_places_travel_as_facts_the_server_accepts_and_go_with_an_erasure(
    opened: Opened, clock: FixedClock
) -> None:
    shop = opened.shop
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "t")
    start = clock.now() + timedelta(minutes=30)
    event = member_events.create_event(
        shop, LOCAL_ADMIN, "Tasting", start, start + timedelta(hours=1), 1, (), None
    )
    member = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="甲"))
    other = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="乙"))
    member_events.sign_up(shop, LOCAL_ADMIN, event.id, member.member_no)
    member_events.check_in(shop, LOCAL_ADMIN, event.id, member.member_no)
    with opened.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "select kind, version, payload from outbox"
            " where kind in ('event.signed_up', 'event.checked_in') order by seq"
        ).all()
    assert [r[0] for r in rows] == ["event.signed_up", "event.checked_in"]
    for kind, version, payload in rows:
        check_event(kind, version, json.loads(payload))  # the server takes them

    privacy.erase_member(shop, LOCAL_ADMIN, member.member_no)

    assert member_events.attendees(shop, LOCAL_ADMIN, event.id)[1] == []
    member_events.sign_up(shop, LOCAL_ADMIN, event.id, other.member_no)  # the only place is free
