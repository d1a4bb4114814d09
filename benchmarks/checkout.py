"""Checkout and member-lookup latency on a large shop database, against raw ``sqlite3``.

Builds (or reuses, ``--db``) a database of ``--members`` members and
``--lines`` sale lines with ``bulk_fill.py``, then measures, in one process:

- member lookup (``services.lookup.find_member`` in a read unit of work) by
  member number, by phone and by scanned card code, and the phone last-four
  search (``search_phone_tail``): p50/p95/p99;
- a 5-line checkout (``services.checkout.checkout``) end to end, commit and
  fsync included, for random members by member number, about 10 % of them
  paying partly with points: p50/p95/p99;
- the same writes done with raw ``sqlite3`` on the same connection, file and
  PRAGMAs (every statement a checkout issues, with precomputed values), in
  blocks alternating with ours after a warm-up, and the ratio ours / raw.

Each ``--synchronous`` mode gets its own engine; FULL is the production
default. Percentiles are reported in milliseconds; ratios are only ever taken
between numbers measured in the same run. Next to wall time, each sample's CPU
time of this thread is kept: it leaves out fsync waits and time lost to other
processes on a shared machine. The SQL both sides ran is traced at the SQLite
level and printed side by side, so a baseline that stopped mirroring the
checkout shows. ``--checkpoint idle`` is an experiment: WAL auto-checkpoint off
and a checkpoint between blocks, untimed, to show what checkpoints cost.
``--profile N`` adds a cProfile of N checkouts (own time by layer, top 20).
Results go to stdout (a table, or one JSON object with ``--json``) and to
``benchmarks/results/checkout-<time>.json``; ``--check`` runs ``loyalty check``'s
database checks afterwards (use it on small builds).

Usage::

    .venv/bin/python benchmarks/checkout.py                      # 200 k members, 2 M lines
    .venv/bin/python benchmarks/checkout.py --members 2000 --lines 20000 --check
    .venv/bin/python benchmarks/checkout.py --db /tmp/big.db --members 1000000 --lines 10000000
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import platform
import pstats
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy

from bulk_fill import (
    FIRST_CARD_NO,
    Product,
    build,
    catalogue,
    keys_dir_for,
    member_no_of,
    phone_of,
    read_build,
    tier_of,
)
from loyalty_desktop.app import Opened, SystemClock, open_database
from loyalty_desktop.domain.members import Member
from loyalty_desktop.services.auth import Actor, Role
from loyalty_desktop.services.checkout import LineRequest, SaleRequest, checkout
from loyalty_desktop.services.lookup import find_member, search_phone_tail
from loyalty_desktop.services.members import card_code

RESULTS = Path(__file__).with_name("results")
CASHIER = Actor(name="bench-cashier", role=Role.CASHIER)
TARGETS = {
    "checkout_p50_ms": 5.0,
    "checkout_p99_ms": 20.0,
    "checkout_ratio": 3.0,
    "lookup_p99_ms": 2.0,
}
REDEEM_SHARE = 0.10
LINES_PER_SALE = 5


# ---------------------------------------------------------------- statistics


def summary(samples_ns: Sequence[int]) -> dict[str, float]:
    """Count, percentiles, mean and max of durations, in milliseconds."""
    ms = np.asarray(samples_ns, dtype=np.float64) / 1e6
    p50, p95, p99 = np.percentile(ms, [50, 95, 99])
    return {
        "n": len(ms),
        "p50": round(float(p50), 3),
        "p95": round(float(p95), 3),
        "p99": round(float(p99), 3),
        "mean": round(float(ms.mean()), 3),
        "max": round(float(ms.max()), 3),
    }


def source_state() -> dict[str, Any]:
    """The commit measured and the files changed on top of it (others may be editing src/)."""
    root = Path(__file__).resolve().parent.parent

    def git(*args: str) -> str:
        try:
            done = subprocess.run(
                ["git", *args], cwd=root, capture_output=True, text=True, check=True, timeout=30
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout

    changed = [line[3:] for line in git("status", "--porcelain", "src").splitlines() if line]
    return {"commit": git("rev-parse", "HEAD").strip(), "changed_in_src": changed}


def fsync_probe(directory: Path, rounds: int = 100) -> dict[str, float]:
    """How long this disk takes to fsync a 4 KiB append (what every FULL commit waits for)."""
    path = directory / f".fsync-probe-{os.getpid()}"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    times = []
    try:
        for _ in range(rounds):
            os.write(fd, b"x" * 4096)
            t0 = time.perf_counter_ns()
            os.fsync(fd)
            times.append(time.perf_counter_ns() - t0)
    finally:
        os.close(fd)
        path.unlink()
    return summary(times)


# ---------------------------------------------------------------- lookups


def bench_lookups(opened: Opened, members: int, n: int, rng: random.Random) -> dict[str, Any]:
    """find_member by number, phone and card, and the phone-tail search, in random order."""
    shop = opened.shop
    keys = shop.card_keys
    epoch = datetime(2020, 1, 1, tzinfo=UTC)
    work: list[tuple[str, str, str]] = []
    for _ in range(n):
        j = rng.randrange(members)
        work.append(("number", member_no_of(j), member_no_of(j)))
        j = rng.randrange(members)
        work.append(("phone", phone_of(j), member_no_of(j)))
        j = rng.randrange(members)
        card = Member(
            id="", member_no=member_no_of(j), card_no=FIRST_CARD_NO + j, name="", created_at=epoch
        )
        work.append(("card", card_code(card, keys), member_no_of(j)))
        j = rng.randrange(members)
        work.append(("phone_tail", phone_of(j)[-4:], member_no_of(j)))
    for kind, ref, _ in work[:200]:  # warm-up
        with shop.uow(write=False) as uow:
            if kind == "phone_tail":
                search_phone_tail(uow, ref)
            else:
                find_member(uow, ref, keys)
    rng.shuffle(work)
    total: dict[str, list[int]] = {k: [] for k in ("number", "phone", "card", "phone_tail")}
    inner: dict[str, list[int]] = {k: [] for k in total}
    perf = time.perf_counter_ns
    for kind, ref, expect in work:
        t0 = perf()
        with shop.uow(write=False) as uow:
            t1 = perf()
            if kind == "phone_tail":
                found = search_phone_tail(uow, ref)
                t2 = perf()
                ok = bool(found)
            else:
                member = find_member(uow, ref, keys)
                t2 = perf()
                ok = member.member_no == expect
        t3 = perf()
        if not ok:
            raise AssertionError(f"lookup {kind} {ref!r} found the wrong member")
        total[kind].append(t3 - t0)
        inner[kind].append(t2 - t1)
    return {
        kind: {"unit_of_work": summary(total[kind]), "call_only": summary(inner[kind])}
        for kind in total
    }


# ---------------------------------------------------------------- checkout plans


@dataclass
class Plan:
    """One sample's basket, member and precomputed values (ids, amounts, payload for raw)."""

    sale_no: str
    member_no: str
    member_id: str
    lines: list[tuple[str, str, str, str, int]]  # sku, qty, unit price, category, amount
    redeem: int
    ids: list[str] = field(default_factory=list)  # sale, redeem movement, earn movement, lot, event
    payload: str = ""

    @property
    def subtotal(self) -> int:
        """The basket's value in fen."""
        return sum(line[4] for line in self.lines)

    def request(self) -> SaleRequest:
        """The request the till sends for this sample."""
        return SaleRequest(
            sale_no=self.sale_no,
            member_ref=self.member_no,
            lines=tuple(LineRequest(s, q, p, c) for s, q, p, c, _ in self.lines),
            redeem=self.redeem,
        )


def member_states(opened: Opened, member_nos: set[str]) -> dict[str, tuple[str, int]]:
    """Member id and spendable points now, for the sampled members (read before timing starts)."""
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    found: dict[str, tuple[str, int]] = {}
    todo = sorted(member_nos)
    raw = opened.engine.raw_connection()
    try:
        conn = raw.driver_connection
        assert conn is not None
        for start in range(0, len(todo), 500):
            chunk = todo[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                "SELECT m.member_no, m.id, m.balance,"
                " coalesce((SELECT sum(remaining) FROM lots l WHERE l.member_id = m.id"
                "  AND l.remaining > 0), 0),"
                " coalesce((SELECT sum(remaining) FROM lots l WHERE l.member_id = m.id"
                "  AND l.remaining > 0 AND l.at <= ? AND (l.expires_at IS NULL OR l.expires_at > ?)), 0)"
                f" FROM members m WHERE m.member_no IN ({marks})",
                (now, now, *chunk),
            ).fetchall()
            for no, member_id, balance, held, live in rows:
                debt = held - balance
                found[no] = (member_id, max(0, live - debt))
    finally:
        raw.close()
    return found


def make_plans(
    opened: Opened,
    members: int,
    count: int,
    tag: str,
    products: list[Product],
    rng: random.Random,
    known: dict[str, list[Any]],
) -> list[Plan]:
    """``count`` random 5-line baskets for random members; ~10 % redeem a few points.

    ``known`` maps member numbers to [member id, points still free to plan for redemption]:
    planned redemptions only ever lower it, so it holds whatever order the samples run in.
    """
    picks = [member_no_of(rng.randrange(members)) for _ in range(count)]
    for no, state in member_states(opened, set(picks) - set(known)).items():
        known[no] = list(state)
    plans = []
    for i, no in enumerate(picks):
        lines = []
        for _ in range(LINES_PER_SALE):
            p = products[rng.randrange(len(products))]
            qty = rng.choice("11112")
            lines.append((p.sku, qty, p.price, p.category, int(qty) * p.fen))
        member_id, free = known[no]
        redeem = 0
        if rng.random() < REDEEM_SHARE and free >= 10:
            redeem = min(free, rng.randint(10, 100))
            known[no][1] = free - redeem
        plan = Plan(f"bench-{tag}-{i:06d}", no, member_id, lines, redeem)
        plan.ids = [_uuid(rng) for _ in range(5)]
        plan.payload = _payload(plan)
        plans.append(plan)
    return plans


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _payload(plan: Plan) -> str:
    """An outbox payload of the same shape and size as a real sale event (placeholder values)."""
    sale, redeem_mov, earn_mov, lot, _event = plan.ids
    at = "2026-01-01T00:00:00.000000+00:00"

    def movement(mid: str, kind: str, points: int, lots: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "id": mid,
            "member_id": plan.member_id,
            "kind": kind,
            "points": points,
            "at": at,
            "lots": lots,
            "allocations": [],
            "reason": None,
            "activity": None,
            "request_id": None,
        }

    movements = []
    if plan.redeem:
        movements.append(movement(redeem_mov, "redeem", -plan.redeem, []))
    lots = [{"id": lot, "points": plan.subtotal // 100, "expires_at": at}]
    movements.append(movement(earn_mov, "earn", plan.subtotal // 100, lots))
    money = f"{plan.subtotal // 100}.{plan.subtotal % 100:02d}"
    return json.dumps(
        {
            "id": sale,
            "sale_id": plan.sale_no,
            "member_id": plan.member_id,
            "at": at,
            "currency": "CNY",
            "lines": [
                {"sku": s, "qty": q, "unit_price": p, "category": c, "amount": money, "net": money}
                for s, q, p, c, _a in plan.lines
            ],
            "subtotal": money,
            "discount": "0.00",
            "tier_discount": "0.00",
            "net": money,
            "points_redeemed": plan.redeem,
            "points_value": "0.00",
            "paid": money,
            "earned": plan.subtotal // 100,
            "tier_before": "Bronze",
            "campaigns": [],
            "program_version": 2,
            "device_id": plan.member_id,
            "movements": movements,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


# ---------------------------------------------------------------- raw sqlite3 baseline

# The statements a checkout issues (seen with a before_cursor_execute listener), written by hand.
_SALE_COLUMNS = (
    "id, sale_id, member_id, at, recorded_at, currency, subtotal, order_discount, tier_discount,"
    " net, points_redeemed, points_value, paid, earned, program_id, tier_before, local_date,"
    " campaigns, points_after, tier_after, refunded_net, reversed, restored, paid_back,"
    " device_id, request_hash, birthday_month"
)
SQL_SALE = f"SELECT {_SALE_COLUMNS} FROM sales WHERE sales.sale_id = ?"
SQL_PROGRAM = (
    "SELECT programs.id, programs.source FROM programs ORDER BY programs.id DESC LIMIT ? OFFSET ?"
)
SQL_MEMBER = (
    "SELECT id, member_no, card_no, card_serial, name, phone, email, birthday, consent,"
    " consent_at, status, merged_into, tier, balance, lifetime_spend, points_earned,"
    " last_movement_at, created_at FROM members WHERE members.member_no = ?"
)
SQL_LOTS = (
    "SELECT id, member_id, at, expires_at, points, remaining, source_lot FROM lots"
    " WHERE lots.member_id = ? AND lots.remaining > ?"
)
# A member number that could also be a phone is looked up in both namespaces.
SQL_PHONE = (
    "SELECT id, member_no, card_no, card_serial, name, phone, email, birthday, consent,"
    " consent_at, status, merged_into, tier, balance, lifetime_spend, points_earned,"
    " last_movement_at, created_at FROM members WHERE members.phone = ?"
    " AND members.status = ? ORDER BY members.created_at LIMIT ? OFFSET ?"
)
SQL_MOVEMENT = (
    "INSERT INTO movements (id, member_id, kind, points, at, recorded_at, sale_ref, refund_ref,"
    " request_id, reason, actor, activity, points_after, request_hash)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
SQL_ALLOCATION = "INSERT INTO allocations (movement_id, lot_id, points) VALUES (?, ?, ?)"
SQL_TAKE = "UPDATE lots SET remaining=(lots.remaining - ?) WHERE lots.id = ?"
SQL_LOT = (
    "INSERT INTO lots (id, member_id, movement_id, at, expires_at, points, remaining, source_lot)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
SQL_SAVE_MEMBER = (  # only the totals a sale changes, as SqlMembers.save_totals writes them
    "UPDATE members SET tier=?, balance=?, lifetime_spend=?, points_earned=?,"
    " last_movement_at=? WHERE members.id = ?"
)
SQL_INSERT_SALE = f"INSERT INTO sales ({_SALE_COLUMNS}) VALUES ({','.join('?' * 27)})"
SQL_LINES = (
    "INSERT INTO sale_lines (sale_ref, line_no, sku, qty, unit_price, category, amount, net,"
    " refunded_qty, refunded_net) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
SQL_BUMP = (
    "UPDATE devices SET next_seq=(devices.next_seq + ?) WHERE devices.id = ? RETURNING next_seq"
)
SQL_EVENT = (
    'INSERT INTO outbox (id, device_id, seq, kind, "key", at, payload) VALUES (?, ?, ?, ?, ?, ?, ?)'
)
_EXPIRY = timedelta(days=365)


def _stamp(moment: datetime) -> str:
    """A naive UTC moment as SQLAlchemy stores it on SQLite (always with microseconds)."""
    return f"{moment:%Y-%m-%d %H:%M:%S}.{moment.microsecond:06d}"


def raw_checkout(conn: sqlite3.Connection, plan: Plan, device_id: str, program_id: int) -> None:
    """The writes of one checkout with plain sqlite3 and precomputed values, in one transaction."""
    sale_ref, redeem_mov, earn_mov, lot_id, event_id = plan.ids
    now = datetime.now(UTC).replace(tzinfo=None)
    at = _stamp(now)
    expires = _stamp(now + _EXPIRY)
    ex = conn.execute
    ex("BEGIN IMMEDIATE")
    try:
        if ex(SQL_SALE, (plan.sale_no,)).fetchone() is not None:
            raise AssertionError("sale id already posted")
        ex(SQL_PROGRAM, (1, 0)).fetchone()
        m = ex(SQL_MEMBER, (plan.member_no,)).fetchone()
        ex(SQL_PHONE, (plan.member_no, "active", 5, 0)).fetchall()
        lots = ex(SQL_LOTS, (m[0], 0)).fetchall()
        balance = m[13]
        subtotal = plan.subtotal
        paid = subtotal - plan.redeem
        if plan.redeem:
            left, taken = plan.redeem, []
            for lot in sorted(lots, key=lambda r: (r[3] or "9", r[2], r[0])):
                if left <= 0:
                    break
                if lot[2] > at or (lot[3] is not None and lot[3] <= at):
                    continue
                part = min(lot[5], left)
                taken.append((lot[0], part))
                left -= part
            balance -= plan.redeem
            ex(SQL_MOVEMENT, (redeem_mov, m[0], "redeem", -plan.redeem, at, at, sale_ref, None,
                              None, None, None, None, balance, None))  # fmt: skip
            conn.executemany(SQL_ALLOCATION, [(redeem_mov, lot, pts) for lot, pts in taken])
            conn.executemany(SQL_TAKE, [(pts, lot) for lot, pts in taken])
        earned = paid // 100
        balance += earned
        ex(SQL_MOVEMENT, (earn_mov, m[0], "earn", earned, at, at, sale_ref, None, None, None,
                          None, None, balance, None))  # fmt: skip
        ex(SQL_LOT, (lot_id, m[0], earn_mov, at, expires, earned, earned, None))
        spend = m[14] + paid
        tier = tier_of(spend)
        ex(SQL_SAVE_MEMBER, (tier, balance, spend, m[15] + earned, at, m[0]))
        ex(SQL_INSERT_SALE, (sale_ref, plan.sale_no, m[0], at, at, "CNY", subtotal, 0, 0,
                             subtotal, plan.redeem, plan.redeem, paid, earned, program_id, m[12],
                             at[:10], "[]", balance, tier, 0, 0, 0, 0, device_id, plan.sale_no,
                             None))  # fmt: skip
        conn.executemany(
            SQL_LINES,
            [
                (sale_ref, i, s, q, p, c, a, a, "0", 0)
                for i, (s, q, p, c, a) in enumerate(plan.lines)
            ],
        )
        seq = ex(SQL_BUMP, (1, device_id)).fetchone()[0]
        ex(SQL_EVENT, (event_id, device_id, seq, "sale", f"sale:{sale_ref}", at, plan.payload))
        ex("COMMIT")
    except BaseException:
        ex("ROLLBACK")
        raise


# ---------------------------------------------------------------- checkout benchmark


def trace_statements(opened: Opened, action: Callable[[], object]) -> list[str]:
    """The SQL ``action`` runs, in order, as SQLite sees it (whatever layer issued it).

    Traced with ``sqlite3.Connection.set_trace_callback`` on the pool's connection, so
    statements sent straight to the driver are seen too; an ``executemany`` shows
    once per row, folded here into one entry with a count.
    """
    seen: list[str] = []

    def callback(statement: str) -> None:
        seen.append(" ".join(statement.split())[:80])

    def set_trace(cb: Callable[[str], None] | None) -> None:
        fairy = opened.engine.raw_connection()
        try:
            driver = fairy.driver_connection
            assert isinstance(driver, sqlite3.Connection)
            driver.set_trace_callback(cb)
        finally:
            fairy.close()

    set_trace(callback)
    try:
        action()
    finally:
        set_trace(None)
    folded: list[str] = []
    count = 0
    for i, text in enumerate(seen):
        key = text.split(" VALUES")[0]
        count += 1
        if i + 1 < len(seen) and seen[i + 1].split(" VALUES")[0] == key:
            continue
        folded.append(f"{key} ... (x{count})" if count > 1 else text)
        count = 0
    return folded


def bench_checkout(
    opened: Opened,
    ours: list[Plan],
    raw: list[Plan],
    warm_ours: list[Plan],
    warm_raw: list[Plan],
    program_id: int,
    block: int,
    between: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """Ours and raw in alternating blocks (the side that starts alternates too), after a warm-up.

    ``between`` runs untimed after every block (the ``--checkpoint idle`` experiment).
    """
    shop = opened.shop
    device_id = shop.device_id
    perf = time.perf_counter_ns

    cpu = time.thread_time_ns

    def run_ours(plans: list[Plan], out: list[int], cpu_out: list[int]) -> None:
        for plan in plans:
            request = plan.request()
            c0 = cpu()
            t0 = perf()
            result = checkout(shop, CASHIER, request)
            out.append(perf() - t0)
            cpu_out.append(cpu() - c0)
            if result.replayed or result.redeemed != plan.redeem:
                raise AssertionError(f"unexpected checkout result {result}")

    def run_raw(plans: list[Plan], out: list[int], cpu_out: list[int]) -> None:
        fairy = opened.engine.raw_connection()  # the pool's one connection, PRAGMAs already set
        try:
            conn = fairy.driver_connection
            assert isinstance(conn, sqlite3.Connection)
            for plan in plans:
                c0 = cpu()
                t0 = perf()
                raw_checkout(conn, plan, device_id, program_id)
                out.append(perf() - t0)
                cpu_out.append(cpu() - c0)
        finally:
            fairy.close()

    scratch: list[int] = []
    gen2_before = gc.get_stats()[2]["collections"]
    run_ours(warm_ours, scratch, scratch)
    run_raw(warm_raw, scratch, scratch)
    times_ours: list[int] = []
    times_raw: list[int] = []
    cpu_ours: list[int] = []
    cpu_raw: list[int] = []
    started = time.perf_counter()
    for b, start in enumerate(range(0, max(len(ours), len(raw)), block)):
        steps: list[Callable[[], None]] = [
            lambda s=start: run_ours(ours[s : s + block], times_ours, cpu_ours),
            lambda s=start: run_raw(raw[s : s + block], times_raw, cpu_raw),
        ]
        for step in steps if b % 2 == 0 else reversed(steps):
            step()
            if between is not None:
                between()
    elapsed = time.perf_counter() - started
    mine, base = summary(times_ours), summary(times_raw)
    return {
        "ours": mine,
        "raw_sqlite3": base,
        "ratio_p50": round(mine["p50"] / base["p50"], 2),
        "ratio_p99": round(mine["p99"] / base["p99"], 2),
        # CPU time of this thread only: no fsync wait, no time lost to other processes.
        "cpu": {
            "ours": summary(cpu_ours),
            "raw_sqlite3": summary(cpu_raw),
            "ratio_p50": round(float(np.median(cpu_ours)) / float(np.median(cpu_raw)), 2),
        },
        "over_10ms": {
            "ours": sum(1 for t in times_ours if t > 10_000_000),
            "raw_sqlite3": sum(1 for t in times_raw if t > 10_000_000),
        },
        "redemptions": sum(1 for p in ours if p.redeem),
        "gc_gen2_collections": gc.get_stats()[2]["collections"] - gen2_before,
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "pooled_connections": opened.engine.pool.checkedin(),  # type: ignore[attr-defined]
        "seconds": round(elapsed, 1),
    }


def _raw_once(opened: Opened, plan: Plan, program_id: int) -> None:
    fairy = opened.engine.raw_connection()
    try:
        driver = fairy.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        raw_checkout(driver, plan, opened.shop.device_id, program_id)
    finally:
        fairy.close()


def _idle_checkpointer(opened: Opened) -> Callable[[], None]:
    """Turn the pool connection's auto-checkpoint off; return a call that checkpoints now."""
    fairy = opened.engine.raw_connection()
    try:
        fairy.driver_connection.execute("PRAGMA wal_autocheckpoint=0")  # type: ignore[union-attr]
    finally:
        fairy.close()

    def checkpoint() -> None:
        fairy = opened.engine.raw_connection()
        try:
            fairy.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()  # type: ignore[union-attr]
        finally:
            fairy.close()

    return checkpoint


# ---------------------------------------------------------------- profile


def _category(filename: str, name: str) -> str:
    if "loyalty_desktop" in filename:
        return "ours"
    if "sqlalchemy" in filename:
        return "sqlalchemy"
    if "sqlite3" in name or "sqlite3" in filename:
        return "sqlite3"
    return "stdlib/other"


def profile_checkouts(opened: Opened, plans: list[Plan], out: Path | None) -> dict[str, Any]:
    """Profile one batch of checkouts with cProfile: top functions by own time, and own time per layer."""
    profiler = cProfile.Profile()
    profiler.enable()
    for plan in plans:
        checkout(opened.shop, CASHIER, plan.request())
    profiler.disable()
    if out is not None:
        profiler.dump_stats(out)
    stats = pstats.Stats(profiler)
    entries = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in entries.values())
    layers: dict[str, float] = {}
    rows = []
    for (filename, line, name), (_cc, ncalls, tottime, cumtime, _callers) in entries.items():
        layer = _category(filename, name)
        layers[layer] = layers.get(layer, 0.0) + tottime
        short = filename.split("site-packages/")[-1].split("src/")[-1]
        rows.append((tottime, cumtime, ncalls, layer, f"{short}:{line}({name})"))
    rows.sort(reverse=True)
    n = len(plans)
    return {
        "checkouts": n,
        "profiled_ms_per_checkout": round(total * 1000 / n, 3),
        "own_time_by_layer_pct": {
            k: round(100 * v / total, 1) for k, v in sorted(layers.items(), key=lambda kv: -kv[1])
        },
        "top": [
            {
                "tottime_ms_per_checkout": round(t * 1000 / n, 4),
                "cumtime_ms_per_checkout": round(c * 1000 / n, 4),
                "calls_per_checkout": round(calls / n, 1),
                "layer": layer,
                "function": where,
            }
            for t, c, calls, layer, where in rows[:20]
        ],
    }


# ---------------------------------------------------------------- report


def verdicts(result: dict[str, Any]) -> dict[str, bool]:
    """Each DESIGN.md target met or not, per synchronous mode and lookup kind."""
    out: dict[str, bool] = {}
    for mode, r in result["checkout"].items():
        out[f"checkout {mode} p50 <= 5 ms"] = r["ours"]["p50"] <= TARGETS["checkout_p50_ms"]
        out[f"checkout {mode} p99 <= 20 ms"] = r["ours"]["p99"] <= TARGETS["checkout_p99_ms"]
        out[f"checkout {mode} p50 <= 3x raw"] = r["ratio_p50"] <= TARGETS["checkout_ratio"]
        out[f"checkout {mode} p99 <= 3x raw"] = r["ratio_p99"] <= TARGETS["checkout_ratio"]
    for kind in ("number", "phone", "card"):
        p99 = result["lookups"][kind]["unit_of_work"]["p99"]
        out[f"lookup by {kind} p99 <= 2 ms"] = p99 <= TARGETS["lookup_p99_ms"]
    return out


def print_table(result: dict[str, Any]) -> None:
    """The result for people."""
    b = result["build"]
    print()
    print(
        f"Database: {b['members']:,} members, {b['sales']:,} sales, {b['lines']:,} lines, "
        f"{b['movements']:,} movements, {b['lots']:,} lots, {b['outbox']:,} outbox events; "
        f"{result['db_megabytes']:,} MB; built in {b['seconds']} s"
        + (" (reused)" if result["reused"] else "")
    )
    env = result["environment"]
    print(
        f"Python {env['python']}, SQLite {env['sqlite']}, SQLAlchemy {env['sqlalchemy']}, "
        f"{env['cpus']} CPUs (load {env['loadavg_before'][0]} before the run); fsync of a 4 KiB"
        f" append: p50 {env['fsync']['p50']} ms, p99 {env['fsync']['p99']} ms"
    )
    print()
    print("Member lookup (ms; 'uow' = open read unit of work + find + close)")
    print(f"  {'by':<11}{'n':>6}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}   call only p50/p99")
    for kind, r in result["lookups"].items():
        u, c = r["unit_of_work"], r["call_only"]
        print(
            f"  {kind:<11}{u['n']:>6}{u['p50']:>9.3f}{u['p95']:>9.3f}{u['p99']:>9.3f}"
            f"{u['max']:>9.3f}   {c['p50']:.3f}/{c['p99']:.3f}"
        )
    print()
    checkpoint = result["params"]["checkpoint"]
    print(f"Checkout, 5 lines, end to end incl. commit (ms); WAL checkpoints: {checkpoint}")
    print(f"  {'synchronous':<12}{'side':<13}{'n':>6}{'p50':>9}{'p95':>9}{'p99':>9}{'max':>9}")
    for mode, r in result["checkout"].items():
        for side in ("ours", "raw_sqlite3"):
            s = r[side]
            print(
                f"  {mode:<12}{side:<13}{s['n']:>6}{s['p50']:>9.3f}{s['p95']:>9.3f}"
                f"{s['p99']:>9.3f}{s['max']:>9.3f}"
            )
        print(
            f"  {mode:<12}{'ours/raw':<13}{'':>6}{r['ratio_p50']:>9.2f}{'':>9}{r['ratio_p99']:>9.2f}"
            f"   ({r['redemptions']} of ours redeemed points; over 10 ms:"
            f" ours {r['over_10ms']['ours']}, raw {r['over_10ms']['raw_sqlite3']})"
        )
        c = r["cpu"]
        print(
            f"  {mode:<12}{'CPU only':<13}{'':>6}  ours p50 {c['ours']['p50']:.3f} p99"
            f" {c['ours']['p99']:.3f}, raw p50 {c['raw_sqlite3']['p50']:.3f} p99"
            f" {c['raw_sqlite3']['p99']:.3f}, ratio p50 {c['ratio_p50']:.2f}"
        )
    if result.get("profile"):
        p = result["profile"]
        print()
        print(
            f"cProfile, {p['checkouts']} checkouts ({p['mode']}): "
            f"{p['profiled_ms_per_checkout']} ms each under the profiler; own time by layer: "
            + ", ".join(f"{k} {v}%" for k, v in p["own_time_by_layer_pct"].items())
        )
        print(f"  {'own ms':>8}{'cum ms':>8}{'calls':>7}  {'layer':<13}function")
        for row in p["top"]:
            print(
                f"  {row['tottime_ms_per_checkout']:>8.4f}{row['cumtime_ms_per_checkout']:>8.3f}"
                f"{row['calls_per_checkout']:>7}  {row['layer']:<13}{row['function']}"
            )
    print()
    print("Statements per checkout, as SQLite ran them (ours | raw baseline):")
    for ours, raw in zip(result["statements"], result["raw_statements"], strict=False):
        print(f"  {ours[:60]:<62}| {raw[:60]}")
    if len(result["statements"]) != len(result["raw_statements"]):
        print("  (different counts: the baseline no longer mirrors the checkout; update it)")
    print()
    print("Targets (DESIGN.md; measured at this database size):")
    for name, ok in result["verdicts"].items():
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")
    if result.get("check") is not None:
        problems = result["check"]
        print(f"\nIntegrity check: {problems or 'ok'}")


# ---------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200_000, help="members to build (200000)")
    parser.add_argument(
        "--lines", type=int, default=2_000_000, help="sale lines to build (2000000)"
    )
    parser.add_argument("--samples", type=int, default=2000, help="checkouts per side and mode")
    parser.add_argument("--lookups", type=int, default=2000, help="lookups per kind")
    parser.add_argument("--warmup", type=int, default=100, help="untimed checkouts per side")
    parser.add_argument("--block", type=int, default=50, help="samples per alternating block")
    parser.add_argument(
        "--synchronous",
        choices=("FULL", "NORMAL", "BOTH"),
        default="both",
        type=str.upper,
        help="FULL (the production default), NORMAL, or both (default)",
    )
    parser.add_argument(
        "--db", type=Path, help="reuse this database (or build it here and keep it)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    parser.add_argument(
        "--profile", type=int, default=300, help="checkouts under cProfile (0: none)"
    )
    parser.add_argument(
        "--check", action="store_true", help="run loyalty check's database checks after"
    )
    parser.add_argument(
        "--checkpoint",
        choices=("auto", "idle"),
        default="auto",
        help="auto: SQLite's WAL auto-checkpoint inside commits, as the app runs (default);"
        " idle: experiment with auto-checkpoint off and a PASSIVE checkpoint between blocks,"
        " untimed, as a background checkpointer would do",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    say: Callable[[str], None] = (lambda t: print(t, file=sys.stderr)) if args.json else print
    temp: Path | None = None
    if args.db is None:
        temp = Path(tempfile.mkdtemp(prefix="loyalty-bench-"))
        db = temp / "shop.db"
    else:
        db = args.db.expanduser().resolve()
    reused = db.exists()
    try:
        if reused:
            info = read_build(db)
            if info is None:
                raise SystemExit(f"{db} was not built by benchmarks/bulk_fill.py")
            say(f"Reusing {db}: {info.members:,} members, {info.lines:,} lines")
        else:
            say(f"Building {db}: {args.members:,} members, {args.lines:,} sale lines")
            info = build(db, members=args.members, lines=args.lines, seed=args.seed, progress=say)
            say(f"Built in {info.seconds} s")
        result = run(args, db, info, reused, say)
    finally:
        if temp is not None and not args.keep:
            shutil.rmtree(temp, ignore_errors=True)
        elif temp is not None:
            say(f"Kept {db}")
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"checkout-{stamp}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_table(result)
        print(f"\nWritten to {out}")
    return 1 if result.get("check") else 0


def run(
    args: argparse.Namespace, db: Path, info: Any, reused: bool, say: Callable[[str], None]
) -> dict[str, Any]:
    """Lookups once, then checkouts per synchronous mode, then the profile."""
    rng = random.Random(args.seed * 7919 + int(time.time()))
    tag = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    products = catalogue(random.Random(args.seed))
    modes = ["FULL", "NORMAL"] if args.synchronous == "BOTH" else [args.synchronous]
    result: dict[str, Any] = {
        "benchmark": "checkout",
        "started_at": datetime.now(UTC).isoformat(),
        "params": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "build": asdict(info),
        "reused": reused,
        "environment": {
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "sqlalchemy": sqlalchemy.__version__,
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "loadavg_before": [round(x, 2) for x in os.getloadavg()],
            "fsync": fsync_probe(db.parent),
            "source": source_state(),
        },
        "targets": TARGETS,
        "checkout": {},
    }
    known: dict[str, list[Any]] = {}
    for index, mode in enumerate(modes):
        opened = open_database(db, clock=SystemClock(), keys_dir=keys_dir_for(db), synchronous=mode)
        try:
            if index == 0:
                say(f"Lookups: {args.lookups} per kind")
                result["lookups"] = bench_lookups(opened, info.members, args.lookups, rng)
                first = make_plans(opened, info.members, 2, f"{tag}-trace", products, rng, known)
                for plan in first:
                    plan.redeem = 0  # the common case; redemptions add 3 statements on both sides
                result["statements"] = trace_statements(
                    opened, partial(checkout, opened.shop, CASHIER, first[0].request())
                )
                result["raw_statements"] = trace_statements(
                    opened, partial(_raw_once, opened, first[1], info.program_current)
                )
            say(f"Checkout, synchronous={mode}: {args.samples} ours + {args.samples} raw")

            def plans(count: int, label: str, o: Opened = opened, m: str = mode) -> list[Plan]:
                return make_plans(
                    o, info.members, count, f"{tag}-{m}-{label}", products, rng, known
                )

            warm_ours, warm_raw = plans(args.warmup, "wo"), plans(args.warmup, "wr")
            ours, raw = plans(args.samples, "o"), plans(args.samples, "r")
            between = None
            if args.checkpoint == "idle":
                between = _idle_checkpointer(opened)
            result["checkout"][mode] = bench_checkout(
                opened, ours, raw, warm_ours, warm_raw, info.program_current, args.block, between
            )
            if args.profile and (mode == "FULL" or len(modes) == 1):
                say(f"Profiling {args.profile} checkouts (synchronous={mode})")
                RESULTS.mkdir(exist_ok=True)
                stats_file = RESULTS / f"checkout-{tag}-{mode}.pstats"
                profile = profile_checkouts(opened, plans(args.profile, "prof"), stats_file)
                result["profile"] = {"mode": mode, "stats_file": str(stats_file), **profile}
        finally:
            opened.engine.dispose()
    result["db_megabytes"] = round(
        sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file()) / 1e6
    )
    result["verdicts"] = verdicts(result)
    if args.check:
        say("Checking the ledger and the database file")
        opened = open_database(db, clock=SystemClock(), keys_dir=keys_dir_for(db))
        try:
            result["check"] = (
                opened.integrity.storage_problems() + opened.integrity.ledger_problems()
            )
        finally:
            opened.engine.dispose()
    return result


if __name__ == "__main__":
    sys.exit(main())
