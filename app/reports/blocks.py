"""Reusable blocks of an administrative page: the agency heading, the register cover, a
signature block and the "total pages" line that waits for the final count.

Must not: decide page geometry (see ``layout``) or read the database.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.domain.types import Direction
from app.reports.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC
from app.reports.layout import MM, NumberedCanvas, esc, styles
from app.reports.model import RegisterInfo
from app.reports.text import clean, fmt_date, fmt_number


def register_title(direction: Direction, secret: bool = False) -> str:
    word = "ĐI" if direction is Direction.OUTGOING else "ĐẾN"
    return f"SỔ ĐĂNG KÝ VĂN BẢN {'MẬT ' if secret else ''}{word}"


class Rule(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A short centred line under an agency name, as official headings draw it."""

    def __init__(self, length: float, thickness: float = 0.6) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, 4

    def draw(self) -> None:
        x = (self._avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, 2, x + self.length, 2)


class WritingLines(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Dotted lines to write on by hand (a slip's part that the system has no text for)."""

    def __init__(self, count: int, spacing: float = 8 * MM) -> None:
        super().__init__()
        self.count = count
        self.spacing = spacing

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.count * self.spacing

    def draw(self) -> None:
        canv = self.canv
        canv.setLineWidth(0.5)
        canv.setDash(1, 2)
        for i in range(self.count):
            y = (self.count - i - 1) * self.spacing + 2
            canv.line(0, y, self._avail, y)


class TotalPagesLine(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """``prefix`` followed by the document's final page count (known only at save time)."""

    def __init__(self, prefix: str, font: str, size: float) -> None:
        super().__init__()
        self.prefix = clean(prefix) + " "
        self.font = font
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.size * 1.4

    def draw(self) -> None:
        canv = self.canv
        canv.setFont(self.font, self.size)
        canv.drawString(0, self.size * 0.3, self.prefix)
        if isinstance(canv, NumberedCanvas):
            x = canv.stringWidth(self.prefix, self.font, self.size)
            canv.draw_total_pages(x, self.size * 0.3, self.font, self.size)


def agency_heading(parent: str, agency: str, width: float, size: float = 12) -> list[Flowable]:
    """TÊN CƠ QUAN CHỦ QUẢN (regular) over TÊN CƠ QUAN (bold), then a short rule."""
    st = styles()
    out: list[Flowable] = []
    if parent.strip():
        upper = ParagraphStyle("h_parent", parent=st["center"], fontSize=size, leading=size + 3)
        out.append(Paragraph(esc(clean(parent).upper()), upper))
    bold = ParagraphStyle("h_agency", parent=st["center_bold"], fontSize=size, leading=size + 3)
    out.append(Paragraph(esc(clean(agency).upper()), bold))
    out.append(Rule(min(width * 0.35, 60 * MM)))
    return out


def register_cover(info: RegisterInfo) -> list[Flowable]:
    """The opening page that Annex IV prescribes."""
    st = styles()
    big = ParagraphStyle(
        "cover_title", parent=st["center_bold"], fontName=SERIF_BOLD, fontSize=30, leading=38
    )
    line = ParagraphStyle("cover_line", parent=st["center"], fontSize=15, leading=24)
    dots = "……………"
    date_from = fmt_date(info.date_from) or dots
    date_to = fmt_date(info.date_to) or dots
    first = fmt_number(info.first_number) or dots
    last = fmt_number(info.last_number) or dots
    body = [
        f"Năm: {info.year}",
        f"Từ ngày {date_from} đến ngày {date_to}",
        f"Từ số {first} đến số {last}",
        f"Quyển số: {fmt_number(info.volume)}",
    ]
    out: list[Flowable] = [Spacer(1, 6 * MM)]
    out += agency_heading(info.parent_agency_name, info.agency_name, 250 * MM, size=13)
    out += [Spacer(1, 32 * MM), Paragraph(esc(register_title(info.direction, info.secret)), big)]
    if clean(info.register_name):
        name_style = ParagraphStyle("cover_name", parent=line, fontName=SERIF_ITALIC, fontSize=13)
        out.append(Paragraph(esc(f"({clean(info.register_name)})"), name_style))
    out.append(Spacer(1, 22 * MM))
    out += [Paragraph(esc(text), line) for text in body]
    return out


def signature_block(title: str, hint: str = "", date_line: str = "", name: str = "") -> Table:
    """A right-hand signing place: date line, TITLE, (hint), room to sign, then the name."""
    st = styles()
    italic = ParagraphStyle("sig_italic", parent=st["center"], fontName=SERIF_ITALIC)
    cells: list[Flowable] = [
        Paragraph(esc(date_line or "……, ngày …… tháng …… năm ……"), italic),
        Paragraph(esc(title.upper()), st["center_bold"]),
    ]
    if hint:
        cells.append(Paragraph(esc(hint), italic))
    cells.append(Spacer(1, 16 * MM))
    if name:
        cells.append(Paragraph(esc(name), st["center_bold"]))
    table = Table([["", c] for c in cells], colWidths=["50%", "50%"], hAlign="RIGHT")
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), SERIF, 11),  # reportlab's default cell font is Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )
    return table


def national_motto() -> list[Flowable]:
    """Quốc hiệu and Tiêu ngữ, as the right-hand heading of an administrative report."""
    st = styles()
    upper = ParagraphStyle("motto_1", parent=st["center_bold"], fontSize=12, leading=15)
    motto = ParagraphStyle("motto_2", parent=st["center_bold"], fontSize=13, leading=16)
    return [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", upper),
        Paragraph("Độc lập - Tự do - Hạnh phúc", motto),
        Rule(48 * MM),
    ]


def page_heading(parent: str, agency: str, width: float, motto: bool) -> Table:
    """The two-column heading: the agency on the left, optionally the national motto right."""
    # 45/55: "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN" and the Quốc hiệu each fit on one line at 12 pt.
    left = agency_heading(parent, agency, width * 0.45)
    right: list[Flowable] | str = national_motto() if motto else ""
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), SERIF, 11),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return table
