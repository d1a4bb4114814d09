"""Reading passed-over changes again at one till: every one is read, whatever else happens.

``read_again`` moves the pull's cursor back and clears the lists. A page applied meanwhile
used to set the cursor to its own end, so the changes to read again were skipped for good
and their notes were gone; and the list keeps only the latest 200, so the older ones were
never read again (attack13).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.services import pull, pull_review, pull_waiting, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.conftest import FixedClock
from tests.sync_wire import Wire


class RereadMidPage(Wire):
    """A log whose first page is read while a person asks to read again (once)."""

    def __init__(self, opened: Opened) -> None:
        super().__init__()
        self.opened = opened
        self.asked: list[int] = []

    def changes(self, after: int, limit: int) -> tuple[list[Mapping[str, Any]], int]:
        self.asked.append(after)
        if len(self.asked) == 1:
            pull_review.read_again(self.opened.shop, LOCAL_ADMIN)
        return super().changes(after, limit)


@pytest.fixture
def opened(tmp_path: Path, clock: FixedClock) -> Iterator[Opened]:
    found = open_database(tmp_path / "till.db", clock=clock, keys_dir=tmp_path / "keys")
    yield found
    found.engine.dispose()


def test_a_rewind_asked_while_a_page_is_applied_is_kept(opened: Opened) -> None:
    passed = {"pos": 3, "store_id": "s", "member_id": None, "member_no": None,
              "reason": "x", "details": {}, "message": "x"}  # fmt: skip
    with opened.shop.uow() as uow:
        uow.settings.set(pull.SKIPPED, json.dumps([passed]))
        uow.settings.set(pull.CURSOR, "10")
        uow.commit()
    wire = RereadMidPage(opened)
    wire.log = [{"pos": 11, "kind": "nothing this till knows", "store_id": "s"}]
    pull.pull(opened.shop, wire, "own")
    # read from 10, then again from 2 (the rewind), then past the end: nothing skipped
    assert wire.asked == [10, 2, 11]


def _member(pos: int, birthday: str | None = None) -> dict[str, Any]:
    change: dict[str, Any] = {
        "pos": pos,
        "kind": "member",
        "store_id": str(uuid.UUID(int=7)),
        "member_id": str(uuid.UUID(int=1000 + pos)),
        "member_no": f"X{pos:05d}",
        "status": "active",
        "consent": False,
        "created_at": "2026-03-01T02:00:00+00:00",
        "movements": [],
    }
    if birthday is not None:
        change["profile"] = {"name": "N", "phone": None, "email": None, "birthday": birthday,
                             "consent": False, "consent_at": None}  # fmt: skip
    return change


def test_more_changes_passed_over_than_the_list_keeps_are_all_read_again(opened: Opened) -> None:
    n = pull.MAX_SKIPPED_KEPT + 50
    wire = Wire()
    unreadable = {"created_at": "the 1st of March"}  # as from a newer server, say
    wire.log = [_member(p) | unreadable for p in range(1, n + 1)]
    pull.pull(opened.shop, wire, "own")
    assert sync.status(opened.shop).skipped == pull.MAX_SKIPPED_KEPT  # the latest only
    wire.log = [_member(p) for p in range(1, n + 1)]  # the cause fixed (as after an update)
    done = pull_review.read_again(opened.shop, LOCAL_ADMIN)
    assert (done.cursor_was, done.cursor) == (n, 0)
    pull.pull(opened.shop, wire, "own")
    with opened.shop.uow(write=False) as uow:
        here = [p for p in range(1, n + 1) if uow.members.get(str(uuid.UUID(int=1000 + p)))]
    assert len(here) == n
    assert sync.status(opened.shop).skipped == 0


def test_a_profile_this_till_cannot_read_holds_back_no_points_and_is_kept_aside(
    opened: Opened,
) -> None:
    # e.g. a birthday in the future the server kept before it checked birthdays
    change = _member(1, birthday="2999-12-31")
    lot = str(uuid.UUID(int=5))
    change["movements"] = [
        {"id": str(uuid.UUID(int=6)), "kind": "earn", "points": 120,
         "at": "2026-03-01T02:00:00+00:00", "sale": str(uuid.UUID(int=8)),
         "lots": [{"id": lot, "points": 120, "expires_at": None}], "allocations": []}
    ]  # fmt: skip
    wire = Wire()
    wire.log = [change]
    pull.pull(opened.shop, wire, "own")
    with opened.shop.uow(write=False) as uow:
        member = uow.members.get(change["member_id"])
        kept = pull.skipped(uow)
    assert member is not None
    assert (member.member_no, member.balance, member.birthday) == ("X00001", 120, None)
    assert [k["pos"] for k in kept] == [1]
    assert "2999" not in kept[0]["message"]
    assert "points and status were applied" in kept[0]["message"]


def _points_before_record(pos: int, member: int) -> dict[str, Any]:
    """A member's 10 points, which the log shows before the member's record (no number yet)."""
    lot = str(uuid.UUID(int=3000 + member))
    earned = {"id": str(uuid.UUID(int=2000 + member)), "kind": "earn", "points": 10,
              "at": "2026-03-01T02:00:00+00:00", "sale": str(uuid.UUID(int=4000 + member)),
              "lots": [{"id": lot, "points": 10, "expires_at": None}], "allocations": []}  # fmt: skip
    return _member(member) | {"pos": pos, "member_no": None, "movements": [earned]}


def _points(opened: Opened) -> dict[int, int]:
    with opened.shop.uow(write=False) as uow:
        found = {p: uow.members.get(str(uuid.UUID(int=1000 + p))) for p in range(1, 6)}
    return {p: m.balance for p, m in found.items() if m is not None}


def test_a_till_waits_for_so_many_members_records_and_keeps_the_rest_aside_to_read_again(
    opened: Opened, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store whose members never arrive cannot grow the map every page reads and writes."""
    monkeypatch.setattr(pull_waiting, "MAX_WAITING", 3)
    wire = Wire()
    wire.log = [_points_before_record(p, p) for p in range(1, 6)]  # five members, no record
    pull.pull(opened.shop, wire, "own")
    with opened.shop.uow(write=False) as uow:
        waiting = json.loads(uow.settings.get(pull.WAITING) or "{}")
        aside = {s["pos"]: (s["member_id"], s["reason"]) for s in pull.skipped(uow)}
    assert waiting == {str(uuid.UUID(int=1000 + p)): p for p in (3, 4, 5)}
    assert aside == {p: (str(uuid.UUID(int=1000 + p)), "pulled_member_never_came") for p in (1, 2)}
    assert sync.status(opened.shop).skipped == 2  # the Sync page and loyalty check say so

    wire.log += [_member(p) | {"pos": 5 + p} for p in range(1, 6)]  # the records come
    pull.pull(opened.shop, wire, "own")
    with opened.shop.uow(write=False) as uow:
        assert uow.settings.get(pull.WAITING) == "{}"
    assert _points(opened) == {1: 0, 2: 0, 3: 10, 4: 10, 5: 10}  # the three waited for
    assert sync.status(opened.shop).skipped == 2  # the rest kept aside: a person reads again
    pull_review.read_again(opened.shop, LOCAL_ADMIN)
    pull.pull(opened.shop, wire, "own")
    assert sync.status(opened.shop).skipped == 0
    assert _points(opened) == dict.fromkeys(range(1, 6), 10)
