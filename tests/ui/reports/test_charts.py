"""The chart adapter: plain series in, a key out when a bar, point or slice is clicked, an image for print."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QGraphicsTextItem
from pytestqt.qtbot import QtBot

from loyalty_desktop.ui.widgets.chart_style import LABEL_PX, chart_font, nice_ticks
from loyalty_desktop.ui.widgets.charts import PALETTE, ChartView, Series

MONTHS = ("2026-01", "2026-02", "2026-03", "2026-04")


def click_bar(qtbot: QtBot, view: ChartView, index: int) -> None:
    """Click the middle of bar ``index`` of the chart's first bar series, as a person would."""
    chart = view.chart()
    series = next(s for s in chart.series() if isinstance(s, QAbstractBarSeries))
    height = sum(bar_set.at(index) for bar_set in series.barSets())
    inside = chart.mapToPosition(QPointF(index, height / 2), series)
    spot = view.mapFromScene(chart.mapToScene(inside))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)


def _shown(qtbot: QtBot) -> ChartView:
    view = ChartView("收入 Revenue")
    qtbot.addWidget(view)
    view.resize(640, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_clicking_a_bar_emits_its_key(qtbot: QtBot) -> None:
    view = _shown(qtbot)
    view.show_bars(
        MONTHS,
        MONTHS,
        [Series("会员", [10, 40, 20, 30]), Series("其他", [5, 5, 5, 5])],
        stacked=True,
    )
    qtbot.wait(10)
    with qtbot.waitSignal(view.picked) as picked:
        click_bar(qtbot, view, 1)
    assert picked.args == ["2026-02"]
    with qtbot.waitSignal(view.picked) as again:
        click_bar(qtbot, view, 3)
    assert again.args == ["2026-04"]


def test_clicking_a_point_of_a_line_or_a_slice_emits_its_key(qtbot: QtBot) -> None:
    view = _shown(qtbot)
    view.show_trend(MONTHS, MONTHS, [Series("Revenue", [1, 4, 2, 3])])
    qtbot.wait(10)
    chart = view.chart()
    line = chart.series()[0]
    spot = view.mapFromScene(chart.mapToScene(chart.mapToPosition(QPointF(2, 2), line)))
    with qtbot.waitSignal(view.picked) as picked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert picked.args == ["2026-03"]
    view.show_pie(("a", "b"), ("Champions", "Loyal"), (30, 70), donut=True)
    pie = view.chart().series()[0]
    with qtbot.waitSignal(view.picked) as sliced:
        pie.slices()[1].clicked.emit()  # a slice's own signal, as its click sends it
    assert sliced.args == ["b"]


def test_a_scatter_click_names_the_nearest_point(qtbot: QtBot) -> None:
    view = _shown(qtbot)
    view.show_scatter(("M1", "M2", "M3"), [(1, 10), (5, 50), (9, 20)], x_title="F", y_title="M")
    qtbot.wait(10)
    chart = view.chart()
    dots = chart.series()[0]
    spot = view.mapFromScene(chart.mapToScene(chart.mapToPosition(QPointF(5, 50), dots)))
    with qtbot.waitSignal(view.picked) as picked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert picked.args == ["M2"]


def test_the_chart_draws_into_an_image_and_a_png_for_print(qtbot: QtBot, tmp_path: Path) -> None:
    view = _shown(qtbot)
    view.show_bars(MONTHS, MONTHS, [Series("Points", [3, 1, 4, 1])])
    image = view.image(scale=2)
    assert (image.width(), image.height()) == (1280, 800)
    blue = sum(
        1
        for x in range(0, image.width(), 8)
        for y in range(0, image.height(), 8)
        if image.pixelColor(x, y).name() == "#0b57d0"
    )
    assert blue > 100, "the bars are drawn in the app's blue"
    target = tmp_path / "chart.png"
    assert view.save_png(target)
    assert QImage(str(target)).size() == image.size()


def test_nothing_to_show_says_so_instead_of_an_empty_frame(qtbot: QtBot) -> None:
    view = _shown(qtbot)
    view.show_bars(MONTHS, MONTHS, [Series("Points", [3, 1, 4, 1])])
    assert view.empty_text == ""
    view.show_nothing("没有销售")
    assert view.empty_text == "没有销售"
    assert view.keys == ()


def test_many_categories_get_labels_far_enough_apart_to_read(qtbot: QtBot) -> None:
    view = _shown(qtbot)
    weeks = [f"W{n:02d}" for n in range(53)]
    view.show_bars(weeks, weeks, [Series("Revenue", [float(n) for n in range(53)])])
    qtbot.wait(10)
    axis = view.chart().axes(Qt.Orientation.Horizontal)[0]
    labels = axis.categoriesLabels()
    assert 3 <= len(labels) < 53
    assert len(labels) * 64 <= view.chart().plotArea().width() + 64


def _contrast_to_white(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_ten_slices_get_ten_colours_each_legible_under_white_text(qtbot: QtBot) -> None:
    names = [f"Segment {n} with a long name" for n in range(10)]
    view = _shown(qtbot)
    view.resize(440, 320)  # the Segments page's chart at 1366×768
    view.show_pie(names, names, [5, 9, 12, 3, 2, 6, 8, 4, 1, 30], donut=True)
    pie = view.chart().series()[0]
    colours = {piece.color().name() for piece in pie.slices()}
    assert len(colours) == 10, "no two segments share a colour"
    assert all(_contrast_to_white(c) >= 4.5 for c in PALETTE), "the white shares stay legible"
    labels = [marker.label() for marker in view.chart().legend().markers(pie)]
    assert labels == names, "the legend names every slice in full"


def _value_axis(view: ChartView) -> QValueAxis:
    found = view.chart().axes(Qt.Orientation.Vertical)[0]
    assert isinstance(found, QValueAxis)
    return found


def test_a_short_chart_gets_few_value_ticks_far_enough_apart_to_read(qtbot: QtBot) -> None:
    view = _shown(qtbot)
    view.setMinimumSize(320, 150)
    view.resize(640, 200)  # the Satisfaction page's charts at 1366 × 768 are about this high
    labels = [f"2026-{m:02d}" for m in range(1, 13)]
    view.show_trend(labels, labels, [Series("CSAT", [60 + m for m in range(12)])])
    qtbot.wait(20)
    axis, height = _value_axis(view), view.chart().plotArea().height()
    assert axis.tickCount() >= 2
    assert height / (axis.tickCount() - 1) >= 24  # Qt draws crowded labels as "…"
    assert axis.max() > 71  # the top point is inside the plot, not on its edge


def test_the_last_category_label_is_not_cut_at_the_right_edge(qtbot: QtBot) -> None:
    view = _shown(qtbot)
    for count in (7, 12, 13):  # the last month labelled, or one before it
        labels = [f"2026-{m:02d}" for m in range(1, count + 1)]
        view.show_trend(labels, labels, [Series("CSAT", [60.0] * count)])
        qtbot.wait(10)
        axis = view.chart().axes(Qt.Orientation.Horizontal)[0]
        last = axis.categoriesLabels()[-1]
        at = view.chart().mapToPosition(QPointF(labels.index(last), 60.0)).x()
        half = QFontMetrics(chart_font(LABEL_PX)).horizontalAdvance(last) / 2
        assert at + half <= view.width()


@pytest.mark.parametrize(
    ("size", "values"),
    [
        (
            (540, 240),
            [64.3, 75.9, 78.8, 57.9, 65.5, 65.0, 79.6, 76.0, 70.0, 62.0, 66.0, 70.0, 80.4],
        ),
        ((640, 200), [60.0, 79.8, 70.0, 79.8]),  # the top point just under a round tick
        ((320, 220), [-12.0, 30.0, -40.0, 10.0, 55.0, -60.0, 70.0] * 4),  # NPS, 28 weeks
        ((540, 240), [71.0]),  # one month
    ],
)
def test_every_point_of_a_trend_is_drawn_whole_inside_the_plot(
    qtbot: QtBot, size: tuple[int, int], values: list[float]
) -> None:
    view = _shown(qtbot)
    view.setMinimumSize(320, 150)
    view.resize(*size)
    labels = [f"P{n:02d}" for n in range(len(values))]
    view.show_trend(labels, labels, [Series("CSAT", values)])
    qtbot.wait(20)
    chart = view.chart()
    plot, line = chart.plotArea(), chart.series()[0]
    marker = 5.0  # a point's marker radius, as drawn with the 3 px line
    for n, value in enumerate(values):
        at = chart.mapToPosition(QPointF(n, value), line)
        assert plot.left() + marker <= at.x() <= plot.right() - marker, (n, at, plot)
        assert plot.top() + marker <= at.y() <= plot.bottom() - marker, (n, at, plot)


@pytest.mark.parametrize("bars", [False, True])
@pytest.mark.parametrize("width", [380, 460, 520, 700])
def test_no_month_label_is_cut_to_an_ellipsis(qtbot: QtBot, width: int, bars: bool) -> None:
    view = _shown(qtbot)
    view.setMinimumSize(320, 150)
    labels = ["2025-12"] + [f"2026-{m:02d}" for m in range(1, 13)]
    series = [Series("CSAT", [1500.0] * len(labels))]
    if bars:
        view.show_bars(labels, labels, series)
    else:
        view.show_trend(labels, labels, series)
    qtbot.wait(20)
    view.resize(width, 240)  # drawn first, then the page lays it out narrower (the dashboard)
    qtbot.wait(20)
    shown = [
        drawn.toPlainText()
        for item in view.scene().items()
        if isinstance(drawn := item.toGraphicsObject(), QGraphicsTextItem) and item.isVisible()
    ]
    assert any(text.startswith("2026-") for text in shown)
    assert not [text for text in shown if text.endswith("...")]


@pytest.mark.parametrize(
    ("low", "high", "most"), [(0, 83.2, 4), (0, 51, 4), (0, 1, 2), (-37, 512, 6), (0, 3e9, 5)]
)
def test_nice_ticks_cover_the_range_in_round_steps(low: float, high: float, most: int) -> None:
    lo, hi, ticks = nice_ticks(low, high, most)
    assert lo <= low
    assert hi >= high
    assert 2 <= ticks <= most
    step = (hi - lo) / (ticks - 1)
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m) for m in (1, 2, 2.5, 5))
