"""Steps every document use case shares inside its one write transaction.

Load the document under a row lock, move it through ``app.domain.workflow.transition`` (which
checks the role, the state, the reason and the secrecy), keep its folded search text current and
append the audit event, all in the caller's session, so the commit takes all or none of them.
Must not: commit, or talk to a token or the network.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app import settings as S
from app.domain.calendar import WorkingCalendar
from app.domain.paper import PaperCopyPolicy
from app.domain.roles import Action
from app.domain.search import fold_for_search
from app.domain.types import Direction, FileRole
from app.domain.workflow import Quarantine, Transition, transition
from app.errors import ConfigError, NotFound
from app.models import Agency, Document, DocumentFile
from app.models.audit import append_event
from app.services.documents.people import Actor
from app.services.working_days import calendar_for
from app.services.workspace import Workspace
from app.storage.filestore import StoredFile


def utc_now(now: datetime | None = None) -> datetime:
    """``now`` (an injected clock for tests and year boundaries) or the current time, in UTC."""
    return (now or datetime.now(UTC)).astimezone(UTC)


def working_calendar(ws: Workspace | None = None) -> WorkingCalendar:
    """The calendar deadlines count in: the workspace's (built-in corrections plus the
    administrator's ``calendar_overrides``); without a workspace, the built-in one. Kept per set
    of overrides: the holiday tables are computed in memory."""
    return calendar_for(ws.settings if ws is not None else None)


def paper_policy(ws: Workspace) -> PaperCopyPolicy:
    """Which kinds still travel with a paper copy (the PAPER_COPY_KINDS setting)."""
    codes: list[str] = [str(code) for code in ws.settings.get(S.PAPER_COPY_KINDS)]
    return PaperCopyPolicy.from_codes(codes)


_LOCAL_AGENCY = "vbdt.local_agency_id"


def local_agency(session: Session) -> Agency:
    """This workspace's own agency (the sender of what we issue, the owner of the registers).
    Its id is kept on the session, so a transaction that records many packages asks once;
    ``session.get`` then finds the row in the identity map (or reloads it after a rollback)."""
    known = session.info.get(_LOCAL_AGENCY)
    if known is not None:
        cached = session.get(Agency, known)
        if cached is not None and cached.is_local:
            return cached
    agency = session.scalars(
        sa.select(Agency).where(Agency.is_local.is_(True)).order_by(Agency.id).limit(1)
    ).first()
    if agency is None:
        raise ConfigError(
            "Chưa khai báo cơ quan của không gian làm việc này (no local agency configured)"
        )
    session.info[_LOCAL_AGENCY] = agency.id
    return agency


def load_document(session: Session, doc_id: int, *, lock: bool = True) -> Document:
    """The document, locked for this transaction (PostgreSQL ``FOR UPDATE``; SQLite already
    holds the write lock from ``BEGIN IMMEDIATE``)."""
    query = sa.select(Document).where(Document.id == doc_id)
    if lock:
        query = query.with_for_update()
    doc = session.scalars(query).first()
    if doc is None:
        raise NotFound(f"Không có văn bản số {doc_id} (no document {doc_id})", document_id=doc_id)
    return doc


def via_platform(doc: Document) -> bool:
    """Whether the peer hears about this document's steps: incoming documents that came as an
    edXML package do (a paper document has nobody to notify); outgoing ones always may."""
    if doc.direction is Direction.INCOMING:
        return doc.edxml_document_id is not None
    return True


def search_text_of(doc: Document) -> str:
    """What the search box matches: code, subject, sender and signer, folded (đ → d)."""
    parts = (doc.code, doc.subject, doc.sender_name, doc.signer_name)
    return fold_for_search(" ".join(p for p in parts if p))


def touch(doc: Document, now: datetime) -> None:
    """Record a change: the time, and the search text (only written when it changed, so the
    FTS trigger does not re-index an unchanged row)."""
    doc.updated_at = now
    text = search_text_of(doc)
    if doc.search_text != text:
        doc.search_text = text


def audit(
    session: Session,
    actor: Actor | None,
    action: str,
    doc: Document,
    now: datetime,
    data: Mapping[str, Any] | None = None,
) -> None:
    append_event(
        session,
        action,
        actor=actor.username if actor else "system",
        entity_type="document",
        entity_id=doc.id,
        data=data,
        at=now,
    )


def move(
    session: Session,
    actor: Actor,
    doc: Document,
    action: Action,
    now: datetime,
    *,
    reason: str | None = None,
    pending: Quarantine | None = None,
    data: Mapping[str, Any] | None = None,
) -> Transition:
    """Apply one workflow transition to ``doc`` with its audit event; returns the transition
    (whose ``status_code_to_send`` the caller queues in the same transaction)."""
    step = transition(
        doc.direction,
        doc.state,
        action,
        actor.role,
        reason=reason,
        secrecy=doc.secrecy,
        via_platform=via_platform(doc),
        pending=pending,
    )
    before = doc.state
    doc.state = step.new_state
    touch(doc, now)
    event: dict[str, Any] = {"from": before.value, "to": step.new_state.value}
    if reason:
        event["reason"] = reason.strip()
    if step.status_code_to_send is not None:
        event["status"] = step.status_code_to_send.value
    audit(session, actor, step.audit_action, doc, now, {**event, **(data or {})})
    return step


def add_file(
    session: Session,
    doc: Document,
    role: FileRole,
    name: str,
    stored: StoredFile,
    now: datetime,
    *,
    media_type: str = "application/pdf",
) -> DocumentFile:
    """A file row for bytes already in the store."""
    row = DocumentFile(
        document_id=doc.id,
        role=role,
        name=name,
        media_type=media_type,
        sha256=stored.sha256,
        size=stored.size,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row
