"""A profile in the server's change log, as a till reads it: kept when a till could have written it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from loyalty_desktop.services.pulled import MemberChange, read_changes

PROFILE = {
    "name": "王芳",
    "phone": "13900139001",
    "email": "fang@example.com",
    "birthday": "1990-05-31",
    "consent": True,
    "consent_at": "2026-03-02T02:00:00+00:00",
}


def _row(profile: Any) -> dict[str, Any]:
    return {
        "pos": 1,
        "kind": "member",
        "store_id": "a" * 8,
        "member_id": "m" * 8,
        "member_no": "10000001",
        "status": "active",
        "consent": True,
        "created_at": "2026-03-02T02:00:00+00:00",
        "movements": [],
        "profile": profile,
    }


def test_a_changed_profile_is_read_with_its_consent() -> None:
    (change,) = read_changes([_row(PROFILE)]).changes
    assert isinstance(change, MemberChange)
    assert change.profile is not None
    p = change.profile.profile
    assert (p.name, p.phone, p.email, p.birthday) == (
        "王芳",
        "13900139001",
        "fang@example.com",
        date(1990, 5, 31),
    )
    assert change.profile.consent is True


def test_no_profile_or_an_erased_ones_null_is_no_profile() -> None:
    without = _row(None)
    del without["profile"]
    for row in (_row(None), without):
        (change,) = read_changes([row]).changes
        assert isinstance(change, MemberChange)
        assert change.profile is None


@pytest.mark.parametrize(
    "profile",
    [
        {**PROFILE, "phone": "1390013900x"},
        {**PROFILE, "name": ""},
        {**PROFILE, "birthday": "1990-02-30"},
        {**PROFILE, "birthday": "2999-12-31"},  # in the future: no till writes it
        {**PROFILE, "consent": "yes"},
        {k: v for k, v in PROFILE.items() if k != "email"},
        "王芳",
    ],
)
def test_a_profile_no_till_could_have_written_is_kept_aside_without_its_value(
    profile: Any,
) -> None:
    # the rest of the change is read (its points and status apply); the profile is not
    (change,) = read_changes([_row(profile)]).changes
    assert isinstance(change, MemberChange)
    assert change.member_id == "m" * 8
    assert change.profile is None
    assert change.profile_problem
    for value in ("1390013900x", "1990-02-30", "2999"):
        assert value not in change.profile_problem
