"""Benchmark: import a large members file (``import members``): rows/s and how long the tills wait.

Writes ``--members`` synthetic members (number, Chinese name, phone, email,
birthday, consent) to a CSV file, imports it through the service into a fresh
SQLite file, and prints the time, rows/s, the write transactions (p50, p99,
longest: a till waits at most about that long for the lock) and a raw
``sqlite3`` executemany of the same member rows in the same run, for the ratio.
Then imports the same file again (every row is skipped) and times that.

    .venv/bin/python benchmarks/import_members.py [--members 200000]
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

from import_online_retail import percentile, watch_write_transactions
from loyalty_desktop.app import open_database
from loyalty_desktop.services import imports, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN

SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = "伟芳娜敏静丽强磊军洋"


def members_file(path: Path, count: int) -> None:
    """``count`` members with every column filled, half of them consenting."""
    with path.open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(["member_no", "name", "phone", "email", "birthday", "consent"])
        for n in range(count):
            name = SURNAMES[n % 10] + GIVEN[(n // 10) % 10] + GIVEN[(n // 100) % 10]
            birthday = f"19{60 + n % 40}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            rows.writerow([f"M{n:07d}", name, f"139{n:08d}", f"m{n}@example.cn", birthday, n % 2])


def raw_insert(count: int) -> float:
    """Seconds for sqlite3 alone to insert ``count`` member-sized rows (same columns, indexed)."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "raw.db")
        conn.execute(
            "CREATE TABLE members (id TEXT PRIMARY KEY, member_no TEXT UNIQUE, card_no INT UNIQUE,"
            " name TEXT, phone TEXT, email TEXT, birthday TEXT, consent INT, created_at TEXT)"
        )
        rows = [
            (
                str(uuid.uuid4()),
                f"M{n:07d}",
                10_000_001 + n,
                "王伟伟",
                f"139{n:08d}",
                f"m{n}@example.cn",
                "1990-01-01",
                n % 2,
                "2026-12-06 00:00:00",
            )
            for n in range(count)
        ]
        began = time.perf_counter()
        conn.executemany("INSERT INTO members VALUES (?,?,?,?,?,?,?,?,?)", rows)
        conn.commit()
        seconds = time.perf_counter() - began
        conn.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "members.csv"
        members_file(path, args.members)
        opened = open_database(folder / "shop.db", keys_dir=folder / "keys")
        programs.load_program(
            opened.shop, LOCAL_ADMIN, 'currency = "CNY"\ntimezone = "Asia/Shanghai"\n', "p.toml"
        )
        spans = watch_write_transactions(opened.engine)
        began = time.perf_counter()
        report = imports.import_members(opened.shop, LOCAL_ADMIN, path)
        seconds = time.perf_counter() - began
        ms = [s * 1000 for s in spans]
        print(
            f"imported {report.imported:,} members in {seconds:.1f} s: "
            f"{report.imported / seconds:,.0f} rows/s; rejected {len(report.rejected)}"
        )
        print(
            f"write transactions: {len(ms)}, p50 {percentile(ms, 0.5):.0f} ms, "
            f"p99 {percentile(ms, 0.99):.0f} ms, longest {max(ms):.0f} ms"
        )
        raw = raw_insert(args.members)
        print(
            f"raw sqlite3 executemany of the same rows: {raw:.2f} s; ours is {seconds / raw:.1f}x"
        )
        began = time.perf_counter()
        again = imports.import_members(opened.shop, LOCAL_ADMIN, path)
        print(
            f"the same file again: {again.skipped:,} skipped, {again.imported} imported "
            f"in {time.perf_counter() - began:.1f} s"
        )
        opened.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
