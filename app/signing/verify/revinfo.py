"""Revocation data we already hold: what the document embeds, and the local file cache.

Embedded LTV data comes first: the DSS (/Certs, /OCSPs, /CRLs and every /VRI entry) and the
Adobe revocation archive attribute inside each signature. The cache keeps the last OCSP response
per certificate and the last CRL per issuer as DER files under the data folder; an entry is reused
while its nextUpdate has not passed. Must not: fetch from the network (see ``fetching``).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from asn1crypto import core, crl, ocsp, x509
from asn1crypto import pdf as _asn1_pdf  # noqa: F401 - registers the Adobe CMS attribute
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.decode_limits import DecodePurpose

from app.storage.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

# OCSP responses without nextUpdate ("ask whenever you like") count as fresh this long.
NO_NEXT_UPDATE_GRACE = timedelta(hours=24)
TOLERANCE = timedelta(minutes=5)


@dataclass
class RevinfoPool:
    """Certificates, OCSP responses and CRLs available without any network."""

    certs: list[x509.Certificate] = field(default_factory=list)
    ocsps: list[ocsp.OCSPResponse] = field(default_factory=list)
    crls: list[crl.CertificateList] = field(default_factory=list)

    def add_archival(self, signer_info: Any) -> None:
        """Add the Adobe revocationInfoArchival attribute of a CMS SignerInfo, if present."""
        attrs = signer_info["signed_attrs"]
        if isinstance(attrs, core.Void):  # (``.native`` would convert every certificate)
            return
        for attr in attrs:
            if attr["type"].native != "adobe_revocation_info_archival":
                continue
            for archive in attr["values"]:
                self.crls.extend(archive["crl"] if archive["crl"].native else [])
                self.ocsps.extend(archive["ocsp"] if archive["ocsp"].native else [])


def _stream_items(dss: Any, key: str, seen: set[tuple[int, int]]) -> Iterable[Any]:
    try:
        refs: Any = dss.raw_get(key)
    except KeyError:
        return
    if isinstance(refs, generic.IndirectObject):
        refs = refs.get_object()  # type: ignore[no-untyped-call]
    for ref in refs if isinstance(refs, generic.ArrayObject) else []:
        if isinstance(ref, generic.IndirectObject):
            ident = (ref.idnum, ref.generation)
            if ident in seen:
                continue
            seen.add(ident)
        yield ref.get_object()


def read_dss(root: Any, pool: RevinfoPool) -> bool:
    """Add everything the document's DSS holds to ``pool``; False when there is no DSS."""
    try:
        dss = root["/DSS"]
    except KeyError:
        return False
    dicts = [dss]
    try:
        dicts += [v.get_object() for v in dss["/VRI"].values()]
    except KeyError:
        pass
    seen: set[tuple[int, int]] = set()
    for holder in dicts:
        for key, purpose, loader, target in (
            ("/Certs", DecodePurpose.CERTIFICATE, x509.Certificate.load, pool.certs),
            ("/Cert", DecodePurpose.CERTIFICATE, x509.Certificate.load, pool.certs),
            ("/OCSPs", DecodePurpose.OCSP_RESPONSE, ocsp.OCSPResponse.load, pool.ocsps),
            ("/OCSP", DecodePurpose.OCSP_RESPONSE, ocsp.OCSPResponse.load, pool.ocsps),
            ("/CRLs", DecodePurpose.CRL, crl.CertificateList.load, pool.crls),
            ("/CRL", DecodePurpose.CRL, crl.CertificateList.load, pool.crls),
        ):
            for stream in _stream_items(holder, key, seen):
                target.append(loader(stream.read_data(purpose)))
    return True


# --- matching and freshness ----------------------------------------------------------------------
def _single_responses(resp: ocsp.OCSPResponse) -> list[Any]:
    try:
        if resp["response_status"].native != "successful":
            return []
        basic = resp["response_bytes"]["response"].parsed
        return list(basic["tbs_response_data"]["responses"])
    except (ValueError, TypeError, KeyError):
        return []


def ocsp_window(
    resp: ocsp.OCSPResponse, cert: x509.Certificate
) -> tuple[datetime, datetime] | None:
    """(thisUpdate, nextUpdate) of the single response about ``cert``; None if none is."""
    issuer_der = cert.issuer.dump()
    for single in _single_responses(resp):
        cert_id = single["cert_id"]
        if cert_id["serial_number"].native != cert.serial_number:
            continue
        algo = cert_id["hash_algorithm"]["algorithm"].native
        try:
            name_hash = hashlib.new(algo, issuer_der).digest()
        except ValueError:
            continue
        if name_hash != cert_id["issuer_name_hash"].native:
            continue
        this_update = single["this_update"].native
        next_update = single["next_update"].native or this_update + NO_NEXT_UPDATE_GRACE
        return this_update, next_update
    return None


def crl_window(
    revlist: crl.CertificateList, cert: x509.Certificate
) -> tuple[datetime, datetime] | None:
    try:
        tbs = revlist["tbs_cert_list"]
        if tbs["issuer"].dump() != cert.issuer.dump():
            return None
        this_update = tbs["this_update"].native
        next_update = tbs["next_update"].native or this_update + NO_NEXT_UPDATE_GRACE
    except (ValueError, TypeError, KeyError):
        return None
    return this_update, next_update


def usable_at(window: tuple[datetime, datetime] | None, *moments: datetime) -> bool:
    """Revocation data may be used for ``moments`` up to its nextUpdate (earlier ones too:
    data issued after a signature still says whether the certificate was revoked before)."""
    return window is not None and all(m <= window[1] + TOLERANCE for m in moments)


# --- the cache -----------------------------------------------------------------------------------
def _key(*parts: bytes) -> str:
    return hashlib.sha256(b"\x00".join(parts)).hexdigest()[:40]


def _serial(cert: x509.Certificate) -> bytes:
    return str(cert.serial_number).encode()


class RevocationCache:
    """OCSP responses (one per certificate) and CRLs (one per issuer) as DER files."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _ocsp_path(self, cert: x509.Certificate) -> Path:
        return self.directory / "ocsp" / f"{_key(cert.issuer.dump(), _serial(cert))}.der"

    def _crl_path(self, issuer_der: bytes) -> Path:
        return self.directory / "crl" / f"{_key(issuer_der)}.der"

    def _load(self, path: Path, loader: Any) -> list[Any]:
        try:
            obj = loader(path.read_bytes())
            obj.native  # noqa: B018 - parse fully now: a corrupt file is a cache miss
            return [obj]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, TypeError) as exc:
            log.warning("ignoring unreadable revocation cache entry %s: %s", path, exc)
            return []

    def ocsp_for(self, cert: x509.Certificate) -> list[ocsp.OCSPResponse]:
        return self._load(self._ocsp_path(cert), ocsp.OCSPResponse.load)

    def crls_for(self, cert: x509.Certificate) -> list[crl.CertificateList]:
        return self._load(self._crl_path(cert.issuer.dump()), crl.CertificateList.load)

    def store_ocsp(self, cert: x509.Certificate, resp: ocsp.OCSPResponse) -> None:
        if ocsp_window(resp, cert) is None:
            return  # not about this certificate, or not a successful answer
        self._store(self._ocsp_path(cert), resp.dump())

    def store_crl(self, revlist: crl.CertificateList) -> None:
        self._store(self._crl_path(revlist["tbs_cert_list"]["issuer"].dump()), revlist.dump())

    def _store(self, path: Path, der: bytes) -> None:
        try:
            atomic_write_bytes(path, der)
        except Exception as exc:  # noqa: BLE001 - a cache that cannot be written is only slower
            log.warning("revocation cache not written (%s): %s", path, exc)
