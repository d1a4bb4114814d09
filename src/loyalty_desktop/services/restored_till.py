"""A till restored from a backup syncs once before it gives anything out again.

A backup knows nothing of what the till did after it was taken: the member and card numbers
it gave out, the cards it reprinted, the coupons it issued, the sales it had sent, the points
its members spent, the refunds it paid. The chain's server has all of it, and the restored
till gets it back by its first pull. Until a sync pass has pushed and pulled once, a connected
till restored here refuses what would give a number, a card or a coupon out a second time or
spend on what it no longer knows: enrolling (and importing) members, reprinting a card,
issuing an offer's coupons, paying with points, rewards or a coupon, and refunds. Selling and
earning go on. (helper-76's attack on restores: a restored till gave a new customer the
number and card of a customer enrolled after the backup, printed a lost card's code again,
issued coupons with another member's codes, and let points spent after the backup be spent
again.)

Disconnecting the store lifts it: a till on its own has no chain to learn from. A database
file copied back by hand, not restored here, is not known to be restored.
"""

from __future__ import annotations

from datetime import datetime

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.programs import SYNC_SERVER

RESTORED = "sync.restored_at"  # when this file was restored, until a sync pass pulled


class SyncFirst(LoyaltyError):
    """The till was restored from a backup and has not synced with the chain since."""

    code = "sync_first"


def mark_restored(uow: UnitOfWork, at: datetime) -> None:
    """The file was just restored from a backup (in the restored file's own transaction)."""
    uow.settings.set(RESTORED, at.isoformat())


def restored_unsynced(uow: UnitOfWork) -> bool:
    """Whether this till is connected and has not pulled since it was restored."""
    return bool(uow.settings.get(RESTORED)) and bool(uow.settings.get(SYNC_SERVER))


def refuse_until_synced(uow: UnitOfWork) -> None:
    """Refuse, with the reason, while a connected till has not synced since its restore."""
    if restored_unsynced(uow):
        raise SyncFirst(
            "this till was restored from a backup and has not synced with the chain's server "
            "since: enrolling, card printing, coupons, paying with points and refunds wait "
            "until it has (Send now on the Sync page, or loyalty sync --once)",
            reason="restored_sync_first",
            restored_at=uow.settings.get(RESTORED),
        )


def synced(uow: UnitOfWork) -> bool:
    """A sync pass pushed and pulled: the till knows again what it did after the backup."""
    if not uow.settings.get(RESTORED):
        return False
    uow.settings.set(RESTORED, "")
    return True
