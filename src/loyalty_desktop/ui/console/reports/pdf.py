"""A report page as a PDF: title, filters, tiles, the charts as images, then its tables.

Drawn with ``QPdfWriter`` on A4 into memory (the file itself is written
beside its target and renamed, like every export). The layout is laid out
twice: once to count the pages, once to draw with "Page n of m". Tables
start on a fresh page after the charts, repeat their headings on every page,
and cut a cell too long for its column with an ellipsis rather than overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from loyalty_desktop.services.report_files import Cell, ExportTable
from loyalty_desktop.ui.console.reports.formats import NONE_TEXT, count_text
from loyalty_desktop.ui.console.reports.tiles import Tile
from loyalty_desktop.ui.widgets.chart_style import CJK_FAMILIES

DPI = 150
TILES_PER_ROW = 4
_INK, _GREY, _LINE, _BLUE, _HEAD = "#1a1a1a", "#3c3c3c", "#c4c4c4", "#0842a0", "#eef1f5"


@dataclass(frozen=True)
class PdfContent:
    """What goes on the pages, in order."""

    title: str
    lines: tuple[str, ...]
    tiles: tuple[Tile, ...]
    charts: tuple[tuple[QImage, ...], ...]  # rows of charts, side by side as on screen
    tables: tuple[ExportTable, ...]


def _font(points: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies([font.family(), *CJK_FAMILIES])
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def cell_text(value: Cell) -> str:
    """A file value as a PDF cell shows it."""
    if value is None:
        return NONE_TEXT
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, int):
        return count_text(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date | Decimal):
        return str(value)
    return value


class _Pages:
    """A painter on the writer with a cursor that moves down and turns pages."""

    def __init__(self, writer: QPdfWriter, title: str, total: int) -> None:
        self.writer, self.title, self.total = writer, title, total
        self.painter = QPainter(writer)
        self.width = float(writer.width())
        self.bottom = float(writer.height()) - self.mm(9)  # room for the footer
        self.y = 0.0
        self.page = 1

    def mm(self, millimetres: float) -> float:
        return millimetres * DPI / 25.4

    def gap(self, millimetres: float) -> None:
        self.y += self.mm(millimetres)

    def room(self, height: float) -> None:
        """Turn the page unless ``height`` fits below the cursor."""
        if self.y + height > self.bottom and self.y > 0:
            self.new_page()

    def new_page(self) -> None:
        self._footer()
        self.writer.newPage()
        self.page += 1
        self.y = 0.0

    def text(self, text: str, font: QFont, colour: str = _INK) -> None:
        metrics = QFontMetricsF(font, self.writer)
        lines = max(1, text.count("\n") + 1)
        rect = QRectF(0, self.y, self.width, self.bottom)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        needed = metrics.boundingRect(rect, flags, text).height() or metrics.height() * lines
        self.room(needed)
        self.painter.setFont(font)
        self.painter.setPen(QColor(colour))
        self.painter.drawText(QRectF(0, self.y, self.width, needed), flags, text)
        self.y += needed

    def finish(self) -> int:
        self._footer()
        self.painter.end()
        return self.page

    def _footer(self) -> None:
        font = _font(8)
        self.painter.setFont(font)
        self.painter.setPen(QColor(_GREY))
        height = QFontMetricsF(font, self.writer).height()
        box = QRectF(0, float(self.writer.height()) - height, self.width, height)
        words = QCoreApplication.translate("ReportPdf", "Page {n} of {total}")
        self.painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft), self.title)
        self.painter.drawText(
            box,
            int(Qt.AlignmentFlag.AlignRight),
            words.format(n=self.page, total=self.total or "…"),
        )


def _tiles(pages: _Pages, tiles: Sequence[Tile]) -> None:
    caption_font, value_font = _font(9), _font(15, bold=True)
    caption_h = QFontMetricsF(caption_font, pages.writer).height()
    value_h = QFontMetricsF(value_font, pages.writer).height()
    gap = pages.mm(3)
    width = (pages.width - gap * (TILES_PER_ROW - 1)) / TILES_PER_ROW
    height = caption_h * 2 + value_h + gap
    painter = pages.painter
    for start in range(0, len(tiles), TILES_PER_ROW):
        pages.room(height)
        for n, tile in enumerate(tiles[start : start + TILES_PER_ROW]):
            x = n * (width + gap)
            box = QRectF(x, pages.y, width, height)
            painter.setPen(QPen(QColor(_LINE), 2))
            painter.setBrush(QColor(_HEAD))
            painter.drawRoundedRect(box, 12, 12)
            inner = box.adjusted(gap / 2, gap / 3, -gap / 2, 0)
            painter.setFont(caption_font)
            painter.setPen(QColor(_GREY))
            painter.drawText(
                QRectF(inner.x(), inner.y(), inner.width(), caption_h * 2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                tile.caption,
            )
            painter.setFont(value_font)
            painter.setPen(QColor(_BLUE))
            painter.drawText(
                QRectF(inner.x(), inner.y() + caption_h * 2, inner.width(), value_h),
                int(Qt.AlignmentFlag.AlignLeft),
                tile.value,
            )
        pages.y += height + gap


def _charts(pages: _Pages, row: Sequence[QImage]) -> None:
    """Charts side by side across the page, as wide as their share of the screen."""
    images = [image for image in row if not image.isNull() and image.width() > 0]
    if not images:
        return
    gap = pages.mm(4)
    room = pages.width - gap * (len(images) - 1)
    scale = room / sum(image.width() for image in images)
    height = max(image.height() for image in images) * scale
    tallest = pages.bottom * 0.45
    if height > tallest:
        scale *= tallest / height
        height = tallest
    pages.room(height)
    x = (pages.width - sum(i.width() for i in images) * scale - gap * (len(images) - 1)) / 2
    for image in images:
        width = image.width() * scale
        pages.painter.drawImage(QRectF(x, pages.y, width, image.height() * scale), image)
        x += width + gap
    pages.y += height + pages.mm(4)


def _table(pages: _Pages, table: ExportTable) -> None:
    font, bold = _font(8.5), _font(8.5, bold=True)
    metrics = QFontMetricsF(font, pages.writer)
    row_h = metrics.height() * 1.6
    pad = metrics.horizontalAdvance("  ")
    texts = [list(row) for row in table.texts] or [
        [cell_text(v) for v in row] for row in table.rows
    ]
    columns = len(table.headers)
    numeric = [
        any(isinstance(row[c], int | Decimal) for row in table.rows if c < len(row))
        for c in range(columns)
    ]
    widths = []
    for c in range(columns):
        widest = max(
            [metrics.horizontalAdvance(table.headers[c])]
            + [metrics.horizontalAdvance(row[c]) for row in texts if c < len(row)]
        )
        widths.append(min(widest + 2 * pad, pages.width * 0.4))
    scale = min(1.0, pages.width / sum(widths)) if widths else 1.0
    widths = [w * scale for w in widths]
    pages.text(table.title, _font(12, bold=True))
    pages.gap(1)

    def row(cells: Sequence[str], heading: bool) -> None:
        painter = pages.painter
        if heading:
            painter.fillRect(QRectF(0, pages.y, sum(widths), row_h), QColor(_HEAD))
        painter.setFont(bold if heading else font)
        painter.setPen(QColor(_INK))
        x = 0.0
        for c, text in enumerate(cells[:columns]):
            box = QRectF(x + pad, pages.y, widths[c] - 2 * pad, row_h)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width())
            align = Qt.AlignmentFlag.AlignRight if numeric[c] else Qt.AlignmentFlag.AlignLeft
            painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), shown)
            x += widths[c]
        painter.setPen(QPen(QColor(_LINE), 1))
        painter.drawLine(0, int(pages.y + row_h), int(sum(widths)), int(pages.y + row_h))
        pages.y += row_h

    pages.room(row_h * 2)
    row(table.headers, True)
    for cells in texts:
        if pages.y + row_h > pages.bottom:
            pages.new_page()
            row(table.headers, True)
        row(cells, False)
    pages.gap(6)


def _draw(content: PdfContent, total: int) -> tuple[bytes, int]:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(content.title)
    writer.setCreator("loyalty-desktop")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(14, 14, 14, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    pages = _Pages(writer, content.title, total)
    pages.text(content.title, _font(18, bold=True))
    for line in content.lines:
        pages.text(line, _font(10), _GREY)
    pages.gap(4)
    _tiles(pages, content.tiles)
    for row in content.charts:
        _charts(pages, row)
    if content.tables and (content.tiles or content.charts):
        pages.new_page()
    for table in content.tables:
        _table(pages, table)
    count = pages.finish()
    buffer.close()
    return bytes(data.data()), count


def page_pdf(content: PdfContent) -> tuple[bytes, int]:
    """The PDF file's bytes and its number of pages."""
    _, total = _draw(content, 0)
    return _draw(content, total)
