"""The sidebar's sub-queues: each selects exactly the documents its words promise, counted and
listed through the same filter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app.domain.queues import GROUPS, QUEUES, Queue, children_of
from app.domain.types import Direction, DocumentState, OutboxState
from app.models import Document, OutboxMessage
from app.services.documents.bulk import BulkSpec, generate_documents
from app.services.queues import list_queue, queue_counts
from app.services.workspace import Workspace

NOW = datetime(2026, 3, 16, 3, 0, tzinfo=UTC)
S = DocumentState


def _make(ws: Workspace, direction: Direction, state: DocumentState, count: int = 1) -> list[int]:
    spec = BulkSpec(count=count, seed=count, direction=direction, state=state)
    return generate_documents(ws, spec, now=NOW)


def test_every_sub_queue_holds_what_it_says(ws: Workspace) -> None:
    arrived = _make(ws, Direction.INCOMING, S.ARRIVED, 2)
    verified = _make(ws, Direction.INCOMING, S.VERIFIED)
    registered = _make(ws, Direction.INCOMING, S.REGISTERED)
    processing = _make(ws, Direction.INCOMING, S.PROCESSING) + _make(
        ws, Direction.INCOMING, S.ASSIGNED
    )
    quarantined = _make(ws, Direction.INCOMING, S.QUARANTINED)
    completed = _make(ws, Direction.INCOMING, S.COMPLETED)
    drafts = _make(ws, Direction.OUTGOING, S.DRAFT, 3)
    submitted = _make(ws, Direction.OUTGOING, S.SUBMITTED)
    signed = _make(ws, Direction.OUTGOING, S.SIGNED)
    issued = _make(ws, Direction.OUTGOING, S.ISSUED) + _make(ws, Direction.OUTGOING, S.SENT)
    returned = _make(ws, Direction.OUTGOING, S.RETURNED)
    with ws.db.write() as session:
        # Deadlines: one open document late, one open not yet due, a completed one late (done:
        # not overdue any more), and no deadline at all for the rest.
        for doc_id, due in (
            (processing[0], NOW - timedelta(hours=1)),
            (registered[0], NOW + timedelta(days=2)),
            (completed[0], NOW - timedelta(days=3)),
        ):
            session.execute(sa.update(Document).where(Document.id == doc_id).values(due_at=due))
        session.execute(sa.update(Document).where(Document.due_at.is_not(None),
                        Document.id.not_in([processing[0], registered[0], completed[0]]))
                        .values(due_at=None))  # fmt: skip
        for i, (doc_id, state) in enumerate(
            ((issued[0], OutboxState.PENDING), (issued[1], OutboxState.FAILED),
             (completed[0], OutboxState.PENDING), (signed[0], OutboxState.SENT))
        ):  # fmt: skip
            session.add(OutboxMessage(message_type="edoc", document_id=doc_id,
                                      idempotency_key=f"k{i}", payload_sha256="0" * 64,
                                      state=state))  # fmt: skip

    expected = {
        Queue.IN_NEW: arrived,
        Queue.IN_TO_REGISTER: verified,
        Queue.IN_TO_ASSIGN: registered,
        Queue.IN_PROCESSING: processing,
        Queue.IN_OVERDUE: processing[:1],
        Queue.IN_RECALLED: quarantined,
        Queue.OUT_DRAFTS: drafts,
        Queue.TO_SIGN: submitted,
        Queue.TO_ISSUE: signed,
        Queue.OUT_ISSUED: issued,
        Queue.OUT_RETURNED: returned,
        Queue.OUTBOX_WAITING: [issued[0], completed[0]],
        Queue.OUTBOX_FAILED: [issued[1]],
        Queue.OUTBOX: [issued[0], issued[1], completed[0]],
    }
    incoming = arrived + verified + registered + processing + quarantined + completed
    expected[Queue.INCOMING] = incoming
    expected[Queue.OUTGOING] = drafts + submitted + signed + issued + returned
    assert set(expected) == set(Queue)
    counts = queue_counts(ws, now=NOW)
    for queue, ids in expected.items():
        listed = {row.id for row in list_queue(ws, queue, now=NOW)}
        assert listed == set(ids), queue
        assert counts[queue] == len(ids), queue


def test_groups_come_first_then_their_children() -> None:
    assert GROUPS == (Queue.INCOMING, Queue.OUTGOING, Queue.OUTBOX)
    order = [spec.queue for spec in QUEUES]
    for group in GROUPS:
        kids = children_of(group)
        assert kids and order[order.index(group) + 1 : order.index(group) + 1 + len(kids)] == list(
            kids
        )
