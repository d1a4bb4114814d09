"""A pull page stops near 4 MB of change bodies, each change once.

Large offers' terms made pages of hundreds of megabytes for the server and the till to hold.
"""

from __future__ import annotations

import json
import uuid

from sqlalchemy import insert

from loyalty_desktop.server.migrate import upgrade
from loyalty_desktop.server.pull import MAX_PAGE_BYTES, changes_after
from loyalty_desktop.server.tables import changes
from loyalty_desktop.server.transactions import server_engine

BODY = 250_000  # about an offer's terms at their largest (256,000 characters)


def _fill(server_db: str, sizes: list[int]) -> None:
    engine = server_engine(server_db)
    try:
        upgrade(engine)
        store, nobody = uuid.uuid4(), uuid.UUID(int=0)
        rows = [
            {"pos": pos, "member_id": nobody, "store_id": store, "kind": "offer",
             "body": json.dumps({"terms": "x" * size})}
            for pos, size in enumerate(sizes, start=1)
        ]  # fmt: skip
        with engine.begin() as conn:
            conn.execute(insert(changes), rows)
    finally:
        engine.dispose()


def _pages(server_db: str) -> list[list[int]]:
    engine = server_engine(server_db)
    pages, after = [], 0
    try:
        with engine.connect() as conn:
            while True:
                page, after = changes_after(conn, after)
                if not page:
                    return pages
                pages.append([c["pos"] for c in page])
    finally:
        engine.dispose()


def test_large_changes_come_in_pages_of_about_4_mb_each_change_once(server_db: str) -> None:
    _fill(server_db, [BODY] * 40)  # 10 MB
    pages = _pages(server_db)
    body = len(json.dumps({"terms": "x" * BODY}))
    per_page = -(-MAX_PAGE_BYTES // body)  # those that start within the bound
    assert [len(p) for p in pages] == [per_page, per_page, 40 - 2 * per_page]
    assert [pos for page in pages for pos in page] == list(range(1, 41))


def test_a_change_larger_than_a_page_still_comes_alone(server_db: str) -> None:
    _fill(server_db, [10, MAX_PAGE_BYTES * 2, 10])
    assert _pages(server_db) == [[1, 2], [3]]
