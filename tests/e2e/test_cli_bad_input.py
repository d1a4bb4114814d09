"""Every kind of bad input gets a clear refusal, exit 1 (2 for wrong usage), and leaves the database as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Loyalty, db_fingerprint, run_script


@pytest.fixture
def member(shop_cli: Loyalty) -> dict[str, str]:
    code, m = shop_cli(
        "member", "add", "--name", "张三", "--phone", "13800138000", "--member-no", "M1"
    )
    assert code == 0
    shop_cli("sale", "S1", "--member", "M1", "--total", "50.00", "--at", "2025-03-03")
    return m


def tampered(card: str) -> str:
    return card[:10] + str((int(card[10]) + 1) % 10) + card[11:]


BAD_REQUESTS = [
    ("unknown_member", ["sale", "S9", "--member", "NOBODY", "--total", "1.00"]),
    ("unknown_member", ["member", "show", "13999999999"]),
    ("insufficient_points", ["sale", "S9", "--member", "M1", "--total", "80.00", "--redeem", "51"]),
    ("insufficient_points", ["adjust", "M1", "-51", "--reason", "x", "--request-id", "Q9"]),
    ("invalid_request", ["sale", "S9", "--member", "M1", "--total", "10.00", "--redeem", "-5"]),
    ("invalid_amount", ["sale", "S9", "--member", "M1", "--total", "12.345"]),
    ("invalid_amount", ["sale", "S9", "--member", "M1", "--total", "abc"]),
    ("invalid_amount", ["sale", "S9", "--member", "M1", "--line", "A,1,1.00001"]),
    ("invalid_amount", ["refund", "R9", "--sale", "S1", "--amount", "1.001"]),
    ("refund_exceeds_sale", ["refund", "R9", "--sale", "S1", "--amount", "50.01"]),
    ("unknown_sale", ["refund", "R9", "--sale", "NOSALE", "--amount", "1.00"]),
    ("future_date", ["expire", "--at", "2099-01-01"]),
    ("duplicate_member", ["member", "add", "--name", "X", "--member-no", "M1"]),
    ("invalid_request", ["member", "add", "--name", "X", "--birthday", "1990-02-30"]),
    ("invalid_request", ["member", "add", "--name", "X", "--email", "not-an-email"]),
    ("invalid_request", ["adjust", "M1", "5", "--reason", " ", "--request-id", "Q9"]),
    ("invalid_time", ["sale", "S9", "--member", "M1", "--total", "1.00", "--at", "yesterday"]),
    ("unknown_activity", ["award", "M1", "dancing"]),
    ("invalid_card", ["member", "show", "96110010000001"]),
    ("invalid_card", ["member", "show", "hello, world!"]),
    ("invalid_card", ["member", "show", "83749238749823749823"]),
    ("payment_code", ["sale", "S9", "--member", "134567890123456789", "--total", "1.00"]),
    ("payment_code", ["member", "show", "2812345678901234"]),
]


@pytest.mark.parametrize(
    ("error", "args"), BAD_REQUESTS, ids=[f"{e}-{i}" for i, (e, _) in enumerate(BAD_REQUESTS)]
)
def test_bad_requests_are_refused_and_change_nothing(
    shop_cli: Loyalty, member: dict[str, str], db_path: Path, error: str, args: list[str]
) -> None:
    before = db_fingerprint(db_path)
    code, result = shop_cli(*args)
    assert (code, result["error"]) == (1, error), result
    assert result["message"]
    assert "Traceback" not in result["message"]
    assert db_fingerprint(db_path) == before


def test_a_tampered_or_foreign_card_is_invalid(shop_cli: Loyalty, member: dict[str, str]) -> None:
    assert shop_cli("member", "show", tampered(member["card"]))[1]["error"] == "invalid_card"
    assert shop_cli("member", "show", member["card"][:-2])[1]["error"] == "invalid_card"


def test_a_payment_code_is_never_echoed(shop_cli: Loyalty, member: dict[str, str]) -> None:
    _code, result = shop_cli("member", "show", "134567890123456789")
    assert "134567890123456789" not in str(result)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[earn]\npoints = 1\nper = 0.5\n", "line 3"),
        ("[earn]\nbogus = 1\n", "line 2"),
        ('[[tiers.levels]]\nname = "A"\nthreshold = "x"\n', "line 3"),
    ],
)
def test_a_bad_programme_file_names_line_and_key_and_keeps_the_old_one(
    shop_cli: Loyalty, tmp_path: Path, text: str, where: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    before = shop_cli("program", "show")[1]
    code, result = shop_cli("program", "load", str(path))
    assert (code, result["error"]) == (1, "bad_program")
    assert f"bad.toml:{where.split()[1]}:" in result["message"]
    assert shop_cli("program", "show")[1] == before


def test_a_missing_file_is_refused(shop_cli: Loyalty, tmp_path: Path) -> None:
    code, result = shop_cli("program", "load", str(tmp_path / "nope.toml"))
    assert (code, result["error"]) == (1, "bad_file")


@pytest.mark.parametrize(
    "args",
    [
        ["sale"],
        ["sale", "S1", "--member", "M1"],
        ["sale", "S1", "--member", "M1", "--total", "1", "--line", "A,1,1"],
        ["frobnicate"],
        ["adjust", "M1", "ten"],
    ],
)
def test_wrong_usage_exits_2_with_one_json_object(shop_cli: Loyalty, args: list[str]) -> None:
    code, result = shop_cli(*args)
    assert (code, result["error"]) == (2, "usage")


def test_the_console_script_prints_one_json_object_and_no_traceback(db_path: Path) -> None:
    done = run_script(
        "--db", str(db_path), "--json", "sale", "S1", "--member", "nobody", "--total", "1.00"
    )
    assert done.returncode == 1
    assert done.stdout.count("\n") == 1
    assert '"error": "unknown_member"' in done.stdout
    assert "Traceback" not in done.stderr
    done = run_script("--db", str(db_path), "member", "show", "nobody")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "no member" in done.stderr
    done = run_script("--db", str(db_path), "--json", "sale")
    assert done.returncode == 2
    assert '"error": "usage"' in done.stdout


def test_a_file_that_is_not_a_loyalty_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "notes.db"
    other.write_text("shopping list: rice, eggs\n", encoding="utf-8")
    done = run_script("--db", str(other), "--json", "member", "show", "1")
    assert done.returncode == 1
    assert '"error": "bad_database"' in done.stdout
    assert other.read_text(encoding="utf-8") == "shopping list: rice, eggs\n"
