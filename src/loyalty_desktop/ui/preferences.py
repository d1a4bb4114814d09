"""This till's own settings (language, idle lock, receipt printer), kept in QSettings on the PC.

They belong to the machine, not the shop: two tills of one shop may have
different printers and cashiers who read different languages. A value that
is missing or damaged in the settings file falls back to its default, so a
hand-edited file can never stop the till from starting.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QSettings

LANGUAGES = ("", "en", "zh_CN")  # "" follows the PC's own language
PAPERS = (58, 80)
ENCODINGS = ("gb18030", "gbk", "utf-8", "raster")
IDLE_MINUTES = (1, 60)  # the lock may be set between these
DEFAULT_IDLE_MINUTES = 5
# Control, format, line/paragraph separator and surrogate characters: never in a printer's name.
_NOT_IN_A_TARGET = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


@dataclass(frozen=True)
class TillPreferences:
    """What can be set on this till; ``printer`` empty means receipts are only shown."""

    language: str = ""
    idle_minutes: int = DEFAULT_IDLE_MINUTES
    printer: str = ""
    paper: int = 80
    encoding: str = "gb18030"
    print_every_sale: bool = False

    def locale(self) -> QLocale:
        """The locale the screens speak: the chosen language or the PC's."""
        return QLocale(self.language) if self.language else QLocale.system()


def _text(settings: QSettings, key: str, default: str, allowed: tuple[str, ...] | None) -> str:
    value = settings.value(key, default)
    if not isinstance(value, str) or (allowed is not None and value not in allowed):
        return default
    return value


def _printer(settings: QSettings, default: str) -> str:
    """The printer target, or ``default`` if it holds a control character or line break.

    Such a target (a NUL or a newline from a damaged or hand-edited file) names
    no printer and would show on the settings screen as something else.
    """
    value = _text(settings, "printer/target", default, None).strip()
    if any(unicodedata.category(char) in _NOT_IN_A_TARGET for char in value):
        return default
    return value


def _number(settings: QSettings, key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(str(settings.value(key, default)))
    except ValueError:
        return default
    return value if low <= value <= high else default


def load_preferences(settings: QSettings | None = None) -> TillPreferences:
    """This till's settings, each damaged or missing value replaced by its default."""
    settings = settings or QSettings()
    base = TillPreferences()
    paper = _number(settings, "printer/paper", base.paper, min(PAPERS), max(PAPERS))
    return TillPreferences(
        language=_text(settings, "till/language", base.language, LANGUAGES),
        idle_minutes=_number(settings, "till/idle_minutes", base.idle_minutes, *IDLE_MINUTES),
        printer=_printer(settings, base.printer),
        paper=paper if paper in PAPERS else base.paper,
        encoding=_text(settings, "printer/encoding", base.encoding, ENCODINGS),
        print_every_sale=str(settings.value("printer/every_sale", "false")).lower() == "true",
    )


def save_preferences(preferences: TillPreferences, settings: QSettings | None = None) -> None:
    """Keep this till's settings for the next start."""
    settings = settings or QSettings()
    settings.setValue("till/language", preferences.language)
    settings.setValue("till/idle_minutes", preferences.idle_minutes)
    settings.setValue("printer/target", preferences.printer)
    settings.setValue("printer/paper", preferences.paper)
    settings.setValue("printer/encoding", preferences.encoding)
    settings.setValue("printer/every_sale", "true" if preferences.print_every_sale else "false")
    settings.sync()
