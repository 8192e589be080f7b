"""Who signed: a certificate's display fields, and whether it belongs to an agency or a person.

A Decree-30 document needs the competent person's signature AND the agency's. Vietnamese CAs do
not mark the difference in a standard extension, so we read the subject (docs/verification.md):
1. a personal identifier (CMND/CCCD/Hộ chiếu/Passport) in UID or serialNumber -> personal;
2. an organisation identifier (MST/MNS/mã QHNS/mã định danh) there -> agency;
3. a title (T) attribute -> personal (CAs put the position into personal certificates only);
4. a CN equal to the organisation (O), or starting with an organisation word (Ủy ban, Sở, Bộ,
   Văn phòng, Trung tâm, ...) -> agency;
5. a CN that differs from a present O -> personal (a person belongs to an organisation);
otherwise unknown. Must not: decide validity.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from asn1crypto import x509

from app.signing.verify.model import SignerKind
from app.signing.verify.trust import common_name, sha256_hex

_PERSONAL_ID = re.compile(
    r"^\s*(cmnd|cccd|cmt|hc|ho chieu|passport|pp|can cuoc|cc|dinh danh ca nhan)\s*[:\-=]"
)
_ORG_ID = re.compile(r"^\s*(mst|mns|mqhns|ma so thue|ma ngan sach|mdv|ma dinh danh|org)\s*[:\-=]")
_ORG_WORDS = (
    "uy ban",
    "ubnd",
    "hdnd",
    "hoi dong",
    "so ",
    "bo ",
    "cuc ",
    "chi cuc",
    "tong cuc",
    "ban ",
    "van phong",
    "phong ",
    "trung tam",
    "cong ty",
    "toa an",
    "vien ",
    "truong ",
    "benh vien",
    "kho bac",
    "thanh tra",
    "kiem toan",
    "cong an",
    "dang uy",
    "tinh uy",
    "thanh uy",
    "huyen uy",
    "quan uy",
    "co quan",
    "mat tran",
    "doan ",
    "hoi ",
    "bo chi huy",
    "chi nhanh",
    "tap doan",
    "ngan hang",
    "bao hiem",
    "cong thong tin",
)


def fold(text: str) -> str:
    """Lower case without diacritics (đ -> d), for matching Vietnamese words."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _attrs(name: x509.Name, key: str) -> list[str]:
    out: list[str] = []
    for rdn in name.chosen:
        for attr in rdn:
            if attr["type"].native == key:
                out.append(str(attr["value"].native))
    return out


def classify_signer(cert: x509.Certificate) -> SignerKind:
    """AGENCY, PERSONAL or UNKNOWN from the subject (see the module docstring)."""
    subject = cert.subject
    ids = [fold(v) for v in _attrs(subject, "user_id") + _attrs(subject, "serial_number")]
    if any(_PERSONAL_ID.match(v) for v in ids):
        return SignerKind.PERSONAL
    if any(_ORG_ID.match(v) for v in ids):
        return SignerKind.AGENCY
    if _attrs(subject, "title"):
        return SignerKind.PERSONAL
    cn = fold(" ".join(_attrs(subject, "common_name"))).strip()
    orgs = {fold(o).strip() for o in _attrs(subject, "organization_name")}
    if cn and (cn in orgs or cn.startswith(_ORG_WORDS)):
        return SignerKind.AGENCY
    if cn and orgs:
        return SignerKind.PERSONAL
    return SignerKind.UNKNOWN


@dataclass(frozen=True)
class CertSummary:
    subject: str
    common_name: str
    issuer: str
    sha256: str
    kind: SignerKind


_SHORT = {
    "common_name": "CN",
    "title": "T",
    "organizational_unit_name": "OU",
    "organization_name": "O",
    "locality_name": "L",
    "state_or_province_name": "ST",
    "country_name": "C",
    "user_id": "UID",
    "serial_number": "SERIALNUMBER",
    "email_address": "E",
}


def name_text(name: x509.Name) -> str:
    """``CN=..., T=..., O=..., C=VN, UID=...``: most specific first, as Vietnamese tools show."""
    parts = []
    for rdn in reversed(list(name.chosen)):
        for attr in rdn:
            key = attr["type"].native
            parts.append(f"{_SHORT.get(key, key)}={attr['value'].native}")
    return ", ".join(parts)


def summarise(cert: x509.Certificate) -> CertSummary:
    try:
        subject, issuer = name_text(cert.subject), name_text(cert.issuer)
        kind = classify_signer(cert)
    except (ValueError, TypeError, KeyError):
        subject = issuer = ""
        kind = SignerKind.UNKNOWN
    return CertSummary(
        subject=unicodedata.normalize("NFC", subject),
        common_name=unicodedata.normalize("NFC", common_name(cert)),
        issuer=unicodedata.normalize("NFC", issuer),
        sha256=sha256_hex(cert.dump()),
        kind=kind,
    )
