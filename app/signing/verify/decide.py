"""From findings to verdicts: per signature, then for the document. Pure functions.

A verdict is the most severe finding's (INVALID > CANNOT_VERIFY > NEEDS_REVIEW); with none of
those, VALID when the signature covers the whole file and VALID_CHANGED_LATER when allowed changes
followed it. The deciding rule is the first rule, in table order, among the findings of that
severity. The document is VALID only when its last signature or timestamp covers the whole file.
Must not: look at PDF data.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from app.domain.types import Verdict
from app.signing.verify.changes import Changes
from app.signing.verify.model import (
    Coverage,
    DocumentVerdict,
    LaterChange,
    Reason,
    SignatureKind,
    SignatureVerdict,
    SignerKind,
    severity,
    worst,
)
from app.signing.verify.rules import reason, rule_order
from app.signing.verify.sigcheck import SigCheck

_CHANGE_WORDS = {
    "form_fill": "điền trường «{name}» = «{value}»",
    "signature": "thêm chữ ký «{name}» ({value})",
    "document_timestamp": "thêm dấu thời gian «{name}»",
    "dss": "bổ sung dữ liệu kiểm tra dài hạn (LTV) sau khi ký",
    "other": "thêm trường «{name}»",
}


def describe_changes(changes: Iterable[LaterChange]) -> str:
    parts = [
        _CHANGE_WORDS.get(c.kind, "{name}").format(name=c.name, value=c.value) for c in changes
    ]
    return "; ".join(dict.fromkeys(parts)) or "không rõ"


def ltv_only(changes: Iterable[LaterChange]) -> bool:
    """Only DSS updates: validation data added for the long term, nothing a signer saw."""
    kinds = {c.kind for c in changes}
    return kinds == {"dss"}


def _rank(findings: list[Reason]) -> tuple[Verdict, tuple[str, ...]]:
    verdict = worst(*(f.severity for f in findings))
    deciding = sorted((f.rule_id for f in findings if f.severity is verdict), key=rule_order)[:1]
    rest = sorted({f.rule_id for f in findings} - set(deciding), key=rule_order)
    return verdict, tuple(deciding + rest)


def signature_verdict(
    check: SigCheck, changes: Changes, structural: list[Reason]
) -> SignatureVerdict:
    findings = list(structural) + check.findings + changes.findings
    level = worst(*(f.severity for f in findings))
    if severity(level) < severity(Verdict.NEEDS_REVIEW):
        if check.coverage is Coverage.ENTIRE_FILE and not changes.later:
            findings.append(reason("covers_file"))
        elif ltv_only(changes.later):
            findings.append(reason("ltv_added"))
        else:
            findings.append(reason("changed_later", changes=describe_changes(changes.later)))
    verdict, rule_ids = _rank(findings)
    cert = check.cert
    return SignatureVerdict(
        field_name=check.field_name,
        verdict=verdict,
        rule_ids=rule_ids,
        reasons=tuple(
            sorted(findings, key=lambda f: (-severity(f.severity), rule_order(f.rule_id)))
        ),
        kind=check.kind,
        signer_subject=cert.subject if cert else "",
        signer_common_name=cert.common_name if cert else "",
        signer_kind=(
            SignerKind.TIMESTAMP
            if check.kind is SignatureKind.DOCUMENT_TIMESTAMP
            else (cert.kind if cert else SignerKind.UNKNOWN)
        ),
        issuer=cert.issuer if cert else "",
        cert_sha256=cert.sha256 if cert else "",
        trust_anchor=check.trust_anchor,
        signing_time=check.signing_time,
        signing_time_source=check.time_source,
        claimed_signing_time=check.claimed_time,
        coverage=check.coverage,
        modification_level=check.modification_level,
        changed_fields=tuple(sorted(changes.values.items())),
        later_changes=tuple(changes.later),
        revocation_status=check.revocation,
        revocation_as_of=check.revocation_as_of,
        hash_algorithm=check.hash_algorithm,
        signed_revision_index=check.signed_revision,
        byte_range=check.byte_range,
        needs_recheck=any(f.rule_id == "REVOCATION_OFFLINE" for f in findings),
    )


def _doc_level(verdict: Verdict) -> Verdict:
    return Verdict.VALID if verdict is Verdict.VALID_CHANGED_LATER else verdict


def _usable(sig: SignatureVerdict) -> bool:
    return sig.verdict not in (Verdict.INVALID, Verdict.CANNOT_VERIFY)


def document_verdict(
    signatures: list[SignatureVerdict],
    findings: list[Reason],
    *,
    as_of: datetime,
    sig_field_count: int,
    uncovered: list[LaterChange],
    file_sha256: str,
    file_size: int,
    revision_count: int,
) -> DocumentVerdict:
    """Combine; ``uncovered`` lists the allowed changes after the last signature/timestamp."""
    findings = list(findings)
    agency = any(s.signer_kind is SignerKind.AGENCY and _usable(s) for s in signatures)
    personal = any(s.signer_kind is SignerKind.PERSONAL and _usable(s) for s in signatures)
    level = worst(*(_doc_level(s.verdict) for s in signatures), *(f.severity for f in findings))
    if signatures and severity(level) < severity(Verdict.NEEDS_REVIEW):
        if uncovered and ltv_only(uncovered):
            findings.append(reason("doc_ltv_after_last"))
        elif uncovered:
            findings.append(reason("doc_changed_after_last", changes=describe_changes(uncovered)))
        else:
            findings.append(reason("doc_last_covers"))
    if any(s.kind is SignatureKind.SIGNATURE for s in signatures):
        findings.append(reason("agency_present" if agency else "agency_missing"))
    # An earlier signature followed by allowed changes that a later one covers does not make
    # the document "changed later": only the changes after the last signature do.
    overall = worst(*(f.severity for f in findings), *(_doc_level(s.verdict) for s in signatures))
    candidates = [f.rule_id for f in findings if f.severity is overall]
    candidates += [s.decided_by for s in signatures if s.verdict is overall]
    deciding = min(candidates, key=rule_order) if candidates else ""
    rest = sorted({f.rule_id for f in findings} - {deciding}, key=rule_order)
    doc_rules = tuple([deciding] * bool(deciding) + rest)
    return DocumentVerdict(
        overall=overall,
        signatures=tuple(signatures),
        agency_signature_present=agency,
        personal_signature_present=personal,
        sig_field_count=sig_field_count,
        reasons=tuple(
            sorted(findings, key=lambda f: (-severity(f.severity), rule_order(f.rule_id)))
        ),
        as_of=as_of,
        rule_ids=doc_rules,
        file_sha256=file_sha256,
        file_size=file_size,
        revision_count=revision_count,
        needs_recheck=any(s.needs_recheck for s in signatures),
    )
