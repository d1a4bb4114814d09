"""The screens' lists on real databases: every page in order, nothing skipped or shown twice."""

from __future__ import annotations

import itertools
import random
from datetime import timedelta
from typing import Any

import pytest

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.errors import PermissionDenied
from loyalty_desktop.domain.members import MemberStatus
from loyalty_desktop.services import (
    browsing,
    checkout,
    member_view,
    members,
    points,
    privacy,
    programs,
    refunds,
)
from loyalty_desktop.services.auth import LOCAL_ADMIN, Actor, Role
from loyalty_desktop.services.read_models import AuditFilter, MemberFilter, MemberSort
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM

SURNAMES = "王李张刘陈杨黄赵吴周"


@pytest.fixture
def shop(opened: Opened, clock: FixedClock) -> dict[str, Any]:
    """47 members with clashing names, balances and join dates, some sales, an erasure."""
    rng = random.Random(4)
    clock.advance(days=-60)
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "p.toml")
    enrolled = []
    for i in range(47):
        phone = f"1380000{rng.randrange(10000):04d}" if i % 3 else None
        enrolled.append(
            members.enrol(
                opened.shop, LOCAL_ADMIN, members.NewMember(f"{SURNAMES[i % 10]}{i % 7}", phone)
            )
        )
        clock.advance(minutes=rng.choice([0, 0, 30]))  # equal join times too
    clock.advance(days=30)
    for i, m in enumerate(enrolled[:30]):
        total = f"{rng.choice([10, 10, 25, 300])}.00"
        checkout.checkout(
            opened.shop, LOCAL_ADMIN, checkout.SaleRequest(f"S{i}", m.member_no, total=total)
        )
    privacy.erase_member(opened.shop, LOCAL_ADMIN, enrolled[46].member_no)
    return {"members": enrolled}


def _all_pages(
    opened: Opened, sort: MemberSort, descending: bool, where: MemberFilter, size: int
) -> list[Any]:
    rows: list[Any] = []
    after = None
    while True:
        page = browsing.list_members(
            opened.shop,
            LOCAL_ADMIN,
            where,
            sort=sort,
            descending=descending,
            after=after,
            limit=size,
        )
        rows.extend(page.rows)
        if page.next is None:
            return rows
        after = page.next


def _key(row: Any, sort: MemberSort) -> tuple[Any, str]:
    value = {
        MemberSort.NUMBER: row.member_no,
        MemberSort.NAME: row.name,
        MemberSort.JOINED: row.created_at,
        MemberSort.BALANCE: row.balance,
        MemberSort.SPEND: row.lifetime_spend,
    }[sort]
    return value, row.id


@pytest.mark.parametrize("sort", list(MemberSort))
@pytest.mark.parametrize("descending", [False, True])
def test_paging_through_any_sort_shows_every_member_once_in_order(
    opened: Opened, shop: dict[str, Any], sort: MemberSort, descending: bool
) -> None:
    everyone = _all_pages(opened, sort, descending, MemberFilter(), 500)
    assert len(everyone) == 46, "the erased member is not active"
    expected = sorted(everyone, key=lambda r: _key(r, sort), reverse=descending)
    assert [r.id for r in everyone] == [r.id for r in expected]
    for size in (1, 7, 45):
        assert [r.id for r in _all_pages(opened, sort, descending, MemberFilter(), size)] == [
            r.id for r in everyone
        ]


def test_filters_and_counts_are_done_by_the_database(opened: Opened, shop: dict[str, Any]) -> None:
    page = browsing.list_members(opened.shop, LOCAL_ADMIN, MemberFilter(text="王"), count=True)
    assert page.total == len(page.rows) > 0
    assert all(r.name.startswith("王") for r in page.rows)
    rich = browsing.list_members(
        opened.shop, LOCAL_ADMIN, sort=MemberSort.BALANCE, descending=True, limit=3, count=True
    )
    assert rich.total == 46
    assert [r.balance for r in rich.rows] == sorted((r.balance for r in rich.rows), reverse=True)
    first = shop["members"][0]
    by_number = browsing.list_members(opened.shop, LOCAL_ADMIN, MemberFilter(text=first.member_no))
    assert [r.member_no for r in by_number.rows] == [first.member_no]
    anyone = browsing.list_members(opened.shop, LOCAL_ADMIN, MemberFilter(status=None), count=True)
    assert anyone.total == 47
    erased = browsing.list_members(
        opened.shop, LOCAL_ADMIN, MemberFilter(status=MemberStatus.ERASED), count=True
    )
    assert [r.name for r in erased.rows] == ["(erased)"]
    with_phone = [
        r
        for r in _all_pages(opened, MemberSort.NUMBER, False, MemberFilter(), 100)
        if r.phone_masked
    ]
    tail = with_phone[0].phone_masked[-4:]
    found = browsing.search_members(opened.shop, LOCAL_ADMIN, tail)
    assert found
    assert all(r.phone_masked and r.phone_masked.endswith(tail) for r in found)
    assert all("****" in (r.phone_masked or "") for r in found), "lists never show whole phones"


def test_the_ledger_page_carries_the_running_balance(
    opened: Opened, shop: dict[str, Any], clock: FixedClock
) -> None:
    m = shop["members"][0].member_no
    for i in range(9):
        clock.advance(hours=1)
        checkout.checkout(opened.shop, LOCAL_ADMIN, checkout.SaleRequest(f"L{i}", m, total="7.00"))
    points.adjust(opened.shop, LOCAL_ADMIN, m, -5, "typo", "Q1")
    refunds.refund(opened.shop, LOCAL_ADMIN, refunds.RefundRequest("R1", "L3", amount="7.00"))
    # A backdated sale sits in time order, and the balances follow that order.
    checkout.checkout(
        opened.shop,
        LOCAL_ADMIN,
        checkout.SaleRequest("OLD", m, total="3.00", at=clock.now() - timedelta(hours=20)),
    )
    rows: list[Any] = []
    before = None
    while True:
        page = browsing.member_ledger(opened.shop, LOCAL_ADMIN, m, before=before, limit=4)
        rows.extend(page.rows)
        if page.next is None:
            break
        before = page.next
    assert (
        rows[0].balance_after
        == page.balance
        == member_view.show_member(opened.shop, LOCAL_ADMIN, m).points
    )
    for newer, older in itertools.pairwise(rows):
        assert older.balance_after == newer.balance_after - newer.points
        assert (older.at, older.seq) < (newer.at, newer.seq)
    assert rows[-1].balance_after == rows[-1].points, "the oldest movement starts from zero"


def test_a_members_sales_page_newest_first(
    opened: Opened, shop: dict[str, Any], clock: FixedClock
) -> None:
    m = shop["members"][1].member_no
    for i in range(5):
        clock.advance(days=1)
        checkout.checkout(
            opened.shop,
            LOCAL_ADMIN,
            checkout.SaleRequest(f"P{i}", m, lines=(checkout.LineRequest("TEA", "2", "3.50"),)),
        )
    first = browsing.member_sales(opened.shop, LOCAL_ADMIN, m, limit=3)
    second = browsing.member_sales(opened.shop, LOCAL_ADMIN, m, before=first.next, limit=3)
    ids = [r.sale_no for r in first.rows + second.rows]
    assert ids == ["P4", "P3", "P2", "P1", "P0", "S1"]
    assert second.next is None
    assert first.rows[0].lines == 1
    assert first.rows[0].net == 700


def test_audit_entries_by_filter_newest_first(opened: Opened, shop: dict[str, Any]) -> None:
    m = shop["members"][2].member_no
    points.adjust(opened.shop, LOCAL_ADMIN, m, 5, "goodwill", "Q1")
    points.adjust(opened.shop, Actor("Mia", Role.MANAGER), m, 6, "goodwill", "Q2")
    page = browsing.audit_log(opened.shop, LOCAL_ADMIN, AuditFilter(action="points."))
    assert [(r.actor, r.action) for r in page.rows] == [
        ("Mia", "points.adjust"),
        ("local-admin", "points.adjust"),
    ]
    by_mia = browsing.audit_log(opened.shop, LOCAL_ADMIN, AuditFilter(actor="Mia"))
    assert len(by_mia.rows) == 1
    first = browsing.audit_log(opened.shop, LOCAL_ADMIN, limit=1)
    rest = browsing.audit_log(opened.shop, LOCAL_ADMIN, before=first.next, limit=500)
    seqs = [r.seq for r in first.rows + rest.rows]
    assert seqs == sorted(seqs, reverse=True)
    assert len(set(seqs)) == len(seqs) == seqs[0]


def test_browsing_all_members_and_the_audit_log_are_a_managers(
    opened: Opened, shop: dict[str, Any]
) -> None:
    cashier = Actor("Cai", Role.CASHIER)
    with pytest.raises(PermissionDenied):
        browsing.list_members(opened.shop, cashier)
    with pytest.raises(PermissionDenied):
        browsing.audit_log(opened.shop, cashier)
    m = shop["members"][0].member_no
    assert browsing.member_ledger(opened.shop, cashier, m).rows
    assert browsing.search_members(opened.shop, cashier, m)


@pytest.mark.parametrize("sort", list(MemberSort))
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("text", ["1", "王", "10000004"])
def test_a_search_that_matches_by_number_or_name_pages_like_the_whole_list(
    opened: Opened, shop: dict[str, Any], sort: MemberSort, descending: bool, text: str
) -> None:
    everyone = _all_pages(opened, sort, descending, MemberFilter(), 500)
    expected = [r.id for r in everyone if r.member_no.startswith(text) or r.name.startswith(text)]
    assert expected
    for size in (1, 4, 500):
        found = _all_pages(opened, sort, descending, MemberFilter(text=text), size)
        assert [r.id for r in found] == expected
    counted = browsing.list_members(opened.shop, LOCAL_ADMIN, MemberFilter(text=text), count=True)
    assert counted.total == len(expected)
