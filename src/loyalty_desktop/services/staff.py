"""Staff accounts: roles, PINs hashed with argon2id, lockout after repeated wrong PINs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from loyalty_desktop.domain.cards import quoted, repeatable
from loyalty_desktop.domain.errors import (
    InvalidRequest,
    LoyaltyError,
    PermissionDenied,
    SignInFailed,
)
from loyalty_desktop.domain.members import has_letter_or_digit, visible_name
from loyalty_desktop.services.auth import (
    LOCAL_ADMIN,
    NOT_SIGNED_IN,
    Actor,
    Permission,
    Role,
    require,
)
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.ports import StaffRecord

MAX_WRONG_PINS = 5
LOCKOUT_MINUTES = 5
LOCKOUT = timedelta(minutes=LOCKOUT_MINUTES)
MIN_PIN, MAX_PIN = 4, 12
MAX_STAFF_NAME = 60


def check_pin(pin: str) -> str:
    """A PIN: 4 to 12 digits."""
    cleaned = pin.strip()
    if not cleaned.isdigit() or not MIN_PIN <= len(cleaned) <= MAX_PIN or not cleaned.isascii():
        raise InvalidRequest(
            f"a PIN is {MIN_PIN} to {MAX_PIN} digits",
            reason="pin_format",
            field="pin",
            minimum=MIN_PIN,
            maximum=MAX_PIN,
        )
    return cleaned


def check_staff_name(name: str) -> str:
    """A staff name as it shows (the rule for members' names): a letter or digit, 1 to 60 characters."""
    cleaned = visible_name(name)
    if not cleaned or len(cleaned) > MAX_STAFF_NAME:
        raise InvalidRequest(
            f"a staff name is 1 to {MAX_STAFF_NAME} characters",
            reason="staff_name_length",
            field="name",
            maximum=MAX_STAFF_NAME,
        )
    if not has_letter_or_digit(cleaned):
        raise InvalidRequest(
            "a staff name needs at least one letter or digit",
            reason="staff_name_no_letter",
            field="name",
        )
    return cleaned


@dataclass(frozen=True)
class StaffAccount:
    """A staff account as a list shows it: ``locked_until`` only while a lockout lasts."""

    name: str
    role: Role
    active: bool
    locked_until: datetime | None
    last_sign_in: datetime | None = None


def parse_role(role: str) -> Role:
    """``cashier``, ``manager`` or ``admin``."""
    try:
        return Role(role.strip().lower())
    except ValueError:
        raise InvalidRequest(
            f"role must be cashier, manager or admin, not {quoted(role)}",
            reason="role_unknown",
            field="role",
            value=repeatable(role),
            choices=[r.value for r in Role],
        ) from None


def may_manage(actor: Actor, role: Role) -> None:
    """An admin looks after every account; a manager only cashiers' (so never makes an admin)."""
    if role is not Role.CASHIER and not actor.may(Permission.STAFF):
        raise PermissionDenied(
            f"{actor.name} ({actor.role.value}) looks after cashiers' accounts only; "
            "an admin must do this",
            reason="manager_manages_cashiers",
            role=role.value,
        )


def add_staff(
    shop: Shop, actor: Actor, name: str, role: str, pin: str, hasher: PasswordHasher | None = None
) -> StaffAccount:
    """Create a staff account: an admin adds anyone, a manager adds cashiers."""
    require(actor, Permission.CASHIERS)
    wanted = parse_role(role)
    may_manage(actor, wanted)
    staff_name = check_staff_name(name)
    digest = (hasher or PasswordHasher()).hash(check_pin(pin))
    with shop.uow() as uow:
        if not uow.staff.all() and wanted is not Role.ADMIN:
            raise InvalidRequest(
                "the first staff account must be an admin, who can then add the others "
                "(a shop whose only account is a cashier could never add a manager)",
                code="first_staff_admin",
                field="role",
            )
        if uow.staff.by_name(staff_name) is not None:
            raise LoyaltyError(
                f"there is already a staff member called {staff_name}",
                code="duplicate_staff",
                field="name",
            )
        uow.staff.add(
            StaffRecord(id=str(uuid.uuid4()), name=staff_name, role=wanted.value, pin_hash=digest)
        )
        write_audit(
            uow,
            shop,
            actor,
            "staff.add",
            f"staff:{staff_name}",
            None,
            {"role": wanted.value},
            shop.clock.now(),
        )
        uow.commit()
    return StaffAccount(staff_name, wanted, True, None)


def unsigned_actor(shop: Shop) -> Actor:
    """Who a request without a signed-in staff member runs as.

    Before the first staff account exists the local administrator sets the
    shop up; afterwards nobody unsigned may change data or see members.
    """
    with shop.uow(write=False) as uow:
        has_staff = bool(uow.staff.all())
    return NOT_SIGNED_IN if has_staff else LOCAL_ADMIN


def list_staff(shop: Shop, actor: Actor) -> tuple[StaffAccount, ...]:
    """Every staff account with its role, lock state and last sign-in (managers and admins)."""
    require(actor, Permission.CASHIERS)
    with shop.uow(write=False) as uow:
        people = uow.staff.all()
    now = shop.clock.now()
    return tuple(_account(s, now) for s in people)


def _account(record: StaffRecord, now: datetime) -> StaffAccount:
    locked = record.locked_until if record.locked_until and record.locked_until > now else None
    return StaffAccount(record.name, Role(record.role), record.active, locked, record.last_sign_in)


def sign_in(shop: Shop, name: str, pin: str, hasher: PasswordHasher | None = None) -> Actor:
    """Check a name and PIN; five wrong PINs lock the account for five minutes."""
    hasher = hasher or PasswordHasher()
    refused = SignInFailed("wrong name or PIN", reason="wrong_name_or_pin")
    with shop.uow() as uow:
        now = shop.clock.now()
        staff = uow.staff.by_name(visible_name(name))  # as check_staff_name stored it
        if staff is None or not staff.active:
            raise refused
        if staff.locked_until and staff.locked_until > now:
            raise SignInFailed(
                f"{staff.name} is locked after {MAX_WRONG_PINS} wrong PINs until "
                f"{staff.locked_until.isoformat(timespec='minutes')}",
                reason="account_locked",
                locked_until=staff.locked_until.isoformat(),
                wrong_pins=MAX_WRONG_PINS,
            )
        try:
            hasher.verify(staff.pin_hash, pin.strip())
        except (VerificationError, InvalidHashError):
            failures = staff.failed_attempts + 1
            if failures >= MAX_WRONG_PINS:
                uow.staff.save(replace(staff, failed_attempts=0, locked_until=now + LOCKOUT))
                uow.commit()
                raise SignInFailed(
                    f"wrong PIN; {staff.name} is locked for {LOCKOUT_MINUTES} minutes",
                    reason="account_locked_now",
                    minutes=LOCKOUT_MINUTES,
                ) from None
            uow.staff.save(replace(staff, failed_attempts=failures, locked_until=None))
            uow.commit()
            raise refused from None
        if hasher.check_needs_rehash(staff.pin_hash):
            staff = replace(staff, pin_hash=hasher.hash(pin.strip()))
        uow.staff.save(replace(staff, failed_attempts=0, locked_until=None, last_sign_in=now))
        uow.commit()
    return Actor(name=staff.name, role=Role(staff.role), staff_id=staff.id)
