"""Document kinds (Decree 30 Art. 7), copy forms, and the tolerant code lookup."""

from __future__ import annotations

import unicodedata

import pytest

from app.domain.kinds import (
    CopyForm,
    DocumentKind,
    copy_form_from_code,
    kind_from_code,
)
from app.errors import InvalidInput

K = DocumentKind

# DOMAIN.md's list, in its order: the table must say exactly this.
OFFICIAL = [
    ("NQ", "Nghị quyết (cá biệt)"),
    ("QĐ", "Quyết định (cá biệt)"),
    ("CT", "Chỉ thị"),
    ("QC", "Quy chế"),
    ("QyĐ", "Quy định"),
    ("TC", "Thông cáo"),
    ("TB", "Thông báo"),
    ("HD", "Hướng dẫn"),
    ("CTr", "Chương trình"),
    ("KH", "Kế hoạch"),
    ("PA", "Phương án"),
    ("ĐA", "Đề án"),
    ("DA", "Dự án"),
    ("BC", "Báo cáo"),
    ("BB", "Biên bản"),
    ("TTr", "Tờ trình"),
    ("HĐ", "Hợp đồng"),
    ("CĐ", "Công điện"),
    ("BGN", "Bản ghi nhớ"),
    ("BTT", "Bản thỏa thuận"),
    ("GUQ", "Giấy ủy quyền"),
    ("GM", "Giấy mời"),
    ("GGT", "Giấy giới thiệu"),
    ("GNP", "Giấy nghỉ phép"),
    ("PG", "Phiếu gửi"),
    ("PC", "Phiếu chuyển"),
    ("PB", "Phiếu báo"),
    (None, "Công văn"),
    (None, "Thư công"),
]


def test_the_table_is_the_decree_list() -> None:
    assert [(k.abbreviation, k.label) for k in DocumentKind] == OFFICIAL


def test_abbreviations_are_nfc_and_distinct_ignoring_case() -> None:
    codes = [k.abbreviation for k in DocumentKind if k.abbreviation]
    assert all(unicodedata.is_normalized("NFC", c) for c in codes)
    assert len({c.casefold() for c in codes}) == len(codes)


def test_cong_van_and_thu_cong_have_no_abbreviation_and_cv_is_never_produced() -> None:
    assert K.CONG_VAN.abbreviation is None
    assert K.THU_CONG.abbreviation is None
    assert "CV" not in {k.abbreviation for k in DocumentKind}


@pytest.mark.parametrize(("code", "label"), [(c, n) for c, n in OFFICIAL if c])
def test_every_official_code_finds_its_kind(code: str, label: str) -> None:
    assert kind_from_code(code).label == label
    assert kind_from_code(unicodedata.normalize("NFD", code)).label == label
    assert kind_from_code(f"  {code} ").label == label


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("QD", K.QUYET_DINH),
        ("qd", K.QUYET_DINH),
        ("qđ", K.QUYET_DINH),
        ("QĐ", K.QUYET_DINH),
        ("QYD", K.QUY_DINH),
        ("qyđ", K.QUY_DINH),
        ("CTR", K.CHUONG_TRINH),
        ("ct", K.CHI_THI),
        ("ttr", K.TO_TRINH),
        ("cd", K.CONG_DIEN),
        ("CV", K.CONG_VAN),
        ("cv", K.CONG_VAN),
        # An official code typed exactly wins over a folded match of another one.
        ("DA", K.DU_AN),
        ("da", K.DU_AN),
        ("ĐA", K.DE_AN),
        ("đa", K.DE_AN),
        ("HD", K.HUONG_DAN),
        ("HĐ", K.HOP_DONG),
        ("hđ", K.HOP_DONG),
        # Names, with or without diacritics.
        ("Quyết định", K.QUYET_DINH),
        ("quyet dinh ca biet", K.QUYET_DINH),
        ("cong van", K.CONG_VAN),
        ("Thư công", K.THU_CONG),
        ("to trinh", K.TO_TRINH),
        ("  GIẤY   MỜI ", K.GIAY_MOI),
    ],
)
def test_tolerant_lookup(text: str, kind: DocumentKind) -> None:
    assert kind_from_code(text) is kind


@pytest.mark.parametrize("text", ["", "   ", "XYZ", "QĐX", "Q Đ", "CV1"])
def test_unknown_codes_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        kind_from_code(text)


def test_copy_forms() -> None:
    assert [(c.abbreviation, c.label, c.stamp_text) for c in CopyForm] == [
        ("SY", "Sao y", "SAO Y"),
        ("SL", "Sao lục", "SAO LỤC"),
        ("TrS", "Trích sao", "TRÍCH SAO"),
    ]
    assert copy_form_from_code("sy") is CopyForm.SAO_Y
    assert copy_form_from_code("SL") is CopyForm.SAO_LUC
    assert copy_form_from_code("TRS") is CopyForm.TRICH_SAO
    assert copy_form_from_code("trich sao") is CopyForm.TRICH_SAO
    with pytest.raises(InvalidInput):
        copy_form_from_code("SX")
