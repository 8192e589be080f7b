"""Báo cáo thống kê văn bản: the statistics as a PDF with charts, and as CSV for Excel.

Both are made from ``stat_tables``. The CSV is UTF-8 with a byte-order mark, which is what makes
Excel on Windows read Vietnamese correctly; with ``delimiter=";"`` (regional settings that use a
decimal comma) decimals are written with a comma too; dates are ISO (yyyy-mm-dd), the one form
Excel reads the same under every regional setting. Must not: query the database.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.domain.types import Direction
from app.reports import blocks
from app.reports.charts import BLUE, GREY, LIGHT_BLUE, ORANGE, RED, bar_chart, pie_chart
from app.reports.fonts import SERIF, SERIF_BOLD
from app.reports.layout import MM, build_simple, esc, styles, write_pdf
from app.reports.model import RenderedPdf, StatsReport
from app.reports.stat_tables import (
    Share,
    StatTable,
    Value,
    kind_totals,
    period_line,
    stat_tables,
)
from app.reports.text import clean, fmt_count, fmt_date, fmt_datetime, fmt_percent
from app.storage.atomic import atomic_write_bytes

TITLE = "BÁO CÁO THỐNG KÊ VĂN BẢN ĐẾN, VĂN BẢN ĐI"
WIDTH = 170 * MM
CHART_H = 190.0
TOP_CATEGORIES = 8
HEADER_FILL = colors.Color(0.92, 0.92, 0.92)
# Đúng hạn, Trễ hạn, Đang xử lý trong hạn, Quá hạn chưa xong, Không có hạn.
OUTCOME_SLOTS = (BLUE, ORANGE, LIGHT_BLUE, RED, GREY)


# --- PDF -----------------------------------------------------------------------------------------
def _pdf_value(value: Value | Share) -> str:
    if value is None:
        return "—"
    if isinstance(value, Share):
        return fmt_percent(value.part, value.whole)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int):
        return fmt_count(value)
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    if isinstance(value, date):
        return fmt_date(value)
    return clean(value)


def _widths(table: StatTable) -> list[float]:
    shares: tuple[float, ...]
    if table.key == "overdue":
        shares = (0.08, 0.15, 0.35, 0.2, 0.11, 0.11)
    elif len(table.header) == 3:
        shares = (0.62, 0.19, 0.19)
    else:
        first = 0.24
        shares = (first, *([(1 - first) / (len(table.header) - 1)] * (len(table.header) - 1)))
    return [WIDTH * s for s in shares]


def _pdf_table(table: StatTable) -> list[Flowable]:
    st = styles()
    cell = ParagraphStyle("stat_cell", parent=st["cell"], fontSize=8.5, leading=10)
    head = ParagraphStyle("stat_head", parent=st["cell_head"], fontSize=8.5, leading=10)
    data: list[list[Any]] = [[Paragraph(esc(h), head) for h in table.header]]
    for row in table.rows:
        data.append(
            [
                Paragraph(esc(_pdf_value(v)), cell) if i < table.text_columns else _pdf_value(v)
                for i, v in enumerate(row)
            ]
        )
    if len(data) == 1:
        data.append([Paragraph("<i>Không có.</i>", cell)] + [""] * (len(table.header) - 1))
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), SERIF, 8.5),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("ALIGN", (table.text_columns, 1), (-1, -1), "RIGHT"),
    ]
    if table.total_last and table.rows:
        style.append(("FONT", (0, -1), (-1, -1), SERIF_BOLD, 8.5))
        last = data[-1]
        last[0] = Paragraph(f"<b>{esc(_pdf_value(table.rows[-1][0]))}</b>", cell)
    out = Table(data, colWidths=_widths(table), repeatRows=1)
    out.setStyle(style)
    return [Paragraph(esc(table.title), styles()["heading"]), Spacer(1, 1.5 * MM), out]


def _kind_chart(report: StatsReport) -> Flowable:
    totals = kind_totals(report)
    head, tail = totals[:TOP_CATEGORIES], totals[TOP_CATEGORIES:]
    names = [name for name, _, _ in head]
    incoming = [inc for _, inc, _ in head]
    outgoing = [out for _, _, out in head]
    if tail:
        names.append("Khác")
        incoming.append(sum(inc for _, inc, _ in tail))
        outgoing.append(sum(out for _, _, out in tail))
    return bar_chart(
        names,
        [("Văn bản đến", incoming), ("Văn bản đi", outgoing)],
        width=WIDTH,
        height=CHART_H,
        title="Văn bản đến, đi theo loại",
    )


def _handling_charts(report: StatsReport) -> list[Flowable]:
    o = report.overall
    pie = pie_chart(
        [
            ("Đúng hạn", o.on_time),
            ("Trễ hạn", o.late),
            ("Đang xử lý trong hạn", o.open_in_time),
            ("Quá hạn chưa xong", o.open_overdue),
            ("Không có hạn", o.no_deadline),
        ],
        width=WIDTH,
        height=150,
        title="Kết quả giải quyết văn bản đến (toàn cơ quan)",
        slots=OUTCOME_SLOTS,
    )
    units = report.by_unit[:TOP_CATEGORIES]
    bars = bar_chart(
        [u.name for u in units],
        [
            ("Đúng hạn", [u.on_time for u in units]),
            ("Trễ hạn", [u.late for u in units]),
            ("Đang xử lý trong hạn", [u.open_in_time for u in units]),
            ("Quá hạn chưa xong", [u.open_overdue for u in units]),
        ],
        width=WIDTH,
        height=CHART_H,
        title="Giải quyết văn bản đến theo đơn vị",
        slots=OUTCOME_SLOTS[:4],
        stacked=True,
    )
    return [pie, Spacer(1, 3 * MM), bars]


def _issuing_chart(report: StatsReport) -> Flowable:
    s = report.issuing
    return pie_chart(
        [
            ("Trong ngày ký", s.same_day),
            ("Ngày làm việc tiếp theo", s.next_working_day),
            ("Muộn hơn", s.later),
        ],
        width=WIDTH,
        height=130,
        title="Thời gian từ khi ký đến khi phát hành",
        slots=(BLUE, LIGHT_BLUE, RED),
    )


def stats_story(report: StatsReport) -> list[Flowable]:
    st = styles()
    tables = {t.key: t for t in stat_tables(report)}
    head = blocks.page_heading(report.parent_agency_name, report.agency_name, WIDTH, motto=True)
    summary = (
        f"Trong kỳ: {fmt_count(report.total(Direction.INCOMING))} văn bản đến, "
        f"{fmt_count(report.total(Direction.OUTGOING))} văn bản đi; "
        f"{fmt_count(len(report.overdue))} văn bản đến quá hạn chưa giải quyết."
    )
    return [
        head,
        Spacer(1, 5 * MM),
        Paragraph(esc(TITLE), st["title"]),
        Paragraph(f"<i>{esc(period_line(report))}</i>", st["center"]),
        Spacer(1, 4 * MM),
        Paragraph(esc(summary), st["body"]),
        Paragraph("I. VĂN BẢN ĐẾN, VĂN BẢN ĐI", st["heading"]),
        *_pdf_table(tables["kinds"]),
        Spacer(1, 3 * MM),
        _kind_chart(report),
        Paragraph("II. GIẢI QUYẾT VĂN BẢN ĐẾN", st["heading"]),
        *_handling_charts(report),
        *_pdf_table(tables["by_unit"]),
        *_pdf_table(tables["by_person"]),
        KeepTogether(
            [
                Paragraph("III. PHÁT HÀNH VĂN BẢN ĐI", st["heading"]),
                *_pdf_table(tables["issuing"]),
                Spacer(1, 3 * MM),
                _issuing_chart(report),
            ]
        ),
        Paragraph("IV. VĂN BẢN QUÁ HẠN", st["heading"]),
        *_pdf_table(tables["overdue"]),
        Spacer(1, 6 * MM),
        blocks.signature_block("NGƯỜI LẬP BÁO CÁO", "(Ký, ghi rõ họ tên)"),
    ]


def render_stats(report: StatsReport, out_path: Path) -> RenderedPdf:
    """Write the statistics PDF to ``out_path`` atomically."""
    pages = 0
    footer = (
        f"Báo cáo thống kê — {period_line(report)} — lập lúc {fmt_datetime(report.generated_at)}"
    )

    def build(handle: Any) -> None:
        nonlocal pages
        pages = build_simple(handle, stats_story(report), title=TITLE, footer=footer)

    write_pdf(out_path, build)
    return RenderedPdf(out_path, pages)


# --- CSV -----------------------------------------------------------------------------------------
def _csv_value(value: Value | Share, decimal_comma: bool) -> str:
    if isinstance(value, Share):
        value = value.percent
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text.replace(".", ",") if decimal_comma else text
    if isinstance(value, date):
        # ISO, not dd/mm/yyyy: Excel with US regional settings reads 10/02/2025 as 2 October.
        return value.isoformat()
    return clean(str(value))


def stats_csv(report: StatsReport, delimiter: str = ",") -> str:
    """The report's tables one after another: a title line, a header line, rows, a blank line."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    decimal_comma = delimiter == ";"
    writer.writerow([TITLE])
    writer.writerow([report.agency_name, period_line(report)])
    writer.writerow([])
    for table in stat_tables(report):
        writer.writerow([table.title])
        writer.writerow(table.header)
        for row in table.rows:
            writer.writerow([_csv_value(v, decimal_comma) for v in row])
        writer.writerow([])
    return out.getvalue()


def write_stats_csv(report: StatsReport, out_path: Path, delimiter: str = ",") -> Path:
    """Write ``stats_csv`` as UTF-8 with BOM (so Excel on Windows shows Vietnamese), atomically."""
    atomic_write_bytes(out_path, stats_csv(report, delimiter).encode("utf-8-sig"))
    return out_path
