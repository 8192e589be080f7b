"""One embedded signature or document timestamp, checked with pyhanko and turned into findings.

The validation runs at the earliest trusted proof of existence (the signature's timestamp token,
a later document timestamp, or when this app first held the bytes); without one, at "now" with
the signer's own clock reported as untrusted. Revocation is first required for every non-anchor
certificate; only when that fails is the chain checked again without it, which is how "revocation
unknown" is told apart from "untrusted". Must not: combine findings into verdicts.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from asn1crypto import cms, core, x509
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel, SuspiciousModification
from pyhanko.sign.general import extract_signer_info
from pyhanko.sign.validation import async_validate_pdf_signature, async_validate_pdf_timestamp
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel

from app.signing.verify.certstatus import revoked_later, trust_problem, unknown_revocation
from app.signing.verify.fetching import validation_context
from app.signing.verify.identity import summarise
from app.signing.verify.model import Coverage, RevocationStatus, SignatureKind, TimeSource
from app.signing.verify.rules import reason
from app.signing.verify.sigcheck import CheckContext, SigCheck

log = logging.getLogger(__name__)

SIGNING_USAGES = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
)
_COVERAGE = {
    SignatureCoverageLevel.ENTIRE_FILE: Coverage.ENTIRE_FILE,
    SignatureCoverageLevel.ENTIRE_REVISION: Coverage.ENTIRE_REVISION,
    SignatureCoverageLevel.CONTIGUOUS_BLOCK_FROM_START: Coverage.PARTIAL,
    SignatureCoverageLevel.UNCLEAR: Coverage.PARTIAL,
}
# Strict-pass failures that may only mean "no usable revocation data": retry without it.
_MAYBE_REVINFO = {
    AdESIndeterminate.CERTIFICATE_CHAIN_GENERAL_FAILURE,
    AdESIndeterminate.TRY_LATER,
    AdESIndeterminate.REVOCATION_OUT_OF_BOUNDS_NO_POE,
}


def tst_gen_time(signer_info: Any) -> datetime | None:
    """genTime of the signature timestamp token, not yet validated."""
    attrs = signer_info["unsigned_attrs"]
    if isinstance(attrs, core.Void):
        return None
    for attr in attrs:
        if attr["type"].native == "signature_time_stamp_token":
            token = attr["values"][0]
            info = token["content"]["encap_content_info"]["content"].parsed
            value: datetime = info["gen_time"].native
            return value
    return None


def normalise_empty_econtent(emb: Any) -> bool:
    """Vietnamese tools' quirk: detached CMS with an empty eContent. Drop it; True if done."""
    signed_data: cms.SignedData = emb.signed_data
    eci = signed_data["encap_content_info"]
    content = eci["content"]
    if content is core.VOID or eci["content_type"].native != "data":
        return False
    if content.native not in (b"", None):
        return False
    fixed = signed_data.copy()
    fixed["encap_content_info"] = {"content_type": "data"}
    emb.signed_data = fixed
    emb.signer_info = extract_signer_info(fixed)
    emb._sd_cert_info = None
    return True


async def _validate(
    emb: Any, kind: SignatureKind, ctx: CheckContext, moment: datetime, strict: bool, skip: bool
) -> Any:
    vc = validation_context(ctx.trust, ctx.session, moment=moment, require_revocation=strict)
    if kind is SignatureKind.DOCUMENT_TIMESTAMP:
        return await async_validate_pdf_timestamp(emb, validation_context=vc, skip_diff=skip)
    ts_vc = validation_context(
        ctx.trust, ctx.session, moment=ctx.poe or ctx.now, require_revocation=False
    )
    return await async_validate_pdf_signature(
        emb,
        signer_validation_context=vc,
        ts_validation_context=ts_vc,
        key_usage_settings=SIGNING_USAGES,
        skip_diff=skip,
    )


def _moment(ctx: CheckContext, revision: int, tst: datetime | None) -> tuple[datetime, TimeSource]:
    candidates: list[tuple[datetime, TimeSource]] = []
    if tst is not None:
        candidates.append((tst, TimeSource.TSA_TOKEN))
    covering = [t for rev, t in ctx.doc_ts_poe if rev >= revision]
    if covering:
        candidates.append((min(covering), TimeSource.DOCUMENT_TIMESTAMP))
    if ctx.poe is not None:
        candidates.append((ctx.poe, TimeSource.LOCAL_RECEIPT))
    candidates = [c for c in candidates if c[0] <= ctx.now]
    if not candidates:
        return ctx.now, TimeSource.CLAIMED
    return min(candidates, key=lambda c: c[0])


async def check_signature(emb: Any, kind: SignatureKind, ctx: CheckContext) -> SigCheck:
    """Run pyhanko on one signature (any exception is the caller's CANNOT_VERIFY)."""
    check = SigCheck(field_name=str(emb.field_name), kind=kind)
    check.byte_range = tuple(int(v) for v in emb.byte_range)
    check.signed_revision = int(emb.signed_revision)
    check.hash_algorithm = str(emb.md_algorithm)
    cert: x509.Certificate = emb.signer_cert
    check.cert = summarise(cert)
    try:
        check.claimed_time = emb.self_reported_timestamp
    except (ValueError, TypeError, KeyError):
        check.claimed_time = None
    _crypto_policy(check, cert, kind)

    tst = tst_gen_time(emb.signer_info) if kind is SignatureKind.SIGNATURE else None
    moment, source = _moment(ctx, check.signed_revision, tst)
    try:
        status = await _validate(emb, kind, ctx, moment, strict=True, skip=False)
    except Exception:
        if not normalise_empty_econtent(emb):
            raise
        check.findings.append(reason("cms_quirk"))
        status = await _validate(emb, kind, ctx, moment, strict=True, skip=False)
    if kind is SignatureKind.SIGNATURE and tst is not None:
        ts = status.timestamp_validity
        if ts is None or not (ts.intact and ts.valid):
            check.findings.append(reason("timestamp_invalid"))
        elif not ts.trusted and source is TimeSource.TSA_TOKEN:
            check.findings.append(reason("timestamp_untrusted"))
            moment, source = _moment(ctx, check.signed_revision, None)
            status = await _validate(emb, kind, ctx, moment, strict=True, skip=True)
    if kind is SignatureKind.DOCUMENT_TIMESTAMP:
        check.own_time = status.timestamp
        moment, source = status.timestamp, TimeSource.TSA_TOKEN
    check.signing_time = check.claimed_time if source is TimeSource.CLAIMED else moment
    check.time_source = source if check.signing_time else TimeSource.NONE

    _integrity(check, status)
    await _trust(check, emb, kind, ctx, status, moment)
    return check


def _crypto_policy(check: SigCheck, cert: x509.Certificate, kind: SignatureKind) -> None:
    algo = check.hash_algorithm.lower()
    if algo in ("md5", "md2"):
        check.findings.append(reason("broken_crypto", algorithm=algo.upper()))
    elif algo == "sha1":
        check.findings.append(reason("weak_hash", algorithm="SHA-1", where="chữ ký"))
    if kind is SignatureKind.SIGNATURE:
        usage = cert.key_usage_value
        names = set(usage.native) if usage is not None else None
        if names is not None and not names & {"digital_signature", "non_repudiation"}:
            check.findings.append(reason("key_usage"))


def _integrity(check: SigCheck, status: Any) -> None:
    check.coverage = _COVERAGE.get(status.coverage, Coverage.UNKNOWN)
    if not status.intact:
        check.findings.append(reason("digest_mismatch"))
    elif not status.valid:
        check.findings.append(reason("signature_invalid"))
    diff = status.diff_result
    if isinstance(diff, SuspiciousModification):
        check.modification_level = ModificationLevel.OTHER.name
        check.findings.append(reason("modified", detail=str(diff).splitlines()[0][:200]))
    elif diff is not None:
        level = diff.modification_level
        check.modification_level = level.name
        check.changed_form_fields = frozenset(diff.changed_form_fields)
        if level is ModificationLevel.OTHER:
            check.findings.append(reason("modified", detail="OTHER"))
        elif level is ModificationLevel.ANNOTATIONS:
            check.findings.append(reason("unexplained_change", detail="ANNOTATIONS"))
    elif check.coverage is Coverage.ENTIRE_FILE:
        check.modification_level = ModificationLevel.NONE.name
    if status.docmdp_ok is False and not isinstance(diff, SuspiciousModification):
        check.findings.append(reason("docmdp", permission=_docmdp_name(status)))


def _docmdp_name(status: Any) -> str:
    level = getattr(status, "docmdp_level", None)
    return getattr(level, "name", "") or "DocMDP"


async def _trust(
    check: SigCheck, emb: Any, kind: SignatureKind, ctx: CheckContext, status: Any, moment: datetime
) -> None:
    if not (status.intact and status.valid):
        return
    strict_status = status
    if not status.trusted and status.trust_problem_indic in _MAYBE_REVINFO:
        status = await _validate(emb, kind, ctx, moment, strict=False, skip=True)
        if status.trusted:
            unknown_revocation(check, ctx)
    elif status.trusted:
        check.revocation = RevocationStatus.GOOD
        check.revocation_as_of = moment
        revoked_later(check, emb.signer_cert, ctx, moment)
    path = status.validation_path or strict_status.validation_path
    if path is not None:
        anchor_cert = getattr(path.trust_anchor.authority, "certificate", None)
        anchor = ctx.trust.find(anchor_cert) if anchor_cert is not None else None
        check.trust_anchor = anchor.name if anchor is not None else ""
        for cert in path.iter_certs(include_root=False):
            if cert.hash_algo in ("sha1",) and cert.self_signed == "no":
                check.findings.append(reason("weak_hash", algorithm="SHA-1", where="chứng thư"))
                break
    if status.trusted:
        check.trusted_ok = True
        return
    trust_problem(check, status, moment)
