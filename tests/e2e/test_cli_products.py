"""``loyalty product add/list/show`` and ``loyalty import products``: JSON, exit codes, refusals, roles."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import Loyalty

HEADER = "sku,name,price,category,barcode\r\n"


def test_a_product_added_is_shown_by_sku_or_barcode_and_listed(shop_cli: Loyalty) -> None:
    code, added = shop_cli(
        "product", "add", "COLA-330", "--name", "可口可乐 330ml", "--price", "3.5",
        "--category", "drinks", "--barcode", "6901234567892",
    )  # fmt: skip
    assert code == 0
    assert added == {
        "sku": "COLA-330",
        "name": "可口可乐 330ml",
        "price": "3.50",
        "currency": "CNY",
        "category": "drinks",
        "barcode": "6901234567892",
        "active": True,
        "created": True,
        "changed": True,
    }
    shown = {k: v for k, v in added.items() if k not in ("created", "changed")}
    assert shop_cli("product", "show", "COLA-330") == (0, shown)
    assert shop_cli("product", "show", "6901234567892") == (0, shown)
    assert shop_cli("product", "list", "--search", "可乐") == (0, {"products": [shown]})
    assert shop_cli("product", "list", "--search", "cola") == (0, {"products": [shown]})
    assert shop_cli("product", "list", "--search", "pepsi") == (0, {"products": []})

    code, edited = shop_cli("product", "add", "COLA-330", "--name", "可口可乐", "--price", "3.00")
    assert code == 0
    assert (edited["price"], edited["barcode"], edited["created"]) == ("3.00", None, False)


def test_refusals_name_their_reason_and_exit_1(shop_cli: Loyalty) -> None:
    code, refused = shop_cli("product", "show", "nothing-here")
    assert code == 1
    assert (refused["error"], refused["reason"]) == ("unknown_product", "unknown_product")
    code, refused = shop_cli("product", "add", "A1", "--name", "x", "--price", "1.005")
    assert (code, refused["error"], refused["reason"]) == (
        1,
        "invalid_amount",
        "amount_too_precise",
    )
    code, refused = shop_cli("product", "list", "--limit", "0")
    assert (code, refused["reason"]) == (1, "page_size_range")
    code, refused = shop_cli("product", "add", "A1", "--price", "1")
    assert (code, refused["error"]) == (2, "usage")


def test_an_import_is_all_or_nothing_with_every_bad_row(shop_cli: Loyalty, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "A1,康师傅冰红茶,3.50,drinks,\r\nB2,,x,,\r\n", encoding="utf-8")
    code, refused = shop_cli("import", "products", str(bad))
    assert (code, refused["error"], refused["imported"]) == (1, "invalid_rows", 0)
    assert [row["row"] for row in refused["rejected"]] == [3]
    assert shop_cli("product", "show", "A1")[0] == 1

    good = tmp_path / "good.csv"
    good.write_bytes(
        (HEADER + "A1,康师傅冰红茶,3.50,饮料,\r\nB2,雪碧,3,饮料,690002\r\n").encode("gbk")
    )
    code, report = shop_cli("import", "products", str(good))
    assert (code, report["imported"], report["rejected"]) == (0, 2, [])
    code, report = shop_cli("import", "products", str(good), "--encoding", "gbk")
    assert (code, report["imported"], report["skipped"]) == (0, 0, 2)
    assert shop_cli("product", "show", "690002")[1]["name"] == "雪碧"


def test_cashiers_find_products_and_managers_edit_them(shop_cli: Loyalty, tmp_path: Path) -> None:
    assert shop_cli("staff", "add", "Boss", "--role", "admin", stdin="9999\n")[0] == 0
    for name, role, pin in (("Cai", "cashier", "1111"), ("Mia", "manager", "2222")):
        added = shop_cli(
            "--staff", "Boss", "staff", "add", name, "--role", role, stdin=f"9999\n{pin}\n"
        )
        assert added[0] == 0
    code, refused = shop_cli(
        "--staff", "Cai", "product", "add", "A1", "--name", "x", "--price", "1", stdin="1111\n"
    )
    assert (code, refused["error"], refused["needed"]) == (1, "permission_denied", "manager")
    code, _ = shop_cli(
        "--staff", "Mia", "product", "add", "A1", "--name", "x", "--price", "1", stdin="2222\n"
    )
    assert code == 0
    assert shop_cli("--staff", "Cai", "product", "show", "A1", stdin="1111\n")[0] == 0
    code, refused = shop_cli("product", "list")
    assert (code, refused["error"]) == (1, "sign_in_required")
