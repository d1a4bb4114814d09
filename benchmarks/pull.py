"""Applying the chain's change log at a till: as it runs, each change in a savepoint, own changes.

Builds, in memory, a log of ``--members`` members of another store, each enrolled and
then credited ``--moves`` times (one change per movement, as pushes log them: 2,200
changes for 200 × 10), and pulls it into a fresh till file in pages of 500:

- ``pull``: ``services.pull.pull`` as the till runs it (a page whose changes all apply
  is one transaction, no savepoints), the baseline;
- ``careful``: every page applied with each change in a savepoint of its own (what a
  page holding a change the till cannot apply costs, after its first try rolled back);
- ``again as own``: the same log read again from cursor 0 with the changes named as
  this store's own (every movement already here: what a till that lost nothing pays
  for applying own changes, attack finding 2).

Rounds alternate between the variants in one process, each on a fresh copy of one
template file; p50/p95 in milliseconds and the ratio to the baseline's p50.

Usage::

    .venv/bin/python benchmarks/pull.py                    # 200 members × 10 moves, 9 rounds
    .venv/bin/python benchmarks/pull.py --members 50 --rounds 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from loyalty_desktop.app import open_database
from loyalty_desktop.services import pull, sync

OTHER = "store-other"


class Log:
    """The change log in memory, answering pages as the server does."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def changes(self, after: int, limit: int) -> tuple[list[Mapping[str, Any]], int]:
        """The page after ``after`` and its last position."""
        page = [r for r in self.rows if r["pos"] > after][:limit]
        return page, page[-1]["pos"] if page else after


def _log(members: int, moves: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i in range(members):
        member_id = str(uuid.uuid4())
        for j in range(moves + 1):
            movement = {
                "id": str(uuid.uuid4()),
                "kind": "adjust",
                "points": 10,
                "at": "2026-01-05T10:00:00+00:00",
                "lots": [{"id": str(uuid.uuid4()), "points": 10, "expires_at": None}],
                "allocations": [],
                "server": False,
            }
            rows.append(
                {
                    "pos": len(rows) + 1,
                    "kind": "member",
                    "store_id": OTHER,
                    "member_id": member_id,
                    "member_no": f"102{i + 1:06d}",
                    "status": "active",
                    "consent": False,
                    "created_at": "2026-01-05T10:00:00+00:00",
                    "movements": [movement] if j else [],
                }
            )
    return rows


def _careful(real: Any, *args: Any) -> Any:
    return real(*args[:-1], True)


def _round(template: Path, work: Path, log: Log, variant: str) -> float:
    shutil.copyfile(template, work)
    opened = open_database(work, keys_dir=work.parent / "keys")
    try:
        if variant == "again as own":
            pull.pull(opened.shop, log, "this-store")
            with opened.shop.uow() as uow:
                uow.settings.set(sync.PULL_CURSOR, "")
                uow.commit()
        real = pull._commit_page
        if variant == "careful":
            pull._commit_page = partial(_careful, real)  # type: ignore[assignment]
        try:
            own = OTHER if variant == "again as own" else "this-store"
            started = time.perf_counter()
            report = pull.pull(opened.shop, log, own)
            took = time.perf_counter() - started
        finally:
            pull._commit_page = real
        assert report.skipped == 0
        return took
    finally:
        opened.engine.dispose()


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--moves", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    log = Log(_log(args.members, args.moves))
    variants = ("pull", "careful", "again as own")
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template.db"
        open_database(template, keys_dir=Path(tmp) / "keys").engine.dispose()
        times: dict[str, list[float]] = {v: [] for v in variants}
        for _ in range(args.rounds):
            for variant in variants:
                times[variant].append(_round(template, Path(tmp) / "work.db", log, variant))
    base = float(np.percentile(times["pull"], 50))
    print(f"{len(log.rows)} changes, {args.rounds} rounds, load average {os.getloadavg()[0]:.1f}")
    for variant in variants:
        p50, p95 = (float(np.percentile(times[variant], q)) for q in (50, 95))
        print(
            f"{variant:>14}: p50 {p50 * 1000:7.0f} ms  p95 {p95 * 1000:7.0f} ms  x{p50 / base:.2f}"
        )


if __name__ == "__main__":
    main()
