"""The very first start (no data folder yet) holds the one-till lock like every later one."""

from __future__ import annotations

from pathlib import Path

import pytest

from loyalty_desktop.installation import gui_database
from loyalty_desktop.ui.single_instance import AlreadyRunning, claim


def test_a_first_demo_start_takes_the_lock_a_second_start_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "never" / "made"
    monkeypatch.setenv("LOYALTY_DATA_DIR", str(data))
    monkeypatch.delenv("LOYALTY_DB", raising=False)
    database = gui_database(None)
    assert database is not None
    assert database.parent == data
    lock = claim(database)
    assert lock is not None  # before: no folder, so no lock, and a second till ran beside it
    try:
        with pytest.raises(AlreadyRunning):
            claim(gui_database(None) or database)
    finally:
        lock.unlock()


def test_a_chosen_shop_whose_folder_is_missing_is_not_made(tmp_path: Path) -> None:
    stick = tmp_path / "usb-stick" / "shop.db"
    assert gui_database(str(stick)) == stick
    assert claim(stick) is None
    assert not stick.parent.exists()
