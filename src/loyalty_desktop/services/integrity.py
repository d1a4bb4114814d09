"""``loyalty check``: the ledger against cached balances and lots, the audit chain, the database file."""

from __future__ import annotations

from typing import Any

from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import audit_problems
from loyalty_desktop.services.ports import Integrity


def check(shop: Shop, actor: Actor, integrity: Integrity) -> dict[str, Any]:
    """Every problem found; ``ok`` only when there are none."""
    require(actor, Permission.CHECK)
    problems = integrity.storage_problems()
    problems += integrity.ledger_problems()
    with shop.uow(write=False) as uow:
        problems += audit_problems(uow.audit.all())
    return {"ok": not problems, "problems": problems}
