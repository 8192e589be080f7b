"""Phiếu giải quyết văn bản đến: the processing slip of one incoming document (A4 portrait).

The document's particulars, then the three parts DOMAIN.md names (the agency leader's direction,
the unit leader's assignment, the handler's proposal), then the processing history from the
audit log. A part the system has no text for gets dotted lines, because the slip is also
printed to be filled in by hand. Must not: query the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.reports import blocks
from app.reports.fonts import SERIF, SERIF_BOLD
from app.reports.labels import kind_and_subject, urgency_label
from app.reports.layout import MM, build_simple, esc, styles, write_pdf
from app.reports.model import RenderedPdf, SlipData, SlipNote
from app.reports.text import clean, fmt_date, fmt_datetime, fmt_number, long_local_date

TITLE = "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN"
WIDTH = 170 * MM  # A4 minus the 25 mm and 15 mm margins


def _field(label: str, value: str) -> Paragraph:
    return Paragraph(f"<b>{esc(label)}:</b> {esc(clean(value)) or '……'}", styles()["left"])


def _pair(left: Paragraph, right: Paragraph) -> Table:
    table = Table([[left, right]], colWidths=[WIDTH * 0.58, WIDTH * 0.42])
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), SERIF, 11),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    )
    return table


def _particulars(data: SlipData) -> list[Flowable]:
    urgency = urgency_label(data.urgency)
    return [
        _pair(
            _field("Số đến", fmt_number(data.register_number)),
            _field("Ngày đến", fmt_datetime(data.arrived_at)),
        ),
        _field("Tác giả (nơi gửi)", data.sender),
        _pair(
            _field("Số, ký hiệu", data.code),
            _field("Ngày tháng văn bản", fmt_date(data.doc_date)),
        ),
        _field("Tên loại và trích yếu nội dung", kind_and_subject(data.kind, data.subject)),
        _pair(_field("Độ khẩn", urgency), _field("Tình trạng", data.state)),
        _field("Chữ ký số", data.verdict or "Văn bản giấy (không có chữ ký số)"),
    ]


def _direction(data: SlipData) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [Paragraph("I. Ý KIẾN CHỈ ĐẠO CỦA LÃNH ĐẠO CƠ QUAN", st["heading"])]
    if data.assigned_at is None:
        out.append(Paragraph("<i>Chưa phân công xử lý.</i>", st["left"]))
        out += [blocks.WritingLines(4), blocks.signature_block("Lãnh đạo cơ quan")]
        return out
    deadline = fmt_date(data.deadline) or "Không ghi thời hạn"
    out += [
        _field("Ý kiến chỉ đạo", data.opinion),
        _field("Đơn vị, người chủ trì", data.lead),
        _field("Đơn vị, người phối hợp", ", ".join(data.co_handlers) or "Không"),
        _field("Thời hạn giải quyết", deadline),
        Spacer(1, 2 * MM),
        blocks.signature_block(
            data.assigned_by_position or "Lãnh đạo cơ quan",
            date_line=long_local_date(data.assigned_at).capitalize(),
            name=data.assigned_by,
        ),
    ]
    return out


def _notes(
    title: str, signer: str, notes: tuple[SlipNote, ...], extra: list[Flowable]
) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [Paragraph(esc(title), st["heading"])]
    if notes:
        for note in notes:
            who = f"{clean(note.author)}, {fmt_datetime(note.at)}"
            out.append(Paragraph(f"{esc(clean(note.text))} <i>({esc(who)})</i>", st["body"]))
    else:
        out.append(blocks.WritingLines(4))
    out += extra
    out.append(blocks.signature_block(signer))
    return out


def _result(data: SlipData) -> list[Flowable]:
    if data.completed_at is None:
        return []
    verdict = {True: " — đúng hạn", False: " — trễ hạn", None: ""}[data.on_time]
    return [_field("Kết quả", f"Hoàn thành ngày {fmt_date(data.completed_at)}{verdict}")]


def _history(data: SlipData) -> list[Flowable]:
    st = styles()
    cell = st["cell"]
    head = ParagraphStyle("slip_head", parent=st["cell_head"])
    rows: list[list[Any]] = [
        [Paragraph(h, head) for h in ("Thời gian", "Người thực hiện", "Nội dung", "Chi tiết")]
    ]
    for event in data.history:
        rows.append(
            [
                Paragraph(esc(fmt_datetime(event.at)), cell),
                Paragraph(esc(clean(event.actor)), cell),
                Paragraph(esc(clean(event.action)), cell),
                Paragraph(esc(clean(event.detail)), cell),
            ]
        )
    if len(rows) == 1:
        rows.append([Paragraph("<i>Chưa có sự kiện nào.</i>", cell), "", "", ""])
    table = Table(rows, colWidths=[WIDTH * w for w in (0.18, 0.22, 0.25, 0.35)], repeatRows=1)
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), SERIF, 9),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)),
        ]
    )
    return [Paragraph("QUÁ TRÌNH XỬ LÝ", styles()["heading"]), Spacer(1, 1 * MM), table]


def slip_story(data: SlipData) -> list[Flowable]:
    st = styles()
    title = ParagraphStyle("slip_title", parent=st["title"], fontName=SERIF_BOLD, fontSize=15)
    head_table = blocks.page_heading(data.parent_agency_name, data.agency_name, WIDTH, motto=False)
    story: list[Flowable] = [
        head_table,
        Spacer(1, 6 * MM),
        Paragraph(TITLE, title),
        Spacer(1, 5 * MM),
        *_particulars(data),
        Spacer(1, 2 * MM),
        KeepTogether(_direction(data)),
        Spacer(1, 3 * MM),
        KeepTogether(
            _notes("II. Ý KIẾN CỦA LÃNH ĐẠO ĐƠN VỊ", "Lãnh đạo đơn vị", data.unit_notes, [])
        ),
        Spacer(1, 3 * MM),
        KeepTogether(
            _notes(
                "III. Ý KIẾN ĐỀ XUẤT CỦA NGƯỜI GIẢI QUYẾT",
                "Người giải quyết",
                data.handler_notes,
                _result(data),
            )
        ),
        Spacer(1, 3 * MM),
        *_history(data),
    ]
    return story


def render_slip(data: SlipData, out_path: Path) -> RenderedPdf:
    """Write the slip to ``out_path`` atomically."""
    pages = 0
    footer = (
        f"{TITLE.capitalize()} — văn bản đến số {fmt_number(data.register_number) or '…'}"
        f" — in lúc {fmt_datetime(data.printed_at)}"
    )

    def build(handle: Any) -> None:
        nonlocal pages
        pages = build_simple(handle, slip_story(data), title=TITLE, footer=footer)

    write_pdf(out_path, build)
    return RenderedPdf(out_path, pages)
