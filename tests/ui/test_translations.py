"""The Chinese screens are complete: every string the screens show has a finished translation, shipped compiled."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from loyalty_desktop.ui.language import TRANSLATIONS

UI = Path(__file__).resolve().parents[2] / "src" / "loyalty_desktop" / "ui"
TS = TRANSLATIONS / "loyalty_zh_CN.ts"


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    return str(found) if found.exists() else (shutil.which(name) or name)


def test_every_screen_string_has_a_finished_chinese_translation(tmp_path: Path) -> None:
    """Lupdate over today's sources finds nothing new or unfinished in the shipped .ts file."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    text = fresh.read_text(encoding="utf-8")
    unfinished = re.findall(r"<source>([^<]*)</source>\s*<translation type=\"unfinished\"", text)
    assert unfinished == []
    assert text.count("<source>") >= 50


def test_the_compiled_translations_are_those_of_the_ts_file(tmp_path: Path) -> None:
    built = tmp_path / "loyalty_zh_CN.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True
    )
    assert built.read_bytes() == (TRANSLATIONS / "loyalty_zh_CN.qm").read_bytes()


@pytest.mark.usefixtures("qapp")
def test_the_chinese_translation_loads_and_translates_the_checkout() -> None:
    app = QApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(QLocale("zh_CN"), "loyalty", "_", str(TRANSLATIONS))
    assert translator.translate("CheckoutScreen", "Complete sale (F12)") == "完成结账 (F12)"
