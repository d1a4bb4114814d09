"""Backups of the shop's database: made by hand or daily, listed, pruned, and restored after a check.

A manager makes and restores backups; the daily one is a chore any signed-in
till (or a scheduled ``loyalty backup auto``) may trigger, since it only ever
adds a copy to the backups folder. A restore is refused, with the reason, for
a file that is not a sound loyalty database of this shop and of a schema this
program knows; the database in use is copied aside first, and the restored
log gets an audit entry saying who restored what.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from loyalty_desktop.domain.errors import BadDatabase, InvalidRequest, PermissionDenied
from loyalty_desktop.services import keys, till_policy
from loyalty_desktop.services.audit_chain import BreakKind, chain_breaks
from loyalty_desktop.services.auth import Actor, Permission, Role, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.ports import BackupFacts, BackupFile, StaffFacts, StaffRecord
from loyalty_desktop.services.restored_till import mark_restored

KEEP_SETTING = "backups_keep"
DEFAULT_KEEP = 14
KEEP_RANGE = (1, 365)
DUE_AFTER = timedelta(days=1)
DAILY = "daily"
MANUAL = "manual"


@dataclass(frozen=True)
class BackupShelf:
    """The backups folder, its backups newest first, how many daily ones are kept, and if one is due."""

    folder: Path
    backups: tuple[BackupFile, ...]
    keep: int
    due: bool


@dataclass(frozen=True)
class AutoBackup:
    """What the daily backup did: the copy made (None if one was recent enough) and those pruned."""

    made: BackupFile | None
    pruned: tuple[BackupFile, ...]


@dataclass(frozen=True)
class BackupCheck:
    """A file that passed every check for a restore, and what it holds."""

    file: Path
    revision: str
    members: int
    audit_entries: int


@dataclass(frozen=True)
class Restored:
    """A restore done: from which file, where the replaced database was kept, what it holds now."""

    file: Path
    safety_copy: Path
    revision: str
    members: int
    audit_entries: int


def _keep(shop: Shop) -> int:
    with shop.uow(write=False) as uow:
        text = uow.settings.get(KEEP_SETTING)
    return int(text) if text and text.isdigit() else DEFAULT_KEEP


def _due(backups: tuple[BackupFile, ...] | list[BackupFile], now: datetime) -> bool:
    made = [b for b in backups if b.label in (DAILY, MANUAL)]
    return not made or now - max(b.taken_at for b in made) >= DUE_AFTER


def list_backups(shop: Shop, actor: Actor) -> BackupShelf:
    """The backups folder and what is in it."""
    require(actor, Permission.BACKUP)
    found = tuple(shop.backups.listed())
    return BackupShelf(shop.backups.folder(), found, _keep(shop), _due(found, shop.clock.now()))


def set_keep(shop: Shop, actor: Actor, keep: int) -> int:
    """How many daily backups to keep (the newest; manual ones are never pruned)."""
    require(actor, Permission.BACKUP)
    low, high = KEEP_RANGE
    if not low <= keep <= high:
        raise InvalidRequest(
            f"keep between {low} and {high} daily backups",
            reason="backup_keep_range",
            field="keep",
            minimum=low,
            maximum=high,
        )
    with shop.uow() as uow:
        uow.settings.set(KEEP_SETTING, str(keep))
        uow.commit()
    return keep


def back_up(shop: Shop, actor: Actor, target: Path | None = None) -> BackupFile:
    """A copy of the database now: in the backups folder, or the new file ``target``; audited."""
    require(actor, Permission.BACKUP)
    now = shop.clock.now()
    made = shop.backups.make(MANUAL, now, target)
    with shop.uow() as uow:
        write_audit(
            uow,
            shop,
            actor,
            "backup.make",
            f"file:{made.path.name}",
            None,
            {"file": str(made.path), "size": made.size},
            now,
        )
        uow.commit()
    return made


def backup_if_due(shop: Shop, actor: Actor) -> AutoBackup:
    """The daily backup, if the newest is a day old or none exists; then prune to the newest N daily."""
    require(actor, Permission.CHECK)  # a chore: it only adds a copy, never shows or changes data
    now = shop.clock.now()
    found = shop.backups.listed()
    made = shop.backups.make(DAILY, now) if _due(found, now) else None
    daily = sorted(
        [b for b in found if b.label == DAILY] + ([made] if made else []),
        key=lambda b: b.taken_at,
        reverse=True,
    )
    pruned = tuple(daily[_keep(shop) :])
    for old in pruned:
        shop.backups.remove(old)
    return AutoBackup(made, pruned)


def check_backup(shop: Shop, actor: Actor, file: Path) -> BackupCheck:
    """Refuse, with the reason, a file that may not be restored; else what it holds."""
    require(actor, Permission.BACKUP)
    _refuse_live(shop, file)
    with shop.backups.staged(file) as copy:
        return _checked(shop, actor, file, copy)


def restore_backup(shop: Shop, actor: Actor, file: Path) -> Restored:
    """Put a checked backup in place of the database; the replaced one is kept in the backups folder.

    The checks read a private copy of the file (as SQLite reads it, with any
    -wal beside it applied) and that very copy is put in place: what was
    checked is what is restored, even if the file or its log changes meanwhile.
    This program's connections to the database are closed: the caller must
    stop using ``shop`` afterwards (the window closes; the command ends).
    """
    require(actor, Permission.BACKUP)
    _refuse_live(shop, file)
    now = shop.clock.now()
    with shop.backups.staged(file) as copy:
        checked = _checked(shop, actor, file, copy)
        safety = shop.backups.safety_target(now)
        shop.backups.replace_with(copy, safety)
    with shop.backups.reopen() as restored:
        with restored.uow() as uow:
            write_audit(
                uow,
                restored,
                actor,
                "backup.restore",
                f"file:{file.name}",
                None,
                {"file": str(file), "safety_copy": str(safety), "revision": checked.revision},
                now,
            )
            mark_restored(uow, now)  # a connected till syncs before it gives out numbers again
            uow.commit()
        with restored.uow(write=False) as uow:
            last = uow.audit.last()
        if last is not None:
            # The log now ends here: entries recorded after the backup live on in the safety copy.
            restored.audit_seal.restart_head(last.seq, last.hash)
    return Restored(file, safety, checked.revision, checked.members, checked.audit_entries + 1)


def _refuse_live(shop: Shop, file: Path) -> None:
    if shop.backups.is_live(file):
        raise InvalidRequest(
            f"{file} is the database in use; choose a backup",
            reason="restore_same_file",
            field="file",
            file=str(file),
        )


def _checked(shop: Shop, actor: Actor, file: Path, copy: Path) -> BackupCheck:
    """Every check, on ``copy`` (the staged copy of ``file``); refusals name ``file``."""
    facts = shop.backups.inspect(copy)
    _refuse_unsound(file, facts)
    _refuse_foreign(shop, file, facts)
    _refuse_rights_above_actor(shop, actor, file, facts)
    assert facts.revision is not None
    return BackupCheck(file, facts.revision, facts.members, len(facts.audit_entries))


def _refuse_unsound(file: Path, facts: BackupFacts) -> None:
    if not facts.sqlite:
        raise BadDatabase(
            f"{file} is not a database file (it is not SQLite). Nothing was changed.",
            reason="backup_not_sqlite",
            file=str(file),
        )
    if facts.problems:
        raise BadDatabase(
            f"{file} is damaged: {facts.problems[0]}. Nothing was changed.",
            reason="backup_damaged",
            file=str(file),
            problem=facts.problems[0],
        )
    if facts.revision is not None and not facts.revision_known:
        raise BadDatabase(
            f"{file} was written by a newer version of the program (schema {facts.revision}); "
            "restore it with that version. Nothing was changed.",
            reason="backup_schema_too_new",
            file=str(file),
            revision=facts.revision,
        )
    if facts.revision is None or facts.missing_tables:
        missing = list(facts.missing_tables) or ["alembic_version"]
        raise BadDatabase(
            f"{file} is a database, but not a loyalty database (missing: {', '.join(missing)}). "
            "Nothing was changed.",
            reason="backup_not_loyalty",
            file=str(file),
            missing=missing,
        )


def _refuse_foreign(shop: Shop, file: Path, facts: BackupFacts) -> None:
    """A backup of another shop would lock this one out (its cards and log would not check)."""
    with shop.uow(write=False) as uow:
        ours = keys.remembered(uow)
    text = facts.settings.get(keys.SETTING)
    theirs = json.loads(text) if text else None
    foreign = False
    if ours is not None and theirs is not None:
        cards = theirs.get("card", {})
        foreign = any(ours["card"].get(str(k)) != v for k, v in cards.items())
        foreign |= bool(theirs.get("audit")) and theirs.get("audit") != ours.get("audit")
    elif ours is not None and facts.audit_entries:
        foreign = True  # sealed entries but no keys remembered: not from this installation
    if foreign:
        raise BadDatabase(
            f"{file} belongs to another shop (its keys are not this installation's); its member "
            "cards and audit log would not check. Nothing was changed.",
            reason="backup_other_shop",
            file=str(file),
        )
    _, breaks = chain_breaks(facts.audit_entries, shop.audit_seal, with_head=False)
    broken = [b for b in breaks if b.kind in (BreakKind.ALTERED, BreakKind.MISSING)]
    if broken:
        raise BadDatabase(
            f"the audit log in {file} does not check (first break at entry {broken[0].seq}). "
            "Nothing was changed.",
            reason="backup_audit_broken",
            file=str(file),
            seq=broken[0].seq,
        )


def _refuse_rights_above_actor(shop: Shop, actor: Actor, file: Path, facts: BackupFacts) -> None:
    """A restore may change only what the person restoring could change by hand.

    It puts back the copy's staff accounts and till rules too: a manager
    restoring a copy from when they were an admin, or from before any account
    existed (the command is then everyone's administrator), or with a higher
    refund limit, would gain by a restore what only an admin may give. So any
    difference in an account above a cashier's, or in the till rules, needs an admin.
    """
    if actor.may(Permission.STAFF):
        return
    with shop.uow(write=False) as uow:
        ours = {s.name: s for s in uow.staff.all()}
        rules = uow.settings.get(till_policy.SETTING)
    theirs = {s.name: s for s in facts.staff}
    changed = sorted(
        name
        for name in ours.keys() | theirs.keys()
        if _needs_admin(ours.get(name), theirs.get(name))
    )
    if rules != facts.settings.get(till_policy.SETTING):
        changed.append(till_policy.SETTING)
    if changed:
        raise PermissionDenied(
            f"{file} holds other staff accounts or till rules than the shop has now "
            f"({', '.join(changed)}); only an admin may restore it. Nothing was changed.",
            reason="restore_needs_admin",
            file=str(file),
            changed=changed,
        )


def _needs_admin(ours: StaffRecord | None, theirs: StaffFacts | None) -> bool:
    """Whether putting ``theirs`` in place of ``ours`` changes an account only an admin looks after."""
    cashier = Role.CASHIER.value
    if all(s is None or s.role == cashier for s in (ours, theirs)):
        return False  # a manager looks after cashiers' accounts
    if ours is None or theirs is None:
        return True
    return (ours.role, ours.active, ours.pin_hash) != (theirs.role, theirs.active, theirs.pin_hash)
