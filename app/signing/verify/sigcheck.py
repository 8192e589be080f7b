"""What checking one signature found, before it becomes a verdict, and what a check needs.

Must not: run validation (``signatures``) or decide verdicts (``decide``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.signing.verify.fetching import RevocationSession
from app.signing.verify.identity import CertSummary
from app.signing.verify.model import (
    Coverage,
    Reason,
    RevocationStatus,
    SignatureKind,
    TimeSource,
)
from app.signing.verify.trust import TrustStore


@dataclass
class CheckContext:
    trust: TrustStore
    session: RevocationSession
    now: datetime
    poe: datetime | None  # when this app first held exactly these bytes
    doc_ts_poe: list[tuple[int, datetime]] = field(default_factory=list)


@dataclass
class SigCheck:
    """What one check found; ``decide`` turns it into a SignatureVerdict."""

    field_name: str
    kind: SignatureKind
    findings: list[Reason] = field(default_factory=list)
    cert: CertSummary | None = None
    trust_anchor: str = ""
    signing_time: datetime | None = None
    time_source: TimeSource = TimeSource.NONE
    claimed_time: datetime | None = None
    revocation: RevocationStatus = RevocationStatus.NOT_CHECKED
    revocation_as_of: datetime | None = None
    hash_algorithm: str = ""
    coverage: Coverage = Coverage.UNKNOWN
    modification_level: str = ""
    changed_form_fields: frozenset[str] = frozenset()
    signed_revision: int = -1
    byte_range: tuple[int, ...] = ()
    trusted_ok: bool = False  # intact, valid and trusted: usable as a proof of existence
    own_time: datetime | None = None  # a document timestamp's own time
