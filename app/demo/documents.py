"""Sample official documents (Decree 30/2020 layout) as PDF drafts ready to be signed and issued.

Each draft carries the placeholders the issuing workflow fills later (DOMAIN.md, "How signatures
look on the page"): a text field for the number, a text field for the issue date, an empty
signature field for the leader's signature image and an empty one, overlapping the left third of
it, for the agency seal. Filling the two text fields after the leader has signed is an allowed
change, so the leader's signature stays valid.

The layout follows Decree 30/2020 Annex I: A4, margins 20/20/30/15 mm, Times-like 13-14 pt
(Liberation Serif: Times New Roman is not redistributable), the two-column header, the kind name
and subject centred, justified body with a first-line indent, "Nơi nhận" bottom left and the
signer's block bottom right.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import copy_into_new_writer
from pyhanko.sign.fields import SigFieldSpec, append_signature_field
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.demo.images import SEAL_DIAMETER_MM
from app.reports.fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_BOLD_ITALIC,
    SERIF_ITALIC,
    nfc,
    register_reportlab_fonts,
)

FIELD_NUMBER = "so_van_ban"
FIELD_DATE = "ngay_ban_hanh"
FIELD_LEADER_SIG = "chu_ky_lanh_dao"
FIELD_AGENCY_SIG = "chu_ky_co_quan"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
# Header and signer tables: the left column holds the agency and "Nơi nhận", the right one the
# national title and the signer; the right one must fit the national title at 12.5 pt.
LEFT_COLUMN = 68 * mm
RIGHT_COLUMN = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT - LEFT_COLUMN

LEADER_SIG_WIDTH = 60 * mm
LEADER_SIG_HEIGHT = 25 * mm
AGENCY_SIG_SIZE = SEAL_DIAMETER_MM * mm
# Vertical room between the position line and the signer's name.
SIGNATURE_SPACE = 30 * mm

NUMBER_FIELD_WIDTH = 16 * mm
BODY_SIZE = 14
HEADER_SIZE = 13
NATIONAL_TITLE_SIZE = 12.5

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class SampleDocument:
    """What a generated draft says. Text is Vietnamese as printed (the renderer upper-cases
    the header and signer lines itself).

    ``body`` paragraphs use reportlab's paragraph markup (``<b>``, ``<i>``); a paragraph starting
    with ``"# "`` is a bold centred heading (e.g. "QUYẾT ĐỊNH:"), ``"## "`` a bold heading in the
    text flow (e.g. "I. MỤC ĐÍCH, YÊU CẦU"). ``signer_competence`` is the line(s) above the
    position ("TM. Ủy ban nhân dân", "KT. Giám đốc", "TM. Ủy ban nhân dân\\nKT. Chủ tịch"; empty
    when the head signs in their own name). ``kind_code`` is empty for a công văn, which prints
    no kind name: its subject ("V/v ...") goes under the number and its symbol names the
    drafting unit (``12/SNV-VP``).
    """

    kind_code: str
    kind_name: str
    subject: str
    body: list[str]
    signer_name: str
    signer_position: str
    signer_competence: str
    agency_parent: str
    agency_name: str
    agency_short: str
    place: str
    recipients: list[str]
    drafting_unit: str = ""
    addressees: list[str] = field(default_factory=list)

    @property
    def is_cong_van(self) -> bool:
        return not self.kind_code

    @property
    def symbol(self) -> str:
        """The part after the number: ``QĐ-UBND``, or ``SNV-VP`` for a công văn."""
        parts = [self.kind_code, self.agency_short, self.drafting_unit if self.is_cong_van else ""]
        return nfc("-".join(p for p in parts if p))


@dataclass(frozen=True)
class FieldBox:
    """Where a placeholder is: 0-based page, (x1, y1, x2, y2) in PDF points from bottom left."""

    page: int
    box: Box


@dataclass(frozen=True)
class RenderedDocument:
    pdf: bytes
    fields: dict[str, FieldBox]


# ---------------------------------------------------------------------------------------------
# Flowables


class _Rule(Flowable):  # type: ignore[misc]
    """A short centred horizontal rule (under the agency name, the motto and the subject)."""

    def __init__(self, length: float, thickness: float = 0.6, space: float = 3) -> None:
        super().__init__()
        self.length, self.thickness, self.space = length, thickness, space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.space * 2

    def draw(self) -> None:
        x0 = (self.avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, self.space, x0 + self.length, self.space)


class _FieldLine(Flowable):  # type: ignore[misc]
    """``prefix [text field] suffix`` on one centred line, e.g. ``Số: [    ]/QĐ-UBND``.

    The field is flat (no border, no background), so the draft prints like the paper form with
    a blank; the issuing step fills it.
    """

    def __init__(
        self,
        prefix: str,
        field_name: str,
        field_width: float,
        suffix: str,
        font: str,
        size: float,
        recorder: dict[str, FieldBox],
        tooltip: str,
    ) -> None:
        super().__init__()
        self.prefix, self.suffix = prefix, suffix
        self.field_name, self.field_width = field_name, field_width
        self.font, self.size = font, size
        self.recorder, self.tooltip = recorder, tooltip

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, self.size * 1.35

    def draw(self) -> None:
        canv = self.canv
        w_prefix = stringWidth(self.prefix, self.font, self.size)
        w_suffix = stringWidth(self.suffix, self.font, self.size)
        x = (self.avail - (w_prefix + self.field_width + w_suffix)) / 2
        baseline = self.size * 0.3
        canv.setFont(self.font, self.size)
        canv.drawString(x, baseline, self.prefix)
        canv.drawString(x + w_prefix + self.field_width, baseline, self.suffix)
        fx, fy = x + w_prefix, baseline - self.size * 0.28
        height = self.size * 1.3
        canv.acroForm.textfield(
            name=self.field_name,
            tooltip=self.tooltip,
            value="",
            x=fx,
            y=fy,
            width=self.field_width,
            height=height,
            relative=True,
            borderWidth=0,
            borderColor=None,
            fillColor=None,
            textColor=black,
            # Form fonts can only be base-14; whoever fills the field draws its own appearance
            # with a Vietnamese font (WinAnsi Times cannot show "năm").
            fontName="Times-Roman",
            fontSize=self.size,
            maxlen=64,
        )
        ax, ay = canv.absolutePosition(fx, fy)
        page = canv.getPageNumber() - 1
        self.recorder[self.field_name] = FieldBox(
            page, (ax, ay, ax + self.field_width, ay + height)
        )


class _SignatureSpace(Flowable):  # type: ignore[misc]
    """Blank room for the signature images; records where the two signature fields go."""

    def __init__(self, recorder: dict[str, FieldBox]) -> None:
        super().__init__()
        self.recorder = recorder

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        return avail_width, SIGNATURE_SPACE

    def draw(self) -> None:
        page = self.canv.getPageNumber() - 1
        x1 = (self.avail - LEADER_SIG_WIDTH) / 2
        y1 = (SIGNATURE_SPACE - LEADER_SIG_HEIGHT) / 2
        ax, ay = self.canv.absolutePosition(x1, y1)
        leader = (ax, ay, ax + LEADER_SIG_WIDTH, ay + LEADER_SIG_HEIGHT)
        # The seal at real size covers the left third of the signature image (Decree 30/2020):
        # its right edge sits one third into the leader's box, vertically centred on it.
        seal_right = ax + LEADER_SIG_WIDTH / 3
        seal_mid_y = ay + LEADER_SIG_HEIGHT / 2
        seal = (
            seal_right - AGENCY_SIG_SIZE,
            seal_mid_y - AGENCY_SIG_SIZE / 2,
            seal_right,
            seal_mid_y + AGENCY_SIG_SIZE / 2,
        )
        self.recorder[FIELD_LEADER_SIG] = FieldBox(page, leader)
        self.recorder[FIELD_AGENCY_SIG] = FieldBox(page, seal)


# ---------------------------------------------------------------------------------------------
# Styles


def _style(name: str, font: str, size: float, align: int = TA_CENTER, **kw: Any) -> ParagraphStyle:
    kw.setdefault("leading", size * 1.2)
    return ParagraphStyle(name, fontName=font, fontSize=size, alignment=align, **kw)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(nfc(text), style)


def _plain(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph from plain text (escaped; line breaks kept)."""
    return Paragraph(escape(nfc(text)).replace("\n", "<br/>"), style)


# ---------------------------------------------------------------------------------------------
# Rendering


def _header(doc: SampleDocument, recorder: dict[str, FieldBox]) -> Table:
    parent_style = _style("parent", SERIF, HEADER_SIZE)
    agency_style = _style("agency", SERIF_BOLD, HEADER_SIZE)
    title_style = _style("title", SERIF_BOLD, NATIONAL_TITLE_SIZE)
    motto_style = _style("motto", SERIF_BOLD, BODY_SIZE)
    vv_style = _style("vv", SERIF, 12.5, leading=15)

    left: list[Flowable] = []
    if doc.agency_parent:
        left.append(_plain(doc.agency_parent.upper(), parent_style))
    agency_lines = nfc(doc.agency_name).upper().split("\n")
    left.append(_plain("\n".join(agency_lines), agency_style))
    # The rule under the agency name: between a third and a half of the name's length.
    longest = max(stringWidth(line, SERIF_BOLD, HEADER_SIZE) for line in agency_lines)
    left.append(_Rule(max(longest * 0.4, 18 * mm)))

    motto_width = stringWidth(nfc(MOTTO), SERIF_BOLD, BODY_SIZE)
    right: list[Flowable] = [
        _plain(NATIONAL_TITLE, title_style),
        _plain(MOTTO, motto_style),
        _Rule(motto_width),
    ]

    number = _FieldLine(
        "Số: ",
        FIELD_NUMBER,
        NUMBER_FIELD_WIDTH,
        f"/{doc.symbol}",
        SERIF,
        HEADER_SIZE,
        recorder,
        "Số văn bản (văn thư điền khi phát hành)",
    )
    date_width = stringWidth(nfc("ngày 28 tháng 12 năm 2099"), SERIF_ITALIC, BODY_SIZE) + 4
    date = _FieldLine(
        nfc(f"{doc.place}, "),
        FIELD_DATE,
        date_width,
        "",
        SERIF_ITALIC,
        BODY_SIZE,
        recorder,
        "Ngày ban hành (văn thư điền khi phát hành)",
    )
    rows: list[list[Any]] = [[left, right], [number, date]]
    if doc.is_cong_van:
        rows.append([_plain(doc.subject, vv_style), ""])
    table = Table(rows, colWidths=[LEFT_COLUMN, RIGHT_COLUMN])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 4),
                ("TOPPADDING", (0, 2), (-1, 2), 2),
            ]
        )
    )
    return table


def _title(doc: SampleDocument) -> list[Flowable]:
    if doc.is_cong_van:
        return [Spacer(1, 8 * mm)]
    kind_style = _style("kind", SERIF_BOLD, BODY_SIZE, spaceBefore=0)
    subject_style = _style("subject", SERIF_BOLD, BODY_SIZE, leading=17)
    subject_width = min(
        stringWidth(nfc(doc.subject), SERIF_BOLD, BODY_SIZE),
        PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT,
    )
    return [
        Spacer(1, 10 * mm),
        _plain(doc.kind_name.upper(), kind_style),
        _plain(doc.subject, subject_style),
        _Rule(max(subject_width * 0.3, 25 * mm), space=4),
        Spacer(1, 4 * mm),
    ]


def _addressees(doc: SampleDocument) -> list[Flowable]:
    if not doc.addressees:
        return []
    label_style = _style("kg", SERIF, BODY_SIZE, TA_LEFT)
    item_style = _style("kgi", SERIF, BODY_SIZE, TA_LEFT, leading=17)
    label = _plain("Kính gửi:", label_style)
    if len(doc.addressees) == 1:
        items = [_plain(doc.addressees[0], item_style)]
    else:
        items = [_plain(f"- {a}", item_style) for a in doc.addressees]
    label_width = stringWidth("Kính gửi:", SERIF, BODY_SIZE) + 6
    items_width = max(
        stringWidth(nfc(a if len(doc.addressees) == 1 else f"- {a}"), SERIF, BODY_SIZE)
        for a in doc.addressees
    )
    body_width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    items_width = min(items_width + 4, body_width * 0.75)
    table = Table([[label, items]], colWidths=[label_width, items_width], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table, Spacer(1, 4 * mm)]


def _body(doc: SampleDocument) -> list[Flowable]:
    body_style = _style(
        "body",
        SERIF,
        BODY_SIZE,
        TA_JUSTIFY,
        leading=BODY_SIZE * 1.3,
        firstLineIndent=10 * mm,
        spaceAfter=5,
    )
    heading_style = _style(
        "heading", SERIF_BOLD, BODY_SIZE, leading=BODY_SIZE * 1.3, spaceBefore=4, spaceAfter=6
    )
    section_style = _style(
        "section",
        SERIF_BOLD,
        BODY_SIZE,
        TA_JUSTIFY,
        leading=BODY_SIZE * 1.3,
        firstLineIndent=10 * mm,
        spaceAfter=5,
    )
    out: list[Flowable] = []
    for paragraph in doc.body:
        if paragraph.startswith("## "):
            out.append(_p(paragraph[3:], section_style))
        elif paragraph.startswith("# "):
            out.append(_p(paragraph[2:], heading_style))
        else:
            out.append(_p(paragraph, body_style))
    return out


def _signature_block(doc: SampleDocument, recorder: dict[str, FieldBox]) -> Flowable:
    received_style = _style("nn", SERIF_BOLD_ITALIC, 12, TA_LEFT, leading=14)
    recipient_style = _style("nni", SERIF, 11, TA_LEFT, leading=12.5)
    signer_style = _style("signer", SERIF_BOLD, BODY_SIZE, leading=BODY_SIZE * 1.2)

    left: list[Flowable] = [_plain("Nơi nhận:", received_style)]
    left += [_plain(r, recipient_style) for r in doc.recipients]

    right: list[Flowable] = []
    competence = nfc(doc.signer_competence).strip()
    if competence:
        right.append(_plain(competence.upper(), signer_style))
    right += [
        _plain(doc.signer_position.upper(), signer_style),
        _SignatureSpace(recorder),
        _plain(doc.signer_name, signer_style),
    ]
    table = Table([[left, right]], colWidths=[LEFT_COLUMN, RIGHT_COLUMN])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([Spacer(1, 3 * mm), table])


def _page_number(canv: Any, _doc: Any) -> None:
    # Decree 30/2020: page numbers from page 2, centred in the top margin.
    canv.saveState()
    canv.setFont(SERIF, BODY_SIZE)
    canv.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 12 * mm, str(canv.getPageNumber()))
    canv.restoreState()


def _add_signature_fields(pdf: bytes, fields: dict[str, FieldBox]) -> bytes:
    """Add the two empty signature fields (reportlab cannot) and tidy the text fields."""
    reader = PdfFileReader(io.BytesIO(pdf))
    # A fresh single-revision file: nothing is signed yet, so no need for an incremental update.
    writer = copy_into_new_writer(reader)
    acroform = writer.root["/AcroForm"]
    # reportlab asks viewers to rebuild appearances from /DA (a WinAnsi base-14 font): a viewer
    # would then mangle Vietnamese dates. The filler supplies appearances itself.
    if "/NeedAppearances" in acroform:
        del acroform["/NeedAppearances"]
    for ref in acroform["/Fields"]:
        text_field = ref.get_object()
        if text_field.get("/T") == FIELD_NUMBER:
            # The number is typed right against "/QĐ-UBND".
            text_field["/Q"] = generic.NumberObject(2)  # type: ignore[no-untyped-call]
    for name in (FIELD_LEADER_SIG, FIELD_AGENCY_SIG):
        placed = fields[name]
        x1, y1, x2, y2 = placed.box
        append_signature_field(
            writer,
            SigFieldSpec(
                sig_field_name=name,
                on_page=placed.page,
                box=(round(x1), round(y1), round(x2), round(y2)),
            ),
        )
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def render_official_document_with_fields(doc: SampleDocument) -> RenderedDocument:
    """Render ``doc`` and say where its four placeholders are."""
    register_reportlab_fonts()
    recorder: dict[str, FieldBox] = {}
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        title=nfc(f"{doc.kind_name} - {doc.subject}"),
        author=nfc(doc.agency_name.replace("\n", " ")),
        subject=nfc(doc.subject),
        creator="VBĐT Desktop (demo)",
        lang="vi-VN",
    )
    story: list[Flowable] = [_header(doc, recorder)]
    story += _title(doc)
    story += _addressees(doc)
    story += _body(doc)
    story.append(_signature_block(doc, recorder))
    template.build(story, onLaterPages=_page_number)
    fields = dict(recorder)
    # Signature boxes snap to whole points in the PDF; report what was written.
    for name in (FIELD_LEADER_SIG, FIELD_AGENCY_SIG):
        x1, y1, x2, y2 = fields[name].box
        fields[name] = FieldBox(fields[name].page, (round(x1), round(y1), round(x2), round(y2)))
    return RenderedDocument(_add_signature_fields(buffer.getvalue(), fields), fields)


def render_official_document(doc: SampleDocument) -> bytes:
    """A draft PDF of ``doc`` with the number/date text fields and two empty signature fields."""
    return render_official_document_with_fields(doc).pdf


# The samples live in app.demo.samples; they are re-exported here for existing callers. Imported
# last because they are built from SampleDocument above.
from app.demo.samples import SAMPLE_DOCUMENTS  # noqa: E402, F401
