"""Redeeming points on a till connected to the chain: a server hold online, limits offline.

A member's points can be spent at every store, so a till that is connected asks the server
to hold the points before it posts a sale that pays with them (``POST /v1/holds``, at most
``HOLD_TIMEOUT`` seconds on the network: a sale never waits longer). Held: the sale is
posted with the hold's id in its event and the push commits the hold. Refused: the chain
has not got the points (another store spent them first), the sale is refused with
``chain_balance_too_low`` and nothing is posted. Server away: the redemption is allowed
only within the manager's limits (settings ``sync.member_allowance``, ``sync.store_cap``,
``sync.max_snapshot_age_hours``):

- the member balances here were received (the last pull) no longer ago than the maximum
  age (``offline_snapshot_stale``);
- this till's unsent offline redemptions for the member plus these points stay within the
  per-member allowance (``offline_allowance``);
- this till's unsent offline redemptions for everyone plus these points stay within the
  store's exposure cap (``offline_exposure_cap``).

A sale redeemed offline says so in its event (``redeemed_offline``), which is how the
unsent ones are counted. What was spent twice across stores still becomes a negative
balance on the server, flagged for review (server/reviews.py): the limits bound it.

The server's balance lacks what this till has not sent yet, so the hold asks for the points
less this till's unsent movements of the member (earned here a moment ago: no hold needed
for them; redeemed offline: more). A till that is not connected (a single shop) is
untouched: no hold, no limits.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from loyalty_desktop.domain.errors import InvalidRequest, RedemptionNotAllowed
from loyalty_desktop.domain.json_data import JsonValue
from loyalty_desktop.services.auth import Actor, Permission, require
from loyalty_desktop.services.context import Shop
from loyalty_desktop.services.journal import write_audit
from loyalty_desktop.services.ports import UnitOfWork
from loyalty_desktop.services.sync import (
    LAST_PULL,
    ServerUnavailable,
    SyncQueue,
    SyncServer,
    TokenRefused,
    connection,
)

MEMBER_ALLOWANCE, STORE_CAP = "sync.member_allowance", "sync.store_cap"
SNAPSHOT_AGE = "sync.max_snapshot_age_hours"
DEFAULT_ALLOWANCE, DEFAULT_CAP, DEFAULT_AGE_HOURS = 500, 5000, 24
MAX_LIMIT, MAX_AGE_HOURS = 10**9, 24 * 366
OFFLINE = "redeemed_offline"  # the sale event's mark of a redemption the server did not hold
HOLD = "hold_id"
# The refusals of a connected till's redemption: the sale can go ahead without the points.
REFUSALS = frozenset(
    {"chain_balance_too_low", "offline_allowance", "offline_exposure_cap", "offline_snapshot_stale"}
)


@dataclass(frozen=True)
class RedemptionLimits:
    """What a connected till may redeem while the server is away."""

    member_allowance: int  # points per member until the next sync
    store_cap: int  # points for all members until the next sync
    max_snapshot_age_hours: int  # the member balances here must be this fresh


def limits_in_force(uow: UnitOfWork) -> RedemptionLimits:
    """The stored limits, or the defaults."""

    def stored(name: str, default: int) -> int:
        text = uow.settings.get(name) or ""
        return int(text) if text.isdigit() else default

    return RedemptionLimits(
        stored(MEMBER_ALLOWANCE, DEFAULT_ALLOWANCE),
        stored(STORE_CAP, DEFAULT_CAP),
        stored(SNAPSHOT_AGE, DEFAULT_AGE_HOURS),
    )


def redemption_limits(shop: Shop, actor: Actor) -> RedemptionLimits:
    """The offline limits (a manager reads and sets them)."""
    require(actor, Permission.SYNC_LIMITS)
    with shop.uow(write=False) as uow:
        return limits_in_force(uow)


def _checked(value: int | None, field: str, top: int) -> int | None:
    if value is not None and not 0 <= value <= top:
        raise InvalidRequest(
            f"{field} must be a whole number from 0 to {top}",
            reason="sync_limit_range",
            field=field,
            limit=top,
        )
    return value


def set_redemption_limits(
    shop: Shop,
    actor: Actor,
    *,
    member_allowance: int | None = None,
    store_cap: int | None = None,
    max_snapshot_age_hours: int | None = None,
) -> RedemptionLimits:
    """Change the limits given (manager); the others stay. Audited with the limits before and after."""
    require(actor, Permission.SYNC_LIMITS)
    allowance = _checked(member_allowance, "member_allowance", MAX_LIMIT)
    cap = _checked(store_cap, "store_cap", MAX_LIMIT)
    age = _checked(max_snapshot_age_hours, "max_snapshot_age_hours", MAX_AGE_HOURS)
    with shop.uow() as uow:
        before = limits_in_force(uow)
        after = RedemptionLimits(
            before.member_allowance if allowance is None else allowance,
            before.store_cap if cap is None else cap,
            before.max_snapshot_age_hours if age is None else age,
        )
        uow.settings.set(MEMBER_ALLOWANCE, str(after.member_allowance))
        uow.settings.set(STORE_CAP, str(after.store_cap))
        uow.settings.set(SNAPSHOT_AGE, str(after.max_snapshot_age_hours))
        write_audit(
            uow,
            shop,
            actor,
            "sync.limits",
            f"setting:{MEMBER_ALLOWANCE}",
            None,
            {
                "member_allowance": after.member_allowance,
                "store_cap": after.store_cap,
                "max_snapshot_age_hours": after.max_snapshot_age_hours,
                "was_member_allowance": before.member_allowance,
                "was_store_cap": before.store_cap,
                "was_max_snapshot_age_hours": before.max_snapshot_age_hours,
            },
            shop.clock.now(),
        )
        uow.commit()
    return after


@dataclass(frozen=True)
class Admitted:
    """How a redemption was let through: what goes into the sale's event, and a hold to release."""

    facts: Mapping[str, JsonValue]  # {"hold_id": …} or {"redeemed_offline": True} or {}
    server: SyncServer | None = None
    hold_id: str | None = None

    def release(self) -> None:
        """Give the hold back (the sale did not go through); best effort: the time limit covers the rest."""
        if self.server is not None and self.hold_id is not None:
            with contextlib.suppress(ServerUnavailable, TokenRefused):
                self.server.release(self.hold_id)


NOTHING = Admitted({})


def admit_redemption(shop: Shop, member_id: str, points: int) -> Admitted:
    """Let a connected till's redemption of ``points`` through, or refuse it (RedemptionNotAllowed).

    Not connected, or no points: nothing to do.
    """
    if points <= 0 or shop.sync_server is None or shop.sync_queue is None:
        return NOTHING
    url, token = connection(shop)
    if not url or not token:
        return NOTHING
    queue = shop.sync_queue
    unsent = _unsent_points(queue, member_id)
    asked = points - unsent
    if asked <= 0:  # what this till earned for the member and has not sent covers it
        return NOTHING
    server = shop.sync_server(url, token)
    hold_id = str(uuid.uuid4())
    try:
        answer = server.hold(hold_id, member_id, asked)
    except (ServerUnavailable, TokenRefused):
        _offline_rules(shop, queue, member_id, points)
        return Admitted({OFFLINE: True})
    if answer.get("status") != "held":
        available = int(answer.get("available") or 0) + unsent
        raise RedemptionNotAllowed(
            f"the chain has {max(available, 0)} points for this member, not {points}; "
            "the sale can go ahead without redeeming points",
            reason="chain_balance_too_low",
            field="redeem",
            points=points,
            available=max(available, 0),
        )
    return Admitted({HOLD: hold_id}, server, hold_id)


def _unsent_points(queue: SyncQueue, member_id: str) -> int:
    """This till's movements of the member the server has not got, less redemptions it holds."""
    total = 0
    for kind, payload in queue.unsent(member_id):
        held = kind == "sale" and payload.get(HOLD) is not None
        for m in payload.get("movements") or []:
            if not isinstance(m, Mapping) or m.get("member_id") != member_id:
                continue
            if held and m.get("kind") == "redeem":
                continue  # the server keeps these points under the hold until the sale arrives
            total += int(m.get("points") or 0)
    return total


def _offline_redeemed(queue: SyncQueue, member_id: str) -> tuple[int, int]:
    """Points this till redeemed offline and has not sent: (for this member, for everyone)."""
    mine = everyone = 0
    for kind, payload in queue.unsent(OFFLINE):  # one read of the queue for both
        if kind != "sale" or payload.get(OFFLINE) is not True:
            continue
        points = int(payload.get("points_redeemed") or 0)
        everyone += points
        if payload.get("member_id") == member_id:
            mine += points
    return mine, everyone


def _offline_rules(shop: Shop, queue: SyncQueue, member_id: str, points: int) -> None:
    with shop.uow(write=False) as uow:
        limits = limits_in_force(uow)
        last_pull = uow.settings.get(LAST_PULL) or None
    now = shop.clock.now()
    pulled_at = _moment(last_pull)
    if pulled_at is None or now - pulled_at > timedelta(hours=limits.max_snapshot_age_hours):
        raise RedemptionNotAllowed(
            "offline, points are redeemed only with member balances received in the last "
            f"{limits.max_snapshot_age_hours} hours (last received: {last_pull or '—'}); "
            "the sale can go ahead without redeeming points",
            reason="offline_snapshot_stale",
            field="redeem",
            max_hours=limits.max_snapshot_age_hours,
            last_pull=last_pull or "—",
        )
    used, exposure = _offline_redeemed(queue, member_id)
    if used + points > limits.member_allowance:
        raise RedemptionNotAllowed(
            f"offline, a member may redeem {limits.member_allowance} points until the next sync "
            f"({used} redeemed here already, {points} asked); "
            "the sale can go ahead without redeeming points",
            reason="offline_allowance",
            field="redeem",
            allowance=limits.member_allowance,
            used=used,
            points=points,
        )
    if exposure + points > limits.store_cap:
        raise RedemptionNotAllowed(
            f"offline, this store may redeem {limits.store_cap} points until the next sync "
            f"({exposure} redeemed already, {points} asked); "
            "the sale can go ahead without redeeming points",
            reason="offline_exposure_cap",
            field="redeem",
            cap=limits.store_cap,
            exposure=exposure,
            points=points,
        )


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
