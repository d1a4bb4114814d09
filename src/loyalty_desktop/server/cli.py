"""The ``loyalty-server`` command: run the HTTP server, register and revoke stores."""

from __future__ import annotations

import argparse
import json
import os
import sys
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import ArgumentError, OperationalError

from loyalty_desktop.server.check import check_books
from loyalty_desktop.server.coupons import clear_conflicts, open_conflicts
from loyalty_desktop.server.devices import device_sequences
from loyalty_desktop.server.expiry import ExpiryRun, expire_chunk, summary
from loyalty_desktop.server.holds import HOLD_SECONDS, HOLD_SECONDS_VARIABLE, live_holds
from loyalty_desktop.server.migrate import upgrade
from loyalty_desktop.server.numbers import clear_clash, open_clashes
from loyalty_desktop.server.reviews import clear_review, open_reviews
from loyalty_desktop.server.stores import StoreNumbersUsedUp, add_store, revoke_store
from loyalty_desktop.server.transactions import in_transaction, server_engine


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="loyalty-server", description=__doc__)
    p.add_argument("--db", required=True, help="SQLAlchemy URL, postgresql+psycopg://...")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8700)
    p.add_argument("--ssl-certfile", help="TLS certificate (PEM) for HTTPS")
    p.add_argument("--ssl-keyfile", help="TLS private key (PEM) for HTTPS")
    sub = p.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="run the HTTP server (the default)")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes (one per CPU the server may use; each has its own connections)",
    )
    serve.add_argument(
        "--hold-seconds",
        type=int,
        default=None,
        help=f"time limit of a redemption hold (default {HOLD_SECONDS})",
    )
    sub.add_parser("holds", help="redemption holds still keeping points")
    store = sub.add_parser("store", help="register or revoke a store").add_subparsers(
        dest="action", required=True
    )
    store.add_parser("add").add_argument("name")
    store.add_parser("revoke").add_argument("store_id", type=uuid.UUID)
    review = sub.add_parser(
        "review",
        help="members whose balance went below zero, coupons used twice, member numbers "
        "given to two members",
    ).add_subparsers(dest="action", required=True)
    review.add_parser("list")
    review.add_parser("clear").add_argument("member_id", type=uuid.UUID)
    review.add_parser("clear-coupon").add_argument("coupon_id", type=uuid.UUID)
    review.add_parser(
        "clear-number", help="a member whose number another member holds has been looked at"
    ).add_argument("member_id", type=uuid.UUID)
    check = sub.add_parser("check", help="verify the books: exit 1 when something is wrong")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.add_argument(
        "--parked-days", type=int, default=7, help="a refund parked longer is a problem"
    )
    devices = sub.add_parser(
        "devices",
        help="each till's event numbers: how many arrived, which never did, which came twice",
    )
    devices.add_argument("--json", action="store_true", help="print one JSON object")
    expire = sub.add_parser("expire", help="write off points of lots due by the server's clock")
    expire.add_argument(
        "--at", help="expire what is due by this moment (ISO 8601 with time zone; default now)"
    )
    expire.add_argument(
        "--future",
        action="store_true",
        help=f"allow an --at more than {FUTURE_GRACE.days} day after the server's clock "
        "(writes off every lot due by then, chain-wide; nothing undoes it)",
    )
    expire.add_argument("--json", action="store_true", help="print one JSON object")
    return p


# An --at further ahead than this is a typo (2037 for 2027) until --future says otherwise.
FUTURE_GRACE = timedelta(days=1)
MAX_PARKED_DAYS = 36_500  # a hundred years: more is a typo, and overflows a date
STORE_NAME_LENGTH = 120  # stores.name


def _usage(message: str, error: str = "usage") -> int:
    print(json.dumps({"error": error, "message": message}))
    return 2


def _engine(url: str) -> Engine:
    engine = server_engine(url)
    upgrade(engine)
    return engine


def _review(engine: Engine, args: argparse.Namespace) -> int:
    if args.action == "list":
        found = in_transaction(
            engine, lambda c: (open_reviews(c), open_conflicts(c), open_clashes(c))
        )
        print(json.dumps({"members": found[0], "coupons": found[1], "numbers": found[2]}))
        return 0
    now = datetime.now(UTC)
    if args.action == "clear-number":
        if not in_transaction(engine, lambda c: clear_clash(c, args.member_id, now)):
            message = "no open member number clash for that member"
            print(json.dumps({"error": "no_review", "message": message}))
            return 1
        print(json.dumps({"member_id": str(args.member_id), "cleared": True}))
        return 0
    if args.action == "clear-coupon":
        cleared = in_transaction(engine, lambda c: clear_conflicts(c, args.coupon_id, now))
        if not cleared:
            print(json.dumps({"error": "no_review", "message": "no open review for that coupon"}))
            return 1
        print(json.dumps({"coupon_id": str(args.coupon_id), "cleared": cleared}))
        return 0
    if not in_transaction(engine, lambda c: clear_review(c, args.member_id, now)):
        print(json.dumps({"error": "no_review", "message": "no open review for that member"}))
        return 1
    print(json.dumps({"member_id": str(args.member_id), "cleared": True}))
    return 0


def _check(engine: Engine, args: argparse.Namespace) -> int:
    if not 0 <= args.parked_days <= MAX_PARKED_DAYS:
        return _usage(f"--parked-days must be 0 to {MAX_PARKED_DAYS}")
    now = datetime.now(UTC)
    found = in_transaction(engine, lambda c: check_books(c, now, args.parked_days))
    if args.json:
        print(json.dumps(found))
    else:
        for p in found["problems"]:
            print(f"problem: {p['problem']}: {p['message']} ({p.get('member_id') or p['key']})")
        for r in found["for_review"]:
            print(f"for review: {r['review']}: {_review_line(r)}")
        if found["earn_unchecked"]:
            print(
                f"unchecked: {found['earn_unchecked']} sale(s) applied without their points "
                "recomputed (the server had not the store's programme version)"
            )
        if found["refunds_unchecked"]:
            print(
                f"unchecked: {found['refunds_unchecked']} refund(s) applied as the store said "
                "(the server could not work them out again: see docs/sync.md, "
                "Refunds worked out again)"
            )
        print("ok" if found["ok"] else f"{len(found['problems'])} problem(s)")
    return 0 if found["ok"] else 1


def _devices(engine: Engine, args: argparse.Namespace) -> int:
    found = in_transaction(engine, device_sequences)
    if args.json:
        print(json.dumps({"devices": found}))
        return 0
    for d in found:
        line = (
            f"store {d['store'] or d['store_id']}, device {d['device_id']}: {d['events']} "
            f"event(s), numbers {d['first_seq']}-{d['last_seq']}, last at {d['last_received_at']}"
        )
        if d["missing"]:
            line += f"; {d['missing']} missing ({_ranges(d['missing_ranges'])})"
        if d["reused"]:
            line += f"; {d['reused']} used twice ({', '.join(map(str, d['reused_seqs']))})"
        print(line)
    if not found:
        print("no events received yet")
    return 0


def _ranges(ranges: list[list[int]]) -> str:
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _expire(engine: Engine, args: argparse.Namespace) -> int:
    now = datetime.now(UTC)
    at = _moment(args.at) if args.at else now
    if at is None:
        message = f"--at {args.at!r} is not an ISO 8601 moment with a time zone"
        print(json.dumps({"error": "usage", "message": message}))
        return 2
    if at > now + FUTURE_GRACE and not args.future:
        return _usage(
            f"--at {args.at} is more than {FUTURE_GRACE.days} day after the server's clock "
            f"({now.isoformat(timespec='seconds')}): every lot due by then would be written "
            "off chain-wide, with no undo; give --future if that is meant",
            error="at_in_future",
        )
    runs: list[ExpiryRun] = []
    after = None
    while True:  # one short transaction per chunk of lots

        def chunk(conn: Connection, after: Any = after) -> ExpiryRun:
            return expire_chunk(conn, at, now, after)

        runs.append(in_transaction(engine, chunk))
        after = runs[-1].last
        if after is None:
            break
    found = summary(at, runs)
    if args.json:
        print(json.dumps(found))
    else:
        print(
            f"expired {found['expired_points']} points in {found['lots']} lots "
            f"of {found['members']} members, due by {found['at']}"
        )
    return 0


def _review_line(r: dict[str, Any]) -> str:
    if r["review"] == "member_number_clash":
        return (
            f"member {r['member_id']} at store {r['store_id']} was enrolled with number "
            f"{r['member_no']}, which member {r['other_member_id']} at store "
            f"{r['other_store_id']} holds"
        )
    if r["review"] == "earn_mismatch":
        return f"store {r['store_id']}, event {r['key']}: {r['reason']}"
    if r["review"] == "device_seq_gap":
        return (
            f"store {r['store_id']}, device {r['device_id']}: {r['missing']} event number(s) "
            f"never arrived ({_ranges(r['missing_ranges'])})"
        )
    if r["review"] == "device_seq_reused":
        return (
            f"store {r['store_id']}, device {r['device_id']}: {r['reused']} event number(s) "
            "carried by two events (a till copied or restored from an older backup)"
        )
    if r["review"] == "coupon_used_twice":
        return (
            f"coupon {r['coupon_id']} used by sale {r['sale_id']} at store {r['store_id']}, "
            f"first by sale {r['first_sale_id']} at store {r['first_store_id']}"
        )
    return f"member {r['member_id']}, {r['points']} points"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``loyalty-server``."""
    args = _parser().parse_args(argv)
    if args.command == "store" and args.action == "add":
        name = args.name.strip()
        if not name or len(name) > STORE_NAME_LENGTH or "\x00" in name:
            return _usage(f"a store's name must be 1 to {STORE_NAME_LENGTH} characters")
        args.name = name
    try:
        engine = _engine(args.db)
    except (ArgumentError, OperationalError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        message = f"cannot open the server database: {reason}"
        print(json.dumps({"error": "database_unavailable", "message": message}))
        return 1
    if args.command == "check":
        return _check(engine, args)
    if args.command == "expire":
        return _expire(engine, args)
    if args.command == "devices":
        return _devices(engine, args)
    if args.command == "review":
        return _review(engine, args)
    if args.command == "holds":
        now = datetime.now(UTC)
        print(json.dumps({"holds": in_transaction(engine, lambda c: live_holds(c, now))}))
        return 0
    if args.command == "store":
        if args.action == "add":
            try:
                store_id, token, number = in_transaction(engine, lambda c: add_store(c, args.name))
            except StoreNumbersUsedUp as exc:
                print(json.dumps({"error": "store_numbers_used_up", "message": str(exc)}))
                return 1
            print(json.dumps({"store_id": str(store_id), "token": token, "store_no": number}))
            return 0
        if not in_transaction(engine, lambda c: revoke_store(c, args.store_id)):
            print(json.dumps({"error": "unknown_store", "message": "no such store"}))
            return 1
        print(json.dumps({"store_id": str(args.store_id), "revoked": True}))
        return 0
    import uvicorn

    from loyalty_desktop.server.app import DB_VARIABLE, create_app

    workers = getattr(args, "workers", 1)
    if workers < 1:
        print(json.dumps({"error": "usage", "message": "--workers must be 1 or more"}))
        return 2
    hold_for = getattr(args, "hold_seconds", None)
    if hold_for is not None:
        if hold_for < 1:
            print(json.dumps({"error": "usage", "message": "--hold-seconds must be 1 or more"}))
            return 2
        os.environ[HOLD_SECONDS_VARIABLE] = str(hold_for)  # every worker reads it
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "ssl_certfile": args.ssl_certfile,
        "ssl_keyfile": args.ssl_keyfile,
        "log_level": "warning",
    }
    if workers == 1:
        uvicorn.run(create_app(engine), **options)
        return 0
    # Several processes need the app by name; each makes its own engine from the URL (the
    # schema is already upgraded, above, by this one).
    engine.dispose()
    os.environ[DB_VARIABLE] = args.db
    uvicorn.run(
        "loyalty_desktop.server.app:app_from_environment", factory=True, workers=workers, **options
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
