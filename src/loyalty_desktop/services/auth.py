"""Roles and what each may do; every service checks its caller, not only the screens."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from loyalty_desktop.domain.errors import PermissionDenied


class Role(StrEnum):
    """Staff roles, each allowed everything the one before it is."""

    CASHIER = "cashier"
    MANAGER = "manager"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        """Position in the order cashier < manager < admin."""
        return list(Role).index(self)


class Permission(StrEnum):
    """Things a service can be asked to do, named for the lowest role allowed to do them."""

    VIEW_PROGRAM = "view_program"
    FIND_MEMBER = "find_member"
    BROWSE_MEMBERS = "browse_members"
    ENROL = "enrol"
    SELL = "sell"
    AWARD = "award"
    PRINT_CARD = "print_card"
    REFUND = "refund"
    ADJUST = "adjust"
    MERGE = "merge"
    IMPORT = "import"
    EXPORT = "export"
    ERASE = "erase"
    EXPIRE = "expire"
    BACKDATE = "backdate"
    PROGRAM = "program"
    REPORTS = "reports"
    AUDIT = "audit"
    STAFF = "staff"
    CHECK = "check"
    PRODUCTS = "products"
    EDIT_MEMBER = "edit_member"
    CASHIERS = "manage_cashiers"  # list staff, and add or look after cashiers' accounts
    TILL_RULES = "set_till_rules"  # set what a cashier may do without a manager
    DISCOUNT = "give_large_discount"  # give a discount above the cashier's limit
    BACKUP = "backup"
    SYNC = "connect_sync"  # connect this store to the central server, or disconnect it
    SYNC_LIMITS = "set_sync_limits"  # offline redemption limits of a connected till


_LOWEST_ROLE: dict[Permission, Role] = {
    Permission.VIEW_PROGRAM: Role.CASHIER,
    Permission.FIND_MEMBER: Role.CASHIER,
    Permission.BROWSE_MEMBERS: Role.MANAGER,
    Permission.ENROL: Role.CASHIER,
    Permission.SELL: Role.CASHIER,
    Permission.AWARD: Role.CASHIER,
    Permission.PRINT_CARD: Role.CASHIER,
    Permission.REFUND: Role.MANAGER,
    Permission.ADJUST: Role.MANAGER,
    Permission.MERGE: Role.MANAGER,
    Permission.IMPORT: Role.MANAGER,
    Permission.EXPORT: Role.MANAGER,
    Permission.ERASE: Role.MANAGER,
    Permission.EXPIRE: Role.MANAGER,
    Permission.BACKDATE: Role.MANAGER,
    Permission.PROGRAM: Role.MANAGER,
    Permission.REPORTS: Role.MANAGER,
    Permission.AUDIT: Role.MANAGER,
    Permission.STAFF: Role.ADMIN,
    Permission.CHECK: Role.CASHIER,
    Permission.PRODUCTS: Role.MANAGER,
    Permission.EDIT_MEMBER: Role.MANAGER,
    Permission.CASHIERS: Role.MANAGER,
    Permission.TILL_RULES: Role.ADMIN,
    Permission.DISCOUNT: Role.MANAGER,
    Permission.BACKUP: Role.MANAGER,
    Permission.SYNC: Role.ADMIN,
    Permission.SYNC_LIMITS: Role.MANAGER,
}


def lowest_role(permission: Permission) -> Role:
    """The lowest role allowed ``permission``."""
    return _LOWEST_ROLE[permission]


# What someone who has not signed in may still do once the shop has staff accounts:
# nothing that changes data or shows a member's personal data.
_WITHOUT_SIGN_IN = frozenset({Permission.VIEW_PROGRAM, Permission.CHECK})


@dataclass(frozen=True)
class Actor:
    """Who is asking: a signed-in staff member, the local administrator, or nobody signed in."""

    name: str
    role: Role
    staff_id: str | None = None
    signed_in: bool = True

    def may(self, permission: Permission) -> bool:
        """Whether this actor's role allows ``permission``."""
        if not self.signed_in and permission not in _WITHOUT_SIGN_IN:
            return False
        return self.role.rank >= _LOWEST_ROLE[permission].rank


# The command line before the shop has any staff account: someone must create the first one.
LOCAL_ADMIN = Actor(name="local-admin", role=Role.ADMIN)
# The command line once staff accounts exist, without --staff.
NOT_SIGNED_IN = Actor(name="(not signed in)", role=Role.CASHIER, signed_in=False)


def require(actor: Actor, permission: Permission) -> None:
    """Refuse unless the actor's role allows ``permission``."""
    if not actor.signed_in and not actor.may(permission):
        raise PermissionDenied(
            f"sign in first to {permission.value.replace('_', ' ')}: this shop has staff "
            "accounts, so give --staff NAME (the PIN comes from a prompt, standard input "
            "or LOYALTY_PIN)",
            code="sign_in_required",
            permission=permission.value,
        )
    if not actor.may(permission):
        lowest = _LOWEST_ROLE[permission]
        raise PermissionDenied(
            f"{actor.name} ({actor.role.value}) may not {permission.value.replace('_', ' ')}; "
            f"it needs the {lowest.value} role",
            reason="role_too_low",
            permission=permission.value,
            role=actor.role.value,
            needed=lowest.value,
        )
