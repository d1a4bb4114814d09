"""The points ledger on SQLite and PostgreSQL: movements, the lots they open, what they take from lots."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from loyalty_desktop.app import Opened
from loyalty_desktop.db.tables import allocations
from loyalty_desktop.domain.ledger import Allocation, Lot, Movement, MovementKind
from loyalty_desktop.domain.members import Member

T0 = datetime(2026, 1, 10, 9, 30, tzinfo=UTC)


def _new_member(opened: Opened, no: str = "L1") -> Member:
    member = Member(str(uuid.uuid4()), no, 10_000_000 + len(no) * 7 + ord(no[-1]), "李四", T0)
    with opened.shop.uow() as uow:
        uow.members.add(member)
        uow.commit()
    return member


def _lot(member: Member, at: datetime, points: int, days: int | None = 365) -> Lot:
    expires = at + timedelta(days=days) if days is not None else None
    return Lot(str(uuid.uuid4()), member.id, at, expires, points, points)


def _movement(
    member: Member, kind: MovementKind, points: int, at: datetime, **fields: object
) -> Movement:
    return Movement(
        id=str(uuid.uuid4()),
        member_id=member.id,
        kind=kind,
        points=points,
        at=at,
        recorded_at=at + timedelta(seconds=1),
        **fields,  # type: ignore[arg-type]
    )


def _unordered(movements: list[Movement]) -> list[Movement]:
    """Movements with their allocations and lots in a fixed order (the tables keep no order for them)."""
    return [
        replace(
            m,
            allocations=tuple(sorted(m.allocations, key=lambda a: a.lot_id)),
            lots=tuple(sorted(m.lots, key=lambda lot: lot.id)),
        )
        for m in movements
    ]


def test_movements_come_back_with_their_lots_and_allocations(opened: Opened) -> None:
    member = _new_member(opened)
    early = _lot(member, T0, 100, days=30)
    late = _lot(member, T0 + timedelta(days=1), 50)
    never = _lot(member, T0 + timedelta(days=2), 7, days=None)
    sale_ref = str(uuid.uuid4())
    earn = _movement(member, MovementKind.EARN, 100, T0, lots=(early,), sale_ref=sale_ref)
    bonus = _movement(
        member,
        MovementKind.ACTIVITY,
        50,
        late.at,
        lots=(late,),
        activity="review",
        points_after=150,
    )
    gift = _movement(
        member,
        MovementKind.ADJUST,
        7,
        never.at,
        lots=(never,),
        request_id="REQ-1",
        reason="补偿：收银错误",
        actor="店长",
    )
    spend = _movement(
        member,
        MovementKind.REDEEM,
        -120,
        T0 + timedelta(days=3),
        allocations=(Allocation(early.id, 100), Allocation(late.id, 20)),
        sale_ref=sale_ref,
        points_after=37,
    )
    with opened.shop.uow() as uow:
        for movement in (earn, bonus, gift, spend):
            uow.ledger.add(movement)
        uow.commit()

    with opened.shop.uow(write=False) as uow:
        history = uow.ledger.history([member.id])
        open_lots = {lot.id: lot for lot in uow.ledger.lots(member.id)}
        every_lot = {lot.id: lot for lot in uow.ledger.lots_by_ids([early.id, late.id, never.id])}
        by_request = uow.ledger.by_request("REQ-1")
        for_sale = uow.ledger.for_sale(sale_ref)

    assert _unordered(history) == _unordered([earn, bonus, gift, spend])
    for movement in history:
        assert movement.at.utcoffset() == timedelta(0)
        assert movement.recorded_at.utcoffset() == timedelta(0)
    assert set(open_lots) == {late.id, never.id}, "an emptied lot is not an open lot"
    assert open_lots[late.id].remaining == 30
    assert open_lots[never.id].remaining == 7
    assert open_lots[never.id].expires_at is None
    assert every_lot[early.id].remaining == 0
    assert every_lot[early.id].expires_at == T0 + timedelta(days=30)
    assert by_request == gift
    assert by_request is not None
    assert by_request.reason == "补偿：收银错误"
    assert _unordered(for_sale) == _unordered([earn, spend])


def test_allocations_that_give_points_back_refill_the_lot(opened: Opened) -> None:
    member = _new_member(opened)
    lot = _lot(member, T0, 80)
    with opened.shop.uow() as uow:
        uow.ledger.add(_movement(member, MovementKind.EARN, 80, T0, lots=(lot,)))
        uow.ledger.add(
            _movement(member, MovementKind.REDEEM, -60, T0, allocations=(Allocation(lot.id, 60),))
        )
        uow.ledger.add(
            _movement(
                member,
                MovementKind.REFUND_RESTORE,
                25,
                T0 + timedelta(hours=1),
                allocations=(Allocation(lot.id, -25),),
            )
        )
        uow.commit()
    with opened.shop.uow(write=False) as uow:
        (back,) = uow.ledger.lots(member.id)
        history = uow.ledger.history([member.id])
    assert back.remaining == 45
    assert [a.points for m in history for a in m.allocations] == [60, -25]


def test_history_is_ordered_by_moment_then_by_posting_order(opened: Opened) -> None:
    member = _new_member(opened)
    other = _new_member(opened, "L2")
    later = _movement(member, MovementKind.ADJUST, 5, T0 + timedelta(hours=2), request_id="a")
    same_a = _movement(member, MovementKind.ADJUST, 1, T0, request_id="b")
    same_b = _movement(member, MovementKind.ADJUST, 2, T0, request_id="c")
    theirs = _movement(other, MovementKind.ADJUST, 3, T0 + timedelta(hours=1), request_id="d")
    with opened.shop.uow() as uow:
        for movement in (later, same_a, same_b, theirs):
            uow.ledger.add(movement)
        uow.commit()
    with opened.shop.uow(write=False) as uow:
        assert uow.ledger.history([member.id]) == [same_a, same_b, later]
        assert uow.ledger.history([member.id, other.id]) == [same_a, same_b, theirs, later]
        assert uow.ledger.history([]) == []
        assert uow.ledger.by_request("nope") is None
        assert uow.ledger.for_sale(str(uuid.uuid4())) == []
        assert uow.ledger.lots_by_ids([]) == []


def test_lapsed_members_counts_and_points_earned(opened: Opened) -> None:
    ann = _new_member(opened, "A")
    bob = _new_member(opened, "B")
    short = _lot(ann, T0, 10, days=10)
    long = _lot(bob, T0, 20, days=100)
    with opened.shop.uow() as uow:
        uow.ledger.add(_movement(ann, MovementKind.EARN, 10, T0, lots=(short,)))
        uow.ledger.add(_movement(bob, MovementKind.EARN, 20, T0, lots=(long,)))
        uow.ledger.add(
            _movement(bob, MovementKind.ACTIVITY, 0, T0 + timedelta(days=1), activity="check_in")
        )
        uow.ledger.add(
            _movement(
                bob,
                MovementKind.REFUND_REVERSAL,
                -4,
                T0 + timedelta(days=2),
                allocations=(Allocation(long.id, 4),),
            )
        )
        uow.commit()

    with opened.shop.uow(write=False) as uow:
        assert uow.ledger.lapsed_members(T0 + timedelta(days=10) - timedelta(microseconds=1)) == []
        assert uow.ledger.lapsed_members(T0 + timedelta(days=10)) == [ann.id]
        assert uow.ledger.lapsed_members(T0 + timedelta(days=200)) == sorted([ann.id, bob.id])
        # The window is (start, end]: a movement exactly at start is outside, at end inside.
        assert uow.ledger.count_kind([bob.id], "earn", T0, T0 + timedelta(days=5)) == 0
        assert uow.ledger.count_kind([bob.id], "earn", T0 - timedelta(seconds=1), T0) == 1
        assert (
            uow.ledger.count_kind(
                [bob.id], "activity", T0, T0 + timedelta(days=1), activity="check_in"
            )
            == 1
        )
        assert (
            uow.ledger.count_kind([bob.id], "activity", T0, T0 + timedelta(days=1), activity="x")
            == 0
        )
        assert uow.ledger.points_earned([bob.id], T0 + timedelta(days=1)) == 20
        assert uow.ledger.points_earned([bob.id], T0 + timedelta(days=3)) == 16
        assert uow.ledger.points_earned([ann.id, bob.id], T0 + timedelta(days=3)) == 26


def test_every_allocation_row_is_stored(opened: Opened) -> None:
    member = _new_member(opened)
    lots = [_lot(member, T0 + timedelta(minutes=i), 10) for i in range(3)]
    take = _movement(
        member,
        MovementKind.REDEEM,
        -25,
        T0 + timedelta(hours=1),
        allocations=(
            Allocation(lots[0].id, 10),
            Allocation(lots[1].id, 10),
            Allocation(lots[2].id, 5),
        ),
    )
    with opened.shop.uow() as uow:
        uow.ledger.add(_movement(member, MovementKind.EARN, 30, T0, lots=tuple(lots)))
        uow.ledger.add(take)
        uow.commit()
    with opened.engine.connect() as conn:
        rows = conn.execute(
            select(allocations.c.lot_id, allocations.c.points).where(
                allocations.c.movement_id == take.id
            )
        ).all()
    assert sorted(rows) == sorted((lot.id, p) for lot, p in zip(lots, (10, 10, 5), strict=True))
