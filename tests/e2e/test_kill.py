"""A till killed at random moments (SIGKILL: a crash, a pulled plug on the process) loses nothing it confirmed.

A child process posts sales S0, S1, … through the services and prints each sale
id once the call has returned ("acknowledged"). The parent kills it at random
moments and restarts it; each restart re-posts the last acknowledged sale and
the one that was in flight, as a till retrying after a crash would. At the end
the ledger must be whole: every acknowledged sale exactly once, one earn per
sale, balance equal to the points earned, one outbox event per sale, numbered
without gaps, and ``loyalty check`` clean.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from loyalty_desktop.app import open_database
from loyalty_desktop.db.tables import members, movements, outbox, sales, settings

SEED = int(os.environ.get("LOYALTY_KILL_SEED", "20260302"))
KILLS = 10
FINAL_SALES = 5
MEMBER_NO = "K-1"
LOYALTY = str(Path(sys.executable).with_name("loyalty"))

# The till: opens (creating and migrating on the first run) the database, makes sure the
# programme and the member exist, then posts sales and acknowledges each one on stdout.
TILL = """\
import json, sys
from datetime import UTC, datetime
from loyalty_desktop.app import open_database
from loyalty_desktop.services import checkout, members, programs
from loyalty_desktop.services.auth import LOCAL_ADMIN

PROGRAM = '''
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
'''
db, member_no, first, stop, *again = sys.argv[1:]
opened = open_database(db)
shop = opened.shop
with shop.uow(write=False) as uow:
    has_program = uow.programs.current() is not None
    has_member = uow.members.by_number(member_no) is not None
if not has_program:
    programs.load_program(shop, LOCAL_ADMIN, PROGRAM, "program.toml")
if not has_member:
    members.enrol(
        shop,
        LOCAL_ADMIN,
        members.NewMember(name="断电测试", member_no=member_no),
        datetime(2026, 2, 1, tzinfo=UTC),
    )


def post(i):
    request = checkout.SaleRequest(
        f"S{i}", member_no, total=f"{10 + i % 7}.50", at=datetime(2026, 3, 1, tzinfo=UTC)
    )
    result = checkout.checkout(shop, LOCAL_ADMIN, request)
    print(json.dumps({"i": i, "replayed": result.replayed, "earned": result.earned}), flush=True)


for i in again:
    post(int(i))
for i in range(int(first), int(stop)):
    post(i)
opened.engine.dispose()
"""


def earned_for(i: int) -> int:
    """Points sale S<i> earns: its total is (10 + i mod 7).50 at 1 point per full 1.00."""
    return 10 + i % 7


@dataclass
class Run:
    """One life of the till: what it was asked to do and what it acknowledged before it died."""

    first: int
    again: list[int]
    kill_after: float | None  # None: left to finish
    early: bool
    acks: list[dict[str, Any]] = field(default_factory=list)
    returncode: int | None = None
    stderr: str = ""


def _live(tmp_path: Path, db: Path, run: Run, stop: int) -> None:
    script = tmp_path / "till.py"
    script.write_text(TILL, encoding="utf-8")
    command = [sys.executable, str(script), str(db), MEMBER_NO, str(run.first), str(stop)]
    with subprocess.Popen(
        [*command, *map(str, run.again)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=os.environ,
    ) as child:
        lines: list[str] = []
        errors: list[str] = []
        readers = [
            threading.Thread(target=lambda: lines.extend(child.stdout or ()), daemon=True),
            threading.Thread(target=lambda: errors.extend(child.stderr or ()), daemon=True),
        ]
        for reader in readers:
            reader.start()
        if run.kill_after is not None:
            if not run.early:  # let it get into the posting loop first
                deadline = time.monotonic() + 60
                while not lines and child.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.002)
            time.sleep(run.kill_after)
            child.send_signal(signal.SIGKILL)
        run.returncode = child.wait(timeout=120)
        for reader in readers:
            reader.join(30)
    run.stderr = "".join(errors)
    # Only whole lines were acknowledged; a line cut by the kill was not.
    run.acks = [json.loads(line) for line in lines if line.endswith("\n")]


@pytest.mark.slow
def test_a_till_killed_at_random_moments_keeps_every_acknowledged_sale_once(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    db = tmp_path / "shop.db"
    runs: list[Run] = []
    acked: list[int] = []
    for n in range(KILLS + 1):
        last = acked[-1] if acked else None
        first = last + 1 if last is not None else 0
        final = n == KILLS
        early = not final and rng.random() < 0.25
        kill_after = None if final else rng.uniform(0.0, 0.9 if early else 0.25)
        run = Run(first, [last] if last is not None else [], kill_after, early)
        _live(tmp_path, db, run, first + FINAL_SALES if final else first + 100_000)
        runs.append(run)
        why = f"seed={SEED}, run {n}: exit {run.returncode}\n{run.stderr}"
        if final:
            assert run.returncode == 0, why
        else:
            assert run.returncode in (0, -signal.SIGKILL), why
        if run.again and run.acks:
            # A sale already acknowledged is only ever replayed.
            assert run.acks[0] == {
                "i": run.again[0],
                "replayed": True,
                "earned": earned_for(run.again[0]),
            }, why
        acked.extend(a["i"] for a in run.acks if a["i"] >= first)

    history = f"seed={SEED}; runs (first, early, kill_after, acks): " + "; ".join(
        f"({r.first}, {r.early}, {r.kill_after and round(r.kill_after, 3)}, {len(r.acks)})"
        for r in runs
    )
    in_flight_committed = sum(
        1 for r in runs[1:] for a in r.acks if a["i"] == r.first and a["replayed"]
    )
    assert acked == list(range(len(acked))), history
    assert len(acked) >= FINAL_SALES, history

    check = subprocess.run(
        [LOYALTY, "--db", str(db), "--json", "check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ,
        timeout=120,
        check=False,
    )
    assert check.returncode == 0, f"{history}\n{check.stdout}{check.stderr}"
    assert json.loads(check.stdout) == {"ok": True, "problems": []}, history

    opened = open_database(db)
    try:
        with opened.engine.connect() as conn:
            stored = dict(conn.execute(select(sales.c.sale_id, sales.c.earned)).all())
            sale_refs = dict(conn.execute(select(sales.c.id, sales.c.sale_id)).all())
            earns = Counter(
                sale_refs[ref]
                for ref in conn.execute(
                    select(movements.c.sale_ref).where(movements.c.kind == "earn")
                ).scalars()
            )
            moves_per_sale = Counter(
                conn.execute(
                    select(movements.c.sale_ref).where(movements.c.sale_ref.is_not(None))
                ).scalars()
            )
            balance = conn.execute(
                select(members.c.balance).where(members.c.member_no == MEMBER_NO)
            ).scalar_one()
            member_count = conn.execute(select(func.count()).select_from(members)).scalar_one()
            events = conn.execute(
                select(outbox.c.device_id, outbox.c.seq, outbox.c.kind, outbox.c.key)
            ).all()
            device_ids = (
                conn.execute(select(settings.c.value).where(settings.c.key == "device_id"))
                .scalars()
                .all()
            )
    finally:
        opened.engine.dispose()

    expected = {f"S{i}": earned_for(i) for i in acked}
    assert stored == expected, f"every acknowledged sale once, nothing else; {history}"
    assert earns == Counter(expected.keys()), f"one earn movement per sale; {history}"
    assert set(moves_per_sale.values()) == {1}, f"no sale moved points twice; {history}"
    assert member_count == 1, f"the member was enrolled once; {history}"
    assert balance == sum(expected.values()), history
    sale_events = Counter(key for _, _, kind, key in events if kind == "sale")
    assert sale_events == Counter(f"sale:{ref}" for ref in sale_refs), (
        f"one event per sale; {history}"
    )
    assert {device for device, _, _, _ in events} == set(device_ids), history
    assert len(device_ids) == 1, history
    assert sorted(seq for _, seq, _, _ in events) == list(range(1, len(events) + 1)), (
        f"outbox numbered 1..n without gaps; {history}"
    )
    print(
        f"{history}\n{len(acked)} sales, {in_flight_committed} committed but unacknowledged at a kill"
    )
