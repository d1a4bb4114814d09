"""``loyalty recommend``: items with names, scores and reasons as JSON, errors as the contract's."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

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


def _two_buyers(shop_cli: Loyalty) -> tuple[str, str]:
    shop_cli("product", "add", "TEA", "--name", "绿茶", "--price", "5")
    shop_cli("product", "add", "POT", "--name", "茶壶", "--price", "50")
    _, ann = shop_cli("member", "add", "--name", "Ann", "--at", days_ago(20))
    _, bo = shop_cli("member", "add", "--name", "Bo", "--consent", "--at", days_ago(20))
    for n, day in enumerate((9, 5, 1)):
        shop_cli(
            "sale",
            f"A{n}",
            "--member",
            ann["member_no"],
            "--line",
            "TEA,1,5",
            "--at",
            days_ago(day),
        )
    shop_cli(
        "sale", "B1", "--member", bo["member_no"], "--line", "TEA,1,5", "--line", "POT,1,50",
        "--at", days_ago(4),
    )  # fmt: skip
    shop_cli("sale", "B2", "--member", bo["member_no"], "--line", "POT,1,50")
    return ann["member_no"], bo["member_no"]


def test_recommend_all_lists_every_member_who_bought(shop_cli: Loyalty, tmp_path: Path) -> None:
    ann, bo = _two_buyers(shop_cli)
    code, out = shop_cli("recommend", "--all", "--k", "1")
    assert code == 0, out
    assert {m["member_no"]: [i["sku"] for i in m["items"]] for m in out["members"]} == {
        ann: ["TEA"],
        bo: ["POT"],
    }
    code, out = shop_cli("recommend", "--all", "--out", str(tmp_path / "all.json"))
    assert code == 0, out
    assert out["written"] == 2
    assert len(json.loads((tmp_path / "all.json").read_text())["members"]) == 2


def test_recommend_a_segment_lists_its_items_and_writes_its_campaign_list(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    _, bo = _two_buyers(shop_cli)
    _, rfm = shop_cli("report", "rfm")
    segment = {m["member_no"]: m["segment"] for m in rfm["members"]}
    code, out = shop_cli("recommend", "--segment", segment[bo], "--tier", "Bronze")
    assert code == 0, out
    assert bo in {m for m, s in segment.items() if s == segment[bo]}
    assert out["size"] == sum(1 for s in segment.values() if s == segment[bo])
    assert "POT" in {i["sku"] for i in out["items"]}
    path = tmp_path / "campaign.csv"
    code, out = shop_cli("recommend", "--tier", "Bronze", "--k", "1", "--out", str(path))
    assert code == 0, out
    assert (out["size"], out["written"]) == (2, 1)  # Ann did not agree to marketing
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows == [
        ["member_no", "name", "phone", "email", "item_1", "item_1_sku"],
        [bo, "Bo", "", "", "茶壶", "POT"],
    ]


def test_recommend_refuses_an_unknown_group_or_no_one_or_a_bad_file_name(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    for args, reason in [
        (("--segment", "vips"), "recommend_segment_unknown"),
        (("--stage", "asleep"), "recommend_stage_unknown"),
        (("--tier", "Platinum"), "recommend_tier_unknown"),
        ((), "recommend_whom"),
        (("10000001", "--all"), "recommend_whom"),
        (("--tier", "Bronze", "--out", str(tmp_path / "x.txt")), "campaign_file_kind"),
    ]:
        code, out = shop_cli("recommend", *args)
        assert (code, out.get("reason")) == (1, reason), out


def test_recommend_options_are_set_and_shown_from_the_command_line(shop_cli: Loyalty) -> None:
    _two_buyers(shop_cli)
    code, out = shop_cli(
        "recommend-options", "set", "--skip-recent-days", "3", "--consumable", "drinks"
    )
    assert code == 0, out
    assert out == {
        "skip_bought_within_days": 3,
        "excluded_categories": [],
        "consumable_categories": ["drinks"],
        "active_only": True,
    }
    assert shop_cli("recommend-options", "show")[1] == out
    code, out = shop_cli("recommend-options", "set", "--skip-recent-days", "-1")
    assert (code, out["reason"]) == (1, "recommend_skip_days_range")
