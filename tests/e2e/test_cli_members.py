"""``loyalty member edit`` and ``loyalty merge --preview``: JSON, refusals, roles, nothing changed by a preview."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import Loyalty, db_fingerprint


def test_member_edit_changes_the_fields_given(shop_cli: Loyalty) -> None:
    _, added = shop_cli("member", "add", "--name", "张三", "--phone", "13800138000")
    code, edited = shop_cli(
        "member", "edit", added["member_no"], "--name", "张三丰", "--phone", "",
        "--email", "zs@example.com", "--birthday", "1990-05-31", "--consent",
    )  # fmt: skip
    assert code == 0
    assert edited == {
        "id": added["id"],
        "member_no": added["member_no"],
        "changed": ["name", "phone", "email", "birthday", "consent"],
    }
    assert shop_cli("member", "show", added["member_no"])[1]["name"] == "张三丰"
    code, again = shop_cli("member", "edit", added["member_no"], "--no-consent")
    assert (code, again["changed"]) == (0, ["consent"])


def test_member_edit_reports_members_sharing_the_new_phone(shop_cli: Loyalty) -> None:
    _, a = shop_cli("member", "add", "--name", "甲", "--phone", "13800138000")
    _, b = shop_cli("member", "add", "--name", "乙")
    code, edited = shop_cli("member", "edit", b["member_no"], "--phone", "+86 138 0013 8000")
    assert (code, edited["same_phone"]) == (0, [a["member_no"]])


def test_member_edit_refuses_bad_values_and_an_empty_edit_changing_nothing(
    shop_cli: Loyalty, db_path: Path
) -> None:
    _, added = shop_cli("member", "add", "--name", "张三")
    before = db_fingerprint(db_path)
    for args, reason in (
        (("--phone", "12"), "phone_length"),
        (("--email", "nope"), "email_format"),
        (("--birthday", "2999-01-01"), "birthday_future"),
        ((), "member_edit_nothing"),
    ):
        code, refused = shop_cli("member", "edit", added["member_no"], *args)
        assert (code, refused["reason"]) == (1, reason)
    assert db_fingerprint(db_path) == before


def test_merge_preview_shows_the_result_and_changes_nothing_then_merge_matches_it(
    shop_cli: Loyalty, db_path: Path
) -> None:
    _, keep = shop_cli("member", "add", "--name", "张三", "--phone", "13800138000")
    _, other = shop_cli("member", "add", "--name", "张三", "--email", "zs@example.com")
    code, sold = shop_cli("sale", "S1", "--member", other["member_no"], "--total", "120.00")
    assert code == 0
    before = db_fingerprint(db_path)
    code, seen = shop_cli("merge", keep["member_no"], other["member_no"], "--preview")
    assert code == 0
    assert db_fingerprint(db_path) == before
    assert seen["preview"] is True
    assert seen["result"]["points"] == sold["points"]  # 120, or 240 on a double weekend
    assert seen["result"]["phone"] == "13800138000"
    assert seen["result"]["email"] == "zs@example.com"
    assert (seen["result"]["sales_moved"], seen["other"]["member_no"]) == (1, other["member_no"])
    code, merged = shop_cli("merge", keep["member_no"], other["member_no"])
    assert (code, merged["points"], merged["id"]) == (0, seen["result"]["points"], keep["id"])
    code, refused = shop_cli("merge", keep["member_no"], other["member_no"], "--preview")
    assert (code, refused["reason"]) == (1, "merge_same_member")  # other now names keep


def test_a_cashier_may_neither_edit_nor_preview_a_merge(shop_cli: Loyalty) -> None:
    _, a = shop_cli("member", "add", "--name", "甲")
    _, b = shop_cli("member", "add", "--name", "乙")
    assert shop_cli("staff", "add", "Boss", "--role", "admin", stdin="9999\n")[0] == 0
    assert (
        shop_cli(
            "--staff", "Boss", "staff", "add", "Cai", "--role", "cashier", stdin="9999\n1111\n"
        )[0]
        == 0
    )
    code, refused = shop_cli(
        "--staff", "Cai", "member", "edit", a["member_no"], "--name", "丙", stdin="1111\n"
    )
    assert (code, refused["error"], refused["permission"]) == (
        1,
        "permission_denied",
        "edit_member",
    )
    code, refused = shop_cli(
        "--staff", "Cai", "merge", a["member_no"], b["member_no"], "--preview", stdin="1111\n"
    )
    assert (code, refused["error"], refused["permission"]) == (1, "permission_denied", "merge")
