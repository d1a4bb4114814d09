"""Reading and writing the programme file's ``[lifecycle]`` table: the stage thresholds.

Kept apart from ``program_file`` (which calls it) so that module stays one
idea: the refusals use the same reader, so they name file, line and key.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any

from loyalty_desktop.domain.program import LifecycleRule

if TYPE_CHECKING:
    from loyalty_desktop.domain.program_file import _Reader

LIFECYCLE_KEYS = {f.name for f in fields(LifecycleRule)}
MAX_DAYS = 3650  # ten years: longer than any shop's idea of "recent"
MAX_TIMES = 100  # a hundred times a member's usual gap: no shop waits longer to worry


def parse_lifecycle(r: _Reader, value: Any) -> LifecycleRule:
    """The ``[lifecycle]`` table; a missing key keeps its default.

    Raises:
        BadProgram: an unknown key, a value out of range, or ``quiet_days`` not
            below ``lapsed_days`` (a member would lapse before they could decline).
    """
    t = r.table(value, ("lifecycle",), LIFECYCLE_KEYS)
    default = LifecycleRule()

    def days(key: str) -> int:
        return r.integer(
            t.get(key, getattr(default, key)), ("lifecycle", key), minimum=1, maximum=MAX_DAYS
        )

    rule = LifecycleRule(
        new_days=days("new_days"),
        window_days=days("window_days"),
        loyal_visits=r.integer(
            t.get("loyal_visits", default.loyal_visits),
            ("lifecycle", "loyal_visits"),
            minimum=1,
            maximum=MAX_DAYS,
        ),
        decline_pct=r.integer(
            t.get("decline_pct", default.decline_pct),
            ("lifecycle", "decline_pct"),
            minimum=1,
            maximum=100,
        ),
        quiet_days=days("quiet_days"),
        lapsed_days=days("lapsed_days"),
        won_back_days=days("won_back_days"),
        overdue_times=r.integer(
            t.get("overdue_times", default.overdue_times),
            ("lifecycle", "overdue_times"),
            minimum=0,
            maximum=MAX_TIMES,
        ),
    )
    if rule.quiet_days >= rule.lapsed_days:
        raise r.fail(
            ("lifecycle", "quiet_days"),
            f"must be at most {rule.lapsed_days - 1}, below lapsed_days: a member would lapse "
            "before they could decline",
            reason="program_lifecycle_quiet_after_lapsed",
            maximum=rule.lapsed_days - 1,
        )
    return rule


def lifecycle_data(rule: LifecycleRule) -> dict[str, int]:
    """The ``[lifecycle]`` table as the file writes it: every key."""
    return asdict(rule)
