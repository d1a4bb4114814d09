"""Repositories that keep their writes for one bulk write, and answer reads as if they were written.

Each wraps the real repository of a chunk's transaction (``batch_writes.py``
opens them, and keeps the outbox's events itself). What they keep is in ``Pending``; what they loaded or were given
is cached as the database will hold it once ``Pending`` is written. A read a
cache cannot answer either adds the kept writes to the database's answer
(counts and sums), or first has everything kept written (``flush``) and then
asks the database: slower, never different.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from loyalty_desktop.domain.ledger import Lot, Movement, MovementKind
from loyalty_desktop.domain.members import Member
from loyalty_desktop.domain.phones import phone_tail
from loyalty_desktop.domain.sales import Refund, Sale
from loyalty_desktop.domain.tier_changes import TierChange
from loyalty_desktop.services.ports import (
    LedgerRepository,
    MemberRepository,
    OutboxEvent,
    SaleRepository,
    SpendEntry,
    SpendWindow,
)

Flush = Callable[[], None]
_EARNING = {MovementKind.EARN, MovementKind.ACTIVITY}
_UNEARNING = {MovementKind.REFUND_REVERSAL, MovementKind.RETURN_REVERSAL}


def _copy(lot: Lot) -> Lot:
    """A lot the caller may change (``dataclasses.replace`` costs five times as much)."""
    return Lot(lot.id, lot.member_id, lot.at, lot.expires_at, lot.points, lot.remaining, lot.source)


@dataclass
class Pending:
    """Writes kept for the bulk write, in the order they were made."""

    members: list[Member] = field(default_factory=list)
    totals: dict[str, Member] = field(default_factory=dict)  # the newest totals per member
    sales: list[Sale] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    events: list[tuple[OutboxEvent, str]] = field(default_factory=list)  # (event, device id)
    tier_changes: list[TierChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(
            self.members
            or self.totals
            or self.sales
            or self.movements
            or self.events
            or self.tier_changes
        )

    def clear(self) -> None:
        """Forget every kept write (written, or rolled back)."""
        self.members, self.totals, self.sales, self.movements, self.events = [], {}, [], [], []
        self.tier_changes = []


class BatchMembers:
    """Members: those of the chunk held in memory, new ones and new totals kept."""

    def __init__(self, real: MemberRepository, pending: Pending, flush: Flush) -> None:
        self.real, self.pending, self.flush = real, pending, flush
        self.stored: dict[str, Member] = {}  # id -> the member as the database will hold it
        self.locked: set[str] = set()
        self.added: dict[str, str] = {}  # member number -> id, of members added here
        self.fresh: set[str] = set()  # ids of members added here (no lots before)
        self._next_card: dict[tuple[int, int] | None, int] = {}

    def remember(self, found: Sequence[Member], *, locked: bool) -> None:
        """Hold these members as read from the database (the chunk's members, loaded at once)."""
        for member in found:
            self.stored.setdefault(member.id, copy.copy(member))
            if locked:
                self.locked.add(member.id)

    def _held(self, member: Member | None, *, locked: bool) -> Member | None:
        """The member as held here if it is (a read from the database may be behind)."""
        if member is None:
            return None
        if member.id not in self.stored:
            self.remember([member], locked=locked)
            return member
        if locked:
            self.locked.add(member.id)
        return copy.copy(self.stored[member.id])

    def get(self, member_id: str, *, for_update: bool = False) -> Member | None:
        held = self.stored.get(member_id)
        if held is not None and (not for_update or member_id in self.locked):
            return copy.copy(held)
        return self._held(self.real.get(member_id, for_update=for_update), locked=for_update)

    def by_number(self, member_no: str, *, for_update: bool = False) -> Member | None:
        if member_no in self.added:
            return copy.copy(self.stored[self.added[member_no]])
        found = self.real.by_number(member_no, for_update=for_update)
        return self._held(found, locked=for_update)

    def by_numbers(self, member_nos: Sequence[str]) -> list[Member]:
        self.flush()  # the kept members are written first, so the database answers for all
        return [self._held(m, locked=False) or m for m in self.real.by_numbers(member_nos)]

    def by_card(self, card_no: int, *, for_update: bool = False) -> Member | None:
        added = next((m for m in self.pending.members if m.card_no == card_no), None)
        if added is not None:
            return copy.copy(self.stored[added.id])
        return self._held(self.real.by_card(card_no, for_update=for_update), locked=for_update)

    def _also_added(
        self, found: list[Member], matches: Callable[[Member], bool], order: Callable[[Member], str]
    ) -> list[Member]:
        """Members found in the database, as held here, with the added ones that match too."""
        held = [self._held(m, locked=False) or m for m in found]
        added = [copy.copy(self.stored[m.id]) for m in self.pending.members if matches(m)]
        return sorted(held + added, key=order) if added else held

    def by_phone(self, phone: str, limit: int = 10) -> list[Member]:
        found = self._also_added(
            self.real.by_phone(phone, limit),
            lambda m: m.phone == phone and m.active,
            lambda m: m.created_at.isoformat(),
        )
        return found[:limit]

    def by_phone_tail(self, tail: str, limit: int = 5) -> list[Member]:
        found = self._also_added(
            self.real.by_phone_tail(tail, limit),
            lambda m: m.phone is not None and phone_tail(m.phone) == tail and m.active,
            lambda m: m.member_no,
        )
        return found[:limit]

    def add(self, member: Member) -> None:
        kept = copy.copy(member)
        self.pending.members.append(kept)
        self.stored[member.id] = copy.copy(member)
        self.locked.add(member.id)
        self.added[member.member_no] = member.id
        self.fresh.add(member.id)
        for within, card in self._next_card.items():
            if within is None or within[0] <= member.card_no <= within[1]:
                self._next_card[within] = max(card, member.card_no + 1)

    def add_many(self, members: Sequence[Member]) -> None:
        for member in members:
            self.add(member)

    def save(self, member: Member) -> None:
        self.flush()
        self.real.save(member)
        self.stored[member.id] = copy.copy(member)  # not the copy the flush just wrote

    def save_totals(self, member: Member) -> None:
        held = self.stored.get(member.id)
        if held is None:
            held = self.stored[member.id] = copy.copy(member)
        else:
            held.balance, held.lifetime_spend = member.balance, member.lifetime_spend
            held.points_earned, held.tier = member.points_earned, member.tier
            held.last_movement_at = member.last_movement_at
        # The held copy changes only here and in ``save``, so it is what to write.
        self.pending.totals[member.id] = held

    def save_totals_many(self, members: Sequence[Member]) -> None:
        for member in members:
            self.save_totals(member)

    def get_many(self, member_ids: Sequence[str], *, for_update: bool = False) -> list[Member]:
        return [m for i in member_ids if (m := self.get(i, for_update=for_update)) is not None]

    def next_card_no(self, within: tuple[int, int] | None = None) -> int:
        if within not in self._next_card:
            self.flush()  # members added here are written first, so the database answers
            self._next_card[within] = self.real.next_card_no(within)
        return self._next_card[within]

    def merged_into(self, member_id: str) -> list[str]:
        if any(m.merged_into for m in self.pending.members):
            self.flush()
        return self.real.merged_into(member_id)

    def add_tier_change(self, change: TierChange) -> None:
        self.pending.tier_changes.append(change)

    def add_tier_changes(self, changes: Sequence[TierChange]) -> None:
        self.pending.tier_changes.extend(changes)

    def tier_changes(self, member_id: str) -> list[TierChange]:
        self.flush()
        return self.real.tier_changes(member_id)

    def active(self) -> Iterator[Member]:
        self.flush()
        return self.real.active()


class BatchLedger:
    """Movements kept in order; the open lots of the chunk's members held and kept current."""

    def __init__(
        self, real: LedgerRepository, pending: Pending, flush: Flush, fresh: set[str]
    ) -> None:
        self.real, self.pending, self.flush = real, pending, flush
        self.fresh = fresh  # members added in this transaction: no lots but those kept here
        self.held: dict[str, dict[str, Lot]] = {}  # member id -> lot id -> lot as stored
        self.lot_at: dict[str, Lot] = {}

    def remember(self, found: dict[str, list[Lot]], member_ids: Sequence[str]) -> None:
        """Hold the open lots of these members, as read from the database (none: empty)."""
        for member_id in member_ids:
            if member_id not in self.held:
                lots = {lot.id: lot for lot in found.get(member_id, [])}
                self.held[member_id] = lots
                self.lot_at.update(lots)

    def _holding(self, member_id: str) -> dict[str, Lot] | None:
        lots = self.held.get(member_id)
        if lots is None and member_id in self.fresh:
            lots = self.held[member_id] = {}
        return lots

    def add(self, movement: Movement) -> None:
        self.pending.movements.append(movement)
        for lot in movement.lots:
            lots = self._holding(lot.member_id)
            if lots is not None:
                lots[lot.id] = self.lot_at[lot.id] = replace(lot, remaining=lot.points)
        for allocation in movement.allocations:
            held = self.lot_at.get(allocation.lot_id)
            if held is None:  # a lot not held (emptied before, or another member's)
                self.held.clear()
                self.lot_at.clear()
                self.fresh.clear()
                return
            held.remaining -= allocation.points

    def add_many(self, movements: Sequence[Movement]) -> None:
        for movement in movements:
            self.add(movement)

    def lots(self, member_id: str) -> list[Lot]:
        lots = self._holding(member_id)
        if lots is None:
            if self._kept_for(member_id):
                self.flush()
            self.remember({member_id: self.real.lots(member_id)}, [member_id])
            lots = self.held[member_id]
        return [_copy(lot) for lot in lots.values() if lot.remaining > 0]

    def _kept_for(self, member_id: str) -> bool:
        """Whether a kept movement belongs to the member or opens a lot for them."""
        return any(
            m.member_id == member_id or any(lot.member_id == member_id for lot in m.lots)
            for m in self.pending.movements
        )

    def lots_of(self, member_ids: Sequence[str]) -> dict[str, list[Lot]]:
        found = {member_id: self.lots(member_id) for member_id in member_ids}
        return {member_id: lots for member_id, lots in found.items() if lots}

    def lots_by_ids(self, lot_ids: Sequence[str]) -> list[Lot]:
        self.flush()
        return self.real.lots_by_ids(lot_ids)

    def known(self, movement_ids: Sequence[str]) -> set[str]:
        self.flush()
        return self.real.known(movement_ids)

    def opened_by(self, lot_ids: Sequence[str], actor: str) -> set[str]:
        self.flush()
        return self.real.opened_by(lot_ids, actor)

    def history(self, member_ids: Sequence[str]) -> list[Movement]:
        self.flush()
        return self.real.history(member_ids)

    def by_request(self, request_id: str) -> Movement | None:
        self.flush()
        return self.real.by_request(request_id)

    def for_sale(self, sale_ref: str) -> list[Movement]:
        self.flush()
        return self.real.for_sale(sale_ref)

    def descendants(self, lot_ids: Sequence[str]) -> list[Lot]:
        self.flush()
        return self.real.descendants(lot_ids)

    def expired_from(self, lot_ids: Sequence[str]) -> int:
        self.flush()
        return self.real.expired_from(lot_ids)

    def lapsed_members(self, at: datetime) -> list[str]:
        self.flush()
        return self.real.lapsed_members(at)

    def count_kind(
        self,
        member_ids: Sequence[str],
        kind: str,
        start: datetime,
        end: datetime,
        activity: str | None = None,
    ) -> int:
        kept = sum(
            1
            for m in self.pending.movements
            if m.member_id in member_ids
            and m.kind.value == kind
            and start < m.at <= end
            and (activity is None or m.activity == activity)
        )
        return self.real.count_kind(member_ids, kind, start, end, activity) + kept

    def points_earned(self, member_ids: Sequence[str], until: datetime) -> int:
        kept = sum(
            m.points
            for m in self.pending.movements
            if m.member_id in member_ids and m.at <= until and m.kind in _EARNING | _UNEARNING
        )
        return self.real.points_earned(member_ids, until) + kept


class BatchSales:
    """New sales kept; spend windows of the chunk's members answered from what was loaded."""

    def __init__(self, real: SaleRepository, pending: Pending, flush: Flush) -> None:
        self.real, self.pending, self.flush = real, pending, flush
        self.numbers: set[str] = set()  # sale numbers kept
        self.spend: dict[str, list[SpendEntry]] = {}  # member id -> entries after ``since``
        self.since: datetime | None = None

    def remember(self, found: list[SpendEntry], member_ids: Sequence[str], since: datetime) -> None:
        """Hold these members' spend after ``since``, as read from the database."""
        self.spend = {member_id: [] for member_id in member_ids}
        self.since = since
        for entry in found:
            self.spend[entry.member_id].append(entry)

    def _forget_spend(self) -> None:
        self.spend, self.since = {}, None

    def get(self, sale_no: str) -> Sale | None:
        self.flush()
        return self.real.get(sale_no)

    def any(self) -> bool:
        return bool(self.pending.sales) or self.real.any()

    def existing(self, sale_nos: Sequence[str]) -> set[str]:
        return self.real.existing(sale_nos) | {no for no in sale_nos if no in self.numbers}

    def add(self, sale: Sale) -> None:
        self.pending.sales.append(sale)
        self.numbers.add(sale.sale_no)
        held = self.spend.get(sale.member_id) if sale.member_id else None
        if held is not None:
            held.append(SpendEntry(sale.member_id or "", sale.at, sale.at, sale.paid, sale.net > 0))

    def add_many(self, sales: Sequence[Sale]) -> None:
        for sale in sales:
            self.add(sale)

    def spend_since(self, member_ids: Sequence[str], since: datetime) -> list[SpendEntry]:
        self.flush()
        return self.real.spend_since(member_ids, since)

    def save_refund_state(self, sale: Sale) -> None:
        self.flush()
        self._forget_spend()
        self.real.save_refund_state(sale)

    def refund(self, refund_no: str) -> Refund | None:
        return self.real.refund(refund_no)  # refunds are never kept

    def add_refund(self, refund: Refund) -> None:
        self.flush()
        self._forget_spend()
        self.real.add_refund(refund)

    def refunds_of(self, sale_ref: str) -> list[Refund]:
        self.flush()
        return self.real.refunds_of(sale_ref)

    def window(self, member_id: str, start: datetime, end: datetime) -> SpendWindow:
        held = self.spend.get(member_id)
        if held is not None and self.since is not None and start >= self.since:
            inside = [e for e in held if start < e.sale_at <= end and e.at <= end]
            return SpendWindow(sum(e.paid for e in inside), sum(1 for e in inside if e.visit))
        kept = [s for s in self.pending.sales if s.member_id == member_id and start < s.at <= end]
        stored = self.real.window(member_id, start, end)
        return SpendWindow(
            stored.spend + sum(s.paid for s in kept),
            stored.visits + sum(1 for s in kept if s.net > 0),
        )

    def spend_until(self, member_id: str, until: datetime) -> int:
        kept = sum(s.paid for s in self.pending.sales if s.member_id == member_id and s.at <= until)
        return self.real.spend_until(member_id, until) + kept

    def of_member(self, member_id: str) -> list[Sale]:
        self.flush()
        return self.real.of_member(member_id)

    def reassign(self, from_member: str, to_member: str) -> int:
        self.flush()
        self._forget_spend()
        return self.real.reassign(from_member, to_member)

    def reward_taken(self, name: str) -> int:
        self.flush()
        return self.real.reward_taken(name)
