"""Why and when a member's tier changed: every change is kept, not only those a sale made.

A sale stores the tier it began and ended with, but a tier also moves when a
refund takes spend back, when points are awarded for an activity, when the
daily job re-measures a rolling window, and when two members are merged. The
member record's tier history and the reports' tier movements read these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class TierCause(StrEnum):
    """What moved the member to another tier."""

    SALE = "sale"
    REFUND = "refund"
    ACTIVITY = "activity"  # points awarded for an activity (sign-up, review...)
    REVIEW = "review"  # the daily job re-measured the tier (a rolling window moved on)
    MERGE = "merge"  # a duplicate's history was merged in


@dataclass(frozen=True)
class TierChange:
    """One move from ``before`` to ``after`` (None: no tier) at ``at``; ``ref`` names the sale or refund."""

    member_id: str
    at: datetime
    before: str | None
    after: str | None
    cause: TierCause
    ref: str | None = None
