"""``loyalty receipt``: the receipt of a posted sale shown, saved as printer bytes, or sent to a printer."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from pathlib import Path

import pytest

from loyalty_desktop.cli.main import run
from loyalty_desktop.printing.text_columns import text_width
from tests import printers
from tests.e2e.conftest import Loyalty, days_ago

INIT_CHINESE = b"\x1b@\x1c&"
COLA_GBK = b"\xbf\xc9\xbf\xda\xbf\xc9\xc0\xd6"  # 可口可乐 in GB 2312


@pytest.fixture
def sold(shop_cli: Loyalty) -> Loyalty:
    """A shop with sale S-1 to member 10000001: two colas from the catalogue and a loose item."""
    code, member = shop_cli("member", "add", "--name", "张三", "--at", days_ago(30))
    assert (code, member["member_no"]) == (0, "10000001")
    code, _ = shop_cli("product", "add", "COLA", "--name", "可口可乐 330ml", "--price", "3.50")
    assert code == 0
    monday = days_ago(3, weekday=0, time="10:05:00")  # no double-points weekend
    basket = ["--line", "COLA,2,3.50", "--line", "BAN,1,6.00"]
    code, sale = shop_cli("sale", "S-1", "--member", "10000001", *basket, "--at", monday)
    assert code == 0, sale
    assert (sale["paid"], sale["earned"]) == ("13.00", 13)
    return shop_cli


def test_the_receipt_lines_come_back_as_json(sold: Loyalty) -> None:
    code, out = sold("receipt", "S-1", "--paper", "58")
    assert code == 0
    assert out["sale_id"] == "S-1"
    lines = out["lines"]
    assert lines[0] == "          好邻居便利店"  # the programme's shop name heads it
    assert "可口可乐 330ml" in lines
    assert "  2 x 3.50                  7.00" in lines
    assert "BAN                         6.00" in lines
    assert "Total paid               ￥13.00" in lines
    assert "Points balance                13" in lines
    assert "Member                  ****0001" in lines
    assert all(text_width(line) <= 32 for line in lines)


def test_the_receipt_in_chinese_for_an_80_mm_printer(sold: Loyalty) -> None:
    code, out = sold("receipt", "S-1", "--language", "zh_CN")
    assert code == 0
    assert "实付金额                                 ￥13.00" in out["lines"]


def test_without_json_the_receipt_is_printed_as_text(
    sold: Loyalty, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--db", str(db_path), "receipt", "S-1", "--paper", "58"]) == 0
    text = capsys.readouterr().out
    assert "Total paid               ￥13.00\n" in text
    assert text.splitlines()[-1] == "           Thank you!"


def test_an_unknown_sale_is_refused(sold: Loyalty) -> None:
    code, out = sold("receipt", "S-404")
    assert code == 1
    assert (out["error"], out["reason"], out["sale_id"]) == (
        "unknown_sale",
        "unknown_sale",
        "S-404",
    )
    assert out["message"]


def test_out_writes_the_printer_bytes_and_never_overwrites_without_force(
    sold: Loyalty, tmp_path: Path
) -> None:
    target = tmp_path / "s1.bin"
    code, out = sold("receipt", "S-1", "--out", str(target), "--encoding", "gbk", "--paper", "58")
    assert code == 0
    assert (out["file"], out["encoding"], out["paper"]) == (str(target), "gbk", 58)
    data = target.read_bytes()
    assert out["bytes"] == len(data)
    assert data.startswith(INIT_CHINESE)
    assert COLA_GBK in data
    assert b"\xa3\xa413.00" in data  # ￥13.00
    assert b"\x1d(k\x06\x001P0S-1" in data  # the QR code stores the sale id
    assert data.endswith(b"\x1dVB\x00")

    target.write_bytes(b"kept")
    code, out = sold("receipt", "S-1", "--out", str(target))
    assert (code, out["error"]) == (1, "file_exists")
    assert target.read_bytes() == b"kept"
    code, _ = sold("receipt", "S-1", "--out", str(target), "--force", "--no-qr")
    assert code == 0
    assert b"\x1d(k" not in target.read_bytes()


def test_out_never_writes_over_the_database(sold: Loyalty, db_path: Path) -> None:
    before = db_path.read_bytes()[:100]
    code, out = sold("receipt", "S-1", "--out", str(db_path), "--force")
    assert (code, out["error"]) == (1, "protected_file")
    assert db_path.read_bytes()[:100] == before


def test_raster_receipts_are_a_picture(sold: Loyalty, tmp_path: Path) -> None:
    target = tmp_path / "raster.bin"
    code, _ = sold("receipt", "S-1", "--encoding", "raster", "--paper", "80", "--out", str(target))
    assert code == 0
    data = target.read_bytes()
    assert data.startswith(INIT_CHINESE + b"\x1dv0\x00\x48\x00")  # 72 bytes: 576 dots
    assert COLA_GBK not in data


def test_print_to_a_file_path_gives_it_the_same_bytes_as_out(sold: Loyalty, tmp_path: Path) -> None:
    saved, printed = tmp_path / "saved.bin", tmp_path / "printer.bin"
    assert sold("receipt", "S-1", "--out", str(saved))[0] == 0
    code, out = sold("receipt", "S-1", "--print", str(printed))
    assert (code, out["printed"]) == (0, str(printed))
    assert printed.read_bytes() == saved.read_bytes()


@pytest.fixture
def network_printer() -> Iterator[tuple[str, queue.Queue[bytes]]]:
    """A raw printer on a free local port: its tcp:// address and the jobs it received."""
    with printers.network_printer() as found:
        yield found


def test_print_to_a_network_printer_sends_the_receipt(
    sold: Loyalty, tmp_path: Path, network_printer: tuple[str, queue.Queue[bytes]]
) -> None:
    address, jobs = network_printer
    saved = tmp_path / "saved.bin"
    assert sold("receipt", "S-1", "--paper", "58", "--out", str(saved))[0] == 0
    code, out = sold("receipt", "S-1", "--paper", "58", "--print", address)
    assert (code, out["printed"], out["bytes"]) == (0, address, saved.stat().st_size)
    assert jobs.get(timeout=10) == saved.read_bytes()


def test_print_to_a_printer_that_is_off_says_so(sold: Loyalty) -> None:
    port = printers.dead_port()
    code, out = sold("receipt", "S-1", "--print", f"tcp://127.0.0.1:{port}")
    assert code == 1
    assert (out["error"], out["reason"]) == ("printer_unavailable", "printer_refused")
    assert f"127.0.0.1:{port}" in out["message"]


def test_a_header_set_once_heads_every_receipt(sold: Loyalty) -> None:
    code, out = sold("receipt-header", "Good Neighbour\n电话 010-1234")
    assert (code, out["header"]) == (0, "Good Neighbour\n电话 010-1234")
    _, receipt = sold("receipt", "S-1", "--paper", "58")
    assert receipt["lines"][:3] == ["         Good Neighbour", "         电话 010-1234", ""]
    code, out = sold("receipt-header", "x" * 301)
    assert (code, out["reason"]) == (1, "receipt_header_long")
