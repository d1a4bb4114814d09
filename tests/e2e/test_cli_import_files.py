"""``loyalty import`` on files as Excel and other programs really save them: empty cells, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Loyalty, db_fingerprint

MEMBERS_HEADER = "member_no,name,phone,email,birthday,consent"
SALES_HEADER = "sale_id,member_ref,at,sku,qty,unit_price,category"


def saved(tmp_path: Path, name: str, lines: list[str], *, ending: str, bom: bool) -> str:
    """A CSV file written as Excel writes it: the given line ends, optionally a UTF-8 BOM."""
    data = "".join(line + ending for line in lines).encode("utf-8")
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return str(path)


EXCEL_SAVES = [
    pytest.param("\r\n", True, id="crlf-bom"),
    pytest.param("\r\n", False, id="crlf"),
    pytest.param("\n", True, id="lf-bom"),
]


@pytest.mark.parametrize(("ending", "bom"), EXCEL_SAVES)
def test_members_saved_with_trailing_empty_cells_import(
    shop_cli: Loyalty, tmp_path: Path, ending: str, bom: bool
) -> None:
    # Excel keeps a formatted but empty column in every row: "A,B,C,,,".
    members = saved(
        tmp_path,
        "members.csv",
        [
            MEMBERS_HEADER + ",,,",
            "M001,张三,13800138000,,1990/5/31,是,,,",
            "M002,Li Si,,li@example.com,,no,,,",
            "M003,王五,,,,,",  # fewer trailing commas than the header: still only empty cells
            ",,,,,,,,",  # a row Excel left entirely empty
        ],
        ending=ending,
        bom=bom,
    )
    code, result = shop_cli("import", "members", members)
    assert code == 0, result
    assert (result["imported"], result["rejected"]) == (3, [])
    code, shown = shop_cli("member", "show", "M001")
    assert (code, shown["name"]) == (0, "张三")
    _, shown = shop_cli("member", "show", "M002")
    assert shown["name"] == "Li Si"


@pytest.mark.parametrize(("ending", "bom"), EXCEL_SAVES)
def test_sales_saved_with_trailing_empty_cells_import(
    shop_cli: Loyalty, tmp_path: Path, ending: str, bom: bool
) -> None:
    shop_cli("member", "add", "--name", "张三", "--member-no", "M001")
    sales = saved(
        tmp_path,
        "sales.csv",
        [
            SALES_HEADER + ",,",
            "S1,M001,2025-12-01 10:00:00,A,2,10.00,,,",
            "S1,M001,2025-12-01 10:00:00,B,1,5.00,drinks,,",
            "S2,,2025-12-02 10:00:00,C,1,3.00,, ,",  # a blank that is only a space is empty too
        ],
        ending=ending,
        bom=bom,
    )
    code, result = shop_cli("import", "sales", sales)
    assert code == 0, result
    assert (result["imported"], result["rejected"]) == (3, [])
    _, shown = shop_cli("member", "show", "M001", "--at", "2025-12-03")
    assert (shown["points"], shown["spend"]) == (25, "25.00")


def test_a_value_beyond_the_header_is_still_a_bad_row_and_nothing_is_imported(
    shop_cli: Loyalty, tmp_path: Path, db_path: Path
) -> None:
    members = saved(
        tmp_path,
        "members.csv",
        [MEMBERS_HEADER + ",,", "M001,张三,,,,,,", "M002,李四,,,,,a note,"],
        ending="\r\n",
        bom=True,
    )
    before = db_fingerprint(db_path)
    code, result = shop_cli("import", "members", members)
    assert (code, result["error"]) == (1, "invalid_rows")
    assert [r["row"] for r in result["rejected"]] == [3]
    assert "a value with a comma needs quotes" in result["rejected"][0]["error"]
    assert db_fingerprint(db_path) == before
