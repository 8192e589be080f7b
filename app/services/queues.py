"""Read side for the queues: counts for the sidebar and row snapshots for the tables.

Rows are frozen dataclasses, never ORM objects, so the GUI's table models hold plain values and
``data()`` never touches the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.queues import QUEUE_BY_ID, QUEUES, Queue
from app.domain.types import Direction, DocumentState, OutboxState, Secrecy
from app.models import Agency, Document, OutboxMessage
from app.models.documents import document_code
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


def queue_filter(queue: Queue, *, now: datetime | None = None) -> sa.ColumnElement[bool]:
    """The WHERE clause that selects a queue's documents (shared by counts, lists and search).

    ``now`` (UTC, default: the clock) decides what is overdue."""
    spec = QUEUE_BY_ID[queue]
    clauses: list[sa.ColumnElement[bool]] = []
    if spec.outbox:
        waiting = sa.select(OutboxMessage.document_id).where(
            OutboxMessage.state.in_(sorted(spec.outbox)),
            OutboxMessage.document_id.is_not(None),
        )
        clauses.append(Document.id.in_(waiting))
    if spec.direction is not None:
        clauses.append(Document.direction == spec.direction)
    if spec.states:
        clauses.append(Document.state.in_(sorted(spec.states)))
    if spec.overdue:
        moment = now or datetime.now(UTC)
        clauses.append(Document.due_at.is_not(None))
        clauses.append(Document.due_at < moment)
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


def queue_counts(ws: Workspace, *, now: datetime | None = None) -> dict[Queue, int]:
    with ws.db.read() as session:
        return {spec.queue: _count(session, spec.queue, now) for spec in QUEUES}


def _count(session: Session, queue: Queue, now: datetime | None = None) -> int:
    stmt = sa.select(sa.func.count(Document.id)).where(queue_filter(queue, now=now))
    return int(session.scalar(stmt) or 0)


def list_queue(
    ws: Workspace, queue: Queue, *, limit: int = 1000, now: datetime | None = None
) -> list[DocumentRow]:
    """The newest documents of a queue first.

    Reads the row's columns, not ``Document`` objects: building a thousand ORM instances took
    about half of a queue switch. The order comes straight from an index (migration 0003)."""
    stmt = (
        sa.select(*_ROW_COLUMNS)
        .where(queue_filter(queue, now=now))
        .order_by(Document.updated_at.desc(), Document.id.desc())
        .limit(limit)
    )
    with ws.db.read() as session:
        found = session.execute(stmt).all()
        sending = _sending(session, [r.id for r in found if r.direction is Direction.OUTGOING])
        return [_row(r, sending.get(r.id, Sending.NONE)) for r in found]


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


_ROW_COLUMNS = (
    Document.id,
    Document.direction,
    Document.state,
    Document.kind,
    Document.number,
    Document.symbol,
    Document.subject,
    Document.sender_name,
    Document.issue_date,
    Document.urgency,
    Document.secrecy,
    Document.due_at,
    Document.register_number,
    Document.updated_at,
)


def _row(r: sa.Row[*tuple[Any, ...]], sending: Sending = Sending.NONE) -> DocumentRow:
    return DocumentRow(
        id=r.id,
        direction=r.direction,
        state=r.state,
        kind=r.kind,
        code=document_code(r.number, r.symbol),
        subject=r.subject,
        sender_name=r.sender_name,
        issue_date=r.issue_date,
        urgency=r.urgency,
        secrecy=r.secrecy,
        due_at=r.due_at,
        register_number=r.register_number,
        updated_at=r.updated_at,
        sending=sending,
    )
