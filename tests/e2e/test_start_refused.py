"""A refused start (here a file that is not a shop) exits 1 with the reason, and the box says it too."""

from __future__ import annotations

from pathlib import Path

from loyalty_desktop.logs import log_file
from loyalty_desktop.ui.start_refused import refusal_text
from tests.e2e.desktop import desktop


def test_a_file_that_is_not_a_shop_is_refused_with_its_reason(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    db.write_bytes(b"a spreadsheet, not a database" * 300)
    done = desktop("--db", str(db), timeout=90)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "bad_database" in done.stderr or "cannot be opened" in done.stderr
    assert db.read_bytes() == b"a spreadsheet, not a database" * 300


def test_the_box_repeats_the_refusal_and_names_the_log() -> None:
    printed = "error: bad_database: the upgrade from schema 0011 to 0012 failed\n"
    text = refusal_text(printed)
    assert text.startswith("error: bad_database: the upgrade from schema 0011 to 0012 failed")
    assert str(log_file()) in text
    assert "changed nothing" in text
