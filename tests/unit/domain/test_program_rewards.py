"""The programme file's ``[[rewards]]`` tables: coupons, item rewards, and every mistake named."""

from datetime import date

import pytest

from loyalty_desktop.domain.errors import BadProgram
from loyalty_desktop.domain.program_dict import program_to_dict
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.domain.reasons import describe

TIERS = """\
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Gold"
threshold = "1000"
"""


def test_coupons_and_item_rewards_are_read_in_file_order() -> None:
    text = (
        TIERS
        + """
[[rewards]]
name = "Free coffee"
points = 500
sku = "COF-1"

[[rewards]]
name = "12 off"
points = 1200
value = "12.00"
start = "2025-01-01"
end = "2025-06-30"
tiers = ["Gold"]
"""
    )
    program = parse_program(text, "p.toml")
    coffee, coupon = program.rewards
    assert (coffee.name, coffee.points, coffee.sku, coffee.value) == (
        "Free coffee",
        500,
        "COF-1",
        None,
    )
    assert (coupon.value, coupon.sku, coupon.tiers) == (1200, None, frozenset({"Gold"}))
    assert coupon.valid_on(date(2025, 6, 30))
    assert not coupon.valid_on(date(2025, 7, 1))
    assert coffee.valid_on(date(1999, 1, 1))  # no dates: always
    assert coupon.allowed_for("Gold")
    assert not coupon.allowed_for("Bronze")
    assert coffee.allowed_for(None)
    assert program.reward("12 off") is coupon
    assert program.reward("12") is None


def test_program_show_lists_rewards_as_their_tables_read() -> None:
    text = '[[rewards]]\nname = "A"\npoints = 5\nvalue = "3.5"\n\n[[rewards]]\nname = "B"\npoints = 1\nsku = "X"\n'
    shown = program_to_dict(parse_program(text))["rewards"]
    assert shown == [
        {
            "name": "A",
            "points": 5,
            "value": "3.50",
            "start": "0001-01-01",
            "end": "9999-12-31",
            "tiers": [],
        },
        {
            "name": "B",
            "points": 1,
            "sku": "X",
            "start": "0001-01-01",
            "end": "9999-12-31",
            "tiers": [],
        },
    ]
    assert program_to_dict(parse_program(""))["rewards"] == []


@pytest.mark.parametrize(
    ("body", "reason", "key"),
    [
        ('name = "A"\npoints = 0\nvalue = "1.00"', "program_too_small", "rewards[0].points"),
        ('name = "A"\npoints = -5\nvalue = "1.00"', "program_too_small", "rewards[0].points"),
        ('name = "A"\npoints = "ten"\nvalue = "1.00"', "program_not_integer", "rewards[0].points"),
        ('name = "A"\nvalue = "1.00"', "program_reward_no_points", "rewards[0]"),
        ('points = 5\nvalue = "1.00"', "program_reward_unnamed", "rewards[0]"),
        ('name = "  "\npoints = 5\nvalue = "1.00"', "program_not_text", "rewards[0].name"),
        ('name = "A"\npoints = 5\nvalue = "0"', "program_not_positive", "rewards[0].value"),
        (
            'name = "A"\npoints = 5\nvalue = "1.005"',
            "program_amount_too_precise",
            "rewards[0].value",
        ),
        ('name = "A"\npoints = 5\nvalue = 1.5', "program_decimal_as_float", "rewards[0].value"),
        ('name = "A"\npoints = 5\nsku = ""', "program_not_text", "rewards[0].sku"),
        ('name = "A"\npoints = 5', "program_reward_value_or_sku", "rewards[0]"),
        (
            'name = "A"\npoints = 5\nvalue = "1.00"\nsku = "X"',
            "program_reward_value_or_sku",
            "rewards[0]",
        ),
        (
            'name = "A"\npoints = 5\nvalue = "1.00"\ntiers = ["Platinum"]',
            "program_unknown_tier",
            "rewards[0].tiers",
        ),
        (
            'name = "A"\npoints = 5\nvalue = "1.00"\nstart = "2025-02-01"\nend = "2025-01-01"',
            "program_reward_ends_before_start",
            "rewards[0].end",
        ),
        (
            'name = "A"\npoints = 5\nvalue = "1.00"\nend = "soon"',
            "program_not_date",
            "rewards[0].end",
        ),
        (
            'name = "A"\npoints = 5\nvalue = "1.00"\ncolour = 1',
            "program_unknown_key",
            "rewards[0].colour",
        ),
        (
            f'name = "{"x" * 41}"\npoints = 5\nvalue = "1.00"',
            "program_reward_name_long",
            "rewards[0].name",
        ),
    ],
)
def test_a_bad_reward_is_refused_naming_its_key(body: str, reason: str, key: str) -> None:
    with pytest.raises(BadProgram) as caught:
        parse_program(TIERS + "\n[[rewards]]\n" + body + "\n", "f.toml")
    assert caught.value.reason == reason
    assert caught.value.details["key"] == key
    assert caught.value.details["where"].startswith("f.toml:")
    # every refusal reads as a sentence in both languages, its placeholders filled
    for locale in ("en", "zh_CN"):
        assert "{" not in describe(caught.value, locale)
    assert describe(caught.value, "zh_CN") != caught.value.message


def test_two_rewards_with_one_name_are_refused_at_the_second() -> None:
    text = (
        '[[rewards]]\nname = "Coffee"\npoints = 5\nsku = "C"\n\n'
        '[[rewards]]\nname = "Coffee"\npoints = 9\nvalue = "1.00"\n'
    )
    with pytest.raises(BadProgram) as caught:
        parse_program(text, "f.toml")
    assert caught.value.reason == "program_reward_named_twice"
    assert caught.value.details["where"] == "f.toml:7"  # the second name
    assert "Coffee" in describe(caught.value, "zh_CN")


def test_rewards_written_as_a_table_are_refused() -> None:
    with pytest.raises(BadProgram) as caught:
        parse_program('[rewards]\nname = "A"\n', "f.toml")
    assert caught.value.reason == "program_rewards_not_tables"
