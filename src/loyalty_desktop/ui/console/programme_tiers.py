"""The tiers table of the programme editor: name, threshold, discount, earn multiplier, colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from loyalty_desktop.ui.console.programme_rows import Column, Row, RowsModel

COLUMNS = (
    Column("name", lambda: QCoreApplication.translate("ProgrammeTiers", "Tier")),
    Column(
        "threshold",
        lambda: QCoreApplication.translate("ProgrammeTiers", "Threshold"),
        tip=lambda: QCoreApplication.translate(
            "ProgrammeTiers", "Reached at or above this much of the basis (money, points or score)"
        ),
    ),
    Column("discount_pct", lambda: QCoreApplication.translate("ProgrammeTiers", "Discount %")),
    Column("earn_multiplier", lambda: QCoreApplication.translate("ProgrammeTiers", "Earn ×")),
    Column(
        "colour",
        lambda: QCoreApplication.translate("ProgrammeTiers", "Colour"),
        tip=lambda: QCoreApplication.translate("ProgrammeTiers", 'Like "#C0C0C0"; empty for none'),
    ),
)
_OPTIONAL = ("threshold", "discount_pct", "earn_multiplier", "colour")


def tiers_model() -> RowsModel:
    """An empty tiers table; a new row starts with no discount and the plain earn rate."""
    return RowsModel(
        COLUMNS,
        lambda n: {"name": "", "threshold": "", "discount_pct": "0", "earn_multiplier": "1"},
    )


def tier_rows(levels: list[dict[str, Any]]) -> list[Row]:
    """Table rows of ``[[tiers.levels]]`` tables (lowest first)."""
    return [{c.key: str(level.get(c.key, "")) for c in COLUMNS} for level in levels]


def tier_tables(rows: list[Row]) -> list[dict[str, Any]]:
    """``[[tiers.levels]]`` tables of the rows, in table order; empty cells are left out."""
    tables = []
    for row in rows:
        table: dict[str, Any] = {"name": row["name"]} if row.get("name") else {}
        table |= {key: row[key] for key in _OPTIONAL if row.get(key)}
        tables.append(table)
    return tables
