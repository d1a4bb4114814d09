"""``loyalty report tiers|campaigns|cohorts``: their JSON, CSV tables, --out and --store."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from loyalty_desktop.cli.main import run
from tests.e2e.conftest import Loyalty
from tests.e2e.test_cli_contract import enrol


def _trade(cli: Loyalty) -> tuple[str, str]:
    a, b = enrol(cli, "A")["member_no"], enrol(cli, "B")["member_no"]
    sales = [
        ("S1", a, "600.00", "2025-03-03"),  # a Monday
        ("S2", a, "500.00", "2025-04-05"),  # a Saturday: Double weekend; A reaches Gold
        ("S3", b, "80.00", "2025-03-20"),
        ("S4", b, "20.00", "2025-03-22"),  # a Saturday
    ]
    for sale_id, who, total, day in sales:
        code, sold = cli("sale", sale_id, "--member", who, "--total", total, "--at", day)
        assert code == 0, sold
    return a, b


def test_tiers_report_shows_who_moved_up(shop_cli: Loyalty) -> None:
    _trade(shop_cli)
    code, found = shop_cli("report", "tiers", "--from", "2025-03-10", "--at", "2025-05-01")
    assert code == 0, found
    rows = {row["tier"]: row for row in found["tiers"]}
    assert (rows["Gold"]["members_start"], rows["Gold"]["members_end"]) == (0, 1)
    assert rows["Gold"]["revenue"] == "500.00"
    assert found["moves"] == [
        {"from": "Bronze", "to": "Gold", "members": 1, "direction": "up"},
        {"from": None, "to": "Bronze", "members": 1, "direction": "up"},  # B's first sale
    ]
    assert (found["upgraded"], found["downgraded"]) == (2, 0)


def test_campaigns_report_counts_the_sales_the_campaign_applied_to(shop_cli: Loyalty) -> None:
    _trade(shop_cli)
    code, found = shop_cli("report", "campaigns", "--from", "2025-03-01", "--at", "2025-05-01")
    assert code == 0, found
    [weekend] = found["campaigns"]
    assert weekend["name"] == "Double weekend"
    assert weekend["applied"] == {"sales": 2, "revenue": "520.00", "members": 2}
    assert (weekend["window"]["first_day"], weekend["window"]["last_day"]) == (
        "2025-03-01",
        "2025-04-30",
    )
    assert weekend["window"]["sales"] == 4
    assert (weekend["control"], weekend["lift"]) == (None, None), "every tier is targeted"


def test_list_reports_are_csv_tables(shop_cli: Loyalty, tmp_path: Path) -> None:
    _trade(shop_cli)
    out = tmp_path / "cohorts.csv"
    code, written = shop_cli(
        "report", "cohorts", "--from", "2025-03-01", "--at", "2025-05-01", "--format", "csv",
        "--out", str(out),
    )  # fmt: skip
    assert (code, written["file"]) == (0, str(out))
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["month"], r["members"], r["buyers_0"], r["buyers_1"]) for r in table] == [
        ("2025-03", "2", "2", "1")
    ]
    assert table[0]["retention_1"] == "0.5000"
    code, refused = shop_cli("report", "cohorts", "--format", "csv", "--out", str(out))
    assert (code, refused["error"]) == (1, "file_exists"), refused
    code, tiers = shop_cli("report", "tiers", "--at", "2025-05-01", "--format", "csv")
    header = next(csv.reader(io.StringIO(tiers["csv"])))
    assert header[:3] == ["tier", "members_start", "members_end"]


NO_SALES = "7d0c3f1e-0000-4000-8000-00000000abcd"  # a till's device id that rang up nothing


def test_a_store_with_no_sales_reports_none(shop_cli: Loyalty) -> None:
    _trade(shop_cli)
    code, found = shop_cli(
        "report", "kpis", "--from", "2025-03-01", "--at", "2025-05-01", "--store", NO_SALES
    )
    assert code == 0, found
    assert (found["sales"], found["revenue"], found["store"]) == (0, "0.00", NO_SALES)
    assert found["members"] == 2


def test_csv_on_standard_output_without_json(
    shop_cli: Loyalty, db_path: Path, capsys: object
) -> None:
    _trade(shop_cli)
    assert run(["--db", str(db_path), "report", "campaigns", "--format", "csv"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.splitlines()[0].startswith("name,campaign_start,campaign_end,tiers,targeting")
