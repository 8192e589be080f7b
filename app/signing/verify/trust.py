"""The offline trust pack: trust anchors an administrator imports into the data folder.

The app ships no certificate files it did not make. An administrator imports the official roots
(downloaded from their publishers) as .cer/.crt/.pem/.der/.p7b files; each CA certificate is stored
as ``<trust dir>/anchors/<SHA-256>.der``. The official anchors are recognised by their pinned
SHA-256 fingerprint and shown by their official names; a certificate that borrows an official
name with another fingerprint is refused. Must not: fetch certificates or trust the OS store.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import cms, pem, x509

from app.signing.verify.errors import TrustPackError
from app.storage.atomic import atomic_write_bytes

# DOMAIN.md "Trust anchors": SHA-256 of the DER certificate -> official name.
OFFICIAL_ANCHORS: Mapping[str, str] = {
    "F04BA4B459A7C9A1B971AD9B1CB833E695A80C79AEA63B174B66A70EDFE2FDB8": (
        "RootCA chuyên dùng Chính phủ G2"
    ),
    "D8CAB7A4AEF92E6BB2509D7C61CEE7B44F3731B2D21074963530277B366FAE4B": (
        "CA phục vụ các cơ quan Nhà nước G2"
    ),
    "BAC8BF609AB420A8EE1780D74F4DE5C7F7184959D2A7375B0A75E4C29F0908E7": (
        "Vietnam National Root CA"
    ),
}
ANCHORS_SUBDIR = "anchors"
MAX_IMPORT_BYTES = 4 * 1024 * 1024


def sha256_hex(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest().upper()


def common_name(cert: x509.Certificate) -> str:
    try:
        return str(cert.subject.native.get("common_name", "")) or cert.subject.human_friendly
    except (ValueError, TypeError):
        return ""


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()


@dataclass(frozen=True)
class Anchor:
    cert: x509.Certificate
    sha256: str
    name: str
    official: bool
    self_signed: bool


def anchor_info(cert: x509.Certificate, official: Mapping[str, str] = OFFICIAL_ANCHORS) -> Anchor:
    fingerprint = sha256_hex(cert.dump())
    name = official.get(fingerprint)
    return Anchor(
        cert=cert,
        sha256=fingerprint,
        name=name or common_name(cert),
        official=name is not None,
        self_signed=cert.self_signed != "no",
    )


@dataclass(frozen=True)
class TrustStore:
    """The anchors a verification trusts; build with ``load`` (trust pack) or ``from_certs``."""

    anchors: tuple[Anchor, ...] = ()

    @classmethod
    def from_certs(
        cls, certs: Iterable[Any], official: Mapping[str, str] = OFFICIAL_ANCHORS
    ) -> TrustStore:
        """From DER/PEM bytes, asn1crypto or cryptography certificates."""
        out: list[Anchor] = []
        for item in certs:
            for cert in _as_asn1(item):
                anchor = anchor_info(cert, official)
                if all(a.sha256 != anchor.sha256 for a in out):
                    out.append(anchor)
        return cls(tuple(out))

    @classmethod
    def load(cls, trust_dir: Path, official: Mapping[str, str] = OFFICIAL_ANCHORS) -> TrustStore:
        """The anchors stored in ``trust_dir`` (an empty store when the folder does not exist)."""
        folder = trust_dir / ANCHORS_SUBDIR
        if not folder.is_dir():
            return cls()
        try:
            return cls.from_certs(
                (p.read_bytes() for p in sorted(folder.glob("*.der"))), official=official
            )
        except (OSError, ValueError, TypeError) as exc:
            raise TrustPackError(
                f"unreadable trust pack {folder}: {exc}", path=str(folder)
            ) from exc

    @property
    def certificates(self) -> list[x509.Certificate]:
        return [a.cert for a in self.anchors]

    def find(self, cert: x509.Certificate) -> Anchor | None:
        fingerprint = sha256_hex(cert.dump())
        return next((a for a in self.anchors if a.sha256 == fingerprint), None)


def _as_asn1(item: Any) -> list[x509.Certificate]:
    if isinstance(item, x509.Certificate):
        return [item]
    if hasattr(item, "public_bytes"):  # a cryptography certificate
        from cryptography.hazmat.primitives.serialization import Encoding

        return [x509.Certificate.load(item.public_bytes(Encoding.DER))]
    if isinstance(item, bytes | bytearray):
        return read_certificates(bytes(item))
    raise TypeError(f"not a certificate: {type(item).__name__}")


def read_certificates(data: bytes) -> list[x509.Certificate]:
    """Every certificate in a PEM (one or many blocks), DER or PKCS#7 (.p7b) file."""
    ders: list[bytes] = []
    if pem.detect(data):
        for _kind, _headers, der in pem.unarmor(data, multiple=True):
            ders.append(der)
    else:
        ders.append(data)
    certs: list[x509.Certificate] = []
    for der in ders:
        certs.extend(_from_der(der))
    return certs


def _from_der(der: bytes) -> list[x509.Certificate]:
    try:
        info = cms.ContentInfo.load(der)
        if info["content_type"].native == "signed_data":
            bag = info["content"]["certificates"]
            return [c.chosen for c in bag if c.name == "certificate"]
    except (ValueError, TypeError, KeyError):
        pass
    cert = x509.Certificate.load(der)
    cert.native  # noqa: B018 - force a full parse: asn1crypto parses lazily
    return [cert]


@dataclass(frozen=True)
class ImportResult:
    added: tuple[Anchor, ...]
    already_present: tuple[Anchor, ...]
    rejected: tuple[tuple[str, str], ...]  # (file name, reason)


def _refusal(cert: x509.Certificate, official: Mapping[str, str]) -> str | None:
    if not cert.ca:
        return "không phải chứng thư của CA (basicConstraints CA=false)"
    fingerprint = sha256_hex(cert.dump())
    names = {_fold(n): fp for fp, n in official.items()}
    claimed = names.get(_fold(common_name(cert)))
    if claimed is not None and claimed != fingerprint:
        return "mang tên chứng thư gốc chính thức nhưng dấu vân tay SHA-256 khác"
    return None


def import_trust_anchors(
    files: Iterable[Path], trust_dir: Path, official: Mapping[str, str] = OFFICIAL_ANCHORS
) -> ImportResult:
    """Copy the CA certificates in ``files`` into the trust pack; returns what happened per file.

    Raises StorageError (or DiskFull) only when the trust pack itself cannot be written.
    """
    folder = trust_dir / ANCHORS_SUBDIR
    added: list[Anchor] = []
    present: list[Anchor] = []
    rejected: list[tuple[str, str]] = []
    for path in files:
        try:
            if path.stat().st_size > MAX_IMPORT_BYTES:
                raise ValueError("tệp quá lớn")
            certs = read_certificates(path.read_bytes())
        except (OSError, ValueError, TypeError) as exc:
            rejected.append((path.name, f"không đọc được chứng thư: {exc}"))
            continue
        if not certs:
            rejected.append((path.name, "tệp không chứa chứng thư nào"))
        for cert in certs:
            refusal = _refusal(cert, official)
            if refusal:
                rejected.append((path.name, f"{common_name(cert)}: {refusal}"))
                continue
            anchor = anchor_info(cert, official)
            target = folder / f"{anchor.sha256}.der"
            if target.exists():
                present.append(anchor)
                continue
            atomic_write_bytes(target, cert.dump())  # StorageError/DiskFull on failure
            added.append(anchor)
    return ImportResult(tuple(added), tuple(present), tuple(rejected))


def default_trust_dir(data_dir: Path) -> Path:
    return data_dir / "trust"
