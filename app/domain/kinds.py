"""Document kinds of Decree 30/2020 Art. 7 and the copy forms of its Annex III, with abbreviations.

The abbreviation is what goes into a document's symbol (``05/QĐ-UBND``). Công văn and thư công have
none: "CV" is printed by many tools but is not official, so it is accepted as input and never
produced. Lookups tolerate case, missing diacritics and decomposed (NFD) input, because clerks type
"QD" on keyboards without a Vietnamese input method.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from app.domain.search import fold_for_search
from app.errors import InvalidInput


class DocumentKind(StrEnum):
    """Stored by these ASCII values; the abbreviation and the name come from the table below."""

    NGHI_QUYET = "nghi_quyet"
    QUYET_DINH = "quyet_dinh"
    CHI_THI = "chi_thi"
    QUY_CHE = "quy_che"
    QUY_DINH = "quy_dinh"
    THONG_CAO = "thong_cao"
    THONG_BAO = "thong_bao"
    HUONG_DAN = "huong_dan"
    CHUONG_TRINH = "chuong_trinh"
    KE_HOACH = "ke_hoach"
    PHUONG_AN = "phuong_an"
    DE_AN = "de_an"
    DU_AN = "du_an"
    BAO_CAO = "bao_cao"
    BIEN_BAN = "bien_ban"
    TO_TRINH = "to_trinh"
    HOP_DONG = "hop_dong"
    CONG_DIEN = "cong_dien"
    BAN_GHI_NHO = "ban_ghi_nho"
    BAN_THOA_THUAN = "ban_thoa_thuan"
    GIAY_UY_QUYEN = "giay_uy_quyen"
    GIAY_MOI = "giay_moi"
    GIAY_GIOI_THIEU = "giay_gioi_thieu"
    GIAY_NGHI_PHEP = "giay_nghi_phep"
    PHIEU_GUI = "phieu_gui"
    PHIEU_CHUYEN = "phieu_chuyen"
    PHIEU_BAO = "phieu_bao"
    CONG_VAN = "cong_van"
    THU_CONG = "thu_cong"

    @property
    def abbreviation(self) -> str | None:
        """The official abbreviation, or None for công văn and thư công."""
        return _KIND_TABLE[self][0]

    @property
    def label(self) -> str:
        """The Vietnamese name (tên loại) as Decree 30 writes it."""
        return _KIND_TABLE[self][1]


K = DocumentKind
E = TypeVar("E", bound=StrEnum)
_KIND_TABLE: dict[DocumentKind, tuple[str | None, str]] = {
    K.NGHI_QUYET: ("NQ", "Nghị quyết (cá biệt)"),
    K.QUYET_DINH: ("QĐ", "Quyết định (cá biệt)"),
    K.CHI_THI: ("CT", "Chỉ thị"),
    K.QUY_CHE: ("QC", "Quy chế"),
    K.QUY_DINH: ("QyĐ", "Quy định"),
    K.THONG_CAO: ("TC", "Thông cáo"),
    K.THONG_BAO: ("TB", "Thông báo"),
    K.HUONG_DAN: ("HD", "Hướng dẫn"),
    K.CHUONG_TRINH: ("CTr", "Chương trình"),
    K.KE_HOACH: ("KH", "Kế hoạch"),
    K.PHUONG_AN: ("PA", "Phương án"),
    K.DE_AN: ("ĐA", "Đề án"),
    K.DU_AN: ("DA", "Dự án"),
    K.BAO_CAO: ("BC", "Báo cáo"),
    K.BIEN_BAN: ("BB", "Biên bản"),
    K.TO_TRINH: ("TTr", "Tờ trình"),
    K.HOP_DONG: ("HĐ", "Hợp đồng"),
    K.CONG_DIEN: ("CĐ", "Công điện"),
    K.BAN_GHI_NHO: ("BGN", "Bản ghi nhớ"),
    K.BAN_THOA_THUAN: ("BTT", "Bản thỏa thuận"),
    K.GIAY_UY_QUYEN: ("GUQ", "Giấy ủy quyền"),
    K.GIAY_MOI: ("GM", "Giấy mời"),
    K.GIAY_GIOI_THIEU: ("GGT", "Giấy giới thiệu"),
    K.GIAY_NGHI_PHEP: ("GNP", "Giấy nghỉ phép"),
    K.PHIEU_GUI: ("PG", "Phiếu gửi"),
    K.PHIEU_CHUYEN: ("PC", "Phiếu chuyển"),
    K.PHIEU_BAO: ("PB", "Phiếu báo"),
    K.CONG_VAN: (None, "Công văn"),
    K.THU_CONG: (None, "Thư công"),
}

# Accepted on input only; never printed ("CV" is not an official abbreviation).
KIND_ALIASES: dict[str, DocumentKind] = {"CV": K.CONG_VAN}


class CopyForm(StrEnum):
    """Hình thức bản sao (Annex III)."""

    SAO_Y = "sao_y"
    SAO_LUC = "sao_luc"
    TRICH_SAO = "trich_sao"

    @property
    def abbreviation(self) -> str:
        return _COPY_TABLE[self][0]

    @property
    def label(self) -> str:
        return _COPY_TABLE[self][1]

    @property
    def stamp_text(self) -> str:
        """What the copy's agency signature shows at the top right of page 1."""
        return _COPY_TABLE[self][2]


_COPY_TABLE: dict[CopyForm, tuple[str, str, str]] = {
    CopyForm.SAO_Y: ("SY", "Sao y", "SAO Y"),
    CopyForm.SAO_LUC: ("SL", "Sao lục", "SAO LỤC"),
    CopyForm.TRICH_SAO: ("TrS", "Trích sao", "TRÍCH SAO"),
}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _bare_name(label: str) -> str:
    """A name without its parenthetical ("Quyết định (cá biệt)" → "Quyết định")."""
    return label.split("(")[0].strip()


def _fold_name(text: str) -> str:
    return fold_for_search(text.replace("(", " ").replace(")", " "))


def _lookup(
    text: str,
    members: Iterable[E],
    abbreviation_of: dict[E, str],
    names_of: dict[E, tuple[str, ...]],
    aliases: dict[str, E],
    what: str,
) -> E:
    raw = _nfc(text)
    if not raw:
        raise InvalidInput(f"Chưa nhập {what} (empty {what})", value=text)
    # Exact, then case-insensitive: "DA" is Dự án and "HD" is Hướng dẫn, even though "ĐA" and "HĐ"
    # fold to the same letters; an official code typed exactly always wins over a folded match.
    for member, abbreviation in abbreviation_of.items():
        if abbreviation == raw:
            return member
    for member, abbreviation in abbreviation_of.items():
        if abbreviation.casefold() == raw.casefold():
            return member
    for alias, member in aliases.items():
        if alias.casefold() == raw.casefold():
            return member
    folded = fold_for_search(raw)
    candidates = [m for m, a in abbreviation_of.items() if fold_for_search(a) == folded]
    if not candidates:
        candidates = [m for m in members if _fold_name(raw) in names_of[m]]
    if len(candidates) == 1:
        return candidates[0]
    hint = (
        "; có thể là: " + ", ".join(abbreviation_of.get(m, str(m)) for m in candidates)
        if candidates
        else ""
    )
    raise InvalidInput(
        f"Không nhận ra {what} «{raw}»{hint} (unknown or ambiguous {what})",
        value=text,
        candidates=[str(m) for m in candidates],
    )


def kind_from_code(text: str) -> DocumentKind:
    """The kind for an abbreviation or a name: "QĐ", "QD", "qđ", "CV", "quyet dinh" all work."""
    return _lookup(
        text,
        list(DocumentKind),
        {k: a for k, (a, _) in _KIND_TABLE.items() if a is not None},
        {k: (_fold_name(n), _fold_name(_bare_name(n))) for k, (_, n) in _KIND_TABLE.items()},
        KIND_ALIASES,
        "loại văn bản",
    )


def copy_form_from_code(text: str) -> CopyForm:
    """The copy form for "SY", "SL", "TrS" (any case) or a name such as "sao y"."""
    return _lookup(
        text,
        list(CopyForm),
        {c: a for c, (a, _, _) in _COPY_TABLE.items()},
        {c: (_fold_name(n), _fold_name(s)) for c, (_, n, s) in _COPY_TABLE.items()},
        {},
        "hình thức bản sao",
    )
