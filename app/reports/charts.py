"""Bar and pie charts (reportlab.graphics) with Vietnamese labels in the bundled sans face.

reportlab's charts default to Helvetica for every label, legend and title, which prints black
boxes for Vietnamese: every text element is given VNSans here. A chart with nothing to show
says so instead of drawing empty axes. Must not: compute statistics.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from app.reports.fonts import SANS, SANS_BOLD, nfc, register_reportlab_fonts
from app.reports.text import fmt_count, fmt_percent, wrap

# Distinguishable in colour and in grey print (the office printer is often black and white).
PALETTE = (
    colors.HexColor("#1f5f99"),  # 0 blue: done on time, incoming
    colors.HexColor("#e0892b"),  # 1 orange: late, outgoing
    colors.HexColor("#6fa8dc"),  # 2 light blue: still in time
    colors.HexColor("#b22a2a"),  # 3 red: overdue
    colors.HexColor("#8a8a8a"),  # 4 grey: no deadline
    colors.HexColor("#3c8d5a"),  # 5 green
)
BLUE, ORANGE, LIGHT_BLUE, RED, GREY, GREEN = range(len(PALETTE))
LABEL_SIZE = 7.5


def _nice_step(top: int) -> int:
    """A round axis step giving at most about six ticks: 1, 2, 5, 10, 20, 50 …"""
    if top <= 5:
        return 1
    raw = top / 5
    power = 10 ** math.floor(math.log10(raw))
    return next(int(m * power) for m in (1, 2, 5, 10) if m * power >= raw)


def _axis_label(text: str, width: float) -> str:
    lines = wrap(nfc(text), SANS, LABEL_SIZE, width)
    if len(lines) > 2:
        lines = [lines[0], lines[1].rstrip(" ,.;") + "…"]
    return "\n".join(lines)


def _frame(width: float, height: float, title: str) -> Drawing:
    register_reportlab_fonts()
    # The renderer's starting font is Helvetica unless the drawing names one.
    drawing = Drawing(width, height, initialFontName=SANS, initialFontSize=LABEL_SIZE)
    if title:
        drawing.add(
            String(
                width / 2,
                height - 12,
                nfc(title),
                fontName=SANS_BOLD,
                fontSize=9.5,
                textAnchor="middle",
            )
        )
    return drawing


def _empty(drawing: Drawing) -> Drawing:
    drawing.add(
        String(
            drawing.width / 2,
            drawing.height / 2,
            "Không có số liệu",
            fontName=SANS,
            fontSize=9,
            textAnchor="middle",
            fillColor=colors.grey,
        )
    )
    return drawing


def _legend(
    names: Sequence[str], x: float, y: float, columns: int = 1, slots: Sequence[int] = ()
) -> Legend:
    """A legend; ``slots`` gives each name's palette index (default: its position)."""
    legend = Legend()
    legend.fontName = SANS
    legend.fontSize = 8
    legend.x, legend.y = x, y
    legend.alignment = "right"
    legend.dx = legend.dy = 7
    legend.deltay = 11
    legend.columnMaximum = max(1, math.ceil(len(names) / columns))
    indices = list(slots) or list(range(len(names)))
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], nfc(name)) for i, name in zip(indices, names, strict=True)
    ]
    return legend


def bar_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    width: float,
    height: float,
    title: str = "",
    stacked: bool = False,
    slots: Sequence[int] = (),
) -> Drawing:
    """Vertical bars per category, one colour per series (``slots``: palette indices), with a
    legend above the plot."""
    drawing = _frame(width, height, title)
    if not categories or not any(any(values) for _, values in series):
        return _empty(drawing)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 34
    chart.width, chart.height = width - 48, height - 34 - 44
    chart.data = [list(values) for _, values in series]
    slot = chart.width / len(categories)
    chart.categoryAxis.categoryNames = [_axis_label(c, slot - 4) for c in categories]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    if stacked:
        chart.categoryAxis.style = "stacked"
        top = max(sum(col) for col in zip(*chart.data, strict=True))
    else:
        top = max(max(values) for values in chart.data)
    step = _nice_step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * math.ceil(top / step) if top else 1
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labelTextFormat = lambda v: fmt_count(int(v))
    chart.barSpacing = 1
    chart.groupSpacing = 6
    colour_of = list(slots) or list(range(len(series)))
    for i in range(len(series)):
        chart.bars[i].fillColor = PALETTE[colour_of[i] % len(PALETTE)]
        chart.bars[i].strokeColor = None
    if not stacked and len(categories) * len(series) <= 24:
        chart.barLabelFormat = lambda v: fmt_count(int(v)) if v else ""
        chart.barLabels.fontName = SANS
        chart.barLabels.fontSize = 6.5
        chart.barLabels.nudge = 5
    drawing.add(chart)
    legend = _legend([name for name, _ in series], width - 12, height - 22, len(series), colour_of)
    legend.alignment = "right"
    legend.boxAnchor = "ne"
    drawing.add(legend)
    return drawing


def pie_chart(
    items: Sequence[tuple[str, int]],
    *,
    width: float,
    height: float,
    title: str = "",
    slots: Sequence[int] = (),
) -> Drawing:
    """A pie with its legend beside it: "name: count (share)"; empty slices are left out.

    ``slots`` gives each item's palette index, so a meaning keeps its colour across charts.
    """
    drawing = _frame(width, height, title)
    # A category keeps its colour even when an empty one before it is left out.
    colour_of = list(slots) or list(range(len(items)))
    shown = [(colour_of[i], name, v) for i, (name, v) in enumerate(items) if v > 0]
    total = sum(value for _, _, value in shown)
    if not total:
        return _empty(drawing)
    size = min(height - 30, width * 0.45)
    pie = Pie()
    pie.x, pie.y = 10, (height - 16 - size) / 2
    pie.width = pie.height = size
    pie.data = [value for _, _, value in shown]
    pie.labels = None
    pie.simpleLabels = 1
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.8
    pie.slices.fontName = SANS
    for n, (i, _, _) in enumerate(shown):
        pie.slices[n].fillColor = PALETTE[i % len(PALETTE)]
    drawing.add(pie)
    names = [
        f"{name}: {fmt_count(value)} ({fmt_percent(value, total)})" for _, name, value in shown
    ]
    legend = _legend(
        names, size + 24, pie.y + size / 2 + len(names) * 5.5, slots=[i for i, _, _ in shown]
    )
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    drawing.add(legend)
    return drawing
