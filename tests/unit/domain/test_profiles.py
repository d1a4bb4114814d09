"""A profile as it travels: what no till could have written is refused, never repeating the value."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.domain.members import MAX_EMAIL
from loyalty_desktop.domain.profiles import Profile, latest_birthday, read_profile

LATEST = date(2026, 12, 8)

GOOD: dict[str, Any] = {
    "name": "王芳",
    "phone": "13800138000",
    "email": "fang@example.com",
    "birthday": "1990-05-31",
}


def test_a_profile_a_till_writes_is_read_as_it_is() -> None:
    profile = read_profile(GOOD, LATEST)
    assert profile == Profile("王芳", "13800138000", "fang@example.com", profile.birthday)
    assert str(profile.birthday) == "1990-05-31"


@pytest.mark.parametrize(
    "change",
    [
        {"name": "王\ud800芳"},  # JSON can spell a lone surrogate; no database can store it
        {"email": "x" * (MAX_EMAIL - len("@example.com") + 1) + "@example.com"},
        {"email": "fang\udfff@example.com"},
        {"birthday": "2026-12-09"},  # after the latest birthday the reader believes
        {"birthday": "2999-12-31"},
    ],
)
def test_text_no_till_could_store_is_refused_without_repeating_it(change: dict[str, Any]) -> None:
    with pytest.raises(InvalidRequest) as refused:
        read_profile({**GOOD, **change}, LATEST)
    assert refused.value.reason == "profile_unreadable"
    value = next(iter(change.values()))
    assert value not in refused.value.message


def test_a_birthday_on_the_latest_day_is_read() -> None:
    assert read_profile({**GOOD, "birthday": "2026-12-08"}, LATEST).birthday == LATEST


def test_the_latest_birthday_is_two_days_past_the_readers_date() -> None:
    # a till allows the day after its own date, and its clock may run ahead of the reader's
    assert latest_birthday(datetime(2026, 12, 6, 23, 59, tzinfo=UTC)) == LATEST
