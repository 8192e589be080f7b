"""The processing slip's query: one incoming document, its latest assignment and its history.

Part I is the latest ``Assignment`` (the leader's opinion is stored there by ``assign``). Part III,
the handler's proposal, is the notes the handlers already give when they start, record progress
and complete (``incoming.process`` / ``incoming.record_progress`` / ``incoming.complete``, data
key ``note``): reading those events, rather than having the use cases log a second event per
step, keeps one audit row per step in the hash chain and gives documents processed earlier their
notes too. Part II, the unit leader's opinion, has no step in the workflow (the agency leader
assigns a handler directly): events named ``UNIT_NOTE_ACTION`` fill it when something logs them,
else the slip leaves ruled lines to write on, as on paper. ``HANDLER_NOTE_ACTION`` events count
as part III too. Must not: format or draw.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.calendar import WorkingCalendar, local_date
from app.domain.deadlines import processing_deadline
from app.domain.types import Direction
from app.errors import InvalidInput, NotFound
from app.models import Agency, Assignment, AssignmentCoHandler, Document, Person, Signature
from app.models.audit import AuditEvent
from app.reports.labels import action_label, state_label, verdict_label
from app.reports.model import SlipData, SlipEvent, SlipNote
from app.services.reports.registers import worst_verdict

UNIT_NOTE_ACTION = "document.unit_note"
HANDLER_NOTE_ACTION = "document.handler_note"
# The workflow steps whose ``note`` is the handler's own words (part III).
HANDLER_STEPS = frozenset({"incoming.process", "incoming.record_progress", "incoming.complete"})
_NOTE_KEYS = ("text", "opinion", "note")
# Payload keys the slip already shows elsewhere, or that mean nothing to a clerk (state codes,
# file digests, the status code sent to the platform).
_SKIP_KEYS = frozenset(
    {
        "subject", "direction", "document_id", "id", "from", "to", "status", "register_id",
        "year", "package", "files", "addressed_to_us",
    }
)  # fmt: skip
_KEY_LABELS = {
    "lead": "Chủ trì",
    "co": "Phối hợp",
    "deadline": "Hạn xử lý",
    "reason": "Lý do",
    "opinion": "Ý kiến",
    "note": "Ghi chú",
    "text": "Nội dung",
    "number": "Số",
    "verdict": "Kết quả",
}
_MAX_VALUE = 160


def _person(session: Session, person_id: int | None) -> Person | None:
    return session.get(Person, person_id) if person_id is not None else None


def _value(key: str, value: Any, names: dict[str, str]) -> str:
    if key in ("lead", "co"):  # usernames, shown as names
        people = value if isinstance(value, list) else [value]
        return ", ".join(names.get(str(u), str(u)) for u in people)
    if key == "deadline" and isinstance(value, str):
        try:
            return f"{local_date(datetime.fromisoformat(value)):%d/%m/%Y}"
        except ValueError:
            return value
    return str(value)


def _detail(data: dict[str, Any], names: dict[str, str]) -> str:
    parts = []
    # The audit log stores keys sorted; print them in the order a clerk reads an assignment.
    order = {key: i for i, key in enumerate(_KEY_LABELS)}
    for key, value in sorted(data.items(), key=lambda kv: order.get(kv[0], len(order))):
        if key in _SKIP_KEYS or value in (None, "", [], {}):
            continue
        text = _value(key, value, names)
        if len(text) > _MAX_VALUE:
            text = text[: _MAX_VALUE - 1] + "…"
        label = _KEY_LABELS.get(key, key)
        parts.append(f"{label}: {text}")
    return "; ".join(parts)


def _usernames(events: list[AuditEvent]) -> set[str]:
    """Everyone an event names: its actor, and the lead and co-handlers of an assignment."""
    found: set[str] = set()
    for event in events:
        if event.actor:
            found.add(event.actor)
        data = event.payload()
        for key in ("lead", "co"):
            value = data.get(key)
            found.update(str(u) for u in (value if isinstance(value, list) else [value]) if u)
    return found


def _note_text(data: dict[str, Any]) -> str:
    return next((str(data[k]) for k in _NOTE_KEYS if data.get(k)), "")


def load_slip(
    session: Session,
    document_id: int,
    calendar: WorkingCalendar,
    *,
    now: datetime | None = None,
) -> SlipData:
    """Everything the slip prints for one incoming document."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFound(f"no document {document_id}", document_id=document_id)
    if doc.direction is not Direction.INCOMING:
        raise InvalidInput(
            f"document {document_id} is not incoming: a processing slip is for incoming ones",
            document_id=document_id,
        )
    agency = session.get(Agency, doc.agency_id)
    assignment = session.scalars(
        sa.select(Assignment)
        .where(Assignment.document_id == document_id)
        .order_by(Assignment.id.desc())
        .limit(1)
    ).first()
    co_handlers: tuple[str, ...] = ()
    if assignment is not None:
        co_handlers = tuple(
            name
            for (name,) in session.execute(
                sa.select(Person.full_name)
                .join(AssignmentCoHandler, AssignmentCoHandler.person_id == Person.id)
                .where(AssignmentCoHandler.assignment_id == assignment.id)
                .order_by(Person.full_name)
            )
        )
    verdicts = list(
        session.scalars(sa.select(Signature.verdict).where(Signature.document_id == document_id))
    )
    events = list(
        session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.entity_type == "document", AuditEvent.entity_id == str(document_id))
            .order_by(AuditEvent.id)
        )
    )
    actors = _usernames(events)
    names: dict[str, str] = {}
    if actors:
        stmt = sa.select(Person.username, Person.full_name).where(Person.username.in_(actors))
        names = {username: full_name for username, full_name in session.execute(stmt)}

    history: list[SlipEvent] = []
    unit_notes: list[SlipNote] = []
    handler_notes: list[SlipNote] = []
    for event in events:
        at = datetime.fromisoformat(event.at)
        actor = names.get(event.actor, event.actor)
        data = event.payload()
        history.append(SlipEvent(at, actor, action_label(event.action), _detail(data, names)))
        note = _note_text(data)
        if event.action == UNIT_NOTE_ACTION:
            unit_notes.append(SlipNote(at, actor, note))
        elif note and (event.action == HANDLER_NOTE_ACTION or event.action in HANDLER_STEPS):
            handler_notes.append(SlipNote(at, actor, note))

    deadline = assignment.deadline if assignment else None
    if deadline is None and doc.due_at is not None:
        deadline = local_date(doc.due_at)  # the sender's requested date, when the leader set none
    on_time = None
    if assignment is not None and assignment.completed_at is not None and deadline is not None:
        rule = processing_deadline(assignment.assigned_at, calendar, due_date=deadline)
        on_time = rule.met(assignment.completed_at) if rule else None
    lead = ""
    if assignment is not None:
        person = _person(session, assignment.lead_person_id)
        lead_name = person.full_name if person else ""
        lead = " – ".join(p for p in (assignment.lead_unit, lead_name) if p)
    director = _person(session, assignment.assigned_by_id) if assignment else None
    return SlipData(
        agency_name=agency.name if agency else "",
        parent_agency_name=agency.parent.name if agency and agency.parent else "",
        document_id=doc.id,
        register_number=doc.register_number,
        arrived_at=doc.created_at,
        sender=doc.sender_name,
        code=doc.code,
        doc_date=doc.issue_date,
        kind=doc.kind,
        subject=doc.subject,
        urgency=doc.urgency,
        state=state_label(doc.state),
        verdict=verdict_label(worst_verdict(verdicts), bool(verdicts)),
        assigned_by=director.full_name if director else "",
        assigned_by_position=director.position if director else "",
        assigned_at=assignment.assigned_at if assignment else None,
        opinion=assignment.opinion if assignment else "",
        lead=lead,
        co_handlers=co_handlers,
        deadline=deadline,
        completed_at=assignment.completed_at if assignment else None,
        on_time=on_time,
        unit_notes=tuple(unit_notes),
        handler_notes=tuple(handler_notes),
        history=tuple(history),
        printed_at=now or datetime.now(UTC),
    )
