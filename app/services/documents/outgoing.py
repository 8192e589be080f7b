"""Outgoing steps that need no token: submit (trình ký), return (trả lại), approve, cancel an issue
(the number stays, with its reason), recall a sent document (13), confirm the paper copy.

Signing and issuing, which run the PAdES engine, are in ``issuing``. Each function is one write
transaction: the state change, its audit event and, where the peer must hear of it, the outbox row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from app.domain.deadlines import issue_deadline
from app.domain.delivery import Delivery as DeliveryState
from app.domain.delivery import request_change
from app.domain.roles import Action, require
from app.domain.status_codes import ChangeRequest, StatusCode
from app.domain.types import Direction, DocumentState, Urgency
from app.errors import InvalidTransition
from app.models import Delivery, Document
from app.services.documents.common import (
    audit,
    load_document,
    local_agency,
    move,
    touch,
    utc_now,
    working_calendar,
)
from app.services.documents.outbox import queue_status
from app.services.documents.packaging import deliveries_of
from app.services.documents.people import Actor, actor_in
from app.services.documents.results import ActionResult, snapshot
from app.services.workspace import Workspace

Extra = Callable[[Session, Actor, Document, datetime], tuple[int, ...]]


def _step(
    ws: Workspace,
    username: str,
    doc_id: int,
    action: Action,
    now: datetime | None,
    *,
    reason: str | None = None,
    after: Extra | None = None,
) -> ActionResult:
    moment = utc_now(now)
    with ws.db.write() as session:
        actor = actor_in(session, username)
        doc = load_document(session, doc_id)
        step = move(session, actor, doc, action, moment, reason=reason)
        outbox = after(session, actor, doc, moment) if after else ()
        code = step.status_code_to_send.value if step.status_code_to_send else None
        return ActionResult(snapshot(doc), step.audit_action, code, outbox)


def submit(
    ws: Workspace, username: str, doc_id: int, *, now: datetime | None = None
) -> ActionResult:
    """A specialist submits a draft (or a returned one) for signature."""
    return _step(ws, username, doc_id, Action.SUBMIT, now)


def return_draft(
    ws: Workspace, username: str, doc_id: int, reason: str, *, now: datetime | None = None
) -> ActionResult:
    """The leader sends a submitted draft back, saying why."""
    return _step(ws, username, doc_id, Action.RETURN, now, reason=reason)


def mark_signed(ws: Workspace, actor: Actor, doc: Document, moment: datetime) -> None:
    """The leader's name goes on the document and the issue deadline starts (same day, at the
    latest the next working day; urgent ones immediately)."""
    doc.signer_name = actor.full_name
    doc.signer_position = actor.position
    deadline = issue_deadline(moment, Urgency(doc.urgency), working_calendar(ws))
    doc.due_at = deadline.due_at
    touch(doc, moment)


def approve(
    ws: Workspace, username: str, doc_id: int, *, now: datetime | None = None
) -> ActionResult:
    """The leader approves without signing here: for a draft already signed with another tool,
    or one signed by hand on paper (secret documents). Issuing an electronic document still
    requires a valid leader signature in its PDF."""

    def after(session: Session, actor: Actor, doc: Document, moment: datetime) -> tuple[int, ...]:
        mark_signed(ws, actor, doc, moment)
        return ()

    return _step(ws, username, doc_id, Action.SIGN, now, after=after)


def cancel(
    ws: Workspace, username: str, doc_id: int, reason: str, *, now: datetime | None = None
) -> ActionResult:
    """Cancel an issued document: it keeps its number, and the register shows why (no gap)."""

    def after(session: Session, actor: Actor, doc: Document, moment: datetime) -> tuple[int, ...]:
        doc.cancel_reason = reason.strip()
        return ()

    return _step(ws, username, doc_id, Action.CANCEL, now, reason=reason, after=after)


def domain_delivery(row: Delivery) -> DeliveryState:
    """The pure delivery state of a row (``app.domain.delivery``)."""
    return DeliveryState(
        status=StatusCode(row.status_code) if row.status_code else None,
        request=ChangeRequest(row.request) if row.request else None,
        answer=StatusCode(row.answer) if row.answer else None,
    )


def recall(
    ws: Workspace, username: str, doc_id: int, reason: str, *, now: datetime | None = None
) -> ActionResult:
    """Ask every recipient that still holds a sent document to give it back (status 13)."""

    def after(session: Session, actor: Actor, doc: Document, moment: datetime) -> tuple[int, ...]:
        asked = []
        for row in deliveries_of(session, doc):
            try:
                state = request_change(domain_delivery(row), ChangeRequest.RECALL)
            except InvalidTransition:
                continue  # rejected or already withdrawn there: nothing to recall
            row.request = state.request.value if state.request else None
            row.answer = None
            asked.append(row.recipient_code)
        if not asked:
            raise InvalidTransition(
                "Không còn nơi nhận nào để thu hồi (no recipient left to recall from)",
                document_id=doc.id,
            )
        session.flush()
        message = queue_status(
            session, ws.files, local_agency(session), doc, StatusCode.RECALL_REQUESTED, moment,
            actor=actor, description=reason.strip(), recipients=asked,
        )  # fmt: skip
        return (message.id,)

    return _step(ws, username, doc_id, Action.RECALL, now, reason=reason, after=after)


def confirm_paper_copy(
    ws: Workspace, username: str, doc_id: int, *, now: datetime | None = None
) -> ActionResult:
    """The clerk confirms that the paper copy of an issued document was sent."""
    moment = utc_now(now)
    with ws.db.write() as session:
        actor = actor_in(session, username)
        require(actor.role, Action.CONFIRM_PAPER_COPY)
        doc = load_document(session, doc_id)
        issued = doc.state in (DocumentState.ISSUED, DocumentState.SENT)
        if doc.direction is not Direction.OUTGOING or not issued or not doc.paper_copy:
            raise InvalidTransition(
                f"Văn bản {doc.id} không cần gửi bản giấy (no paper copy is due for it)",
                document_id=doc.id,
            )
        if doc.paper_copy_confirmed_at is not None:
            raise InvalidTransition(
                f"Bản giấy của văn bản {doc.id} đã được xác nhận (already confirmed)",
                document_id=doc.id,
            )
        doc.paper_copy_confirmed_at = moment
        touch(doc, moment)
        action = "outgoing.paper_copy_sent"
        audit(session, actor, action, doc, moment)
        return ActionResult(snapshot(doc), action)
