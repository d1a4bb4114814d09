"""A connected till restored from a backup syncs once before it gives anything out again.

The server's side of it (two tills, a real server) is in tests/server/test_restored_till_syncs_first.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from loyalty_desktop.app import open_database
from loyalty_desktop.services import backups, checkout, members, offers, programs, refunds, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.restored_till import SyncFirst
from tests.conftest import FixedClock
from tests.integration.conftest import PROGRAM
from tests.sync_wire import Wire, wired


class _Till:
    """A till's file, opened and reopened as the application does after a restore."""

    def __init__(self, tmp_path: Path, clock: FixedClock) -> None:
        self.path, self.keys, self.clock = tmp_path / "till.db", tmp_path / "keys", clock
        self.wire = Wire(store_id="store-7")
        self.opened = open_database(self.path, clock=clock, keys_dir=self.keys)

    @property
    def shop(self) -> Shop:
        return wired(self.opened.shop, self.wire)

    def restore(self, backup: Path) -> None:
        backups.restore_backup(self.shop, LOCAL_ADMIN, backup)
        self.opened.engine.dispose()
        self.opened = open_database(self.path, clock=self.clock, keys_dir=self.keys)


@pytest.fixture
def till(tmp_path: Path, clock: FixedClock) -> Iterator[_Till]:
    made = _Till(tmp_path, clock)
    programs.load_program(made.shop, LOCAL_ADMIN, PROGRAM, "test")
    yield made
    made.opened.engine.dispose()


def _offer(shop: Shop, clock: FixedClock, member_no: str) -> str:
    today = clock.now().date()
    return offers.create_offer(
        shop,
        LOCAL_ADMIN,
        f'name = "Back soon"\nkind = "money_off"\namount = "5.00"\nstart = "{today}"\n'
        f'end = "{today + timedelta(days=6)}"\ncontrol_share = "0"\n'
        f'[audience]\nmembers = ["{member_no}"]\n',
        "offer.toml",
    ).id


def _actions(shop: Shop, member_no: str, offer_id: str) -> dict[str, Callable[[], Any]]:
    """What a restored till must not do before it has synced; each can be tried once."""

    def card(mm: object, code: str, name: str) -> str:
        return code

    return {
        "enrol": lambda: members.enrol(shop, LOCAL_ADMIN, members.NewMember("新会员")),
        "reprint": lambda: members.member_card(
            shop, LOCAL_ADMIN, member_no, reissue=True, deliver=card
        ),
        "coupons": lambda: offers.issue_offer(shop, LOCAL_ADMIN, offer_id),
        "pay with points": lambda: checkout.checkout(
            shop, LOCAL_ADMIN, SaleRequest("S-2", member_no, "100.00", redeem=100)
        ),
        "refund": lambda: refunds.refund(
            shop, LOCAL_ADMIN, refunds.RefundRequest("R-1", "S-1", "50.00")
        ),
    }


def test_a_connected_till_restored_refuses_what_gives_out_numbers_or_spends_until_it_syncs(
    till: _Till, clock: FixedClock
) -> None:
    member = members.enrol(till.shop, LOCAL_ADMIN, members.NewMember("王芳", consent=True))
    checkout.checkout(till.shop, LOCAL_ADMIN, SaleRequest("S-1", member.member_no, "500.00"))
    offer_id = _offer(till.shop, clock, member.member_no)
    sync.connect_to(till.shop, LOCAL_ADMIN, "https://hq.example", "t0ken")
    backup = backups.back_up(till.shop, LOCAL_ADMIN).path
    clock.advance(hours=1)
    till.restore(backup)

    for what, act in _actions(till.shop, member.member_no, offer_id).items():
        with pytest.raises(SyncFirst) as refused:
            act()
        assert refused.value.reason == "restored_sync_first", what
    # selling and earning go on; nothing refused was written
    sold = checkout.checkout(till.shop, LOCAL_ADMIN, SaleRequest("S-3", member.member_no, "80.00"))
    assert sold.earned > 0
    assert len(till.wire.held) == 0  # no hold was asked for the refused payment

    sync.run_pass(till.shop)  # pushed and pulled
    done = {what: act() for what, act in _actions(till.shop, member.member_no, offer_id).items()}
    assert done["enrol"].member_no != member.member_no
    assert done["coupons"].coupons == 1


def test_a_till_restored_while_not_connected_refuses_nothing(
    till: _Till, clock: FixedClock
) -> None:
    member = members.enrol(till.shop, LOCAL_ADMIN, members.NewMember("王芳"))
    backup = backups.back_up(till.shop, LOCAL_ADMIN).path
    clock.advance(hours=1)
    till.restore(backup)

    members.enrol(till.shop, LOCAL_ADMIN, members.NewMember("李雷"))
    members.member_card(
        till.shop, LOCAL_ADMIN, member.member_no, reissue=True, deliver=lambda *_: None
    )


def test_disconnecting_the_store_lifts_it(till: _Till, clock: FixedClock) -> None:
    sync.connect_to(till.shop, LOCAL_ADMIN, "https://hq.example", "t0ken")
    backup = backups.back_up(till.shop, LOCAL_ADMIN).path
    clock.advance(hours=1)
    till.restore(backup)
    with pytest.raises(SyncFirst):
        members.enrol(till.shop, LOCAL_ADMIN, members.NewMember("李雷"))

    sync.disconnect(till.shop, LOCAL_ADMIN)  # an administrator runs the till on its own
    members.enrol(till.shop, LOCAL_ADMIN, members.NewMember("李雷"))


def test_a_pass_that_cannot_reach_the_server_lifts_nothing(till: _Till, clock: FixedClock) -> None:
    sync.connect_to(till.shop, LOCAL_ADMIN, "https://hq.example", "t0ken")
    backup = backups.back_up(till.shop, LOCAL_ADMIN).path
    clock.advance(hours=1)
    till.restore(backup)
    till.wire.failure = sync.ServerUnavailable("down")
    sync.run_pass(till.shop)
    with pytest.raises(SyncFirst):
        members.enrol(till.shop, LOCAL_ADMIN, members.NewMember("李雷"))
    till.wire.failure = None
    sync.run_pass(till.shop)
    members.enrol(till.shop, LOCAL_ADMIN, members.NewMember("李雷"))
