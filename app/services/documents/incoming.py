"""Incoming steps after arrival: register (vào sổ, 03), reject (02), assign (phân công, 04),
progress (05 once, then local notes), complete (06), and answer a recall request (15 / 16).

Each is one write transaction: state, audit event and the status for the sender commit together.
A document that came on paper (no edXML DocumentId) has nobody to notify and queues nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.calendar import local_date
from app.domain.deadlines import processing_deadline
from app.domain.roles import Action, can
from app.domain.status_codes import ChangeRequest
from app.domain.types import Direction, DocumentState, Role, Verdict
from app.domain.workflow import Quarantine, Transition, transition
from app.errors import InvalidInput, PermissionDenied, SignatureInvalid
from app.models import Assignment, AssignmentCoHandler, Document, DocumentFile, Signature
from app.services.documents.common import (
    load_document,
    local_agency,
    move,
    utc_now,
    working_calendar,
)
from app.services.documents.outbox import queue_status
from app.services.documents.people import Actor, actor_in, person_by_username
from app.services.documents.registers import number_in_register
from app.services.documents.results import ActionResult, snapshot
from app.services.workspace import Workspace

Body = Callable[[Session, Actor, Document, datetime], Transition]


def _act(
    ws: Workspace,
    username: str,
    doc_id: int,
    now: datetime | None,
    body: Body,
    *,
    description: str = "",
) -> ActionResult:
    moment = utc_now(now)
    with ws.db.write() as session:
        actor = actor_in(session, username)
        doc = load_document(session, doc_id)
        step = body(session, actor, doc, moment)
        code = step.status_code_to_send
        outbox: tuple[int, ...] = ()
        if code is not None:
            agency = local_agency(session)
            message = queue_status(
                session, ws.files, agency, doc, code, moment, actor=actor, description=description
            )
            outbox = (message.id,)
        return ActionResult(snapshot(doc), step.audit_action, code.value if code else None, outbox)


def _refuse_invalid_signatures(session: Session, doc: Document) -> None:
    current = sa.select(DocumentFile.id).where(
        DocumentFile.document_id == doc.id, DocumentFile.superseded_by_id.is_(None)
    )
    bad = session.scalars(
        sa.select(Signature.field_name).where(
            Signature.file_id.in_(current), Signature.verdict == Verdict.INVALID
        )
    ).all()
    if bad:
        raise SignatureInvalid(
            f"Văn bản {doc.id} có chữ ký số không hợp lệ ({', '.join(bad)}): hãy trả lại "
            "(an invalid signature: reject the document instead of registering it)",
            document_id=doc.id,
        )


def register(
    ws: Workspace, username: str, doc_id: int, *, now: datetime | None = None
) -> ActionResult:
    """The clerk checks the document (signature verdicts stored at arrival) and enters it in
    this year's incoming register with the next số đến; the sender hears 03."""

    def body(session: Session, actor: Actor, doc: Document, moment: datetime) -> Transition:
        _refuse_invalid_signatures(session, doc)
        agency = local_agency(session)
        arrived = doc.state is DocumentState.ARRIVED
        # Both steps are checked before a number is taken (pure, nothing written yet).
        if arrived:
            transition(doc.direction, doc.state, Action.VERIFY, actor.role)
        state = DocumentState.VERIFIED if arrived else doc.state
        transition(doc.direction, state, Action.REGISTER, actor.role, secrecy=doc.secrecy)
        # Lock order, as in every use case: document, register, audit head.
        reg, allocation = number_in_register(
            session, agency.id, Direction.INCOMING, doc.secrecy, moment
        )
        if arrived:
            move(session, actor, doc, Action.VERIFY, moment)
        doc.register_id, doc.register_number, doc.registered_at = reg.id, allocation.number, moment
        data = {"register_id": reg.id, "number": allocation.number, "year": allocation.year}
        return move(session, actor, doc, Action.REGISTER, moment, data=data)

    return _act(ws, username, doc_id, now, body)


def reject(
    ws: Workspace, username: str, doc_id: int, reason: str, *, now: datetime | None = None
) -> ActionResult:
    """Return an invalid or misaddressed document to its sender (02, with the reason)."""

    def body(session: Session, actor: Actor, doc: Document, moment: datetime) -> Transition:
        return move(session, actor, doc, Action.REJECT, moment, reason=reason)

    return _act(ws, username, doc_id, now, body, description=reason.strip())


def assign(
    ws: Workspace,
    username: str,
    doc_id: int,
    lead: str,
    *,
    co_handlers: Sequence[str] = (),
    deadline: date | None = None,
    working_days: int | None = None,
    opinion: str = "",
    now: datetime | None = None,
) -> ActionResult:
    """The leader names the lead handler (and co-handlers), the deadline and a directing opinion;
    without a deadline the package's DueDate applies. Assigning again replaces the direction."""

    def body(session: Session, actor: Actor, doc: Document, moment: datetime) -> Transition:
        handler = person_by_username(session, lead)
        others = [person_by_username(session, name) for name in dict.fromkeys(co_handlers)]
        for person in [handler, *others]:
            if not can(person.role, Action.PROCESS):
                raise InvalidInput(
                    f"«{person.username}» không phải chuyên viên xử lý (not a handler)",
                    username=person.username,
                )
        due = processing_deadline(
            moment,
            working_calendar(ws),
            due_date=deadline,
            working_days=working_days,
            package_due_date=doc.due_date,
        )
        doc.due_at = due.due_at if due else None
        step = move(
            session, actor, doc, Action.ASSIGN, moment,
            data={"lead": handler.username, "co": [p.username for p in others],
                  "deadline": doc.due_at.isoformat() if doc.due_at else None},
        )  # fmt: skip
        assignment = Assignment(
            document_id=doc.id,
            assigned_by_id=actor.person_id,
            lead_person_id=handler.id,
            lead_unit=handler.unit,
            deadline=local_date(doc.due_at) if doc.due_at else None,
            opinion=opinion.strip(),
            assigned_at=moment,
        )
        session.add(assignment)
        session.flush()
        session.add_all(
            AssignmentCoHandler(assignment_id=assignment.id, person_id=p.id)
            for p in others
            if p.id != handler.id
        )
        return step

    return _act(ws, username, doc_id, now, body)


def current_assignment(session: Session, doc: Document) -> Assignment | None:
    return session.scalars(
        sa.select(Assignment)
        .where(Assignment.document_id == doc.id)
        .order_by(Assignment.id.desc())
        .limit(1)
    ).first()


def _handler_check(session: Session, actor: Actor, doc: Document, *, lead_only: bool) -> Assignment:
    assignment = current_assignment(session, doc)
    if assignment is None:
        raise InvalidInput(f"Văn bản {doc.id} chưa được phân công (not assigned)")
    co = {c.person_id for c in assignment.co_handlers}
    allowed = {assignment.lead_person_id} | (set() if lead_only else co)
    if actor.person_id not in allowed and actor.role is not Role.ADMIN:
        who = "chủ trì" if lead_only else "chủ trì hoặc phối hợp"
        raise PermissionDenied(
            f"Chỉ người {who} xử lý văn bản {doc.id} mới được làm việc này "
            "(only the assigned handler may do this)",
            document_id=doc.id,
        )
    return assignment


def progress(
    ws: Workspace, username: str, doc_id: int, note: str = "", *, now: datetime | None = None
) -> ActionResult:
    """A handler starts (05 to the sender) or records progress on an assigned document."""

    def body(session: Session, actor: Actor, doc: Document, moment: datetime) -> Transition:
        _handler_check(session, actor, doc, lead_only=False)
        data = {"note": note.strip()} if note.strip() else None
        if doc.state is DocumentState.ASSIGNED:
            return move(session, actor, doc, Action.PROCESS, moment, data=data)
        return move(session, actor, doc, Action.RECORD_PROGRESS, moment, data=data)

    return _act(ws, username, doc_id, now, body, description=note.strip())


def complete(
    ws: Workspace, username: str, doc_id: int, note: str = "", *, now: datetime | None = None
) -> ActionResult:
    """The lead handler closes the work (06 to the sender)."""

    def body(session: Session, actor: Actor, doc: Document, moment: datetime) -> Transition:
        assignment = _handler_check(session, actor, doc, lead_only=True)
        assignment.completed_at = moment
        data = {"note": note.strip()} if note.strip() else None
        return move(session, actor, doc, Action.COMPLETE, moment, data=data)

    return _act(ws, username, doc_id, now, body, description=note.strip())


def answer_recall(
    ws: Workspace,
    username: str,
    doc_id: int,
    *,
    agree: bool,
    reason: str | None = None,
    now: datetime | None = None,
) -> ActionResult:
    """The clerk answers the sender's recall (or update / replacement) request: 15 agrees (the
    document is withdrawn), 16 refuses with a reason (it returns to where it was)."""

    def body(session: Session, actor: Actor, doc: Document, moment: datetime) -> Transition:
        pending = None
        if doc.quarantine_request and doc.quarantine_from:
            pending = Quarantine(
                DocumentState(doc.quarantine_from), ChangeRequest(doc.quarantine_request)
            )
        action = Action.AGREE if agree else Action.REFUSE
        step = move(session, actor, doc, action, moment, reason=reason, pending=pending)
        doc.quarantine_request = doc.quarantine_from = None
        return step

    return _act(ws, username, doc_id, now, body, description=(reason or "").strip())
