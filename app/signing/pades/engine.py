"""Add one PAdES signature to one PDF: ``sign_document``, and the core the issue step and batches
share (``sign_working_copy``), which works on an already staged copy.

Order of work on the copy: optional field filling and the signature in one incremental update
(the CMS size is reserved up front, so the TSA is asked once), then validation data and a
document timestamp in further updates, then the re-validation of every signature in the file.
Must not: talk to a token directly (any pyhanko ``Signer`` does), or write outside ``output``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO, TypeVar

from asn1crypto import x509 as asn1_x509
from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter
from pyhanko.sign.signers import PdfSignatureMetadata, PdfSigner
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

from app.errors import AppError, InvalidInput, SigningError
from app.signing.hexread import fast_hex
from app.signing.pades import appearance as ap
from app.signing.pades.errors import (
    IncompleteChain,
    PdfMalformed,
    SignatureCheckFailed,
    TimestampUnavailable,
    ValidationDataUnavailable,
)
from app.signing.pades.fill import fill_fields
from app.signing.pades.images import prepare_image
from app.signing.pades.inputs import Change, ensure_allowed, open_for_update
from app.signing.pades.ltv import (
    OneShotTimeStamper,
    add_document_timestamp,
    add_validation_data,
    estimate_cms_size,
    forget_cms_size,
    remember_cms_size,
)
from app.signing.pades.model import Level, ResolvedPlacement, Role, SignRequest, SignResult
from app.signing.pades.output import Stage, sha256_of
from app.signing.pades.placement import MOVED_FIELD, fields_to_move, resolve
from app.signing.pades.relocate import move_field
from app.signing.pades.verify import open_reader, signature_states, still_fine
from app.storage.atomic import CHUNK

log = logging.getLogger(__name__)
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T], *contexts: Any) -> T:
    """Run ``coro`` on a fresh event loop, then release the validation contexts' sessions."""

    async def main() -> T:
        try:
            return await coro
        finally:
            for context in contexts:
                if context is not None:
                    await context.aclose()

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(main())
    coro.close()
    raise RuntimeError("the signing engine is synchronous: call it from a worker thread")


def as_asn1(cert: Any) -> asn1_x509.Certificate:
    """An asn1crypto certificate from an asn1crypto or ``cryptography`` one (or DER bytes)."""
    if isinstance(cert, asn1_x509.Certificate):
        return cert
    if isinstance(cert, bytes):
        return asn1_x509.Certificate.load(cert)
    from cryptography.hazmat.primitives.serialization import Encoding

    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def ensure_chain(signer: Any, chain: tuple[Any, ...]) -> list[asn1_x509.Certificate]:
    """Register ``chain`` with the signer so the CMS embeds it; return the roots known."""
    registry = signer.cert_registry
    known = {c.dump() for c in registry}
    for cert in map(as_asn1, chain):
        if cert.dump() not in known:
            registry.register(cert)
            known.add(cert.dump())
    certs = list(registry)
    issuer = signer.signing_cert.issuer
    if signer.signing_cert.self_signed == "no" and not any(c.subject == issuer for c in certs):
        raise IncompleteChain(
            "the signer's issuing CA certificate is missing: add the chain from the trust pack",
            issuer=issuer.human_friendly,
        )
    return [c for c in certs if c.self_signed != "no"]


def _subject(cert: asn1_x509.Certificate, key: str) -> str:
    value = cert.subject.native.get(key, "")
    return str(value[-1] if isinstance(value, list) else value)


@dataclass(frozen=True)
class Signed:
    field_name: str
    placement: ResolvedPlacement
    signing_time: datetime
    level: Level
    pending_timestamp: bool
    pending_validation: bool
    pending_reason: str


def _style(request: SignRequest, signer: Any, where: ResolvedPlacement, now: datetime) -> Any:
    cert = signer.signing_cert
    if where.box is None:
        return None
    w, h = where.box[2] - where.box[0], where.box[3] - where.box[1]
    image = prepare_image(request.image, w, h) if request.image is not None else None
    if request.role is Role.LEADER:
        name = request.signer_name or _subject(cert, "common_name")
        position = request.signer_position or _subject(cert, "title")
        return ap.leader_style(image, name, position, now, w)
    if request.role is Role.AGENCY:
        return ap.agency_style(image, _subject(cert, "common_name"))
    return ap.text_style(_text_lines(request, signer, now))


def _text_lines(request: SignRequest, signer: Any, now: datetime) -> tuple[ap.TextLine, ...]:
    if request.role is Role.ATTACHMENT:
        if not request.main_number:
            raise InvalidInput("an attachment's stamp needs the main document's number")
        return ap.attachment_lines(request.main_number, now)
    if request.copy_form is None:
        raise InvalidInput("an electronic copy needs its form (SAO Y, SAO LỤC, TRÍCH SAO)")
    cert = signer.signing_cert
    agency = request.copy_agency or _subject(cert, "common_name")
    return ap.copy_lines(request.copy_form, agency, now)


async def sign_working_copy(
    handle: BinaryIO, request: SignRequest, signer: Any, *, name: str
) -> Signed:
    """Sign the staged copy in ``handle`` as ``request`` says; re-validate; leave it unsynced."""
    with fast_hex():  # our own reads of signature dictionaries: hex strings in blocks
        return await _sign_working_copy(handle, request, signer, name=name)


async def _sign_working_copy(
    handle: BinaryIO, request: SignRequest, signer: Any, *, name: str
) -> Signed:
    if signer.signing_cert is None:
        raise SigningError("the signer has no certificate")
    if request.level.wants_timestamp and request.timestamper is None:
        raise InvalidInput(f"{request.level.value} needs a timestamp server", level=request.level)
    if request.level.wants_validation_data and request.validation_context is None:
        raise InvalidInput(f"{request.level.value} needs a validation context")
    ensure_chain(signer, request.chain)
    opened = open_for_update(handle, name=name, password=request.password)
    writer = opened.writer
    before = await signature_states(writer.prev, diff=False) if _has_sigs(writer) else {}
    now = ap.vn_time(datetime.now().astimezone())
    text_size = None
    if request.role in (Role.ATTACHMENT, Role.COPY):
        text_size = ap.text_block_size(_text_lines(request, signer, now))
    cn = _subject(signer.signing_cert, "common_name")
    try:
        where = resolve(
            writer,
            request.role,
            request.placement,
            marker=request.signer_name or cn,
            text_size=text_size,
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise PdfMalformed(f"{name}: unreadable form fields ({exc})", file=name) from exc
    ensure_allowed(opened, Change.FILL_FIELDS if where.existing_field else Change.ADD_FIELD, name)
    if where.how == MOVED_FIELD:
        for field, box in fields_to_move(writer, request.role, where):
            move_field(writer, field, where.page, box)
    if request.fill:
        fill_fields(writer, dict(request.fill))

    stamper = OneShotTimeStamper(request.timestamper) if request.level.wants_timestamp else None
    await _sign(writer, request, signer, where, now, stamper)

    pending_ts = stamper is not None and bool(stamper.failure)
    reason = stamper.failure if stamper is not None else ""
    level = Level.B_T if stamper is not None and not pending_ts else Level.B_B
    pending_val = False
    if request.level.wants_validation_data and not pending_ts:
        try:
            await add_validation_data(handle, request.validation_context, password=request.password)
            level = Level.B_LT
        except ValidationDataUnavailable as exc:
            pending_val, reason = True, exc.message
    if request.level is Level.B_LTA and level is Level.B_LT:
        try:
            await add_document_timestamp(handle, request.timestamper, password=request.password)
            level = Level.B_LTA
        except TimestampUnavailable as exc:
            pending_ts, reason = True, exc.message
    if pending_ts and request.level.wants_validation_data:
        pending_val = True
    await _recheck(handle, request.password, where.field_name, before, signer.signing_cert)
    return Signed(where.field_name, where, now, level, pending_ts, pending_val, reason)


def _has_sigs(writer: Any) -> bool:
    return bool(writer.prev.embedded_signatures)


async def _sign(
    writer: Any,
    request: SignRequest,
    signer: Any,
    where: ResolvedPlacement,
    now: datetime,
    stamper: OneShotTimeStamper | None,
) -> None:
    meta = PdfSignatureMetadata(
        field_name=where.field_name,
        md_algorithm="sha256",
        subfilter=SigSeedSubFilter.PADES,
        reason=request.reason,
        location=request.location,
    )
    spec = None
    if not where.existing_field:
        box: Any = None
        if where.box is not None:
            box = tuple(round(v, 2) for v in where.box)
        spec = SigFieldSpec(sig_field_name=where.field_name, on_page=where.page, box=box)
    pdf_signer = PdfSigner(
        meta,
        signer,
        timestamper=stamper,
        stamp_style=_style(request, signer, where, now),
        new_field_spec=spec,
    )
    try:
        session = pdf_signer.init_signing_session(writer, existing_fields_only=where.existing_field)
        # The appearance and the CMS signing-time attribute must show the same second.
        session.system_time = now
        tbs = session.prepare_tbs_document(
            validation_info=None,
            bytes_reserved=estimate_cms_size(signer, request.timestamper if stamper else None),
        )
        prepared, output = tbs.digest_tbs_document(in_place=True, chunk_size=CHUNK)
        try:
            post = await tbs.perform_signature(
                document_digest=prepared.document_digest,
                pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=now),
            )
        except Exception:
            forget_cms_size(signer)  # in case the reservation was too small: estimate next time
            raise
        token_size = stamper.token_size if stamper is not None else 0
        remember_cms_size(signer, stamper is not None, post.sig_contents, token_size)
        await post.post_signature_processing(output, chunk_size=CHUNK)
    except AppError:
        raise
    except Exception as exc:
        log.warning("signing failed", exc_info=True)
        raise SigningError(f"signing failed: {exc}", detail=type(exc).__name__) from exc


async def _recheck(
    handle: BinaryIO,
    password: str | None,
    field: str,
    before: dict[str, Any],
    signing_cert: asn1_x509.Certificate,
) -> None:
    """Re-read what was written: the new signature intact, valid and made by ``signing_cert``;
    every signature valid before still valid. No certificate path is built here: the chain's
    trust is the verification use case's business (and was the signer's choice)."""
    reader = open_reader(handle, password)
    after = await signature_states(reader)
    ours = after.get(field)
    if ours is None or not (ours.intact and ours.valid):
        raise SignatureCheckFailed(f"the new signature {field} does not validate", field=field)
    if ours.signer_cert != signing_cert.dump():
        raise SignatureCheckFailed(
            f"the new signature {field} names another signer certificate", field=field
        )
    for name, state in before.items():
        if not still_fine(state, after.get(name)):
            raise SignatureCheckFailed(
                f"the update would invalidate the existing signature {name}", field=name
            )


def sign_document(request: SignRequest, signer: Any) -> SignResult:
    """Sign ``request.source`` into ``request.output`` (atomically; the source is never written)."""
    with Stage() as stage:
        handle = stage.copy_of(request.source, request.output)
        signed = run(
            sign_working_copy(handle, request, signer, name=request.source.name),
            request.validation_context,
        )
        digest = sha256_of(handle)
        stage.commit()
    return result_of(request, signer, signed, digest)


def result_of(request: SignRequest, signer: Any, signed: Signed, digest: str) -> SignResult:
    return SignResult(
        output=request.output,
        field_name=signed.field_name,
        role=request.role,
        level_requested=request.level,
        level=signed.level,
        signing_time=signed.signing_time,
        signer=_subject(signer.signing_cert, "common_name"),
        page=signed.placement.page,
        box=signed.placement.box,
        sha256=digest,
        pending_timestamp=signed.pending_timestamp,
        pending_validation=signed.pending_validation,
        pending_reason=signed.pending_reason,
    )
