"""Columns of a shop's own spreadsheet matched to our fields: guessed from Chinese and English headers, or named."""

from __future__ import annotations

import pytest

from loyalty_desktop.domain.errors import BadFile
from loyalty_desktop.services.csv_files import MEMBER_COLUMNS, SALE_COLUMNS
from loyalty_desktop.services.import_columns import column_order, guess_mapping
from loyalty_desktop.services.products import PRODUCT_COLUMNS


def test_chinese_member_headers_are_guessed() -> None:
    headers = ["会员号", "姓名", "手机", "邮箱", "生日", "备注"]
    assert guess_mapping(MEMBER_COLUMNS, headers) == {
        "member_no": "会员号",
        "name": "姓名",
        "phone": "手机",
        "email": "邮箱",
        "birthday": "生日",
        "consent": "",
    }


def test_a_landline_header_is_taken_for_the_phone() -> None:
    assert guess_mapping(MEMBER_COLUMNS, ["电话", "会员编号", "名字"])["phone"] == "电话"


def test_the_online_retail_export_maps_to_sales_without_help() -> None:
    headers = "invoice,stock_code,description,quantity,invoice_date,unit_price,customer_id,country"
    found = guess_mapping(SALE_COLUMNS, headers.split(","))
    assert found == {
        "sale_id": "invoice",
        "member_ref": "customer_id",
        "at": "invoice_date",
        "sku": "stock_code",
        "qty": "quantity",
        "unit_price": "unit_price",
        "category": "",
    }


def test_chinese_sales_and_product_headers() -> None:
    sales = guess_mapping(SALE_COLUMNS, ["单号", "会员号", "日期", "商品编码", "数量", "单价"])
    assert sales["sale_id"] == "单号"
    assert sales["member_ref"] == "会员号"
    assert (sales["sku"], sales["qty"], sales["unit_price"]) == ("商品编码", "数量", "单价")
    products = guess_mapping(PRODUCT_COLUMNS, ["商品编码", "商品名称", "单价", "条码"])
    assert products == {
        "sku": "商品编码",
        "name": "商品名称",
        "price": "单价",
        "category": "",
        "barcode": "条码",
    }


def test_one_column_is_never_guessed_for_two_fields() -> None:
    found = guess_mapping(SALE_COLUMNS, ["日期", "单价"])
    assert found["at"] == "日期"
    assert found["unit_price"] == "单价"
    assert list(found.values()).count("单价") == 1


def test_a_named_column_beats_the_guess_and_an_empty_one_leaves_the_field_out() -> None:
    headers = ["会员号", "姓名", "手机", "联系方式"]
    order = column_order("f.csv", MEMBER_COLUMNS, headers, {"phone": "联系方式", "name": "姓名"})
    assert order == [0, 1, 3, -1, -1, -1]
    order = column_order("f.csv", MEMBER_COLUMNS, headers, {"phone": ""})
    assert order[2] == -1


@pytest.mark.parametrize(
    ("mapping", "reason"),
    [
        ({"name": ""}, "import_field_unmapped"),
        ({"phone": "手机号码"}, "import_map_column_missing"),
        ({"points": "积分"}, "import_map_field_unknown"),
    ],
)
def test_a_mapping_that_cannot_work_is_refused_before_any_row_is_read(
    mapping: dict[str, str], reason: str
) -> None:
    with pytest.raises(BadFile) as refused:
        column_order("f.csv", MEMBER_COLUMNS, ["会员号", "姓名", "手机"], mapping)
    assert refused.value.reason == reason
