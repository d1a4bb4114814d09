"""A stand-in for the central server's client, for tests of the store's side of syncing.

What is under test is the store (what leaves the queue, what the status and screens say);
tests/server tries the real server over HTTP.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.sync import ServerStore


class Wire:
    """Answers every event ``answer`` while up; raises ``failure`` as the HTTP client would."""

    def __init__(self, store_id: str = "store-9", store_no: int | None = None) -> None:
        self.failure: Exception | None = None
        self.answer = "applied"
        self.calls = 0
        self.keys: list[str] = []
        self.tokens: list[str] = []
        self.log: list[Mapping[str, Any]] = []  # what other stores did, as the server logs it
        self.held: list[tuple[str, str, int]] = []  # redemption holds asked: id, member, points
        self.released: list[str] = []
        self._store = ServerStore(store_id, store_no)

    def store(self) -> ServerStore:
        if self.failure is not None:
            raise self.failure
        return self._store

    def changes(self, after: int, limit: int) -> tuple[list[Mapping[str, Any]], int]:
        """The change log ``log`` after ``after`` (empty unless a test fills it)."""
        if self.failure is not None:
            raise self.failure
        page = [c for c in self.log if c["pos"] > after][:limit]
        return page, page[-1]["pos"] if page else after

    def hold(self, hold_id: str, member_id: str, points: int) -> Mapping[str, Any]:
        """Every redemption held (the server's own rules are tried in tests/server)."""
        if self.failure is not None:
            raise self.failure
        self.held.append((hold_id, member_id, points))
        return {"hold_id": hold_id, "status": "held", "available": points}

    def release(self, hold_id: str) -> None:
        if self.failure is not None:
            raise self.failure
        self.released.append(hold_id)

    def push(self, events: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
        self.calls += 1
        if self.failure is not None:
            raise self.failure
        self.keys += [e["key"] for e in events]
        return [{"status": self.answer, "reason": "key_reused"} for _ in events]


def wired(shop: Shop, wire: Wire) -> Shop:
    """The shop, its server client replaced by ``wire`` (which notes each token it is given)."""

    def client(url: str, token: str) -> Wire:
        wire.tokens.append(token)
        return wire

    return replace(shop, sync_server=client)
