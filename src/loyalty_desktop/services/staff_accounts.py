"""Looking after staff accounts: disable, enable, new PIN, new role; and whether a signed-in one still stands.

The rules a careful shop keeps:

- an admin looks after every account, a manager only cashiers' (so a manager
  never makes anyone, themself included, a manager or an admin);
- nobody disables their own account or changes their own role: someone else
  must, so one slip cannot lock the shop out;
- the last active admin is never disabled or demoted;
- a disabled account cannot sign in, and a till still signed in with it (or
  with a role since changed) is refused at its next request.

Every change is audited; a PIN never is, in any form.
"""

from __future__ import annotations

from dataclasses import replace

from argon2 import PasswordHasher

from loyalty_desktop.domain.cards import quoted, repeatable
from loyalty_desktop.domain.errors import InvalidRequest, PermissionDenied
from loyalty_desktop.domain.json_data import JsonValue
from loyalty_desktop.domain.members import visible_name
from loyalty_desktop.services.auth import Actor, Permission, Role, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.ports import StaffRecord, UnitOfWork
from loyalty_desktop.services.staff import (
    StaffAccount,
    check_pin,
    list_staff,
    may_manage,
    parse_role,
)

__all__ = [
    "change_role",
    "check_standing",
    "disable_staff",
    "enable_staff",
    "list_staff",
    "reset_pin",
]


def _target(uow: UnitOfWork, actor: Actor, name: str, *, own: bool = False) -> StaffRecord:
    """The account ``name`` names, if the actor may look after it (``own``: or it is theirs)."""
    found = uow.staff.by_name(visible_name(name))
    if found is None:
        raise InvalidRequest(
            f"no staff member is called {quoted(name)}",
            reason="staff_unknown",
            field="name",
            staff=repeatable(name.strip()),
        )
    if not (own and _is_self(actor, found)):
        may_manage(actor, Role(found.role))
    return found


def _is_self(actor: Actor, record: StaffRecord) -> bool:
    return actor.staff_id == record.id or (actor.staff_id is None and actor.name == record.name)


def _keep_an_admin(uow: UnitOfWork, record: StaffRecord) -> None:
    """Refuse to take away the last active admin."""
    if record.role != Role.ADMIN.value or not record.active:
        return
    others = [s for s in uow.staff.all() if s.active and s.role == Role.ADMIN.value]
    if len(others) <= 1:
        raise InvalidRequest(
            f"{record.name} is the last active admin; make another admin first",
            reason="last_admin",
            field="name",
            staff=record.name,
        )


def _save(
    uow: UnitOfWork,
    shop: Shop,
    actor: Actor,
    record: StaffRecord,
    action: str,
    details: dict[str, JsonValue],
) -> StaffAccount:
    uow.staff.save(record)
    now = shop.clock.now()
    write_audit(uow, shop, actor, action, f"staff:{record.name}", None, details, now)
    uow.commit()
    locked = record.locked_until if record.locked_until and record.locked_until > now else None
    return StaffAccount(record.name, Role(record.role), record.active, locked, record.last_sign_in)


def disable_staff(shop: Shop, actor: Actor, name: str) -> StaffAccount:
    """Stop an account signing in (its history stays); never one's own or the last admin's."""
    require(actor, Permission.CASHIERS)
    with shop.uow() as uow:
        record = _target(uow, actor, name, own=True)  # one's own: said so below
        if _is_self(actor, record):
            raise InvalidRequest(
                "you cannot disable your own account; another manager or admin must",
                reason="disable_self",
                field="name",
            )
        _keep_an_admin(uow, record)
        return _save(
            uow, shop, actor, replace(record, active=False), "staff.disable", {"role": record.role}
        )


def enable_staff(shop: Shop, actor: Actor, name: str) -> StaffAccount:
    """Let a disabled account sign in again (with its old PIN, unlocked)."""
    require(actor, Permission.CASHIERS)
    with shop.uow() as uow:
        record = _target(uow, actor, name)
        enabled = replace(record, active=True, failed_attempts=0, locked_until=None)
        return _save(uow, shop, actor, enabled, "staff.enable", {"role": record.role})


def reset_pin(
    shop: Shop, actor: Actor, name: str, pin: str, hasher: PasswordHasher | None = None
) -> StaffAccount:
    """Give an account a new PIN (and lift a lockout); the old PIN stops working.

    A manager may also change their own PIN.
    """
    require(actor, Permission.CASHIERS)
    digest = (hasher or PasswordHasher()).hash(check_pin(pin))
    with shop.uow() as uow:
        record = _target(uow, actor, name, own=True)
        changed = replace(record, pin_hash=digest, failed_attempts=0, locked_until=None)
        return _save(uow, shop, actor, changed, "staff.pin_reset", {"role": record.role})


def change_role(shop: Shop, actor: Actor, name: str, role: str) -> StaffAccount:
    """Make an account a cashier, manager or admin (admin; never one's own, never the last admin away)."""
    require(actor, Permission.CASHIERS)
    wanted = parse_role(role)
    may_manage(actor, wanted)
    with shop.uow() as uow:
        record = _target(uow, actor, name, own=True)  # one's own: said so below
        if _is_self(actor, record):
            raise InvalidRequest(
                "you cannot change your own role; another admin must",
                reason="own_role",
                field="role",
            )
        if wanted.value != record.role and wanted is not Role.ADMIN:
            _keep_an_admin(uow, record)
        changed = replace(record, role=wanted.value)
        return _save(
            uow, shop, actor, changed, "staff.role", {"role": wanted.value, "was": record.role}
        )


def check_standing(shop: Shop, actor: Actor) -> None:
    """Refuse a signed-in account that was disabled, or whose role changed, since it signed in.

    Accounts that are not staff (the local administrator, nobody signed in) pass.
    """
    if actor.staff_id is None:
        return
    with shop.uow(write=False) as uow:
        record = uow.staff.by_name(actor.name)
    if record is None or record.id != actor.staff_id or not record.active:
        raise PermissionDenied(
            f"{actor.name}'s account was disabled; sign in again with another account",
            reason="account_disabled",
        )
    if record.role != actor.role.value:
        raise PermissionDenied(
            f"{actor.name}'s role changed to {record.role}; sign in again",
            reason="role_changed",
            role=record.role,
        )
