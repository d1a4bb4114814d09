"""Members by id, number, card, phone and phone tail."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, update

from loyalty_desktop.db.fastpath import Prepared, PreparedIn, insert_into
from loyalty_desktop.db.tables import members, tier_changes
from loyalty_desktop.domain.members import Member, MemberStatus
from loyalty_desktop.domain.phones import phone_tail
from loyalty_desktop.domain.tier_changes import TierCause, TierChange

FIRST_CARD_NO = 10_000_001

_COLUMNS = [c for c in members.c if c.name != "phone_tail"]
_SELECT = select(*_COLUMNS)
_BY_ID = Prepared(_SELECT.where(members.c.id == bindparam("id")))
_BY_ID_LOCKED = Prepared(_SELECT.where(members.c.id == bindparam("id")).with_for_update())
_BY_NO = Prepared(_SELECT.where(members.c.member_no == bindparam("no")))
_BY_NO_LOCKED = Prepared(_SELECT.where(members.c.member_no == bindparam("no")).with_for_update())
_BY_CARD = Prepared(_SELECT.where(members.c.card_no == bindparam("card")))
_BY_CARD_LOCKED = Prepared(_SELECT.where(members.c.card_no == bindparam("card")).with_for_update())
# Every member number a cashier types is also looked up as a phone (separate namespaces).
_BY_PHONE = Prepared(
    _SELECT.where(members.c.phone == bindparam("phone"), members.c.status == "active")
    .order_by(members.c.created_at)
    .limit(bindparam("b_limit"))
)
_BY_PHONE_TAIL = Prepared(
    _SELECT.where(members.c.phone_tail == bindparam("tail"), members.c.status == "active")
    .order_by(members.c.member_no)
    .limit(bindparam("b_limit"))
)
_BY_NOS = PreparedIn(lambda nos: _SELECT.where(members.c.member_no.in_(nos)))
_BY_IDS = PreparedIn(lambda ids: _SELECT.where(members.c.id.in_(ids)))
_BY_IDS_LOCKED = PreparedIn(lambda ids: _SELECT.where(members.c.id.in_(ids)).with_for_update())
_INSERT = insert_into(members)
_INSERT_TIER_CHANGE = insert_into(tier_changes, skip=["seq"])
_SAVE = Prepared(
    update(members)
    .where(members.c.id == bindparam("b_id"))
    .values({c.name: bindparam(c.name) for c in members.c if c.name != "id"})
)

_TOTALS = ("balance", "lifetime_spend", "points_earned", "tier", "last_movement_at")
_SAVE_TOTALS = Prepared(
    update(members)
    .where(members.c.id == bindparam("b_id"))
    .values({name: bindparam(name) for name in _TOTALS})
)


def _member(row: Any) -> Member:
    m = row if isinstance(row, dict) else row._mapping
    return Member(
        id=m["id"],
        member_no=m["member_no"],
        card_no=m["card_no"],
        name=m["name"],
        created_at=m["created_at"],
        phone=m["phone"],
        email=m["email"],
        birthday=m["birthday"],
        consent=bool(m["consent"]),
        consent_at=m["consent_at"],
        card_serial=m["card_serial"],
        status=MemberStatus(m["status"]),
        merged_into=m["merged_into"],
        tier=m["tier"],
        balance=m["balance"],
        lifetime_spend=m["lifetime_spend"],
        points_earned=m["points_earned"],
        last_movement_at=m["last_movement_at"],
    )


def _values(member: Member) -> dict[str, Any]:
    return {
        "id": member.id,
        "member_no": member.member_no,
        "card_no": member.card_no,
        "card_serial": member.card_serial,
        "name": member.name,
        "phone": member.phone,
        "phone_tail": phone_tail(member.phone) if member.phone else None,
        "email": member.email,
        "birthday": member.birthday,
        "consent": member.consent,
        "consent_at": member.consent_at,
        "status": member.status.value,
        "merged_into": member.merged_into,
        "tier": member.tier,
        "balance": member.balance,
        "lifetime_spend": member.lifetime_spend,
        "points_earned": member.points_earned,
        "last_movement_at": member.last_movement_at,
        "created_at": member.created_at,
    }


class SqlMembers:
    """Members stored in the ``members`` table."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def get(self, member_id: str, *, for_update: bool = False) -> Member | None:
        row = (_BY_ID_LOCKED if for_update else _BY_ID).mapping(self.conn, {"id": member_id})
        return _member(row) if row else None

    def by_number(self, member_no: str, *, for_update: bool = False) -> Member | None:
        row = (_BY_NO_LOCKED if for_update else _BY_NO).mapping(self.conn, {"no": member_no})
        return _member(row) if row else None

    def by_card(self, card_no: int, *, for_update: bool = False) -> Member | None:
        row = (_BY_CARD_LOCKED if for_update else _BY_CARD).mapping(self.conn, {"card": card_no})
        return _member(row) if row else None

    def by_phone(self, phone: str, limit: int = 10) -> list[Member]:
        rows = _BY_PHONE.mappings(self.conn, {"phone": phone, "b_limit": limit})
        return [_member(r) for r in rows]

    def by_phone_tail(self, tail: str, limit: int = 5) -> list[Member]:
        rows = _BY_PHONE_TAIL.mappings(self.conn, {"tail": tail, "b_limit": limit})
        return [_member(r) for r in rows]

    def add(self, member: Member) -> None:
        _INSERT.run(self.conn, _values(member))

    def get_many(self, member_ids: Sequence[str], *, for_update: bool = False) -> list[Member]:
        query = _BY_IDS_LOCKED if for_update else _BY_IDS
        keys = [c.key for c in _COLUMNS]
        return [
            _member(dict(zip(keys, row, strict=True))) for row in query.rows(self.conn, member_ids)
        ]

    def by_numbers(self, member_nos: Sequence[str]) -> list[Member]:
        keys = [c.key for c in _COLUMNS]
        return [
            _member(dict(zip(keys, row, strict=True)))
            for row in _BY_NOS.rows(self.conn, member_nos)
        ]

    def add_many(self, batch: Sequence[Member]) -> None:
        _INSERT.run_many(self.conn, [_values(m) for m in batch])

    def save_totals_many(self, batch: Sequence[Member]) -> None:
        rows = []
        for member in batch:
            values = {name: getattr(member, name) for name in _TOTALS}
            values["b_id"] = member.id
            rows.append(values)
        _SAVE_TOTALS.run_many(self.conn, rows)

    def save(self, member: Member) -> None:
        values = _values(member)
        values["b_id"] = values.pop("id")
        _SAVE.run(self.conn, values)

    def save_totals(self, member: Member) -> None:
        values = {name: getattr(member, name) for name in _TOTALS}
        values["b_id"] = member.id
        _SAVE_TOTALS.run(self.conn, values)

    def next_card_no(self, within: tuple[int, int] | None = None) -> int:
        if within is None:
            top = self.conn.execute(select(func.max(members.c.card_no))).scalar()
            return max(int(top or 0) + 1, FIRST_CARD_NO)
        first, last = within
        top = self.conn.execute(
            select(func.max(members.c.card_no)).where(members.c.card_no.between(first, last))
        ).scalar()
        return int(top) + 1 if top is not None else first

    def merged_into(self, member_id: str) -> list[str]:
        found: list[str] = []
        frontier = [member_id]
        while frontier:
            rows = self.conn.execute(
                select(members.c.id).where(members.c.merged_into.in_(frontier))
            )
            frontier = [r[0] for r in rows if r[0] not in found]
            found.extend(frontier)
        return found

    def active(self) -> Iterator[Member]:
        last = ""
        while True:
            batch = [
                _member(r)
                for r in self.conn.execute(
                    _SELECT.where(members.c.status == "active", members.c.id > last)
                    .order_by(members.c.id)
                    .limit(2000)
                )
            ]
            if not batch:
                return
            yield from batch
            last = batch[-1].id

    def add_tier_change(self, change: TierChange) -> None:
        self.add_tier_changes([change])

    def add_tier_changes(self, changes: Sequence[TierChange]) -> None:
        if not changes:
            return
        _INSERT_TIER_CHANGE.run_many(
            self.conn,
            [
                {
                    "member_id": c.member_id,
                    "at": c.at,
                    "tier_before": c.before,
                    "tier_after": c.after,
                    "cause": c.cause.value,
                    "ref": c.ref,
                }
                for c in changes
            ],
        )

    def tier_changes(self, member_id: str) -> list[TierChange]:
        rows = self.conn.execute(
            select(tier_changes)
            .where(tier_changes.c.member_id == member_id)
            .order_by(tier_changes.c.at, tier_changes.c.seq)
        ).mappings()
        return [
            TierChange(
                r["member_id"],
                r["at"],
                r["tier_before"],
                r["tier_after"],
                TierCause(r["cause"]),
                r["ref"],
            )
            for r in rows
        ]
