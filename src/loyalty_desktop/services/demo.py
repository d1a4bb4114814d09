"""A believable demo shop: members, a year of seasonal sales, campaigns (not written yet)."""

from __future__ import annotations

from typing import Any

from loyalty_desktop.services.auth import Actor
from loyalty_desktop.services.context import Shop


def build_demo(shop: Shop, actor: Actor, *, members: int, seed: int) -> dict[str, Any]:
    """Fill the database with a demo shop (not written yet)."""
    raise NotImplementedError
