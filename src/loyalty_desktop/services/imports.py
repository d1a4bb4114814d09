"""Importing members and past sales from CSV files (all or nothing, every bad row reported)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop


@dataclass
class ImportReport:
    """What an import did: rows imported, rows rejected with their row number and reason."""

    imported: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0
    created_members: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The report as the command line prints it."""
        return {
            "imported": self.imported,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "created_members": self.created_members,
        }


def import_members(shop: Shop, actor: Actor, path: Path) -> ImportReport:
    """Import members from CSV (not written yet)."""
    raise NotImplementedError


def import_sales(
    shop: Shop, actor: Actor, path: Path, *, create_members: bool, skip_invalid: bool
) -> ImportReport:
    """Import past sales from CSV (not written yet)."""
    raise NotImplementedError
