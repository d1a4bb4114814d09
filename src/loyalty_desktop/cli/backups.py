"""``loyalty backup``, ``backup list|auto|keep`` and ``restore``: copies of the database and putting one back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from loyalty_desktop.cli.context import Context
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services import backups
from loyalty_desktop.services.ports import BackupFile


def _shown(backup: BackupFile) -> dict[str, Any]:
    return {
        "file": str(backup.path),
        "taken_at": backup.taken_at.isoformat(),
        "size": backup.size,
        "label": backup.label,
    }


def cmd_backup(ctx: Context, args: Any) -> dict[str, Any]:
    """A backup now: into the backups folder, or the new file --out (never over an existing one)."""
    target = Path(args.out) if args.out else None
    return _shown(backups.back_up(ctx.shop, ctx.actor, target))


def cmd_backup_list(ctx: Context, args: Any) -> dict[str, Any]:
    """The backups folder, how many daily backups are kept, whether one is due, every backup."""
    shelf = backups.list_backups(ctx.shop, ctx.actor)
    return {
        "folder": str(shelf.folder),
        "keep": shelf.keep,
        "due": shelf.due,
        "backups": [_shown(b) for b in shelf.backups],
    }


def cmd_backup_auto(ctx: Context, args: Any) -> dict[str, Any]:
    """For a scheduled task: a backup if the newest is a day old, then the oldest daily ones pruned."""
    done = backups.backup_if_due(ctx.shop, ctx.actor)
    return {
        "made": str(done.made.path) if done.made else None,
        "pruned": [str(b.path) for b in done.pruned],
    }


def cmd_backup_keep(ctx: Context, args: Any) -> dict[str, Any]:
    """How many daily backups ``backup auto`` keeps."""
    return {"keep": backups.set_keep(ctx.shop, ctx.actor, args.count)}


def cmd_restore(ctx: Context, args: Any) -> dict[str, Any]:
    """Check the file; with --force put it in place of the database (the current one kept aside)."""
    file = Path(args.file).expanduser().resolve()
    if not args.force:
        checked = backups.check_backup(ctx.shop, ctx.actor, file)
        raise InvalidRequest(
            f"restoring replaces the database with {file} (schema {checked.revision}, "
            f"{checked.members} members; a copy of the current database is kept in the "
            "backups folder); close every till using it and run again with --force",
            reason="restore_needs_confirm",
            code="confirm_required",
            file=str(file),
            schema=checked.revision,
            members=checked.members,
        )
    done = backups.restore_backup(ctx.shop, ctx.actor, file)
    return {
        "restored": str(done.file),
        "safety_copy": str(done.safety_copy),
        "schema": done.revision,
        "members": done.members,
        "audit_entries": done.audit_entries,
    }
