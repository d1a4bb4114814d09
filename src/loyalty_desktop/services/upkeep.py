"""Upkeep a screen runs when the till is idle, so the next sale does not pay for it."""

from __future__ import annotations

from loyalty_desktop.services.context import Shop


def tidy_while_idle(shop: Shop) -> None:
    """Checkpoint the database's log now (nobody waits), instead of inside a sale's commit."""
    shop.housekeeping.tidy_while_idle()
