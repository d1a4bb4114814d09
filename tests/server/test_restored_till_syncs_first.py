"""Store A's till restored from an older backup while connected: it syncs before it gives out again.

Two real tills and a real server. Each case is one a helper's attack on restores found
(helper-76): before, the restored till gave a new customer the number and card of a
customer enrolled after the backup (whose card then found the other customer's points at
store B), printed a lost card's code again, issued coupons with another member's codes, and
let points spent after the backup be spent again. Now each is refused until the till's
first pass, and after it each comes out as a shop expects.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import backups, checkout, members, refunds
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.baskets import SaleRequest
from loyalty_desktop.services.member_view import show_member
from loyalty_desktop.services.restored_till import SyncFirst
from tests.conftest import FixedClock
from tests.server.conftest import Server
from tests.server.test_offers_travel import _issue
from tests.server.test_store_pull import Till, _open
from tests.server.test_store_pull import tills as two_tills

tills = two_tills  # the two-till fixture, by the name the tests ask for


class _Restorer:
    def __init__(self, a: Till, server: Server, tmp_path: Path, clock: FixedClock) -> None:
        self.a, self.server, self.tmp_path, self.clock = a, server, tmp_path, clock
        self.restored: Till | None = None

    def __call__(self, backup: Path) -> Till:
        backups.restore_backup(self.a.shop, LOCAL_ADMIN, backup)  # the shop's PC was rebuilt
        path = Path(str(self.a.opened.engine.url.database))
        self.a.opened.engine.dispose()
        self.restored = _open(
            path, self.clock, self.tmp_path / "keys", self.server, self.server.token
        )
        return self.restored


@pytest.fixture
def restore(
    tills: tuple[Till, Till], server: Server, tmp_path: Path, clock: FixedClock
) -> Iterator[_Restorer]:
    made = _Restorer(tills[0], server, tmp_path, clock)
    yield made
    if made.restored is not None:
        made.restored.opened.engine.dispose()


def _card(till: Till, member_id: str) -> int:
    return int(till.sql(f"select card_no from members where id = '{member_id}'")[0][0])


def test_a_member_enrolled_after_the_restore_takes_no_number_or_card_given_since_the_backup(
    tills: tuple[Till, Till], restore: _Restorer, clock: FixedClock
) -> None:
    a, b = tills
    backup = backups.back_up(a.shop, LOCAL_ADMIN).path
    clock.advance(hours=1)
    first = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("New After"))
    checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest("A-1", first.member_no, "300.00"))
    a.sync()
    b.sync()
    clock.advance(hours=1)
    ra = restore(backup)

    with pytest.raises(SyncFirst):  # it would have been New After's number and card
        members.enrol(ra.shop, LOCAL_ADMIN, members.NewMember("New Restored"))
    ra.sync()
    second = members.enrol(ra.shop, LOCAL_ADMIN, members.NewMember("New Restored"))
    ra.sync()
    b.sync()

    assert second.member_no != first.member_no
    assert _card(ra, second.id) != _card(b, first.id)
    assert show_member(b.shop, LOCAL_ADMIN, second.card).id == second.id  # not New After
    assert show_member(ra.shop, LOCAL_ADMIN, first.member_no).points == 300
    assert ra.check() == b.check() == ()


def test_a_card_reprinted_after_the_restore_is_not_the_card_revoked_since_the_backup(
    tills: tuple[Till, Till], restore: _Restorer, clock: FixedClock
) -> None:
    a, b = tills
    member = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("王芳"))
    a.sync()
    b.sync()
    backup = backups.back_up(a.shop, LOCAL_ADMIN).path
    clock.advance(hours=1)
    lost: list[str] = []
    members.member_card(
        a.shop, LOCAL_ADMIN, member.member_no, reissue=True, deliver=lambda m, c, s: lost.append(c)
    )
    a.sync()
    clock.advance(hours=1)
    ra = restore(backup)

    new: list[str] = []
    with pytest.raises(SyncFirst):  # it would have printed the lost card's code again
        members.member_card(
            ra.shop,
            LOCAL_ADMIN,
            member.member_no,
            reissue=True,
            deliver=lambda m, c, s: new.append(c),
        )
    ra.sync()
    members.member_card(
        ra.shop, LOCAL_ADMIN, member.member_no, reissue=True, deliver=lambda m, c, s: new.append(c)
    )
    ra.sync()
    b.sync()

    assert new != lost
    for till in (ra, b):
        with pytest.raises(LoyaltyError):  # the lost card is refused everywhere
            show_member(till.shop, LOCAL_ADMIN, lost[0])
        assert show_member(till.shop, LOCAL_ADMIN, new[0]).id == member.id


def test_coupons_issued_after_the_restore_carry_no_code_given_since_the_backup(
    tills: tuple[Till, Till], restore: _Restorer, clock: FixedClock
) -> None:
    a, b = tills
    m = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("王芳", consent=True))
    x = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("李雷", consent=True))
    a.sync()
    b.sync()
    backup = backups.back_up(a.shop, LOCAL_ADMIN).path
    clock.advance(hours=1)
    _, code_m = _issue(a, clock, "Spring", m.member_no)
    a.sync()
    b.sync()
    clock.advance(hours=1)
    ra = restore(backup)

    with pytest.raises(SyncFirst):
        _issue(ra, clock, "Summer", x.member_no)
    ra.sync()
    _, code_x = _issue(ra, clock, "Summer, again", x.member_no)  # (the first was made, not issued)
    ra.sync()
    b.sync()

    assert code_x != code_m
    used_m = SaleRequest("RA-1", m.member_no, "50.00", coupon=code_m)
    assert checkout.checkout(ra.shop, LOCAL_ADMIN, used_m).coupon is not None
    used_x = SaleRequest("B-1", x.member_no, "50.00", coupon=code_x)
    assert checkout.checkout(b.shop, LOCAL_ADMIN, used_x).coupon is not None
    ra.sync()
    b.sync()
    assert ra.check() == b.check() == ()


def test_points_spent_since_the_backup_are_not_spent_again_after_the_restore(
    tills: tuple[Till, Till], restore: _Restorer, server: Server, clock: FixedClock
) -> None:
    a, b = tills
    member = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("王芳"))
    a.sync()
    b.sync()
    checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest("A-1", member.member_no, "300.00"))
    backup = backups.back_up(a.shop, LOCAL_ADMIN).path  # the sale not sent yet
    a.sync()
    clock.advance(hours=1)
    spent = SaleRequest("A-2", member.member_no, "30.00", redeem=300)
    checkout.checkout(a.shop, LOCAL_ADMIN, spent)
    a.sync()
    clock.advance(hours=1)
    ra = restore(backup)
    again = SaleRequest("A-3", member.member_no, "30.00", redeem=300)

    with pytest.raises(SyncFirst):  # it still counted the sale it had sent as its own, unsent
        checkout.checkout(ra.shop, LOCAL_ADMIN, again)
    ra.sync()
    with pytest.raises(LoyaltyError):  # now it knows the 300 points were spent
        checkout.checkout(ra.shop, LOCAL_ADMIN, again)
    ra.sync()
    b.sync()
    left = server.sql(f"select points from balances where member_id = '{member.id}'")
    assert left == [(ra.points(member.member_no),)] == [(b.points(member.member_no),)]
    assert left[0][0] >= 0


def test_a_sale_refunded_since_the_backup_is_not_refunded_again_after_the_restore(
    tills: tuple[Till, Till], restore: _Restorer, server: Server, clock: FixedClock
) -> None:
    a, b = tills
    member = members.enrol(a.shop, LOCAL_ADMIN, members.NewMember("王芳"))
    checkout.checkout(a.shop, LOCAL_ADMIN, SaleRequest("A-1", member.member_no, "300.00"))
    a.sync()
    backup = backups.back_up(a.shop, LOCAL_ADMIN).path
    clock.advance(hours=1)
    refunds.refund(a.shop, LOCAL_ADMIN, refunds.RefundRequest("R-1", "A-1", "300.00"))
    a.sync()
    clock.advance(hours=1)
    ra = restore(backup)
    again = refunds.RefundRequest("R-2", "A-1", "300.00")  # the same receipt, brought again

    with pytest.raises(SyncFirst):
        refunds.refund(ra.shop, LOCAL_ADMIN, again)
    ra.sync()  # the refund's points come back by pull, naming the sale
    with pytest.raises(LoyaltyError) as refused:
        refunds.refund(ra.shop, LOCAL_ADMIN, again)
    assert refused.value.reason == "refund_unknown_here"
    ra.sync()
    b.sync()
    left = server.sql(f"select points from balances where member_id = '{member.id}'")
    assert left == [(0,)] == [(ra.points(member.member_no),)] == [(b.points(member.member_no),)]
    assert ra.check() == b.check() == ()
