"""Property tests of the ledger invariants (DESIGN.md) over random days of trading.

Balance equals the sum of movements; no lot goes below zero or above its
points; lots hold at least the balance (the rest is debt); refunds never
reverse more than was earned nor restore more than was redeemed; replaying
any request changes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from loyalty_desktop.domain import ledger
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services import checkout, member_view, members, points, programs, refunds
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.conftest import FixedClock
from tests.fakes import FakeDatabase, FakeIntegrity, fake_shop
from tests.unit.services.conftest import PROGRAM

MEMBERS = 3

operation = st.one_of(
    st.tuples(
        st.just("sell"), st.integers(0, MEMBERS - 1), st.integers(1, 60_000), st.floats(0, 1)
    ),
    st.tuples(st.just("refund"), st.integers(0, 40), st.floats(0.01, 1), st.booleans()),
    st.tuples(st.just("adjust"), st.integers(0, MEMBERS - 1), st.integers(-300, 300), st.none()),
    st.tuples(st.just("award"), st.integers(0, MEMBERS - 1), st.none(), st.none()),
    st.tuples(st.just("wait"), st.integers(0, 200), st.none(), st.none()),
    st.tuples(st.just("expire"), st.none(), st.none(), st.none()),
    st.tuples(st.just("replay"), st.integers(0, 80), st.none(), st.none()),
)


def snapshot(database: FakeDatabase) -> tuple[object, ...]:
    s = database.store
    return (
        tuple(sorted((m.id, m.balance, m.lifetime_spend) for m in s.members.values())),
        len(s.movements),
        len(s.outbox),
        len(s.refunds),
        len(s.sales),
        tuple(sorted((lot.id, lot.remaining) for lot in s.lots.values())),
    )


def check_invariants(database: FakeDatabase, at: datetime) -> None:
    s = database.store
    assert FakeIntegrity(database).ledger_problems() == []
    for member in s.members.values():
        lots = [lot for lot in s.lots.values() if lot.member_id == member.id]
        assert all(0 <= lot.remaining <= lot.points for lot in lots)
        assert ledger.debt(member.balance, lots) >= 0
        assert ledger.spendable(member.balance, lots, at) <= max(
            ledger.available(member.balance, lots, at), 0
        )
    for sale in s.sales.values():
        assert 0 <= sale.reversed <= sale.earned
        assert 0 <= sale.restored <= sale.points_redeemed
        assert 0 <= sale.paid_back <= sale.paid
        assert sale.refunded_net <= sale.net


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, min_size=5, max_size=40))
def test_ledger_invariants_hold_for_any_sequence_of_requests(ops: list[tuple[object, ...]]) -> None:
    clock = FixedClock(datetime(2026, 1, 5, 2, tzinfo=UTC))
    shop, database = fake_shop(clock)
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "p.toml")
    nos = [
        members.enrol(shop, LOCAL_ADMIN, members.NewMember(name=f"M{i}")).member_no
        for i in range(MEMBERS)
    ]
    done: list[tuple[str, object]] = []
    refused = 0
    for n, (kind, a, b, c) in enumerate(ops):
        clock.advance(seconds=1)
        try:
            if kind == "sell":
                assert isinstance(a, int)
                assert isinstance(b, int)
                assert isinstance(c, float)
                total = f"{b // 100}.{b % 100:02d}"
                can = member_view.show_member(shop, LOCAL_ADMIN, nos[a]).spendable
                assert isinstance(can, int)
                redeem = (
                    min(int(can * c), b // 2) if c > 0.5 else 0
                )  # half the sales pay partly in points
                request = checkout.SaleRequest(f"S{n}", nos[a], total=total, redeem=redeem)
                checkout.checkout(shop, LOCAL_ADMIN, request)
                done.append(("sale", request))
            elif kind == "refund" and database.store.sales:
                assert isinstance(a, int)
                assert isinstance(b, float)
                sale = list(database.store.sales.values())[a % len(database.store.sales)]
                left = sale.net - sale.refunded_net
                amount = left if c else max(int(left * b), 1)
                rr = refunds.RefundRequest(
                    f"R{n}", sale.sale_no, f"{amount // 100}.{amount % 100:02d}"
                )
                refunds.refund(shop, LOCAL_ADMIN, rr)
                done.append(("refund", rr))
            elif kind == "adjust" and b:
                assert isinstance(a, int)
                assert isinstance(b, int)
                points.adjust(shop, LOCAL_ADMIN, nos[a], b, "test", f"Q{n}")
                done.append(("adjust", (nos[a], b, f"Q{n}")))
            elif kind == "award":
                assert isinstance(a, int)
                points.award(shop, LOCAL_ADMIN, nos[a], "review")
            elif kind == "wait":
                assert isinstance(a, int)
                clock.advance(days=a)
            elif kind == "expire":
                points.expire(shop, LOCAL_ADMIN)
            elif kind == "replay" and done:
                assert isinstance(a, int)
                what, request = done[a % len(done)]
                before = snapshot(database)
                if what == "sale":
                    assert isinstance(request, checkout.SaleRequest)
                    assert checkout.checkout(shop, LOCAL_ADMIN, request).replayed is True
                elif what == "refund":
                    assert isinstance(request, refunds.RefundRequest)
                    assert refunds.refund(shop, LOCAL_ADMIN, request).replayed is True
                else:
                    assert isinstance(request, tuple)
                    assert points.adjust(
                        shop, LOCAL_ADMIN, request[0], request[1], "test", request[2]
                    ).replayed
                assert snapshot(database) == before
        except LoyaltyError:
            refused += 1  # a refused request must change nothing: the invariants below still hold
        check_invariants(database, clock.now())
    event(
        f"refused requests: {min(refused, 5)}+" if refused >= 5 else f"refused requests: {refused}"
    )
