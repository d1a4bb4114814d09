"""Every kind of bad input gets a clear refusal, exit 1 (2 for wrong usage), and leaves the database as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import Loyalty, db_fingerprint, run_script


@pytest.fixture
def member(shop_cli: Loyalty) -> dict[str, str]:
    code, m = shop_cli(
        "member",
        "add",
        "--name",
        "张三",
        "--phone",
        "13800138000",
        "--member-no",
        "M1",
        "--at",
        "2025-01-01",
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
    ("invalid_time", ["sale", "S9", "--member", "M1", "--total", "1.00", "--at", "0001-01-01"]),
    ("invalid_time", ["sale", "S9", "--member", "M1", "--total", "1.00", "--at", "9999-12-31"]),
    ("invalid_time", ["member", "show", "M1", "--at", "0001-01-01"]),
    ("invalid_amount", ["sale", "S9", "--member", "M1", "--line", "A,1000000,999999999999999"]),
    (
        "invalid_amount",
        [
            "sale",
            "S9",
            "--member",
            "M1",
            "--line",
            "A,1000000,99999999",
            "--line",
            "B,1000000,99999999",
        ],
    ),
    ("invalid_amount", ["sale", "S9", "--member", "M1", "--total", "1E+999999999"]),
    (
        "invalid_amount",
        ["sale", "S9", "--member", "M1", "--total", "9", "--discount", "1E+999999999"],
    ),
    ("invalid_amount", ["sale", "S9", "--member", "M1", "--line", "A,1,1E+999999999"]),
    ("invalid_amount", ["sale", "S9", "--member", "M1", "--line", "A,1E+999999999,1"]),
    ("invalid_amount", ["sale", "S9", "--member", "M1", "--line", "A,1,1E-999999999"]),
    ("invalid_amount", ["refund", "R9", "--sale", "S1", "--amount", "1E+999999999"]),
    ("invalid_amount", ["refund", "R9", "--sale", "S1", "--line", "A,1E+999999999"]),
    ("payment_code", ["member", "add", "--name", "X", "--member-no", "134567890123456789"]),
    ("invalid_request", ["member", "add", "--name", "X", "--member-no", "96110010000001"]),
    ("invalid_request", ["member", "card", "M1", "--out", "card.jpg", "--reissue"]),
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


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[expiry]\ndays = 3000000\n", "expiry.days"),
        ("[earn]\npoints = 99999999999999999\n", "earn.points"),
        ('[[campaigns]]\nname = "x"\nmultiplier = "1000000"\n', "campaigns[0].multiplier"),
        ('[earn]\nper = "1E+999999999"\n', "earn.per"),
        ('[earn]\nmin_order = "1E-999999999"\n', "earn.min_order"),
        ('[redeem]\npoint_value = "1E+999999999"\n', "redeem.point_value"),
        ('[redeem]\npoint_value = "1E-999999999"\n', "redeem.point_value"),
        (
            '[tiers]\nbasis = "points_earned"\n[[tiers.levels]]\nname = "G"\n'
            'threshold = "1E+99999"\n',
            "threshold",
        ),
    ],
)
def test_programme_values_no_till_could_use_are_refused(
    shop_cli: Loyalty, tmp_path: Path, text: str, key: str
) -> None:
    path = tmp_path / "huge.toml"
    path.write_text(text, encoding="utf-8")
    code, result = shop_cli("program", "load", str(path))
    assert (code, result["error"]) == (1, "bad_program")
    assert key in result["message"]


def test_a_card_that_cannot_be_written_leaves_the_old_card_working(
    shop_cli: Loyalty, member: dict[str, str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, result = shop_cli("member", "card", "M1", "--out", str(blocker / "card.png"), "--reissue")
    assert (code, result["error"]) == (1, "bad_file")
    assert shop_cli("member", "show", member["card"])[1]["member_no"] == "M1"


def test_erasing_twice_changes_nothing_more(shop_cli: Loyalty, member: dict[str, str]) -> None:
    assert shop_cli("member", "erase", "M1") == (0, {"erased": member["id"]})
    assert shop_cli("member", "erase", member["id"]) == (0, {"erased": member["id"]})


def test_init_with_an_unusable_programme_creates_no_database(
    loyalty: Loyalty, db_path: Path, tmp_path: Path
) -> None:
    assert loyalty("init", "--program", str(tmp_path / "missing.toml"))[1]["error"] == "bad_file"
    bad = tmp_path / "bad.toml"
    bad.write_text("[earn]\npoints = 'x'\n", encoding="utf-8")
    assert loyalty("init", "--program", str(bad))[1]["error"] == "bad_program"
    assert not db_path.exists()
