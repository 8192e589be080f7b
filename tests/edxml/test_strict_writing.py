"""Strict in what we write: the writer refuses, naming the element, before writing a byte."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from app.sync.edxml import (
    Attachment,
    Bussiness,
    DocumentPackage,
    Organization,
    OtherInfo,
    PackageInvalid,
    ResponseFor,
    StatusHeader,
    StatusPackage,
    TraceHeader,
    build_document_package,
    build_status_package,
    parse_package,
    write_document_package,
)
from tests.edxml.samples import Trickle, sample_document, sample_header, sample_status, zip_of

H = "edXMLHeader/MessageHeader"


def refusal(pkg: DocumentPackage | StatusPackage) -> str:
    out = io.BytesIO()
    with pytest.raises(PackageInvalid) as info:
        if isinstance(pkg, DocumentPackage):
            write_document_package(pkg, out)
        else:
            build_status_package(pkg)
    assert out.getvalue() == b"", "nothing is written for a refused package"
    element = info.value.params["element"]
    assert isinstance(element, str)
    return element


def doc(**header: object) -> DocumentPackage:
    return replace(sample_document(()), header=sample_header(**header))


@pytest.mark.parametrize(
    ("pkg", "element"),
    [
        (doc(subject="   "), f"{H}/Subject"),
        (doc(subject="á" * 501), f"{H}/Subject"),
        (doc(content="b" * 501), f"{H}/Content"),
        (doc(recipients=()), f"{H}/To"),
        (doc(sender=Organization("")), f"{H}/From/OrganId"),
        (doc(recipients=(Organization("x"), Organization(" "))), f"{H}/To[2]/OrganId"),
        (doc(other_info=OtherInfo(priority=5)), f"{H}/OtherInfo/Priority"),
        (doc(steering_type=-1), f"{H}/SteeringType"),
        (doc(subject="ký tự \x01 lạ"), f"{H}/Subject"),
        (doc(to_places=("Như trên", "")), f"{H}/ToPlaces/Place"),
        (
            replace(sample_document(()), business=Bussiness(doc_type=4)),
            "edXMLHeader/TraceHeaderList/Bussiness/BussinessDocType",
        ),
        (
            replace(sample_document(()), traces=(TraceHeader("x", None),)),
            "edXMLHeader/TraceHeaderList/TraceHeader[1]/Timestamp",
        ),
    ],
)
def test_document_refusals(pkg: DocumentPackage, element: str) -> None:
    assert refusal(pkg) == element


def test_subject_of_exactly_500_characters_is_fine() -> None:
    pkg = doc(subject="ư" * 500)
    assert parse_package(build_document_package(pkg)) == pkg


def att(**kw: object) -> Attachment:
    values: dict[str, object] = {"content_id": "a", "name": "a.pdf", "data": b"%PDF"}
    values.update(kw)
    return Attachment(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("atts", "element"),
    [
        ((att(content_id="a b"),), "ContentId"),
        ((att(content_id=""),), "ContentId"),
        ((att(), att(name="b.pdf")), "ContentId"),
        ((att(name="../a.pdf"),), "AttachmentName"),
        ((att(name="thư mục/a.pdf"),), "AttachmentName"),
        ((att(name=" "),), "AttachmentName"),
        ((att(name="a\x00.pdf"),), "AttachmentName"),
        ((att(name="tài liệu.zip"),), "ContentTransferEncoded"),
        ((att(name="a.pdf", data=zip_of([("x.pdf", b"%PDF")])),), "ContentTransferEncoded"),
        ((att(data=Path("/nonexistent/x.pdf")),), "ContentTransferEncoded"),
        ((att(description="\ufffe"),), "Description"),
    ],
)
def test_attachment_refusals(atts: tuple[Attachment, ...], element: str) -> None:
    got = refusal(sample_document(atts))
    assert got.startswith("AttachmentEncoded/Attachment[") and got.endswith(element)


def test_a_docx_may_be_a_zip_inside_the_wrapper() -> None:
    docx = att(name="Dự thảo.docx", data=zip_of([("[Content_Types].xml", b"<Types/>")]))
    pkg = sample_document((docx,))
    assert parse_package(build_document_package(pkg)) == pkg


def test_cid_prefix_is_not_doubled() -> None:
    text = build_document_package(sample_document((att(content_id="cid:abc"),))).decode()
    assert "cid:cid:" not in text and "<edXML:ContentId>cid:abc</edXML:ContentId>" in text


@pytest.mark.parametrize(
    ("header", "element"),
    [
        ({"status_code": "07"}, f"{H}/StatusCode"),
        ({"status_code": "3"}, f"{H}/StatusCode"),
        ({"timestamp": None}, f"{H}/Timestamp"),
        ({"response_for": ResponseFor("", "1/UBND")}, f"{H}/ResponseFor"),
        ({"response_for": ResponseFor("x")}, f"{H}/ResponseFor"),
        ({"description": "a\x0bb"}, f"{H}/Description"),
    ],
)
def test_status_refusals(header: dict[str, object], element: str) -> None:
    base = sample_status()
    pkg = replace(base, header=replace(base.header, **header))  # type: ignore[arg-type]
    assert refusal(pkg) == element


def test_every_status_code_round_trips() -> None:
    for code in ("01", "02", "03", "04", "05", "06", "13", "15", "16"):
        pkg = sample_status(code)
        back = parse_package(build_status_package(pkg))
        assert isinstance(back, StatusPackage) and back.header.status_code == code


def test_status_header_keeps_its_order_fields() -> None:
    h = StatusHeader(
        Organization("a"), ResponseFor("b", "1/X"), "05", sample_status().header.timestamp
    )
    assert parse_package(build_status_package(StatusPackage(h))) == StatusPackage(h)


def test_a_package_read_in_tiny_pieces_is_the_same() -> None:
    raw = build_document_package(sample_document())
    assert parse_package(Trickle(raw, 3)) == sample_document()  # type: ignore[arg-type]
