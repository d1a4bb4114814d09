"""A batch sends the same short statements whatever its size, and long texts are refused, not cut.

psycopg parses a statement's text in Python each time unless it has seen it before with
under 50 parameters; a multi-row `VALUES` or an `IN` list is a new text for every batch
size. The batch writes its rows as one array per column (server/bulk.py), so after a
first batch a second one of another size brings no new statement and nothing long.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy
from sqlalchemy import event
from sqlalchemy.exc import DBAPIError

from loyalty_desktop.server.bulk import arrays, insert_from_arrays
from loyalty_desktop.server.migrate import upgrade
from loyalty_desktop.server.push import INBOX_COLUMNS, push_batch
from loyalty_desktop.server.stores import add_store
from loyalty_desktop.server.tables import changes, inbox
from loyalty_desktop.server.transactions import server_engine
from tests.server.direct import as_pushed
from tests.server.events import enrolled, sale

PSYCOPG_CACHED_PARAMS = 50  # psycopg's MAX_CACHED_STATEMENT_PARAMS


@contextmanager
def _statements(engine: sqlalchemy.Engine) -> Iterator[list[tuple[str, int]]]:
    seen: list[tuple[str, int]] = []

    def record(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        # an executemany sends one short statement once per row: count a row's parameters
        row = params[0] if isinstance(params, list | tuple) and params else params
        seen.append((statement, len(row) if isinstance(row, Mapping) else len(row or ())))

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _batch(members: int, seq: Iterator[int]) -> list[dict[str, Any]]:
    ids = [str(uuid.uuid4()) for _ in range(members)]
    return [enrolled(m, next(seq)) for m in ids] + [sale(m, next(seq)) for m in ids]


def test_batches_of_other_sizes_send_no_new_or_long_statement(server_db: str) -> None:
    engine = server_engine(server_db)
    try:  # a failed assertion must not leave an open connection for a later test's GC to find
        upgrade(engine)
        with engine.begin() as conn:
            store_id = add_store(conn, "Shop")[0]
        seq = iter(range(1, 1_000_000))
        with _statements(engine) as first, engine.begin() as conn:
            push_batch(conn, store_id, as_pushed(_batch(50, seq)))
        with _statements(engine) as second, engine.begin() as conn:
            push_batch(conn, store_id, as_pushed(_batch(17, seq)))
        known = {text for text, _ in first}
        assert [text for text, _ in second if text not in known] == []
        assert max(count for _, count in first + second) < PSYCOPG_CACHED_PARAMS
        with engine.connect() as conn:
            applied = conn.exec_driver_sql("select count(*) from inbox where status = 'applied'")
            assert applied.scalar_one() == 2 * (50 + 17)
    finally:
        engine.dispose()


def _engine(server_db: str, binary: bool) -> sqlalchemy.Engine:
    """The server's engine (arrays in binary), or a plain one (arrays as text literals)."""
    return server_engine(server_db) if binary else sqlalchemy.create_engine(server_db)


@pytest.mark.parametrize("binary", [True, False], ids=["binary", "text"])
def test_a_text_longer_than_its_column_is_refused_not_cut(server_db: str, binary: bool) -> None:
    engine = _engine(server_db, binary)
    upgrade(engine)
    row = {
        "store_id": uuid.uuid4(),
        "event_id": uuid.uuid4(),
        "key": "k" * 201,  # inbox.key is 200
        "device_id": uuid.uuid4(),
        "seq": 1,
        "kind": "sale.recorded",
        "version": 1,
        "payload_hash": "0" * 64,
        "status": "applied",
        "reason": None,
        "received_at": datetime.now(UTC),
    }
    with pytest.raises(DBAPIError, match="too long"), engine.begin() as conn:
        conn.execute(insert_from_arrays(inbox, INBOX_COLUMNS), arrays([row], INBOX_COLUMNS))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from inbox").scalar_one() == 0
    engine.dispose()


# What an array literal must quote or escape (psycopg does it with a regular expression),
# and what a binary array must carry as it is.
AWKWARD = [
    '{"a": "say \\"hi\\"", "b": "back\\\\slash"}',
    "NULL",
    "null",
    "",
    " leading and trailing ",
    "{braces},commas;",
    "tab\tnewline\n",
    "\u3000ideographic space\u2003em space",
    "汉字 and ümlauts",
]


@pytest.mark.parametrize("binary", [True, False], ids=["binary", "text"])
def test_texts_written_as_arrays_are_stored_as_sent(server_db: str, binary: bool) -> None:
    engine = _engine(server_db, binary)
    upgrade(engine)
    store_id = uuid.uuid4()
    rows = [
        {"pos": i, "member_id": uuid.uuid4(), "store_id": store_id, "kind": "k", "body": text}
        for i, text in enumerate(AWKWARD, start=1)
    ]
    columns = tuple(c.name for c in changes.c)
    with engine.begin() as conn:
        conn.execute(insert_from_arrays(changes, columns), arrays(rows, columns))
    with engine.connect() as conn:
        stored = conn.exec_driver_sql("select body from changes order by pos").scalars().all()
    assert stored == AWKWARD
    engine.dispose()
