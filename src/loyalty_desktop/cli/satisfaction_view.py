"""``loyalty report satisfaction`` as JSON: every group in one table, and the repurchase comparison.

Scores are percentages with one decimal as text (``"82.5"``; NPS from
``"-100.0"`` to ``"100.0"``) with their 95 % interval; a group with fewer
answers than ``min_answers`` says ``"too_small": true``.
"""

from __future__ import annotations

from typing import Any

from loyalty_desktop.analytics.proportions import Interval
from loyalty_desktop.analytics.satisfaction import (
    MIN_ANSWERS,
    Repurchase,
    SatisfactionReport,
    ScoreGroup,
)


def _pct(value: float | None) -> str | None:
    return None if value is None else f"{value * 100:.1f}"


def _interval(found: Interval | None) -> dict[str, str | None]:
    if found is None:
        return {"value": None, "low": None, "high": None}
    return {"value": _pct(found.estimate), "low": _pct(found.low), "high": _pct(found.high)}


def _group(by: str, group: ScoreGroup) -> dict[str, Any]:
    score = _interval(group.score)
    return {
        "by": by,
        "key": group.key,
        "answers": group.answers,
        "satisfied": group.satisfied,
        "neutral": group.neutral,
        "dissatisfied": group.dissatisfied,
        "score": score["value"],
        "low": score["low"],
        "high": score["high"],
        "too_small": group.too_small,
    }


def _repurchase(found: Repurchase) -> dict[str, Any]:
    rate = _interval(found.rate)
    return {
        "members": found.members,
        "came_back": found.came_back,
        "rate": rate["value"],
        "low": rate["low"],
        "high": rate["high"],
    }


def satisfaction(result: SatisfactionReport) -> dict[str, Any]:
    """The report: ``score`` (CSAT % or NPS), ``groups`` (one row per group) and ``repurchase``."""
    groups = [_group("all", result.overall)]
    for by, found in (
        ("month", result.months),
        ("store", result.stores),
        ("tier", result.tiers),
        ("staff", result.staff),
        ("stage", result.stages),
    ):
        groups.extend(_group(by, g) for g in found)
    return {
        "report": "satisfaction",
        "from": result.start.isoformat(),
        "at": result.at.isoformat(),
        "scale": result.scale.value,
        "measure": "csat" if result.scale.value == "stars" else "nps",
        "min_answers": MIN_ANSWERS,
        "answers": result.overall.answers,
        "score": _group("all", result.overall)["score"],
        "other_scale": result.other_scale,
        "groups": groups,
        "repurchase": {
            "days": result.follow_days,
            "satisfied": _repurchase(result.satisfied),
            "dissatisfied": _repurchase(result.dissatisfied),
            "gap": _interval(result.gap),
        },
    }
