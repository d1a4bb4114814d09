"""Applying what other stores did, as the server's change log tells it, to this till's own books.

A pull reads pages of changes after the cursor kept in ``settings`` and applies each page
in one short transaction that also moves the cursor, so a till killed mid-pull resumes at
the first page it had not committed. Applying is idempotent: movements keep the ids they
were made with (one already in the ledger is passed over), lots keep theirs, a member
is created once. Nothing pulled is written to the outbox: these are other stores' facts,
already on the server, and would only echo back.

- This store's own changes are passed over (its ledger has them), except the rows the
  server wrote itself (``server``: its undoing of this till's expiry), which no till has.
- A member this till does not know is created with the number, status and consent the
  server keeps, the card number it was enrolled with (so its card finds it here; one a
  member here holds is refused as shared and the member gets one of this till's) and no
  personal data; the till shows the member number where a name would be.
- A member number already used here by another member is a clash: nothing is
  overwritten, the change is passed over and the clash is kept (``sync status`` counts
  it, ``loyalty check`` lists it). Chain-unique numbers keep this from happening.
- Movements of a member whose record the server does not have yet (the enrolling store's
  batches committed out of order) wait: once the record arrives, the pull reads the log
  again from the first of them (applying is idempotent, so only what was missing is added).
- Movements become local movements (actor ``PULLED``): an earn opens its lots with the
  server's expiry, a spend takes from the lots the store took from (the lot ids are the
  chain's), and what cannot be matched here falls to the ledger's usual first-expiring
  first rule (``postings.post`` settles any debt), so "balance = sum of movements" and
  the lots always hold together. Lots pulled here expire by the server's clock only: this
  till's expiry leaves them alone (services/expiry.py) and the server's expire rows come by
  pull.
- An erasure at another store erases the member's personal data here too; a merge closes
  the duplicate (its points move by the merge's own movements).
- A coupon used at another store is marked used, so this till refuses it (``coupon_used``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from loyalty_desktop.domain.ledger import Allocation, Lot, MovementKind
from loyalty_desktop.domain.members import Member, MemberStatus, erased
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.member_numbers import next_card_no, note_shared_card
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.postings import PULLED, Account, post
from loyalty_desktop.services.privacy import erase_here
from loyalty_desktop.services.pulled import (
    Change,
    CouponChange,
    MemberChange,
    PulledMovement,
    read_changes,
)
from loyalty_desktop.services.sync import LAST_PULL, PULL_CLASHES, PULL_CURSOR, ServerUnavailable

PAGE = 500
CURSOR, CLASHES = PULL_CURSOR, PULL_CLASHES
WAITING = "sync.pull_waiting"  # member id -> first position of changes waiting for their record
# The ids of lots opened here for points a pulled movement credits without naming a lot
# (a lot the server never kept): derived from the movement, so a re-pull derives the same.
_EXTRA_LOTS = uuid.UUID("a4c3f0de-5b0e-4d8c-8f61-2f7e0d9b5c13")
# Kinds the server writes that a till has no word for: kept as adjustments, with the reason.
_SERVER_KINDS = {"expire_undone": "the server undid a till's expiry (it expires lots itself)"}


class ChangeLog(Protocol):
    """The server's change log (``GET /v1/changes``)."""

    def changes(self, after: int, limit: int) -> tuple[list[Mapping[str, Any]], int]:
        """The changes after ``after`` (oldest first) and the cursor to ask with next."""
        ...


@dataclass(frozen=True)
class PullReport:
    """What one pull applied: changes, movements, members created, clashes met."""

    changes: int = 0
    movements: int = 0
    members: int = 0
    clashes: int = 0
    rewind: int | None = None  # the earliest change to read again (a member's record came late)


def pull(shop: Shop, server: ChangeLog, own_store: str | None) -> PullReport:
    """Apply every change after the cursor, page by page, until the log has nothing more.

    ``own_store``: this store's id (its changes are already here). Raises ServerUnavailable
    (what was committed stays: the cursor moved with it).
    """
    total = PullReport()
    while True:
        with shop.uow(write=False) as uow:
            after = int(uow.settings.get(CURSOR) or 0)
        rows, cursor = server.changes(after, PAGE)
        if not rows:  # up to date: "last received" says when this till last heard the log
            with shop.uow() as uow:
                uow.settings.set(LAST_PULL, shop.clock.now().isoformat())
                uow.commit()
            return total
        if not isinstance(cursor, int) or cursor <= after:
            raise ServerUnavailable("the server's cursor does not move forward")
        changes = read_changes(rows)
        with shop.uow() as uow:
            report = apply_page(uow, shop, changes, own_store)
            # a member whose movements came before their record: read those again (idempotent)
            uow.settings.set(
                CURSOR, str(min(cursor, report.rewind - 1) if report.rewind else cursor)
            )
            uow.commit()
        total = PullReport(
            total.changes + report.changes,
            total.movements + report.movements,
            total.members + report.members,
            total.clashes + report.clashes,
        )


def apply_page(
    uow: UnitOfWork, shop: Shop, changes: Sequence[Change], own_store: str | None
) -> PullReport:
    """Apply one page's changes in the caller's transaction; what was applied."""
    applied = moved = created = clashed = 0
    rewind: int | None = None
    waiting: dict[str, int] = json.loads(uow.settings.get(WAITING) or "{}")
    now = shop.clock.now()
    for change in changes:
        own = own_store is not None and change.store_id == own_store
        if isinstance(change, CouponChange):
            if not own and uow.offers.used_elsewhere(
                change.coupon_id, change.at, f"sync:{change.sale}"
            ):
                applied += 1
            continue
        movements = [m for m in change.movements if m.server or not own]
        if own and not movements:
            continue
        member = uow.members.get(change.member_id, for_update=True)
        if member is None and change.member_no is None:
            # The server has the movements but not yet the member's record: two batches of
            # the enrolling store committed out of order. Wait for the record, then read
            # this change again.
            waiting[change.member_id] = min(waiting.get(change.member_id, change.pos), change.pos)
            continue
        if member is None:
            added = _new_member(uow, change, now)
            if isinstance(added, str):
                _note_clash(uow, change, added)
                clashed += 1
                continue
            member, created = added, created + 1
            if member.id in waiting:
                late = waiting.pop(member.id)
                rewind = late if rewind is None else min(rewind, late)
        if not own:
            member = _follow_status(uow, member, change)
        moved += _apply_movements(uow, member, movements, now)
        applied += 1
    uow.settings.set(WAITING, json.dumps(waiting))
    return PullReport(applied, moved, created, clashed, rewind)


def _new_member(uow: UnitOfWork, change: MemberChange, now: datetime) -> Member | str:
    """The member another store enrolled, added here; or why it cannot be."""
    assert change.member_no is not None  # apply_page waits for the record
    if uow.members.by_number(change.member_no) is not None:
        return "number_taken"
    member = Member(
        id=change.member_id,
        member_no=change.member_no,
        card_no=_card_no(uow, change),
        name=change.member_no,  # no personal data travels: the till shows the number
        created_at=change.created_at or now,
        consent=change.consent,
        consent_at=(change.created_at or now) if change.consent else None,
    )
    uow.members.add(member)
    return member


def _card_no(uow: UnitOfWork, change: MemberChange) -> int:
    """The card number the member was enrolled with, so their card finds them here too.

    One a member here holds already (printed before card numbers were chain-unique) is
    noted as shared, its cards refused; the pulled member then gets a card number here.
    """
    if change.card_no is not None and uow.members.by_card(change.card_no) is None:
        return change.card_no
    if change.card_no is not None:
        note_shared_card(uow, change.card_no)
    return next_card_no(uow)


def _note_clash(uow: UnitOfWork, change: MemberChange, problem: str) -> None:
    known = json.loads(uow.settings.get(CLASHES) or "[]")
    if not any(k["member_id"] == change.member_id for k in known):
        known.append(
            {
                "member_id": change.member_id,
                "member_no": change.member_no,
                "store_id": change.store_id,
                "reason": problem,
            }
        )
        uow.settings.set(CLASHES, json.dumps(known))


def clashes(uow: UnitOfWork) -> list[dict[str, Any]]:
    """Members another store has that could not be added here (their changes were passed over)."""
    return list(json.loads(uow.settings.get(CLASHES) or "[]"))


def clash_problems(uow: UnitOfWork) -> list[str]:
    """The clashes as ``loyalty check`` lists them."""
    return [
        f"member {c['member_no']} of another store could not be added here: this number "
        "belongs to another member here; their points from that store are not in this "
        "till's ledger"
        for c in clashes(uow)
    ]


def _follow_status(uow: UnitOfWork, member: Member, change: MemberChange) -> Member:
    """Erased or merged elsewhere: the same here (an erasure takes the personal data too)."""
    if change.status == MemberStatus.ERASED.value and member.status is not MemberStatus.ERASED:
        erase_here(uow, [member])
        return erased(member)
    if change.status == MemberStatus.CLOSED.value and member.status is MemberStatus.ACTIVE:
        kept = (
            change.merged_into
            if change.merged_into and uow.members.get(change.merged_into)
            else None
        )
        member = replace(member, status=MemberStatus.CLOSED, merged_into=kept)
        uow.members.save(member)
    return member


def _apply_movements(
    uow: UnitOfWork, member: Member, movements: Sequence[PulledMovement], now: datetime
) -> int:
    """Post the movements this ledger does not have yet; how many were posted."""
    known = uow.ledger.known([m.id for m in movements])
    fresh = [m for m in movements if m.id not in known]
    if not fresh:
        return 0
    account = Account.open(uow, member)  # never open_account: that expires (and publishes)
    for m in fresh:
        _post_pulled(uow, account, m, now)
    uow.members.save_totals(member)
    return len(fresh)


def _post_pulled(uow: UnitOfWork, account: Account, m: PulledMovement, now: datetime) -> None:
    member = account.member
    held = {lot.id: lot for lot in account.lots}
    asked = [a.lot_id for a in m.allocations if a.lot_id not in held]
    asked += [lot.id for lot in m.lots]
    stored = {lot.id: lot for lot in uow.ledger.lots_by_ids(asked) if lot.member_id == member.id}
    for lot_id, lot in stored.items():
        if lot_id not in held and any(a.lot_id == lot_id for a in m.allocations):
            account.lots.append(lot)  # an emptied lot a give-back refills
            held[lot_id] = lot
    new_lots = [
        Lot(lot.id, member.id, m.at, lot.expires_at, lot.points, lot.points)
        for lot in m.lots
        if lot.id not in stored
    ]
    held.update({lot.id: lot for lot in new_lots})
    taken: list[Allocation] = []
    for a in m.allocations:
        target = held.get(a.lot_id)
        if target is None:
            continue  # a lot this till never had: the ledger's own rule takes over below
        part = (
            min(a.points, target.remaining)
            if a.points > 0
            else max(a.points, target.remaining - target.points)
        )
        if part:
            taken.append(Allocation(target.id, part))
            target.remaining -= part  # seen by the next allocation of this movement
    for allocation in taken:
        held[allocation.lot_id].remaining += allocation.points  # post applies them itself
    change = sum(lot.points for lot in new_lots) - sum(a.points for a in taken)
    if m.points > change:
        # Points credited with no lot here to hold them (a lot the server never kept, or a
        # give-back to a lot this till never had): a lot of their own, with no expiry, so
        # the lots still hold at least the balance.
        new_lots.append(
            Lot(
                str(uuid.uuid5(_EXTRA_LOTS, m.id)),
                member.id,
                m.at,
                None,
                m.points - change,
                m.points - change,
            )
        )
    kind, reason = _kind(m)
    post(
        uow,
        account,
        kind,
        m.points,
        m.at,
        now,
        allocations=taken,
        lots=new_lots,
        reason=reason,
        actor=PULLED,
        movement_id=m.id,
    )
    if kind in (MovementKind.EARN, MovementKind.ACTIVITY):
        member.points_earned += m.points
    elif kind in (MovementKind.REFUND_REVERSAL, MovementKind.RETURN_REVERSAL):
        member.points_earned += m.points  # negative: earning taken back


def _kind(m: PulledMovement) -> tuple[MovementKind, str | None]:
    try:
        return MovementKind(m.kind), ("by the server" if m.server else None)
    except ValueError:
        return MovementKind.ADJUST, _SERVER_KINDS.get(m.kind, f"{m.kind} (from the server)")
