"""Member events and their sign-ups, one row per member per event."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from loyalty_desktop.db.tables import event_signups, member_events, members
from loyalty_desktop.domain.member_events import MemberEvent, Signup


def _event(m: Any) -> MemberEvent:
    return MemberEvent(
        id=m["id"],
        name=m["name"],
        starts_at=m["starts_at"],
        ends_at=m["ends_at"],
        capacity=int(m["capacity"]),
        tiers=tuple(t for t in m["tiers"].split("\n") if t),
        activity=m["activity"],
        created_at=m["created_at"],
    )


_SIGNUP_COLUMNS = (
    event_signups.c.event_id,
    event_signups.c.member_id,
    members.c.member_no,
    event_signups.c.signed_up_at,
    event_signups.c.checked_in_at,
)


def _signup(m: Any) -> Signup:
    return Signup(
        event_id=m["event_id"],
        member_id=m["member_id"],
        member_no=m["member_no"],
        signed_up_at=m["signed_up_at"],
        checked_in_at=m["checked_in_at"],
    )


class SqlMemberEvents:
    """Events by id or start, and who signed up and checked in."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, event: MemberEvent) -> None:
        values = dict(event.__dict__)
        values["tiers"] = "\n".join(event.tiers)
        self.conn.execute(insert(member_events), values)

    def get(self, event_id: str) -> MemberEvent | None:
        row = self.conn.execute(select(member_events).where(member_events.c.id == event_id)).first()
        return _event(row._mapping) if row else None

    def listing(self, ending_after: datetime | None, limit: int) -> list[MemberEvent]:
        query = select(member_events)
        if ending_after is not None:
            query = query.where(member_events.c.ends_at > ending_after)
        query = query.order_by(member_events.c.starts_at, member_events.c.id).limit(limit)
        return [_event(r._mapping) for r in self.conn.execute(query)]

    def counts(self, event_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        query = (
            select(
                event_signups.c.event_id,
                func.count(),
                func.count(event_signups.c.checked_in_at),
            )
            .where(event_signups.c.event_id.in_(list(event_ids)))
            .group_by(event_signups.c.event_id)
        )
        return {row[0]: (int(row[1]), int(row[2])) for row in self.conn.execute(query)}

    def places_of(self, member_ids: Sequence[str]) -> list[tuple[MemberEvent, Signup]]:
        query = (
            select(member_events, *_SIGNUP_COLUMNS)
            .join(event_signups, event_signups.c.event_id == member_events.c.id)
            .join(members, members.c.id == event_signups.c.member_id)
            .where(event_signups.c.member_id.in_(list(member_ids)))
            .order_by(member_events.c.starts_at, member_events.c.id)
        )
        return [(_event(r._mapping), _signup(r._mapping)) for r in self.conn.execute(query)]

    def hold_places(self, event_id: str) -> None:
        """Lock the event's row to the end of the transaction (SQLite: its one writer already does)."""
        self.conn.execute(
            select(member_events.c.id).where(member_events.c.id == event_id).with_for_update()
        ).first()

    def add_signup(self, signup: Signup) -> None:
        values = dict(signup.__dict__)
        del values["member_no"]
        self.conn.execute(insert(event_signups), values)

    def signup(self, event_id: str, member_id: str) -> Signup | None:
        query = (
            select(*_SIGNUP_COLUMNS)
            .join(members, members.c.id == event_signups.c.member_id)
            .where(event_signups.c.event_id == event_id, event_signups.c.member_id == member_id)
        )
        row = self.conn.execute(query).first()
        return _signup(row._mapping) if row else None

    def signups(self, event_id: str) -> list[Signup]:
        query = (
            select(*_SIGNUP_COLUMNS)
            .join(members, members.c.id == event_signups.c.member_id)
            .where(event_signups.c.event_id == event_id)
            .order_by(event_signups.c.signed_up_at, members.c.member_no)
        )
        return [_signup(r._mapping) for r in self.conn.execute(query)]

    def check_in(self, event_id: str, member_id: str, at: datetime) -> bool:
        """Mark the member in; False when they already were (a second scan changes nothing)."""
        done = self.conn.execute(
            update(event_signups)
            .where(
                event_signups.c.event_id == event_id,
                event_signups.c.member_id == member_id,
                event_signups.c.checked_in_at.is_(None),
            )
            .values(checked_in_at=at)
        )
        return done.rowcount == 1

    def erase_places(self, member_ids: Sequence[str]) -> int:
        done = self.conn.execute(
            delete(event_signups).where(event_signups.c.member_id.in_(list(member_ids)))
        )
        return int(done.rowcount or 0)
