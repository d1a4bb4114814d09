"""``loyalty import members`` / ``import sales`` as a back-office script runs them: exit codes, JSON, files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PROGRAM = """
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
"""
MEMBERS_HEADER = "member_no,name,phone,email,birthday,consent\r\n"
SALES_HEADER = "sale_id,member_ref,at,sku,qty,unit_price,category\r\n"


class Loyalty:
    """The installed ``loyalty`` command on one database file."""

    def __init__(self, db: Path) -> None:
        self.db = db

    def run(self, *args: str, as_json: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(Path(sys.executable).with_name("loyalty")), "--db", str(self.db)]
        return subprocess.run(
            [*command, *(["--json"] if as_json else []), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    def json(self, *args: str) -> tuple[int, dict[str, Any]]:
        done = self.run(*args)
        assert "Traceback" not in done.stderr, done.stderr
        lines = [line for line in done.stdout.splitlines() if line.strip()]
        assert len(lines) == 1, f"expected one JSON object, got {done.stdout!r} {done.stderr!r}"
        return done.returncode, json.loads(lines[0])


@pytest.fixture
def loyalty(tmp_path: Path) -> Loyalty:
    program = tmp_path / "programme.toml"
    program.write_text(PROGRAM, encoding="utf-8")
    command = Loyalty(tmp_path / "shop.db")
    code, _ = command.json("init", "--program", str(program))
    assert code == 0
    return command


def csv_file(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_members_from_a_gbk_excel_file_show_their_chinese_names(
    loyalty: Loyalty, tmp_path: Path
) -> None:
    members = csv_file(
        tmp_path,
        "会员.csv",
        MEMBERS_HEADER + "M001,张三丰,138 0013 8000,,1990/5/31,是\r\nM002,欧阳娜娜,,,,否\r\n",
        encoding="gbk",
    )
    code, result = loyalty.json("import", "members", members)
    assert (code, result["imported"], result["rejected"]) == (0, 2, [])
    code, shown = loyalty.json("member", "show", "13800138000")
    assert (code, shown["member_no"], shown["name"]) == (0, "M001", "张三丰")


def test_a_sales_file_with_bad_rows_exits_1_lists_every_bad_row_and_imports_nothing(
    loyalty: Loyalty, tmp_path: Path
) -> None:
    loyalty.json("member", "add", "--name", "张三", "--member-no", "M001")
    sales = csv_file(
        tmp_path,
        "sales.csv",
        SALES_HEADER
        + "S1,M001,2025-12-01 10:00:00,A,1,100,\r\n"
        + "S2,M001,2025-12-01 10:00:00,A,two,10,\r\n"
        + "S3,99999,2025-12-02 10:00:00,A,1,10,\r\n"
        + "S2,M001,2025-12-01 10:00:00,B,1,10,\r\n",
    )
    code, result = loyalty.json("import", "sales", sales)
    assert code == 1
    assert result["error"] == "invalid_rows"
    assert result["imported"] == 0
    assert [r["row"] for r in result["rejected"]] == [3, 4, 5]
    assert result["rejected"][0]["error"].startswith("qty:")
    assert "99999" in result["rejected"][1]["error"]
    assert "sale S2 has a bad row (row 3)" in result["rejected"][2]["error"]
    _, shown = loyalty.json("member", "show", "M001")
    assert shown["points"] == 0


def test_without_json_the_bad_rows_are_listed_for_a_person(
    loyalty: Loyalty, tmp_path: Path
) -> None:
    sales = csv_file(tmp_path, "sales.csv", SALES_HEADER + "S1,,2025-12-01,A,1,-3,\r\n")
    done = loyalty.run("import", "sales", sales, as_json=False)
    assert done.returncode == 1
    assert "row 2: unit_price:" in done.stderr
    assert "Traceback" not in done.stderr


def test_skipping_invalid_rows_imports_the_rest_and_a_second_run_skips_it_all(
    loyalty: Loyalty, tmp_path: Path
) -> None:
    sales = csv_file(
        tmp_path,
        "sales.csv",
        SALES_HEADER
        + "536365,17850,2025-12-01 08:26:00,85123A,6,2.55,\r\n"
        + "536365,17850,2025-12-01 08:26:00,71053,6,3.39,\r\n"
        + "536366,,2025-12-01 09:00:00,22633,6,1.85,\r\n"
        + "C536379,17850,2025-12-03 09:41:00,85123A,-2,2.55,\r\n"
        + "A563185,,2025-12-04 14:50:00,B,1,-11062.06,\r\n",
    )
    args = ("import", "sales", sales, "--create-members", "--skip-invalid")
    code, result = loyalty.json(*args)
    assert code == 0
    assert (result["imported"], result["created_members"]) == (4, 1)
    assert [r["row"] for r in result["rejected"]] == [6]
    _, shown = loyalty.json("member", "show", "17850")
    assert (shown["points"], shown["spend"]) == (30, "30.54")
    code, again = loyalty.json(*args)
    assert (code, again["imported"], again["skipped"], again["created_members"]) == (0, 0, 4, 0)
    _, shown = loyalty.json("member", "show", "17850")
    assert shown["points"] == 30


@pytest.mark.parametrize(
    ("name", "text", "encoding", "says"),
    [
        ("missing.csv", None, "", "does not exist"),
        ("utf16.csv", MEMBERS_HEADER + "M001,张三,,,,\r\n", "utf-16", "not UTF-8 or GBK"),
        ("columns.csv", "no,name\r\nM001,张三\r\n", "utf-8", "member_no,name,phone"),
    ],
)
def test_a_file_that_cannot_be_read_exits_1_with_bad_file(
    loyalty: Loyalty, tmp_path: Path, name: str, text: str | None, encoding: str, says: str
) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_bytes(text.encode(encoding))
    code, result = loyalty.json("import", "members", str(path))
    assert (code, result["error"]) == (1, "bad_file")
    assert says in result["message"]
