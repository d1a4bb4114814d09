"""The installation's keys against the fingerprints the database remembers of them.

Cards are signed and the audit log is sealed with keys kept outside the
database. The database remembers a one-way fingerprint of each, so a missing
or swapped key file is found at once, with the way to restore it, instead of
a new key being made silently (which would make every printed card fail).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass

from loyalty_desktop.domain.errors import BadInstallation
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import legacy_chain_intact, reseal, write_audit
from loyalty_desktop.services.ports import AuditSeal, KeyFingerprints, UnitOfWork

SETTING = "key_fingerprints"


Fingerprints = KeyFingerprints


RESTORE_HINT = (
    "restore card-keys.json from your backup into {where}; if it is lost for good, an admin "
    "can run 'loyalty --staff NAME card-key replace --confirm' (every printed member card "
    "must then be reprinted)"
)


def remembered(uow: UnitOfWork) -> Fingerprints | None:
    """The fingerprints this database remembers, if it has seen keys before."""
    text = uow.settings.get(SETTING)
    if not text:
        return None
    data = json.loads(text)
    return {
        "card": {str(k): str(v) for k, v in data.get("card", {}).items()},
        "audit": str(data.get("audit", "")),
    }


def key_problems(known: Fingerprints | None, present: Fingerprints | None, where: str) -> list[str]:
    """How the key file differs from what the database remembers; nothing if it fits."""
    if known is None:
        return []
    hint = RESTORE_HINT.format(where=where)
    if present is None:
        return [f"the key file is missing: member cards cannot be checked; {hint}"]
    wrong = [k for k, fp in known.get("card", {}).items() if present["card"].get(k) != fp]
    problems = []
    if wrong:
        problems.append(
            f"the key file does not hold this shop's card keys {', '.join(sorted(wrong))}: "
            f"its member cards would all be refused; {hint}"
        )
    if known.get("audit") and known["audit"] != present.get("audit"):
        problems.append(f"the key file holds another shop's audit key; {hint}")
    return problems


def adopt(shop: Shop, present: Fingerprints, *, new_audit_key: bool = False) -> None:
    """Remember the key file's fingerprints (new keys added by a rotation included).

    A database whose audit log was written before the audit key existed gets
    its log sealed with the key now, if the old chain is unbroken and the key
    was made just now (``new_audit_key``). An audit key that already existed
    has sealed logs: one that is not sealed with it was rewritten, and sealing
    it would launder the rewrite, so it is left for the check to report.
    """
    with shop.uow(write=False) as reading:
        if remembered(reading) == _merged(remembered(reading), present):
            return  # nothing to write: a read-only file opens too
    with shop.uow() as uow:
        known = remembered(uow)
        if known is None or not known.get("audit"):
            entries = list(uow.audit.all())
            if entries and new_audit_key and legacy_chain_intact(entries):
                reseal(uow, shop, entries)
        uow.settings.set(SETTING, json.dumps(_merged(known, present), sort_keys=True))
        uow.commit()


def _merged(known: Fingerprints | None, present: Fingerprints) -> Fingerprints:
    card = {**(known["card"] if known else {}), **present["card"]}
    return {"card": card, "audit": present["audit"]}


@dataclass(frozen=True)
class KeyRotation:
    """The key new cards are signed with now, and every key still accepted."""

    active_key: int
    keys: tuple[int, ...]


@dataclass(frozen=True)
class KeyReplacement:
    """New keys after a lost key file: audit entries sealed again; every card must be reprinted."""

    resealed_audit_entries: int


def rotate_card_key(
    shop: Shop, actor: Actor, rotate: Callable[[], tuple[Fingerprints, int]]
) -> KeyRotation:
    """Sign new cards with a new key (old cards keep working); admin only, audited.

    ``rotate`` writes the new key to the key file and returns its fingerprints
    and the new active key id.
    """
    require(actor, Permission.STAFF)
    present, active = rotate()
    with shop.uow() as uow:
        uow.settings.set(SETTING, json.dumps(_merged(remembered(uow), present), sort_keys=True))
        write_audit(
            uow,
            shop,
            actor,
            "card_key.rotate",
            "installation",
            None,
            {"active": active},
            shop.clock.now(),
        )
        uow.commit()
    return KeyRotation(active, tuple(sorted(int(k) for k in present["card"])))


def replace_keys(
    shop: Shop, actor: Actor, replace_file: Callable[[], tuple[Fingerprints, AuditSeal]]
) -> KeyReplacement:
    """Start over with new keys when the key file is lost for good; admin only, audited.

    Every printed card stops working and must be reprinted. The audit log's
    old seals cannot be checked without the lost key, so its entries are sealed
    again with the new one and an entry says up to where that happened.
    """
    require(actor, Permission.STAFF)
    present, seal = replace_file()
    renewed = dataclasses.replace(shop, audit_seal=seal)
    with shop.uow() as uow:
        entries = list(uow.audit.all())
        reseal(uow, renewed, entries)
        uow.settings.set(SETTING, json.dumps(present, sort_keys=True))
        write_audit(
            uow,
            renewed,
            actor,
            "keys.replace",
            "installation",
            "key file lost",
            {"resealed_up_to": entries[-1].seq if entries else 0},
            shop.clock.now(),
        )
        uow.commit()
    return KeyReplacement(len(entries))


def refuse_unless_fits(
    known: Fingerprints | None, present: Fingerprints | None, where: str
) -> None:
    """Raise a loud refusal when the key file is not this database's."""
    problems = key_problems(known, present, where)
    if problems and present is None:
        raise BadInstallation(problems[0], code="card_keys_missing", folder=where)
    if problems:
        raise BadInstallation(problems[0], code="card_keys_mismatch", folder=where)
