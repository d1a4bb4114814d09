"""``loyalty sync``: connect this store to the central server, push its outbox, show the queue."""

from __future__ import annotations

import time
from dataclasses import asdict
from typing import Any

from loyalty_desktop.cli.context import Context, Refused
from loyalty_desktop.services import chain_redemption, pull_review, sync
from loyalty_desktop.sync.http import HttpSyncServer


def cmd_sync_connect(ctx: Context, args: Any) -> dict[str, Any]:
    """Check the token with the server, then remember the server and token in this database."""
    try:
        store_id = sync.connect_to(ctx.shop, ctx.actor, args.url, args.token)
    except sync.ServerUnavailable as exc:
        raise Refused("server_unavailable", str(exc)) from exc
    except sync.TokenRefused as exc:
        raise Refused("token_refused", str(exc)) from exc
    found = sync.status(ctx.shop)
    return {
        "server": args.url,
        "store_id": store_id,
        "device_id": ctx.shop.device_id,
        "store_no": found.store_no,
        "member_numbers": found.member_numbers,
    }


def cmd_sync_disconnect(ctx: Context, args: Any) -> dict[str, Any]:
    """Forget the server and the token; the outbox keeps every event for a later connect."""
    sync.disconnect(ctx.shop, ctx.actor)
    return asdict(sync.status(ctx.shop))


def cmd_sync_quarantined(ctx: Context, args: Any) -> dict[str, Any]:
    """The events the server refused as a reused key with another payload."""
    return {"events": [asdict(q) for q in sync.quarantined(ctx.shop, ctx.actor)]}


def cmd_sync_passed_over(ctx: Context, args: Any) -> dict[str, Any]:
    """Changes of the server's log not applied here, and members of other stores not added."""
    return {
        "passed_over": [asdict(p) for p in sync.passed_over(ctx.shop, ctx.actor)],
        "clashes": [asdict(c) for c in pull_review.pull_clashes(ctx.shop, ctx.actor)],
    }


def cmd_sync_read_again(ctx: Context, args: Any) -> dict[str, Any]:
    """Read the passed-over changes and clashes again at the next pass (the cause fixed)."""
    return asdict(pull_review.read_again(ctx.shop, ctx.actor))


def cmd_sync_limits(ctx: Context, args: Any) -> dict[str, Any]:
    """Show, or set (any option given), what a connected till may redeem while the server is away."""
    given = {
        "member_allowance": args.member_allowance,
        "store_cap": args.store_cap,
        "max_snapshot_age_hours": args.max_snapshot_age_hours,
    }
    if all(v is None for v in given.values()):
        return asdict(chain_redemption.redemption_limits(ctx.shop, ctx.actor))
    return asdict(chain_redemption.set_redemption_limits(ctx.shop, ctx.actor, **given))


def cmd_sync_status(ctx: Context, args: Any) -> dict[str, Any]:
    """Queue length, last sync, quarantined events, the store's number and member-number block."""
    return asdict(sync.status(ctx.shop))


def cmd_sync(ctx: Context, args: Any) -> dict[str, Any]:
    """Push the queue (``--once``) or keep pushing every ``--every`` seconds until stopped."""
    url, token = sync.connection(ctx.shop)
    if args.server and args.server != url and not args.token:
        # The connected token was checked with its own server; it is not handed to another.
        raise Refused(
            "token_elsewhere",
            "the connected token goes only to the connected server; give --token for another",
        )
    url, token = args.server or url, args.token or token
    if not url or not token:
        raise Refused(
            "not_connected", "no server: run `loyalty sync connect URL --token TOKEN` first"
        )
    server = HttpSyncServer(url, token)
    # With the connected server: stop once an administrator disconnects (or connects elsewhere).
    connected: tuple[str, str] | None = None if args.server or args.token else (url, token)
    while True:
        if connected is not None and sync.connection(ctx.shop) != connected:
            raise Refused("not_connected", "the store was disconnected from the server")
        try:
            report = sync.sync_with_retry(
                ctx.shop, server, sleep=time.sleep, while_connected=connected
            )
        except sync.TokenRefused as exc:  # revoked or mistyped: retrying cannot help
            raise Refused("token_refused", str(exc)) from exc
        except sync.ServerUnavailable as exc:
            if args.once:
                raise Refused("server_unavailable", str(exc)) from exc
            continue
        if args.once:
            return asdict(report)
        time.sleep(args.every)
