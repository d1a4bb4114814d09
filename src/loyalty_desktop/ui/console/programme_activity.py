"""The activities table of the programme editor: points for things that are not purchases, and daily limits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from loyalty_desktop.domain.program import BIRTHDAY
from loyalty_desktop.ui.console.programme_rows import Column, Row, RowsModel, whole_or_text

COLUMNS = (
    Column(
        "name",
        lambda: QCoreApplication.translate("ProgrammeActivity", "Activity"),
        tip=lambda: QCoreApplication.translate(
            "ProgrammeActivity", "review, check_in, referral, birthday…"
        ),
    ),
    Column("points", lambda: QCoreApplication.translate("ProgrammeActivity", "Points")),
    Column(
        "limit",
        lambda: QCoreApplication.translate("ProgrammeActivity", "Times a day"),
        tip=lambda: QCoreApplication.translate(
            "ProgrammeActivity", "Empty: the usual limit (once; referral 5). Birthday: once a year"
        ),
    ),
)


def activity_model() -> RowsModel:
    """An empty activities table."""
    return RowsModel(COLUMNS, lambda n: {"name": "", "points": "", "limit": ""})


def activity_rows(data: dict[str, Any]) -> list[Row]:
    """Rows of the ``[activity]`` and ``[activity_limits]`` tables."""
    limits = data.get("activity_limits", {})
    return [
        {"name": name, "points": str(points), "limit": str(limits.get(name, ""))}
        for name, points in data.get("activity", {}).items()
    ]


def activity_tables(rows: list[Row]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``[activity]`` and ``[activity_limits]`` tables of the rows (rows without a name are left out)."""
    points = {r["name"]: whole_or_text(r.get("points", "")) for r in rows if r.get("name")}
    limits = {
        r["name"]: whole_or_text(r["limit"])
        for r in rows
        if r.get("name") and r.get("limit") and r["name"] != BIRTHDAY
    }
    return points, limits
