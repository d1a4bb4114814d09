"""Applying what other stores did, as the server's change log tells it, to this till's own books.

A pull reads pages of changes after the cursor kept in ``settings`` and applies each page
in one short transaction that also moves the cursor, so a till killed mid-pull resumes at
the first page it had not committed. Applying is idempotent: movements keep the ids they
were made with (one already in the ledger is passed over), lots keep theirs, a member
is created once. Nothing pulled is written to the outbox: these are other stores' facts,
already on the server, and would only echo back.

- This store's own changes are applied like the others: what its ledger has is passed
  over by id, and a till restored from a backup gets back what it sent after the backup.
- A change this till cannot read or apply is kept aside (``skipped``) and passed over: each
  change is applied in a savepoint of its own, so one store's odd event does not stop the
  pull; the cursor never moves past the page's last change.
- A member this till does not know is created with the number, status and consent the
  server keeps, the card number it was enrolled with (so its card finds it here; one a
  member here holds is refused as shared and the member gets one of this till's) and no
  personal data until a store changes the profile; the till shows the member number
  where a name would be.
- A profile changed at a store (name, phone, e-mail, birthday, consent) is written over the
  member's here, as the server keeps it now: the change the server applied last, so every
  store ends with the same profile. A phone another member here has too is kept all the
  same (two members may share a phone, as an edit here allows). An erased member's is not.
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
  the duplicate (its points move by the merge's own movements), linked to the kept member
  once it is here; a merge this till made the other way round (refused by the server as a
  loop) is undone.
- A coupon used at another store is marked used, so this till refuses it (``coupon_used``).
- Offers and coupons another store issued are kept here (services/pulled_offers.py), so
  its coupon is honoured here with the same rules.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.domain.ledger import Allocation, Lot, MovementKind
from loyalty_desktop.domain.members import Member, MemberStatus, erased
from loyalty_desktop.services import pull_waiting
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.member_numbers import next_card_no, note_shared_card
from loyalty_desktop.services.ports import Conflict, UnitOfWork
from loyalty_desktop.services.postings import PULLED, Account, post
from loyalty_desktop.services.privacy import erase_here, forget_outbox_profiles
from loyalty_desktop.services.pull_waiting import Waiting
from loyalty_desktop.services.pulled import (
    Change,
    CouponChange,
    MemberChange,
    PulledMovement,
    Unreadable,
    read_changes,
)
from loyalty_desktop.services.pulled_cards import follow_card
from loyalty_desktop.services.pulled_offers import (
    CouponsChange,
    OfferChange,
    apply_coupons,
    apply_offer,
    coupon_used_elsewhere,
)
from loyalty_desktop.services.sync import (
    LAST_PULL,
    PULL_CLASHES,
    PULL_CURSOR,
    PULL_SKIPPED,
    ServerAnswerUnreadable,
)

PAGE = 500
CURSOR, CLASHES, SKIPPED = PULL_CURSOR, PULL_CLASHES, PULL_SKIPPED
MAX_SKIPPED_KEPT = 200  # the latest changes passed over, kept for a person (older ones drop)
SKIPPED_FROM = "sync.pull_skipped_from"  # the earliest change passed over (list or not)
WAITING = "sync.pull_waiting"  # member id -> first position of changes waiting for their record
MERGE_LINKS = "sync.pull_merge_links"  # duplicate id -> the kept member's, not here yet
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
    skipped: int = 0  # changes this till could not read or apply (kept aside, passed over)
    erased: tuple[str, ...] = ()  # members this pull erased here (their outbox profiles go too)


def pull(shop: Shop, server: ChangeLog, own_store: str | None) -> PullReport:
    """Apply every change after the cursor, page by page, until the log has nothing more.

    ``own_store``: this store's id (its coupon uses are passed over). Raises
    ServerUnavailable (what was committed stays: the cursor moved with it). A change this till cannot read or
    apply is kept aside (``skipped``) and the pull goes on past it.
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
        if not isinstance(cursor, int) or isinstance(cursor, bool) or cursor <= after:
            raise ServerAnswerUnreadable("the server's cursor does not move forward")
        page = read_changes(rows, after)
        # Never past the last change this page holds: a cursor beyond it would skip, for
        # good, whatever the log holds in between.
        upto = min(cursor, page.last)
        try:
            report = _commit_page(shop, page.changes, own_store, after, upto, False)
        except (LoyaltyError, Conflict):
            # a change of the page cannot be applied: the page again, each change in a
            # savepoint of its own (about a quarter slower, so only when one fails)
            report = _commit_page(shop, page.changes, own_store, after, upto, True)
        if report.erased:
            # Erased here by the pull: their profile leaves this till's outbox too, and no
            # old copy stays in the file or its log (as after an erasure made here). Another
            # program reading the file can hold the log: the next erasure's purge takes it.
            forget_outbox_profiles(shop, report.erased)
            shop.housekeeping.purge_old_versions()
        total = PullReport(
            total.changes + report.changes,
            total.movements + report.movements,
            total.members + report.members,
            total.clashes + report.clashes,
            skipped=total.skipped + report.skipped,
        )


def _commit_page(
    shop: Shop,
    changes: Sequence[Change | Unreadable],
    own_store: str | None,
    after: int,
    upto: int,
    careful: bool,
) -> PullReport:
    """Apply a page read after ``after`` and move the cursor to ``upto`` in one transaction."""
    with shop.uow() as uow:
        report = apply_page(uow, shop, changes, own_store, careful)
        # a member whose movements came before their record: read those again (idempotent)
        cursor = min(upto, report.rewind - 1) if report.rewind else upto
        # A person asked to read passed-over changes again while this page was applied
        # (services/pull_review.py moved the cursor back): keep theirs, or it is lost.
        now_at = int(uow.settings.get(CURSOR) or 0)
        uow.settings.set(CURSOR, str(min(cursor, now_at) if now_at < after else cursor))
        uow.commit()
    return report


def apply_page(
    uow: UnitOfWork,
    shop: Shop,
    changes: Sequence[Change | Unreadable],
    own_store: str | None,
    careful: bool = True,
) -> PullReport:
    """Apply one page's changes in the caller's transaction; what was applied.

    ``careful``: each change in a savepoint of its own, so one this till cannot apply (a
    total beyond what it keeps, an id it holds for another record) is undone alone, kept
    aside for a person, and the rest of the page goes on. Without it such a change raises
    (the caller rolls the page back and applies it carefully).
    """
    total = PullReport()
    waiting = Waiting(json.loads(uow.settings.get(WAITING) or "{}"))
    now = shop.clock.now()
    aside: list[dict[str, Any]] = []
    for change in changes:
        if isinstance(change, Unreadable):
            aside.append(
                _aside(change.pos, change.store_id, change.member_id, None, _unreadable(change))
            )
            continue
        waiting.begin()
        try:
            with uow.savepoint() if careful else contextlib.nullcontext():
                done = _apply_change(uow, change, own_store, waiting, now)
        except (LoyaltyError, Conflict) as exc:
            if not careful:
                raise
            waiting.undo()
            member_id = change.member_id if isinstance(change, MemberChange) else None
            member_no = change.member_no if isinstance(change, MemberChange) else None
            aside.append(_aside(change.pos, change.store_id, member_id, member_no, _refusal(exc)))
            continue
        if isinstance(change, MemberChange) and change.profile_problem is not None:
            why = _profile_unreadable(change.profile_problem)
            aside.append(
                _aside(change.pos, change.store_id, change.member_id, change.member_no, why)
            )
        rewind = total.rewind
        if done.rewind is not None:
            rewind = done.rewind if rewind is None else min(rewind, done.rewind)
        total = PullReport(
            total.changes + done.changes,
            total.movements + done.movements,
            total.members + done.members,
            total.clashes + done.clashes,
            rewind,
            total.skipped,
            total.erased + done.erased,
        )
    for member_id, pos in waiting.beyond(pull_waiting.MAX_WAITING):
        aside.append(_aside(pos, None, member_id, None, _never_came()))
    uow.settings.set(WAITING, json.dumps(waiting.as_dict()))
    _link_merged(uow)
    if aside:
        _keep_aside(uow, aside)
    return replace(total, skipped=len(aside))


def _apply_change(
    uow: UnitOfWork,
    change: Change,
    own_store: str | None,
    waiting: Waiting,
    now: datetime,
) -> PullReport:
    """Apply one change (``waiting`` is updated in place); what it applied."""
    own = own_store is not None and change.store_id == own_store
    if isinstance(change, CouponChange):
        used = not own and coupon_used_elsewhere(uow, change.coupon_id, change.at, change.sale)
        return PullReport(changes=int(used))
    if isinstance(change, OfferChange | CouponsChange):  # services/pulled_offers.py
        kept = (
            apply_offer(uow, change)
            if isinstance(change, OfferChange)
            else apply_coupons(uow, change, waiting)
        )
        return PullReport(changes=int(kept > 0))
    # This store's own changes too: its ledger has them, unless the till was restored from
    # a backup older than them (then they come back here; what is here is passed over).
    movements = list(change.movements)
    member = uow.members.get(change.member_id, for_update=True)
    if member is None and change.member_no is None:
        # The server has the movements but not yet the member's record: two batches of
        # the enrolling store committed out of order. Wait for the record, then read
        # this change again.
        waiting.wait(change.member_id, change.pos)
        return PullReport()
    created, rewind = 0, None
    if member is None:
        added = _new_member(uow, change, now)
        if isinstance(added, str):
            _note_clash(uow, change, added)
            return PullReport(clashes=1)
        member, created = added, 1
        rewind = waiting.arrived(member.id)
    was_erased = member.status is MemberStatus.ERASED
    member = _follow_status(uow, member, change, now)
    erased_here = (member.id,) if member.status is MemberStatus.ERASED and not was_erased else ()
    followed = _follow_profile(uow, member, change)
    profiled, member = followed is not member, followed
    carded = follow_card(uow, member, change.card_no, change.card_serial)
    profiled, member = profiled or carded is not member, carded
    moved = _apply_movements(uow, member, movements, now)
    # an own change counts only when it brought back something this till had lost
    done = not own or bool(moved or created or profiled)
    return PullReport(int(done), moved, created, 0, rewind, erased=erased_here)


def _follow_profile(uow: UnitOfWork, member: Member, change: MemberChange) -> Member:
    """The profile a store changed, over this till's (never an erased member's); the member now."""
    pulled = change.profile
    if pulled is None or member.status is MemberStatus.ERASED:
        return member
    p = pulled.profile
    new = replace(
        member,
        name=p.name,
        phone=p.phone,
        email=p.email,
        birthday=p.birthday,
        consent=pulled.consent,
        consent_at=pulled.consent_at if pulled.consent else None,
    )
    if new == member:
        return member
    uow.members.save(new)  # no event: another store's fact, already on the server
    return new


def _unreadable(change: Unreadable) -> LoyaltyError:
    return LoyaltyError(
        f"the change cannot be read at this till ({change.problem})",
        code="pulled_change",
        reason="pulled_change_unreadable",
        problem=change.problem,
    )


def _profile_unreadable(problem: str) -> LoyaltyError:
    """The member's points and status were applied; their profile was not (kept aside)."""
    return LoyaltyError(
        f"the change cannot be read at this till ({problem}); the member's points and status "
        "were applied, their profile was not",
        code="pulled_change",
        reason="pulled_change_unreadable",
        problem=problem,
    )


def _never_came() -> LoyaltyError:
    """Too many members' changes waited for their records: this one's are no longer waited for."""
    return LoyaltyError(
        "the member's record has not come from the server, and this till no longer waits for "
        "it: their changes from here on were not applied",
        code="pulled_change",
        reason="pulled_member_never_came",
    )


def _refusal(exc: LoyaltyError | Conflict) -> LoyaltyError:
    if isinstance(exc, LoyaltyError):
        return exc
    return LoyaltyError(
        "the change uses an id this till already has for another record",
        code="pulled_change",
        reason="pulled_change_conflict",
    )


def _aside(
    pos: int, store_id: str | None, member_id: str | None, member_no: str | None, why: LoyaltyError
) -> dict[str, Any]:
    return {
        "pos": pos,
        "store_id": store_id,
        "member_id": member_id,
        "member_no": member_no,
        "reason": why.reason,
        "details": json.loads(json.dumps(why.details, default=str)),
        "message": why.message,
    }


def _keep_aside(uow: UnitOfWork, aside: list[dict[str, Any]]) -> None:
    kept = json.loads(uow.settings.get(SKIPPED) or "[]")
    seen = {k["pos"] for k in kept}
    kept += [a for a in aside if a["pos"] not in seen]  # a page read again adds nothing twice
    uow.settings.set(SKIPPED, json.dumps(kept[-MAX_SKIPPED_KEPT:]))
    # the earliest ever passed over, kept apart from the list (which drops its oldest), so
    # reading again starts there (services/pull_review.py)
    first = min(a["pos"] for a in aside)
    known = uow.settings.get(SKIPPED_FROM)
    uow.settings.set(SKIPPED_FROM, str(min(first, int(known)) if known else first))


def skipped(uow: UnitOfWork) -> list[dict[str, Any]]:
    """Changes of the log this till could not read or apply and passed over, oldest first.

    Each: ``pos`` (its position in the server's log), ``store_id``, ``member_id`` and
    ``member_no`` when known, ``reason`` and ``details`` (a refusal's, see domain/reasons),
    ``message`` (in English).
    """
    return list(json.loads(uow.settings.get(SKIPPED) or "[]"))


def skipped_problems(uow: UnitOfWork) -> list[str]:
    """The changes passed over, as ``loyalty check`` lists them."""
    return [
        f"change {s['pos']} of the server's log (store {s['store_id'] or '?'}"
        + (f", member {s['member_no']}" if s.get("member_no") else "")
        + f") was not applied here: {s['message']}"
        for s in skipped(uow)
    ]


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
                "pos": change.pos,  # where to read again from (services/pull_review.py)
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


def _follow_status(uow: UnitOfWork, member: Member, change: MemberChange, now: datetime) -> Member:
    """Erased or merged elsewhere: the same here (an erasure takes the personal data too)."""
    if change.status == MemberStatus.ERASED.value and member.status is not MemberStatus.ERASED:
        erase_here(uow, [member])
        return erased(member)
    if change.status == MemberStatus.CLOSED.value and member.status is MemberStatus.ACTIVE:
        target = (
            uow.members.get(change.merged_into, for_update=True) if change.merged_into else None
        )
        if target is not None and target.merged_into == member.id:
            # This till merged the pair the other way round, offline: the server kept the
            # first merge to reach it and refused ours (a loop). Follow the server: undo ours.
            _undo_local_merge(uow, kept=member, closed=target, now=now)
        kept = change.merged_into if target is not None else None
        if change.merged_into and kept is None:
            # Merged into a member this till does not have yet (the log lists a push's
            # members in id order; the kept one may come later): linked once it arrives.
            links = json.loads(uow.settings.get(MERGE_LINKS) or "{}")
            links[member.id] = change.merged_into
            uow.settings.set(MERGE_LINKS, json.dumps(links))
        member = replace(member, status=MemberStatus.CLOSED, merged_into=kept)
        uow.members.save(member)
    return member


def _undo_local_merge(uow: UnitOfWork, kept: Member, closed: Member, now: datetime) -> None:
    """Give ``closed`` back what this till's merge moved into ``kept``, and reopen it.

    The merge's points go back as a merge the other way: out of the lots the merge opened
    in ``kept`` (what was spent since falls to the ledger's own rule), into lots of
    ``closed`` with the same expiry. Nothing is sent: the server never applied the merge.
    """
    history = uow.ledger.history([kept.id, closed.id])
    merged_in = next(
        (
            m
            for m in reversed(history)
            if m.member_id == kept.id
            and m.kind is MovementKind.MERGE_IN
            and m.actor != PULLED
            and m.reason == f"merged from {closed.member_no}"
        ),
        None,
    )
    reopened = replace(closed, status=MemberStatus.ACTIVE, merged_into=None)
    if merged_in is not None and merged_in.points > 0:
        giver = Account.open(uow, kept)
        held = {lot.id: lot for lot in giver.lots}
        taken = [
            Allocation(lot.id, min(lot.remaining, held[lot.id].remaining))
            for lot in merged_in.lots
            if lot.id in held and held[lot.id].remaining > 0
        ]
        copies = [
            Lot(
                str(uuid.uuid5(_EXTRA_LOTS, f"{merged_in.id}:{a.lot_id}")),
                closed.id,
                held[a.lot_id].at,
                held[a.lot_id].expires_at,
                a.points,
                a.points,
            )
            for a in taken
        ]
        rest = merged_in.points - sum(a.points for a in taken)
        if rest > 0:  # spent since the merge: the points come back without an expiry
            copies.append(
                Lot(str(uuid.uuid5(_EXTRA_LOTS, merged_in.id)), closed.id, now, None, rest, rest)
            )
        why = "the server refused this till's merge (merged the other way at another store)"
        post(
            uow,
            giver,
            MovementKind.MERGE_OUT,
            -merged_in.points,
            now,
            now,
            allocations=taken,
            reason=why,
            actor=PULLED,
        )
        uow.members.save_totals(giver.member)
        receiver = Account.open(uow, reopened)
        post(
            uow,
            receiver,
            MovementKind.MERGE_IN,
            merged_in.points,
            now,
            now,
            lots=copies,
            reason=why,
            actor=PULLED,
        )
        reopened = receiver.member
    uow.members.save(reopened)
    uow.members.save_totals(reopened)


def _link_merged(uow: UnitOfWork) -> None:
    """Point each duplicate closed into a member not here then at that member, once it is here."""
    links: dict[str, str] = json.loads(uow.settings.get(MERGE_LINKS) or "{}")
    if not links:
        return
    for duplicate, kept in list(links.items()):
        if uow.members.get(kept) is None:
            continue  # not here yet: a later page brings it
        member = uow.members.get(duplicate, for_update=True)
        if member is not None and member.status is MemberStatus.CLOSED and not member.merged_into:
            uow.members.save(replace(member, merged_into=kept))
        del links[duplicate]
    uow.settings.set(MERGE_LINKS, json.dumps(links))


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
    found = uow.ledger.lots_by_ids(asked)
    stored = {lot.id: lot for lot in found if lot.member_id == member.id}
    # A lot id this till holds for another member (a store reused an id the log showed it):
    # never opened twice; its points fall to a lot of their own below.
    elsewhere = {lot.id for lot in found if lot.member_id != member.id}
    for lot_id, lot in stored.items():
        if lot_id not in held and any(a.lot_id == lot_id for a in m.allocations):
            account.lots.append(lot)  # an emptied lot a give-back refills
            held[lot_id] = lot
    new_lots = [
        Lot(lot.id, member.id, m.at, lot.expires_at, lot.points, lot.points)
        for lot in m.lots
        if lot.id not in stored and lot.id not in elsewhere
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
        # a refund's movements name the sale refunded: a till restored from a backup that
        # holds the sale learns it was refunded since (services/refunds.py refuses it again)
        sale_ref=m.sale if kind in _REFUND_KINDS else None,
        reason=reason,
        actor=PULLED,
        movement_id=m.id,
    )
    if kind in (MovementKind.EARN, MovementKind.ACTIVITY):
        member.points_earned += m.points
    elif kind in (MovementKind.REFUND_REVERSAL, MovementKind.RETURN_REVERSAL):
        member.points_earned += m.points  # negative: earning taken back


_REFUND_KINDS = frozenset({MovementKind.REFUND_REVERSAL, MovementKind.REFUND_RESTORE})


def _kind(m: PulledMovement) -> tuple[MovementKind, str | None]:
    try:
        return MovementKind(m.kind), ("by the server" if m.server else None)
    except ValueError:
        return MovementKind.ADJUST, _SERVER_KINDS.get(m.kind, f"{m.kind} (from the server)")
