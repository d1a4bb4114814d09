"""Benchmark: the screens' lists at a million members (member list pages, search, ledger, sales, audit).

Builds (or reuses) a bulk-filled shop (``bulk_fill.py``), gives one member a
long history through the real services, then times each query service as a
screen would call it: a page of 100 members for every sort, first and deep
pages (starting at a random member's position), the match count, the search
box, a member's ledger and sales pages. The first member page of each sort is
also run as the same SQL on raw ``sqlite3`` in the same run, for the ratio.

    .venv/bin/python benchmarks/read_models.py [--db /tmp/read-1m.db] [--members 1000000] [--n 200]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from bulk_fill import build, keys_dir_for, read_build
from checkout import summary
from loyalty_desktop.app import SystemClock, open_database
from loyalty_desktop.services import browsing, checkout
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.read_models import MemberCursor, MemberFilter, MemberSort

RESULTS = Path(__file__).with_name("results")


def timed(action: Callable[[], object], n: int) -> dict[str, float]:
    samples = []
    for _ in range(n):
        began = time.perf_counter_ns()
        action()
        samples.append(time.perf_counter_ns() - began)
    return summary(samples)


def _deep_cursor(
    conn: sqlite3.Connection, sort: MemberSort, rng: random.Random, total: int
) -> MemberCursor:
    column = {
        MemberSort.NUMBER: "member_no",
        MemberSort.NAME: "name",
        MemberSort.JOINED: "created_at",
        MemberSort.BALANCE: "balance",
        MemberSort.SPEND: "lifetime_spend",
    }[sort]
    rowid = rng.randrange(1, total)
    value, member_id = conn.execute(
        f"SELECT {column}, id FROM members WHERE rowid = ?", (rowid,)
    ).fetchone()
    if sort is MemberSort.JOINED:
        from datetime import UTC, datetime

        value = datetime.fromisoformat(value).replace(tzinfo=UTC)
    return MemberCursor(sort, False, value, member_id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/read-models-1m.db"))
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--lines", type=int, default=2_000_000)
    parser.add_argument("--n", type=int, default=200, help="repetitions per measurement")
    parser.add_argument(
        "--heavy", type=int, default=2_000, help="sales of the member with a long history"
    )
    args = parser.parse_args(argv)

    if not args.db.exists() or read_build(args.db) is None:
        args.db.unlink(missing_ok=True)
        print(f"building {args.db}: {args.members} members, {args.lines} lines ...", flush=True)
        build(args.db, members=args.members, lines=args.lines, progress=print)
    opened = open_database(args.db, clock=SystemClock(), keys_dir=keys_dir_for(args.db))
    shop = opened.shop
    rng = random.Random(11)
    raw = sqlite3.connect(args.db)
    total = raw.execute("SELECT count(*) FROM members").fetchone()[0]

    heavy_no = raw.execute("SELECT member_no FROM members WHERE rowid = 7").fetchone()[0]
    have = raw.execute(
        "SELECT count(*) FROM sales WHERE member_id = (SELECT id FROM members WHERE member_no = ?)",
        (heavy_no,),
    ).fetchone()[0]
    start = shop.clock.now() - timedelta(days=300)
    for i in range(have, args.heavy):  # a daily shopper's history, through the real checkout
        at = start + timedelta(hours=3 * i)
        request = checkout.SaleRequest(f"HEAVY-{i}", heavy_no, total=f"{5 + i % 40}.50", at=at)
        checkout.checkout(shop, LOCAL_ADMIN, request)

    result: dict[str, Any] = {"members": total, "n": args.n, "measured": {}}
    measured = result["measured"]
    for sort in MemberSort:
        for descending in (False, True):
            key = f"members page 1, {sort.value}{' desc' if descending else ''}"
            measured[key] = timed(
                lambda s=sort, d=descending: browsing.list_members(
                    shop, LOCAL_ADMIN, sort=s, descending=d, limit=100
                ),
                args.n,
            )
        cursors = [_deep_cursor(raw, sort, rng, total) for _ in range(args.n)]
        deep = iter(cursors)
        measured[f"members deep page, {sort.value}"] = timed(
            lambda s=sort, pages=deep: browsing.list_members(
                shop, LOCAL_ADMIN, sort=s, after=next(pages), limit=100
            ),
            args.n,
        )
    raw_sql = {
        MemberSort.NUMBER: "member_no",
        MemberSort.NAME: "name",
        MemberSort.JOINED: "created_at",
        MemberSort.BALANCE: "balance",
        MemberSort.SPEND: "lifetime_spend",
    }
    for sort, column in raw_sql.items():
        sql = (
            "SELECT id, member_no, name, phone, tier, balance, lifetime_spend, status, created_at,"
            f" last_movement_at FROM members WHERE status = 'active' ORDER BY {column}, id LIMIT 101"
        )
        measured[f"raw sqlite3 page 1, {sort.value}"] = timed(
            lambda q=sql: raw.execute(q).fetchall(), args.n
        )
    for text in ("王", "1000", "张伟"):
        measured[f"search {text!r}"] = timed(
            lambda t=text: browsing.search_members(shop, LOCAL_ADMIN, t), args.n
        )
    measured["count all active"] = timed(
        lambda: browsing.list_members(shop, LOCAL_ADMIN, limit=1, count=True), max(args.n // 10, 5)
    )
    measured["count name 王…"] = timed(
        lambda: browsing.list_members(
            shop, LOCAL_ADMIN, MemberFilter(text="王"), limit=1, count=True
        ),
        max(args.n // 10, 5),
    )
    first = browsing.member_ledger(shop, LOCAL_ADMIN, heavy_no, limit=50)
    measured[f"ledger page 1 ({args.heavy}+ movements)"] = timed(
        lambda: browsing.member_ledger(shop, LOCAL_ADMIN, heavy_no, limit=50), args.n
    )
    later = first
    for _ in range(20):
        if later.next is None:
            break
        later = browsing.member_ledger(shop, LOCAL_ADMIN, heavy_no, before=later.next, limit=50)
    measured["ledger page 21"] = timed(
        lambda: browsing.member_ledger(shop, LOCAL_ADMIN, heavy_no, before=later.next, limit=50),
        args.n,
    )
    measured["sales page 1"] = timed(
        lambda: browsing.member_sales(shop, LOCAL_ADMIN, heavy_no, limit=50), args.n
    )
    measured["audit page 1"] = timed(
        lambda: browsing.audit_log(shop, LOCAL_ADMIN, limit=100), args.n
    )
    for sort in MemberSort:
        ours = measured[f"members page 1, {sort.value}"]["p50"]
        base = measured[f"raw sqlite3 page 1, {sort.value}"]["p50"]
        result.setdefault("ratio_p50_vs_raw", {})[sort.value] = (
            round(ours / base, 2) if base else None
        )
    opened.engine.dispose()
    raw.close()

    width = max(len(k) for k in measured)
    print(f"{'query':<{width}}  {'p50':>8} {'p95':>8} {'p99':>8}  ms")
    for key, stats in measured.items():
        print(f"{key:<{width}}  {stats['p50']:>8} {stats['p95']:>8} {stats['p99']:>8}")
    print("ratio p50 ours/raw (page 1):", json.dumps(result["ratio_p50_vs_raw"]))
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"read_models-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
