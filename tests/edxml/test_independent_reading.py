"""What the codec writes, read WITHOUT the codec: plain ``xml.etree.ElementTree`` and ``zipfile``.

This is the standard's shape as another vendor's system sees it: names, namespace, order of the
MessageHeader children, attachments as base64 of a one-file ZIP.
"""

from __future__ import annotations

import base64
import io
import xml.etree.ElementTree as ET
import zipfile

from app.sync.edxml import (
    DocumentHeader,
    DocumentPackage,
    build_document_package,
    build_status_package,
)
from tests.edxml.samples import sample_document, sample_status

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
DOCUMENT_ORDER = [
    "From",
    "To",
    "DocumentId",
    "Code",
    "PromulgationInfo",
    "DocumentType",
    "Subject",
    "Content",
    "SignerInfo",
    "DueDate",
    "OtherInfo",
    "ResponseFor",
    "SteeringType",
    "ToPlaces",
]


def q(*names: str) -> str:
    return "/".join(f"{{{NS}}}{n}" for n in names)


def local(el: ET.Element) -> str:
    assert el.tag.startswith(f"{{{NS}}}"), el.tag
    return el.tag.split("}", 1)[1]


def children(el: ET.Element) -> list[str]:
    return [local(c) for c in el]


def texts(el: ET.Element) -> dict[str, str]:
    return {local(c): (c.text or "") for c in el}


def collapse(names: list[str]) -> list[str]:
    """Repeated elements (To, ResponseFor) as one entry, to compare with the standard's order."""
    out: list[str] = []
    for n in names:
        if not out or out[-1] != n:
            out.append(n)
    return out


def test_document_package_reads_field_for_field_without_the_codec() -> None:
    pkg = sample_document()
    root = ET.fromstring(build_document_package(pkg))
    assert root.tag == f"{{{NS}}}edXML"
    assert children(root) == ["edXMLEnvelope", "AttachmentEncoded"]
    envelope = root.find(q("edXMLEnvelope"))
    assert envelope is not None and children(envelope) == ["edXMLHeader", "edXMLBody"]
    mh = root.find(q("edXMLEnvelope", "edXMLHeader", "MessageHeader"))
    assert mh is not None

    order = children(mh)
    assert collapse(order) == DOCUMENT_ORDER
    assert order.count("To") == 2

    h = pkg.header
    frm = mh.find(q("From"))
    assert frm is not None
    assert children(frm) == [
        "OrganId",
        "OrganizationInCharge",
        "OrganName",
        "OrganAdd",
        "Email",
        "Telephone",
        "Fax",
        "Website",
    ]
    assert texts(frm)["OrganizationInCharge"] == "Ủy ban nhân dân tỉnh Nghệ An"
    assert [texts(t)["OrganId"] for t in mh.findall(q("To"))] == [r.organ_id for r in h.recipients]
    values = texts(mh)
    assert values["Subject"] == h.subject
    assert values["Content"] == h.content
    assert values["DocumentId"] == h.document_id
    assert values["DueDate"] == "2024/05/31"
    assert values["SteeringType"] == "1"
    code = mh.find(q("Code"))
    assert code is not None and texts(code) == {"CodeNumber": "125", "CodeNotation": "UBND-TH"}
    pi = mh.find(q("PromulgationInfo"))
    assert pi is not None and texts(pi) == {"Place": "Nghệ An", "PromulgationDate": "2024/05/10"}
    dt = mh.find(q("DocumentType"))
    assert dt is not None and children(dt) == ["Type", "TypeDetail", "TypeName"]
    signer = mh.find(q("SignerInfo"))
    assert signer is not None and children(signer) == ["Competence", "Position", "FullName"]
    assert texts(signer)["FullName"] == "Nguyễn Văn Đệ"
    other = mh.find(q("OtherInfo"))
    assert other is not None
    assert children(other) == [
        "Priority",
        "SphereOfPromulgation",
        "TyperNotation",
        "PromulgationAmount",
        "PageAmount",
        "Appendixes",
    ]
    assert [a.text for a in other.findall(q("Appendixes", "Appendix"))] == [
        "Phụ lục I",
        "Phụ lục II",
    ]
    rf = mh.find(q("ResponseFor"))
    assert rf is not None and children(rf) == ["OrganId", "Code", "PromulgationDate", "DocumentId"]
    assert [p.text for p in mh.findall(q("ToPlaces", "Place"))] == ["Như trên", "Lưu: VT, TH"]

    trace_list = root.find(q("edXMLEnvelope", "edXMLHeader", "TraceHeaderList"))
    assert trace_list is not None and children(trace_list) == ["TraceHeader", "Bussiness"]
    trace = trace_list.find(q("TraceHeader"))
    assert trace is not None
    assert texts(trace) == {"OrganId": "000.00.01.H40", "Timestamp": "2024/05/10 14:30:05"}
    business = trace_list.find(q("Bussiness"))
    assert business is not None
    assert children(business) == [
        "DocumentId",
        "BussinessDocType",
        "BussinessDocReason",
        "Paper",
        "StaffInfo",
        "ReplacementInfoList",
    ]
    assert texts(business)["BussinessDocType"] == "2"
    organs = business.findall(q("ReplacementInfoList", "ReplacementInfo", "OrganIdList", "OrganId"))
    assert [o.text for o in organs] == ["000.00.12.H40", "000.00.13.H40"]

    manifest = root.find(q("edXMLEnvelope", "edXMLBody", "edXMLManifest"))
    assert manifest is not None and manifest.get("version") == "1.0"
    refs = manifest.findall(q("Reference"))
    assert [texts(r)["ContentId"] for r in refs] == ["cid:a1", "cid:a2"]
    assert all(children(r)[:2] == ["ContentId", "ContentType"] for r in refs)
    assert all(children(r)[-1] == "AttachmentName" for r in refs)
    assert all(texts(r)["ContentType"] == "application/zip" for r in refs)

    encoded = root.findall(q("AttachmentEncoded", "Attachment"))
    assert len(encoded) == len(pkg.attachments)
    for el, att in zip(encoded, pkg.attachments, strict=True):
        assert children(el) == [
            "ContentId",
            "AttachmentName",
            *(["Description"] if att.description else []),
            "ContentType",
            "ContentTransferEncoded",
        ]
        fields = texts(el)
        assert fields["ContentId"] == att.content_id
        assert fields["AttachmentName"] == att.name
        assert fields["ContentType"] == "application/zip"
        raw = base64.b64decode(fields["ContentTransferEncoded"], validate=True)
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            assert zf.testzip() is None
            assert zf.namelist() == [att.name]
            assert zf.read(att.name) == att.data


def test_status_package_reads_without_the_codec() -> None:
    root = ET.fromstring(build_status_package(sample_status()))
    mh = root.find(q("edXMLEnvelope", "edXMLHeader", "MessageHeader"))
    assert mh is not None
    assert children(mh) == [
        "From",
        "ResponseFor",
        "StaffInfo",
        "StatusCode",
        "Description",
        "Timestamp",
    ]
    values = texts(mh)
    assert values["StatusCode"] == "03"
    assert values["Timestamp"] == "2024/05/11 08:15:00"
    rf = mh.find(q("ResponseFor"))
    assert rf is not None and texts(rf) == {
        "OrganId": "000.00.01.H40",
        "Code": "125/UBND-TH",
        "PromulgationDate": "2024/05/10",
        "DocumentId": "x-125",
    }


def test_optional_elements_left_out_keep_the_order() -> None:
    full = sample_document(()).header
    header = DocumentHeader(
        sender=full.sender,
        recipients=full.recipients[:1],
        subject="Chỉ có trích yếu",
        due_date=full.due_date,
    )
    root = ET.fromstring(build_document_package(DocumentPackage(header=header)))
    mh = root.find(q("edXMLEnvelope", "edXMLHeader", "MessageHeader"))
    assert mh is not None and children(mh) == ["From", "To", "Subject", "DueDate"]
