"""Attack round (issue 12) on the Sync page: what it shows after a pass that fails for a reason not the network.

Written as strict xfails by the attack round of 2026-12-07; they failed until the page was fixed.
"""

from __future__ import annotations

import uuid
from typing import Any

from pytestqt.qtbot import QtBot

from loyalty_desktop.services.context import Shop
from loyalty_desktop.ui.tasks import Tasks
from tests.sync_wire import Wire
from tests.ui import test_sync_page as sync_page

shop, tasks, wire = sync_page.shop, sync_page.tasks, sync_page.wire  # the page's fixtures


def _member_with_points(points: int) -> list[dict[str, Any]]:
    """The log's one change: another store's member credited ``points``."""
    return [
        {
            "pos": 1,
            "kind": "member",
            "store_id": "store-other",
            "member_id": str(uuid.uuid4()),
            "points": points,
            "member_no": "102000001",
            "status": "active",
            "consent": False,
            "created_at": "2026-01-05T10:00:00+00:00",
            "review": False,
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
            ],
        }
    ]


def test_after_a_failed_pass_send_now_works_again_and_the_state_is_the_passs(
    qtbot: QtBot,
    shop: Shop,
    tasks: Tasks,
    wire: Wire,
) -> None:
    wire.log = _member_with_points(10**17 + 1)  # postings.MAX_MEMBER_TOTAL: too_large
    page = sync_page._page(qtbot, shop, tasks, sync_page.ADMIN)
    page.url.setText("https://hq.example")
    page.token.setText("t0ken")
    page.connect_button.click()
    qtbot.waitUntil(lambda: "Server: https://hq.example" in page.state.text())
    page.send_now.click()
    qtbot.waitUntil(lambda: "larger than the program can keep" in page.message.text())
    assert page.send_now.isEnabled()
    assert "Waiting to send: 0" in page.state.text()  # the push went before the pull failed
