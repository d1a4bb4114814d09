"""Two batches that go event by event and name the same members in opposite orders never deadlock.

A batch holding a replayed event is applied one event at a time, each adding to its
member's balance as it comes; two such batches naming members A…J and J…A used to
take the balance rows in opposite orders and deadlock (40P01). The soak test saw one
push deadlock on all six attempts of ``in_transaction`` and answer 500.
"""

from __future__ import annotations

import threading
import uuid

import sqlalchemy
from sqlalchemy.exc import DBAPIError

from loyalty_desktop.server.migrate import upgrade
from loyalty_desktop.server.push import WireEvent, push_batch
from loyalty_desktop.server.stores import add_store
from loyalty_desktop.server.transactions import sqlstate
from tests.server.direct import as_pushed
from tests.server.events import enrolled, sale

MEMBERS = 10
ROUNDS = 12


def test_batches_naming_members_in_opposite_orders_do_not_deadlock(server_db: str) -> None:
    engine = sqlalchemy.create_engine(server_db, pool_size=4)
    upgrade(engine)
    with engine.begin() as conn:
        store_id, _, _ = add_store(conn, "Shop")
    members = [str(uuid.uuid4()) for _ in range(MEMBERS)]
    seq = iter(range(1, 1_000_000))
    first = [enrolled(m, next(seq)) for m in members] + [sale(m, next(seq)) for m in members]
    with engine.begin() as conn:
        push_batch(conn, store_id, as_pushed(first))
    replayed = first[-1]  # already in: each batch below takes the event-by-event path
    deadlocks: list[str] = []
    failures: list[BaseException] = []

    def push(events: list[WireEvent], line: threading.Barrier) -> None:
        line.wait()
        try:
            with engine.begin() as conn:  # no retry here: a deadlock is counted, not hidden
                push_batch(conn, store_id, events)
        except DBAPIError as exc:
            if sqlstate(exc) != "40P01":
                raise
            deadlocks.append(str(exc.orig))
        except BaseException as exc:  # reported below
            failures.append(exc)

    for _ in range(ROUNDS):
        forward = as_pushed([replayed] + [sale(m, next(seq)) for m in members])
        backward = as_pushed([replayed] + [sale(m, next(seq)) for m in reversed(members)])
        line = threading.Barrier(2)
        doors = [threading.Thread(target=push, args=(b, line)) for b in (forward, backward)]
        for d in doors:
            d.start()
        for d in doors:
            d.join(60)
    engine.dispose()
    assert failures == []
    assert deadlocks == []
