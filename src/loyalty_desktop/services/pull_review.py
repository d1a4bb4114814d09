"""What the pull passed over, for a person: list it, and read it again once the cause is fixed.

A change of the server's log this till could not read or apply (a newer server's shape, a
total beyond what the till keeps) is kept aside and passed over; a member of another
store whose number a member here holds is a clash, and their changes are passed over too
(services/pull.py). Once the cause is gone (the till upgraded, the number here changed),
``read_again`` moves the pull's cursor back to the earliest of them and clears both
lists: the next pass reads the log again from there. Reading a change again is harmless
(movements and lots are kept by id, a member once), and what still cannot be applied is
kept aside again. Clashes noted before they carried their position are read again from
the start of the log.
"""

from __future__ import annotations

from dataclasses import dataclass

from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.pull import (
    CLASHES,
    CURSOR,
    SKIPPED,
    SKIPPED_FROM,
    clashes,
    skipped,
)


@dataclass(frozen=True)
class PullClash:
    """A member of another store not added here: a member here holds their number."""

    member_id: str
    member_no: str | None
    store_id: str | None
    reason: str  # number_taken
    pos: int | None  # the change of the log that met it (None: noted by an older version)


@dataclass(frozen=True)
class ReadAgain:
    """What ``read_again`` did: the cursor before and after, and how many it cleared."""

    cursor_was: int
    cursor: int
    passed_over: int
    clashes: int


def pull_clashes(shop: Shop, actor: Actor) -> list[PullClash]:
    """Members of other stores not added here (managers look at them), oldest first."""
    require(actor, Permission.AUDIT)
    with shop.uow(write=False) as uow:
        noted = clashes(uow)
    return [
        PullClash(c["member_id"], c.get("member_no"), c.get("store_id"), c["reason"], c.get("pos"))
        for c in noted
    ]


def read_again(shop: Shop, actor: Actor) -> ReadAgain:
    """Read the passed-over changes and clashes again at the next pass (admin; audited)."""
    require(actor, Permission.SYNC)
    with shop.uow() as uow:
        kept, noted = skipped(uow), clashes(uow)
        was = int(uow.settings.get(CURSOR) or 0)
        first = uow.settings.get(SKIPPED_FROM)  # the list keeps the latest 200 only
        if not kept and not noted:
            return ReadAgain(was, was, 0, 0)
        positions = [int(k["pos"]) for k in kept] + [
            int(c["pos"]) if c.get("pos") is not None else 1 for c in noted
        ]
        if first and kept:
            positions.append(int(first))
        cursor = min(was, max(0, min(positions) - 1))
        uow.settings.set(CURSOR, str(cursor))
        uow.settings.set(SKIPPED, "[]")
        uow.settings.set(SKIPPED_FROM, "")
        uow.settings.set(CLASHES, "[]")
        done = ReadAgain(was, cursor, len(kept), len(noted))
        write_audit(
            uow,
            shop,
            actor,
            "sync.read_again",
            f"setting:{CURSOR}",
            None,
            {"cursor_was": was, "cursor": cursor, "passed_over": len(kept), "clashes": len(noted)},
            shop.clock.now(),
        )
        uow.commit()
    return done
