"""``loyalty recommend``: items with names, scores and reasons as JSON, errors as the contract's."""

from __future__ import annotations

from tests.e2e.conftest import Loyalty, days_ago


def test_recommend_prints_items_with_reasons(shop_cli: Loyalty) -> None:
    assert shop_cli("product", "add", "TEA", "--name", "绿茶", "--price", "5")[0] == 0
    assert shop_cli("product", "add", "POT", "--name", "茶壶", "--price", "50")[0] == 0
    _, ann = shop_cli("member", "add", "--name", "Ann")
    _, bo = shop_cli("member", "add", "--name", "Bo")
    shop_cli("sale", "S1", "--member", ann["member_no"], "--line", "TEA,1,5.00")
    shop_cli(
        "sale", "S2", "--member", bo["member_no"], "--line", "TEA,1,5.00", "--line", "POT,1,50"
    )
    code, out = shop_cli("recommend", ann["member_no"], "--k", "2")
    assert code == 0, out
    first = out["items"][0]
    assert {k: first[k] for k in ("sku", "name", "reason")} == {
        "sku": "TEA",
        "name": "绿茶",
        "reason": "you often buy",
    }
    assert first["score"] > out["items"][1]["score"] > 0
    assert out["items"][1]["sku"] == "POT"
    assert out["items"][1]["reason"] == "popular"  # Ann has one basket: no "bought with" yet
    code, out = shop_cli("recommend", ann["member_no"], "--exclude-category", "x", "--k", "0")
    assert code == 0
    assert len(out["items"]) == 1


def test_recommend_an_unknown_member_is_refused(shop_cli: Loyalty) -> None:
    code, out = shop_cli("recommend", "99999999")
    assert code != 0
    assert "member" in str(out)


def test_recommend_at_a_past_moment_sees_only_what_was_sold_by_then(shop_cli: Loyalty) -> None:
    shop_cli("product", "add", "TEA", "--name", "绿茶", "--price", "5")
    _, ann = shop_cli("member", "add", "--name", "Ann", "--at", days_ago(10))
    shop_cli(
        "sale", "S1", "--member", ann["member_no"], "--line", "TEA,1,5.00", "--at", days_ago(5)
    )
    code, then = shop_cli("recommend", ann["member_no"], "--at", days_ago(7))
    assert code == 0, then
    assert then["items"] == []
    code, later = shop_cli("recommend", ann["member_no"], "--at", days_ago(3))
    assert code == 0, later
    assert [i["sku"] for i in later["items"]] == ["TEA"]
