"""``loyalty report lifecycle``: stages as of a moment, the programme's thresholds, JSON and CSV."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import PROGRAM, Loyalty


def _member(cli: Loyalty, number: str) -> None:
    code, added = cli(
        "member", "add", "--name", number, "--member-no", number, "--at", "2025-01-01"
    )
    assert code == 0, added


def _stages(cli: Loyalty, *args: str) -> dict[str, str]:
    code, report = cli("report", "lifecycle", *args)
    assert code == 0, report
    return {m["member_no"]: m["stage"] for m in report["members"]}


def test_stages_follow_the_purchases_as_of_at_and_the_monthly_flow_counts_the_moves(
    shop_cli: Loyalty,
) -> None:
    _member(shop_cli, "M1")
    for n, day in enumerate(("2025-02-03", "2025-03-03", "2025-04-03", "2025-05-06", "2025-06-03")):
        shop_cli("sale", f"S{n}", "--member", "M1", "--total", "50.00", "--at", day)
    assert _stages(shop_cli, "--at", "2025-02-10") == {"M1": "new"}
    assert _stages(shop_cli, "--at", "2025-06-10") == {"M1": "loyal"}
    assert _stages(shop_cli, "--at", "2025-10-01") == {"M1": "declining"}
    assert _stages(shop_cli, "--at", "2026-01-01") == {"M1": "lapsed"}
    code, report = shop_cli("report", "lifecycle", "--from", "2025-01-15", "--at", "2025-07-01")
    assert code == 0
    assert [m["month"] for m in report["months"]] == [
        "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"
    ]  # fmt: skip
    moves = {m["month"]: m["moves"] for m in report["months"]}
    assert moves["2025-02"] == [{"from": None, "to": "new", "members": 1}]
    assert moves["2025-05"] == [{"from": "new", "to": "loyal", "members": 1}]
    assert report["months"][-1]["members"]["loyal"] == 1
    assert report["rules"]["lapsed_days"] == 180
    assert [s["key"] for s in report["stages"]] == [
        "new", "developing", "loyal", "declining", "lapsed", "won_back"
    ]  # fmt: skip


def test_the_programmes_thresholds_decide_the_stage(shop_cli: Loyalty, tmp_path: Path) -> None:
    _member(shop_cli, "M1")
    shop_cli("sale", "S1", "--member", "M1", "--total", "50.00", "--at", "2025-03-03")
    assert _stages(shop_cli, "--at", "2025-08-01") == {"M1": "declining"}
    path = tmp_path / "short.toml"
    path.write_text(PROGRAM + "\n[lifecycle]\nquiet_days = 30\nlapsed_days = 60\n", "utf-8")
    code, loaded = shop_cli("program", "load", str(path))
    assert code == 0, loaded
    assert _stages(shop_cli, "--at", "2025-08-01") == {"M1": "lapsed"}


def test_csv_lists_a_row_per_member_with_their_stage(shop_cli: Loyalty) -> None:
    _member(shop_cli, "M1")
    shop_cli("sale", "S1", "--member", "M1", "--total", "50.00", "--at", "2025-03-03")
    code, printed = shop_cli("report", "lifecycle", "--at", "2025-03-10", "--format", "csv")
    assert code == 0
    lines = printed["csv"].splitlines()
    assert lines[0].startswith("member_no,stage,first_purchase,last_purchase,days_since")
    assert lines[1].startswith("M1,new,2025-03-03,2025-03-03,7,1,50.00,0.00")
