"""Idempotent requests racing each other: the loser of a unique key tries once more and finds the winner's result."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from loyalty_desktop.services.ports import Conflict

T = TypeVar("T")


def once_more_on_conflict(attempt: Callable[[], T]) -> T:
    """Run ``attempt`` (one whole unit of work); if a concurrent writer took the same key, run it again.

    The second run sees the other writer's committed work (a replayed sale, a
    device id) and answers from it; a second conflict is a real fault and is raised.
    """
    try:
        return attempt()
    except Conflict:
        return attempt()
