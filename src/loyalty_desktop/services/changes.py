"""What an operation changed, so a screen refreshes only what it shows of that (as Anki's ops do)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """The parts of the shop a finished operation touched.

    ``members`` lists the ids whose points, tier or profile changed; the flags
    say whether sales, the programme, staff accounts or the audit log did.
    """

    members: frozenset[str] = frozenset()
    sales: bool = False
    program: bool = False
    staff: bool = False
    audit: bool = False

    @classmethod
    def of_members(cls, *ids: str | None, sales: bool = False, audit: bool = False) -> Changes:
        """The members with these ids (None skipped), and whether sales or the audit log changed."""
        return cls(frozenset(i for i in ids if i), sales=sales, audit=audit)


NOTHING = Changes()
