"""What the pull passed over is listed for a person and read again once the cause is fixed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import checkout, members, pull_review, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.member_view import show_member
from tests.server.test_store_pull import Till
from tests.server.test_store_pull import tills as two_tills

tills = two_tills  # the two-till fixture, by the name the tests ask for


def _clash(a: Till, b: Till) -> tuple[members.Enrolled, members.Enrolled, int]:
    """A's member's number typed at B for another member: B passes A's member over."""
    at_a = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("A's"))
    at_b = members.enrol(b.shop, LOCAL_ADMIN, members.NewMember("B's", member_no=at_a.member_no))
    earned = checkout.checkout(
        a.shop, LOCAL_ADMIN, SaleRequest("A-1", at_a.member_no, "100.00")
    ).earned
    a.sync()
    b.sync()
    return at_a, at_b, earned


def test_a_clash_fixed_by_hand_is_read_again_and_the_member_arrives_with_their_points(
    tills: tuple[Till, Till],
) -> None:
    a, b = tills
    at_a, at_b, earned = _clash(a, b)
    [clash] = pull_review.pull_clashes(b.shop, LOCAL_ADMIN)
    assert (clash.member_id, clash.member_no, clash.reason) == (
        at_a.id,
        at_a.member_no,
        "number_taken",
    )
    assert clash.pos is not None
    assert clash.pos > 0
    b.sync()  # passing again changes nothing: the cursor is past it
    assert b.sql(f"select count(*) from members where id = '{at_a.id}'") == [(0,)]

    # a person gives B's member another number (by hand: no command renumbers yet)
    with sqlite3.connect(Path(b.opened.engine.url.database or "")) as db:
        db.execute("update members set member_no = 'B-1' where id = ?", (at_b.id,))
    done = pull_review.read_again(b.shop, LOCAL_ADMIN)
    assert (done.clashes, done.passed_over) == (1, 0)
    assert done.cursor == clash.pos - 1 < done.cursor_was
    assert sync.status(b.shop).clashes == 0
    b.sync()
    seen = show_member(b.shop, LOCAL_ADMIN, at_a.member_no)
    assert (seen.member_no, seen.points) == (at_a.member_no, earned)
    assert pull_review.pull_clashes(b.shop, LOCAL_ADMIN) == []
    assert b.sql("select actor, action from audit where action = 'sync.read_again'") == [
        (LOCAL_ADMIN.name, "sync.read_again")
    ]
    assert b.check() == ()


def test_a_clash_not_fixed_is_noted_again_after_reading_again(tills: tuple[Till, Till]) -> None:
    a, b = tills
    at_a, _, _ = _clash(a, b)
    pull_review.read_again(b.shop, LOCAL_ADMIN)
    b.sync()
    assert [c.member_id for c in pull_review.pull_clashes(b.shop, LOCAL_ADMIN)] == [at_a.id]


def test_nothing_passed_over_leaves_the_cursor_where_it_is(tills: tuple[Till, Till]) -> None:
    a, b = tills
    members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("M"))
    a.sync()
    b.sync()
    done = pull_review.read_again(b.shop, LOCAL_ADMIN)
    assert (done.cursor, done.passed_over, done.clashes) == (done.cursor_was, 0, 0)
    assert done.cursor_was > 0


def test_a_cashier_may_list_nothing_and_read_nothing_again(tills: tuple[Till, Till]) -> None:
    _, b = tills
    cashier = Actor("Cai", Role.CASHIER)
    with pytest.raises(LoyaltyError) as refused:
        pull_review.read_again(b.shop, cashier)
    assert refused.value.reason == "role_too_low"
    with pytest.raises(LoyaltyError):
        pull_review.pull_clashes(b.shop, cashier)
