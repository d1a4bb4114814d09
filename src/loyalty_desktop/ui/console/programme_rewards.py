"""The rewards table of the programme editor: a coupon (money off) or an item, for a points cost.

A row has either a coupon value or an item SKU; empty dates mean always,
empty tiers every tier, an empty stock no limit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from loyalty_desktop.ui.console.programme_campaigns import ALWAYS_FROM, ALWAYS_TO
from loyalty_desktop.ui.console.programme_rows import (
    Column,
    Row,
    RowsModel,
    join_list,
    split_list,
    whole_or_text,
)

COLUMNS = (
    Column("name", lambda: QCoreApplication.translate("ProgrammeRewards", "Reward")),
    Column("points", lambda: QCoreApplication.translate("ProgrammeRewards", "Points")),
    Column(
        "value",
        lambda: QCoreApplication.translate("ProgrammeRewards", "Coupon value"),
        tip=lambda: QCoreApplication.translate("ProgrammeRewards", "Money off the basket"),
    ),
    Column(
        "sku",
        lambda: QCoreApplication.translate("ProgrammeRewards", "Item SKU"),
        tip=lambda: QCoreApplication.translate(
            "ProgrammeRewards", "The item given; it must be bought"
        ),
    ),
    Column("start", lambda: QCoreApplication.translate("ProgrammeRewards", "From")),
    Column("end", lambda: QCoreApplication.translate("ProgrammeRewards", "To")),
    Column(
        "tiers",
        lambda: QCoreApplication.translate("ProgrammeRewards", "Tiers"),
        tip=lambda: QCoreApplication.translate("ProgrammeRewards", "Empty: every tier"),
    ),
    Column(
        "stock",
        lambda: QCoreApplication.translate("ProgrammeRewards", "Stock"),
        tip=lambda: QCoreApplication.translate(
            "ProgrammeRewards", "How many may ever be taken; empty: no limit"
        ),
    ),
)


def rewards_model() -> RowsModel:
    """An empty rewards table."""
    return RowsModel(COLUMNS, lambda n: {"name": "", "points": ""})


def reward_rows(rewards: list[dict[str, Any]]) -> list[Row]:
    """Table rows of ``[[rewards]]`` tables."""
    return [
        {
            "name": r.get("name", ""),
            "points": str(r.get("points", "")),
            "value": r.get("value", ""),
            "sku": r.get("sku", ""),
            "start": "" if r.get("start") == ALWAYS_FROM else r.get("start", ""),
            "end": "" if r.get("end") == ALWAYS_TO else r.get("end", ""),
            "tiers": join_list(r.get("tiers", [])),
            "stock": str(r.get("stock", "")),
        }
        for r in rewards
    ]


def reward_tables(rows: list[Row]) -> list[dict[str, Any]]:
    """``[[rewards]]`` tables of the rows; empty cells are left out."""
    tables = []
    for row in rows:
        table: dict[str, Any] = {}
        for key in ("name", "value", "sku", "start", "end"):
            if row.get(key):
                table[key] = row[key]
        for key in ("points", "stock"):
            if row.get(key):
                table[key] = whole_or_text(row[key])
        tiers = split_list(row.get("tiers", ""))
        if tiers:
            table["tiers"] = tiers
        tables.append(table)
    return tables
