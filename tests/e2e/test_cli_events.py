"""``loyalty event``: a Gold-only evening with one place left; the door scan pays points once."""

from __future__ import annotations

from datetime import date, timedelta

from tests.e2e.conftest import Loyalty, days_ago


def test_a_gold_evening_takes_gold_members_up_to_capacity_and_pays_attendance_once(
    shop_cli: Loyalty,
) -> None:
    loyalty = shop_cli
    today = date.today()
    code, event = loyalty(
        "event", "create", "Gold evening",
        "--start", today.isoformat(), "--end", (today + timedelta(days=2)).isoformat(),
        "--capacity", "1", "--tier", "Gold", "--activity", "review",
    )  # fmt: skip
    assert code == 0, event
    assert event["tiers"] == ["Gold"]
    _, gold = loyalty("member", "add", "--name", "金", "--at", days_ago(10))
    _, bronze = loyalty("member", "add", "--name", "铜", "--at", days_ago(10))
    assert loyalty("sale", "S1", "--member", gold["member_no"], "--total", "1500.00")[0] == 0

    code, refused = loyalty("event", "signup", event["id"], bronze["member_no"])
    assert (code, refused["reason"]) == (1, "event_tier_not_eligible")
    code, signed = loyalty("event", "signup", "Gold evening", gold["member_no"])
    assert (code, signed["checked_in_at"]) == (0, None)

    code, came = loyalty("event", "checkin", event["id"], gold["card"])
    assert (code, came["first_time"], came["earned"]) == (0, True, 10)
    code, again = loyalty("event", "checkin", event["id"], gold["card"])
    assert (code, again["first_time"], again["earned"]) == (0, False, 0)
    _, shown = loyalty("member", "show", gold["member_no"])
    _, listed = loyalty("event", "list")
    assert listed["events"][0]["checked_in"] == 1
    code, turned = loyalty("event", "checkin", event["id"], bronze["card"])
    assert (code, turned["reason"]) == (1, "event_not_signed_up")
    assert shown["points"] == again["points"]
