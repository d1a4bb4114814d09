"""``loyalty check``: the ledger against cached balances and lots, the audit log, the keys, the file."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import audit_problems
from loyalty_desktop.services.ports import Integrity
from loyalty_desktop.services.pull import clash_problems, skipped_problems


@dataclass(frozen=True)
class CheckResult:
    """Whether everything checked out, and every problem found."""

    ok: bool
    problems: tuple[str, ...]


def check(
    shop: Shop, actor: Actor, integrity: Integrity, installation: Sequence[str] = ()
) -> CheckResult:
    """Every problem found; ``ok`` only when there are none.

    ``installation`` lists what is wrong with the key file (missing, not this
    shop's); a damaged database file shows as a problem, never as a crash.
    """
    require(actor, Permission.CHECK)
    problems = list(installation)
    problems += integrity.storage_problems()
    problems += integrity.ledger_problems()
    with shop.uow(write=False) as uow:
        problems += clash_problems(uow)  # another store's member this till could not add
        problems += skipped_problems(uow)  # a change of the log this till could not apply
    if installation:
        problems.append("the audit log could not be checked without this shop's audit key")
    else:
        try:
            with shop.uow(write=False) as uow:
                problems += audit_problems(uow.audit.all(), shop.audit_seal)
        except LoyaltyError as exc:
            problems.append(f"the audit log could not be read: {exc.message}")
    return CheckResult(not problems, tuple(problems))
