"""The programme file's ``[lifecycle]`` table: defaults, checks that name the key, and round trips."""

from __future__ import annotations

import pytest

from loyalty_desktop.domain.errors import BadProgram
from loyalty_desktop.domain.program import LifecycleRule
from loyalty_desktop.domain.program_dict import program_to_dict
from loyalty_desktop.domain.program_file import parse_program
from loyalty_desktop.domain.program_writer import write_program


def test_a_file_without_lifecycle_gets_the_defaults() -> None:
    assert parse_program("").lifecycle == LifecycleRule()


def test_thresholds_are_read_and_written_back() -> None:
    text = (
        "[lifecycle]\nnew_days = 30\nloyal_visits = 6\ndecline_pct = 40\nlapsed_days = 365\n"
        "overdue_times = 3\n"
    )
    program = parse_program(text)
    assert program.lifecycle == LifecycleRule(
        new_days=30, loyal_visits=6, decline_pct=40, lapsed_days=365, overdue_times=3
    )
    assert parse_program(write_program(program)) == program
    assert program_to_dict(program)["lifecycle"]["lapsed_days"] == 365


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        ("[lifecycle]\nnew_day = 3\n", "lifecycle.new_day", "program_unknown_key"),
        ("[lifecycle]\nwindow_days = 0\n", "lifecycle.window_days", "program_too_small"),
        ("[lifecycle]\ndecline_pct = 101\n", "lifecycle.decline_pct", "program_too_large"),
        ("[lifecycle]\noverdue_times = -1\n", "lifecycle.overdue_times", "program_too_small"),
        ('[lifecycle]\nlapsed_days = "90"\n', "lifecycle.lapsed_days", "program_not_integer"),
        (
            "[lifecycle]\nquiet_days = 200\n",
            "lifecycle.quiet_days",
            "program_lifecycle_quiet_after_lapsed",
        ),
    ],
)
def test_a_bad_threshold_is_refused_naming_its_key(text: str, key: str, reason: str) -> None:
    with pytest.raises(BadProgram) as refused:
        parse_program(text, "p.toml")
    assert refused.value.reason == reason
    assert refused.value.details["key"] == key
