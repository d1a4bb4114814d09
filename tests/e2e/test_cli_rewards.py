"""``loyalty sale --reward``: rewards from the programme file, as the JSON output and the receipt show them."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import PROGRAM, Loyalty, days_ago, db_fingerprint

REWARDS = """
[[rewards]]
name = "Free coffee"
points = 300
sku = "COF-1"

[[rewards]]
name = "Gold coupon"
points = 100
value = "5.00"
tiers = ["Gold"]
"""


def test_a_sale_with_rewards_shows_them_and_refuses_what_it_may_not_take(
    loyalty: Loyalty, tmp_path: Path, db_path: Path
) -> None:
    programme = tmp_path / "rewards.toml"
    programme.write_text(PROGRAM + REWARDS, encoding="utf-8")
    assert loyalty("init", "--program", str(programme))[0] == 0
    code, shown = loyalty("program", "show")
    assert [r["name"] for r in shown["rewards"]] == ["Free coffee", "Gold coupon"]
    code, member = loyalty("member", "add", "--name", "张三", "--at", days_ago(30))
    assert code == 0
    monday = days_ago(3, weekday=0)  # no double-points weekend
    assert (
        loyalty("sale", "S0", "--member", member["member_no"], "--total", "500.00", "--at", monday)[
            0
        ]
        == 0
    )

    code, sale = loyalty(
        "sale", "S1", "--member", member["member_no"],
        "--line", "COF-1,2,12.00", "--line", "BUN,1,6.00",
        "--reward", "Free coffee", "--at", monday,
    )  # fmt: skip
    assert code == 0, sale
    assert sale["rewards"] == [{"name": "Free coffee", "points": 300, "value": "12.00"}]
    assert (sale["paid"], sale["redeemed"], sale["earned"]) == ("18.00", 300, 18)
    assert sale["points"] == 500 - 300 + 18

    before = db_fingerprint(db_path)
    for reward, reason in (("Gold coupon", "reward_wrong_tier"), ("Tea", "reward_unknown")):
        code, refused = loyalty(
            "sale", "S2", "--member", member["member_no"], "--total", "10.00",
            "--reward", reward, "--at", monday,
        )  # fmt: skip
        assert code == 1
        assert (refused["error"], refused["reason"]) == ("redemption_not_allowed", reason)
    assert db_fingerprint(db_path) == before

    code, plain = loyalty(
        "sale", "S3", "--member", member["member_no"], "--total", "10.00", "--at", monday
    )
    assert plain["rewards"] == []
    code, again = loyalty(
        "sale", "S1", "--member", member["member_no"],
        "--line", "COF-1,2,12.00", "--line", "BUN,1,6.00", "--at", monday,
    )  # fmt: skip
    assert (code, again["error"]) == (1, "id_conflict")

    code, check = loyalty("check")
    assert (code, check["ok"]) == (0, True)
