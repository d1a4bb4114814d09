"""Two door tablets scan the same card at the same moment: the member is checked in and paid once."""

from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.services import integrity, member_events, member_view, members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.member_events import CheckedIn
from tests.conftest import FixedClock
from tests.databases import Database
from tests.integration.conftest import PROGRAM

ROUNDS = 8


def _door(
    opened: Opened,
    event_id: str,
    card: str,
    line: threading.Barrier,
    results: list[CheckedIn | BaseException],
) -> None:
    """A door tablet: waits at the start line, then checks the card in."""
    line.wait()
    try:
        results.append(member_events.check_in(opened.shop, LOCAL_ADMIN, event_id, card))
    except BaseException as failed:
        results.append(failed)


def test_two_doors_scanning_one_card_at_once_pay_attendance_once(
    database: Database, clock: FixedClock
) -> None:
    first, second = database.open(clock), database.open(clock)
    shop = first.shop
    programs.load_program(
        shop, LOCAL_ADMIN, PROGRAM + "\n[activity]\nevent = 20\n[activity_limits]\nevent = 5\n", "t"
    )
    start = clock.now() + timedelta(minutes=30)
    event = member_events.create_event(
        shop, LOCAL_ADMIN, "Tea tasting", start, start + timedelta(hours=2), 100, (), "event"
    )
    event_id = event.id
    cards = []
    for n in range(ROUNDS):
        member = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name=f"会员{n}"))
        member_events.sign_up(shop, LOCAL_ADMIN, event.id, member.member_no)
        cards.append((member.member_no, member.card))
    for member_no, card in cards:
        line = threading.Barrier(2)
        results: list[CheckedIn | BaseException] = []

        doors = [
            threading.Thread(target=_door, args=(o, event_id, card, line, results))
            for o in (first, second)
        ]
        for d in doors:
            d.start()
        for d in doors:
            d.join(30)
        assert all(isinstance(r, CheckedIn) for r in results), results
        came = [r for r in results if isinstance(r, CheckedIn)]
        assert sorted(c.first_time for c in came) == [False, True]
        assert sum(c.earned for c in came) == 20
        assert [c.earned for c in came if c.first_time] == [20]  # the door that let them in
        assert member_view.show_member(shop, LOCAL_ADMIN, member_no).points == 20
    assert integrity.check(shop, LOCAL_ADMIN, first.integrity).ok


def test_the_door_that_let_a_member_in_says_the_points_when_the_other_door_paid_first(
    database: Database, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check-in and award are two transactions: the second door's award may commit first."""
    first, second = database.open(clock), database.open(clock)
    shop = first.shop
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM + "\n[activity]\nevent = 20\n", "t")
    start = clock.now() + timedelta(minutes=30)
    event = member_events.create_event(
        shop, LOCAL_ADMIN, "Tea tasting", start, start + timedelta(hours=2), 100, (), "event"
    )
    member = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name="会员"))
    member_events.sign_up(shop, LOCAL_ADMIN, event.id, member.member_no)
    real_award = member_events.award
    other_door: list[CheckedIn] = []
    overtaken: list[bool] = []

    def award_after_the_other_door(*args: Any, **kwargs: Any) -> Any:
        if not overtaken:  # the first door, checked in, is overtaken before it pays
            overtaken.append(True)
            other_door.append(
                member_events.check_in(second.shop, LOCAL_ADMIN, event.id, member.card)
            )
        return real_award(*args, **kwargs)

    monkeypatch.setattr(member_events, "award", award_after_the_other_door)
    let_in = member_events.check_in(shop, LOCAL_ADMIN, event.id, member.card)
    assert (let_in.first_time, let_in.earned) == (True, 20)
    assert (other_door[0].first_time, other_door[0].earned) == (False, 0)
    assert member_view.show_member(shop, LOCAL_ADMIN, member.member_no).points == 20
