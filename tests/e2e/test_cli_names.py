"""Names that would show nothing readable are refused at the command line and change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Loyalty, db_fingerprint

BLANK_NAMES = ["\u200b", "\u2060", "\ufeff", "\u3000\u3000", "\u200b \u200d", "\x07", "\u0301"]


@pytest.mark.parametrize("name", BLANK_NAMES)
def test_member_add_with_a_name_of_invisible_characters_is_refused(
    shop_cli: Loyalty, db_path: Path, name: str
) -> None:
    before = db_fingerprint(db_path)
    code, result = shop_cli("member", "add", "--name", name)
    assert (code, result["error"]) == (1, "invalid_request")
    assert "name" in result["message"]
    assert db_fingerprint(db_path) == before


def test_a_name_with_invisible_characters_around_it_is_stored_as_it_shows(
    shop_cli: Loyalty,
) -> None:
    code, added = shop_cli("member", "add", "--name", "\u200b张\u3000三\ufeff")
    assert code == 0, added
    _, shown = shop_cli("member", "show", added["member_no"])
    assert shown["name"] == "张 三"


def test_an_import_row_with_an_invisible_name_is_rejected(
    shop_cli: Loyalty, tmp_path: Path, db_path: Path
) -> None:
    path = tmp_path / "members.csv"
    header = "member_no,name,phone,email,birthday,consent\r\n"
    path.write_text(header + "M001,张三,,,,\r\nM002,\u200b\u2060,,,,\r\n", encoding="utf-8")
    before = db_fingerprint(db_path)
    code, result = shop_cli("import", "members", str(path))
    assert (code, result["error"]) == (1, "invalid_rows")
    assert [(r["row"], r["error"]) for r in result["rejected"]] == [
        (3, "name: a member needs a name")
    ]
    assert db_fingerprint(db_path) == before


def test_staff_add_with_an_invisible_name_is_refused(shop_cli: Loyalty, db_path: Path) -> None:
    before = db_fingerprint(db_path)
    code, result = shop_cli("staff", "add", "\u200b", "--role", "admin", stdin="4321\n")
    assert (code, result["error"]) == (1, "invalid_request")
    assert db_fingerprint(db_path) == before
