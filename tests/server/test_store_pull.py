"""Two real tills and a real server: each applies what the other did (members, points, coupons, erasures) by pull."""

from __future__ import annotations

import contextlib
import random
import shutil
import sqlite3
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import (
    checkout,
    integrity,
    members,
    merge,
    privacy,
    programs,
    pull,
    refunds,
    sync,
)
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.member_view import show_member
from loyalty_desktop.services.postings import PULLED
from loyalty_desktop.sync.http import HttpSyncServer
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM
from tests.server.conftest import Server, _command
from tests.server.events import enrolled, sale
from tests.server.test_coupon_two_tills import _shop_with_a_coupon
from tests.server.test_soak import _start_audit_head


@dataclass
class Till:
    """One store's till: its opened file and its client."""

    opened: Opened
    client: HttpSyncServer

    @property
    def shop(self) -> Any:
        return self.opened.shop

    def sync(self) -> sync.SyncReport:
        return sync.sync_pass(self.shop, self.client)

    def sql(self, query: str) -> list[Any]:
        with self.opened.engine.connect() as conn:
            return list(conn.exec_driver_sql(query).all())

    def points(self, member_no: str) -> int:
        return show_member(self.shop, LOCAL_ADMIN, member_no).points

    def check(self) -> tuple[str, ...]:
        return integrity.check(self.shop, LOCAL_ADMIN, self.opened.integrity).problems


def _open(path: Path, clock: FixedClock, keys: Path, server: Server, token: str) -> Till:
    opened = open_database(path, clock=clock, keys_dir=keys)
    sync.connect_to(opened.shop, LOCAL_ADMIN, server.url, token)
    return Till(opened, HttpSyncServer(server.url, token))


@pytest.fixture
def tills(tmp_path: Path, clock: FixedClock, server: Server) -> Iterator[tuple[Till, Till]]:
    """Store A (the fixture's store) and store B: B's file a copy of A's before any member."""
    first = open_database(tmp_path / "a.db", clock=clock, keys_dir=tmp_path / "keys")
    programs.load_program(first.shop, LOCAL_ADMIN, PROGRAM, "test")
    first.engine.dispose()
    _copy(tmp_path / "a.db", tmp_path / "b.db")
    shop_b = _command(server.db, "store", "add", "Shop B")
    a = _open(tmp_path / "a.db", clock, tmp_path / "keys", server, server.token)
    b = _open(tmp_path / "b.db", clock, tmp_path / "keys", server, shop_b["token"])
    yield a, b
    a.opened.engine.dispose()
    b.opened.engine.dispose()


def _copy(source: Path, target: Path) -> None:
    """Another till of the chain: the same file with a device id (and audit head) of its own."""
    shutil.copyfile(source, target)
    with contextlib.closing(sqlite3.connect(target)) as db, db:
        db.execute("update settings set value = ? where key = 'device_id'", (str(uuid.uuid4()),))
    _start_audit_head(target, source.parent / "keys")


def _server_points(server: Server, member_id: str) -> int:
    return int(server.sql(f"select points from balances where member_id = '{member_id}'")[0][0])


def test_a_member_enrolled_at_a_is_found_at_b_and_both_stores_points_converge(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    member = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("王芳", phone="13800138000"))
    sold = checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest("A-1", member.member_no, "300.00"))
    assert sold.earned > 0
    a.sync()
    with pytest.raises(LoyaltyError):
        show_member(b.shop, LOCAL_ADMIN, member.member_no)  # B has not pulled yet

    pulled = b.sync()
    assert pulled.pulled >= 1
    seen = show_member(b.shop, LOCAL_ADMIN, member.member_no)
    assert (seen.member_no, seen.name, seen.points) == (member.member_no, "王芳", sold.earned)
    # the profile came with the enrolment (its own erasable event): the phone finds them too
    assert b.sql(f"select phone from members where id = '{member.id}'") == [("13800138000",)]
    assert b.sql(f"select card_no > 0 from members where id = '{member.id}'") == [(1,)]
    assert b.sql("select count(*) from outbox where sent_at is null") == [(0,)]  # no echo

    spent = checkout.checkout(
        b.shop, LOCAL_ADMIN, SaleRequest("B-1", member.member_no, "20.00", redeem=100)
    )
    assert spent.redeemed == 100
    b.sync()
    a.sync()
    left = sold.earned - 100 + spent.earned
    assert a.points(member.member_no) == b.points(member.member_no) == left
    assert _server_points(server, member.id) == left
    assert a.check() == b.check() == ()
    # each till made its own movements and pulled the other's, with the same ids: own ones
    # were never pulled back
    made = f"select id from movements where actor is null or actor != '{PULLED}'"
    taken = f"select id from movements where actor = '{PULLED}'"
    assert set(a.sql(made)) == set(b.sql(taken))
    assert set(b.sql(made)) == set(a.sql(taken))


def test_pulling_again_from_the_start_changes_nothing(tills: tuple[Till, Till]) -> None:
    a, b = tills
    for i in range(3):
        enrolled = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember(f"M{i}"))
        checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest(f"A-{i}", enrolled.member_no, "50.00"))
    a.sync()
    b.sync()
    before = (
        b.sql("select id, balance from members order by id"),
        b.sql("select count(*) from movements"),
    )
    with b.shop.uow() as uow:
        uow.settings.set(sync.PULL_CURSOR, "")
        uow.commit()
    again = b.sync()
    assert again.pulled == 3  # read and applied again, but every movement was there
    after = (
        b.sql("select id, balance from members order by id"),
        b.sql("select count(*) from movements"),
    )
    assert after == before
    assert b.check() == ()


class Breaking:
    """The server's change log, failing after ``pages`` pages (a till killed mid-pull)."""

    def __init__(self, client: HttpSyncServer, pages: int) -> None:
        self.client, self.pages = client, pages

    def changes(self, after: int, limit: int) -> tuple[list[Mapping[str, Any]], int]:
        if self.pages == 0:
            raise sync.ServerUnavailable("cut")
        self.pages -= 1
        return self.client.changes(after, limit)


def test_a_pull_cut_after_a_page_resumes_without_doubling_over_several_pages(
    tills: tuple[Till, Till], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = tills
    numbers = []
    for i in range(7):  # one push per member: seven changes, four pages of two
        enrolled = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember(f"M{i}"))
        checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest(f"A-{i}", enrolled.member_no, "10.00"))
        a.sync()
        numbers.append(enrolled.member_no)
    monkeypatch.setattr(pull, "PAGE", 2)
    own = sync.status(b.shop).store_id
    with pytest.raises(sync.ServerUnavailable):
        pull.pull(b.shop, Breaking(b.client, 2), own)
    assert len(b.sql("select id from members")) == 4  # two pages committed
    real = pull.apply_page

    def dies_after_applying(*args: Any) -> pull.PullReport:
        real(*args)
        raise RuntimeError("killed before the page's commit")

    monkeypatch.setattr(pull, "apply_page", dies_after_applying)
    with pytest.raises(RuntimeError):
        pull.pull(b.shop, b.client, own)
    assert len(b.sql("select id from members")) == 4  # the third page's effects went with it
    monkeypatch.setattr(pull, "apply_page", real)
    report = pull.pull(b.shop, b.client, own)
    assert report.changes == 3
    assert sorted(r[0] for r in b.sql("select member_no from members")) == sorted(numbers)
    assert [b.points(n) for n in numbers] == [a.points(n) for n in numbers]
    assert b.check() == ()


def test_a_coupon_used_at_a_is_refused_at_b_after_the_pull(
    tmp_path: Path, clock: FixedClock, server: Server
) -> None:
    member_no, code = _shop_with_a_coupon(tmp_path, clock, server)
    _copy(tmp_path / "a.db", tmp_path / "b.db")
    shop_b = _command(server.db, "store", "add", "Shop B")
    a = _open(tmp_path / "a.db", clock, tmp_path / "keys", server, server.token)
    b = _open(tmp_path / "b.db", clock, tmp_path / "keys", server, shop_b["token"])
    try:
        checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest("A-1", member_no, "50.00", coupon=code))
        a.sync()
        b.sync()
        with pytest.raises(LoyaltyError) as refused:
            checkout.checkout(
                b.shop, LOCAL_ADMIN, SaleRequest("B-1", member_no, "50.00", coupon=code)
            )
        assert refused.value.reason == "coupon_used"
        assert b.check() == ()
    finally:
        a.opened.engine.dispose()
        b.opened.engine.dispose()


def test_a_member_erased_at_a_loses_their_personal_data_at_b(
    tills: tuple[Till, Till], tmp_path: Path, clock: FixedClock, server: Server
) -> None:
    a, b = tills
    member = members.enrol(
        a.shop, LOCAL_ADMIN, members.NewMember("李雷", phone="13900139000", email="li@example.com")
    )
    a.sync()
    b.sync()
    with b.shop.uow() as uow:  # B's clerk had typed the name and phone in (personal data here)
        found = uow.members.get(member.id)
        assert found is not None
        found.name, found.phone = "李雷", "13900139000"
        uow.members.save(found)
        uow.commit()
    privacy.erase_member(a.shop, LOCAL_ADMIN, member.member_no)
    a.sync()
    b.sync()
    assert b.sql(f"select name, phone, email, status from members where id = '{member.id}'") == [
        ("(erased)", None, None, "erased")
    ]
    assert b.sql("select count(*) from outbox where kind = 'member.erased'") == [(0,)]  # no echo


def test_a_member_number_used_here_by_another_member_is_a_clash_kept_visible(
    tills: tuple[Till, Till],
) -> None:
    a, b = tills
    at_a = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("A's"))
    # typed by hand at B (stores number in blocks of their own, so only a typed number clashes)
    at_b = members.enrol(b.shop, LOCAL_ADMIN, members.NewMember("B's", member_no=at_a.member_no))
    checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest("A-1", at_a.member_no, "100.00"))
    a.sync()
    b.sync()
    assert b.sql(f"select id, name, balance from members where member_no = '{at_b.member_no}'") == [
        (at_b.id, "B's", 0)
    ]
    assert sync.status(b.shop).clashes == 1
    assert any(at_a.member_no in p and "another store" in p for p in b.check())


def test_b_leaves_a_pulled_lot_to_the_servers_expiry_and_takes_the_servers_expire_by_pull(
    tills: tuple[Till, Till], clock: FixedClock, server: Server
) -> None:
    a, b = tills
    member = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("M"))
    sold = checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest("A-1", member.member_no, "100.00"))
    a.sync()
    b.sync()
    kept = server.sql("select expires_at from lots")[0][0]
    [(lot_id, expires_at)] = b.sql("select id, expires_at from lots")
    assert server.sql("select id::text from lots") == [(lot_id,)]
    assert str(expires_at)[:19] == kept.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")

    clock.advance(days=800)  # far past the lot's expiry by B's clock
    checkout.checkout(b.shop, LOCAL_ADMIN, SaleRequest("B-1", member.member_no, "1.00"))
    assert b.sql("select count(*) from movements where kind = 'expire'") == [(0,)]
    assert b.sql("select count(*) from outbox where kind = 'expiry'") == [(0,)]
    assert b.sql(f"select balance from members where id = '{member.id}'")[0][0] >= sold.earned

    _command(server.db, "expire", "--at", kept.isoformat(), "--future", "--json")
    b.sync()
    a.sync()
    assert b.sql("select count(*) from movements where kind = 'expire'") == [(1,)]
    assert b.points(member.member_no) == _server_points(server, member.id)
    assert b.check() == ()


def test_two_stores_selling_to_shared_members_between_passes_converge_with_zero_drift(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    rng = random.Random(12)
    shared = [
        members.enrol(a.shop, LOCAL_ADMIN, members.NewMember(f"S{i}")).member_no for i in range(4)
    ]
    a.sync()
    b.sync()
    sales: dict[str, tuple[Till, str, int]] = {}
    for i in range(60):
        till = a if i % 2 else b
        member = rng.choice(shared)
        if sales and rng.random() < 0.15:  # a partial refund, at the store that sold
            sale_no, (sold_at, _, net) = rng.choice(sorted(sales.items()))
            if net > 2:
                request = refunds.RefundRequest(f"R{i}", sale_no, f"{net // 2 / 100:.2f}")
                refunds.refund(sold_at.shop, LOCAL_ADMIN, request)
                sales[sale_no] = (sold_at, member, net - net // 2)
            continue
        have = show_member(till.shop, LOCAL_ADMIN, member).spendable
        redeem = rng.randint(1, have) if have and rng.random() < 0.4 else 0
        request = SaleRequest(f"T{i}", member, f"{rng.randint(500, 9999) / 100:.2f}", redeem=redeem)
        try:
            sold = checkout.checkout(till.shop, LOCAL_ADMIN, request)
        except LoyaltyError:  # more than the sale allows: the same sale without points
            sold = checkout.checkout(till.shop, LOCAL_ADMIN, replace(request, redeem=0))
        sales[sold.sale_no] = (till, member, sold.net)
        if rng.random() < 0.3:  # now and then a store is online for a pass
            till.sync()
    a.sync()
    b.sync()
    a.sync()  # A hears B's last sales too
    ids = {r[0]: r[1] for r in a.sql("select member_no, id from members")}
    for no in shared:
        assert (
            a.sql(f"select balance from members where member_no = '{no}'")
            == b.sql(f"select balance from members where member_no = '{no}'")
            == [(_server_points(server, ids[no]),)]
        )
    assert set(a.sql("select id, points from movements")) == set(
        b.sql("select id, points from movements")
    )
    # (which lot a point sits in may differ: a till settles a debt from the lots it has when
    # a movement arrives; lots are not compared, only that each till's hold together: check)
    assert a.check() == b.check() == ()
    assert _command(server.db, "check", "--json")["ok"] is True


def test_movements_logged_before_the_members_record_are_applied_once_the_record_arrives(
    tills: tuple[Till, Till], server: Server
) -> None:
    _, b = tills
    member = str(uuid.uuid4())
    sold = sale(member, 2)  # store A's second batch committed before its first
    assert server.post("/v1/events", {"events": [sold]})[0] == 200
    b.sync()
    assert b.sql(f"select count(*) from members where id = '{member}'") == [(0,)]
    assert sync.status(b.shop).clashes == 0  # not a clash: the record is on its way
    assert server.post("/v1/events", {"events": [enrolled(member, 1)]})[0] == 200
    b.sync()
    assert b.sql(f"select member_no, balance from members where id = '{member}'") == [
        ("M000001", 105)
    ]
    assert b.sql(f"select id from movements where member_id = '{member}'") == [
        (sold["payload"]["movements"][0]["id"],)
    ]
    assert b.check() == ()


def test_a_merge_at_a_closes_the_duplicate_at_b_and_moves_its_points_there_too(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    keep = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("Keep"))
    other = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("Other"))
    for i, who in enumerate((keep, other, other)):
        checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest(f"A-{i}", who.member_no, "80.00"))
    a.sync()
    b.sync()
    merge.merge_members(a.shop, LOCAL_ADMIN, keep.member_no, other.member_no)
    a.sync()
    b.sync()
    assert b.sql(f"select status, merged_into, balance from members where id = '{other.id}'") == [
        ("closed", keep.id, 0)
    ]
    assert b.points(keep.member_no) == a.points(keep.member_no) == _server_points(server, keep.id)
    assert b.check() == ()


def merged_both_ways(a: Till, b: Till) -> tuple[Any, Any]:
    """Members X and Y of A, known at B, each with a sale; A keeps Y, B offline keeps X; one pass each."""
    x = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("Card X"))
    y = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("Card Y"))
    for i, who in enumerate((x, y)):
        checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest(f"A-{i}", who.member_no, "80.00"))
    a.sync()
    b.sync()
    merge.merge_members(a.shop, LOCAL_ADMIN, y.member_no, x.member_no)  # A keeps Y
    merge.merge_members(b.shop, LOCAL_ADMIN, x.member_no, y.member_no)  # B, offline, keeps X
    a.sync()
    b.sync()
    return x, y


def test_a_merge_this_till_made_the_other_way_is_undone_by_pull_and_the_books_hold(
    tills: tuple[Till, Till], server: Server
) -> None:
    a, b = tills
    x, y = merged_both_ways(a, b)
    query = f"select id, status, merged_into, balance from members where id in ('{x.id}', '{y.id}')"
    assert sorted(b.sql(query)) == sorted(a.sql(query))
    assert b.check() == ()
    assert _server_points(server, y.id) == b.points(y.member_no)


def test_a_card_number_two_members_of_the_chain_hold_is_refused_never_credited_to_either(
    tills: tuple[Till, Till],
) -> None:
    a, b = tills
    visitor = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("A's customer"))
    own = members.enrol(b.shop, LOCAL_ADMIN, members.NewMember("B's customer"))
    # a card printed before card numbers were the chain's: B's member holds the visitor's
    card_no = a.sql(f"select card_no from members where id = '{visitor.id}'")[0][0]
    with b.opened.engine.begin() as conn:
        conn.exec_driver_sql(f"update members set card_no = {card_no} where id = '{own.id}'")
    a.sync()
    b.sync()
    assert b.points(visitor.member_no) == 0  # the visitor is here, found by number
    for card in (visitor.card, members.card_code(_member(b, own.id), b.shop.card_keys)):
        with pytest.raises(LoyaltyError) as refused:
            show_member(b.shop, LOCAL_ADMIN, card)
        assert refused.value.reason == "card_shared"
    assert show_member(a.shop, LOCAL_ADMIN, visitor.card).member_no == visitor.member_no
    # a new card for B's member carries a number of its own, which finds them
    new = members.member_card(
        b.shop, LOCAL_ADMIN, own.member_no, reissue=True, deliver=lambda _m, code, _s: code
    )
    assert show_member(b.shop, LOCAL_ADMIN, new).member_no == own.member_no


def _member(till: Till, member_id: str) -> Any:
    with till.shop.uow() as uow:
        return uow.members.get(member_id)
