"""Checks the engine runs on what it wrote, before anything replaces the source.

Cheap ones only: the new signature's integrity and cryptographic validity (no network), and that
every signature which was valid before our update still is, with at most form filling as the
change since it was made. ``ltv_self_contained`` proves a file validates offline from its DSS.
Must not: serve as the verification use case for incoming documents (that needs policy,
revocation and trust handling of its own).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from asn1crypto import core
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.general import byte_range_digest
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.generic_cms import validate_sig_integrity
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.status import ModificationInfo
from pyhanko_certvalidator import ValidationContext

from app.signing.hexread import fast_hex
from app.storage.atomic import CHUNK

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SigState:
    field: str
    intact: bool
    valid: bool
    modification: str  # ModificationLevel name, "" when not analysed
    docmdp_ok: bool | None
    trusted: bool  # only computed when ``trust_roots`` were given (else False)
    signer_cert: bytes = b""  # DER of the certificate the CMS names as the signer


def open_reader(handle: BinaryIO, password: str | None) -> PdfFileReader:
    handle.seek(0)
    reader = PdfFileReader(handle)
    if reader.encrypted:
        reader.decrypt(password if password is not None else "")
    return reader


_SUBFILTERS = {
    SigSeedSubFilter.ADOBE_PKCS7_DETACHED.value,
    SigSeedSubFilter.PADES.value,
    SigSeedSubFilter.PBAD_PADES.value,
}


def seed_digest(sig: EmbeddedPdfSignature) -> None:
    """Hash the signature's byte range in ``CHUNK`` reads (pyhanko's own pass reads 4 KiB at a
    time) and leave the result where ``compute_digest`` looks first."""
    md = sig.external_md_algorithm
    if md not in sig.external_digests:
        _, digest = byte_range_digest(sig.reader.stream, sig.byte_range, md, chunk_size=CHUNK)
        sig.external_digests[md] = digest


def _integrity(sig: EmbeddedPdfSignature, diff: bool) -> SigState:
    """Integrity, cryptographic validity and (with ``diff``) the changes since signing: what
    ``async_validate_pdf_signature`` computes for these fields, without the trust checks
    (certificate path, timestamp token validation, algorithm policy)."""
    subfilter = sig.sig_object.get("/SubFilter", None)
    if subfilter not in _SUBFILTERS:
        raise SignatureValidationError(f"{subfilter} is not a recognized SubFilter type")
    sig.compute_integrity_info(skip_diff=not diff)  # type: ignore[no-untyped-call]
    summary = sig.summarise_integrity_info()
    eci = sig.signed_data["encap_content_info"]
    if eci["content"] is not core.VOID:
        raise SignatureValidationError("detached signatures should not have encapsulated data")
    intact, valid = validate_sig_integrity(
        sig.signer_info,
        sig.signer_cert,
        expected_content_type=eci["content_type"].native,
        actual_digest=sig.compute_digest(),
    )
    level = ModificationInfo(
        coverage=summary["coverage"], diff_result=summary["diff_result"]
    ).modification_level
    return SigState(
        sig.field_name,
        bool(intact),
        bool(valid),
        level.name if level is not None else "",
        summary["docmdp_ok"],
        False,
        sig.signer_cert.dump(),
    )


async def _trusted(sig: EmbeddedPdfSignature, roots: list[Any], diff: bool) -> SigState:
    embedded = list(sig.other_embedded_certs)
    context = ValidationContext(
        trust_roots=roots,
        other_certs=embedded,
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    status = await async_validate_pdf_signature(
        sig, signer_validation_context=context, skip_diff=not diff
    )
    level = status.modification_level
    return SigState(
        sig.field_name,
        bool(status.intact),
        bool(status.valid),
        level.name if level is not None else "",
        status.docmdp_ok,
        bool(status.trusted),
        sig.signer_cert.dump(),
    )


async def signature_states(
    reader: PdfFileReader,
    *,
    trust_roots: list[Any] | None = None,
    fields: set[str] | None = None,
    diff: bool = True,
) -> dict[str, SigState]:
    """Check the regular signatures (optionally only ``fields``) without going online.

    Integrity and cryptographic validity always (and the diff analysis with ``diff``); the
    certificate path only when ``trust_roots`` are given: the engine's own checks need the
    former alone, the full trust decision belongs to the verification use case. Hex strings
    are read in blocks (``hexread``) and the byte range hashed in ``CHUNK`` reads.
    """
    out: dict[str, SigState] = {}
    with fast_hex():
        for sig in reader.embedded_regular_signatures:
            name = sig.field_name
            if fields is not None and name not in fields:
                continue
            try:
                seed_digest(sig)
                if trust_roots:
                    out[name] = await _trusted(sig, trust_roots, diff)
                else:
                    out[name] = _integrity(sig, diff)
            except Exception as exc:  # noqa: BLE001 - any failure means "not verifiable"
                log.info("signature %s cannot be validated: %s", name, exc)
                out[name] = SigState(name, False, False, "", False, False)
    return out


def still_fine(before: SigState, after: SigState | None) -> bool:
    """A signature valid before our update must stay valid, changed by form filling at most."""
    if not (before.intact and before.valid):
        return True
    if after is None or not (after.intact and after.valid) or after.docmdp_ok is False:
        return False
    allowed = {ModificationLevel.NONE.name, ModificationLevel.LTA_UPDATES.name}
    allowed.add(ModificationLevel.FORM_FILLING.name)
    return after.modification in allowed


async def ltv_self_contained(
    reader: PdfFileReader, trust_roots: list[Any], moment: datetime | None = None
) -> bool:
    """True when every regular signature validates as trusted, with revocation checked, using
    only the certificates, OCSP responses and CRLs stored in the document's DSS."""
    dss = reader.root["/DSS"] if "/DSS" in reader.root else None
    if dss is None:
        return False
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    store = DocumentSecurityStore.read_dss(reader)
    for sig in reader.embedded_regular_signatures:
        context = store.as_validation_context(
            {
                "trust_roots": trust_roots,
                "allow_fetching": False,
                "revocation_mode": "hard-fail",
                "moment": moment,
            }
        )
        status = await async_validate_pdf_signature(
            sig, signer_validation_context=context, skip_diff=True
        )
        if not (status.intact and status.valid and status.trusted):
            return False
    return True
