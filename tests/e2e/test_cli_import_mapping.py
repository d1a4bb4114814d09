"""``loyalty import … --map FIELD=COLUMN``: a shop's own spreadsheet (Chinese headers, GBK, Excel) imported as it is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

from tests.e2e.conftest import Loyalty

CHINESE_HEADER = "会员号,姓名,手机,邮箱,生日,备注\r\n"


def gbk_file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_bytes(text.encode("gbk"))
    return str(path)


def workbook(tmp_path: Path, name: str, rows: list[list[object]]) -> str:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return str(path)


def test_a_gbk_file_with_chinese_headers_imports_with_the_columns_mapped(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    members = gbk_file(
        tmp_path,
        "会员.csv",
        CHINESE_HEADER + "M001,张三丰,13800138000,,1990-05-31,老顾客\r\nM002,欧阳娜娜,,,,\r\n",
    )
    code, result = shop_cli(
        "import", "members", members, "--map", "member_no=会员号", "--map", "phone=手机"
    )
    assert (code, result["imported"], result["rejected"]) == (0, 2, []), result
    code, shown = shop_cli("member", "show", "13800138000")
    assert (code, shown["member_no"], shown["name"]) == (0, "M001", "张三丰")


def test_a_map_to_a_column_the_file_lacks_is_refused_naming_its_columns(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    members = gbk_file(tmp_path, "会员.csv", CHINESE_HEADER + "M001,张三丰,,,,\r\n")
    code, result = shop_cli("import", "members", members, "--map", "phone=手机号码")
    assert code != 0
    assert result["error"] == "bad_file"
    assert "手机号码" in result["message"]
    assert "会员号" in result["message"]


def test_a_required_field_mapped_to_nothing_is_refused(shop_cli: Loyalty, tmp_path: Path) -> None:
    members = gbk_file(tmp_path, "会员.csv", CHINESE_HEADER + "M001,张三丰,,,,\r\n")
    code, result = shop_cli("import", "members", members, "--map", "name=")
    assert code != 0
    assert "name" in result["message"]
    code, found = shop_cli("member", "search", "M001")
    assert found.get("members", []) == []


def test_a_map_without_an_equals_sign_or_of_a_field_we_lack_is_refused(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    members = gbk_file(tmp_path, "会员.csv", CHINESE_HEADER)
    code, result = shop_cli("import", "members", members, "--map", "phone")
    assert code == 2, result
    code, result = shop_cli("import", "members", members, "--map", "points=积分")
    assert (code, result["reason"]) == (1, "import_map_field_unknown"), result


def test_an_excel_workbook_of_members_imports_with_dates_and_numbers_as_written(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    book = workbook(
        tmp_path,
        "members.xlsx",
        [
            ["会员号", "姓名", "手机", "生日"],
            ["M010", "李雷", 13900139000, date(1988, 2, 29)],
            ["M011", "韩梅梅", None, None],
        ],
    )
    code, result = shop_cli("import", "members", book, "--map", "name=姓名")
    assert (code, result["imported"], result["rejected"]) == (0, 2, []), result
    code, shown = shop_cli("member", "show", "13900139000")
    assert (code, shown["member_no"], shown["birthday"]) == (0, "M010", "1988-02-29")


def test_skip_invalid_imports_the_good_members_and_lists_the_bad(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    members = gbk_file(
        tmp_path,
        "会员.csv",
        CHINESE_HEADER + "M001,张三丰,,,,\r\nM002,,,,,\r\nM003,王五,,bad-mail,,\r\n",
    )
    mapped = ("--map", "member_no=会员号")
    code, result = shop_cli("import", "members", members, *mapped)
    assert (code, result["error"]) == (1, "invalid_rows")
    assert [r["row"] for r in result["rejected"]] == [3, 4]
    code, result = shop_cli("import", "members", members, *mapped, "--skip-invalid")
    assert code == 0, result
    assert result["imported"] == 1
    assert [r["row"] for r in result["rejected"]] == [3, 4]


def test_products_from_a_workbook_with_chinese_headers(shop_cli: Loyalty, tmp_path: Path) -> None:
    book = workbook(
        tmp_path,
        "商品.xlsx",
        [
            ["商品编码", "商品名称", "售价", "类别", "条码"],
            ["A1", "矿泉水", 2.5, "饮料", "6901234567892"],
            ["A2", "面包", 6, None, None],
        ],
    )
    code, result = shop_cli("import", "products", book, "--map", "price=售价")
    assert (code, result["imported"], result["rejected"]) == (0, 2, []), result
    code, shown = shop_cli("product", "show", "6901234567892")
    assert (code, shown["name"]) == (0, "矿泉水"), shown


def test_sales_with_their_own_headers_are_mapped_by_guess_and_map(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    sales = gbk_file(
        tmp_path,
        "销售.csv",
        "小票,会员号,日期,货号,数量,单价\r\nS1,,2025-03-01 10:00:00,A1,2,3.50\r\n",
    )
    code, result = shop_cli("import", "sales", sales, "--map", "sale_id=小票")
    assert (code, result["imported"], result["rejected"]) == (0, 1, []), result


def test_a_workbook_with_our_own_headers_needs_no_map(shop_cli: Loyalty, tmp_path: Path) -> None:
    book = workbook(
        tmp_path,
        "members.xlsx",
        [
            ["member_no", "name", "phone", "email", "birthday", "consent"],
            ["M020", "Ana", None, "ana@example.com", None, True],
        ],
    )
    code, result = shop_cli("import", "members", book)
    assert (code, result["imported"], result["rejected"]) == (0, 1, []), result


def test_products_with_a_bad_row_import_nothing_unless_skip_invalid(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    products = gbk_file(
        tmp_path, "商品.csv", "商品编码,名称,价格\r\nA1,矿泉水,2.00\r\nA2,面包,abc\r\n"
    )
    code, result = shop_cli("import", "products", products, "--map", "sku=商品编码")
    assert (code, result["error"], [r["row"] for r in result["rejected"]]) == (
        1,
        "invalid_rows",
        [3],
    )
    code, result = shop_cli("product", "show", "A1")
    assert code != 0
    code, result = shop_cli(
        "import", "products", products, "--map", "sku=商品编码", "--skip-invalid"
    )
    assert (code, result["imported"]) == (0, 1), result
