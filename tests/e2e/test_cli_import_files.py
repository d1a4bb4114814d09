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


# ---------------------------------------------------------------- encodings


def encoded(tmp_path: Path, name: str, text: str, encoding: str) -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def members_file(*rows: tuple[str, str]) -> str:
    return MEMBERS_HEADER + "\r\n" + "".join(f"{no},{name},,,,\r\n" for no, name in rows)


def name_of(shop_cli: Loyalty, member_no: str) -> str:
    code, shown = shop_cli("member", "show", member_no)
    assert code == 0, shown
    return str(shown["name"])


def test_a_gbk_file_of_a_few_hundred_chinese_members_imports_with_their_names(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
    given = ["三", "四", "五", "秀英", "建国", "丽娜", "晓明", "玥", "喆", "镕基", "志强", "美玲"]
    rows = [(f"C{i:04d}", surnames[i % 30] + given[i * 7 % 12]) for i in range(360)]
    lines = [
        f"{no},{name},1390000{i:04d},c{i}@example.cn,1990/{1 + i % 12}/{1 + i % 28},{'是否'[i % 2]}"
        for i, (no, name) in enumerate(rows)
    ]
    path = encoded(tmp_path, "会员.csv", MEMBERS_HEADER + "\r\n" + "\r\n".join(lines), "gbk")
    code, result = shop_cli("import", "members", path)
    assert code == 0, result
    assert result["imported"] == 360
    for no, name in rows[::37]:
        assert name_of(shop_cli, no) == name


@pytest.mark.parametrize("name", ["张", "张三", "李四", "王五"])
def test_a_gbk_file_with_a_single_short_chinese_name_imports(
    shop_cli: Loyalty, tmp_path: Path, name: str
) -> None:
    path = encoded(tmp_path, "one.csv", members_file(("M001", name)), "gbk")
    code, result = shop_cli("import", "members", path)
    assert code == 0, result
    assert name_of(shop_cli, "M001") == name


FOREIGN = [
    pytest.param("cp1252", "cp1252", ["Müller", "Café", "Ångström"], id="cp1252"),
    pytest.param("shift_jis", "cp932", ["東京", "カタカナ", "山田太郎"], id="shift_jis"),
]


@pytest.mark.parametrize(("encoding", "likely", "names"), FOREIGN)
def test_a_file_in_another_encoding_is_refused_with_the_way_to_import_it(
    shop_cli: Loyalty, tmp_path: Path, db_path: Path, encoding: str, likely: str, names: list[str]
) -> None:
    rows = [(f"M{i:03d}", name) for i, name in enumerate(names, 1)]
    path = encoded(tmp_path, "members.csv", members_file(*rows), encoding)
    before = db_fingerprint(db_path)
    code, result = shop_cli("import", "members", path)
    assert (code, result["error"], result["likely_encoding"]) == (1, "bad_file", likely)
    assert "CSV UTF-8" in result["message"]
    assert f"--encoding {likely}" in result["message"]
    assert db_fingerprint(db_path) == before


@pytest.mark.parametrize(("encoding", "likely", "names"), FOREIGN)
def test_with_its_encoding_named_the_file_imports_and_the_names_come_out_right(
    shop_cli: Loyalty, tmp_path: Path, encoding: str, likely: str, names: list[str]
) -> None:
    for prefix, named in (("A", encoding), ("B", likely)):  # as saved, and as the hint said
        rows = [(f"{prefix}{i:03d}", name) for i, name in enumerate(names, 1)]
        path = encoded(tmp_path, f"{prefix}.csv", members_file(*rows), encoding)
        code, result = shop_cli("import", "members", path, "--encoding", named)
        assert code == 0, result
        assert result["imported"] == len(rows)
        assert [name_of(shop_cli, no) for no, _ in rows] == names


def test_a_cp1252_sales_file_is_refused_then_imports_with_its_encoding(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    shop_cli("member", "add", "--name", "Zoë", "--member-no", "M001")
    text = SALES_HEADER + ",,\r\nS1,M001,2025-12-01 10:00:00,CAFE1,2,3.50,Café,,\r\n"
    path = encoded(tmp_path, "ventes.csv", text, "cp1252")
    code, result = shop_cli("import", "sales", path)
    assert (code, result["error"], result["likely_encoding"]) == (1, "bad_file", "cp1252")
    code, result = shop_cli("import", "sales", path, "--encoding", "cp1252")
    assert code == 0, result
    assert result["imported"] == 1


def test_a_utf16_file_is_refused_with_the_hint_and_imports_when_named(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    path = encoded(tmp_path, "members.csv", members_file(("M001", "张三")), "utf-16")
    code, result = shop_cli("import", "members", path)
    assert (code, result["error"], result["likely_encoding"]) == (1, "bad_file", "utf-16")
    assert "Unicode text" in result["message"]
    code, result = shop_cli("import", "members", path, "--encoding", "utf-16")
    assert code == 0, result
    assert name_of(shop_cli, "M001") == "张三"


@pytest.mark.parametrize("command", ["members", "sales"])
def test_an_unknown_encoding_name_is_a_bad_file_refusal(
    shop_cli: Loyalty, tmp_path: Path, db_path: Path, command: str
) -> None:
    path = encoded(tmp_path, "x.csv", members_file(("M001", "Ann")), "utf-8")
    before = db_fingerprint(db_path)
    code, result = shop_cli("import", command, path, "--encoding", "klingon")
    assert (code, result["error"]) == (1, "bad_file")
    assert "'klingon' is not a text encoding" in result["message"]
    assert db_fingerprint(db_path) == before


def test_bytes_the_named_encoding_cannot_read_are_refused_naming_the_line(
    shop_cli: Loyalty, tmp_path: Path, db_path: Path
) -> None:
    text = members_file(("M001", "Ann"), ("M002", "東京"))
    path = encoded(tmp_path, "members.csv", text, "shift_jis")
    before = db_fingerprint(db_path)
    code, result = shop_cli("import", "members", path, "--encoding", "utf-8")
    assert (code, result["error"]) == (1, "bad_file")
    assert "cannot be read as utf-8: line 3, byte offset" in result["message"]
    assert db_fingerprint(db_path) == before
