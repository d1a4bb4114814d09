"""``loyalty staff …`` and ``loyalty till-rules``: staff accounts and what a cashier may do alone.

A new PIN is read from standard input (twice from a terminal), after the
signed-in staff member's own PIN when ``LOYALTY_PIN`` is not set.
"""

from __future__ import annotations

import getpass
import sys
from typing import Any

from loyalty_desktop.cli import presenters
from loyalty_desktop.cli.context import Context
from loyalty_desktop.domain.errors import InvalidRequest
from loyalty_desktop.services import staff, staff_accounts, till_policy
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.staff import StaffAccount
from loyalty_desktop.services.till_policy import TillRules


def read_new_pin(name: str, command: str) -> str:
    """A new PIN: typed twice at a terminal, else the next line of standard input."""
    if sys.stdin.isatty():
        first = getpass.getpass(f"New PIN for {name}: ")
        if getpass.getpass("The same PIN again: ") != first:
            raise InvalidRequest("the two PINs differ", reason="pin_mismatch", field="pin")
        return first
    line = sys.stdin.readline()
    if not line.strip():
        raise InvalidRequest(
            f"give the new PIN on standard input, e.g.  echo 1234 | loyalty {command} "
            "(after the signed-in staff member's PIN, if LOYALTY_PIN is not set)",
            reason="pin_missing",
            field="pin",
        )
    return line.strip()


def _signed_in_manager(ctx: Context) -> Actor:
    actor = ctx.actor  # sign in first: its PIN comes before the new one on standard input
    require(actor, Permission.CASHIERS)  # and be refused before being asked for a PIN
    return actor


def cmd_staff_add(ctx: Context, args: Any) -> dict[str, Any]:
    """Add an account (an admin adds anyone, a manager cashiers)."""
    actor = _signed_in_manager(ctx)
    pin = read_new_pin(args.name, f"staff add {args.name} --role {args.role}")
    added = staff.add_staff(ctx.shop, actor, args.name, args.role, pin)
    return presenters.staff_account(added)


def cmd_staff_list(ctx: Context, args: Any) -> dict[str, Any]:
    """Every account, its role and whether it may sign in (the shape CONTRACT.md fixes)."""
    return presenters.staff_list(staff.list_staff(ctx.shop, ctx.actor))


def _account(account: StaffAccount) -> dict[str, Any]:
    return {"staff": account.name, "role": account.role.value, "active": account.active}


def cmd_staff_disable(ctx: Context, args: Any) -> dict[str, Any]:
    """Stop an account signing in."""
    return _account(staff_accounts.disable_staff(ctx.shop, ctx.actor, args.name))


def cmd_staff_enable(ctx: Context, args: Any) -> dict[str, Any]:
    """Let a disabled account sign in again."""
    return _account(staff_accounts.enable_staff(ctx.shop, ctx.actor, args.name))


def cmd_staff_reset_pin(ctx: Context, args: Any) -> dict[str, Any]:
    """Give an account a new PIN (never printed)."""
    actor = _signed_in_manager(ctx)
    pin = read_new_pin(args.name, f"staff reset-pin {args.name}")
    result = _account(staff_accounts.reset_pin(ctx.shop, actor, args.name, pin))
    return {**result, "pin_reset": True}


def cmd_staff_role(ctx: Context, args: Any) -> dict[str, Any]:
    """Make an account a cashier, manager or admin."""
    return _account(staff_accounts.change_role(ctx.shop, ctx.actor, args.name, args.role))


def _rules(rules: TillRules) -> dict[str, Any]:
    return {
        "refund_limit": rules.refund_limit_text,
        "currency": rules.currency.code,
        "discount_limit": rules.discount_limit,
    }


def cmd_till_rules(ctx: Context, args: Any) -> dict[str, Any]:
    """Show the till rules, or change those given (admin)."""
    if args.refund_limit is None and args.discount_limit is None:
        return _rules(till_policy.till_rules(ctx.shop, ctx.actor))
    return _rules(
        till_policy.set_till_rules(
            ctx.shop,
            ctx.actor,
            refund_limit=args.refund_limit,
            discount_limit=args.discount_limit,
        )
    )
