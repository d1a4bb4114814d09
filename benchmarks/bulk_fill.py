"""Build a large, internally consistent shop database fast, for the benchmarks.

The schema, device id and programmes come from the application itself
(``open_database`` and ``load_program``); the bulk rows (members, a year of
sales with their lines, earn and redeem movements, lots, allocations and the
outbox events) are then written straight through ``sqlite3.executemany``, with
the journal off and the secondary indexes created afterwards.

The rows follow the application's own rules, so ``loyalty check`` passes on
the result: every member's cached balance is the sum of their movements, each
sale with points has its earn movement and lot, redemptions take from the
earliest-expiring lots and are recorded as allocations, ``lifetime_spend`` is
the sum of what was paid, the tier follows the spend, and the outbox events
are numbered 1, 2, 3... for the installation's device.

History is posted under programme version 1 (points only); version 2 (tier
benefits, campaigns, an excluded category) is in force for new sales, the way
a shop changes its programme over a year.

Run on its own to build a database without benchmarking it::

    .venv/bin/python benchmarks/bulk_fill.py --db /tmp/shop.db --members 200000 --lines 2000000
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from loyalty_desktop.app import SystemClock, open_database
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.programs import load_program

FIRST_CARD_NO = 10_000_001
BUILD_KEY = "benchmark_build"
HISTORY_DAYS = 360  # every lot of the history is still open: expiry is 365 days
EXPIRY_DAYS = 365
SILVER = 200_000  # tier thresholds in fen (2000.00 and 10000.00 CNY)
GOLD = 1_000_000
REDEEM_SHARE = 0.05  # share of historic sales partly paid with points

PROGRAM_V1 = """\
# The programme the history was posted under: points only.
currency = "CNY"
timezone = "Asia/Shanghai"

[earn]
points = 1
per = "1.00"

[expiry]
days = 365

[redeem]
point_value = "0.01"
max_share = "0.5"

[tiers]
basis = "lifetime_spend"
[[tiers.levels]]
name = "Bronze"
threshold = "0"
[[tiers.levels]]
name = "Silver"
threshold = "2000"
[[tiers.levels]]
name = "Gold"
threshold = "10000"
"""

PROGRAM_V2 = """\
# The programme in force for the benchmark's sales: tier benefits and campaigns.
currency = "CNY"
timezone = "Asia/Shanghai"
campaign_policy = "best"

[earn]
points = 1
per = "1.00"
min_order = "0"
exclude_categories = ["tobacco"]

[activity]
review = 10
check_in = 1

[expiry]
days = 365

[redeem]
point_value = "0.01"
min_points = 0
max_share = "0.5"

[tiers]
basis = "lifetime_spend"
[[tiers.levels]]
name = "Bronze"
threshold = "0"
discount_pct = "0"
earn_multiplier = "1"
[[tiers.levels]]
name = "Silver"
threshold = "2000"
discount_pct = "2"
earn_multiplier = "1.2"
[[tiers.levels]]
name = "Gold"
threshold = "10000"
discount_pct = "5"
earn_multiplier = "1.5"

[[campaigns]]
name = "Double points weekend"
start = "2020-01-01"
end = "2099-12-31"
multiplier = "2"
weekdays = ["sat", "sun"]

[[campaigns]]
name = "Birthday month"
start = "2020-01-01"
end = "2099-12-31"
multiplier = "3"
birthday_month = true

[[campaigns]]
name = "Dairy week"
start = "2020-01-01"
end = "2099-12-31"
bonus = 20
categories = ["dairy"]
"""

CATEGORIES = (
    "food",
    "drinks",
    "dairy",
    "snacks",
    "household",
    "personal_care",
    "baby",
    "frozen",
    "produce",
    "bakery",
    "alcohol",
    "tobacco",
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国志明晓东海燕雪梅文博浩然子涵欣怡宇轩"
_EPOCH = datetime(1970, 1, 1)  # naive UTC, as SQLite stores moments


@dataclass(frozen=True)
class Product:
    """One catalogue item: SKU, unit price as the till types it, price in fen, category."""

    sku: str
    price: str
    fen: int
    category: str


@dataclass
class BuildInfo:
    """What a build made and how long it took."""

    members: int
    sales: int
    lines: int
    movements: int
    lots: int
    allocations: int
    outbox: int
    seed: int
    built_at: str
    seconds: float
    program_history: int
    program_current: int
    device_id: str


def keys_dir_for(db: Path) -> Path:
    """Where a benchmark database keeps its card-signing keys (next to it, never the user's own)."""
    return db.with_name(db.name + ".keys")


def member_no_of(index: int) -> str:
    """The member number of the ``index``-th member (the app numbers them from their card number)."""
    return str(FIRST_CARD_NO + index)


def phone_of(index: int) -> str:
    """A unique, normalised 11-digit mobile number for the ``index``-th member."""
    # 7919 is prime to 10**9, so the nine-digit body is distinct for every index below 10**9.
    return f"1{'3456789'[index % 7]}{(index * 7919 + 1_234_567) % 1_000_000_000:09d}"


def catalogue(rng: random.Random, size: int = 3000) -> list[Product]:
    """A shop's catalogue: mostly cheap everyday goods, a few dear ones."""
    products = []
    for i in range(size):
        fen = max(100, round(rng.lognormvariate(math.log(1800), 0.8) / 10) * 10)
        price = f"{fen // 100}.{fen % 100:02d}"
        products.append(Product(f"SKU{i:06d}", price, fen, rng.choice(CATEGORIES)))
    return products


def moment(seconds: float) -> str:
    """A UTC moment as SQLAlchemy stores a DateTime on SQLite (always with microseconds)."""
    text = (_EPOCH + timedelta(seconds=seconds)).isoformat(sep=" ")
    return text if len(text) > 19 else text + ".000000"


def _uuid_factory(rng: random.Random) -> Callable[[], str]:
    bits = rng.getrandbits

    def uuid4() -> str:
        n = (bits(128) & ~(0xF000 << 64) & ~(0xC000 << 48)) | (0x4000 << 64) | (0x8000 << 48)
        h = f"{n:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    return uuid4


def tier_of(spend: int) -> str:
    """The tier a lifetime spend reaches (highest threshold first)."""
    if spend >= GOLD:
        return "Gold"
    if spend >= SILVER:
        return "Silver"
    return "Bronze"


def _line_counts(rng: np.random.Generator, lines: int) -> np.ndarray:
    """Lines per sale, 1 to 9 (mean 5), adding up to exactly ``lines``."""
    n_sales = max(1, math.ceil(lines / 5))
    counts = rng.integers(1, 10, size=n_sales)
    diff = lines - int(counts.sum())
    while diff:
        room = np.nonzero(counts < 9)[0] if diff > 0 else np.nonzero(counts > 1)[0]
        pick = rng.choice(room, size=min(abs(diff), len(room)), replace=False)
        counts[pick] += 1 if diff > 0 else -1
        diff = lines - int(counts.sum())
    return counts


_INSERT = {
    "members": 19,
    "sales": 28,
    "sale_lines": 10,
    "lots": 8,
    "allocations": 3,
    "outbox": 9,
}
# Rows are built in the first release's column order; migration 0003 moved the sale's
# birthday to a birth month at the end (after the request fingerprint) and gave lots a source;
# migration 0007 gave sales the rewards they took (none in the history).
_LATER_COLUMNS: dict[str, Callable[[tuple[Any, ...]], tuple[Any, ...]]] = {
    "sales": lambda row: (*row[:17], *row[18:], None, None, "[]"),
    "lots": lambda row: (*row, None),
    "outbox": lambda row: (*row, 1),  # migration 0005: the event kind's schema version
}
_MOVEMENT_SQL = (
    "INSERT INTO movements (id, member_id, kind, points, at, recorded_at, sale_ref, refund_ref,"
    " request_id, reason, actor, activity, points_after) VALUES (?,?,?,?,?,?,?,NULL,NULL,NULL,NULL,NULL,?)"
)
_BIG_TABLES = ("members", "sales", "sale_lines", "movements", "lots", "allocations", "outbox")


class _Writer:
    """Buffers rows per table and writes them with ``executemany``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in (*_INSERT, "movements")}
        self.counts = dict.fromkeys(self.rows, 0)

    def flush(self) -> None:
        for table, rows in self.rows.items():
            if not rows:
                continue
            if table == "movements":
                sql = _MOVEMENT_SQL
            else:
                sql = f"INSERT INTO {table} VALUES ({','.join('?' * _INSERT[table])})"
            if table in _LATER_COLUMNS:
                rows[:] = [_LATER_COLUMNS[table](row) for row in rows]
            self.conn.executemany(sql, rows)
            self.counts[table] += len(rows)
            rows.clear()


def build(
    db: Path,
    *,
    members: int,
    lines: int,
    seed: int = 1,
    progress: Callable[[str], None] | None = None,
) -> BuildInfo:
    """Create ``db`` (which must not exist) with ``members`` members and ``lines`` sale lines."""
    say = progress or (lambda _text: None)
    if db.exists():
        raise FileExistsError(f"{db} exists; remove it or reuse it")
    started = time.perf_counter()
    opened = open_database(db, clock=SystemClock(), keys_dir=keys_dir_for(db), synchronous="OFF")
    v1 = load_program(opened.shop, LOCAL_ADMIN, PROGRAM_V1, "benchmarks/v1").version
    v2 = load_program(opened.shop, LOCAL_ADMIN, PROGRAM_V2, "benchmarks/v2").version
    device_id = opened.shop.device_id
    opened.engine.dispose()

    conn = sqlite3.connect(db, isolation_level=None)
    for pragma in (
        "journal_mode=DELETE",
        "journal_mode=OFF",
        "synchronous=OFF",
        "locking_mode=EXCLUSIVE",
        "cache_size=-1000000",
        "temp_store=MEMORY",
        "foreign_keys=OFF",
    ):
        conn.execute(f"PRAGMA {pragma}")
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({','.join('?' * len(_BIG_TABLES))})",
        _BIG_TABLES,
    ).fetchall()
    conn.execute("BEGIN")
    for name, _sql in indexes:
        conn.execute(f"DROP INDEX {name}")
    seq = conn.execute(
        "SELECT coalesce(max(seq), 0) FROM outbox WHERE device_id = ?", (device_id,)
    ).fetchone()[0]

    rnd = random.Random(seed)
    nprng = np.random.default_rng(seed)
    uuid4 = _uuid_factory(rnd)
    products = catalogue(rnd)
    per_sale = _line_counts(nprng, lines)
    weights = nprng.lognormal(0.0, 1.0, size=members)
    sales_of = nprng.multinomial(len(per_sale), weights / weights.sum())
    now = time.time()  # seconds since 1970-01-01 UTC, the same origin as _EPOCH
    built_at = moment(now)
    enrol_span = 3 * 365 * 86400 - 30 * 86400
    history_start = now - HISTORY_DAYS * 86400
    expiry = EXPIRY_DAYS * 86400
    qtys = ("1", "1", "1", "1", "2", "2", "3")

    w = _Writer(conn)
    rows = w.rows
    sale_no = 0
    line_at = 0
    for j in range(members):
        member_id = uuid4()
        created = now - 3 * 365 * 86400 + enrol_span * j / members + rnd.random() * 600
        created_text = moment(created)
        phone = phone_of(j)
        balance = spend = earned_total = 0
        last_at: str | None = None
        open_lots: list[list[Any]] = []  # [id, at, points, remaining, movement_id, at_text]
        start = max(created, history_start)
        times = sorted(rnd.uniform(start, now - 3600) for _ in range(int(sales_of[j])))
        for at_s in times:
            k = int(per_sale[sale_no])
            sale_no += 1
            sale_ref = uuid4()
            at = moment(at_s)
            recorded = moment(at_s + 0.002)
            subtotal = 0
            for line_no in range(k):
                p = products[rnd.randrange(len(products))]
                qty = qtys[rnd.randrange(7)]
                amount = int(qty) * p.fen
                subtotal += amount
                rows["sale_lines"].append(
                    (sale_ref, line_no, p.sku, qty, p.price, p.category, amount, amount, "0", 0)
                )
            line_at += k
            tier_before = tier_of(spend)
            redeem = 0
            if balance >= 100 and rnd.random() < REDEEM_SHARE:
                redeem = min(balance, rnd.randint(100, 1000), subtotal // 2)
            paid = subtotal - redeem
            movements_facts = []
            if redeem:
                left = redeem
                mov_id = uuid4()
                for lot in open_lots:  # oldest first = earliest expiring first
                    if left <= 0:
                        break
                    part = min(lot[3], left)
                    if part <= 0:
                        continue
                    lot[3] -= part
                    left -= part
                    rows["allocations"].append((mov_id, lot[0], part))
                balance -= redeem
                rows["movements"].append(
                    (mov_id, member_id, "redeem", -redeem, at, recorded, sale_ref, balance)
                )
                movements_facts.append({"id": mov_id, "kind": "redeem", "points": -redeem})
            earned = paid // 100
            if earned:
                mov_id = uuid4()
                lot_id = uuid4()
                balance += earned
                earned_total += earned
                open_lots.append([lot_id, at_s, earned, earned, mov_id, at])
                rows["movements"].append(
                    (mov_id, member_id, "earn", earned, at, recorded, sale_ref, balance)
                )
                movements_facts.append({"id": mov_id, "kind": "earn", "points": earned})
            spend += paid
            last_at = at
            tier_after = tier_of(spend)
            local_date = (_EPOCH + timedelta(seconds=at_s + 8 * 3600)).date().isoformat()
            receipt = f"R{sale_no:010d}"
            rows["sales"].append(
                (
                    sale_ref,
                    receipt,
                    member_id,
                    at,
                    recorded,
                    "CNY",
                    subtotal,
                    0,
                    0,
                    subtotal,
                    redeem,
                    redeem,
                    paid,
                    earned,
                    v1,
                    tier_before,
                    local_date,
                    None,
                    "[]",
                    balance,
                    tier_after,
                    0,
                    0,
                    0,
                    0,
                    device_id,
                )
            )
            seq += 1
            payload = json.dumps(
                {
                    "id": sale_ref,
                    "sale_id": receipt,
                    "member_id": member_id,
                    "net": subtotal,
                    "paid": paid,
                    "earned": earned,
                    "movements": movements_facts,
                    "note": "bulk-filled history (compact payload)",
                },
                sort_keys=True,
            )
            rows["outbox"].append(
                (uuid4(), device_id, seq, "sale", f"sale:{sale_ref}", at, payload, recorded)
            )
        for lot in open_lots:
            rows["lots"].append(
                (lot[0], member_id, lot[4], lot[5], moment(lot[1] + expiry), lot[2], lot[3])
            )
        consent = rnd.random() < 0.5
        name = rnd.choice(_SURNAMES) + "".join(rnd.choices(_GIVEN, k=rnd.randint(1, 2)))
        birthday = (
            f"{rnd.randint(1955, 2006)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            if rnd.random() < 0.6
            else None
        )
        rows["members"].append(
            (
                member_id,
                member_no_of(j),
                FIRST_CARD_NO + j,
                0,
                name,
                phone,
                phone[-4:],
                f"m{j}@example.com" if rnd.random() < 0.3 else None,
                birthday,
                1 if consent else 0,
                created_text if consent else None,
                "active",
                None,
                tier_of(spend),
                balance,
                spend,
                earned_total,
                last_at,
                created_text,
            )
        )
        seq += 1
        rows["outbox"].append(
            (
                uuid4(),
                device_id,
                seq,
                "member.enrolled",
                f"member:{member_id}",
                created_text,
                json.dumps({"id": member_id, "member_no": member_no_of(j), "name": name}),
                created_text,
            )
        )
        if len(rows["sale_lines"]) >= 200_000 or (j + 1) % 20_000 == 0:
            w.flush()
            if (j + 1) % 20_000 == 0:
                say(
                    f"  {j + 1:,} members, {line_at:,} lines"
                    f" ({time.perf_counter() - started:.0f} s)"
                )
    w.flush()
    conn.execute(
        "INSERT INTO devices (id, next_seq) VALUES (?, ?)"
        " ON CONFLICT (id) DO UPDATE SET next_seq = excluded.next_seq",
        (device_id, seq),
    )
    say(f"  rows written ({time.perf_counter() - started:.0f} s); creating indexes")
    for _name, sql in indexes:
        conn.execute(sql)
    seconds = time.perf_counter() - started
    info = BuildInfo(
        members=w.counts["members"],
        sales=w.counts["sales"],
        lines=w.counts["sale_lines"],
        movements=w.counts["movements"],
        lots=w.counts["lots"],
        allocations=w.counts["allocations"],
        outbox=w.counts["outbox"],
        seed=seed,
        built_at=built_at,
        seconds=round(seconds, 1),
        program_history=v1,
        program_current=v2,
        device_id=device_id,
    )
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (BUILD_KEY, json.dumps(asdict(info))),
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA locking_mode=NORMAL")
    conn.execute("PRAGMA journal_mode=WAL")  # as the application leaves it
    conn.close()
    return info


def read_build(db: Path) -> BuildInfo | None:
    """The build record of a benchmark database, or None if it is not one."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (BUILD_KEY,)).fetchone()
    except sqlite3.Error:
        row = None
    finally:
        conn.close()
    return BuildInfo(**json.loads(row[0])) if row else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="database file to create")
    parser.add_argument("--members", type=int, default=200_000)
    parser.add_argument("--lines", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    info = build(args.db, members=args.members, lines=args.lines, seed=args.seed, progress=print)
    print(json.dumps(asdict(info), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
