"""Careless input and a sick machine get clear refusals, never a traceback and never a member's data echoed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event

from loyalty_desktop.cli.main import run
from loyalty_desktop.db import engine as engines
from loyalty_desktop.services import import_sales
from tests.e2e.conftest import Loyalty, db_fingerprint, run_script


@pytest.fixture
def member(shop_cli: Loyalty) -> str:
    code, _added = shop_cli(
        "member", "add", "--name", "秘密的名字", "--phone", "13912345678", "--member-no", "M1"
    )
    assert code == 0
    return "M1"


def test_an_argument_that_is_not_utf8_is_wrong_usage(shop_cli: Loyalty, member: str) -> None:
    bad = b"goodwill \xff".decode("utf-8", "surrogateescape")  # what Python makes of such bytes
    code, refused = shop_cli("adjust", member, "5", "--reason", bad, "--request-id", "Q1")
    assert (code, refused["error"]) == (2, "usage")
    assert "argument" in refused["message"]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["report", "liability", "--horizon-days", "3000000"], "invalid_request"),
        (["sale", "S1", "--member", "M1", "--line", "A,1,1,c,0,extra"], "invalid_request"),
        (["program", "load", "/dev/zero"], "bad_file"),
        (["program", "load", "/dev/stdin"], "bad_file"),
        (["import", "members", "/dev/zero"], "bad_file"),
    ],
)
def test_out_of_range_or_endless_input_is_refused(
    shop_cli: Loyalty, member: str, db_path: Path, args: list[str], error: str
) -> None:
    before = db_fingerprint(db_path)
    code, refused = shop_cli(*args, stdin="")
    assert (code, refused["error"]) == (1, error), refused
    assert db_fingerprint(db_path) == before


def test_a_database_in_a_folder_that_does_not_exist_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder" / "shop.db"
    done = run_script("--db", str(missing), "--json", "init")
    assert done.returncode == 1, done.stderr
    assert '"no_such_folder"' in done.stdout
    assert not missing.parent.exists(), "a typo must not create folders and an empty shop"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("where", ["name too long", "folder that refuses files"])
def test_a_database_file_that_cannot_be_made_is_a_refusal_not_a_traceback(
    tmp_path: Path, where: str
) -> None:
    if where == "name too long":  # a paragraph pasted into the path
        target = tmp_path / ("店" * 200 + ".db")
    else:  # /proc takes no new files, even from root (a read-only stick does the same)
        if not Path("/proc/self").is_dir():
            pytest.skip("no /proc on this system")
        target = Path("/proc/loyalty-shop.db")
    done = run_script("--db", str(target), "--json", "init")
    assert done.returncode == 1, done.stderr
    assert '"database_not_created"' in done.stdout, done.stdout
    assert "Traceback" not in done.stderr


def test_a_database_url_without_its_driver_is_refused_without_the_password() -> None:
    done = run_script("--db", "postgresql+pg8000://shop:s3cret@127.0.0.1/shop", "--json", "check")
    assert done.returncode == 1
    assert '"no_driver"' in done.stdout
    assert "s3cret" not in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_damaged_page_makes_check_fail_with_exit_1_not_a_traceback(
    shop_cli: Loyalty, member: str, db_path: Path
) -> None:
    for i in range(300):  # enough members that the table spans many pages
        shop_cli("member", "add", "--name", f"会员{i}")
    with sqlite3.connect(db_path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("select rootpage from sqlite_master where name = 'members'").fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with db_path.open("r+b") as raw:
        raw.seek((root[0] - 1) * page_size)  # the members table's root page, header and all
        raw.write(b"\x7f" * page_size)
    done = run_script("--db", str(db_path), "--json", "check")
    assert done.returncode == 1, done.stdout + done.stderr
    assert '"ok": false' in done.stdout
    assert "Traceback" not in done.stderr


def _with_pragma(monkeypatch: pytest.MonkeyPatch, pragma: str) -> None:
    """Open every database with a pragma that makes SQLite itself refuse writes."""
    real: Callable[..., Engine] = engines.make_engine

    def make(url: str, **kw: Any) -> Engine:
        engine = real(url, **kw)

        @event.listens_for(engine, "connect")
        def _limit(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.execute(pragma)

        return engine

    monkeypatch.setattr("loyalty_desktop.app.make_engine", make)


def test_a_read_only_database_is_a_refusal_that_echoes_nothing(
    shop_cli: Loyalty, member: str, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = db_fingerprint(db_path)
    _with_pragma(monkeypatch, "PRAGMA query_only=ON")
    code, refused = shop_cli(
        "member", "add", "--name", "另一个秘密", "--phone", "13700001111", "--member-no", "M2"
    )
    assert (code, refused["error"]) == (1, "database_read_only"), refused
    for secret in ("另一个秘密", "13700001111", "INSERT", "members"):
        assert secret not in refused["message"]
    code, shown = shop_cli("member", "show", member)
    assert (code, shown["name"]) == (0, "秘密的名字"), "a read-only database still answers"
    monkeypatch.undo()
    assert db_fingerprint(db_path) == before


def test_a_full_disk_is_a_refusal_that_echoes_nothing(
    shop_cli: Loyalty, member: str, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = "".join(f"N{i},秘密会员{i},1370000{i:04d},,,\n" for i in range(3000))
    path = tmp_path / "members.csv"
    path.write_text("member_no,name,phone,email,birthday,consent\n" + rows, encoding="utf-8")
    before = db_fingerprint(db_path)
    with sqlite3.connect(db_path) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    _with_pragma(monkeypatch, f"PRAGMA max_page_count={pages + 2}")  # the disk is nearly full
    code, refused = shop_cli("import", "members", str(path))
    assert (code, refused["error"]) == (1, "disk_full"), refused
    assert "秘密会员" not in refused["message"]
    monkeypatch.undo()
    assert db_fingerprint(db_path) == before


def _member_state(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return (
            conn.execute(
                "select member_no, balance, lifetime_spend, points_earned, tier from members"
                " order by member_no"
            ).fetchall()
            + conn.execute(
                "select sale_id, net, paid, earned, points_after from sales order by sale_id"
            ).fetchall()
        )


def test_ctrl_c_during_an_import_keeps_whole_chunks_and_a_rerun_finishes_it(
    shop_cli: Loyalty,
    member: str,
    db_path: Path,
    program_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = "".join(f"S{i:02},M1,2026-01-0{1 + i // 6} 1{i % 6}:00:00,A,1,10,\n" for i in range(50))
    path = tmp_path / "sales.csv"
    path.write_text("sale_id,member_ref,at,sku,qty,unit_price,category\n" + rows, encoding="utf-8")
    real = import_sales.record_sale
    posted = []

    def interrupted(*args: Any, **kw: Any) -> Any:
        posted.append(1)
        if len(posted) == 25:
            raise KeyboardInterrupt
        return real(*args, **kw)

    monkeypatch.setattr(import_sales, "MAX_CHUNK_SALES", 10)
    monkeypatch.setattr(import_sales, "record_sale", interrupted)
    code, refused = shop_cli("import", "sales", str(path))
    assert (code, refused["error"]) == (130, "interrupted")
    assert "run the same import again" in refused["message"]
    with sqlite3.connect(db_path) as conn:  # two chunks of 10 committed, the third rolled back
        assert conn.execute("select count(*) from sales").fetchone() == (20,)
    assert shop_cli("check")[0] == 0

    monkeypatch.setattr(import_sales, "record_sale", real)
    code, again = shop_cli("import", "sales", str(path))
    assert (code, again["imported"], again["skipped"]) == (0, 30, 20)
    # The same file imported in one go into a fresh copy of the shop ends the same.
    fresh = tmp_path / "fresh" / "shop.db"
    fresh.parent.mkdir()
    for args in (
        ["init", "--program", str(program_file)],
        ["member", "add", "--name", "秘密的名字", "--phone", "13912345678", "--member-no", "M1"],
        ["import", "sales", str(path)],
    ):
        assert run(["--db", str(fresh), "--json", *args]) == 0
    assert _member_state(fresh) == _member_state(db_path)


def test_report_sums_beyond_64_bits_are_a_refusal(
    shop_cli: Loyalty, member: str, db_path: Path
) -> None:
    shop_cli("sale", "S1", "--member", member, "--total", "10.00")
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("select * from sales where sale_id = 'S1'").fetchone()
        names = [d[0] for d in conn.execute("select * from sales").description]
        for i in range(6):  # six sales of 2 × 10^18 fen: no single value overflows, their sum does
            values = dict(zip(names, row, strict=True))
            values.update(id=f"x{i}", sale_id=f"BIG{i}", net=2 * 10**18, paid=2 * 10**18)
            conn.execute(
                f"insert into sales ({','.join(values)}) values ({','.join('?' * len(values))})",
                list(values.values()),
            )
    code, refused = shop_cli("report", "kpis")
    assert (code, refused["error"]) == (1, "too_large"), refused


def test_a_line_discount_is_the_fifth_field_of_a_sale_line(shop_cli: Loyalty, member: str) -> None:
    code, sold = shop_cli("sale", "S1", "--member", member, "--line", "TEA,2,30.00,,5.00")
    assert code == 0, sold
    assert sold["paid"] == "55.00"
    code, plain = shop_cli("sale", "S0", "--member", member, "--total", "55.00")
    assert sold["earned"] == plain["earned"]  # the discount earns nothing
    code, refused = shop_cli("sale", "S2", "--member", member, "--line", "TEA,1,30.00,,31")
    assert (code, refused["error"]) == (1, "invalid_request")
    assert "more than the line" in refused["message"]
