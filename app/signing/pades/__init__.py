"""PAdES signing of official PDFs (Decree 30/2020): levels B-B to B-LTA, the four visible
appearances, automatic placement, the issue step and batches, against any pyhanko ``Signer``.

Entry points: :func:`sign_document`, :func:`issue_document`, :func:`sign_batch`,
:func:`complete_ltv`. All are synchronous (run them on a worker thread, never inside an event
loop), write atomically, and leave the source untouched on failure.
Must not: import Qt, touch a token directly, or touch the database.
"""

from app.signing.pades.batch import BatchItem, BatchResult, Outcome, sign_batch
from app.signing.pades.completion import complete_ltv
from app.signing.pades.engine import sign_document
from app.signing.pades.issue import Attachment, IssueRequest, IssueResult, issue_document
from app.signing.pades.model import (
    Box,
    CopyForm,
    Level,
    LtvResult,
    Placement,
    ResolvedPlacement,
    Role,
    SignRequest,
    SignResult,
)

__all__ = [
    "Attachment",
    "BatchItem",
    "BatchResult",
    "IssueRequest",
    "IssueResult",
    "Outcome",
    "complete_ltv",
    "issue_document",
    "sign_batch",
    "Box",
    "CopyForm",
    "Level",
    "LtvResult",
    "Placement",
    "ResolvedPlacement",
    "Role",
    "SignRequest",
    "SignResult",
    "sign_document",
]
