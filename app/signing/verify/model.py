"""The verification result: frozen dataclasses, their JSON form and the verdict ordering.

Everything a front end, a report or the sync engine needs to show or store a verdict lives here;
the JSON form round-trips (``from_dict``) so a worker process can hand a result back.
Must not: decide verdicts (see ``decide``) or touch PDF files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.domain.types import Verdict

# Worst first when combining: proof of a problem beats "cannot tell", which beats doubt.
_SEVERITY: dict[Verdict, int] = {
    Verdict.VALID: 0,
    Verdict.VALID_CHANGED_LATER: 1,
    Verdict.NEEDS_REVIEW: 2,
    Verdict.CANNOT_VERIFY: 3,
    Verdict.INVALID: 4,
}


def severity(verdict: Verdict) -> int:
    return _SEVERITY[verdict]


def worst(*verdicts: Verdict) -> Verdict:
    """The most severe of ``verdicts`` (VALID when none is given)."""
    return max(verdicts, key=severity, default=Verdict.VALID)


class SignatureKind(StrEnum):
    SIGNATURE = "signature"
    DOCUMENT_TIMESTAMP = "document_timestamp"


class SignerKind(StrEnum):
    AGENCY = "agency"  # chữ ký số của cơ quan, tổ chức
    PERSONAL = "personal"  # chữ ký số của cá nhân (người có thẩm quyền)
    TIMESTAMP = "timestamp"  # a TSA, for document timestamps
    UNKNOWN = "unknown"


class Coverage(StrEnum):
    ENTIRE_FILE = "entire_file"
    ENTIRE_REVISION = "entire_revision"
    PARTIAL = "partial"
    UNKNOWN = "unknown"


class TimeSource(StrEnum):
    TSA_TOKEN = "tsa_token"
    DOCUMENT_TIMESTAMP = "document_timestamp"
    LOCAL_RECEIPT = "local_receipt"  # when this app first verified the same bytes
    CLAIMED = "claimed"  # the signer's own clock: untrusted
    NONE = "none"


class RevocationStatus(StrEnum):
    GOOD = "good"
    REVOKED = "revoked"
    REVOKED_AFTER_SIGNING = "revoked_after_signing"
    UNKNOWN_OFFLINE = "unknown_offline"
    UNKNOWN = "unknown"
    NOT_CHECKED = "not_checked"  # the signature failed before revocation mattered


@dataclass(frozen=True)
class Reason:
    """One finding: a stable code, the rule that produced it, its severity and Vietnamese text."""

    code: str
    rule_id: str
    severity: Verdict
    text: str
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class LaterChange:
    """Something added after a signature: ``kind`` is form_fill, signature, document_timestamp,
    dss, metadata or other; ``revision`` is the 0-based revision that made it."""

    kind: str
    name: str
    value: str
    revision: int


@dataclass(frozen=True)
class SignatureVerdict:
    field_name: str
    verdict: Verdict
    rule_ids: tuple[str, ...]  # the deciding rule first
    reasons: tuple[Reason, ...]
    kind: SignatureKind = SignatureKind.SIGNATURE
    signer_subject: str = ""
    signer_common_name: str = ""
    signer_kind: SignerKind = SignerKind.UNKNOWN
    issuer: str = ""
    cert_sha256: str = ""
    trust_anchor: str = ""
    signing_time: datetime | None = None
    signing_time_source: TimeSource = TimeSource.NONE
    claimed_signing_time: datetime | None = None
    coverage: Coverage = Coverage.UNKNOWN
    modification_level: str = ""
    changed_fields: tuple[tuple[str, str], ...] = ()
    later_changes: tuple[LaterChange, ...] = ()
    revocation_status: RevocationStatus = RevocationStatus.NOT_CHECKED
    revocation_as_of: datetime | None = None
    hash_algorithm: str = ""
    signed_revision_index: int = -1
    byte_range: tuple[int, ...] = ()
    needs_recheck: bool = False

    @property
    def decided_by(self) -> str:
        return self.rule_ids[0] if self.rule_ids else ""


@dataclass(frozen=True)
class DocumentVerdict:
    overall: Verdict
    signatures: tuple[SignatureVerdict, ...]
    agency_signature_present: bool
    personal_signature_present: bool
    sig_field_count: int
    reasons: tuple[Reason, ...]
    as_of: datetime
    rule_ids: tuple[str, ...] = ()
    file_sha256: str = ""
    file_size: int = 0
    revision_count: int = 0
    needs_recheck: bool = False

    @property
    def decided_by(self) -> str:
        return self.rule_ids[0] if self.rule_ids else ""

    def signature(self, field_name: str) -> SignatureVerdict:
        for sig in self.signatures:
            if sig.field_name == field_name:
                return sig
        raise KeyError(field_name)

    def to_dict(self) -> dict[str, Any]:
        out = _encode(self)
        assert isinstance(out, dict)
        return out

    def to_json(self) -> str:
        """``{"overall": VERDICT, "signatures": [...], ...}`` as UTF-8-safe JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentVerdict:
        return _document_from(data)

    @classmethod
    def from_json(cls, text: str) -> DocumentVerdict:
        return _document_from(json.loads(text))

    def with_changes(self, **changes: Any) -> DocumentVerdict:
        return replace(self, **changes)


# --- JSON ----------------------------------------------------------------------------------------
def _encode(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Reason):
        return {
            "code": value.code,
            "rule": value.rule_id,
            "severity": value.severity.value,
            "text": value.text,
            "params": dict(value.params),
        }
    if isinstance(value, SignatureVerdict):
        out = {f.name: _encode(getattr(value, f.name)) for f in fields(value)}
        out["changed_fields"] = dict(value.changed_fields)
        out["byte_range"] = list(value.byte_range)
        return out
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _time(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _reason_from(data: dict[str, Any]) -> Reason:
    return Reason(
        code=data["code"],
        rule_id=data["rule"],
        severity=Verdict(data["severity"]),
        text=data["text"],
        params=tuple((str(k), str(v)) for k, v in data.get("params", {}).items()),
    )


def _signature_from(data: dict[str, Any]) -> SignatureVerdict:
    return SignatureVerdict(
        field_name=data["field_name"],
        verdict=Verdict(data["verdict"]),
        rule_ids=tuple(data["rule_ids"]),
        reasons=tuple(_reason_from(r) for r in data["reasons"]),
        kind=SignatureKind(data["kind"]),
        signer_subject=data["signer_subject"],
        signer_common_name=data["signer_common_name"],
        signer_kind=SignerKind(data["signer_kind"]),
        issuer=data["issuer"],
        cert_sha256=data["cert_sha256"],
        trust_anchor=data["trust_anchor"],
        signing_time=_time(data["signing_time"]),
        signing_time_source=TimeSource(data["signing_time_source"]),
        claimed_signing_time=_time(data["claimed_signing_time"]),
        coverage=Coverage(data["coverage"]),
        modification_level=data["modification_level"],
        changed_fields=tuple((str(k), str(v)) for k, v in data["changed_fields"].items()),
        later_changes=tuple(LaterChange(**c) for c in data["later_changes"]),
        revocation_status=RevocationStatus(data["revocation_status"]),
        revocation_as_of=_time(data["revocation_as_of"]),
        hash_algorithm=data["hash_algorithm"],
        signed_revision_index=int(data["signed_revision_index"]),
        byte_range=tuple(int(v) for v in data["byte_range"]),
        needs_recheck=bool(data["needs_recheck"]),
    )


def _document_from(data: dict[str, Any]) -> DocumentVerdict:
    as_of = _time(data["as_of"])
    assert as_of is not None
    return DocumentVerdict(
        overall=Verdict(data["overall"]),
        signatures=tuple(_signature_from(s) for s in data["signatures"]),
        agency_signature_present=bool(data["agency_signature_present"]),
        personal_signature_present=bool(data["personal_signature_present"]),
        sig_field_count=int(data["sig_field_count"]),
        reasons=tuple(_reason_from(r) for r in data["reasons"]),
        as_of=as_of,
        rule_ids=tuple(data.get("rule_ids", ())),
        file_sha256=data.get("file_sha256", ""),
        file_size=int(data.get("file_size", 0)),
        revision_count=int(data.get("revision_count", 0)),
        needs_recheck=bool(data.get("needs_recheck", False)),
    )


__all__ = [
    "Coverage",
    "DocumentVerdict",
    "LaterChange",
    "Reason",
    "RevocationStatus",
    "SignatureKind",
    "SignatureVerdict",
    "SignerKind",
    "TimeSource",
    "severity",
    "worst",
]
