"""Sending this store's outbox to the central server: only what the server acknowledged is marked sent.

The pump reads the oldest unsent events in short transactions of its own and never
holds the till's lock while it talks to the network, so a sale is never kept waiting
on the server. An event the server answered ``applied``, ``duplicate`` or ``rejected``
has been recorded there (the server keeps the first answer) and leaves the queue; a
``conflict`` (409) is quarantined here for a manager to look at. Anything else (a
timeout, a refused connection, a 5xx, a cut connection after the server committed)
leaves the events queued, and the next attempt's duplicates make the replay harmless.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services.context import Shop

BATCH = 100
SERVER, TOKEN, STORE = "sync.server", "sync.token", "sync.store_id"
LAST_SYNC, QUARANTINED = "sync.last_sync", "sync.quarantined"
ACKNOWLEDGED = frozenset({"applied", "duplicate", "rejected"})


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


class ServerUnavailable(Exception):
    """The server could not be reached or did not answer (the events stay queued)."""


class SyncServer(Protocol):
    """The central server's push endpoint."""

    def push(self, events: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        """Send a batch; one result (``status``, ``reason``) per event, in order."""
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


def _queue(shop: Shop) -> SyncQueue:
    if shop.sync_queue is None:
        raise InvalidRequest("this database cannot sync", reason="sync_unavailable")
    return shop.sync_queue


def connect(shop: Shop, server: str, token: str, store_id: str) -> None:
    """Remember the server, this store's token and id (in the installation's settings)."""
    with shop.uow() as uow:
        uow.settings.set(SERVER, server)
        uow.settings.set(TOKEN, token)
        uow.settings.set(STORE, store_id)
        uow.commit()


def connection(shop: Shop) -> tuple[str | None, str | None]:
    """The server URL and token this store syncs with, if connected."""
    with shop.uow() as uow:
        return uow.settings.get(SERVER), uow.settings.get(TOKEN)


def _quarantined(shop: Shop) -> list[dict[str, Any]]:
    with shop.uow() as uow:
        return list(json.loads(uow.settings.get(QUARANTINED) or "[]"))


def push_pending(shop: Shop, server: SyncServer) -> SyncReport:
    """Send every queued event in batches of 100 until the queue is empty or the server fails.

    Raises ServerUnavailable (after marking what was acknowledged before it) so the
    caller can back off and try again.
    """
    queue = _queue(shop)
    pushed = duplicates = rejected = quarantined = 0
    while batch := queue.pending(BATCH):
        results = server.push([e.wire() for e in batch])
        if len(results) != len(batch):
            raise ServerUnavailable(f"the server answered {len(results)} of {len(batch)} events")
        done: list[str] = []
        held: list[dict[str, Any]] = []
        for event, result in zip(batch, results, strict=True):
            status = result.get("status")
            if status in ACKNOWLEDGED:
                done.append(event.id)
                pushed += status == "applied"
                duplicates += status == "duplicate"
                rejected += status == "rejected"
            elif status == "conflict":
                held.append({"id": event.id, "key": event.key, "reason": result.get("reason")})
        if held:
            _hold(shop, held)
            quarantined += len(held)
        queue.mark_sent(done + [h["id"] for h in held], shop.clock.now())
        with shop.uow() as uow:
            uow.settings.set(LAST_SYNC, shop.clock.now().isoformat())
            uow.commit()
    return SyncReport(pushed, duplicates, rejected, quarantined)


def _hold(shop: Shop, held: Sequence[Mapping[str, Any]]) -> None:
    with shop.uow() as uow:
        known = json.loads(uow.settings.get(QUARANTINED) or "[]")
        ids = {k["id"] for k in known}
        known += [h for h in held if h["id"] not in ids]
        uow.settings.set(QUARANTINED, json.dumps(known))
        uow.commit()


def sync_with_retry(
    shop: Shop,
    server: SyncServer,
    *,
    attempts: int = 5,
    first_wait: float = 1.0,
    sleep: Callable[[float], None],
) -> SyncReport:
    """Push until the queue is empty, backing off (1, 2, 4 … s) while the server is away."""
    total = SyncReport()
    for attempt in range(1, attempts + 1):
        try:
            return _add(total, push_pending(shop, server))
        except ServerUnavailable:
            if attempt == attempts:
                raise
            sleep(min(60.0, first_wait * 2 ** (attempt - 1)))
    return total


def _add(a: SyncReport, b: SyncReport) -> SyncReport:
    return SyncReport(
        a.pushed + b.pushed,
        a.duplicates + b.duplicates,
        a.rejected + b.rejected,
        a.quarantined + b.quarantined,
        a.pulled + b.pulled,
    )


def status(shop: Shop) -> SyncStatus:
    """Queue length, last sync and quarantined events."""
    server, _ = connection(shop)
    with shop.uow() as uow:
        last = uow.settings.get(LAST_SYNC)
    return SyncStatus(server, _queue(shop).queued(), last, len(_quarantined(shop)))


def quarantined(shop: Shop) -> list[dict[str, Any]]:
    """The events the server refused as a reused key with another payload."""
    return _quarantined(shop)
