"""The statistics' queries: counts by kind, the latest assignment of each incoming document, and
the signing and issuing times of outgoing ones, for one agency and optionally one unit.

A unit matches an incoming document through its latest assignment (the lead unit, or the lead
person's unit) and an outgoing one through its author's unit, compared exactly as stored.
Must not: judge deadlines (``app.reports.aggregate`` does) or draw.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from app.domain.calendar import WorkingCalendar, local_date
from app.domain.types import Direction, DocumentState, SignatureRole
from app.models import Assignment, Document, Person, Signature
from app.reports.aggregate import build_report
from app.reports.model import AssignmentFact, IssueFact, KindCount, StatsReport
from app.services.reports.registers import day_bounds, local_agency

LeadPerson = aliased(Person, name="lead_person")
_CANCELLED = sa.case((Document.state == DocumentState.CANCELLED, 1), else_=0)


def _latest_assignments() -> sa.Select[Any]:
    return sa.select(sa.func.max(Assignment.id)).group_by(Assignment.document_id)


def _incoming_of_unit(unit: str) -> sa.Select[Any]:
    return (
        sa.select(Assignment.document_id)
        .outerjoin(LeadPerson, LeadPerson.id == Assignment.lead_person_id)
        .where(
            Assignment.id.in_(_latest_assignments()),
            sa.or_(Assignment.lead_unit == unit, LeadPerson.unit == unit),
        )
    )


def _unit_clause(unit: str) -> sa.ColumnElement[bool]:
    """Documents of ``unit``: incoming by their assignment, outgoing by their author."""
    authors = sa.select(Person.id).where(Person.unit == unit)
    return sa.or_(
        sa.and_(Document.direction == Direction.INCOMING, Document.id.in_(_incoming_of_unit(unit))),
        sa.and_(Document.direction == Direction.OUTGOING, Document.author_id.in_(authors)),
    )


def kind_counts(
    session: Session, agency_id: int, start: datetime, end: datetime, unit: str = ""
) -> list[KindCount]:
    """Registered documents per direction and kind; cancelled numbers counted apart."""
    stmt = (
        sa.select(
            Document.direction,
            Document.kind,
            sa.func.count(Document.id),
            sa.func.coalesce(sa.func.sum(_CANCELLED), 0),
        )
        .where(
            Document.agency_id == agency_id,
            Document.register_number.is_not(None),
            Document.registered_at >= start,
            Document.registered_at < end,
        )
        .group_by(Document.direction, Document.kind)
    )
    if unit:
        stmt = stmt.where(_unit_clause(unit))
    out = [
        KindCount(direction, kind, int(total) - int(cancelled), int(cancelled))
        for direction, kind, total, cancelled in session.execute(stmt)
    ]
    return sorted(out, key=lambda k: (k.direction.value, -k.count, k.kind))


def assignment_facts(
    session: Session, agency_id: int, end: datetime, unit: str = ""
) -> list[AssignmentFact]:
    """The latest assignment of every incoming document assigned before ``end``."""
    stmt = (
        sa.select(
            Document.id,
            Document.register_number,
            Document.number,
            Document.symbol,
            Document.subject,
            Document.due_at,
            Assignment.lead_unit,
            LeadPerson.full_name,
            LeadPerson.unit,
            Assignment.assigned_at,
            Assignment.deadline,
            Assignment.completed_at,
        )
        .join(Assignment, Assignment.document_id == Document.id)
        .outerjoin(LeadPerson, LeadPerson.id == Assignment.lead_person_id)
        .where(
            Assignment.id.in_(_latest_assignments()),
            Document.agency_id == agency_id,
            Document.direction == Direction.INCOMING,
            Assignment.assigned_at < end,
        )
        .order_by(Document.id)
    )
    if unit:
        stmt = stmt.where(sa.or_(Assignment.lead_unit == unit, LeadPerson.unit == unit))
    facts = []
    for row in session.execute(stmt):
        deadline = row.deadline
        if deadline is None and row.due_at is not None:
            deadline = local_date(row.due_at)  # the sender's DueDate when the leader set none
        number = row.number
        code = f"{number:02d}/{row.symbol}" if number is not None else row.symbol
        facts.append(
            AssignmentFact(
                document_id=row.id,
                number=row.register_number,
                code=code,
                subject=row.subject,
                unit=row.lead_unit or (row.unit or ""),
                person=row.full_name or "",
                assigned_at=row.assigned_at,
                deadline=deadline,
                completed_at=row.completed_at,
            )
        )
    return facts


def issue_facts(
    session: Session, agency_id: int, start: datetime, end: datetime, unit: str = ""
) -> tuple[list[IssueFact], int]:
    """Outgoing documents issued in the period with the leader's signing time; and how many
    were issued with no leader signature on record."""
    signed = (
        sa.select(
            Signature.document_id.label("document_id"),
            sa.func.min(Signature.signed_at).label("signed_at"),
        )
        .where(Signature.role == SignatureRole.LEADER, Signature.signed_at.is_not(None))
        .group_by(Signature.document_id)
        .subquery()
    )
    stmt = (
        sa.select(
            Document.id,
            Document.number,
            Document.register_number,
            Document.symbol,
            Document.urgency,
            Document.registered_at,
            signed.c.signed_at,
        )
        .outerjoin(signed, signed.c.document_id == Document.id)
        .where(
            Document.agency_id == agency_id,
            Document.direction == Direction.OUTGOING,
            Document.register_number.is_not(None),
            Document.state != DocumentState.CANCELLED,
            Document.registered_at >= start,
            Document.registered_at < end,
        )
        .order_by(Document.register_number)
    )
    if unit:
        stmt = stmt.where(_unit_clause(unit))
    facts: list[IssueFact] = []
    unsigned = 0
    for row in session.execute(stmt):
        if row.signed_at is None:
            unsigned += 1
            continue
        number = row.number if row.number is not None else row.register_number
        facts.append(
            IssueFact(
                document_id=row.id,
                code=f"{number:02d}/{row.symbol}",
                urgency=row.urgency,
                signed_at=row.signed_at,
                issued_at=row.registered_at,
            )
        )
    return facts, unsigned


def load_stats(
    session: Session,
    date_from: date,
    date_to: date,
    calendar: WorkingCalendar,
    *,
    unit: str = "",
    agency_code: str | None = None,
    now: datetime | None = None,
) -> StatsReport:
    """The statistics of ``date_from``..``date_to`` (Vietnam days, inclusive) at ``now``."""
    now = now or datetime.now(UTC)
    unit = unicodedata.normalize("NFC", unit).strip()
    agency = local_agency(session, agency_code)
    start, end = day_bounds(date_from, date_to)
    assert start is not None and end is not None
    issues, unsigned = issue_facts(session, agency.id, start, end, unit)
    return build_report(
        agency_name=agency.name,
        parent_agency_name=agency.parent.name if agency.parent else "",
        unit=unit,
        date_from=date_from,
        date_to=date_to,
        kinds=kind_counts(session, agency.id, start, end, unit),
        # Everything assigned before the period's end: older open work can still be overdue.
        assignments=assignment_facts(session, agency.id, end, unit),
        issues=issues,
        unsigned_issued=unsigned,
        calendar=calendar,
        now=now,
    )
