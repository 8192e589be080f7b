"""Hand-written packages in the style of other vendors' systems (tests/edxml/fixtures/)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

from app.sync.edxml import VIETNAM, DocumentPackage, StatusPackage, parse_package

FIXTURES = Path(__file__).parent / "fixtures"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_prefixed_crlf_package_with_an_nfd_named_doc() -> None:
    raw = (FIXTURES / "vendor_a_prefixed_crlf.edxml").read_bytes()
    if b"\r\n" not in raw:  # a checkout that rewrote line ends must not weaken the test
        raw = raw.replace(b"\n", b"\r\n")
    name_nfd = unicodedata.normalize("NFD", "Quyết định số 15 về khen thưởng.doc")
    assert name_nfd.encode() in raw  # the fixture really carries the decomposed form

    pkg = parse_package(raw)
    assert isinstance(pkg, DocumentPackage)
    h = pkg.header
    assert h.sender.organ_id == "000.00.00.H26"
    assert h.sender.organ_name == "Sở Nội vụ tỉnh Hà Tĩnh"
    assert h.sender.fax == ""
    assert [r.organ_id for r in h.recipients] == ["000.00.15.H26"]
    assert h.subject == nfc("Quyết định khen thưởng tập thể, cá nhân có thành tích xuất sắc")
    assert h.document_id == "000.00.00.H26,2024/06/03,15/QĐ-SNV"
    assert h.code is not None and h.code.code_notation == "QĐ-SNV"
    assert h.promulgation_info is not None
    assert h.promulgation_info.promulgation_date == date(2024, 6, 3)
    assert h.document_type is not None
    assert (h.document_type.type, h.document_type.type_detail) == (1, 2)
    assert h.document_type.type_name == "Quyết định"
    assert h.content == ""
    assert h.signer_info is not None and h.signer_info.full_name == "Trần Thị Hoa"
    assert h.due_date == date(2024, 6, 17)
    assert h.to_places == ("Như Điều 3", "Lưu: VT, TĐKT")
    assert h.other_info is not None
    assert h.other_info.priority == 0 and h.other_info.page_amount == 2
    assert h.other_info.appendixes == ()  # the one empty Appendix means "none"
    assert h.steering_type == 0
    assert pkg.traces[0].timestamp == datetime(2024, 6, 3, 10, 20, 30, tzinfo=VIETNAM)
    assert pkg.business.doc_type == 0 and pkg.business.paper == 0
    assert pkg.business.staff_info is not None
    assert pkg.business.staff_info.staff == "Nguyễn Văn Thư"

    (att,) = pkg.attachments
    assert att.content_id == "6b1f0c2e-qd15"
    assert att.name == nfc("Quyết định số 15 về khen thưởng.doc")
    assert att.content_type == "application/msword"
    assert att.description == "Quyết định (bản Word)"
    assert att.data == (FIXTURES / "vendor_a_expected.doc").read_bytes()


def test_default_namespace_package_with_missing_elements_and_a_raw_pdf() -> None:
    pkg = parse_package(FIXTURES / "vendor_b_default_ns.edxml")
    assert isinstance(pkg, DocumentPackage)
    h = pkg.header
    assert h.sender.organ_id == "G12.34" and h.sender.organ_name == "Sở Y tế"
    assert h.recipients[0].organ_id == "G12.35"
    assert h.subject == "Báo cáo tình hình thực hiện dự toán quý II năm 2024"
    assert h.promulgation_info is not None
    assert h.promulgation_info.place == ""
    assert h.promulgation_info.promulgation_date == date(2024, 6, 5)
    assert h.due_date == date(2024, 6, 20)
    assert (h.content, h.signer_info, h.other_info, h.document_type) == ("", None, None, None)
    assert h.response_for == () and h.steering_type is None and h.to_places == ()
    assert pkg.traces[0].timestamp == datetime(2024, 6, 5, tzinfo=VIETNAM)
    assert pkg.business.doc_type == 0 and pkg.business.staff_info is None

    (att,) = pkg.attachments
    assert att.content_id == "bc-q2"  # "cid:" in one place, bare in the other
    assert att.name == "Bao cao quy II.pdf"  # only the manifest named it
    assert att.description == "Báo cáo"
    assert att.content_type == "application/pdf"
    assert att.data == (FIXTURES / "vendor_b_expected.pdf").read_bytes()


def test_status_03_with_unknown_elements() -> None:
    with (FIXTURES / "vendor_c_status_03.edxml").open("rb") as stream:
        pkg = parse_package(stream)
    assert isinstance(pkg, StatusPackage)
    h = pkg.header
    assert h.status_code == "03"
    assert h.sender.organ_id == "000.00.15.H26" and h.sender.organ_name == "UBND huyện Can Lộc"
    assert h.response_for.organ_id == "000.00.00.H26"
    assert h.response_for.code == "15/QĐ-SNV"
    assert h.response_for.promulgation_date == date(2024, 6, 3)
    assert h.response_for.document_id == "000.00.00.H26,2024/06/03,15/QĐ-SNV"
    assert h.staff_info is not None and h.staff_info.staff == "Lê Văn Tiếp"
    assert h.description == "Đã tiếp nhận & vào sổ văn bản đến <số 1024>"
    assert h.timestamp == datetime(2024, 6, 3, 15, 45, 10, tzinfo=VIETNAM)
    assert pkg.traces[0].organ_id == "000.00.15.H26"
