"""The activities table of the programme editor: points for things that are not purchases, and daily limits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from loyalty_desktop.domain.program import BIRTHDAY
from loyalty_desktop.ui.console.programme_rows import Column, Row, RowsModel, whole_or_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgrammeActivity", text)


COLUMNS = (
    Column(
        "name", lambda: _tr("Activity"), tip=lambda: _tr("review, check_in, referral, birthday…")
    ),
    Column("points", lambda: _tr("Points")),
    Column(
        "limit",
        lambda: _tr("Times a day"),
        tip=lambda: _tr("Empty: the usual limit (once; referral 5). Birthday: once a year"),
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
