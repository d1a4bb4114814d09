from datetime import UTC, datetime, timedelta

from loyalty_desktop.domain import ledger
from loyalty_desktop.domain.ledger import Allocation, Lot

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def lot(
    name: str,
    points: int,
    *,
    days: int | None = 365,
    at: datetime = T0,
    remaining: int | None = None,
) -> Lot:
    expires = at + timedelta(days=days) if days is not None else None
    return Lot(name, "m", at, expires, points, points if remaining is None else remaining)


def test_spending_takes_the_earliest_expiring_lot_first() -> None:
    lots = [lot("late", 100, days=300), lot("never", 100, days=None), lot("soon", 100, days=30)]
    assert ledger.take(lots, 150, T0) == [Allocation("soon", 100), Allocation("late", 50)]


def test_expired_points_can_never_be_spent_even_before_the_job() -> None:
    lots = [lot("old", 100, days=10), lot("new", 20)]
    moment = T0 + timedelta(days=11)
    assert ledger.spendable(120, lots, moment) == 20
    assert ledger.available(120, lots, moment) == 20
    assert ledger.take(lots, 50, moment) == [Allocation("new", 20)]


def test_expiry_is_at_the_moment_not_after() -> None:
    lots = [lot("a", 10, days=1)]
    assert ledger.spendable(10, lots, T0 + timedelta(days=1) - timedelta(microseconds=1)) == 10
    assert ledger.spendable(10, lots, T0 + timedelta(days=1)) == 0


def test_a_debt_blocks_spending_until_credits_pay_it() -> None:
    lots = [lot("a", 50, remaining=0)]
    assert ledger.spendable(-30, lots, T0) == 0
    new = lot("b", 40)
    lots.append(new)
    # balance after a 40-point credit: 10; the new lot pays the 30 owed first.
    payoff = ledger.settle(lots, 10, T0)
    assert payoff == [Allocation("b", 30)]
    ledger.apply(lots, payoff)
    assert new.remaining == 10
    assert ledger.debt(10, lots) == 0


def test_giving_back_refills_the_latest_expiring_lots_first() -> None:
    soon, late = lot("soon", 100, days=30, remaining=0), lot("late", 100, days=300, remaining=50)
    back = ledger.give_back({"soon": 100, "late": 50}, [soon, late], 60)
    assert back == [Allocation("late", -50), Allocation("soon", -10)]


def test_a_lot_taken_first_is_emptied_before_others() -> None:
    lots = [lot("soon", 100, days=30), lot("sale", 40, days=365)]
    assert ledger.take(lots, 50, T0, first="sale") == [
        Allocation("sale", 40),
        Allocation("soon", 10),
    ]


def test_state_at_replays_history_up_to_a_moment() -> None:
    earn = ledger.Movement("e", "m", ledger.MovementKind.EARN, 100, T0, T0, lots=(lot("a", 100),))
    spend = ledger.Movement(
        "r",
        "m",
        ledger.MovementKind.REDEEM,
        -30,
        T0 + timedelta(days=5),
        T0,
        allocations=(Allocation("a", 30),),
    )
    balance, lots = ledger.state_at([earn, spend], T0 + timedelta(days=1))
    assert balance == 100
    assert lots[0].remaining == 100
    balance, lots = ledger.state_at([earn, spend], T0 + timedelta(days=6))
    assert balance == 70
    assert lots[0].remaining == 70


def test_expiring_groups_by_moment_soonest_first() -> None:
    lots = [
        lot("a", 10, days=30),
        lot("b", 5, days=30),
        lot("c", 7, days=60),
        lot("n", 3, days=None),
    ]
    assert ledger.expiring(lots, T0) == [
        (15, T0 + timedelta(days=30)),
        (7, T0 + timedelta(days=60)),
    ]
