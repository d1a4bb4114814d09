"""A change the till cannot read or apply is kept aside and passed over; a garbled page is not."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.services import integrity, pull, sync
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.member_view import show_member
from tests.conftest import FixedClock

OTHER = "store-other"


def _member(pos: int, number: str, points: int, **movement: Any) -> dict[str, Any]:
    """Another store's member credited ``points`` (the log's wire shape)."""
    return {
        "pos": pos,
        "kind": "member",
        "store_id": OTHER,
        "member_id": str(uuid.uuid4()),
        "member_no": number,
        "status": "active",
        "consent": False,
        "created_at": "2026-01-05T10:00:00+00:00",
        "movements": [
            {
                "id": str(uuid.uuid4()),
                "kind": "adjust",
                "points": points,
                "at": "2026-01-05T10:00:00+00:00",
                "lots": [],
                "allocations": [],
                "server": False,
            }
            | movement
        ],
    }


class Log:
    """A change log in memory, answering as the server does (or with the cursor it is told)."""

    def __init__(self, rows: list[dict[str, Any]], cursor: int | None = None) -> None:
        self.rows, self.cursor = rows, cursor

    def changes(self, after: int, limit: int) -> tuple[list[Mapping[str, Any]], int]:
        if not all(isinstance(r, dict) and isinstance(r.get("pos"), int) for r in self.rows):
            return self.rows, after + 1  # garbled: what a broken server (or proxy) sends
        page = [r for r in self.rows if r["pos"] > after][:limit]
        if not page:
            return [], after
        return page, self.cursor if self.cursor is not None else page[-1]["pos"]


@pytest.fixture
def till(tmp_path: Path, clock: FixedClock) -> Iterator[Opened]:
    opened = open_database(tmp_path / "t.db", clock=clock, keys_dir=tmp_path / "keys")
    yield opened
    opened.engine.dispose()


def _cursor(till: Opened) -> str | None:
    with till.shop.uow(write=False) as uow:
        return uow.settings.get(sync.PULL_CURSOR)


def test_a_change_that_cannot_be_read_or_applied_is_kept_aside_and_the_rest_applies(
    till: Opened,
) -> None:
    log = Log(
        [
            _member(3, "102000001", 10**17 + 1),  # beyond what a till keeps: too_large
            _member(5, "102000002", 10, sale=""),  # cannot be read
            _member(6, "102000003", 0, at="0001-01-01T00:00:00+14:00"),  # year 0 in UTC
            _member(9, "102000004", 40),
        ]
    )
    report = pull.pull(till.shop, log, "this-store")
    assert (report.changes, report.skipped) == (1, 3)
    assert show_member(till.shop, LOCAL_ADMIN, "102000004").points == 40
    assert _cursor(till) == "9"
    assert sync.status(till.shop).skipped == 3
    kept = sync.passed_over(till.shop, LOCAL_ADMIN)
    assert [(k.pos, k.store_id, k.reason) for k in kept] == [
        (3, OTHER, "member_total_too_large"),
        (5, OTHER, "pulled_change_unreadable"),
        (6, OTHER, "pulled_change_unreadable"),
    ]
    problems = integrity.check(till.shop, LOCAL_ADMIN, till.integrity).problems
    assert sum("change 3 of the server's log" in p for p in problems) == 1
    assert sum("was not applied here" in p for p in problems) == 3
    with till.shop.uow() as uow:  # read again from the start: nothing doubles
        uow.settings.set(sync.PULL_CURSOR, "")
        uow.commit()
    pull.pull(till.shop, log, "this-store")
    assert sync.status(till.shop).skipped == 3
    assert show_member(till.shop, LOCAL_ADMIN, "102000004").points == 40


@pytest.mark.parametrize(
    "rows",
    [
        ["not a change"],
        [{"kind": "member"}],  # no position
        [_member(4, "102000001", 10), _member(4, "102000002", 10)],  # not rising
    ],
)
def test_a_garbled_page_applies_nothing_and_says_the_server_answered(
    till: Opened, rows: list[Any]
) -> None:
    class Garbled(Log):
        def push(self, events: Any) -> list[Mapping[str, Any]]:
            return []

        def store(self) -> sync.ServerStore:
            return sync.ServerStore("this-store")

    with pytest.raises(sync.ServerAnswerUnreadable):
        sync.sync_pass(till.shop, Garbled(rows))  # type: ignore[arg-type]
    assert _cursor(till) in (None, "")
    assert sync.status(till.shop).problem == "server_answer"
    assert sync.status(till.shop).skipped == 0


def test_a_cursor_past_the_page_is_not_saved(till: Opened) -> None:
    pull.pull(till.shop, Log([_member(2, "102000001", 10)], cursor=1_000_000), "this-store")
    assert _cursor(till) == "2"
