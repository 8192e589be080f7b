"""The signature verification report: a printable PDF of a DocumentVerdict, in Vietnamese.

One page summarises the document (verdict in plain words, agency/personal signatures present,
reasons, a table of signatures); then one page per signature (signer, certificate, trusted time
and its source, revocation, coverage, the changes made after it, every reason with its rule id).
Text is NFC and set in the bundled VNSerif fonts; times read dd/mm/yyyy HH:MM:SS +07:00.
app.reports may not import app.signing, so the verdict is read through the Protocols below.
Must not: decide or change a verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Protocol
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.domain.types import Verdict
from app.reports.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, nfc, register_reportlab_fonts
from app.storage.atomic import atomic_writer

VN_TZ = timezone(timedelta(hours=7), "+07:00")

VERDICT_WORDS: dict[Verdict, str] = {
    Verdict.VALID: "HỢP LỆ",
    Verdict.VALID_CHANGED_LATER: "HỢP LỆ – có thay đổi được phép sau khi ký",
    Verdict.NEEDS_REVIEW: "CẦN XEM XÉT",
    Verdict.INVALID: "KHÔNG HỢP LỆ",
    Verdict.CANNOT_VERIFY: "KHÔNG KIỂM TRA ĐƯỢC",
}
VERDICT_COLOURS: dict[Verdict, colors.Color] = {
    Verdict.VALID: colors.HexColor("#1B7F3B"),
    Verdict.VALID_CHANGED_LATER: colors.HexColor("#1B7F3B"),
    Verdict.NEEDS_REVIEW: colors.HexColor("#B26A00"),
    Verdict.INVALID: colors.HexColor("#B00020"),
    Verdict.CANNOT_VERIFY: colors.HexColor("#555555"),
}
SIGNER_KINDS = {
    "personal": "Chữ ký số cá nhân",
    "agency": "Chữ ký số của cơ quan, tổ chức",
    "timestamp": "Dấu thời gian tài liệu",
    "unknown": "Không xác định",
}
TIME_SOURCES = {
    "tsa_token": "dấu thời gian của TSA trong chữ ký",
    "document_timestamp": "dấu thời gian tài liệu",
    "local_receipt": "thời điểm phần mềm nhận và kiểm tra lần đầu",
    "claimed": "đồng hồ máy người ký (không được bảo đảm)",
    "none": "không có",
}
REVOCATION = {
    "good": "Chưa bị thu hồi",
    "revoked": "ĐÃ BỊ THU HỒI",
    "revoked_after_signing": "Bị thu hồi sau thời điểm ký",
    "unknown_offline": "Chưa kiểm tra được (ngoại tuyến) – sẽ kiểm tra lại",
    "unknown": "Không xác định được",
    "not_checked": "Không kiểm tra",
}
COVERAGE = {
    "entire_file": "Toàn bộ tệp",
    "entire_revision": "Toàn bộ bản sửa đổi được ký (có nội dung thêm sau)",
    "partial": "Một phần (bất thường)",
    "unknown": "Không xác định",
}
MODIFICATION = {
    "NONE": "Không có",
    "LTA_UPDATES": "Chỉ bổ sung dữ liệu kiểm tra dài hạn / dấu thời gian",
    "FORM_FILLING": "Điền biểu mẫu, thêm chữ ký",
    "ANNOTATIONS": "Thêm chú thích",
    "OTHER": "Thay đổi khác (không được phép)",
}
CHANGE_KINDS = {
    "form_fill": "Điền trường",
    "signature": "Thêm chữ ký",
    "document_timestamp": "Thêm dấu thời gian",
    "dss": "Bổ sung dữ liệu kiểm tra dài hạn (LTV) sau khi ký",
    "metadata": "Cập nhật siêu dữ liệu",
    "other": "Thay đổi khác",
}


class ReasonView(Protocol):
    @property
    def rule_id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def severity(self) -> Verdict: ...


class ChangeView(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def revision(self) -> int: ...


class SignatureView(Protocol):
    @property
    def field_name(self) -> str: ...
    @property
    def verdict(self) -> Verdict: ...
    @property
    def rule_ids(self) -> tuple[str, ...]: ...
    @property
    def reasons(self) -> Sequence[ReasonView]: ...
    @property
    def kind(self) -> str: ...
    @property
    def signer_subject(self) -> str: ...
    @property
    def signer_common_name(self) -> str: ...
    @property
    def signer_kind(self) -> str: ...
    @property
    def issuer(self) -> str: ...
    @property
    def cert_sha256(self) -> str: ...
    @property
    def trust_anchor(self) -> str: ...
    @property
    def signing_time(self) -> datetime | None: ...
    @property
    def signing_time_source(self) -> str: ...
    @property
    def claimed_signing_time(self) -> datetime | None: ...
    @property
    def coverage(self) -> str: ...
    @property
    def modification_level(self) -> str: ...
    @property
    def later_changes(self) -> Sequence[ChangeView]: ...
    @property
    def revocation_status(self) -> str: ...
    @property
    def revocation_as_of(self) -> datetime | None: ...
    @property
    def hash_algorithm(self) -> str: ...
    @property
    def signed_revision_index(self) -> int: ...


class DocumentView(Protocol):
    @property
    def overall(self) -> Verdict: ...
    @property
    def signatures(self) -> Sequence[SignatureView]: ...
    @property
    def agency_signature_present(self) -> bool: ...
    @property
    def personal_signature_present(self) -> bool: ...
    @property
    def sig_field_count(self) -> int: ...
    @property
    def reasons(self) -> Sequence[ReasonView]: ...
    @property
    def as_of(self) -> datetime: ...
    @property
    def file_sha256(self) -> str: ...
    @property
    def revision_count(self) -> int: ...
    @property
    def rule_ids(self) -> tuple[str, ...]: ...
    @property
    def needs_recheck(self) -> bool: ...


def vn_time(moment: datetime | None) -> str:
    """``26/11/2026 09:15:02 +07:00`` (naive values are UTC); "—" for None."""
    if moment is None:
        return "—"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M:%S +07:00")


class _Styles:
    def __init__(self) -> None:
        self.title = ParagraphStyle(
            "t", fontName=SERIF_BOLD, fontSize=16, leading=20, alignment=TA_CENTER
        )
        self.h2 = ParagraphStyle(
            "h2", fontName=SERIF_BOLD, fontSize=13, leading=17, spaceBefore=8, spaceAfter=4
        )
        self.body = ParagraphStyle("b", fontName=SERIF, fontSize=11, leading=14)
        self.small = ParagraphStyle("s", fontName=SERIF, fontSize=9, leading=11.5)
        self.label = ParagraphStyle("l", fontName=SERIF_BOLD, fontSize=10.5, leading=13.5)
        self.note = ParagraphStyle("n", fontName=SERIF_ITALIC, fontSize=9.5, leading=12)
        self.verdict = ParagraphStyle(
            "v", fontName=SERIF_BOLD, fontSize=15, leading=19, alignment=TA_CENTER,
            textColor=colors.white,
        )  # fmt: skip


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(nfc(text)).replace("\n", "<br/>"), style)


def _verdict_box(verdict: Verdict, prefix: str, st: _Styles) -> Table:
    table = Table([[_p(f"{prefix}{VERDICT_WORDS[verdict]}", st.verdict)]], colWidths=[170 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF_BOLD),
                ("BACKGROUND", (0, 0), (-1, -1), VERDICT_COLOURS[verdict]),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table


def _facts(rows: list[tuple[str, str]], st: _Styles) -> Table:
    data = [[_p(k, st.label), _p(v or "—", st.body)] for k, v in rows]
    table = Table(data, colWidths=[52 * mm, 118 * mm])
    table.setStyle(_grid())
    return table


def _grid(header: bool = False) -> TableStyle:
    style = [
        # Table cells default to Helvetica (base-14: no Vietnamese) even when empty.
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")))
    return TableStyle(style)


def _reasons(reasons: Sequence[ReasonView], st: _Styles) -> list[Any]:
    if not reasons:
        return [_p("Không có.", st.body)]
    return [_p(f"• {r.text}  [{r.rule_id}]", st.body) for r in reasons]


_PROBLEMS = (Verdict.NEEDS_REVIEW, Verdict.INVALID, Verdict.CANNOT_VERIFY)


def _signature_problems(signatures: Sequence[SignatureView], st: _Styles) -> list[Any]:
    """What made a signature less than valid, on the summary page too."""
    out: list[Any] = []
    for sig in signatures:
        for r in sig.reasons:
            if r.severity in _PROBLEMS:
                out.append(_p(f"• Chữ ký «{sig.field_name}»: {r.text}  [{r.rule_id}]", st.body))
    return out


def _has(value: bool) -> str:
    return "Có" if value else "KHÔNG CÓ"


def _summary(verdict: DocumentView, title: str, file_name: str, st: _Styles) -> list[Any]:
    story: list[Any] = [
        _p("BÁO CÁO KIỂM TRA CHỮ KÝ SỐ", st.title),
        Spacer(1, 6 * mm),
        _facts(
            [
                ("Văn bản", title),
                ("Tệp", file_name),
                ("Mã băm SHA-256 của tệp", verdict.file_sha256),
                ("Thời điểm kiểm tra", vn_time(verdict.as_of)),
                ("Số trường chữ ký đã ký", str(verdict.sig_field_count)),
                (
                    "Chữ ký số cá nhân (người có thẩm quyền)",
                    _has(verdict.personal_signature_present),
                ),
                ("Chữ ký số của cơ quan, tổ chức", _has(verdict.agency_signature_present)),
            ],
            st,
        ),
        Spacer(1, 5 * mm),
        _verdict_box(verdict.overall, "KẾT LUẬN: ", st),
        _p(f"Quy tắc quyết định: {', '.join(verdict.rule_ids[:1]) or '—'}", st.note),
        _p("Lý do", st.h2),
        *_reasons(verdict.reasons, st),
        *_signature_problems(verdict.signatures, st),
    ]
    if verdict.signatures:
        rows: list[list[Any]] = [
            [
                _p(h, st.label)
                for h in ("#", "Trường", "Người ký", "Loại", "Thời điểm ký", "Kết luận")
            ]
        ]
        for i, sig in enumerate(verdict.signatures, 1):
            rows.append(
                [
                    _p(str(i), st.small),
                    _p(sig.field_name, st.small),
                    _p(sig.signer_common_name or "—", st.small),
                    _p(SIGNER_KINDS.get(str(sig.signer_kind), str(sig.signer_kind)), st.small),
                    _p(vn_time(sig.signing_time), st.small),
                    _p(VERDICT_WORDS[sig.verdict], st.small),
                ]
            )
        table = Table(rows, colWidths=[8 * mm, 30 * mm, 38 * mm, 32 * mm, 30 * mm, 32 * mm])
        table.setStyle(_grid(header=True))
        story += [_p("Các chữ ký", st.h2), table]
    if verdict.needs_recheck:
        story += [
            Spacer(1, 4 * mm),
            _p(
                "Tình trạng thu hồi chứng thư chưa kiểm tra được; phần mềm sẽ tự động kiểm tra "
                "lại khi có kết nối mạng.",
                st.note,
            ),
        ]
    return story


def _signature_page(
    sig: SignatureView, index: int, total: int, revisions: int, st: _Styles
) -> list[Any]:
    source = TIME_SOURCES.get(str(sig.signing_time_source), str(sig.signing_time_source))
    revocation = REVOCATION.get(str(sig.revocation_status), str(sig.revocation_status))
    if sig.revocation_as_of is not None:
        revocation += f" (tính đến {vn_time(sig.revocation_as_of)})"
    rows = [
        ("Người ký", sig.signer_common_name),
        ("Loại chữ ký", SIGNER_KINDS.get(str(sig.signer_kind), str(sig.signer_kind))),
        ("Chủ thể chứng thư", sig.signer_subject),
        ("Tổ chức cấp chứng thư", sig.issuer),
        ("Chứng thư gốc tin cậy", sig.trust_anchor or "Không tìm được"),
        ("SHA-256 chứng thư", sig.cert_sha256),
        ("Thời điểm ký", f"{vn_time(sig.signing_time)} – nguồn: {source}"),
        ("Thời điểm người ký khai", vn_time(sig.claimed_signing_time)),
        ("Tình trạng thu hồi", revocation),
        ("Thuật toán băm", sig.hash_algorithm.upper()),
        ("Phạm vi được ký", COVERAGE.get(str(sig.coverage), str(sig.coverage))),
        ("Bản sửa đổi được ký", f"{sig.signed_revision_index + 1} / {revisions}"),
        (
            "Mức thay đổi sau khi ký",
            MODIFICATION.get(sig.modification_level, sig.modification_level or "—"),
        ),
    ]
    story: list[Any] = [
        _p(f"CHỮ KÝ {index}/{total}: «{sig.field_name}»", st.title),
        Spacer(1, 5 * mm),
        _verdict_box(sig.verdict, "", st),
        Spacer(1, 4 * mm),
        _facts(rows, st),
        _p("Các thay đổi sau khi ký", st.h2),
    ]
    if sig.later_changes:
        data: list[list[Any]] = [
            [_p(h, st.label) for h in ("Bản sửa đổi", "Thay đổi", "Trường", "Giá trị")]
        ]
        for change in sig.later_changes:
            data.append(
                [
                    _p(str(change.revision + 1), st.small),
                    _p(CHANGE_KINDS.get(change.kind, change.kind), st.small),
                    _p(change.name, st.small),
                    _p(change.value or "—", st.small),
                ]
            )
        table = Table(data, colWidths=[22 * mm, 50 * mm, 45 * mm, 53 * mm])
        table.setStyle(_grid(header=True))
        story.append(table)
    else:
        story.append(_p("Không có.", st.body))
    story += [_p("Lý do", st.h2), *_reasons(sig.reasons, st)]
    return story


def render_verification_report(
    verdict: DocumentView, *, document_title: str, file_name: str, out_path: Path
) -> Path:
    """Write the report PDF atomically to ``out_path`` and return it."""
    register_reportlab_fonts()
    st = _Styles()
    story = _summary(verdict, document_title, file_name, st)
    total = len(verdict.signatures)
    for i, sig in enumerate(verdict.signatures, 1):
        story += [PageBreak(), *_signature_page(sig, i, total, verdict.revision_count, st)]
    footer = nfc(f"VBĐT Desktop – Báo cáo kiểm tra chữ ký số – {file_name}")

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(SERIF, 8.5)
        canvas.drawString(20 * mm, 10 * mm, footer[:110])
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, f"Trang {doc.page}")
        canvas.restoreState()

    with atomic_writer(out_path) as handle:
        doc = SimpleDocTemplate(
            handle,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=18 * mm,
            bottomMargin=18 * mm,
            title=nfc(f"Báo cáo kiểm tra chữ ký số – {document_title}"),
            author="VBĐT Desktop",
            lang="vi-VN",
            # reportlab's default canvas font is Helvetica (base-14, no Vietnamese).
            initialFontName=SERIF,
        )
        doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return out_path
