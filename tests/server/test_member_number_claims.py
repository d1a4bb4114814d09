"""Member numbers claimed on the server at the same moment or in one batch: one holder, every other flagged."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import sqlalchemy

from loyalty_desktop.server.stores import add_store
from loyalty_desktop.server.transactions import in_transaction
from tests.server.conftest import Server, _command
from tests.server.events import enrolled


def _enrolled(member_no: str, seq: int) -> dict[str, Any]:
    event = enrolled(str(uuid.uuid4()), seq)
    event["payload"]["member_no"] = member_no
    return event


def _post(
    server: Server, start: threading.Barrier, codes: list[int], event: dict[str, Any], token: str
) -> None:
    start.wait()
    codes.append(server.post("/v1/events", {"events": [event]}, token=token)[0])


def test_two_stores_enrolling_one_number_at_the_same_moment_give_one_holder_and_one_clash(
    server: Server,
) -> None:
    shop_b = _command(server.db, "store", "add", "Shop B")["token"]
    codes: list[int] = []
    numbers = [f"10000{n:03d}" for n in range(8)]
    for n, number in enumerate(numbers):
        pair = [(_enrolled(number, n + 1), server.token), (_enrolled(number, n + 1), shop_b)]
        start = threading.Barrier(2)
        workers = [threading.Thread(target=_post, args=(server, start, codes, *p)) for p in pair]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
    assert codes == [200] * 2 * len(numbers)  # never a 500
    assert server.sql("select count(*) from members") == [(16,)]  # every enrolment applied
    held = server.sql("select member_no, member_id::text from member_numbers order by 1")
    clashes = server.sql("select member_no, other_member_id::text from number_clashes order by 1")
    assert [h[0] for h in held] == numbers
    assert clashes == held  # each number: the other member is flagged against its holder


def test_two_members_with_one_number_in_one_batch_and_the_same_member_again(
    server: Server,
) -> None:
    first, second = _enrolled("A-7", 1), _enrolled("A-7", 2)
    answer = server.post("/v1/events", {"events": [first, second]})[1]
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]
    shop_b = _command(server.db, "store", "add", "Shop B")["token"]
    again = server.post("/v1/events", {"events": [first]}, token=shop_b)[1]  # a copied till
    assert [r["status"] for r in again["results"]] == ["applied"]
    [flagged] = _command(server.db, "review", "list")["numbers"]
    assert (flagged["member_id"], flagged["other_member_id"]) == (
        second["payload"]["id"],
        first["payload"]["id"],
    )


def test_stores_registered_at_the_same_moment_get_numbers_of_their_own(server: Server) -> None:
    engine = sqlalchemy.create_engine(server.db, pool_size=6)
    start = threading.Barrier(6)
    numbers: list[int] = []

    def register(n: int) -> None:
        start.wait()
        numbers.append(in_transaction(engine, lambda c: add_store(c, f"Shop {n}"))[2])

    try:
        workers = [threading.Thread(target=register, args=(n,)) for n in range(6)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
    finally:
        engine.dispose()
    assert sorted(numbers) == [2, 3, 4, 5, 6, 7]  # the fixture's store is 1
