"""Packages and ZIPs for the codec's tests: one full sample of each kind, and raw builders.

The raw builders write bytes by hand (not through the codec), so that tests can hand the reader
what other systems or attackers send.
"""

from __future__ import annotations

import base64
import io
import zipfile
from datetime import date, datetime
from typing import Any

from app.sync.edxml import (
    VIETNAM,
    Attachment,
    Bussiness,
    Code,
    DocumentHeader,
    DocumentPackage,
    DocumentType,
    Organization,
    OtherInfo,
    PromulgationInfo,
    ReplacementInfo,
    ResponseFor,
    SignerInfo,
    StaffInfo,
    StatusCode,
    StatusHeader,
    StatusPackage,
    TraceHeader,
    build_document_package,
)

SENDER = Organization(
    "000.00.01.H40",
    organization_in_charge="Ủy ban nhân dân tỉnh Nghệ An",
    organ_name="Văn phòng UBND tỉnh",
    organ_add="Số 3 đường Trường Thi, TP Vinh",
    email="vanthu@nghean.gov.vn",
    telephone="0238 3840 000",
    fax="0238 3840 001",
    website="https://nghean.gov.vn",
)
RECIPIENTS = (
    Organization("000.00.12.H40", organ_name="Sở Tài chính"),
    Organization("000.00.13.H40", organ_name="Sở Kế hoạch và Đầu tư"),
)


def sample_header(**changes: object) -> DocumentHeader:
    values: dict[str, object] = dict(
        sender=SENDER,
        recipients=RECIPIENTS,
        document_id="000.00.01.H40,2024/05/10,125/UBND-TH",
        code=Code("125", "UBND-TH"),
        promulgation_info=PromulgationInfo("Nghệ An", date(2024, 5, 10)),
        document_type=DocumentType(1, 2, "Công văn"),
        subject="V/v triển khai gửi, nhận văn bản điện tử qua Trục liên thông",
        content="Đề nghị các Sở, ngành thực hiện nghiêm túc.",
        signer_info=SignerInfo("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Đệ"),
        due_date=date(2024, 5, 31),
        other_info=OtherInfo(
            priority=1,
            sphere_of_promulgation="Văn bản hành chính",
            typer_notation="TVH",
            promulgation_amount=20,
            page_amount=3,
            direction="",
            appendixes=("Phụ lục I", "Phụ lục II"),
        ),
        response_for=(ResponseFor("000.00.00.G22", "88/VPCP-KSTT", date(2024, 4, 2), "x-88"),),
        steering_type=1,
        to_places=("Như trên", "Lưu: VT, TH"),
    )
    values.update(changes)
    return DocumentHeader(**values)  # type: ignore[arg-type]


def sample_document(attachments: tuple[Attachment, ...] | None = None) -> DocumentPackage:
    if attachments is None:
        attachments = (
            Attachment(
                content_id="a1", name="Công văn 125.pdf", data=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
            ),
            Attachment(
                content_id="a2",
                name="Bảng số liệu.xlsx",
                description="Phụ lục số liệu",
                data=b"PK\x03\x04 not really a workbook",
            ),
        )
    return DocumentPackage(
        header=sample_header(),
        traces=(TraceHeader("000.00.01.H40", datetime(2024, 5, 10, 14, 30, 5, tzinfo=VIETNAM)),),
        business=Bussiness(
            document_id="000.00.01.H40,2024/05/10,125/UBND-TH",
            doc_type=2,
            reason="Cập nhật phụ lục",
            paper=1,
            staff_info=StaffInfo("Văn phòng", "Lê Thị Hà", "0912345678", "ha@nghean.gov.vn"),
            replacement_info=(ReplacementInfo("x-120", ("000.00.12.H40", "000.00.13.H40")),),
        ),
        attachments=attachments,
    )


def sample_status(code: str = StatusCode.ACCEPTED) -> StatusPackage:
    return StatusPackage(
        StatusHeader(
            sender=RECIPIENTS[0],
            response_for=ResponseFor("000.00.01.H40", "125/UBND-TH", date(2024, 5, 10), "x-125"),
            status_code=code,
            timestamp=datetime(2024, 5, 11, 8, 15, 0, tzinfo=VIETNAM),
            staff_info=StaffInfo("Văn thư", "Phan Văn Tư"),
            description="Đã tiếp nhận văn bản",
        ),
        traces=(TraceHeader("000.00.12.H40", datetime(2024, 5, 11, 8, 15, 1, tzinfo=VIETNAM)),),
    )


def zip_of(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=method) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buf.getvalue()


def attachment_xml(
    payload: bytes,
    *,
    name: str | None = "tep.pdf",
    content_type: str = "application/zip",
    content_id: str | None = "cid:x1",
    wrap: int = 0,
) -> str:
    """One ``<Attachment>`` as another system might write it; ``wrap`` breaks the base64."""
    text = base64.b64encode(payload).decode()
    if wrap:
        text = "\r\n".join(text[i : i + wrap] for i in range(0, len(text), wrap))
    parts = [f"<ContentId>{content_id}</ContentId>" if content_id is not None else ""]
    parts.append(f"<AttachmentName>{name}</AttachmentName>" if name is not None else "")
    parts.append(f"<ContentType>{content_type}</ContentType>")
    parts.append(f"<ContentTransferEncoded>{text}</ContentTransferEncoded>")
    return "<Attachment>" + "".join(parts) + "</Attachment>"


def with_attachments(*attachments: str) -> bytes:
    """The sample document's XML with ``AttachmentEncoded`` replaced by the given elements."""
    base = build_document_package(sample_document(attachments=())).decode()
    inner = "".join(attachments)
    inner = f"<AttachmentEncoded>{inner}</AttachmentEncoded>"
    return base.replace("<AttachmentEncoded/>", inner).encode()


def with_header_insert(marker: str, insert: str, *, before: bool = True) -> bytes:
    """The sample document's XML with ``insert`` placed next to the first ``marker``."""
    base = build_document_package(sample_document(attachments=())).decode()
    at = base.index(marker)
    at = at if before else at + len(marker)
    return (base[:at] + insert + base[at:]).encode()


class Trickle(io.RawIOBase):
    """A stream that hands out at most ``step`` bytes per read, to test chunk boundaries."""

    def __init__(self, data: bytes, step: int = 7) -> None:
        self._data = memoryview(data)
        self._at = 0
        self._step = step

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(self._step, len(buffer), len(self._data) - self._at)
        buffer[:n] = self._data[self._at : self._at + n]
        self._at += n
        return n
