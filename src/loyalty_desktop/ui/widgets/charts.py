"""The one chart adapter: pages hand it plain Python series; only this module knows QtCharts.

QtCharts is deprecated since Qt 6.10 (Qt Graphs replaces it), so nothing
else imports it: swapping the library means rewriting this file alone. A
chart draws a trend (line or area), bars (side by side or stacked), a pie or
donut, or a scatter, in the app's colours (each at least 3:1 against white),
with type that has Chinese glyphs at a size read at a desk. Every point,
bar and slice carries a key (a month, a segment, a member number): clicking
it emits ``picked(key)`` so a page can drill down. ``image`` renders the
chart for a PDF or a PNG file.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractSeries,
    QAreaSeries,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QPieSeries,
    QPieSlice,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QImage, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QWidget

from loyalty_desktop.ui.widgets.chart_style import (
    GRID,
    LABEL_PX,
    MUTED,
    PALETTE,
    SMALL_LABEL_PX,
    TEXT,
    TITLE_PX,
    Series,
    chart_font,
    label_step,
    nice_ticks,
)

__all__ = ["MUTED", "PALETTE", "ChartView", "Series", "chart_font"]

_TICK_GAP_PX = 24  # a value label at most every this many pixels of height
# Room between a trend's outermost point and the plot's edge: a point's marker (about 10 px
# wide with its 3 px line) sits on its value, and the plot clips what crosses its edge.
_POINT_ROOM_PX = 9
_ROOMY_LEGEND = 7  # slices whose names fit beside a pie in the normal type


class ChartView(QChartView):
    """A chart of plain series; ``picked(key)`` when a point, bar or slice is clicked."""

    picked = Signal(str)

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys: tuple[str, ...] = ()
        self._title = title
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.setFrameShape(QChartView.Shape.NoFrame)
        self.setMinimumSize(320, 220)
        self._empty = QGraphicsSimpleTextItem()
        self._empty.setFont(chart_font(LABEL_PX + 2))
        self._empty.setBrush(QBrush(QColor(TEXT)))
        self._new_chart()

    # -- what pages call --------------------------------------------------------------------

    def set_title(self, title: str) -> None:
        """The chart's heading (drawn inside the chart, so an exported image carries it)."""
        self._title = title
        self.chart().setTitle(title)

    def show_trend(
        self,
        keys: Sequence[str],
        labels: Sequence[str],
        series: Sequence[Series],
        *,
        area: bool = False,
        value_format: str = "%.0f",
    ) -> None:
        """Lines (or areas filled to zero) over categories such as weeks or months."""
        chart = self._new_chart(keys)
        axis_x = self._category_axis(labels, padded=False)
        axis_y = self._value_axis(series, value_format)
        for n, one in enumerate(series):
            line = QLineSeries()
            line.setName(one.name)
            for i, value in enumerate(one.values):
                line.append(float(i), float(value))
            colour = QColor(one.colour or PALETTE[n % len(PALETTE)])
            shown: QAbstractSeries = line
            if area:
                filled = QAreaSeries(line)
                # The area draws the line's points, and Qt does not take the line: make it the
                # area's child, so it lives exactly as long (Python would free it first).
                line.setParent(filled)
                filled.setName(one.name)
                fill = QColor(colour)
                fill.setAlpha(90)
                filled.setBrush(fill)
                filled.setPen(QPen(colour, 2))
                filled.clicked.connect(self._pick_x)
                shown = filled
            else:
                line.setPen(QPen(colour, 3))
                line.setPointsVisible(True)
                line.clicked.connect(self._pick_x)
            self._attach(chart, shown, axis_x, axis_y)
        self._finish(chart, bool(series and any(len(s.values) for s in series)))

    def show_bars(
        self,
        keys: Sequence[str],
        labels: Sequence[str],
        series: Sequence[Series],
        *,
        stacked: bool = False,
        value_format: str = "%.0f",
    ) -> None:
        """Bars per category, one colour per series, side by side or stacked."""
        chart = self._new_chart(keys)
        bars = QStackedBarSeries() if stacked else QBarSeries()
        for n, one in enumerate(series):
            bar_set = QBarSet(one.name)
            bar_set.append([float(v) for v in one.values])
            colour = QColor(one.colour or PALETTE[n % len(PALETTE)])
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            bar_set.clicked.connect(self._pick_index)
            bar_set.hovered.connect(self._hover_bar(bar_set, labels))
            bars.append(bar_set)
        bars.setBarWidth(min(0.7, 0.25 * max(1, len(keys))))  # one bar is not a wall
        totals = [sum(vals) for vals in zip(*(s.values for s in series), strict=True)] or [0.0]
        axis_y = self._value_axis(
            [Series("", totals if stacked else [v for s in series for v in s.values])],
            value_format,
        )
        self._attach(chart, bars, self._category_axis(labels, padded=True), axis_y)
        self._finish(chart, bool(keys))

    def show_pie(
        self,
        keys: Sequence[str],
        labels: Sequence[str],
        values: Sequence[float],
        *,
        donut: bool = False,
    ) -> None:
        """Shares of a whole; each slice labelled with its name and percentage."""
        chart = self._new_chart(keys)
        pie = QPieSeries()
        if donut:
            pie.setHoleSize(0.45)
        pie.setPieSize(0.75)
        total = sum(values)
        for n, (label, value) in enumerate(zip(labels, values, strict=True)):
            piece = pie.append(label, float(value))
            colour = QColor(PALETTE[n % len(PALETTE)])
            piece.setColor(colour)
            piece.setBorderColor(QColor("#ffffff"))
            # The share inside the slice in white (every palette colour holds 4.5:1 to it);
            # the names go to the legend, where long ones are never cut off.
            piece.setLabel(f"{value / total:.0%}" if total else "")
            piece.setLabelFont(chart_font(LABEL_PX, bold=True))
            piece.setLabelColor(QColor("#ffffff"))
            piece.setLabelPosition(QPieSlice.LabelPosition.LabelInsideHorizontal)
            piece.setLabelVisible(total > 0 and value / total >= 0.04)
            piece.clicked.connect(self._pick_slice(n))
        chart.addSeries(pie)
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        if len(labels) > _ROOMY_LEGEND:  # ten RFM segments fit beside the pie in smaller type
            legend.setFont(chart_font(SMALL_LABEL_PX))
        for marker, label in zip(legend.markers(pie), labels, strict=True):
            marker.setLabel(label)
        self._finish(chart, total > 0)

    def show_scatter(
        self,
        keys: Sequence[str],
        points: Sequence[tuple[float, float]],
        *,
        name: str = "",
        x_title: str = "",
        y_title: str = "",
    ) -> None:
        """One dot per key at (x, y), e.g. members by frequency and spend."""
        chart = self._new_chart(keys)
        dots = QScatterSeries()
        dots.setName(name)
        dots.setMarkerSize(11)
        dots.setColor(QColor(PALETTE[0]))
        dots.setBorderColor(QColor(PALETTE[0]))
        for x, y in points:
            dots.append(float(x), float(y))
        dots.clicked.connect(self._pick_nearest)
        axis_x = self._value_axis(
            [Series("", [x for x, _ in points])], "%.0f", title=x_title, across=True
        )
        axis_y = self._value_axis([Series("", [y for _, y in points])], "%.0f", title=y_title)
        self._attach(chart, dots, axis_x, axis_y)
        chart.legend().setVisible(bool(name))
        self._finish(chart, bool(points))

    def show_nothing(self, message: str) -> None:
        """No data: the chart is cleared and ``message`` shows where it was."""
        chart = self._new_chart()
        self._finish(chart, False, message)

    @property
    def empty_text(self) -> str:
        """What the chart says instead of a drawing ("" while it draws something)."""
        return self._empty.text() if self._empty.isVisible() else ""

    def image(self, scale: float = 2.0) -> QImage:
        """The chart as it is shown, drawn ``scale`` times as fine (for print)."""
        shown = self.viewport().rect()
        image = QImage(
            QSize(math.ceil(shown.width() * scale), math.ceil(shown.height() * scale)),
            QImage.Format.Format_ARGB32,
        )
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        # The scene drawn again at the finer size: text and lines stay sharp, not a scaled bitmap.
        self.scene().render(painter, QRectF(image.rect()), self.mapToScene(shown).boundingRect())
        painter.end()
        return image

    def save_png(self, path: Path) -> bool:
        """Write the chart to an image file (PNG for a name ending .png); whether it was written."""
        return bool(self.image().save(str(path)))

    # -- building ---------------------------------------------------------------------------

    def _new_chart(self, keys: Sequence[str] = ()) -> QChart:
        self.keys = tuple(keys)
        self._axis: QCategoryAxis | None = None
        self._labels: tuple[str, ...] = ()
        self._points_on_ends = False  # a trend: its first and last points need room inside
        self._value: tuple[QValueAxis, float, float] | None = None
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitle(self._title)
        chart.setTitleFont(chart_font(TITLE_PX, bold=True))
        chart.setTitleBrush(QBrush(QColor(TEXT)))
        chart.plotAreaChanged.connect(self._plot_area_changed)
        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
        legend.setFont(chart_font(LABEL_PX))
        legend.setLabelColor(QColor(TEXT))
        old = self.chart()
        if self._empty.scene() is not None:
            self._empty.scene().removeItem(self._empty)
        self.setChart(chart)
        # The view owns the chart in C++, but PySide may not know it: keep it referenced.
        self._chart = chart
        if old is not None and old is not chart:
            old.deleteLater()
        return chart

    def _finish(self, chart: QChart, drawn: bool, message: str = "") -> None:
        self._empty.setText(message)
        self._empty.setVisible(not drawn and bool(message))
        if self._empty.isVisible():
            chart.scene().addItem(self._empty)
            self._place_empty()

    def _place_empty(self) -> None:
        box = self._empty.boundingRect()
        area = self.chart().plotArea() if self.chart() else QRectF()
        if area.isEmpty():
            area = QRectF(0, 0, self.width(), self.height())
        self._empty.setPos(
            area.center().x() - box.width() / 2, area.center().y() - box.height() / 2
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802  (Qt's name)
        """Keep the "nothing to show" text centred and the category labels apart."""
        super().resizeEvent(event)
        if self._empty.isVisible():
            self._place_empty()
        self._thin_labels()
        self._fit_category_range()
        self._fit_value_ticks()

    def _plot_area_changed(self, _area: QRectF) -> None:
        self._thin_labels()  # the plot's width is known only now (or changed with the margins)
        self._fit_category_range()
        self._fit_value_ticks()

    def _attach(
        self, chart: QChart, series: QAbstractSeries, axis_x: QAbstractAxis, axis_y: QAbstractAxis
    ) -> None:
        chart.addSeries(series)
        if axis_x not in chart.axes():
            chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        if axis_y not in chart.axes():
            chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)

    def _style_axis(self, axis: QAbstractAxis, title: str = "") -> None:
        axis.setLabelsFont(chart_font(LABEL_PX))
        axis.setLabelsColor(QColor(TEXT))
        axis.setGridLineColor(QColor(GRID))
        axis.setLinePenColor(QColor(MUTED))
        if title:
            axis.setTitleText(title)
            axis.setTitleFont(chart_font(LABEL_PX))

    def _value_axis(
        self, series: Sequence[Series], fmt: str, *, title: str = "", across: bool = False
    ) -> QValueAxis:
        values = [float(v) for s in series for v in s.values] or [0.0]
        axis = QValueAxis()
        low, high = min(0.0, min(values)), max(values)
        high = high if high > low else low + 1
        if not self._points_on_ends:  # a trend gets its headroom in pixels, as the plot is sized
            high += (high - low) * 0.04
        axis.setLabelFormat(fmt)
        self._style_axis(axis, title)
        if across:  # a scatter's x axis: five ticks suit its width
            lo, hi, ticks = nice_ticks(low, high, 5)
            axis.setRange(lo, hi)
            axis.setTickCount(ticks)
        else:
            self._value = (axis, low, high)
            self._fit_value_ticks()
        return axis

    def _fit_value_ticks(self) -> None:
        """As many value ticks as the plot's height holds: crowded ones are drawn as "…"."""
        if self._value is None:
            return
        axis, low, high = self._value
        height = self.chart().plotArea().height() or self.height() * 0.5
        lo, hi, ticks = nice_ticks(low, high, max(2, min(6, int(height // _TICK_GAP_PX) + 1)))
        top, bottom = hi, lo
        if self._points_on_ends:  # the highest (and a negative lowest) point's marker inside
            room = (hi - lo) * _POINT_ROOM_PX / max(height - 2 * _POINT_ROOM_PX, 1.0)
            top = max(hi, high + room)
            bottom = min(lo, low - room) if low < 0 else lo
        try:
            if (axis.min(), axis.max(), axis.tickCount()) == (bottom, top, ticks):
                return
            # Ticks stay on round values even when the range reaches a little past them.
            dynamic = (top, bottom) != (hi, lo)
            axis.setTickType(
                QValueAxis.TickType.TicksDynamic if dynamic else QValueAxis.TickType.TicksFixed
            )
            axis.setTickAnchor(lo)
            axis.setTickInterval((hi - lo) / max(ticks - 1, 1))
            axis.setRange(bottom, top)
            axis.setTickCount(ticks)
        except RuntimeError:  # the axis went with an older chart
            self._value = None

    def _category_axis(self, labels: Sequence[str], *, padded: bool) -> QCategoryAxis:
        axis = QCategoryAxis()
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        pad = 0.5 if padded else 0.0
        axis.setRange(-pad, max(len(labels) - 1, 0) + pad)
        self._style_axis(axis)
        axis.setGridLineVisible(False)
        self._labels = tuple(labels)
        self._axis = axis
        self._points_on_ends = not padded
        self._thin_labels()
        self._fit_category_range()
        return axis

    def _fit_category_range(self) -> None:
        """A trend's first and last points ``_POINT_ROOM_PX`` inside the plot, whatever its width."""
        axis, count = self._axis, len(self._labels)
        if axis is None or not self._points_on_ends or not count:
            return
        width = self.chart().plotArea().width() or self.width() * 0.8
        # pad categories on each side such that pad × (width / (count − 1 + 2 pad)) = room
        room = _POINT_ROOM_PX
        pad = 0.5 if count == 1 else room * (count - 1) / max(width - 2 * room, 1.0)
        try:
            if (axis.min(), axis.max()) != (-pad, count - 1 + pad):
                axis.setRange(-pad, count - 1 + pad)
        except RuntimeError:  # the axis went with an older chart
            self._axis = None

    def _thin_labels(self) -> None:
        """A category label every few categories, so labels never run into each other."""
        axis, labels = self._axis, self._labels
        if axis is None or not labels:
            return
        # The plot's own width once laid out (the axis shares it); a guess before that.
        step = label_step(labels, self.chart().plotArea().width() or self.width() * 0.8)
        try:
            shown = axis.categoriesLabels()
            if shown == [labels[i] for i in range(0, len(labels), step)]:
                return  # as it is: re-adding them would lay the chart out again for nothing
            for old in shown:
                axis.remove(old)
        except RuntimeError:  # the axis went with an older chart
            self._axis = None
            return
        for i in range(0, len(labels), step):
            axis.append(labels[i], float(i))
        # A label on the last category is centred on the plot's right edge: leave room for
        # its right half, or it is cut ("2026-1").
        last = labels[-1] if (len(labels) - 1) % step == 0 else ""
        half = QFontMetrics(chart_font(LABEL_PX)).horizontalAdvance(last) // 2 if last else 0
        margins = self.chart().margins()
        margins.setRight(max(4, half + 2))
        self.chart().setMargins(margins)

    # -- clicks -----------------------------------------------------------------------------

    def _emit(self, index: int) -> None:
        if 0 <= index < len(self.keys):
            self.picked.emit(self.keys[index])

    def _pick_index(self, index: int) -> None:
        self._emit(index)

    def _pick_x(self, point: QPointF) -> None:
        self._emit(round(point.x()))

    def _pick_slice(self, index: int) -> Callable[[], None]:
        return lambda: self._emit(index)

    def _pick_nearest(self, point: QPointF) -> None:
        series = self.chart().series()
        if not series or not isinstance(series[0], QScatterSeries):
            return
        dots = series[0].points()
        if dots:
            nearest = min(
                range(len(dots)),
                key=lambda i: (dots[i].x() - point.x()) ** 2 + (dots[i].y() - point.y()) ** 2,
            )
            self._emit(nearest)

    def _hover_bar(self, bar_set: QBarSet, labels: Sequence[str]) -> Callable[[bool, int], None]:
        def hovered(inside: bool, index: int) -> None:
            if inside and 0 <= index < len(labels):
                self.setToolTip(f"{labels[index]} · {bar_set.label()}: {bar_set.at(index):,.0f}")
            else:
                self.setToolTip("")

        return hovered
