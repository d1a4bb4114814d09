"""Driving push_batch in the test's own transactions: events as the app reads them, lock waits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy

from loyalty_desktop.server.app import PushIn
from loyalty_desktop.server.push import WireEvent

LOCK_LOOKS = 2000  # looks at pg_stat_activity before going on anyway


def as_pushed(events: Sequence[Mapping[str, Any]]) -> list[WireEvent]:
    """Wire events (tests/server/events.py) as the push endpoint hands them to push_batch."""
    body = PushIn.model_validate({"events": list(events)})
    return [WireEvent(**e.model_dump()) for e in body.events]


def wait_for_lock(engine: sqlalchemy.Engine, table: str) -> None:
    """Until a statement naming ``table`` waits on a lock (another transaction's), no sleeping."""
    waiting = sqlalchemy.text(
        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like :like"
    )
    with engine.connect() as watcher:
        for _ in range(LOCK_LOOKS):
            if watcher.execute(waiting, {"like": f"%{table}%"}).scalar():
                return
            watcher.rollback()
