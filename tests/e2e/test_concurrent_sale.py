"""Two tills post the same sale id for the same member at the same moment: it is posted once.

On SQLite the ``loyalty`` command runs in separate processes released together
from a start line; the write lock taken at BEGIN makes the second wait and
then find the sale. On PostgreSQL, threads post through the services; the
second writer runs into the unique sale id, gets ``Conflict``, retries and
returns the first result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
from sqlalchemy import func, select

from loyalty_desktop.app import Opened, open_database
from loyalty_desktop.db.tables import members, movements, outbox, sales
from loyalty_desktop.services import checkout, integrity, programs
from loyalty_desktop.services import members as enrolment
from loyalty_desktop.services.auth import LOCAL_ADMIN
from loyalty_desktop.services.changes import NOTHING
from loyalty_desktop.services.ports import Conflict, UnitOfWork, UnitOfWorkFactory
from tests.conftest import FixedClock
from tests.databases import postgres_database

LOYALTY = str(Path(sys.executable).with_name("loyalty"))
PROGRAM = """\
currency = "CNY"
timezone = "Asia/Shanghai"
[earn]
points = 1
per = "1.00"
"""
ROUNDS = 20
FRESH_ROUNDS = 3  # the first rounds race freshly started processes, the rest two long-lived ones
AT = datetime(2026, 3, 1, tzinfo=UTC)

# A till: imports everything, then for each sale id waits at that round's start line and
# runs the real console script, so the racers reach the database within a millisecond.
TILL = """\
import os, runpy, sys, time
from pathlib import Path
import loyalty_desktop.cli.commands  # the slow part, done before any start line
script, folder, till, db, member, *sale_nos = sys.argv[1:]
for sale_no in sale_nos:
    Path(folder, f"ready-{sale_no}-{till}").touch()
    go = Path(folder, f"go-{sale_no}")
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.0005)
    sys.argv = [script, "--db", db, "--json", "sale", sale_no, "--member", member,
                "--total", "100.00", "--at", "2026-03-01"]
    try:
        runpy.run_path(script, run_name="__main__")
        code = 0
    except SystemExit as exit:
        code = exit.code
    sys.stdout.flush()
    print(f"@@exit {code}", flush=True)
"""


def _shop_with_member(target: Path | str) -> tuple[Opened, str]:
    opened = open_database(target, clock=FixedClock(datetime(2026, 3, 2, tzinfo=UTC)))
    programs.load_program(opened.shop, LOCAL_ADMIN, PROGRAM, "program.toml")
    member = enrolment.enrol(
        opened.shop,
        LOCAL_ADMIN,
        enrolment.NewMember(name="并发测试"),
        datetime(2026, 2, 1, tzinfo=UTC),
    )
    return opened, member.member_no


def _loyalty(db: Path, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [LOYALTY, "--db", str(db), "--json", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _start_till(
    folder: Path, db: Path, member_no: str, till: str, sale_nos: list[str]
) -> subprocess.Popen[str]:
    script = folder / "till.py"
    if not script.exists():
        script.write_text(TILL, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), LOYALTY, str(folder), till, str(db), member_no, *sale_nos],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=os.environ,
    )


def _race(
    folder: Path, tills: dict[str, list[str]], db: Path, member_no: str
) -> dict[str, list[dict[str, Any]]]:
    """Run tills (name → the sale ids it posts, in order); release each sale id when all its tills wait."""
    processes = {name: _start_till(folder, db, member_no, name, ids) for name, ids in tills.items()}
    rounds = list(dict.fromkeys(sale_no for ids in tills.values() for sale_no in ids))
    for sale_no in rounds:
        racing = [name for name, ids in tills.items() if sale_no in ids]
        deadline = time.monotonic() + 60
        while not all((folder / f"ready-{sale_no}-{name}").exists() for name in racing):
            assert time.monotonic() < deadline, f"the tills never reached the start of {sale_no}"
            dead = [name for name in racing if processes[name].poll() is not None]
            assert not dead, f"tills {dead} died before the start of {sale_no}"
            time.sleep(0.001)
        (folder / f"go-{sale_no}").touch()
    results: dict[str, list[dict[str, Any]]] = {sale_no: [] for sale_no in rounds}
    for name, process in processes.items():
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, f"till {name}: exit {process.returncode}\n{out}\n{err}"
        lines = out.splitlines()
        assert len(lines) == 2 * len(tills[name]), f"till {name}: {out}\n{err}"
        for sale_no, printed, status in zip(tills[name], lines[::2], lines[1::2], strict=True):
            assert status == "@@exit 0", f"till {name}, {sale_no}: {printed}\n{err}"
            results[sale_no].append(json.loads(printed))
    return results


def test_two_tills_posting_the_same_sale_at_once_post_it_once(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    opened, member_no = _shop_with_member(db)
    opened.engine.dispose()
    sale_nos = [f"S{i}" for i in range(1, ROUNDS + 1)]

    fresh, looped = sale_nos[:FRESH_ROUNDS], sale_nos[FRESH_ROUNDS:]
    outcomes = _race(
        tmp_path, {f"{till}-{sid}": [sid] for sid in fresh for till in "ab"}, db, member_no
    )
    outcomes |= _race(tmp_path, {"a": looped, "b": looped}, db, member_no)

    for sale_no, (one, two) in outcomes.items():
        assert sorted([one["replayed"], two["replayed"]]) == [False, True], sale_no
        assert {**one, "replayed": None} == {**two, "replayed": None}, f"{sale_no}: {one} != {two}"
        assert one["earned"] == 100, sale_no
    balances = sorted(r["points"] for pair in outcomes.values() for r in pair if not r["replayed"])
    assert balances == [100 * n for n in range(1, ROUNDS + 1)], "each sale earned once, in turn"

    check = _loyalty(db, "check")
    shown = _loyalty(db, "member", "show", member_no, "--at", "2026-03-02")
    assert check == {"ok": True, "problems": []}
    assert shown["points"] == 100 * ROUNDS
    _assert_posted_once(open_database(db), sale_nos, 100)


def _assert_posted_once(opened: Opened, sale_nos: list[str], earned_each: int) -> None:
    """One sale row, one earn movement and one outbox event per sale id; balance = points earned once."""
    try:
        with opened.engine.connect() as conn:
            stored = Counter(conn.execute(select(sales.c.sale_id)).scalars())
            earns = conn.execute(
                select(movements.c.sale_ref, func.count())
                .where(movements.c.kind == "earn")
                .group_by(movements.c.sale_ref)
            ).all()
            balances = conn.execute(select(members.c.balance)).scalars().all()
            sale_events = conn.execute(
                select(func.count()).select_from(outbox).where(outbox.c.kind == "sale")
            ).scalar_one()
            seqs = sorted(conn.execute(select(outbox.c.seq)).scalars())
        report = integrity.check(opened.shop, LOCAL_ADMIN, opened.integrity)
    finally:
        opened.engine.dispose()
    assert stored == Counter(sale_nos)
    assert len(earns) == len(sale_nos)
    assert all(count == 1 for _, count in earns), "a sale has two earn movements"
    assert balances == [earned_each * len(sale_nos)]
    assert sale_events == len(sale_nos)
    assert seqs == list(range(1, len(seqs) + 1))
    assert (report.ok, report.problems) == (True, ())


class _Watched:
    """A unit of work whose first empty look-up of a sale waits until every racer has looked."""

    def __init__(self, unit: UnitOfWork, race: _RacingUnits) -> None:
        self._unit = unit
        self._race = race

    def __getattr__(self, name: str) -> Any:
        if name == "sales":
            return _WatchedSales(self._unit.sales, self._race)
        return getattr(self._unit, name)


class _WatchedSales:
    def __init__(self, sales_repository: Any, race: _RacingUnits) -> None:
        self._sales = sales_repository
        self._race = race

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sales, name)

    def get(self, sale_no: str) -> Any:
        found = self._sales.get(sale_no)
        if found is None and self._race.start_line is not None and not self._race.local.waited:
            self._race.local.waited = True
            self._race.start_line.wait()
        return found


class _RacingUnit:
    def __init__(self, unit: UnitOfWork, race: _RacingUnits) -> None:
        self._unit = unit
        self._race = race

    def __enter__(self) -> Any:
        return _Watched(self._unit.__enter__(), self._race)

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self._unit.__exit__(kind, exc, tb)
        except Conflict:
            self._race.count_conflict()
            raise
        if isinstance(exc, Conflict):
            self._race.count_conflict()


class _RacingUnits:
    """The shop's unit-of-work factory, counting conflicts; optionally holding racers at a start line."""

    def __init__(self, inner: UnitOfWorkFactory, racers: int | None) -> None:
        self.inner = inner
        self.start_line = threading.Barrier(racers, timeout=30) if racers else None
        self.local = threading.local()
        self.conflicts = 0
        self._lock = threading.Lock()

    def __call__(self, *, write: bool = True, durable: bool = True) -> Any:
        if not hasattr(self.local, "waited"):
            self.local.waited = False
        return _RacingUnit(self.inner(write=write, durable=durable), self)

    def count_conflict(self) -> None:
        with self._lock:
            self.conflicts += 1


def _post_together(
    opened: Opened, units: _RacingUnits, sale_no: str, member_no: str, racers: int
) -> list[Any]:
    shop = replace(opened.shop, uow=units)
    request = checkout.SaleRequest(sale_no, member_no, total="100.00", at=AT)
    results: list[Any] = []
    lock = threading.Lock()

    def post() -> None:
        try:
            result: Any = checkout.checkout(shop, LOCAL_ADMIN, request)
        except BaseException as exc:  # reported by the caller's assertion
            result = exc
        with lock:
            results.append(result)

    threads = [threading.Thread(target=post, daemon=True) for _ in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(results) == racers, "a racer hung"
    return results


@pytest.fixture
def pg_shop(pg_url: str) -> Iterator[tuple[Opened, str]]:
    with postgres_database(pg_url) as database:
        opened, member_no = _shop_with_member(database.target)
        database.opened.append(opened)
        yield opened, member_no


@pytest.mark.postgres
def test_on_postgres_the_second_writer_hits_the_unique_key_and_returns_the_first_result(
    pg_shop: tuple[Opened, str],
) -> None:
    opened, member_no = pg_shop
    sale_nos = [f"PG{i}" for i in range(1, 6)]
    for n, sale_no in enumerate(sale_nos, start=1):
        # Both racers look for the sale before either posts it: the loser can only learn
        # of the winner from the unique key.
        units = _RacingUnits(opened.shop.uow, racers=2)
        results = _post_together(opened, units, sale_no, member_no, 2)
        failures = [r for r in results if isinstance(r, BaseException)]
        assert failures == []
        assert units.conflicts == 1, f"{sale_no}: the loser must go through Conflict and retry"
        first, again = sorted(results, key=lambda r: r.replayed)
        assert (first.replayed, again.replayed) == (False, True)
        assert replace(again, replayed=False, changes=first.changes) == first
        assert first.points == 100 * n
    _assert_posted_once(open_database(opened.location), sale_nos, 100)


@pytest.mark.postgres
def test_on_postgres_many_tills_racing_post_each_sale_once(pg_shop: tuple[Opened, str]) -> None:
    opened, member_no = pg_shop
    racers = 4
    sale_nos = [f"FREE{i}" for i in range(1, ROUNDS + 1)]
    conflicts = 0
    for sale_no in sale_nos:
        units = _RacingUnits(opened.shop.uow, racers=None)
        results = _post_together(opened, units, sale_no, member_no, racers)
        failures = [r for r in results if isinstance(r, BaseException)]
        assert failures == []
        assert sum(not r.replayed for r in results) == 1, sale_no
        assert len({replace(r, replayed=False, changes=NOTHING) for r in results}) == 1
        conflicts += units.conflicts
    _assert_posted_once(open_database(opened.location), sale_nos, 100)
    print(f"free race: {conflicts} conflicts retried in {ROUNDS} rounds of {racers} tills")
