"""Receipt bytes reach a network printer, a device or a file; a printer that is not there is a clear refusal."""

from __future__ import annotations

import os
import queue
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from loyalty_desktop.domain.errors import BadFile
from loyalty_desktop.printing.printer_port import PrinterUnavailable, send_to_printer
from tests.printers import dead_port, network_printer

JOB = b"\x1b@\x1c&\xbf\xc9\xc0\xd6\n\x1dVB\x00"


@pytest.fixture
def printer() -> Iterator[tuple[str, queue.Queue[bytes]]]:
    """A raw printer on a free local port: its tcp:// address and the jobs it received."""
    with network_printer() as found:
        yield found


def test_a_network_printer_receives_the_whole_job(printer: tuple[str, queue.Queue[bytes]]) -> None:
    address, jobs = printer
    send_to_printer(JOB, address)
    send_to_printer(JOB * 2, address)
    assert [jobs.get(timeout=10), jobs.get(timeout=10)] == [JOB, JOB * 2]


def test_a_printer_that_is_off_is_refused_by_name_not_a_traceback() -> None:
    port = dead_port()
    with pytest.raises(PrinterUnavailable) as refused:
        send_to_printer(JOB, f"tcp://127.0.0.1:{port}")
    assert refused.value.reason == "printer_refused"
    assert f"127.0.0.1:{port}" in refused.value.message


def test_a_printer_that_stops_reading_times_out_instead_of_hanging_the_till() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # connections complete, but nobody ever reads
        port = listener.getsockname()[1]
        with pytest.raises(PrinterUnavailable) as refused:
            send_to_printer(b"x" * 64 * 1024**2, f"tcp://127.0.0.1:{port}", timeout=0.3)
    assert refused.value.reason == "printer_timeout"
    assert refused.value.details["seconds"] == "0.3"


@pytest.mark.parametrize("target", ["tcp://", "tcp://:9100", "tcp://host:99999", "tcp://h/x", " "])
def test_a_target_that_names_no_printer_is_refused(target: str) -> None:
    with pytest.raises(PrinterUnavailable) as refused:
        send_to_printer(JOB, target)
    assert refused.value.reason == "printer_target_invalid"


def test_a_file_standing_in_for_a_printer_takes_each_job_after_the_last(tmp_path: Path) -> None:
    path = tmp_path / "printer.bin"
    send_to_printer(JOB, str(path))
    send_to_printer(b"second", str(path))
    assert path.read_bytes() == JOB + b"second"


def test_an_unplugged_usb_printer_is_named(tmp_path: Path) -> None:
    with pytest.raises(PrinterUnavailable) as refused:
        send_to_printer(JOB, "/dev/usb/lp9")
    assert refused.value.reason == "printer_not_found"
    with pytest.raises(PrinterUnavailable) as missing_folder:
        send_to_printer(JOB, str(tmp_path / "no" / "such" / "folder.bin"))
    assert missing_folder.value.reason == "printer_failed"


def test_the_shops_database_and_key_files_never_take_a_print_job(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    keys = tmp_path / "card-keys.json"
    keys.write_text("{}", encoding="utf-8")
    with pytest.raises(BadFile):
        send_to_printer(JOB, str(db))  # a database, even unnamed
    with pytest.raises(BadFile):
        send_to_printer(JOB, str(tmp_path / "anything.txt"), protected=[tmp_path / "anything.txt"])
    with pytest.raises(BadFile):
        send_to_printer(JOB, str(keys))
    assert keys.read_text(encoding="utf-8") == "{}"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_device_nobody_reads_times_out(tmp_path: Path) -> None:
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    with pytest.raises(PrinterUnavailable) as refused:
        send_to_printer(JOB, str(fifo))  # no reader at all: not ready
    assert refused.value.reason == "printer_not_ready"
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader that never reads
    try:
        with pytest.raises(PrinterUnavailable) as stuck:
            send_to_printer(b"x" * 1024**2, str(fifo), timeout=0.2)
    finally:
        os.close(reader)
    assert stuck.value.reason == "printer_timeout"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_device_gets_the_whole_job(tmp_path: Path) -> None:
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        send_to_printer(JOB, str(fifo))
        assert os.read(reader, 1024) == JOB
    finally:
        os.close(reader)


def _shop_files(tmp_path: Path) -> list[Path]:
    """A shop's own files, each with what it holds, in a folder of their own."""
    shop = tmp_path / "shop"
    shop.mkdir()
    files = [shop / "shop.db-wal", shop / "card-keys.json", shop / "audit-heads.json.1"]
    for number, file in enumerate(files):
        file.write_bytes(b"kept %d" % number)
    return files


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_symbolic_link_to_a_protected_file_takes_no_print_job(tmp_path: Path) -> None:
    for kept in _shop_files(tmp_path):
        link = tmp_path / f"printer-{kept.name}.bin"
        link.symlink_to(kept)
        before = kept.read_bytes()
        with pytest.raises(BadFile) as refused:
            send_to_printer(JOB, str(link), protected=[kept])
        assert refused.value.code == "protected_file"
        assert kept.read_bytes() == before


def test_a_hard_link_to_a_protected_file_takes_no_print_job(tmp_path: Path) -> None:
    for kept in _shop_files(tmp_path):
        link = tmp_path / f"till-printer-{kept.stem}"  # a name that says nothing
        os.link(kept, link)
        before = kept.read_bytes()
        with pytest.raises(BadFile) as refused:
            send_to_printer(JOB, str(link), protected=[kept])
        assert refused.value.code == "protected_file"
        assert kept.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_link_to_a_file_named_as_the_shops_is_refused_even_unlisted(tmp_path: Path) -> None:
    """Where the caller lists no protected files, the name a symbolic link leads to still counts."""
    for kept in _shop_files(tmp_path):
        link = tmp_path / "receipts.out"
        link.unlink(missing_ok=True)
        link.symlink_to(kept)
        with pytest.raises(BadFile):
            send_to_printer(JOB, str(link))
        assert kept.read_bytes().startswith(b"kept")


@pytest.mark.parametrize(
    "name", ["CARD-KEYS.JSON", "Audit-Heads.json.2", "shop.db-WAL", "x.DB-Journal"]
)
def test_the_shops_file_names_take_no_print_job_in_any_letter_case(
    tmp_path: Path, name: str
) -> None:
    with pytest.raises(BadFile):
        send_to_printer(JOB, str(tmp_path / name))
    assert not (tmp_path / name).exists()


def test_other_files_still_take_print_jobs_beside_protected_ones(tmp_path: Path) -> None:
    kept = _shop_files(tmp_path)
    path = tmp_path / "printer.bin"
    send_to_printer(JOB, str(path), protected=kept)
    send_to_printer(JOB, str(path), protected=kept)
    assert path.read_bytes() == JOB * 2


@pytest.mark.parametrize(
    "target",
    ["printer\x00.bin", "/dev/usb/lp0\n/home/shop/loyalty.db", "lp\u2028x", "tcp://h\x1b:9100"],
)
def test_a_target_with_a_control_character_names_no_printer(tmp_path: Path, target: str) -> None:
    with pytest.raises(PrinterUnavailable) as refused:
        send_to_printer(JOB, str(tmp_path / target))
    assert refused.value.reason == "printer_target_invalid"
    assert "\\x00" in refused.value.message or "\x00" not in target
    assert list(tmp_path.iterdir()) == []


def test_a_block_device_is_refused_before_it_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = tmp_path / "sdb"
    disk.write_bytes(b"\0" * 512)
    real_stat = os.stat

    def as_block_device(path: object, *args: object, **kwargs: object) -> os.stat_result:
        found = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        if Path(str(path)) == disk:
            return os.stat_result([stat.S_IFBLK | 0o660, *list(found)[1:]])
        return found

    monkeypatch.setattr(os, "stat", as_block_device)
    with pytest.raises(PrinterUnavailable) as refused:
        send_to_printer(JOB, str(disk))
    assert refused.value.reason == "printer_target_invalid"
    assert "disk" in refused.value.message
    assert disk.read_bytes() == b"\0" * 512


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="a POSIX character device")
def test_a_character_device_is_still_a_printer() -> None:
    send_to_printer(JOB, "/dev/null")  # as /dev/usb/lp0 is
