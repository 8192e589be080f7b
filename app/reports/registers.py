"""Sổ đăng ký văn bản đi / đến (Decree 30/2020 Annex IV) as an A4-landscape PDF.

A cover page, then the Annex IV columns in order plus the signature verdict, the column heads
drawn at the end of every page that shows rows, "Trang x/y", and a closing line. Rows arrive from an
iterator and are laid out in blocks of ``CHUNK_ROWS`` (``rowblock``): memory stays flat for any
length. Cells are wrapped once here, and a row taller than ``PIECE_LINES`` lines is cut into
pieces that may continue on the next page, so no row can stop the build.
Must not: query the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from app.domain.types import Direction
from app.reports import blocks
from app.reports.fonts import SANS, SERIF, SERIF_BOLD
from app.reports.labels import CANCELLED_NOTE, kind_and_subject, verdict_label
from app.reports.layout import (
    MM,
    NumberedCanvas,
    esc,
    make_doc,
    styles,
    write_pdf,
)
from app.reports.model import RegisterInfo, RegisterRow, RenderedPdf
from app.reports.rowblock import ROWS_MARK, Grid, PreparedRow, RowBlock, prepare
from app.reports.text import clean, fmt_date, fmt_number, wrap

PAGE = landscape(A4)
MARGIN_LEFT, MARGIN_RIGHT = 20 * MM, 10 * MM  # the wider edge is the binding
MARGIN_TOP, MARGIN_BOTTOM = 10 * MM, 10 * MM
RUNNING_TITLE_H = 16.0
FOOTER_H = 14.0

CELL_FONT, CELL_SIZE, CELL_LEADING = SERIF, 9.0, 10.5
PAD_X, PAD_TOP, PAD_BOTTOM = 2.5, 2.0, 3.0
MIN_ROW_H = 20.0  # room for a hand signature in "Ký nhận"
# A row taller than this many lines is cut into pieces of this size, so that it starts on the
# current page instead of leaving a blank half page, and can never be taller than a page.
PIECE_LINES = 12
CHUNK_ROWS = 60  # printed rows per block: a few pages, so a split copies little
HEAD_FORM = "vbdtRegisterHead"  # the running title and column heads, drawn once, shown per page


@dataclass(frozen=True)
class Column:
    heading: str
    weight: float  # share of the printable width
    value: Callable[[RegisterRow], str]
    centered: bool = False


def _notes(row: RegisterRow) -> str:
    parts = [f"{CANCELLED_NOTE}: {row.cancel_reason}" if row.cancelled else "", row.note]
    return "\n".join(p for p in parts if p)


def _verdict(row: RegisterRow) -> str:
    return verdict_label(row.verdict, row.signed)


def _subject(row: RegisterRow) -> str:
    return kind_and_subject(row.kind, row.subject)


def _copies(row: RegisterRow) -> str:
    return str(row.copies) if row.copies else ""


OUTGOING_COLUMNS: tuple[Column, ...] = (
    Column("Số, ký hiệu văn bản", 78, lambda r: r.code or fmt_number(r.number), True),
    Column("Ngày tháng văn bản", 52, lambda r: fmt_date(r.doc_date), True),
    Column("Tên loại và trích yếu nội dung văn bản", 192, _subject),
    Column("Người ký", 66, lambda r: r.signer),
    Column("Nơi nhận văn bản", 100, lambda r: r.recipients),
    Column("Đơn vị, người nhận bản lưu", 70, lambda r: r.holder),
    Column("Số lượng bản", 38, _copies, True),
    Column("Ngày chuyển", 50, lambda r: fmt_date(r.transferred_on), True),
    Column("Ký nhận", 46, lambda r: ""),
    Column("Ghi chú", 62, _notes),
    Column("Chữ ký số", 56, _verdict, True),
)

INCOMING_COLUMNS: tuple[Column, ...] = (
    Column("Ngày đến", 50, lambda r: fmt_date(r.arrived_at), True),
    Column("Số đến", 34, lambda r: fmt_number(r.number), True),
    Column("Tác giả", 96, lambda r: r.sender),
    Column("Số, ký hiệu văn bản", 78, lambda r: r.code, True),
    Column("Ngày tháng văn bản", 50, lambda r: fmt_date(r.doc_date), True),
    Column("Tên loại và trích yếu nội dung văn bản", 192, _subject),
    Column("Đơn vị hoặc người nhận", 86, lambda r: r.holder),
    Column("Ngày chuyển", 50, lambda r: fmt_date(r.transferred_on), True),
    Column("Ký nhận", 46, lambda r: ""),
    Column("Ghi chú", 62, _notes),
    Column("Chữ ký số", 56, _verdict, True),
)


def columns_for(direction: Direction) -> tuple[Column, ...]:
    return OUTGOING_COLUMNS if direction is Direction.OUTGOING else INCOMING_COLUMNS


class _Geometry:
    """Column widths, the heading table and the frame, computed once per register."""

    def __init__(self, columns: tuple[Column, ...]) -> None:
        self.width = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT
        total = sum(c.weight for c in columns)
        self.widths = [self.width * c.weight / total for c in columns]
        st = ParagraphStyle("reg_head", parent=styles()["cell_head"], fontSize=8.5, leading=10)
        heads: list[list[Any]] = [
            [Paragraph(esc(c.heading), st) for c in columns],
            [f"({i})" for i in range(1, len(columns) + 1)],
        ]
        self.heading = Table(heads, colWidths=self.widths)
        self.heading.setStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                # Every table names its font: reportlab's default cell font is Helvetica.
                ("FONT", (0, 0), (-1, -1), SERIF, 8, 9),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 1), (-1, 1), "CENTER"),
                ("TOPPADDING", (0, 1), (-1, 1), 1),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 2),
            ]
        )
        _, self.heading_h = self.heading.wrap(self.width, PAGE[1])
        self.table_top = PAGE[1] - MARGIN_TOP - RUNNING_TITLE_H - self.heading_h
        self.frame_h = self.table_top - MARGIN_BOTTOM - FOOTER_H
        page_lines = int((self.frame_h - PAD_TOP - PAD_BOTTOM - 4) // CELL_LEADING)
        self.max_lines = min(PIECE_LINES, page_lines)


def _grid(columns: tuple[Column, ...], geo: _Geometry) -> Grid:
    return Grid(
        widths=tuple(geo.widths),
        centered=tuple(c.centered for c in columns),
        font=CELL_FONT,
        size=CELL_SIZE,
        leading=CELL_LEADING,
        pad_x=PAD_X,
        pad_top=PAD_TOP,
        pad_bottom=PAD_BOTTOM,
        min_height=MIN_ROW_H,
    )


def _row_chunks(
    rows: Iterable[RegisterRow], columns: tuple[Column, ...], geo: _Geometry
) -> Iterator[list[Flowable]]:
    grid = _grid(columns, geo)
    pending: list[PreparedRow] = []
    seen = 0
    for row in rows:
        seen += 1
        cells = [
            wrap(clean(col.value(row)), CELL_FONT, CELL_SIZE, w - 2 * PAD_X)
            for col, w in zip(columns, geo.widths, strict=True)
        ]
        pending += prepare(grid, cells, geo.max_lines, row.cancelled)
        if len(pending) >= CHUNK_ROWS:  # chunks end between rows, never inside one
            yield [RowBlock(grid, pending)]
            pending = []
    if pending:
        yield [RowBlock(grid, pending)]
    if not seen:
        yield [Spacer(1, 8), Paragraph("Không có văn bản nào trong sổ.", styles()["italic"])]


def _closing(info: RegisterInfo) -> list[Flowable]:
    st = styles()
    if info.count:
        text = (
            f"Khóa sổ: đăng ký từ số {fmt_number(info.first_number)} "
            f"đến số {fmt_number(info.last_number)}; tổng cộng {info.count} số"
        )
        if info.cancelled:
            text += f", trong đó {info.cancelled} số đã hủy (lý do ghi tại cột Ghi chú)"
        text += "."
    else:
        text = "Khóa sổ: sổ không có văn bản nào."
    block: list[Flowable] = [
        Spacer(1, 10),
        Paragraph(esc(text), st["left"]),
        blocks.TotalPagesLine("Tổng số trang của sổ (không kể trang bìa):", SERIF, 11),
        Spacer(1, 8),
        blocks.signature_block("NGƯỜI LẬP SỔ", "(Ký, ghi rõ họ tên)"),
    ]
    return [KeepTogether(block)]


def _decorations(
    info: RegisterInfo, geo: _Geometry
) -> tuple[Callable[[Canvas, Any], None], Callable[[Canvas, Any], None]]:
    """Page-begin (page number) and page-end (column heads, only over rows) callbacks."""
    title = blocks.register_title(info.direction, info.secret)
    running = f"{title} — NĂM {info.year} — QUYỂN SỐ {fmt_number(info.volume)}"
    defined = False

    def draw_head(canv: Canvas) -> None:
        top = PAGE[1] - MARGIN_TOP
        canv.setFont(SERIF_BOLD, 9.5)
        canv.drawString(MARGIN_LEFT, top - 10, clean(running))
        canv.setFont(SERIF, 9.5)
        canv.drawRightString(PAGE[0] - MARGIN_RIGHT, top - 10, clean(info.agency_name))
        geo.heading.drawOn(canv, MARGIN_LEFT, geo.table_top)

    def on_page(canv: Canvas, _doc: Any) -> None:
        if isinstance(canv, NumberedCanvas):
            canv.saveState()
            canv.draw_page_number(PAGE[0] - MARGIN_RIGHT, MARGIN_BOTTOM, SANS, 8.5)
            canv.restoreState()

    def on_page_end(canv: Canvas, _doc: Any) -> None:
        nonlocal defined
        # A page holding only the closing lines gets no empty column heads.
        if isinstance(canv, NumberedCanvas) and ROWS_MARK not in canv.page_marks:
            return
        canv.saveState()
        if not defined:  # laying out the heading table costs more than a row: do it once
            canv.beginForm(HEAD_FORM)
            draw_head(canv)
            canv.endForm()
            defined = True
        canv.doForm(HEAD_FORM)
        canv.restoreState()

    return on_page, on_page_end


def render_register(info: RegisterInfo, rows: Iterable[RegisterRow], out_path: Path) -> RenderedPdf:
    """Write the register to ``out_path`` (atomically); ``rows`` is consumed once, in order."""
    columns = columns_for(info.direction)
    pages = 0

    def build(handle: Any) -> None:
        nonlocal pages
        geo = _Geometry(columns)
        on_page, on_page_end = _decorations(info, geo)
        doc = make_doc(
            handle,
            PAGE,
            f"{blocks.register_title(info.direction, info.secret)} năm {info.year}",
            left=MARGIN_LEFT,
            right=MARGIN_RIGHT,
            top=MARGIN_TOP,
            bottom=MARGIN_BOTTOM,
        )
        cover = Frame(MARGIN_LEFT, MARGIN_BOTTOM, geo.width, PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM)
        body = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM + FOOTER_H,
            geo.width,
            geo.frame_h,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc.addPageTemplates(
            [
                PageTemplate("cover", [cover]),
                PageTemplate("body", [body], onPage=on_page, onPageEnd=on_page_end),
            ]
        )

        def story() -> Iterator[list[Flowable]]:
            yield [*blocks.register_cover(info), NextPageTemplate("body"), PageBreak()]
            yield from _row_chunks(rows, columns, geo)
            yield _closing(info)

        doc.build_stream(story(), unnumbered_pages=1)
        pages = doc.canv.pages_done if isinstance(doc.canv, NumberedCanvas) else 0

    write_pdf(out_path, build)
    return RenderedPdf(out_path, pages)
