"""In-memory implementations of the service ports, for fast service tests without a database.

A transaction works on a deep copy of the store; commit swaps it in, so a
refused request leaves nothing behind, exactly as the real unit of work does.
"""

from __future__ import annotations

import contextlib
import copy
import json
import unicodedata
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from types import TracebackType
from typing import Any

import pandas as pd

from loyalty_desktop.analytics.ports import (
    LINE_COLUMNS,
    OpenLot,
    PointsDue,
    SalesTotals,
    points_due_in,
)
from loyalty_desktop.domain.audit import entry_mac
from loyalty_desktop.domain.coupons import IssuedCoupon
from loyalty_desktop.domain.ledger import Lot, Movement
from loyalty_desktop.domain.member_events import MemberEvent, Signup
from loyalty_desktop.domain.members import Member, MemberStatus
from loyalty_desktop.domain.offers import Offer, OfferTarget
from loyalty_desktop.domain.phones import looks_like_phone, mask_phone, normalize_phone
from loyalty_desktop.domain.products import Product
from loyalty_desktop.domain.sales import Refund, Sale
from loyalty_desktop.domain.surveys import SurveyAnswer
from loyalty_desktop.domain.tier_changes import TierChange
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.ports import (
    AuditEntry,
    Clock,
    Conflict,
    OutboxEvent,
    SpendEntry,
    SpendWindow,
    StaffRecord,
)
from loyalty_desktop.services.read_models import (
    AuditFilter,
    AuditRow,
    LedgerCursor,
    LedgerRow,
    MemberCursor,
    MemberFilter,
    MemberRow,
    MemberSort,
    SaleCursor,
    SaleRow,
)

FIRST_CARD_NO = 10_000_001


@dataclass
class Store:
    """Everything a fake database holds."""

    members: dict[str, Member] = field(default_factory=dict)
    movements: list[Movement] = field(default_factory=list)
    lots: dict[str, Lot] = field(default_factory=dict)
    sales: dict[str, Sale] = field(default_factory=dict)
    refunds: dict[str, Refund] = field(default_factory=dict)
    programs: list[str] = field(default_factory=list)
    staff: dict[str, StaffRecord] = field(default_factory=dict)
    outbox: list[tuple[str, int, OutboxEvent]] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    tier_changes: list[TierChange] = field(default_factory=list)
    member_events: dict[str, MemberEvent] = field(default_factory=dict)
    signups: dict[tuple[str, str], Signup] = field(default_factory=dict)
    surveys: list[SurveyAnswer] = field(default_factory=list)
    offers: dict[str, Offer] = field(default_factory=dict)
    offer_targets: dict[tuple[str, str], OfferTarget] = field(default_factory=dict)
    coupons: dict[int, IssuedCoupon] = field(default_factory=dict)
    coupon_receipts: dict[int, str] = field(default_factory=dict)  # number -> sale_no
    offer_opt_outs: dict[str, datetime] = field(default_factory=dict)


class FakeMembers:
    def __init__(self, store: Store) -> None:
        self.s = store

    def get(self, member_id: str, *, for_update: bool = False) -> Member | None:
        m = self.s.members.get(member_id)
        return copy.copy(m) if m else None

    def by_number(self, member_no: str, *, for_update: bool = False) -> Member | None:
        return next(
            (copy.copy(m) for m in self.s.members.values() if m.member_no == member_no), None
        )

    def by_card(self, card_no: int, *, for_update: bool = False) -> Member | None:
        return next((copy.copy(m) for m in self.s.members.values() if m.card_no == card_no), None)

    def by_numbers(self, member_nos: Sequence[str]) -> list[Member]:
        wanted = set(member_nos)
        return [copy.copy(m) for m in self.s.members.values() if m.member_no in wanted]

    def by_phone(self, phone: str, limit: int = 10) -> list[Member]:
        found = [
            m
            for m in self.s.members.values()
            if m.phone == phone and m.status is MemberStatus.ACTIVE
        ]
        return [copy.copy(m) for m in found[:limit]]

    def by_phone_tail(self, tail: str, limit: int = 5) -> list[Member]:
        found = [
            m
            for m in self.s.members.values()
            if m.phone and m.phone.endswith(tail) and m.status is MemberStatus.ACTIVE
        ]
        return [copy.copy(m) for m in sorted(found, key=lambda m: m.member_no)[:limit]]

    def add(self, member: Member) -> None:
        if any(
            m.member_no == member.member_no or m.card_no == member.card_no
            for m in self.s.members.values()
        ):
            raise AssertionError("unique member number / card number violated")
        self.s.members[member.id] = copy.copy(member)

    def save(self, member: Member) -> None:
        self.s.members[member.id] = copy.copy(member)

    def save_totals(self, member: Member) -> None:
        stored = self.s.members[member.id]
        for name in ("balance", "lifetime_spend", "points_earned", "tier", "last_movement_at"):
            setattr(stored, name, getattr(member, name))

    def get_many(self, member_ids: Sequence[str], *, for_update: bool = False) -> list[Member]:
        return [
            copy.copy(self.s.members[i]) for i in dict.fromkeys(member_ids) if i in self.s.members
        ]

    def add_many(self, members: Sequence[Member]) -> None:
        for member in members:
            self.add(member)

    def save_totals_many(self, members: Sequence[Member]) -> None:
        for member in members:
            self.save_totals(member)

    def next_card_no(self, within: tuple[int, int] | None = None) -> int:
        if within is None:
            return max([FIRST_CARD_NO - 1, *(m.card_no for m in self.s.members.values())]) + 1
        first, last = within
        held = [m.card_no for m in self.s.members.values() if first <= m.card_no <= last]
        return max(held) + 1 if held else first

    def merged_into(self, member_id: str) -> list[str]:
        found: list[str] = []
        frontier = [member_id]
        while frontier:
            frontier = [
                m.id
                for m in self.s.members.values()
                if m.merged_into in frontier and m.id not in found
            ]
            found.extend(frontier)
        return found

    def active(self) -> Iterator[Member]:
        for m in sorted(self.s.members.values(), key=lambda m: m.id):
            if m.status is MemberStatus.ACTIVE:
                yield copy.copy(m)

    def add_tier_change(self, change: TierChange) -> None:
        self.s.tier_changes.append(change)

    def add_tier_changes(self, changes: Sequence[TierChange]) -> None:
        self.s.tier_changes.extend(changes)

    def tier_changes(self, member_id: str) -> list[TierChange]:
        found = [c for c in self.s.tier_changes if c.member_id == member_id]
        return sorted(found, key=lambda c: c.at)


class FakeLedger:
    def __init__(self, store: Store) -> None:
        self.s = store

    def add(self, movement: Movement) -> None:
        stored = replace(
            movement, lots=tuple(replace(lot, remaining=lot.points) for lot in movement.lots)
        )
        for lot in stored.lots:
            self.s.lots[lot.id] = replace(lot)
        for a in movement.allocations:
            self.s.lots[a.lot_id].remaining -= a.points
        self.s.movements.append(stored)

    def lots(self, member_id: str) -> list[Lot]:
        return [
            replace(lot)
            for lot in self.s.lots.values()
            if lot.member_id == member_id and lot.remaining > 0
        ]

    def add_many(self, movements: Sequence[Movement]) -> None:
        for movement in movements:
            self.add(movement)

    def lots_of(self, member_ids: Sequence[str]) -> dict[str, list[Lot]]:
        found = {member_id: self.lots(member_id) for member_id in member_ids}
        return {member_id: lots for member_id, lots in found.items() if lots}

    def lots_by_ids(self, lot_ids: Sequence[str]) -> list[Lot]:
        return [replace(self.s.lots[i]) for i in lot_ids if i in self.s.lots]

    def known(self, movement_ids: Sequence[str]) -> set[str]:
        return {m.id for m in self.s.movements} & set(movement_ids)

    def opened_by(self, lot_ids: Sequence[str], actor: str) -> set[str]:
        return {lot.id for m in self.s.movements if m.actor == actor for lot in m.lots} & set(
            lot_ids
        )

    def history(self, member_ids: Sequence[str]) -> list[Movement]:
        return sorted(
            (m for m in self.s.movements if m.member_id in member_ids), key=lambda m: m.at
        )

    def by_request(self, request_id: str) -> Movement | None:
        return next((m for m in self.s.movements if m.request_id == request_id), None)

    def for_sale(self, sale_ref: str) -> list[Movement]:
        return [m for m in self.s.movements if m.sale_ref == sale_ref]

    def descendants(self, lot_ids: Sequence[str]) -> list[Lot]:
        found: list[Lot] = []
        seen = set(lot_ids)
        frontier = set(lot_ids)
        while frontier:
            batch = [lot for lot in self.s.lots.values() if lot.source in frontier]
            frontier = {lot.id for lot in batch if lot.id not in seen}
            seen |= frontier
            found.extend(replace(lot) for lot in batch if lot.id in frontier)
        return found

    def expired_from(self, lot_ids: Sequence[str]) -> int:
        return sum(
            a.points
            for m in self.s.movements
            if m.kind.value == "expire"
            for a in m.allocations
            if a.lot_id in lot_ids
        )

    def lapsed_members(self, at: datetime) -> list[str]:
        return sorted(
            {
                lot.member_id
                for lot in self.s.lots.values()
                if lot.remaining > 0 and lot.expires_at is not None and lot.expires_at <= at
            }
        )

    def count_kind(
        self,
        member_ids: Sequence[str],
        kind: str,
        start: datetime,
        end: datetime,
        activity: str | None = None,
    ) -> int:
        return sum(
            1
            for m in self.s.movements
            if m.member_id in member_ids
            and m.kind.value == kind
            and start < m.at <= end
            and (activity is None or m.activity == activity)
        )

    def points_earned(self, member_ids: Sequence[str], until: datetime) -> int:
        kinds = {"earn", "activity", "refund_reversal", "return_reversal"}
        return sum(
            m.points
            for m in self.s.movements
            if m.member_id in member_ids and m.at <= until and m.kind.value in kinds
        )


class FakeSales:
    def __init__(self, store: Store) -> None:
        self.s = store

    def get(self, sale_no: str) -> Sale | None:
        sale = self.s.sales.get(sale_no)
        return copy.deepcopy(sale) if sale else None

    def any(self) -> bool:
        return bool(self.s.sales)

    def reward_taken(self, name: str) -> int:
        return sum(
            1
            for sale in self.s.sales.values()
            if sale.refunded_net < sale.net and any(r.name == name for r in sale.rewards)
        )

    def existing(self, sale_nos: Sequence[str]) -> set[str]:
        return {sid for sid in sale_nos if sid in self.s.sales}

    def add(self, sale: Sale) -> None:
        if sale.sale_no in self.s.sales:
            raise AssertionError("unique sale id violated")
        self.s.sales[sale.sale_no] = copy.deepcopy(sale)

    def add_many(self, sales: Sequence[Sale]) -> None:
        for sale in sales:
            self.add(sale)

    def spend_since(self, member_ids: Sequence[str], since: datetime) -> list[SpendEntry]:
        chosen = {
            s.id: s for s in self.s.sales.values() if s.member_id in member_ids and s.at > since
        }
        return [
            SpendEntry(s.member_id or "", s.at, s.at, s.paid, s.net > 0) for s in chosen.values()
        ] + [
            SpendEntry(sale.member_id or "", sale.at, r.at, -r.paid_back, False)
            for r in self.s.refunds.values()
            if (sale := chosen.get(r.sale_ref)) is not None
        ]

    def save_refund_state(self, sale: Sale) -> None:
        self.s.sales[sale.sale_no] = copy.deepcopy(sale)

    def refund(self, refund_no: str) -> Refund | None:
        return copy.deepcopy(self.s.refunds.get(refund_no))

    def add_refund(self, refund: Refund) -> None:
        self.s.refunds[refund.refund_no] = copy.deepcopy(refund)

    def refunds_of(self, sale_ref: str) -> list[Refund]:
        return [copy.deepcopy(r) for r in self.s.refunds.values() if r.sale_ref == sale_ref]

    def window(self, member_id: str, start: datetime, end: datetime) -> SpendWindow:
        chosen = [
            s for s in self.s.sales.values() if s.member_id == member_id and start < s.at <= end
        ]
        back = sum(
            r.paid_back
            for r in self.s.refunds.values()
            if r.at <= end and any(r.sale_ref == s.id for s in chosen)
        )
        return SpendWindow(sum(s.paid for s in chosen) - back, sum(1 for s in chosen if s.net > 0))

    def spend_until(self, member_id: str, until: datetime) -> int:
        mine = {s.id: s for s in self.s.sales.values() if s.member_id == member_id}
        paid = sum(s.paid for s in mine.values() if s.at <= until)
        back = sum(
            r.paid_back for r in self.s.refunds.values() if r.sale_ref in mine and r.at <= until
        )
        return paid - back

    def of_member(self, member_id: str) -> list[Sale]:
        return sorted(
            (copy.deepcopy(s) for s in self.s.sales.values() if s.member_id == member_id),
            key=lambda s: s.at,
        )

    def reassign(self, from_member: str, to_member: str) -> int:
        moved = [s for s in self.s.sales.values() if s.member_id == from_member]
        for sale in moved:
            sale.member_id = to_member
        return len(moved)


class FakePrograms:
    def __init__(self, store: Store) -> None:
        self.s = store

    def current(self) -> tuple[int, str] | None:
        return (len(self.s.programs), self.s.programs[-1]) if self.s.programs else None

    def text(self, program_id: int) -> str | None:
        return self.s.programs[program_id - 1] if 0 < program_id <= len(self.s.programs) else None

    def versions(self) -> list[tuple[int, str]]:
        return list(enumerate(self.s.programs, start=1))

    def add(self, text: str, at: datetime) -> int:
        self.s.programs.append(text)
        return len(self.s.programs)


class FakeStaff:
    def __init__(self, store: Store) -> None:
        self.s = store

    def by_name(self, name: str) -> StaffRecord | None:
        return self.s.staff.get(name)

    def add(self, staff: StaffRecord) -> None:
        self.s.staff[staff.name] = staff

    def save(self, staff: StaffRecord) -> None:
        self.s.staff[staff.name] = staff

    def all(self) -> list[StaffRecord]:
        return sorted(self.s.staff.values(), key=lambda s: s.name)


class FakeProducts:
    def __init__(self, store: Store) -> None:
        self.s = store

    def get(self, sku: str) -> Product | None:
        return self.s.products.get(sku)

    def by_barcode(self, barcode: str) -> Product | None:
        return next((p for p in self.s.products.values() if p.barcode == barcode), None)

    def by_code_any_case(self, code: str, limit: int) -> list[Product]:
        folded = code.lower()
        found = [
            p for p in self.all() if p.sku.lower() == folded or (p.barcode or "").lower() == folded
        ]
        return found[:limit]

    def search(self, text: str, limit: int) -> list[Product]:
        folded = text.lower()

        def matches(p: Product) -> bool:
            return p.sku.lower().startswith(folded) or folded in p.name.lower()

        def prefix(p: Product) -> int:
            return 0 if p.sku.lower().startswith(folded) or p.name.lower().startswith(folded) else 1

        found = [p for p in self.s.products.values() if p.active and matches(p)]
        return sorted(found, key=lambda p: (prefix(p), p.name, p.sku))[:limit]

    def all(self) -> list[Product]:
        return sorted(self.s.products.values(), key=lambda p: p.sku)

    def _matching(self, text: str) -> list[Product]:
        folded = text.lower()
        return [
            p
            for p in self.all()
            if folded in p.sku.lower()
            or folded in p.name.lower()
            or folded in (p.category or "").lower()
            or (p.barcode or "").lower().startswith(folded)
        ]

    def listing(
        self, text: str, sort: str, descending: bool, offset: int, limit: int
    ) -> list[Product]:
        found = sorted(self._matching(text), key=lambda p: p.sku)
        found.sort(key=lambda p: (getattr(p, sort) is not None, getattr(p, sort) or 0))
        if descending:
            found.reverse()
        return found[offset : offset + limit]

    def count(self, text: str) -> int:
        return len(self._matching(text))

    def add(self, product: Product) -> None:
        if product.sku in self.s.products:
            raise Conflict(f"products.sku {product.sku}")
        self._barcode_free(product)
        self.s.products[product.sku] = product

    def save(self, product: Product) -> None:
        self._barcode_free(product)
        self.s.products[product.sku] = product

    def _barcode_free(self, product: Product) -> None:
        # As the unique index does: a barcode belongs to one product.
        other = product.barcode and self.by_barcode(product.barcode)
        if other and other.sku != product.sku:
            raise Conflict(f"products.barcode {product.barcode}")


class FakeOutbox:
    def __init__(self, store: Store) -> None:
        self.s = store

    def add(self, event: OutboxEvent, device_id: str) -> int:
        if any(e.key == event.key for _, _, e in self.s.outbox):
            raise AssertionError(f"outbox key {event.key} used twice")
        seq = 1 + sum(1 for d, _, _ in self.s.outbox if d == device_id)
        self.s.outbox.append((device_id, seq, event))
        return seq

    def add_many(self, events: Sequence[OutboxEvent], device_id: str) -> list[int]:
        return [self.add(event, device_id) for event in events]

    def last_seq(self, device_id: str) -> int:
        return sum(1 for d, _, _ in self.s.outbox if d == device_id)

    def queued(self, key: str) -> OutboxEvent | None:
        return next((e for _, _, e in self.s.outbox if e.key == key), None)

    def count(self) -> int:
        return len(self.s.outbox)


class FakeAudit:
    def __init__(self, store: Store) -> None:
        self.s = store

    def last(self) -> AuditEntry | None:
        return self.s.audit[-1] if self.s.audit else None

    def append(self, entry: AuditEntry) -> None:
        self.s.audit.append(entry)

    def all(self) -> Iterator[AuditEntry]:
        yield from self.s.audit

    def reseal(self, entry: AuditEntry) -> None:
        self.s.audit[entry.seq - 1] = entry


class FakeSettings:
    def __init__(self, store: Store) -> None:
        self.s = store

    def get(self, key: str) -> str | None:
        return self.s.settings.get(key)

    def set(self, key: str, value: str) -> None:
        self.s.settings[key] = value


class FakeMemberEvents:
    def __init__(self, store: Store) -> None:
        self.s = store

    def add(self, event: MemberEvent) -> None:
        if event.id in self.s.member_events:
            raise Conflict(f"member_events.id {event.id}")
        self.s.member_events[event.id] = event

    def get(self, event_id: str) -> MemberEvent | None:
        return self.s.member_events.get(event_id)

    def listing(self, ending_after: datetime | None, limit: int) -> list[MemberEvent]:
        found = [
            e
            for e in self.s.member_events.values()
            if ending_after is None or e.ends_at > ending_after
        ]
        return sorted(found, key=lambda e: (e.starts_at, e.id))[:limit]

    def counts(self, event_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        counts: dict[str, tuple[int, int]] = {}
        for (event_id, _), signup in self.s.signups.items():
            if event_id in event_ids:
                signed, came = counts.get(event_id, (0, 0))
                counts[event_id] = (signed + 1, came + (signup.checked_in_at is not None))
        return counts

    def places_of(self, member_ids: Sequence[str]) -> list[tuple[MemberEvent, Signup]]:
        found = [
            (self.s.member_events[e], signup)
            for (e, m), signup in self.s.signups.items()
            if m in member_ids
        ]
        return sorted(found, key=lambda pair: (pair[0].starts_at, pair[0].id))

    def hold_places(self, event_id: str) -> None:
        """One writer at a time in the fakes: nothing to hold."""

    def add_signup(self, signup: Signup) -> None:
        key = (signup.event_id, signup.member_id)
        if key in self.s.signups:
            raise Conflict(f"event_signups {key}")
        self.s.signups[key] = signup

    def signup(self, event_id: str, member_id: str) -> Signup | None:
        return self.s.signups.get((event_id, member_id))

    def signups(self, event_id: str) -> list[Signup]:
        found = [s for (e, _), s in self.s.signups.items() if e == event_id]
        return sorted(found, key=lambda s: (s.signed_up_at, s.member_no))

    def check_in(self, event_id: str, member_id: str, at: datetime) -> bool:
        signup = self.s.signups.get((event_id, member_id))
        if signup is None or signup.checked_in_at is not None:
            return False
        self.s.signups[(event_id, member_id)] = replace(signup, checked_in_at=at)
        return True

    def erase_places(self, member_ids: Sequence[str]) -> int:
        gone = [key for key in self.s.signups if key[1] in member_ids]
        for key in gone:
            del self.s.signups[key]
        return len(gone)


class FakeSurveys:
    def __init__(self, store: Store) -> None:
        self.s = store

    def add_many(self, answers: Sequence[SurveyAnswer]) -> None:
        taken = {a.sale_no for a in self.s.surveys if a.sale_no}
        for answer in answers:
            if answer.sale_no and answer.sale_no in taken:
                raise Conflict(f"survey_answers.sale_no {answer.sale_no}")
            if answer.sale_no:
                taken.add(answer.sale_no)
        self.s.surveys.extend(answers)

    def for_sales(self, sale_nos: Sequence[str]) -> dict[str, SurveyAnswer]:
        return {a.sale_no: a for a in self.s.surveys if a.sale_no and a.sale_no in sale_nos}

    def of_members(self, member_ids: Sequence[str]) -> list[SurveyAnswer]:
        found = [a for a in self.s.surveys if a.member_id in member_ids]
        return sorted(found, key=lambda a: (a.at, a.id))

    def between(self, start: datetime, end: datetime) -> list[SurveyAnswer]:
        return sorted(
            (a for a in self.s.surveys if start < a.at <= end), key=lambda a: (a.at, a.id)
        )

    def erase(self, member_ids: Sequence[str]) -> int:
        kept = [a for a in self.s.surveys if a.member_id not in member_ids]
        gone = len(self.s.surveys) - len(kept)
        self.s.surveys[:] = kept
        return gone


class FakeOffers:
    def __init__(self, store: Store) -> None:
        self.s = store

    def add(self, offer: Offer) -> None:
        self.s.offers[offer.id] = offer

    def get(self, offer_id: str) -> Offer | None:
        return self.s.offers.get(offer_id)

    def listing(self, limit: int) -> list[Offer]:
        return sorted(self.s.offers.values(), key=lambda o: (o.created_at or 0, o.id))[::-1][:limit]

    def targets(self, offer_id: str) -> dict[str, OfferTarget]:
        return {m: t for (o, m), t in self.s.offer_targets.items() if o == offer_id}

    def add_targets(self, targets: Sequence[OfferTarget]) -> None:
        for t in targets:
            if (t.offer_id, t.member_id) in self.s.offer_targets:
                raise Conflict(f"offer_targets {t.offer_id} {t.member_id}")
            self.s.offer_targets[(t.offer_id, t.member_id)] = t

    def lock(self, offer_id: str) -> None:
        pass  # one thread at a time

    def forget_rules(self, member_ids: Sequence[str], said: str) -> int:
        keys = [k for k, t in self.s.offer_targets.items() if t.member_id in member_ids]
        for k in keys:
            self.s.offer_targets[k] = replace(self.s.offer_targets[k], rule=said)
        return len(keys)

    def add_coupons(self, issued: Sequence[IssuedCoupon]) -> None:
        for c in issued:
            self.s.coupons[c.number] = c

    def last_coupon_number(self, within: tuple[int, int] | None = None) -> int:
        low, high = within or (0, 10**12)
        return max((n for n in self.s.coupons if low <= n <= high), default=0)

    def coupons_named(self, numbers: Sequence[int], ids: Sequence[str]) -> list[tuple[int, str]]:
        return [(n, c.id) for n, c in self.s.coupons.items() if n in numbers or c.id in ids]

    def coupon(self, number: int) -> IssuedCoupon | None:
        return self.s.coupons.get(number)

    def coupon_of_sale(self, sale_no: str) -> IssuedCoupon | None:
        return next((c for c in self.s.coupons.values() if c.sale_no == sale_no), None)

    def coupons(self, offer_id: str, member_id: str | None = None) -> list[IssuedCoupon]:
        return sorted(
            (
                c
                for c in self.s.coupons.values()
                if c.offer_id == offer_id and member_id in (None, c.member_id)
            ),
            key=lambda c: c.number,
        )

    def open_coupons_of(self, member_id: str, limit: int) -> list[IssuedCoupon]:
        mine = [
            c for c in self.s.coupons.values() if c.member_id == member_id and c.redeemed_at is None
        ]
        return sorted(mine, key=lambda c: c.number)[:limit]

    def redeem(self, number: int, at: datetime, sale_no: str, money_off: int, points: int) -> bool:
        found = self.s.coupons.get(number)
        if found is None or found.redeemed_at is not None:
            return False
        self.s.coupons[number] = replace(
            found, redeemed_at=at, sale_no=sale_no, money_off=money_off, points=points
        )
        return True

    def used_elsewhere(self, coupon_id: str, at: datetime, sale_no: str) -> bool:
        for number, found in self.s.coupons.items():
            if found.id == coupon_id and found.redeemed_at is None:
                self.s.coupons[number] = replace(found, redeemed_at=at, sale_no=sale_no)
                return True
        return False

    def unprinted_coupons_of(self, member_id: str, at: datetime, limit: int) -> list[IssuedCoupon]:
        mine = [
            c
            for c in self.s.coupons.values()
            if c.member_id == member_id
            and c.redeemed_at is None
            and c.number not in self.s.coupon_receipts
            and self.s.offers[c.offer_id].ends_at > at
            and member_id not in self.s.offer_opt_outs
        ]
        return sorted(mine, key=lambda c: c.number)[:limit]

    def put_on_receipt(self, numbers: Sequence[int], sale_no: str) -> int:
        fresh = [n for n in numbers if n not in self.s.coupon_receipts]
        for number in fresh:
            self.s.coupon_receipts[number] = sale_no
        return len(fresh)

    def on_receipt(self, sale_no: str) -> list[IssuedCoupon]:
        numbers = sorted(n for n, s in self.s.coupon_receipts.items() if s == sale_no)
        return [self.s.coupons[n] for n in numbers]

    def spent(self, offer_id: str) -> tuple[int, int]:
        mine = [c for c in self.s.coupons.values() if c.offer_id == offer_id]
        return sum(c.money_off for c in mine), sum(c.points for c in mine)

    def counts(self, offer_ids: Sequence[str]) -> dict[str, tuple[int, int, int]]:
        found = {}
        for offer_id in offer_ids:
            targets = self.targets(offer_id).values()
            used = sum(c.redeemed_at is not None for c in self.coupons(offer_id))
            control = sum(t.control for t in targets)
            found[offer_id] = (len(targets) - control, control, used)
        return found

    def of_member(self, member_id: str) -> list[tuple[Offer, OfferTarget]]:
        return [
            (self.s.offers[o], t) for (o, m), t in self.s.offer_targets.items() if m == member_id
        ]

    def member_numbers(self, member_ids: Sequence[str]) -> dict[str, str]:
        return {i: self.s.members[i].member_no for i in member_ids if i in self.s.members}

    def set_opt_out(self, member_id: str, at: datetime | None) -> None:
        self.s.offer_opt_outs.pop(member_id, None)
        if at is not None:
            self.s.offer_opt_outs[member_id] = at

    def opted_out(self) -> dict[str, datetime]:
        return dict(self.s.offer_opt_outs)

    def opt_out_of(self, member_id: str) -> datetime | None:
        return self.s.offer_opt_outs.get(member_id)


class FakeUnitOfWork:
    def __init__(self, database: FakeDatabase) -> None:
        self.database = database

    def __enter__(self) -> FakeUnitOfWork:
        self.work = copy.deepcopy(self.database.store)
        self.members = FakeMembers(self.work)
        self.ledger = FakeLedger(self.work)
        self.sales = FakeSales(self.work)
        self.programs = FakePrograms(self.work)
        self.staff = FakeStaff(self.work)
        self.outbox = FakeOutbox(self.work)
        self.audit = FakeAudit(self.work)
        self.settings = FakeSettings(self.work)
        self.products = FakeProducts(self.work)
        self.member_events = FakeMemberEvents(self.work)
        self.surveys = FakeSurveys(self.work)
        self.offers = FakeOffers(self.work)
        self.committed = False
        self.waiting: list[Callable[[], None]] = []
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def commit(self) -> None:
        # Like the SQL unit of work: one transaction per unit, committed at most once.
        if self.committed:
            raise AssertionError("this unit of work was already committed")
        self.committed = True
        self.database.store = self.work
        self.database.commits += 1
        self.work = copy.deepcopy(self.work)
        self.members = FakeMembers(self.work)
        self.ledger = FakeLedger(self.work)
        self.sales = FakeSales(self.work)
        self.products = FakeProducts(self.work)
        self.member_events = FakeMemberEvents(self.work)
        self.surveys = FakeSurveys(self.work)
        self.offers = FakeOffers(self.work)
        waiting, self.waiting = self.waiting, []
        for action in waiting:
            action()

    def after_commit(self, action: Callable[[], None]) -> None:
        self.waiting.append(action)

    def rollback(self) -> None:
        self.work = copy.deepcopy(self.database.store)

    @contextlib.contextmanager
    def savepoint(self) -> Iterator[None]:
        saved = copy.deepcopy(self.work)
        try:
            yield
        except BaseException:
            vars(self.work).update(vars(saved))
            raise


class FakeDatabase:
    """The committed state, and a factory of units of work on it."""

    def __init__(self) -> None:
        self.store = Store()
        self.commits = 0

    def __call__(self, *, write: bool = True, durable: bool = True) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)


class FakeKeys:
    active_id = 1

    def keys(self) -> Mapping[int, bytes]:
        return {1: b"k" * 32}


class FakeSeal:
    """Audit seals with a test key; the newest entry is remembered in memory."""

    def __init__(self) -> None:
        self.newest: tuple[int, str] | None = None

    def seal(self, previous: str, body: Mapping[str, Any]) -> str:
        return entry_mac(b"audit-test-key-0123456789abcdef", previous, body)

    def head(self) -> tuple[int, str] | None:
        return self.newest

    def record_head(self, seq: int, seal: str) -> None:
        if (self.newest is None and seq == 1) or (self.newest and self.newest[0] < seq):
            self.newest = (seq, seal)

    def restart_head(self, seq: int, seal: str) -> None:
        self.newest = (seq, seal)


class FakeReports:
    """The report aggregates, computed over the fake store."""

    def __init__(self, database: FakeDatabase) -> None:
        self.database = database

    def _sales(self, start: datetime, end: datetime, till: str | None = None) -> list[Sale]:
        return [
            s
            for s in self.database.store.sales.values()
            if start < s.at <= end and till in (None, s.device_id)
        ]

    def sales_totals(self, start: datetime, end: datetime, till: str | None = None) -> SalesTotals:
        store = self.database.store
        sales = self._sales(start, end, till)
        by_ref = {s.id: s for s in store.sales.values()}
        refunds = [
            r
            for r in store.refunds.values()
            if start < r.at <= end and till in (None, by_ref[r.sale_ref].device_id)
        ]
        back = sum(r.amount for r in refunds)
        member_back = sum(r.amount for r in refunds if by_ref[r.sale_ref].member_id)
        return SalesTotals(
            sum(1 for s in sales if s.net > 0),
            sum(1 for s in sales if s.net > 0 and s.member_id),
            sum(s.net for s in sales) - back,
            sum(s.net for s in sales if s.member_id) - member_back,
            back,
        )

    def purchases_per_member(
        self, start: datetime, end: datetime, till: str | None = None
    ) -> list[int]:
        counts: dict[str, int] = {}
        for s in self._sales(start, end, till):
            if s.member_id and s.net > 0:
                counts[s.member_id] = counts.get(s.member_id, 0) + 1
        return list(counts.values())

    def member_counts(self, start: datetime, end: datetime) -> tuple[int, int]:
        active = [m for m in self.database.store.members.values() if m.active]
        return (
            sum(1 for m in active if m.created_at <= end),
            sum(1 for m in active if start < m.created_at <= end),
        )

    def points_by_kind(self, start: datetime, end: datetime) -> dict[str, int]:
        totals: dict[str, int] = {}
        for m in self.database.store.movements:
            if start < m.at <= end:
                totals[m.kind.value] = totals.get(m.kind.value, 0) + m.points
        return totals

    def points_due(self, at: datetime, edges: Sequence[datetime]) -> PointsDue:
        held = [
            OpenLot(lot.remaining, lot.expires_at)
            for lot in self.database.store.lots.values()
            if lot.remaining > 0 and lot.at <= at
        ]
        return points_due_in(held, at, edges)

    def spendable_points(self, at: datetime) -> int:
        return sum(
            lot.remaining
            for lot in self.database.store.lots.values()
            if lot.remaining > 0
            and lot.at <= at
            and (lot.expires_at is None or lot.expires_at > at)
        )

    def negative_balances(self) -> tuple[int, int]:
        owing = [m.balance for m in self.database.store.members.values() if m.balance < 0]
        return len(owing), sum(owing)

    def purchase_lines(self, end: datetime, start: datetime | None = None) -> pd.DataFrame:
        store = self.database.store
        rows = [
            (
                store.members[s.member_id].member_no,
                pd.Timestamp(s.local_date),
                state.line.sku,
                float(state.line.quantity - state.refunded_qty),
                state.line.category,
            )
            for s in store.sales.values()
            if s.member_id and s.at <= end and (start is None or s.at > start)
            for state in s.lines
        ]
        return pd.DataFrame(rows, columns=list(LINE_COLUMNS)).astype(
            {"local_date": "datetime64[ns]", "qty": float}
        )


class FakeReadModels:
    """The screens' lists over the fake store, sorted and filtered in Python."""

    def __init__(self, database: FakeDatabase) -> None:
        self.database = database

    def _matching(self, where: MemberFilter) -> list[Member]:
        text = " ".join(unicodedata.normalize("NFKC", where.text).split())
        found = []
        for m in self.database.store.members.values():
            if where.status is not None and m.status is not where.status:
                continue
            if where.tier is not None and m.tier != where.tier:
                continue
            if where.owing and m.balance >= 0:
                continue
            if text and not (
                m.member_no.startswith(text)
                or m.name.startswith(text)
                or (
                    m.phone is not None
                    and len(text) == 4
                    and text.isdigit()
                    and m.phone.endswith(text)
                )
                or (
                    m.phone is not None
                    and looks_like_phone(text)
                    and m.phone == normalize_phone(text)
                )
            ):
                continue
            found.append(m)
        return found

    @staticmethod
    def _key(m: Member, sort: MemberSort) -> tuple[object, str]:
        value: object = {
            MemberSort.NUMBER: m.member_no,
            MemberSort.NAME: m.name,
            MemberSort.JOINED: m.created_at,
            MemberSort.BALANCE: m.balance,
            MemberSort.SPEND: m.lifetime_spend,
        }[sort]
        return value, m.id

    def members(
        self,
        where: MemberFilter,
        sort: MemberSort,
        descending: bool,
        after: MemberCursor | None,
        limit: int,
    ) -> list[MemberRow]:
        found = sorted(self._matching(where), key=lambda m: self._key(m, sort), reverse=descending)
        if after is not None:
            mark = (after.value, after.id)
            found = [
                m
                for m in found
                if (self._key(m, sort) < mark if descending else self._key(m, sort) > mark)
            ]
        return [
            MemberRow(
                m.id,
                m.member_no,
                m.name,
                mask_phone(m.phone) if m.phone else None,
                m.tier,
                m.balance,
                m.lifetime_spend,
                m.status,
                m.created_at,
                m.last_movement_at,
            )
            for m in found[:limit]
        ]

    def count_members(self, where: MemberFilter) -> int:
        return len(self._matching(where))

    def search(self, text: str, limit: int) -> list[MemberRow]:
        return self.members(MemberFilter(text=text), MemberSort.NUMBER, False, None, limit)

    def _ordered(self, member_id: str) -> list[tuple[int, Movement]]:
        numbered = [(i + 1, m) for i, m in enumerate(self.database.store.movements)]
        mine = [(seq, m) for seq, m in numbered if m.member_id == member_id]
        return sorted(mine, key=lambda pair: (pair[1].at, pair[0]))

    def movements(self, member_id: str, before: LedgerCursor | None, limit: int) -> list[LedgerRow]:
        rows = list(reversed(self._ordered(member_id)))
        if before is not None:
            rows = [(seq, m) for seq, m in rows if (m.at, seq) < (before.at, before.seq)]
        return [
            LedgerRow(
                seq,
                m.id,
                m.kind,
                m.points,
                m.at,
                m.recorded_at,
                0,
                m.sale_ref,
                m.reason,
                m.actor,
                m.activity,
            )
            for seq, m in rows[:limit]
        ]

    def balance_through(self, member_id: str, at: datetime, seq: int) -> int:
        return sum(m.points for s, m in self._ordered(member_id) if (m.at, s) <= (at, seq))

    def sales(self, member_id: str, before: SaleCursor | None, limit: int) -> list[SaleRow]:
        mine = sorted(
            (s for s in self.database.store.sales.values() if s.member_id == member_id),
            key=lambda s: (s.at, s.id),
            reverse=True,
        )
        if before is not None:
            mine = [s for s in mine if (s.at, s.id) < (before.at, before.id)]
        return [
            SaleRow(
                s.id,
                s.sale_no,
                s.at,
                s.currency,
                s.net,
                s.paid,
                s.earned,
                s.points_redeemed,
                s.refunded_net,
                len(s.lines),
            )
            for s in mine[:limit]
        ]

    def audit(self, where: AuditFilter, before: int | None, limit: int) -> list[AuditRow]:
        rows = [
            e
            for e in reversed(self.database.store.audit)
            if (before is None or e.seq < before)
            and (not where.actor or e.actor == where.actor)
            and (not where.action or e.action.startswith(where.action))
            and (not where.subject or e.subject == where.subject)
            and (where.start is None or e.at > where.start)
            and (where.end is None or e.at <= where.end)
        ]
        return [
            AuditRow(
                e.seq,
                e.at,
                e.actor,
                e.action,
                e.subject,
                e.reason,
                json.dumps(dict(e.details), sort_keys=True),
            )
            for e in rows[:limit]
        ]

    def audit_names(self) -> tuple[list[str], list[str]]:
        entries = self.database.store.audit
        return sorted({e.actor for e in entries}), sorted({e.action for e in entries})


class FakeIntegrity:
    """The ledger checks ``loyalty check`` runs, done over the fake store."""

    def __init__(self, database: FakeDatabase) -> None:
        self.database = database

    def storage_problems(self) -> list[str]:
        return []

    def ledger_problems(self) -> list[str]:
        s = self.database.store
        problems = []
        for member in s.members.values():
            total = sum(m.points for m in s.movements if m.member_id == member.id)
            if total != member.balance:
                problems.append(
                    f"member {member.member_no}: balance {member.balance} != movements {total}"
                )
            held = sum(lot.remaining for lot in s.lots.values() if lot.member_id == member.id)
            if held < member.balance:
                problems.append(f"member {member.member_no}: balance above lots")
        for lot in s.lots.values():
            taken = sum(a.points for m in s.movements for a in m.allocations if a.lot_id == lot.id)
            if lot.remaining != lot.points - taken or not 0 <= lot.remaining <= lot.points:
                problems.append(
                    f"lot {lot.id}: remaining {lot.remaining}, points {lot.points}, taken {taken}"
                )
        return problems


def fake_shop(clock: Clock) -> tuple[Shop, FakeDatabase]:
    """A shop on an in-memory store."""
    database = FakeDatabase()
    return Shop(
        uow=database,
        clock=clock,
        card_keys=FakeKeys(),
        device_id=str(uuid.uuid4()),
        audit_seal=FakeSeal(),
        reports=FakeReports(database),
        reads=FakeReadModels(database),
    ), database
