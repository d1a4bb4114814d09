"""``loyalty gui``: the configured database, or a labelled demo shop when there is none yet."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from loyalty_desktop.cli.main import run
from loyalty_desktop.services import browsing
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.context import Shop


class _Window:
    """Stands in for the Qt window: records which shop it was given."""

    def __init__(self) -> None:
        self.opened: list[tuple[int, bool]] = []

    def __call__(self, shop: Shop, demo: bool, database: str) -> int:
        self.opened.append((len(browsing.list_members(shop, LOCAL_ADMIN).rows), demo))
        return 0


def test_a_first_start_without_a_database_opens_a_demo_shop(tmp_path: Path) -> None:
    window = _Window()
    assert run(["gui"], gui=window) == 0
    members, demo = window.opened[0]
    assert demo
    assert members > 0
    assert (Path(os.environ["LOYALTY_DATA_DIR"]) / "demo.db").exists()


def test_a_named_database_opens_as_it_is_never_as_a_demo(tmp_path: Path) -> None:
    window = _Window()
    assert run(["--db", str(tmp_path / "shop.db"), "gui"], gui=window) == 0
    assert window.opened == [(0, False)]


def test_without_the_desktop_application_gui_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--json", "gui"]) == 1
    assert "not_available" in capsys.readouterr().out
