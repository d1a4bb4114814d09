# ruff: noqa: D205, D301, PT018  (findings are described in prose, one paragraph each)
"""Attacks on the till's receipt printer target (review branch ``attack``): each test is a finding.

The command line passes the shop's own files (``Opened.protected_files()``: the database, its
-wal/-shm/-journal, backups, ``card-keys.json`` and ``audit-heads.json``) to ``send_to_printer``;
the till's ``ReceiptDesk.print_receipt`` passes nothing, so only the name check
(``output_files.kept_for_itself``, on the name as typed) and the SQLite-header sniff stand
between a printer target and the shop's files. Any other name for the same file gets through.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from loyalty_desktop.app import Opened
from loyalty_desktop.domain.errors import LoyaltyError
from loyalty_desktop.keyfiles import KEY_FILE
from loyalty_desktop.printing import printer_port
from loyalty_desktop.ui.main_window import MainWindow
from loyalty_desktop.ui.preferences import TillPreferences, load_preferences
from loyalty_desktop.ui.screens.checkout import CheckoutScreen
from tests.ui.conftest import MEMBER_NO, signed_in


def _sell(qtbot: QtBot, till: CheckoutScreen) -> None:
    till.find_member(MEMBER_NO)
    qtbot.waitUntil(lambda: till.member is not None)
    till.sku.setText("TEA")
    till.price.setText("30.00")
    till.add_line()
    qtbot.waitUntil(lambda: till.quoted is not None)
    till.complete_sale()
    qtbot.waitUntil(lambda: till.receipts.view.receipt is not None)


def _print(qtbot: QtBot, window: MainWindow, target: str) -> str:
    """A manager (Ada) points this till's printer at ``target``; a sale; F8. The status line."""
    window.preferences = TillPreferences(printer=target)
    till = signed_in(qtbot, window, "Ada")
    _sell(qtbot, till)
    till.receipts.print_receipt()
    qtbot.waitUntil(lambda: not till.receipts.printing, timeout=10_000)
    return till.receipts.view.status.text()


def test_a_printer_target_linked_to_the_card_key_file_does_not_append_to_it(
    qtbot: QtBot, window: MainWindow, staffed: Opened, tmp_path: Path
) -> None:
    """``printer.bin`` → ``keys/card-keys.json`` (a symlink, or a hard link, or on Windows
    ``CARD-KEYS.JSON``): the receipt's ESC/POS bytes are appended to the key file, and the shop
    no longer opens ("key file damaged"): every card and the audit seal are gone until restored.
    """
    keys = staffed.keys_dir / KEY_FILE
    before = keys.read_bytes()
    link = tmp_path / "printer.bin"
    link.symlink_to(keys)
    _print(qtbot, window, str(link))
    assert keys.read_bytes() == before, "the receipt was appended to card-keys.json"


def test_a_printer_target_linked_to_the_write_ahead_log_does_not_append_to_it(
    qtbot: QtBot, window: MainWindow, staffed: Opened, tmp_path: Path
) -> None:
    """``receipts.out`` → ``shop.db-wal``: the WAL has no "SQLite format 3" header, so the sniff
    misses it, and its name is not the typed name. The receipt is appended to the live log.
    """
    assert staffed.path is not None
    wal = staffed.path.with_name(staffed.path.name + "-wal")
    link = tmp_path / "receipts.out"
    link.symlink_to(wal)
    _print(qtbot, window, str(link))
    assert b"\x1b@" not in wal.read_bytes(), "the receipt was written into the database's -wal"


def test_the_shop_still_opens_after_a_receipt_printed_to_a_hard_link_of_its_head_file(
    qtbot: QtBot, window: MainWindow, staffed: Opened, tmp_path: Path
) -> None:
    """The same with a hard link to ``audit-heads.json`` (``os.path.samefile`` would catch it if
    the till passed ``protected``): afterwards ``open_database`` refuses or ``check`` fails.
    """
    heads = next(staffed.keys_dir.glob("audit-heads.json*"))
    link = tmp_path / "till-printer"
    os.link(heads, link)
    before = heads.read_bytes()
    _print(qtbot, window, str(link))
    assert heads.read_bytes() == before, "the receipt was appended to audit-heads.json"


def test_a_block_device_is_not_taken_for_a_file_to_append_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``_send_path`` treats character devices and FIFOs as printers and everything else as a
    file to append to: a block device (``/dev/sda``, ``/dev/nvme0n1p2``, a USB stick) gets the
    receipt appended. Linux happens to refuse appending past a block device's end (ENOSPC), but
    the target should be refused as "not a printer" before anything is opened. Simulated with a
    stat that says "block device" for a scratch file, so no disk is touched.
    """
    fake = tmp_path / "sda"
    fake.write_bytes(b"\xeb\x63\x90" + b"\0" * 509)  # a boot sector's first bytes
    real_stat = os.stat

    def as_block_device(path: object, *args: object, **kwargs: object) -> os.stat_result:
        found = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        if Path(str(path)) == fake:
            fields = list(found)
            fields[0] = stat.S_IFBLK | 0o660
            return os.stat_result(fields)
        return found

    monkeypatch.setattr(printer_port.os, "stat", as_block_device)
    with pytest.raises(LoyaltyError):
        printer_port.send_to_printer(b"\x1b@receipt", str(fake))
    assert fake.stat().st_size == 512


def test_a_printer_target_with_a_nul_from_a_damaged_settings_file_is_said_plainly(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """``load_preferences`` keeps any string as the printer target. One with a NUL (a settings
    file damaged by hand or by a crash) makes ``os.stat`` raise ``ValueError``, which is no
    ``OSError``: the cashier reads "something went wrong inside the program (ValueError)" instead
    of "no printer at ...", and the settings screen shows the NUL as nothing.
    """
    status = _print(qtbot, window, str(tmp_path / "printer\x00.bin"))
    assert "ValueError" not in status and "inside the program" not in status, status


def test_damaged_settings_never_give_a_printer_target_with_control_characters(
    tmp_path: Path,
) -> None:
    """A hand-edited or damaged ``printer/target`` with a newline or NUL in the middle survives
    ``load_preferences`` (only its ends are stripped); it should fall back to "no printer".
    """
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "till.ini"), QSettings.Format.IniFormat)
    settings.setValue("printer/target", "/dev/usb/lp0\n/home/shop/loyalty.db")
    settings.sync()
    loaded = load_preferences(settings)
    assert loaded.printer.isprintable(), repr(loaded.printer)


@pytest.mark.parametrize("name", ["CARD-KEYS.JSON", "Audit-Heads.json", "shop.db-WAL"])
def test_the_shops_file_names_are_refused_in_any_letter_case(tmp_path: Path, name: str) -> None:
    """Windows and macOS file systems ignore case: ``C:\\ProgramData\\...\\CARD-KEYS.JSON`` is the
    key file, but ``kept_for_itself`` compared names case-sensitively, so the name check lets it
    through (and the till passes no ``protected`` list that would compare the files themselves).
    """
    from loyalty_desktop.domain.errors import BadFile
    from loyalty_desktop.output_files import check_target

    with pytest.raises(BadFile):
        check_target(tmp_path / name, force=True, protected=[])
