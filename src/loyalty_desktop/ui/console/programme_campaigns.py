"""The campaigns table of the programme editor: dates, weekdays, member days, multiplier or bonus, whom.

Lists (weekdays, days of the month, categories, tiers) are typed with commas:
``sat, sun`` or ``8, 18, 28``. An empty start or end means always.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from loyalty_desktop.ui.console.programme_rows import (
    Column,
    Row,
    RowsModel,
    join_list,
    split_list,
    whole_or_text,
)

ALWAYS_FROM, ALWAYS_TO = "0001-01-01", "9999-12-31"  # how the file says "no start" and "no end"


COLUMNS = (
    Column("name", lambda: QCoreApplication.translate("ProgrammeCampaigns", "Campaign")),
    Column(
        "start",
        lambda: QCoreApplication.translate("ProgrammeCampaigns", "From"),
        tip=lambda: QCoreApplication.translate("ProgrammeCampaigns", "First day, like 2025-01-01"),
    ),
    Column(
        "end",
        lambda: QCoreApplication.translate("ProgrammeCampaigns", "To"),
        tip=lambda: QCoreApplication.translate("ProgrammeCampaigns", "Last day, like 2025-12-31"),
    ),
    Column("multiplier", lambda: QCoreApplication.translate("ProgrammeCampaigns", "Points ×")),
    Column("bonus", lambda: QCoreApplication.translate("ProgrammeCampaigns", "Bonus")),
    Column(
        "weekdays",
        lambda: QCoreApplication.translate("ProgrammeCampaigns", "Weekdays"),
        tip=lambda: QCoreApplication.translate("ProgrammeCampaigns", "Like: sat, sun"),
    ),
    Column(
        "month_days",
        lambda: QCoreApplication.translate("ProgrammeCampaigns", "Days of month"),
        tip=lambda: QCoreApplication.translate("ProgrammeCampaigns", "Like: 8, 18, 28"),
    ),
    Column(
        "categories",
        lambda: QCoreApplication.translate("ProgrammeCampaigns", "Categories"),
        tip=lambda: QCoreApplication.translate("ProgrammeCampaigns", "Empty: every category"),
    ),
    Column(
        "tiers",
        lambda: QCoreApplication.translate("ProgrammeCampaigns", "Tiers"),
        tip=lambda: QCoreApplication.translate("ProgrammeCampaigns", "Empty: every tier"),
    ),
    Column(
        "birthday_month",
        lambda: QCoreApplication.translate("ProgrammeCampaigns", "Birthday month"),
        check=True,
    ),
)
_LISTS = ("weekdays", "month_days", "categories", "tiers")


def campaigns_model() -> RowsModel:
    """An empty campaigns table; a new row doubles points."""
    return RowsModel(COLUMNS, lambda n: {"name": "", "multiplier": "2", "birthday_month": False})


def campaign_rows(campaigns: list[dict[str, Any]]) -> list[Row]:
    """Table rows of ``[[campaigns]]`` tables."""
    rows = []
    for c in campaigns:
        row: Row = {key: join_list(c.get(key, [])) for key in _LISTS}
        row |= {
            "name": c.get("name", ""),
            "start": "" if c.get("start") == ALWAYS_FROM else c.get("start", ""),
            "end": "" if c.get("end") == ALWAYS_TO else c.get("end", ""),
            "multiplier": "" if c.get("multiplier") in (None, "1") else c["multiplier"],
            "bonus": "" if not c.get("bonus") else str(c["bonus"]),
            "birthday_month": bool(c.get("birthday_month", False)),
        }
        rows.append(row)
    return rows


def campaign_tables(rows: list[Row]) -> list[dict[str, Any]]:
    """``[[campaigns]]`` tables of the rows; empty cells are left out (the file's defaults)."""
    tables = []
    for row in rows:
        table: dict[str, Any] = {}
        for key in ("name", "start", "end", "multiplier"):
            if row.get(key):
                table[key] = row[key]
        if row.get("bonus"):
            table["bonus"] = whole_or_text(row["bonus"])
        for key in _LISTS:
            items = split_list(row.get(key, ""))
            if items:
                table[key] = [whole_or_text(i) for i in items] if key == "month_days" else items
        if row.get("birthday_month"):
            table["birthday_month"] = True
        tables.append(table)
    return tables
