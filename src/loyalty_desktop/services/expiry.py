"""Expiring lapsed points, by the nightly job or on the way into any change to a member's points.

Expired points can never be spent, and no result may depend on when the
nightly job last ran. So every operation that changes a member's points first
writes off what has lapsed by now, exactly as the job would have (the same
movements, dated when each lot expired), and only then does its own work.
"""

from __future__ import annotations

from datetime import datetime

from loyalty_desktop.domain import ledger
from loyalty_desktop.domain.ledger import Allocation, MovementKind
from loyalty_desktop.domain.members import Member
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.events import expiry_event
from loyalty_desktop.services.journal import publish
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.postings import PULLED, Account, post


def expire_lapsed(
    uow: UnitOfWork, shop: Shop, account: Account, at: datetime, actor: str | None = None
) -> int:
    """Write expire movements for the account's lots lapsed by ``at``; returns the points expired.

    The movements go out in an expiry event of their own, not with whatever the
    caller posts next. Lots pulled from the server (another store's earning) are left
    alone: the server expires them by its own clock and its expire rows come by pull, so
    this till's clock never takes another store's points early or writes them off twice.
    """
    lapsed = ledger.lapsed_lots(account.lots, at)
    if lapsed:
        theirs = uow.ledger.opened_by([lot.id for lot in lapsed], PULLED)
        lapsed = [lot for lot in lapsed if lot.id not in theirs]
    if not lapsed:
        return 0
    earlier = len(account.movements)
    now = shop.clock.now()
    expired = 0
    for lot in lapsed:
        assert lot.expires_at is not None
        points = lot.remaining
        post(
            uow,
            account,
            MovementKind.EXPIRE,
            -points,
            lot.expires_at,
            now,
            allocations=[Allocation(lot.id, points)],
            actor=actor,
        )
        expired += points
    written = account.movements[earlier:]
    del account.movements[earlier:]
    member = account.member
    publish(uow, shop.device_id, expiry_event(member.id, at, written))
    return expired


def open_account(
    uow: UnitOfWork,
    shop: Shop,
    member: Member,
    *,
    seed: str | None = None,
    as_of: datetime | None = None,
) -> Account:
    """The member's account, with every lot lapsed by now (or ``as_of``) already written off.

    ``as_of`` is for replaying history in time order (imports): the write-off
    happens as a nightly job running at that moment would have done it.
    """
    account = Account.open(uow, member, seed=seed)
    expire_lapsed(uow, shop, account, as_of or shop.clock.now())
    return account
