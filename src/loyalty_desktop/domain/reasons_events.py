"""Refusals around member events: sign-ups and the door check-in."""

from __future__ import annotations

from loyalty_desktop.domain.wording import Wording

MEMBER_EVENTS = {
    "event_name": Wording(
        "an event needs a name of 1 to {limit} characters", "活动名称须为 1 到 {limit} 个字"
    ),
    "event_capacity": Wording(
        "an event's capacity is 1 to {limit} members, not {value}",
        "活动名额须为 1 到 {limit} 人，不能是 {value}",
    ),
    "event_ends_before_start": Wording(
        "an event must end after it starts", "活动结束时间须晚于开始时间"
    ),
    "event_unknown": Wording("there is no event {value}", "没有活动 {value}"),
    "event_name_shared": Wording(
        "{count} events are called {value}; give the event's id (loyalty event list)",
        "有 {count} 个活动都叫 {value}，请改用活动的编号（loyalty event list）",
    ),
    "event_name_taken": Wording(
        "an event called {value} is not over yet (it ends {end}); give this one another name",
        "名为 {value} 的活动尚未结束（{end} 结束），请给新活动另起名称",
    ),
    "event_over": Wording(
        "{event} is over; it takes no more sign-ups or check-ins",
        "“{event}”已结束，不能再报名或签到",
    ),
    "event_not_open": Wording("the doors of {event} are not open yet", "“{event}”尚未开始签到"),
    "event_tier_not_eligible": Wording(
        "{event} is open to {tiers} members only; this member is {tier}",
        "“{event}”仅限 {tiers} 会员参加，该会员为 {tier}",
    ),
    "event_full": Wording(
        "{event} is full: all {limit} places are taken", "“{event}”已满：{limit} 个名额都已报满"
    ),
    "event_already_signed_up": Wording(
        "this member is already signed up for {event}", "该会员已报名“{event}”"
    ),
    "event_not_signed_up": Wording(
        "this member has not signed up for {event}", "该会员没有报名“{event}”"
    ),
}
