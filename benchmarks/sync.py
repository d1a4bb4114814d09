r"""Benchmark: 100,000 outbox events pushed from one store to a real server, against a raw COPY.

A ``loyalty-server`` runs under uvicorn on 127.0.0.1 with a fresh schema in the
``loyalty_server_test`` database (created if missing; never the public schema of ``test``).
The store side is the real client (``sync.http.HttpSyncServer``) sending batches of 100
sale events (one line, one earn movement each, shaped as ``services/events.py`` makes them)
for ``--members`` members, enrolled first. Reported: events/s over the whole push, batch
latency percentiles (p50, p99, max), and, in the same run, a raw ``COPY`` of the same rows
the push wrote (inbox and ledger, with the balances upserted once) into a second schema; the
ratio says what the HTTP hop, JSON, checking, savepoints and per-event inbox cost.

    LOYALTY_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        .venv/bin/python benchmarks/sync.py [--events 100000] [--members 1000] [--workers 2] \\
        [--in-flight 2] [--lots] [--checked]

``--checked``: the store sends its programme first and every sale names it, so the server
recomputes each sale's earned points (server/programs.py); without it no sale is checked.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.server.events import _wire, enrolled, sale

from loyalty_desktop.services.sync import IN_FLIGHT, WINDOW
from loyalty_desktop.sync.http import HttpSyncServer

DB = "loyalty_server_test"
# The benchmark's sales (105.00 each, 105 points) as this programme gives them.
PROGRAM = """\
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
"""


def _schema_url(base: sqlalchemy.URL, schema: str) -> str:
    return base.set(query={"options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


def _fresh_schema(base: sqlalchemy.URL, schema: str) -> None:
    engine = sqlalchemy.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"drop schema if exists {schema} cascade")
        conn.exec_driver_sql(f"create schema {schema}")
    engine.dispose()


def _server(url: str, workers: int) -> tuple[subprocess.Popen[bytes], str, str]:
    cmd = [sys.executable, "-m", "loyalty_desktop.server.cli", "--db", url]
    token = json.loads(
        subprocess.run([*cmd, "store", "add", "bench"], check=True, capture_output=True).stdout
    )["token"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([*cmd, "--port", str(port), "serve", "--workers", str(workers)])
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    return proc, f"http://127.0.0.1:{port}", token


def _copy_baseline(base: sqlalchemy.URL, schema: str, url: str) -> float:
    """COPY the rows the push wrote (read back from its schema) into empty tables of another."""
    _fresh_schema(base, schema + "_copy")
    engine = sqlalchemy.create_engine(url)
    with engine.connect() as conn:
        inbox = conn.exec_driver_sql("select * from inbox").all()
        ledger = conn.exec_driver_sql("select * from ledger").all()
    engine.dispose()
    import psycopg

    dsn = base.render_as_string(hide_password=False).replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(dsn, options=f"-csearch_path={schema}_copy") as conn:
        conn.execute(f"create table inbox (like {schema}.inbox including all)")
        conn.execute(f"create table ledger (like {schema}.ledger including all)")
        conn.execute(f"create table balances (like {schema}.balances including all)")
        conn.commit()
        started = time.perf_counter()
        with conn.cursor() as cur:
            with cur.copy("copy inbox from stdin") as copy:
                for row in inbox:
                    copy.write_row(row)
            with cur.copy("copy ledger from stdin") as copy:
                for row in ledger:
                    copy.write_row(row)
            cur.execute(
                "insert into balances select member_id, sum(points) from ledger group by member_id"
            )
        conn.commit()
        return time.perf_counter() - started


def _with_lot(earn: dict[str, Any]) -> None:
    """Give an earn movement the lot a till opens for it (a year from the movement)."""
    expires = datetime.fromisoformat(earn["at"]) + timedelta(days=365)
    earn["lots"] = [
        {
            "id": str(uuid.uuid4()),
            "points": earn["points"],
            "expires_at": expires.isoformat(),
            "source": None,
        }
    ]


def main() -> None:
    """Run the push and the COPY baseline; print the figures as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument(
        "--in-flight", type=int, default=IN_FLIGHT, help="batches on the wire at once (the pump's)"
    )
    parser.add_argument(
        "--lots",
        action="store_true",
        help="each sale's earn opens a lot of a year, as a till's does (the server keeps lots)",
    )
    parser.add_argument(
        "--checked",
        action="store_true",
        help="send the programme first and name it in every sale: each sale's points recomputed",
    )
    args = parser.parse_args()
    pg = sqlalchemy.engine.make_url(
        os.environ.get("LOYALTY_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    )
    admin = sqlalchemy.create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.exec_driver_sql(f"select 1 from pg_database where datname='{DB}'").first():
            conn.exec_driver_sql(f"create database {DB}")
    admin.dispose()
    base = pg.set(database=DB)
    schema = f"bench_sync_{os.getpid()}"
    _fresh_schema(base, schema)
    url = _schema_url(base, schema)
    proc, server_url, token = _server(url, args.workers)
    try:
        client = HttpSyncServer(server_url, token)
        ids = [str(uuid.uuid4()) for _ in range(args.members)]
        events = [enrolled(m, i + 1) for i, m in enumerate(ids)]
        events += [
            sale(ids[i % args.members], args.members + i + 1)
            for i in range(args.events - len(events))
        ]
        if args.lots:
            for event in events[args.members :]:
                _with_lot(event["payload"]["movements"][0])
        if args.checked:
            for event in events[args.members :]:
                event["payload"].update(program_version=1, tier_before=None, birthday_month=None)
            loaded = {"program_version": 1, "source": PROGRAM}
            events[-1] = _wire("program.loaded", "program:1", len(events) + 1, loaded)
            events.insert(0, events.pop())
        latencies: list[float] = []

        def push(i: int) -> None:
            t = time.perf_counter()
            results = client.push(events[i : i + 100])
            latencies.append(time.perf_counter() - t)
            assert all(r["status"] == "applied" for r in results), results[:3]

        started = time.perf_counter()
        # As the pump sends: WINDOW batches per round, `in_flight` of them on the wire at once.
        with ThreadPoolExecutor(args.in_flight) as pool:
            for i in range(0, len(events), 100 * WINDOW):
                list(pool.map(push, range(i, min(i + 100 * WINDOW, len(events)), 100)))
        push_s = time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait()
    copy_s = _copy_baseline(base, schema, url)
    counted = sqlalchemy.create_engine(url)
    with counted.connect() as conn:  # how many sales the server recomputed
        checked = conn.exec_driver_sql("select count(*) from sales where earn_checked").scalar()
    counted.dispose()
    engine = sqlalchemy.create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:  # a benchmark leaves nothing behind
        conn.exec_driver_sql(f"drop schema {schema} cascade")
        conn.exec_driver_sql(f"drop schema {schema}_copy cascade")
    engine.dispose()
    latencies.sort()
    print(
        json.dumps(
            {
                "events": len(events),
                "workers": args.workers,
                "in_flight": args.in_flight,
                "lots": args.lots,
                "checked": args.checked,
                "sales_checked": checked,
                "push_s": round(push_s, 2),
                "events_per_s": round(len(events) / push_s),
                "batch_ms_p50": round(statistics.median(latencies) * 1000, 1),
                "batch_ms_p99": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1),
                "batch_ms_max": round(latencies[-1] * 1000, 1),
                "copy_s": round(copy_s, 3),
                "push_to_copy_ratio": round(push_s / copy_s, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
