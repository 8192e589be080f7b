"""Timestamps and long-term validation data: B-T, B-LT, B-LTA, and catching up later.

B-T asks the TSA once per signature: the CMS size is estimated from the signer's certificates
and the size of timestamp tokens seen before (no dry run). An unreachable TSA makes the signature
B-B instead of failing it, so a commune office without network can still sign; validation data
(OCSP/CRL into the DSS) is added by us after the signature, so an unreachable responder leaves a
B-T signature flagged as pending. ``complete_ltv`` (``completion``) catches up later.
Must not: retry on its own, or treat a revoked certificate as "pending".
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import Any, BinaryIO, cast

import aiohttp
from asn1crypto import cms
from asn1crypto import parser as asn1_parser
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.validation.dss import DocumentSecurityStore, collect_validation_info
from pyhanko_certvalidator.errors import (
    CertificateFetchError,
    CRLFetchError,
    InsufficientRevinfoError,
    OCSPFetchError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
)

from app.signing.pades.errors import (
    CertificateRevoked,
    SignatureCheckFailed,
    TimestampUnavailable,
    ValidationDataUnavailable,
)
from app.storage.atomic import CHUNK

log = logging.getLogger(__name__)

# A token from a TSA that embeds a three-certificate RSA chain is 5-6 KiB; start above that and
# learn the real size per TSA.
DEFAULT_TOKEN_SIZE = 8192
_CMS_OVERHEAD = 2048  # signed attributes, algorithm identifiers, ASN.1 framing
_token_sizes: dict[str, int] = {}
# Once a signer (certificate + the chain it embeds) has signed at a level, the CMS size without
# the timestamp token is known to the byte: RSA signatures have a fixed length, the signed
# attributes too. Keyed by (chain, timestamped); the largest size seen.
_cms_sizes: dict[tuple[str, bool], int] = {}
CMS_MARGIN = 256  # ECDSA's DER signature varies by a few bytes; attribute encodings by none
TOKEN_MARGIN = 1024  # a TSA's tokens vary (serial, nonce, time); its chain may be reissued

_UNREACHABLE: tuple[type[BaseException], ...] = (
    TimestampRequestError,
    aiohttp.ClientError,
    OSError,
    asyncio.TimeoutError,
    OCSPFetchError,
    CRLFetchError,
    CertificateFetchError,
    InsufficientRevinfoError,
)


def _key(timestamper: Any) -> str:
    return str(getattr(timestamper, "url", None) or type(timestamper).__name__)


def token_size_hint(timestamper: Any) -> int:
    return _token_sizes.get(_key(timestamper), DEFAULT_TOKEN_SIZE)


def remember_token(timestamper: Any, token: cms.ContentInfo) -> None:
    size = len(token.dump())
    key = _key(timestamper)
    _token_sizes[key] = max(size, _token_sizes.get(key, 0))


def _chain_key(signer: Any) -> str:
    cert = signer.signing_cert.dump()
    digest = hashlib.sha256(cert)
    for der in sorted({c.dump() for c in signer.cert_registry} - {cert}):
        digest.update(der)
    return digest.hexdigest()


def remember_cms_size(signer: Any, timestamped: bool, contents: bytes, token_size: int) -> None:
    """Learn the size of the CMS just made (without its timestamp token, ``token_size``) from
    the ``/Contents`` written (the DER, then zero padding)."""
    _, _, _, header, body, _ = asn1_parser.parse(contents, strict=False)
    key = (_chain_key(signer), timestamped)
    size = max(0, len(header) + len(body) - token_size)
    _cms_sizes[key] = max(size, _cms_sizes.get(key, 0))


def forget_cms_size(signer: Any) -> None:
    """Back to the estimate for this signer (after a reservation turned out too small)."""
    key = _chain_key(signer)
    for timestamped in (False, True):
        _cms_sizes.pop((key, timestamped), None)


def estimate_cms_size(signer: Any, timestamper: Any | None) -> int:
    """Room to reserve for the CMS, in hex digits as pyhanko's ``bytes_reserved`` counts it.

    The size this signer's CMS had before (at the same level) plus ``CMS_MARGIN``, plus the
    largest token seen from the TSA and ``TOKEN_MARGIN``; the first time, an estimate from the
    certificates + signature + attributes (+ one timestamp token) with 10 % to spare."""
    learned = _cms_sizes.get((_chain_key(signer), timestamper is not None))
    if learned is not None:
        size = learned + CMS_MARGIN
        if timestamper is not None:
            size += token_size_hint(timestamper) + TOKEN_MARGIN
        return 2 * size
    cert = signer.signing_cert
    certs = {cert.dump()} | {c.dump() for c in signer.cert_registry}
    key_bytes = max(256, cert.public_key.bit_size // 8) * 2 + 16  # ECDSA needs ~2x
    size = sum(len(c) for c in certs) + key_bytes + _CMS_OVERHEAD
    if timestamper is not None:
        size += token_size_hint(timestamper)
    # 10 % margin; the reservation is written as hex, two digits per byte.
    return 2 * int(size * 1.1)


def cause_chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def unreachable(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) means "the service could not be reached"."""
    return any(isinstance(e, _UNREACHABLE) for e in cause_chain(exc))


class OneShotTimeStamper(TimeStamper):
    """Forwards one request per signature to the real TSA; if it cannot be reached, gives no
    token, so pyhanko omits the attribute and the signature comes out B-B instead of failing.

    pyhanko's TSTProvider returns the token as the attribute value and drops a ``None`` one.
    """

    def __init__(self, inner: Any) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.inner = inner
        self.failure: str = ""
        self.calls = 0
        self.token_size = 0  # DER size of the token handed to pyhanko

    async def async_timestamp(self, message_digest: bytes, md_algorithm: str) -> Any:
        self.calls += 1
        try:
            token = await self.inner.async_timestamp(message_digest, md_algorithm)
        except Exception as exc:
            if not unreachable(exc):
                raise
            self.failure = f"timestamp server unreachable: {exc}"
            log.warning("%s", self.failure)
            return None
        remember_token(self.inner, token)
        self.token_size = len(token.dump())
        return token

    async def async_dummy_response(self, md_algorithm: str) -> Any:
        raise AssertionError("bytes_reserved is always given: no dry run may reach the TSA")


async def add_validation_data(
    handle: BinaryIO, validation_context: Any, *, password: str | None
) -> int:
    """Append a DSS revision with the chains, OCSP responses and CRLs of every signature and
    document timestamp in the file. Returns how many signatures it covered."""
    writer = _writer(handle, password)
    paths = []
    sigs = list(writer.prev.embedded_signatures)
    try:
        for sig in sigs:
            paths.extend(await collect_validation_info(sig, validation_context))
    except RevokedError as exc:
        raise CertificateRevoked(f"a certificate in the chain is revoked: {exc}") from exc
    except Exception as exc:
        if unreachable(exc):
            raise ValidationDataUnavailable(f"revocation sources unreachable: {exc}") from exc
        if isinstance(exc, PathBuildingError | PathValidationError):
            raise SignatureCheckFailed(f"the certificate chain does not validate: {exc}") from exc
        raise
    if not (validation_context.ocsps or validation_context.crls):
        raise ValidationDataUnavailable("no OCSP response or CRL could be fetched")
    DocumentSecurityStore.supply_dss_in_writer(
        writer, None, paths=paths, validation_context=validation_context, embed_roots=True
    )
    writer.IO_CHUNK_SIZE = CHUNK
    writer.write_in_place()  # type: ignore[no-untyped-call]
    return len(sigs)


async def add_document_timestamp(
    handle: BinaryIO, timestamper: Any, *, password: str | None
) -> None:
    """Append a document timestamp (one TSA request)."""
    writer = _writer(handle, password)
    stamper = PdfTimeStamper(timestamper)
    try:
        await stamper.async_timestamp_pdf(
            writer,
            "sha256",
            bytes_reserved=2 * (token_size_hint(timestamper) + 1024),
            in_place=True,
            chunk_size=CHUNK,
        )
    except Exception as exc:
        if unreachable(exc):
            raise TimestampUnavailable(f"timestamp server unreachable: {exc}") from exc
        raise
    _remember_last_doc_ts(handle, timestamper, password)


def _remember_last_doc_ts(handle: BinaryIO, timestamper: Any, password: str | None) -> None:
    reader = _writer(handle, password).prev
    stamps = reader.embedded_timestamp_signatures
    if stamps:
        token = cms.ContentInfo({"content_type": "signed_data", "content": stamps[-1].signed_data})
        remember_token(timestamper, token)


def _writer(handle: BinaryIO, password: str | None) -> IncrementalPdfFileWriter:
    handle.seek(0)
    writer = IncrementalPdfFileWriter(handle)
    if writer.prev.encrypted:
        cast(Any, writer).encrypt(password if password is not None else "")
    return writer
