"""A unit of work for one chunk of an import: sales posted in memory, each table written once.

The import posts each sale of a chunk with the till's own ``record_sale``, in
time order, against this unit of work. It holds the chunk's members, their
open lots and (for tiers measured over a window) their spend, loaded with one
query each (a member the chunk reaches later, at the posting's first read of
them); the posting reads them from memory and sees every earlier sale of the
chunk. Its writes are kept and, at ``commit``, written with one statement
batch per table inside the chunk's own transaction, in the order a till's
statements would have left the rows. Reads it cannot answer from memory write
what is kept first (``batch_repositories.py``), so no rule of the posting
depends on this unit of work being used.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from types import TracebackType

from loyalty_desktop.services.batch_repositories import (
    BatchLedger,
    BatchMembers,
    BatchSales,
    Pending,
)
from loyalty_desktop.services.ports import (
    AuditRepository,
    MemberEventRepository,
    OfferRepository,
    OutboxEvent,
    OutboxRepository,
    ProductRepository,
    ProgramRepository,
    SettingsRepository,
    StaffRepository,
    SurveyRepository,
    UnitOfWork,
)


class BatchOutbox:
    """Events kept in order, numbered as the bulk write will number them."""

    def __init__(self, real: OutboxRepository, pending: Pending) -> None:
        self.real, self.pending = real, pending
        self.last: dict[str, int] = {}  # device id -> the newest sequence number handed out

    def add(self, event: OutboxEvent, device_id: str) -> int:
        """Keep an event; returns the sequence number the bulk write will give it."""
        seq = self.last_seq(device_id) + 1
        self.pending.events.append((event, device_id))
        self.last[device_id] = seq
        return seq

    def add_many(self, events: Sequence[OutboxEvent], device_id: str) -> list[int]:
        """Keep events in order; their sequence numbers."""
        return [self.add(event, device_id) for event in events]

    def last_seq(self, device_id: str) -> int:
        """The newest sequence number of the device, kept events counted."""
        if device_id not in self.last:  # every event of the device kept here went through add
            self.last[device_id] = self.real.last_seq(device_id)
        return self.last[device_id]

    def queued(self, key: str) -> OutboxEvent | None:
        """The event of this key, kept here or already written."""
        kept = next((e for e, _ in self.pending.events if e.key == key), None)
        return kept if kept is not None else self.real.queued(key)

    def count(self) -> int:
        """Events queued, kept ones counted."""
        return self.real.count() + len(self.pending.events)


class _Writer:
    """Writes what is kept into the real unit of work (the repositories call it before some reads).

    It knows the real unit of work and the kept writes, not the repositories, so
    a chunk's objects are freed as soon as the chunk is done, without waiting
    for the garbage collector to find a cycle.
    """

    def __init__(self, real: UnitOfWork, pending: Pending) -> None:
        self.real = real
        self.pending = pending
        self.seconds = 0.0

    def __call__(self) -> None:
        """Write everything kept, one statement batch per table, parents before children."""
        kept = self.pending
        if not kept:
            return
        started = time.perf_counter()
        self.real.members.add_many(kept.members)
        self.real.sales.add_many(kept.sales)
        self.real.ledger.add_many(kept.movements)
        for device_id, events in _by_device(kept.events):
            self.real.outbox.add_many(events, device_id)
        self.real.members.save_totals_many(list(kept.totals.values()))
        self.real.members.add_tier_changes(kept.tier_changes)
        kept.clear()
        self.seconds += time.perf_counter() - started


class BatchUnitOfWork:
    """The chunk's unit of work over the real one (whose transaction it writes in)."""

    def __init__(self, real: UnitOfWork) -> None:
        self.real = real
        self.pending = Pending()
        self.flush = _Writer(real, self.pending)
        self._hold_nothing()

    @property
    def flush_seconds(self) -> float:
        """Time spent writing what was kept."""
        return self.flush.seconds

    def _hold_nothing(self) -> None:
        self.members = BatchMembers(self.real.members, self.pending, self.flush)
        self.ledger = BatchLedger(self.real.ledger, self.pending, self.flush, self.members.fresh)
        self.sales = BatchSales(self.real.sales, self.pending, self.flush)
        self.outbox = BatchOutbox(self.real.outbox, self.pending)

    @property
    def programs(self) -> ProgramRepository:
        """Programme versions (never kept: read and written as they are)."""
        return self.real.programs

    @property
    def staff(self) -> StaffRepository:
        """Staff accounts (as they are)."""
        return self.real.staff

    @property
    def products(self) -> ProductRepository:
        """The product catalogue (as it is)."""
        return self.real.products

    @property
    def audit(self) -> AuditRepository:
        """The audit log (as it is)."""
        return self.real.audit

    @property
    def settings(self) -> SettingsRepository:
        """Installation settings (as they are)."""
        return self.real.settings

    @property
    def member_events(self) -> MemberEventRepository:
        """Member events and sign-ups (as they are)."""
        return self.real.member_events

    @property
    def surveys(self) -> SurveyRepository:
        """Survey answers (as they are)."""
        return self.real.surveys

    @property
    def offers(self) -> OfferRepository:
        """Targeted offers and coupons (as they are)."""
        return self.real.offers

    def load(self, member_ids: Sequence[str], spend_since: datetime | None = None) -> None:
        """Hold these members (locked), their open lots and, if asked, their spend after ``spend_since``."""
        self.flush()
        ids = [i for i in dict.fromkeys(member_ids) if i not in self.members.stored]
        if not ids:
            return
        self.members.remember(self.real.members.get_many(ids, for_update=True), locked=True)
        self.ledger.remember(self.real.ledger.lots_of(ids), ids)
        if spend_since is not None and self.sales.since is None:
            self.sales.remember(self.real.sales.spend_since(ids, spend_since), ids, spend_since)

    def __enter__(self) -> BatchUnitOfWork:
        """The real unit of work is already open; its transaction is this one's."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Whatever was kept and not committed is dropped (the real unit of work rolls back)."""
        self.pending.clear()

    def commit(self) -> None:
        """Write what was kept, then commit the real transaction."""
        self.flush()
        self.real.commit()

    def rollback(self) -> None:
        """Drop what was kept and held, and roll the real transaction back."""
        self.pending.clear()
        self.real.rollback()
        self._hold_nothing()

    def after_commit(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the real transaction has committed."""
        self.real.after_commit(action)

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """The real savepoint, with what was kept written first and forgotten if it raises."""
        self.flush()
        try:
            with self.real.savepoint():
                yield
                self.flush()
        except BaseException:
            self.pending.clear()
            self._hold_nothing()
            raise


def _by_device(events: list[tuple[OutboxEvent, str]]) -> list[tuple[str, list[OutboxEvent]]]:
    """Runs of consecutive events of one device (in practice one run: this installation's)."""
    runs: list[tuple[str, list[OutboxEvent]]] = []
    for event, device_id in events:
        if not runs or runs[-1][0] != device_id:
            runs.append((device_id, []))
        runs[-1][1].append(event)
    return runs
