"""Property test: random baskets with random rewards and points never take a balance below zero.

Each sale's rewards and points are affordable or refused with nothing
changed; what rewards and points pay never exceeds the net and earns
nothing; refunding every sale (in parts, newest first) brings each member
back to exactly the points they started with, and the ledger reconciles
after every step.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import checkout, members, points, programs, refunds
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.conftest import FixedClock
from tests.fakes import FakeDatabase, FakeIntegrity, fake_shop
from tests.unit.services.conftest import PROGRAM

REWARDS = ("5 off", "Free tea", "Gold treat")
PROGRAM_WITH_REWARDS = (
    PROGRAM
    + """
[[rewards]]
name = "5 off"
points = 200
value = "5.00"

[[rewards]]
name = "Free tea"
points = 150
sku = "TEA"

[[rewards]]
name = "Gold treat"
points = 50
value = "2.00"
tiers = ["Gold"]
"""
)
START = 1500  # each member's points before the first sale

line = st.tuples(st.sampled_from(["TEA", "BUN", "CUP"]), st.integers(1, 3), st.integers(1, 4000))
sale = st.tuples(
    st.integers(0, 1),  # which member
    st.lists(line, min_size=1, max_size=4),
    st.one_of(
        st.lists(st.sampled_from(REWARDS), unique=True, max_size=3),
        st.lists(st.sampled_from(REWARDS), max_size=3),  # may name one twice: refused
    ),
    st.integers(0, 600),  # plain points
)


def _money(minor: int) -> str:
    return f"{minor // 100}.{minor % 100:02d}"


def _balances(database: FakeDatabase) -> dict[str, int]:
    return {m.member_no: m.balance for m in database.store.members.values()}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sale, min_size=1, max_size=8), st.booleans())
def test_rewards_never_take_points_below_zero_and_refunds_give_all_back(
    sales: list[tuple[int, list[tuple[str, int, int]], list[str], int]], halves: bool
) -> None:
    clock = FixedClock(datetime(2026, 3, 2, 2, tzinfo=UTC))
    shop, database = fake_shop(clock)
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM_WITH_REWARDS, "p.toml")
    nos = []
    for i in range(2):
        no = members.enrol(shop, LOCAL_ADMIN, members.NewMember(name=f"M{i}")).member_no
        points.adjust(shop, LOCAL_ADMIN, no, START, "opening balance", f"Q{i}")
        nos.append(no)
    posted: list[str] = []
    for n, (who, lines, rewards, redeem) in enumerate(sales):
        clock.advance(seconds=1)
        before = _balances(database)
        request = checkout.SaleRequest(
            f"S{n}",
            nos[who],
            lines=tuple(checkout.LineRequest(sku, str(q), _money(p)) for sku, q, p in lines),
            rewards=tuple(rewards),
            redeem=redeem - redeem % 100 if redeem >= 100 else 0,
        )
        try:
            result = checkout.checkout(shop, LOCAL_ADMIN, request)
        except LoyaltyError:
            assert _balances(database) == before, "a refused sale changes nothing"
            continue
        posted.append(result.sale_no)
        event(f"rewards taken: {len(result.rewards)}")
        assert 0 <= result.points_value <= result.net
        assert result.paid == result.net - result.points_value
        assert sum(r.value for r in result.rewards) <= result.points_value
        assert result.earned <= 2 * (result.paid // 100)  # Gold earns ×2 on what money paid
        assert result.points == before[nos[who]] - result.redeemed + result.earned >= 0
        assert FakeIntegrity(database).ledger_problems() == []
    for sale_no in reversed(posted):
        clock.advance(seconds=1)
        stored = database.store.sales[sale_no]
        if halves and stored.net > 1:
            refunds.refund(
                shop,
                LOCAL_ADMIN,
                refunds.RefundRequest(f"R{sale_no}a", sale_no, amount=_money(stored.net // 2)),
            )
            assert min(_balances(database).values()) >= 0
        left = database.store.sales[sale_no]
        refunds.refund(
            shop,
            LOCAL_ADMIN,
            refunds.RefundRequest(
                f"R{sale_no}", sale_no, amount=_money(left.net - left.refunded_net)
            ),
        )
        assert min(_balances(database).values()) >= 0
        assert FakeIntegrity(database).ledger_problems() == []
    assert set(_balances(database).values()) == {START}
