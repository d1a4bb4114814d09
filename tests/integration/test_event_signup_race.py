"""Two tills give away an event's last place at the same moment: one member gets it, never both."""

from __future__ import annotations

import threading
from datetime import timedelta

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import member_events, members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.member_events import Signup
from tests.conftest import FixedClock
from tests.databases import Database
from tests.integration.conftest import PROGRAM

ROUNDS = 8


def _till(
    opened: Opened,
    event_id: str,
    member_no: str,
    line: threading.Barrier,
    results: list[Signup | BaseException],
) -> None:
    """A till: waits at the start line, then signs its member up."""
    line.wait()
    try:
        results.append(member_events.sign_up(opened.shop, LOCAL_ADMIN, event_id, member_no))
    except BaseException as failed:
        results.append(failed)


def test_two_tills_racing_for_the_last_place_never_overbook(
    database: Database, clock: FixedClock
) -> None:
    first, second = database.open(clock), database.open(clock)
    shop = first.shop
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "t")
    start = clock.now() + timedelta(days=2)
    people = [
        members.enrol(shop, LOCAL_ADMIN, members.NewMember(name=f"会员{n}")).member_no
        for n in range(2 * ROUNDS)
    ]
    for round_ in range(ROUNDS):
        event = member_events.create_event(
            shop, LOCAL_ADMIN, f"Class {round_}", start, start + timedelta(hours=1), 1, (), None
        )
        line = threading.Barrier(2)
        results: list[Signup | BaseException] = []
        tills = [
            threading.Thread(target=_till, args=(o, event.id, no, line, results))
            for o, no in zip((first, second), people[2 * round_ : 2 * round_ + 2], strict=True)
        ]
        for till in tills:
            till.start()
        for till in tills:
            till.join(30)
        placed = [r for r in results if isinstance(r, Signup)]
        refused = [r for r in results if isinstance(r, LoyaltyError)]
        assert (len(placed), len(refused)) == (1, 1), results
        assert refused[0].reason == "event_full"
        _, signed = member_events.attendees(shop, LOCAL_ADMIN, event.id)
        assert len(signed) == 1


def test_two_tills_signing_up_the_same_member_at_once_give_one_place_and_a_clear_refusal(
    database: Database, clock: FixedClock
) -> None:
    first, second = database.open(clock), database.open(clock)
    shop = first.shop
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "t")
    start = clock.now() + timedelta(days=2)
    for round_ in range(ROUNDS):
        member_no = members.enrol(
            shop, LOCAL_ADMIN, members.NewMember(name=f"甲{round_}")
        ).member_no
        event = member_events.create_event(
            shop, LOCAL_ADMIN, f"Talk {round_}", start, start + timedelta(hours=1), 10, (), None
        )
        line = threading.Barrier(2)
        results: list[Signup | BaseException] = []
        tills = [
            threading.Thread(target=_till, args=(o, event.id, member_no, line, results))
            for o in (first, second)
        ]
        for till in tills:
            till.start()
        for till in tills:
            till.join(30)
        refused = [r for r in results if isinstance(r, LoyaltyError)]
        assert len([r for r in results if isinstance(r, Signup)]) == 1, results
        assert [r.reason for r in refused] == ["event_already_signed_up"], results
