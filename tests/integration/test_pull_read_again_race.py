"""Reading passed-over changes again while a pull applies a page: the person's rewind stands.

``read_again`` moves the pull's cursor back and clears the lists; a page applied meanwhile
used to set the cursor to its own end, so the changes to read again were skipped for good
and their notes were gone.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.services import pull, pull_review
from loyalty_desktop.services.auth import LOCAL_ADMIN
from tests.conftest import FixedClock
from tests.sync_wire import Wire


class RereadMidPage(Wire):
    """A log whose first page is read while a person asks to read again (once)."""

    def __init__(self, opened: Opened) -> None:
        super().__init__()
        self.opened = opened
        self.asked: list[int] = []

    def changes(self, after: int, limit: int) -> tuple[list[Mapping[str, Any]], int]:
        self.asked.append(after)
        if len(self.asked) == 1:
            pull_review.read_again(self.opened.shop, LOCAL_ADMIN)
        return super().changes(after, limit)


@pytest.fixture
def opened(tmp_path: Path, clock: FixedClock) -> Iterator[Opened]:
    found = open_database(tmp_path / "till.db", clock=clock, keys_dir=tmp_path / "keys")
    yield found
    found.engine.dispose()


def test_a_rewind_asked_while_a_page_is_applied_is_kept(opened: Opened) -> None:
    passed = {"pos": 3, "store_id": "s", "member_id": None, "member_no": None,
              "reason": "x", "details": {}, "message": "x"}  # fmt: skip
    with opened.shop.uow() as uow:
        uow.settings.set(pull.SKIPPED, json.dumps([passed]))
        uow.settings.set(pull.CURSOR, "10")
        uow.commit()
    wire = RereadMidPage(opened)
    wire.log = [{"pos": 11, "kind": "nothing this till knows", "store_id": "s"}]
    pull.pull(opened.shop, wire, "own")
    # read from 10, then again from 2 (the rewind), then past the end: nothing skipped
    assert wire.asked == [10, 2, 11]
