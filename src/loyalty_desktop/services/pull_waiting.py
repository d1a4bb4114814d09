"""Members whose pulled changes wait for their record, kept for one page with an undo.

A change naming a member this till has not got (two batches of the enrolling store
committed out of order) waits: the member's first such position is kept, and the pull
reads again from there once the member arrives. A page applies each change in a savepoint;
a change that fails must leave the map as it was. Copying the whole map before every
change cost its whole size per change (10,000 entries from a store whose members never
arrive: attack12 #13); only what the failed change itself set is put back now. The map is
kept as one setting, read and written by every page, so it is bounded: past ``MAX_WAITING``
members the pull stops waiting for those waited for longest (services/pull.py keeps their
changes aside, for ``loyalty check`` and for reading again).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping

MAX_WAITING = 10_000  # members; an honest chain has a handful at a time (two batches in flight)


class Waiting:
    """Member id -> first position of their changes waiting; edits since ``begin`` undoable."""

    def __init__(self, first: Mapping[str, int]) -> None:
        self._first = dict(first)
        self._undo: dict[str, int | None] = {}

    def begin(self) -> None:
        """Start a change: what it sets from here on can be undone."""
        self._undo = {}

    def wait(self, member_id: str, pos: int) -> None:
        """The member's change at ``pos`` waits for their record (the earliest is kept)."""
        self._undo.setdefault(member_id, self._first.get(member_id))
        self._first[member_id] = min(self._first.get(member_id, pos), pos)

    def arrived(self, member_id: str) -> int | None:
        """The member's record is here: their first waiting position, no longer waiting."""
        if member_id not in self._first:
            return None
        self._undo.setdefault(member_id, self._first[member_id])
        return self._first.pop(member_id)

    def undo(self) -> None:
        """Put back what the change since ``begin`` set."""
        for member_id, pos in self._undo.items():
            if pos is None:
                self._first.pop(member_id, None)
            else:
                self._first[member_id] = pos
        self._undo = {}

    def beyond(self, limit: int) -> list[tuple[str, int]]:
        """Stop waiting for all but ``limit`` members: those waited for longest, with their positions."""
        over = len(self._first) - limit
        if over <= 0:
            return []
        oldest = heapq.nsmallest(over, self._first.items(), key=lambda item: (item[1], item[0]))
        for member_id, _pos in oldest:
            del self._first[member_id]
        return oldest  # nsmallest gives them in that order

    def as_dict(self) -> dict[str, int]:
        """The map as kept between pages."""
        return dict(self._first)
