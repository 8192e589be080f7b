"""What the document use cases return: frozen snapshots, never ORM objects, and their JSON form.

The GUI keeps these in its table models and the command line prints ``to_json``; neither touches
the database to read a field.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from app.domain.queues import STATE_LABELS
from app.domain.types import Direction, DocumentState, Secrecy
from app.models import Document


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    direction: Direction
    state: DocumentState
    state_label: str
    kind: str
    code: str  # "05/QĐ-UBND"; "…/QĐ-UBND" before the number is given
    number: int | None
    symbol: str
    issue_date: date | None
    subject: str
    urgency: int
    secrecy: Secrecy
    due_at: datetime | None
    due_date: date | None
    register_id: int | None
    register_number: int | None
    registered_at: datetime | None
    edxml_document_id: str | None
    sender_code: str
    sender_name: str
    signer_name: str
    signer_position: str
    paper_copy: bool
    paper_copy_pending: bool
    cancel_reason: str
    quarantine_request: str | None
    created_at: datetime
    updated_at: datetime


def snapshot(doc: Document) -> DocumentInfo:
    return DocumentInfo(
        id=doc.id,
        direction=doc.direction,
        state=doc.state,
        state_label=STATE_LABELS[doc.state],
        kind=doc.kind,
        code=doc.code,
        number=doc.number,
        symbol=doc.symbol,
        issue_date=doc.issue_date,
        subject=doc.subject,
        urgency=doc.urgency,
        secrecy=doc.secrecy,
        due_at=doc.due_at,
        due_date=doc.due_date,
        register_id=doc.register_id,
        register_number=doc.register_number,
        registered_at=doc.registered_at,
        edxml_document_id=doc.edxml_document_id,
        sender_code=doc.sender_code,
        sender_name=doc.sender_name,
        signer_name=doc.signer_name,
        signer_position=doc.signer_position,
        paper_copy=doc.paper_copy,
        paper_copy_pending=doc.paper_copy and doc.paper_copy_confirmed_at is None,
        cancel_reason=doc.cancel_reason,
        quarantine_request=doc.quarantine_request,
        created_at=doc.created_at,
        updated_at=doc.updated_at,
    )


@dataclass(frozen=True)
class ActionResult:
    """One workflow step: the document after it, the audit action, what went to the outbox."""

    document: DocumentInfo
    action: str
    status_sent: str | None = None  # the edXML status code queued for the peer, if any
    outbox_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class IssueOutcome:
    """``issue``: the number given, the sealed file and the package queued (if sent)."""

    document: DocumentInfo
    number: int
    register_year: int
    file_sha256: str
    outbox_ids: tuple[int, ...]
    paper_copy: bool
    pending_timestamp: bool


@dataclass(frozen=True)
class ExportOutcome:
    document_id: int
    path: Path
    sha256: str
    size: int
    from_outbox: bool  # the very bytes queued for the platform, not a rebuilt package


def to_json(value: Any) -> Any:
    """Plain JSON values from snapshots: dates ISO 8601, enums by value, tuples as lists."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return value
