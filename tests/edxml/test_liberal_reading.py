"""Liberal in what we read: other namespaces and prefixes, order, dates, ids, names, encodings."""

from __future__ import annotations

import base64
import io
import re
import unicodedata
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.sync.edxml import VIETNAM, DocumentPackage, build_document_package, parse_package
from tests.edxml.samples import (
    attachment_xml,
    sample_document,
    with_attachments,
    with_header_insert,
    zip_of,
)

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
PDF = b"%PDF-1.5\n" + bytes(range(256)) * 4


def built() -> str:
    return build_document_package(sample_document()).decode()


def no_namespace(text: str) -> str:
    text = re.sub(r'\s+xmlns(:edXML)?="[^"]*"', "", text)
    return text.replace("edXML:", "")


def all_prefixed(text: str) -> str:
    text = text.replace(f'<edXML xmlns="{NS}">', f'<edXML:edXML xmlns:edXML="{NS}">')
    text = text.replace(f'<edXML:edXMLEnvelope xmlns:edXML="{NS}">', "<edXML:edXMLEnvelope>")
    text = text.replace("</edXML>", "</edXML:edXML>")
    return re.sub(
        r"<(/?)(AttachmentEncoded|Attachment|ContentId|AttachmentName|Description|"
        r"ContentType|ContentTransferEncoded)\b",
        r"<\1edXML:\2",
        text,
    )


def default_namespace(text: str) -> str:
    text = text.replace(f' xmlns:edXML="{NS}"', "")
    return text.replace("edXML:", "")


@pytest.mark.parametrize(
    "transform",
    [
        no_namespace,
        all_prefixed,
        default_namespace,
        lambda t: re.sub(r">\s+<", "><", t),  # no white space at all
        lambda t: t.replace("\n", "\r\n").replace("  ", "\t"),
        lambda t: t.replace('<?xml version="1.0" encoding="UTF-8"?>\n', ""),
        lambda t: t.replace(NS, "http://www.e-doc.vn/Schema/"),  # an older namespace
    ],
    ids=["no-ns", "prefixed", "default-ns", "compact", "crlf-tabs", "no-declaration", "other-ns"],
)
def test_same_package_in_other_forms(transform: object) -> None:
    assert callable(transform)
    assert parse_package(transform(built()).encode()) == sample_document()


def test_utf16_and_bom() -> None:
    text = built().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    assert parse_package(text.encode("utf-16")) == sample_document()
    assert parse_package(b"\xef\xbb\xbf" + built().encode()) == sample_document()


def test_children_in_any_order() -> None:
    root = ET.fromstring(built())
    for parent in root.iter():
        # Every element's children in reverse order of their names; repeats keep their order.
        first = {c.tag: -i for i, c in reversed(list(enumerate(parent)))}
        parent[:] = sorted(parent, key=lambda c: first[c.tag])
    assert parse_package(ET.tostring(root, encoding="utf-8")) == sample_document()


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024/05/10", date(2024, 5, 10)),
        ("2024-05-10", date(2024, 5, 10)),
        ("2024.5.10", date(2024, 5, 10)),
        ("2024/05/10 08:30:00", date(2024, 5, 10)),
        ("2024-05-10T08:30:00+07:00", date(2024, 5, 10)),
        ("10/05/2024", date(2024, 5, 10)),
        ("  2024/05/10\n", date(2024, 5, 10)),
    ],
)
def test_dates_with_or_without_time(written: str, expected: date) -> None:
    text = built().replace(
        "<edXML:DueDate>2024/05/31</edXML:DueDate>", f"<edXML:DueDate>{written}</edXML:DueDate>"
    )
    pkg = parse_package(text.encode())
    assert isinstance(pkg, DocumentPackage) and pkg.header.due_date == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024/05/10 14:30:05", datetime(2024, 5, 10, 14, 30, 5)),
        ("2024-05-10 14:30", datetime(2024, 5, 10, 14, 30)),
        ("2024-05-10", datetime(2024, 5, 10)),
        ("2024-05-10T07:30:05Z", datetime(2024, 5, 10, 14, 30, 5)),
        ("2024-05-10T14:30:05.123+07:00", datetime(2024, 5, 10, 14, 30, 5)),
        ("10/05/2024 2:30:05 PM", datetime(2024, 5, 10, 14, 30, 5)),
    ],
)
def test_timestamps_liberally(written: str, expected: datetime) -> None:
    text = built().replace("2024/05/10 14:30:05", written)
    pkg = parse_package(text.encode())
    assert isinstance(pkg, DocumentPackage)
    assert pkg.traces[0].timestamp == expected.replace(tzinfo=VIETNAM)


def only_attachment(raw: bytes) -> tuple[str, str, str, bytes]:
    pkg = parse_package(raw)
    assert isinstance(pkg, DocumentPackage)
    (att,) = pkg.attachments
    return att.content_id, att.name, att.content_type, att.read_bytes()


def test_raw_base64_with_line_breaks_and_content_types() -> None:
    raw = with_attachments(attachment_xml(PDF, content_type="application/pdf", wrap=76))
    assert only_attachment(raw) == ("x1", "tep.pdf", "application/pdf", PDF)


@pytest.mark.parametrize("cid", ["cid:x1", "x1", " &lt;cid:x1&gt; ", "CID:x1"])
def test_content_id_with_or_without_cid(cid: str) -> None:
    raw = with_attachments(attachment_xml(zip_of([("tep.pdf", PDF)]), content_id=cid))
    assert only_attachment(raw)[0] == "x1"


@pytest.mark.parametrize(
    ("name", "ext", "ctype"),
    [
        ("Tờ trình.doc", "doc", "application/msword"),
        (
            "Dự thảo.docx",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("ghi chú.txt", "txt", "text/plain"),
        (
            "Số liệu.xlsx",
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ],
)
def test_attachments_that_are_not_pdfs(name: str, ext: str, ctype: str) -> None:
    data = (b"PK\x03\x04" if ext in ("docx", "xlsx") else b"") + f"nội dung {ext}".encode()
    nfd = unicodedata.normalize("NFD", name)
    raw = with_attachments(attachment_xml(zip_of([(nfd, data)]), name=nfd))
    assert only_attachment(raw) == ("x1", name, ctype, data)


def test_office_file_sent_unzipped_is_not_taken_for_the_wrapper() -> None:
    docx = zip_of([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>")])
    ctype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    raw = with_attachments(attachment_xml(docx, name="Báo cáo.docx", content_type=ctype))
    assert only_attachment(raw)[1:] == ("Báo cáo.docx", ctype, docx)
    # The same, mislabelled application/zip by the sender.
    raw = with_attachments(attachment_xml(docx, name="Báo cáo.docx"))
    assert only_attachment(raw)[3] == docx


def test_names_from_the_zip_the_manifest_or_the_bytes() -> None:
    zipped = zip_of([("thư mục/", b""), ("thư mục/Kế hoạch.pdf", PDF)])
    assert only_attachment(with_attachments(attachment_xml(zipped, name=None)))[1] == "Kế hoạch.pdf"
    wrapper_named = attachment_xml(zipped, name="goi-tin.zip")
    assert only_attachment(with_attachments(wrapper_named))[1] == "Kế hoạch.pdf"
    windows_path = attachment_xml(zip_of([("a.pdf", PDF)]), name="C:\\Users\\vt\\Tờ trình.pdf")
    assert only_attachment(with_attachments(windows_path))[1] == "Tờ trình.pdf"
    nameless_raw = attachment_xml(
        PDF, name=None, content_type="application/octet-stream", content_id=None
    )
    assert only_attachment(with_attachments(nameless_raw))[:3] == (
        "attachment-1",
        "attachment-1.pdf",
        "application/pdf",
    )


def test_unpadded_and_urlsafe_base64() -> None:
    data = b"\xfb\xff" + PDF
    text = base64.urlsafe_b64encode(data).decode().rstrip("=")
    xml = attachment_xml(b"", content_type="application/pdf").replace(
        "<ContentTransferEncoded></ContentTransferEncoded>",
        f"<ContentTransferEncoded>{text}</ContentTransferEncoded>",
    )
    assert only_attachment(with_attachments(xml))[3] == data


def test_unknown_elements_comments_and_the_other_spelling_of_business() -> None:
    raw = with_header_insert("<edXML:Subject>", "<!-- ghi chú --><edXML:Khac><a>1</a></edXML:Khac>")
    assert parse_package(raw) == sample_document(())
    text = built().replace("Bussiness", "Business")
    assert parse_package(text.encode()) == sample_document()


def test_sources_bytes_stream_and_path(tmp_path: Path) -> None:
    raw = built().encode()
    path = tmp_path / "goi tin.edxml"
    path.write_bytes(raw)
    assert parse_package(io.BytesIO(raw)) == parse_package(path) == parse_package(raw)
    assert parse_package(bytearray(raw)) == sample_document()


def test_attachment_without_content_id_takes_the_manifest_entry_in_its_place() -> None:
    raw = with_attachments(attachment_xml(zip_of([("x.pdf", PDF)]), name=None, content_id=None))
    manifest = (
        '<edXML:edXMLManifest version="1.0"><edXML:Reference><edXML:ContentId>cid:m1'
        "</edXML:ContentId><edXML:AttachmentName>Giấy mời.pdf</edXML:AttachmentName>"
        "</edXML:Reference></edXML:edXMLManifest>"
    )
    raw = raw.replace(b'<edXML:edXMLManifest version="1.0"/>', manifest.encode())
    assert only_attachment(raw)[:2] == ("m1", "Giấy mời.pdf")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda t: t + "===", id="three-pads"),
        pytest.param(lambda t: t[:8] + "==" + t[8:], id="pad-in-the-middle"),
        pytest.param(lambda t: t[:8] + "*" + t[8:], id="not-the-alphabet"),
        pytest.param(lambda t: t[:8] + "é" + t[8:], id="not-ascii"),
        pytest.param(lambda t: t[:8] + "\u00a0" + t[8:], id="no-break-space"),
    ],
)
def test_damaged_base64_is_refused_not_guessed(damage: Any) -> None:
    from app.errors import PackageInvalid

    text = damage(base64.b64encode(b"\xfb\xff" + PDF).decode().rstrip("="))
    xml = attachment_xml(b"", content_type="application/pdf").replace(
        "<ContentTransferEncoded></ContentTransferEncoded>",
        f"<ContentTransferEncoded>{text}</ContentTransferEncoded>",
    )
    with pytest.raises(PackageInvalid, match="not valid base64"):
        parse_package(with_attachments(xml))
