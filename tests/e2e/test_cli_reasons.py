"""With ``--json`` every refusal also says its specific reason and details, and still only the same code.

``error`` and ``message`` are as before; ``reason`` is always there (the code
itself when nothing more specific is known) and names an entry of the
catalogue, so a script or a screen can say it in Chinese and point at the field.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loyalty_desktop.cli.main import run
from loyalty_desktop.domain.reasons import REASONS, say
from tests.e2e.conftest import Loyalty

WECHAT_CODE = "134567890123456789"


@pytest.fixture
def member(shop_cli: Loyalty) -> str:
    code, _ = shop_cli(
        "member", "add", "--name", "王小明", "--phone", "13912345678", "--member-no", "M1"
    )
    assert code == 0
    return "M1"


@pytest.mark.parametrize(
    ("args", "error", "reason", "details"),
    [
        (
            ["sale", "S1", "--member", "M1", "--total", "12.345"],
            "invalid_amount",
            "amount_too_precise",
            {"field": "total", "currency": "CNY", "decimals": 2, "value": "12.345"},
        ),
        (
            ["sale", "S1", "--member", "M1", "--line", "A,1,1", "--line", "B,0,2"],
            "invalid_amount",
            "quantity_zero",
            {"field": "quantity", "line": 2},
        ),
        (
            ["sale", "S1", "--member", "M1", "--total", "10", "--redeem", "5"],
            "insufficient_points",
            "redeem_exceeds_balance",
            {"field": "redeem", "spendable": 0, "points": 5},
        ),
        (
            ["sale", "S1", "--member", "M1", "--total", "10", "--at", "2999-01-01"],
            "future_date",
            "backdate_future",
            {"field": "at"},
        ),
        (
            ["member", "add", "--name", "李四", "--member-no", "M1"],
            "duplicate_member",
            "duplicate_member",
            {"field": "member_no", "member_no": "M1"},
        ),
        (
            ["adjust", "M1", "5", "--reason", " ", "--request-id", "Q1"],
            "invalid_request",
            "adjust_reason_missing",
            {"field": "reason"},
        ),
        (
            ["refund", "R1", "--sale", "S404", "--amount", "1.00"],
            "unknown_sale",
            "unknown_sale",
            {"field": "sale", "sale_id": "S404"},
        ),
        (
            ["report", "liability", "--horizon-days", "3000000"],
            "invalid_request",
            "horizon_days_range",
            {"field": "horizon_days", "minimum": 1, "maximum": 36500},
        ),
    ],
)
def test_a_refusal_says_its_reason_and_details_beside_the_same_code(
    shop_cli: Loyalty,
    member: str,
    args: list[str],
    error: str,
    reason: str,
    details: dict[str, object],
) -> None:
    code, refused = shop_cli(*args)
    assert (code, refused["error"], refused["reason"]) == (1, error, reason), refused
    assert refused["message"]
    assert {key: refused.get(key) for key in details} == details
    assert reason in REASONS
    public = {k: v for k, v in refused.items() if k not in ("error", "message", "reason")}
    chinese = say(reason, public, "zh_CN")
    assert chinese is not None
    assert "{" not in chinese


@pytest.mark.parametrize(
    ("args", "secret", "reason"),
    [
        (
            ["member", "add", "--name", "X", "--phone", "139-abc-5678"],
            "139-abc-5678",
            "phone_not_digits",
        ),
        (
            ["member", "add", "--name", "X", "--email", "wang@example"],
            "wang@example",
            "email_format",
        ),
        (
            ["member", "add", "--name", "X", "--member-no", WECHAT_CODE],
            WECHAT_CODE,
            "payment_code_not_member_no",
        ),
        (
            ["member", "add", "--name", "X", "--member-no", "13912345678"],
            "13912345678",
            "member_no_phone_shaped",
        ),
        (["member", "show", "phone:13800001111"], "13800001111", "member_phone_not_found"),
        (["member", "show", "13800001111"], "13800001111", "member_not_found"),
        (
            ["sale", "S1", "--member", WECHAT_CODE, "--total", "1"],
            WECHAT_CODE,
            "payment_code_not_card",
        ),
        (["sale", "S1", "--member", "M1", "--total", WECHAT_CODE], WECHAT_CODE, "amount_too_large"),
        (
            ["sale", "S1", "--member", "M1", "--total", "1", "--at", WECHAT_CODE],
            WECHAT_CODE,
            "time_format",
        ),
    ],
)
def test_a_refusal_never_repeats_a_phone_an_email_or_a_payment_code(
    shop_cli: Loyalty, member: str, args: list[str], secret: str, reason: str
) -> None:
    code, refused = shop_cli(*args)
    assert (code, refused["reason"]) == (1, reason), refused
    assert secret not in str(refused)


def test_usage_errors_and_command_line_refusals_carry_a_reason_too(
    shop_cli: Loyalty, tmp_path: Path
) -> None:
    code, refused = shop_cli("sale")
    assert (code, refused["error"], refused["reason"]) == (2, "usage", "usage")
    latin1 = tmp_path / "programme.toml"
    latin1.write_bytes("shop_name = 'Caf\xe9'\n".encode("latin-1"))
    code, refused = shop_cli("program", "load", str(latin1))
    assert (code, refused["error"], refused["reason"]) == (1, "bad_file", "file_not_utf8")
    assert refused["reason"] in REASONS


def test_without_json_a_refusal_reads_as_before(
    db_path: Path, member: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--db", str(db_path), "sale", "S1", "--member", "M1", "--total", "12.345"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "loyalty: total '12.345' has more decimals than CNY allows (2); "
        "amounts are never rounded [invalid_amount]\n"
    )
