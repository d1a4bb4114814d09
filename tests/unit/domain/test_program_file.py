from decimal import Decimal
from pathlib import Path

import pytest

from loyalty_desktop.domain.errors import BadProgram
from loyalty_desktop.domain.program import CampaignPolicy, TierBasis
from loyalty_desktop.domain.program_dict import program_to_dict
from loyalty_desktop.domain.program_file import parse_program

EXAMPLE = Path(__file__).parents[3] / "resources" / "programme-example.toml"


def contract_example() -> str:
    """The contract's example programme, shipped in resources/."""
    return EXAMPLE.read_text(encoding="utf-8")


def test_the_contract_example_parses_with_its_values() -> None:
    program = parse_program(contract_example(), "p.toml")
    assert program.currency.code == "CNY"
    assert program.timezone == "Asia/Shanghai"
    assert program.earn.points == 1
    assert program.earn.per == 100
    assert program.expiry.days == 365
    assert program.activity_points("review") == 10
    assert program.tiers.levels[0].name == "Bronze"
    assert program.campaigns[0].multiplier == Decimal(2)
    assert program.campaigns[0].weekdays == frozenset({5, 6})


def test_an_empty_file_gives_every_default() -> None:
    program = parse_program("", "empty.toml")
    shown = program_to_dict(program)
    assert program.earn.points == 0  # no earning
    assert program.expiry.days == 0  # no expiry
    assert shown["redeem"] == {"point_value": "0.01", "min_points": 0, "max_share": "1.0"}
    assert len(program.tiers.levels) == 1
    assert program.campaigns == ()
    assert program.campaign_policy is CampaignPolicy.BEST
    assert program.timezone == "UTC"


def test_tiers_are_kept_highest_threshold_first_whatever_the_file_order() -> None:
    text = """
[tiers]
basis = "points_earned"
[[tiers.levels]]
name = "Gold"
threshold = 5000
[[tiers.levels]]
name = "Member"
threshold = 0
[[tiers.levels]]
name = "Silver"
threshold = 1000
"""
    program = parse_program(text)
    assert [lvl.name for lvl in program.tiers.levels] == ["Gold", "Silver", "Member"]
    assert program.tiers.basis is TierBasis.POINTS_EARNED
    assert [lvl["name"] for lvl in program_to_dict(program)["tiers"]["levels"]] == [
        "Member",
        "Silver",
        "Gold",
    ]


@pytest.mark.parametrize(
    ("text", "where", "key"),
    [
        ("[earn]\npoints = 1\nper = 1.5\n", "f.toml:3", "earn.per"),
        ('[earn]\npoints = "one"\n', "f.toml:2", "earn.points"),
        ("colour = 'red'\n", "f.toml:1", "colour"),
        ('[redeem]\nmax_share = "1.5"\n', "f.toml:2", "redeem.max_share"),
        (
            '[[campaigns]]\nname = "a"\nbonus = 5\n\n'
            '[[campaigns]]\nname = "b"\nmultiplier = "2"\nweekdays = ["someday"]\n',
            "f.toml:8",
            "campaigns[1].weekdays",
        ),
        (
            '[[campaigns]]\nname = "a"\ntiers = ["Platinum"]\nbonus = 1\n',
            "f.toml:3",
            "campaigns[0].tiers",
        ),
        ('currency = "XYZ"\n', "f.toml:1", "currency"),
        ('timezone = "Mars/Olympus"\n', "f.toml:1", "timezone"),
        ('timezone = "Asia"\n', "f.toml:1", "timezone"),  # a folder of zones, not a zone
        (
            '[[tiers.levels]]\nname = "A"\nthreshold = "0"\n[[tiers.levels]]\nname = "A"\nthreshold = "5"\n',
            "f.toml:5",
            "tiers.levels[1].name",
        ),
        ("[expiry]\ndays = -1\n", "f.toml:2", "expiry.days"),
        ('[earn]\nmin_order = "1.005"\n', "f.toml:2", "earn.min_order"),
    ],
)
def test_a_bad_file_names_file_line_and_key(text: str, where: str, key: str) -> None:
    with pytest.raises(BadProgram) as refused:
        parse_program(text, "f.toml")
    assert refused.value.message.startswith(f"{where}: {key}:"), refused.value.message


def test_broken_toml_is_refused_with_the_file_name() -> None:
    with pytest.raises(BadProgram, match=r"^f.toml: not valid TOML"):
        parse_program("[earn\npoints = 1", "f.toml")


def test_show_prints_money_with_the_currency_decimals() -> None:
    shown = program_to_dict(parse_program('currency = "JPY"\n[earn]\npoints = 1\nper = 100\n'))
    assert shown["earn"]["per"] == "100"
    shown = program_to_dict(parse_program(contract_example()))
    assert shown["earn"]["per"] == "1.00"
    assert shown["campaigns"][0]["weekdays"] == ["sat", "sun"]
