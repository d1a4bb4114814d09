"""The ``loyalty`` command as shared/CONTRACT.md fixes it: commands, JSON fields, exit codes."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from loyalty_desktop.cli.main import run
from loyalty_desktop.db.migrate import head_revision
from tests.e2e.conftest import Loyalty, days_ago


def enrol(cli: Loyalty, name: str = "张三", *extra: str) -> dict[str, str]:
    # Enrolled before the 2025 sales these tests post (nothing is recorded before joining).
    joined = () if "--at" in extra else ("--at", "2025-01-01")
    code, member = cli("member", "add", "--name", name, *extra, *joined)
    assert code == 0, member
    return member


def test_init_creates_and_reports_the_schema(
    loyalty: Loyalty, program_file: Path, db_path: Path
) -> None:
    code, result = loyalty("init", "--program", str(program_file))
    assert code == 0
    assert result["db"] == str(db_path.resolve())
    assert result["schema"] == head_revision()
    code, shown = loyalty("program", "show")
    assert shown["currency"] == "CNY"
    assert shown["earn"]["per"] == "1.00"
    assert [lvl["name"] for lvl in shown["tiers"]["levels"]] == ["Bronze", "Gold"]


def test_member_add_gives_a_digits_only_card(shop_cli: Loyalty) -> None:
    member = enrol(
        shop_cli, "张三", "--phone", "+86 138-0013-8000", "--birthday", "1990-05-01", "--consent"
    )
    assert set(member) >= {"id", "member_no", "card"}
    assert member["card"].isdigit()
    assert member["card"].startswith("96")


def test_a_sale_reports_earned_points_balance_tier_and_paid(shop_cli: Loyalty) -> None:
    m = enrol(shop_cli)
    code, sale = shop_cli(
        "sale", "S1", "--member", m["card"], "--total", "105.50", "--at", "2025-03-03"
    )
    assert code == 0
    assert {k: sale[k] for k in ("sale_id", "earned", "redeemed", "points", "tier", "paid")} == {
        "sale_id": "S1",
        "earned": 105,
        "redeemed": 0,
        "points": 105,
        "tier": "Bronze",
        "paid": "105.50",
    }
    assert (
        sale["at"] == "2025-03-03T00:00:00+08:00"
    )  # a bare date is midnight in Shanghai, shown as such


def test_lines_discount_redemption_and_campaign(shop_cli: Loyalty) -> None:
    m = enrol(shop_cli)
    saturday = days_ago(1, weekday=5, time="15:00:00")
    shop_cli(
        "sale",
        "S1",
        "--member",
        m["member_no"],
        "--total",
        "300.00",
        "--at",
        days_ago(8, weekday=1),
    )
    code, sale = shop_cli(
        "sale",
        "S2",
        "--member",
        m["member_no"],
        "--line",
        "TEA,2,10.005,drinks",
        "--line",
        "CIG,1,30.00,tobacco",
        "--line",
        "BUN,1,20",
        "--discount",
        "0.01",
        "--redeem",
        "100",
        "--at",
        saturday,
    )
    assert code == 0, sale
    # 20.01 + 30.00 + 20.00 - 0.01 = 70.00; 1.00 in points; tobacco earns nothing; Saturday doubles.
    assert (sale["paid"], sale["redeemed"], sale["campaigns"]) == ("69.00", 100, ["Double weekend"])
    assert sale["earned"] == 2 * int(40 * 69 / 70)
    assert sale["points"] == 300 - 100 + sale["earned"]


def test_the_same_sale_id_twice_earns_once(shop_cli: Loyalty) -> None:
    m = enrol(shop_cli)
    first = shop_cli(
        "sale", "S1", "--member", m["member_no"], "--total", "50.00", "--at", "2025-03-03"
    )[1]
    again = shop_cli(
        "sale", "S1", "--member", m["member_no"], "--total", "50.00", "--at", "2025-03-03"
    )[1]
    assert again["replayed"]
    assert again["points"] == first["points"] == 50
    assert shop_cli("member", "show", m["member_no"], "--at", "2025-03-04")[1]["points"] == 50


def test_member_show_lists_expiring_points_and_spend(shop_cli: Loyalty) -> None:
    m = enrol(shop_cli)
    shop_cli("sale", "S1", "--member", m["member_no"], "--total", "80.00", "--at", "2025-03-03")
    shop_cli("sale", "S2", "--member", m["member_no"], "--total", "20.00", "--at", "2025-04-01")
    code, shown = shop_cli("member", "show", m["member_no"], "--at", "2025-05-01")
    assert code == 0
    assert {k: shown[k] for k in ("member_no", "name", "tier", "points", "spend")} == {
        "member_no": m["member_no"],
        "name": "张三",
        "tier": "Bronze",
        "points": 100,
        "spend": "100.00",
    }
    assert shown["expiring"] == [
        {"points": 80, "expires_at": "2026-03-03T00:00:00+08:00"},
        {"points": 20, "expires_at": "2026-04-01T00:00:00+08:00"},
    ]
    assert shop_cli("member", "show", m["member_no"], "--at", "2026-03-03")[1]["points"] == 20


def test_refunds_by_amount_and_by_line(shop_cli: Loyalty) -> None:
    m = enrol(shop_cli)
    shop_cli(
        "sale",
        "S1",
        "--member",
        m["member_no"],
        "--line",
        "A,2,30.00",
        "--line",
        "B,1,40.00",
        "--at",
        days_ago(7, weekday=1),
    )
    code, first = shop_cli("refund", "R1", "--sale", "S1", "--line", "B,1", "--at", days_ago(2))
    assert code == 0
    assert {k: first[k] for k in ("refund_id", "reversed", "restored", "points")} == {
        "refund_id": "R1",
        "reversed": 40,
        "restored": 0,
        "points": 60,
    }
    code, second = shop_cli(
        "refund", "R2", "--sale", "S1", "--amount", "30.00", "--at", days_ago(2)
    )
    assert (code, second["reversed"], second["points"]) == (0, 30, 30)


def test_adjust_award_expire_merge(shop_cli: Loyalty) -> None:
    m = enrol(shop_cli)
    other = enrol(shop_cli, "张三")
    for sale_no, when in (("S0", days_ago(400, weekday=1)), ("S1", days_ago(7, weekday=1))):
        shop_cli("sale", sale_no, "--member", m["member_no"], "--total", "100.00", "--at", when)
    adjust = ["adjust", m["member_no"], "-30", "--reason", "typo", "--request-id", "Q1"]
    code, adjusted = shop_cli(*adjust, "--at", days_ago(2))
    assert (code, adjusted["points"]) == (0, 70), "the lapsed 100 from S0 are not spendable"
    assert shop_cli(*adjust, "--at", days_ago(2))[1]["points"] == 70
    code, awarded = shop_cli("award", other["member_no"], "review", "--at", days_ago(390))
    assert (code, awarded["earned"], awarded["points"]) == (0, 10, 10)
    code, expired = shop_cli("expire")
    # S0's 100 points went on the way into S1; the review's 10 are the job's.
    assert (code, expired["expired_points"], expired["members"]) == (0, 10, 1)
    shop_cli(
        "sale",
        "S2",
        "--member",
        other["member_no"],
        "--total",
        "5.00",
        "--at",
        days_ago(2, weekday=1),
    )
    code, merged = shop_cli("merge", m["member_no"], other["member_no"], "--at", days_ago(1))
    assert (code, merged["id"], merged["points"]) == (0, m["id"], 75)
    assert (
        shop_cli("member", "show", other["card"], "--at", days_ago(0))[1]["member_no"]
        == m["member_no"]
    )


def test_export_and_erase(shop_cli: Loyalty, tmp_path: Path) -> None:
    m = enrol(shop_cli, "王五", "--phone", "13900001111", "--email", "w@example.com", "--consent")
    out = tmp_path / "w.json"
    code, result = shop_cli("member", "export", m["member_no"], "--out", str(out))
    assert code == 0
    assert Path(result["file"]) == out.resolve()
    assert json.loads(out.read_text(encoding="utf-8"))["member"]["email"] == "w@example.com"
    code, erased = shop_cli("member", "erase", m["member_no"])
    assert (code, erased) == (0, {"erased": m["id"]})
    assert shop_cli("member", "show", m["id"])[1]["name"] == "(erased)"


def test_member_card_png_scans_back_to_the_card_code(shop_cli: Loyalty, tmp_path: Path) -> None:
    m = enrol(shop_cli, "张三")
    code, result = shop_cli("member", "card", m["member_no"], "--out", str(tmp_path / "card.png"))
    assert code == 0
    found = zxingcpp.read_barcodes(Image.open(result["file"]))
    assert [f.text for f in found] == [m["card"]]


def test_staff_add_reads_the_pin_from_standard_input(shop_cli: Loyalty) -> None:
    assert shop_cli("staff", "add", "Ann", "--role", "admin", stdin="4321\n") == (
        0,
        {"staff": "Ann", "role": "admin"},
    )
    _code, listed = shop_cli("--staff", "Ann", "staff", "list", stdin="4321\n")
    assert listed == {
        "staff": [{"name": "Ann", "role": "admin", "active": True, "locked_until": None}]
    }


def test_check_is_ok_after_a_days_trading(shop_cli: Loyalty) -> None:
    m = enrol(shop_cli)
    shop_cli("sale", "S1", "--member", m["member_no"], "--total", "100.00", "--at", "2025-03-03")
    shop_cli(
        "refund", "R1", "--sale", "S1", "--amount", "10.00", "--at", "2025-03-03T12:00:00+08:00"
    )
    assert shop_cli("check") == (0, {"ok": True, "problems": []})


def test_reports_kpis_and_liability(shop_cli: Loyalty, tmp_path: Path) -> None:
    a, b = enrol(shop_cli, "A"), enrol(shop_cli, "B")
    for i, (ref, day) in enumerate([(a, "2025-03-03"), (a, "2025-03-10"), (b, "2025-03-04")]):
        shop_cli("sale", f"S{i}", "--member", ref["member_no"], "--total", "100.00", "--at", day)
    code, kpis = shop_cli("report", "kpis", "--from", "2025-03-01", "--at", "2025-04-01")
    assert code == 0
    assert (
        kpis["sales"],
        kpis["buying_members"],
        kpis["repeat_members"],
        kpis["repurchase_rate"],
    ) == (3, 2, 1, "0.5000")
    assert kpis["revenue"] == "300.00"
    code, owed = shop_cli("report", "liability", "--at", "2025-04-01", "--horizon-days", "400")
    assert (owed["points"], owed["value"]) == (300, "3.00")
    assert owed["expiring"] == [{"month": "2026-03", "points": 300, "value": "3.00"}]
    code, _written = shop_cli(
        "report", "kpis", "--at", "2025-04-01", "--format", "csv", "--out", str(tmp_path / "k.csv")
    )
    assert code == 0
    assert "repurchase_rate,0.5000" in (tmp_path / "k.csv").read_text(encoding="utf-8")


def test_last_four_phone_digits_list_at_most_five_masked_members(shop_cli: Loyalty) -> None:
    for i in range(7):
        enrol(shop_cli, f"M{i}", "--phone", f"1380000{i}{i}99")
        enrol(shop_cli, f"N{i}", "--phone", f"1390000{i}{i}98")
    code, found = shop_cli("member", "search", "0099")
    assert code == 0
    assert found["members"] == [
        {"member_no": "10000001", "name": "M0", "phone": "138****0099"},
    ]
    code, found = shop_cli("member", "search", "1199")
    assert [m["phone"] for m in found["members"]] == ["138****1199"]
    for i in range(7):
        enrol(shop_cli, f"P{i}", "--phone", f"13700{i}00099")
    code, found = shop_cli("member", "search", "0099")
    assert len(found["members"]) == 5
    assert all(m["phone"].endswith("0099") and "****" in m["phone"] for m in found["members"])


def test_the_database_defaults_to_loyalty_db_then_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LOYALTY_DATA_DIR", str(tmp_path / "data"))
    assert run(["--json", "init"]) == 0
    assert json.loads(capsys.readouterr().out)["db"] == str(
        (tmp_path / "data" / "loyalty.db").resolve()
    )
    monkeypatch.setenv("LOYALTY_DB", str(tmp_path / "chosen.db"))
    assert run(["--json", "init"]) == 0
    assert json.loads(capsys.readouterr().out)["db"] == str((tmp_path / "chosen.db").resolve())


def test_reports_for_a_past_moment_replay_the_ledger_to_it(shop_cli: Loyalty) -> None:
    m = enrol(shop_cli)
    tuesday = date.fromisoformat(days_ago(7, weekday=1))  # no weekend campaign
    day = [(tuesday + timedelta(days=n)).isoformat() for n in range(4)]
    shop_cli("sale", "S1", "--member", m["member_no"], "--total", "100.00", "--at", day[0])
    shop_cli(
        "sale",
        "S2",
        "--member",
        m["member_no"],
        "--total",
        "60.00",
        "--redeem",
        "50",
        "--at",
        day[2],
    )
    code, then = shop_cli("report", "liability", "--at", day[1])
    assert (code, then["points"]) == (0, 100)  # before the 50 points were spent
    assert shop_cli("report", "liability", "--at", day[3])[1]["points"] == 100 - 50 + 59
    shown = shop_cli("member", "show", m["member_no"], "--at", day[3])[1]
    assert shown["next_tier"] == {"name": "Gold", "needs": "840.50", "basis": "lifetime_spend"}
