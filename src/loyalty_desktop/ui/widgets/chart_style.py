"""How the charts look: the app's colours, fonts with Chinese glyphs, readable label spacing; no chart library.

Kept apart from ``charts.py`` (the one module that knows QtCharts) so the
PDF writer and the pages can share the look without touching the library.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontMetrics

# The app's blue first; each colour reaches 3:1 against white (WCAG for graphics).
# Ten colours, so the ten RFM segments never share one; each holds 4.5:1 or more to white.
PALETTE = (
    "#0b57d0",
    "#c25400",
    "#0d7a3e",
    "#6b3fa0",
    "#00707a",
    "#a3195b",
    "#8a6d00",
    "#5a5a5a",
    "#b3261e",
    "#6d4c1f",
)
MUTED = "#7b8794"  # 3.7:1: the "everything else" beside the blue
TEXT = "#1a1a1a"
GRID = "#d5d9de"
# Fonts with Chinese glyphs on Linux, Windows and macOS, after the application's own.
CJK_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC")
LABEL_PX, TITLE_PX = 15, 18
SMALL_LABEL_PX = 12  # a long legend beside a pie
_QT_LABEL_PADDING_PX = 6  # QtCharts' padding on each side of an axis label (ChartAxisElement)
MIN_LABEL_GAP_PX = 64  # a category label at least every this many pixels, never crowded


def chart_font(pixels: int, *, bold: bool = False) -> QFont:
    """The application's font at ``pixels``, falling back to a font that has Chinese glyphs."""
    font = QFont()
    font.setFamilies([font.family(), *CJK_FAMILIES])
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


@dataclass(frozen=True)
class Series:
    """One named row of values, aligned with the chart's keys and labels."""

    name: str
    values: Sequence[float]
    colour: str | None = None


def label_step(labels: Sequence[str], width: float) -> int:
    """Label every n-th category so labels ``width`` pixels wide in all never run into each other."""
    if not labels:
        return 1
    metrics = QFontMetrics(chart_font(LABEL_PX))
    widest = max(metrics.horizontalAdvance(t) for t in labels)
    gap = max(MIN_LABEL_GAP_PX, widest + 24)
    step = max(1, math.ceil(len(labels) * gap / max(width, 1.0)))
    # QtCharts cuts a category label ("2026-…") to the axis width over the labels shown plus
    # one, less its padding on both sides: label fewer categories until each fits that.
    while (
        step < len(labels)
        and width / (math.ceil(len(labels) / step) + 1) - 2 * (_QT_LABEL_PADDING_PX) < widest
    ):
        step += 1
    return step


def nice_ticks(low: float, high: float, most: int) -> tuple[float, float, int]:
    """A range around ``low``..``high`` cut by at most ``most`` ticks at round steps (1, 2, 2.5, 5 × 10ⁿ).

    Returns the range's ends and the tick count (ends included).
    """
    if not high > low:
        high = low + 1
    most = max(2, most)
    power = 10 ** math.floor(math.log10((high - low) / (most - 1)))
    while True:
        for factor in (1, 2, 2.5, 5):
            step = factor * power
            lo, hi = math.floor(low / step) * step, math.ceil(high / step) * step
            ticks = round((hi - lo) / step) + 1
            if ticks <= most:
                return lo, hi, ticks
        power *= 10
