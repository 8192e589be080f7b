"""Small edXML packages between demo agencies, built with the codec, for the sandbox tests."""

from __future__ import annotations

import random
from datetime import date, datetime

from app.sync.edxml import (
    VIETNAM,
    Attachment,
    Code,
    DocumentHeader,
    DocumentPackage,
    Organization,
    ResponseFor,
    StatusHeader,
    StatusPackage,
    build_document_package,
    build_status_package,
)

PROVINCE = "000.00.00.H18"
HOME_AFFAIRS = "000.00.05.H18"
FINANCE = "000.00.07.H18"


def document(
    number: int = 1,
    *,
    sender: str = PROVINCE,
    recipients: tuple[str, ...] = (HOME_AFFAIRS, FINANCE),
    subject: str = "V/v thử nghiệm trục liên thông",
    filler: bytes = b"",
) -> bytes:
    """A document package; ``number`` makes the code and id (and so the bytes) unique."""
    header = DocumentHeader(
        sender=Organization(sender, organ_name="UBND tỉnh Điện Biên"),
        recipients=tuple(Organization(code) for code in recipients),
        subject=subject,
        document_id=document_id(number, sender),
        code=Code(str(number), "UBND-VP"),
    )
    attachment = Attachment(
        content_id="a1", name="cong-van.pdf", data=b"%PDF-1.7\n" + filler + b"\n%%EOF\n"
    )
    return build_document_package(DocumentPackage(header=header, attachments=(attachment,)))


def noise(size: int, seed: int = 0) -> bytes:
    """Incompressible filler, so a package's size on the wire is predictable."""
    return random.Random(seed).randbytes(size)


def document_id(number: int, sender: str = PROVINCE) -> str:
    return f"{sender},2025/07/01,{number}/UBND-VP"


def status(
    code: str = "03",
    *,
    number: int = 1,
    sender: str = HOME_AFFAIRS,
    about_sender: str = PROVINCE,
    description: str = "Đã tiếp nhận",
) -> bytes:
    """A status package from ``sender`` about document ``number`` that ``about_sender`` sent."""
    header = StatusHeader(
        sender=Organization(sender),
        response_for=ResponseFor(
            about_sender, f"{number}/UBND-VP", date(2025, 7, 1), document_id(number, about_sender)
        ),
        status_code=code,
        timestamp=datetime(2025, 7, 1, 9, 30, tzinfo=VIETNAM),
        description=description,
    )
    return build_status_package(StatusPackage(header))
