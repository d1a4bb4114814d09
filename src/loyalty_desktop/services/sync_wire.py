"""What the sync pump and the server's client say to each other: queued events, answers, failures.

The types of ``services/sync.py``'s port to the central server (``sync/http.py`` is its HTTP
adapter; the tests' wires are others) and of the status it reports. Kept apart from the
pump so each file says one thing; ``services/sync.py`` re-exports them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol


@dataclass(frozen=True)
class QueuedEvent:
    """An outbox event as it goes on the wire."""

    id: str
    device_id: str
    seq: int
    kind: str
    version: int
    key: str
    at: datetime
    payload: Mapping[str, Any]

    def wire(self) -> dict[str, Any]:
        """The JSON object the server's push endpoint takes."""
        return {
            "id": self.id,
            "device_id": self.device_id,
            "seq": self.seq,
            "kind": self.kind,
            "version": self.version,
            "key": self.key,
            "at": self.at.isoformat(),
            "payload": dict(self.payload),
        }


class SyncQueue(Protocol):
    """The outbox seen from the pump: each call is its own short transaction."""

    def pending(self, limit: int) -> list[QueuedEvent]:
        """The oldest unsent events (per device in sequence order)."""
        ...

    def mark_sent(self, ids: Sequence[str], at: datetime) -> None:
        """Take acknowledged events off the queue."""
        ...

    def queued(self) -> int:
        """How many events wait to be sent."""
        ...

    def unsent(self, containing: str) -> list[tuple[str, Mapping[str, Any]]]:
        """Kind and payload of the unsent events whose payload text contains ``containing``."""
        ...

    def forget_profiles(self, member_ids: Sequence[str]) -> int:
        """Take erased members' profiles out of their queued or sent profile events; how many."""
        ...


class ServerUnavailable(Exception):
    """The server could not be reached or did not answer (the events stay queued)."""


class ServerAnswerUnreadable(ServerUnavailable):
    """The server was reached but its answer cannot be used (an error status, not JSON, not shaped as asked).

    Still ``ServerUnavailable`` (nothing is applied, the events stay queued, the next pass
    asks again), but the till says "answered" rather than "could not be reached".
    """


class BatchTooLarge(ServerAnswerUnreadable):
    """The server refused a batch for its size (413): the pump sends it again in halves."""


class TokenRefused(Exception):
    """The server does not know this store's token (revoked, or mistyped): retrying cannot help."""


@dataclass(frozen=True)
class ServerStore:
    """The store a token belongs to, as the server says: its id and its number.

    ``store_no`` is None from a server before store numbers (the till keeps numbering
    members by card number).
    """

    store_id: str
    store_no: int | None = None


class SyncServer(Protocol):
    """The central server's push and pull endpoints."""

    def push(self, events: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        """Send a batch; one result (``status``, ``reason``) per event, in order."""
        ...

    def changes(self, after: int, limit: int) -> tuple[list[Mapping[str, Any]], int]:
        """The change log after ``after`` (oldest first) and the cursor to ask with next."""
        ...

    def store(self) -> ServerStore:
        """The store the token belongs to (checks the URL and the token)."""
        ...

    def hold(self, hold_id: str, member_id: str, points: int) -> Mapping[str, Any]:
        """Ask the server to keep a member's points for a sale about to be posted.

        The answer's ``status`` is ``held`` (with ``expires_at``) or ``refused``, with
        ``available``: what the member has less other stores' live holds. Quick: a till
        waits on it, so a slow server is ServerUnavailable within seconds.
        """
        ...

    def release(self, hold_id: str) -> None:
        """Give a hold's points back (the sale did not go through)."""
        ...


@dataclass(frozen=True)
class SyncReport:
    """What one pass of the pump did."""

    pushed: int = 0
    duplicates: int = 0
    rejected: int = 0
    quarantined: int = 0
    pulled: int = 0


@dataclass(frozen=True)
class SyncStatus:
    """The queue as the status bar and ``loyalty sync status`` show it."""

    server: str | None
    queue: int
    last_sync: str | None
    quarantined: int
    store_id: str | None = None
    problem: str | None = (
        None  # None, "server_unavailable", "server_answer", "token_refused", "refused"
    )
    store_no: int | None = None  # the server's number for this store
    member_numbers: str | None = None  # the block new members are numbered in, "first-last"
    last_pull: str | None = None  # when other stores' changes were last applied here
    clashes: int = 0  # members of other stores not added here (their number is taken here)
    skipped: int = 0  # changes of the log this till could not read or apply (passed over)


@dataclass(frozen=True)
class QuarantinedEvent:
    """An event the server refused because its key was already used with another payload."""

    id: str
    key: str
    kind: str
    reason: str | None
