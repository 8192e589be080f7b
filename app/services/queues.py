"""Read side for the queues: counts for the sidebar and row snapshots for the tables.

Rows are frozen dataclasses, never ORM objects, so the GUI's table models hold plain values and
``data()`` never touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.queues import QUEUE_BY_ID, QUEUES, Queue
from app.domain.types import Direction, DocumentState, OutboxState, Secrecy
from app.models import Agency, Document, OutboxMessage
from app.services.workspace import Workspace


class Sending(StrEnum):
    """Where an issued document's package stands on its way to the platform, from the outbox.

    The workflow's ``sent`` means "handed to the outbox" (issue and send are one step): whether it
    has actually left is the outbox row's state, which the lists must show instead."""

    NONE = ""  # nothing queued: not sent electronically (no recipients, secret, incoming)
    PENDING = "pending"  # waiting for the next sync (offline, or not yet tried)
    SENT = "sent"  # the platform accepted every package
    FAILED = "failed"  # the platform refused one: a person must act


def sending_of(states: Iterable[OutboxState | str]) -> Sending:
    """The document's sending status from the states of its document packages: one refused
    package is what matters most, then one still waiting."""
    seen = {OutboxState(s) for s in states}
    if OutboxState.FAILED in seen:
        return Sending.FAILED
    if OutboxState.PENDING in seen:
        return Sending.PENDING
    return Sending.SENT if seen else Sending.NONE


@dataclass(frozen=True)
class DocumentRow:
    id: int
    direction: Direction
    state: DocumentState
    kind: str
    code: str
    subject: str
    sender_name: str
    issue_date: date | None
    urgency: int
    secrecy: Secrecy
    due_at: datetime | None
    register_number: int | None
    updated_at: datetime
    sending: Sending = Sending.NONE


def queue_filter(queue: Queue) -> sa.ColumnElement[bool]:
    """The WHERE clause that selects a queue's documents (shared by counts, lists and search)."""
    spec = QUEUE_BY_ID[queue]
    if queue is Queue.OUTBOX:
        waiting = sa.select(OutboxMessage.document_id).where(
            OutboxMessage.state.in_([OutboxState.PENDING, OutboxState.FAILED]),
            OutboxMessage.document_id.is_not(None),
        )
        return Document.id.in_(waiting)
    clauses: list[sa.ColumnElement[bool]] = []
    if spec.direction is not None:
        clauses.append(Document.direction == spec.direction)
    if spec.states:
        clauses.append(Document.state.in_(sorted(spec.states)))
    return sa.and_(sa.true(), *clauses)


@dataclass(frozen=True)
class Overview:
    """What the main window shows before any list: whose workspace it is and the queue counts."""

    agency_name: str  # empty when the workspace has no local agency yet
    counts: dict[Queue, int]


def local_agency_name(ws: Workspace) -> str:
    stmt = sa.select(Agency.name).where(Agency.is_local.is_(True)).order_by(Agency.id).limit(1)
    with ws.db.read() as session:
        return session.scalar(stmt) or ""


def load_overview(ws: Workspace) -> Overview:
    """The agency name for the title and the sidebar counts, in one trip to the executor."""
    return Overview(agency_name=local_agency_name(ws), counts=queue_counts(ws))


def queue_counts(ws: Workspace) -> dict[Queue, int]:
    with ws.db.read() as session:
        return {spec.queue: _count(session, spec.queue) for spec in QUEUES}


def _count(session: Session, queue: Queue) -> int:
    stmt = sa.select(sa.func.count(Document.id)).where(queue_filter(queue))
    return int(session.scalar(stmt) or 0)


def list_queue(ws: Workspace, queue: Queue, *, limit: int = 1000) -> list[DocumentRow]:
    """The newest documents of a queue first."""
    stmt = (
        sa.select(Document)
        .where(queue_filter(queue))
        .order_by(Document.updated_at.desc(), Document.id.desc())
        .limit(limit)
    )
    with ws.db.read() as session:
        docs = list(session.scalars(stmt))
        sending = _sending(session, [d.id for d in docs if d.direction is Direction.OUTGOING])
        return [_row(doc, sending.get(doc.id, Sending.NONE)) for doc in docs]


def _sending(session: Session, doc_ids: list[int]) -> dict[int, Sending]:
    """The sending status of each outgoing document, from its document packages (not the
    status messages) in the outbox: one query for the whole list."""
    if not doc_ids:
        return {}
    states: dict[int, list[OutboxState]] = {}
    for chunk in range(0, len(doc_ids), 500):  # SQLite's bound-parameter limit
        stmt = sa.select(OutboxMessage.document_id, OutboxMessage.state).where(
            OutboxMessage.message_type == "edoc",
            OutboxMessage.document_id.in_(doc_ids[chunk : chunk + 500]),
        )
        for doc_id, state in session.execute(stmt):
            if doc_id is not None:
                states.setdefault(doc_id, []).append(state)
    return {doc_id: sending_of(found) for doc_id, found in states.items()}


def _row(doc: Document, sending: Sending = Sending.NONE) -> DocumentRow:
    return DocumentRow(
        id=doc.id,
        direction=doc.direction,
        state=doc.state,
        kind=doc.kind,
        code=doc.code,
        subject=doc.subject,
        sender_name=doc.sender_name,
        issue_date=doc.issue_date,
        urgency=doc.urgency,
        secrecy=doc.secrecy,
        due_at=doc.due_at,
        register_number=doc.register_number,
        updated_at=doc.updated_at,
        sending=sending,
    )
