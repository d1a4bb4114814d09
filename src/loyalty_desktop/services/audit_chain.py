"""Where the audit log's sealed chain breaks, entry by entry, for the viewer and for a restore's check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from loyalty_desktop.domain.audit import GENESIS
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import audit_body
from loyalty_desktop.services.ports import AuditEntry, AuditSeal

MAX_BREAKS = 20


class BreakKind(StrEnum):
    """How the chain is broken at an entry."""

    MISSING = "missing"  # a sequence number is skipped: entries were removed
    ALTERED = "altered"  # the entry or its seal does not match: edited, inserted or re-sealed
    CUT_OFF = "cut_off"  # newer entries were recorded outside the database but are gone
    HEAD_DIFFERS = "head_differs"  # the newest recorded entry is not the one in the database
    HEAD_UNKNOWN = "head_unknown"  # nothing recorded outside: cutting the end would not show


@dataclass(frozen=True)
class ChainBreak:
    """One break: the entry where it shows, and what is wrong there."""

    seq: int
    kind: BreakKind


@dataclass(frozen=True)
class ChainVerdict:
    """Whether the audit log is intact, how many entries were checked, and every break found."""

    intact: bool
    entries: int
    breaks: tuple[ChainBreak, ...]

    @property
    def first_break(self) -> ChainBreak | None:
        """The earliest break: entries before it are trustworthy."""
        return self.breaks[0] if self.breaks else None


def chain_breaks(
    entries: Iterable[AuditEntry], seal: AuditSeal, *, with_head: bool = True
) -> tuple[int, list[ChainBreak]]:
    """How many entries there are and where the chain breaks (``with_head``: the end too)."""
    breaks: list[ChainBreak] = []
    prev, expected, count = GENESIS, 1, 0
    seals: dict[int, str] = {}
    for entry in entries:
        count += 1
        if entry.seq != expected:
            breaks.append(ChainBreak(expected, BreakKind.MISSING))
        if entry.prev_hash != prev or seal.seal(prev, audit_body(entry)) != entry.hash:
            breaks.append(ChainBreak(entry.seq, BreakKind.ALTERED))
        seals[entry.seq] = entry.hash
        prev, expected = entry.hash, entry.seq + 1
    if with_head:
        head = seal.head()
        if head is None:
            if seals:
                breaks.append(ChainBreak(expected - 1, BreakKind.HEAD_UNKNOWN))
        elif head[0] not in seals:
            breaks.append(ChainBreak(head[0], BreakKind.CUT_OFF))
        elif seals[head[0]] != head[1]:
            breaks.append(ChainBreak(head[0], BreakKind.HEAD_DIFFERS))
    return count, breaks[:MAX_BREAKS]


def verify_chain(shop: Shop, actor: Actor) -> ChainVerdict:
    """Check every entry's seal against the one before it, and the newest against its record."""
    require(actor, Permission.AUDIT)
    with shop.uow(write=False) as uow:
        count, breaks = chain_breaks(uow.audit.all(), shop.audit_seal)
    return ChainVerdict(not breaks, count, tuple(breaks))
