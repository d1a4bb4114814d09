"""A merge and the duplicate's sale from another store, committing at the same moment: the sale is the kept member's.

The merge moves the duplicate's recorded sales to the kept member; a sale arriving after
it follows the merge. Run side by side, the sale's batch could read "not merged" while
the merge's batch moved the sales it could see, and the sale stayed under the duplicate.
Both batches lock the balance rows of the members they name before anything (push.py),
so one waits for the other and either order ends with the sale under the kept member.
"""

from __future__ import annotations

import threading
import uuid

import pytest
import sqlalchemy

from loyalty_desktop.server.migrate import upgrade
from loyalty_desktop.server.push import WireEvent, push_batch
from loyalty_desktop.server.stores import add_store
from tests.server.direct import as_pushed
from tests.server.events import enrolled, merged, sale

ROUNDS = 12


@pytest.mark.parametrize("history", ["a sale before", "nothing before"])
def test_a_sale_racing_the_merge_of_its_member_ends_under_the_member_kept(
    server_db: str, history: str
) -> None:
    engine = sqlalchemy.create_engine(server_db, pool_size=4)
    upgrade(engine)
    with engine.begin() as conn:
        shop_a, shop_b = add_store(conn, "A")[0], add_store(conn, "B")[0]
    seq = iter(range(1, 1_000_000))
    failures: list[BaseException] = []

    def push(store: uuid.UUID, events: list[WireEvent], line: threading.Barrier) -> None:
        line.wait()
        try:
            with engine.begin() as conn:
                push_batch(conn, store, events)
        except BaseException as exc:  # reported below
            failures.append(exc)

    wrong = []
    for _ in range(ROUNDS):
        keep, dup = str(uuid.uuid4()), str(uuid.uuid4())
        with engine.begin() as conn:
            first = [enrolled(keep, next(seq)), enrolled(dup, next(seq))]
            if history == "a sale before":
                first.append(sale(dup, next(seq)))
            push_batch(conn, shop_a, as_pushed(first))
        late = sale(dup, next(seq), earned=7, price="7.00")
        moved = 105 if history == "a sale before" else 0
        line = threading.Barrier(2)
        doors = [
            threading.Thread(
                target=push, args=(shop_a, as_pushed([merged(keep, dup, next(seq), moved)]), line)
            ),
            threading.Thread(target=push, args=(shop_b, as_pushed([late]), line)),
        ]
        for d in doors:
            d.start()
        for d in doors:
            d.join(60)
        with engine.connect() as conn:
            owner = conn.exec_driver_sql(
                f"select member_id from sales where id = '{late['payload']['id']}'"
            ).scalar_one()
        if str(owner) != keep:
            wrong.append(late["payload"]["id"])
    engine.dispose()
    assert failures == []
    assert wrong == []
