"""Writing a programme back as its file: what is written reads back as the same programme."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty_desktop.demo.programme import program_text
from loyalty_desktop.domain.errors import BadProgram
from loyalty_desktop.domain.money import Currency
from loyalty_desktop.domain.program import (
    Campaign,
    CampaignPolicy,
    EarnRule,
    ExpiryRule,
    Program,
    RedeemRule,
    Reward,
    ScoreScale,
    TierBasis,
    TierLevel,
    TierRule,
)
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.domain.program_writer import write_program
from loyalty_desktop.domain.toml_writer import dump_toml
from tests.e2e.conftest import PROGRAM as CLI_PROGRAM
from tests.integration.conftest import PROGRAM as SHOP_PROGRAM
from tests.integration.test_rewards import PROGRAM as REWARDS_PROGRAM
from tests.unit.domain.test_program_file import contract_example
from tests.unit.services.conftest import PROGRAM as SERVICES_PROGRAM

FILES = {
    "contract example": contract_example(),
    "demo": program_text(date(2024, 1, 1), date(2025, 10, 1)),
    "shop tests": SHOP_PROGRAM,
    "cli tests": CLI_PROGRAM,
    "service tests": SERVICES_PROGRAM,
    "reward tests": REWARDS_PROGRAM,
    "empty": "",
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_known_programme_reads_back_the_same_after_writing(name: str) -> None:
    program = parse_program(FILES[name], name)
    assert parse_program(write_program(program), "written") == program


def test_a_tier_colour_is_kept_and_a_bad_one_is_refused_with_its_key() -> None:
    text = '[[tiers.levels]]\nname = "Silver"\nthreshold = "0"\ncolour = "#c0c0c0"\n'
    program = parse_program(text)
    assert program.tiers.levels[0].colour == "#C0C0C0"
    assert 'colour = "#C0C0C0"' in write_program(program)
    with pytest.raises(BadProgram) as refused:
        parse_program(text.replace("#c0c0c0", "silver"), "p.toml")
    assert refused.value.reason == "program_not_colour"
    assert refused.value.details["key"] == "tiers.levels[0].colour"


def test_text_with_quotes_backslashes_and_control_characters_survives() -> None:
    data = {"name": 'say "hi" \\ \t\x01\x7f 中文', "list": ["a\nb"], "n": 3, "ok": True}
    assert tomllib.loads(dump_toml(data)) == data


# Names as the reader keeps them: stripped, not empty.
_names = (
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)
_words = st.frozensets(_names, max_size=3)


def _decimal(high: int, places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=high, places=places, allow_nan=False)


def _days() -> st.SearchStrategy[tuple[date, date]]:
    first = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1))
    return st.tuples(first, st.integers(0, 800)).map(lambda p: (p[0], p[0] + timedelta(p[1])))


@st.composite
def programmes(draw: st.DrawFn) -> Program:
    """Any programme the reader accepts (CNY, lifetime spend thresholds in whole fen)."""
    names = draw(st.lists(_names, min_size=1, max_size=4, unique=True))
    thresholds = draw(st.lists(_decimal(100_000), min_size=len(names), max_size=len(names)))
    if len(set(thresholds)) < len(thresholds):
        thresholds = [Decimal(i) for i in range(len(names))]
    colours = st.sampled_from(["", "#C0C0C0", "#FFD700"])
    levels = sorted(
        (
            TierLevel(n, t, draw(_decimal(100)), draw(_decimal(100, 3)), draw(colours))
            for n, t in zip(names, thresholds, strict=True)
        ),
        key=lambda lvl: lvl.threshold,
        reverse=True,
    )
    tier_names = st.frozensets(st.sampled_from(names), max_size=2)
    campaigns = []
    for i in range(draw(st.integers(0, 3))):
        start, end = draw(_days())
        campaigns.append(
            Campaign(
                name=f"{draw(_names)} {i}",
                start=start,
                end=end,
                multiplier=draw(_decimal(100, 3)),
                bonus=draw(st.integers(0, 1000)),
                weekdays=draw(st.frozensets(st.integers(0, 6))),
                month_days=draw(st.frozensets(st.integers(1, 31), max_size=4)),
                categories=draw(_words),
                tiers=draw(tier_names),
                birthday_month=draw(st.booleans()),
            )
        )
    rewards = []
    for i in range(draw(st.integers(0, 3))):
        start, end = draw(_days())
        coupon = draw(st.booleans())
        rewards.append(
            Reward(
                name=f"{draw(_names)[:30]} {i}",
                points=draw(st.integers(1, 100_000)),
                value=draw(st.integers(1, 100_000)) if coupon else None,
                sku=None if coupon else draw(_names),
                start=start,
                end=end,
                tiers=draw(tier_names),
                stock=draw(st.none() | st.integers(0, 1000)),
            )
        )
    activities = draw(st.dictionaries(_names, st.integers(0, 1000), max_size=3))
    limits = {k: draw(st.integers(1, 1000)) for k in activities if k != "birthday"}
    return Program(
        shop_name=draw(st.just("") | _names),
        currency=Currency.of("CNY"),
        timezone=draw(st.sampled_from(["UTC", "Asia/Shanghai", "Europe/Berlin"])),
        campaign_policy=draw(st.sampled_from(list(CampaignPolicy))),
        earn=EarnRule(
            points=draw(st.integers(0, 100)),
            per=draw(st.integers(1, 100_000)),
            min_order=draw(st.integers(0, 100_000)),
            exclude_categories=draw(_words),
            exclude_skus=draw(_words),
        ),
        activity=tuple(activities.items()),
        activity_limits=tuple(limits.items()),
        birthday_window_days=draw(st.integers(0, 183)),
        expiry=ExpiryRule(draw(st.integers(0, 36_500))),
        redeem=RedeemRule(
            point_value=draw(_decimal(10, 4).filter(bool)),
            min_points=draw(st.integers(0, 10_000)),
            max_share=draw(_decimal(1, 2)),
        ),
        tiers=TierRule(
            basis=TierBasis.LIFETIME_SPEND,
            window_days=draw(st.integers(1, 36_500)),
            levels=tuple(levels),
            score=ScoreScale(
                spend_full=draw(_decimal(100_000).filter(bool)),
                visits_full=draw(st.integers(1, 100)),
                interactions_full=draw(st.integers(1, 100)),
            ),
        ),
        campaigns=tuple(campaigns),
        rewards=tuple(rewards),
    )


@settings(max_examples=150, deadline=None)
@given(programmes())
def test_any_programme_reads_back_the_same_after_writing(program: Program) -> None:
    assert parse_program(write_program(program), "written") == program
