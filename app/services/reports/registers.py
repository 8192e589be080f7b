"""The register queries: the cover's figures and the rows, streamed in keyset batches.

Rows are read ``BATCH`` at a time by register number (``WHERE number > last ORDER BY number
LIMIT n``), and each batch is completed with one query per related table (recipients, sending
date, signatures, assignment). Plain column tuples, no ORM objects: the session's identity map
stays empty, so memory does not grow with the register, and no cursor stays open on the
database while reportlab lays out pages. Must not: format or draw.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.calendar import VN_TZ, local_date
from app.domain.secrecy import SECRECY_LABELS
from app.domain.types import Direction, DocumentState, Secrecy, Verdict
from app.errors import NotFound
from app.models import (
    Agency,
    Assignment,
    Delivery,
    Document,
    OutboxMessage,
    Person,
    Register,
    Signature,
)
from app.reports.labels import VERDICT_SEVERITY, urgency_label
from app.reports.model import RegisterInfo, RegisterRow

BATCH = 500
EDOC_MESSAGE = "edoc"  # OutboxMessage.message_type of a document package (not a status)


def day_bounds(date_from: date | None, date_to: date | None) -> tuple[datetime | None, ...]:
    """Vietnam calendar days as UTC instants: [start of date_from, start of the day after to)."""
    start = datetime.combine(date_from, time.min, VN_TZ).astimezone(UTC) if date_from else None
    end = (
        datetime.combine(date_to + timedelta(days=1), time.min, VN_TZ).astimezone(UTC)
        if date_to
        else None
    )
    return start, end


def local_agency(session: Session, agency_code: str | None = None) -> Agency:
    """The agency a report is about: the given code, else this workspace's own agency."""
    stmt = sa.select(Agency)
    stmt = stmt.where(Agency.code == agency_code) if agency_code else stmt.where(Agency.is_local)
    agency = session.scalars(stmt.order_by(Agency.id).limit(1)).first()
    if agency is None:
        raise NotFound(f"no agency {agency_code or '(local)'}", agency=agency_code or "")
    return agency


def find_register(
    session: Session,
    direction: Direction,
    year: int,
    *,
    secret: bool = False,
    agency_code: str | None = None,
) -> int:
    """The id of the agency's register for ``direction`` and ``year``."""
    agency = local_agency(session, agency_code)
    register_id = session.scalar(
        sa.select(Register.id)
        .where(
            Register.agency_id == agency.id,
            Register.direction == direction,
            Register.secret.is_(secret),
            Register.year == year,
        )
        .order_by(Register.id)
        .limit(1)
    )
    if register_id is None:
        raise NotFound(
            f"no {direction.value} register for {year}", direction=direction.value, year=year
        )
    return register_id


def _entries(register_id: int, date_from: date | None, date_to: date | None) -> list[Any]:
    start, end = day_bounds(date_from, date_to)
    clauses: list[Any] = [
        Document.register_id == register_id,
        Document.register_number.is_not(None),
    ]
    if start is not None:
        clauses.append(Document.registered_at >= start)
    if end is not None:
        clauses.append(Document.registered_at < end)
    return clauses


def register_info(
    session: Session,
    register_id: int,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    volume: int = 1,
) -> RegisterInfo:
    """The cover and closing figures of a register (optionally limited to a date range)."""
    register = session.get(Register, register_id)
    if register is None:
        raise NotFound(f"no register {register_id}", register_id=register_id)
    agency = register.agency
    cancelled = sa.case((Document.state == DocumentState.CANCELLED, 1), else_=0)
    row = session.execute(
        sa.select(
            sa.func.min(Document.register_number),
            sa.func.max(Document.register_number),
            sa.func.count(Document.id),
            sa.func.coalesce(sa.func.sum(cancelled), 0),
            sa.func.min(Document.registered_at),
            sa.func.max(Document.registered_at),
        ).where(*_entries(register_id, date_from, date_to))
    ).one()
    first, last, count, n_cancelled, first_at, last_at = row
    return RegisterInfo(
        direction=register.direction,
        register_name=register.name,
        agency_name=agency.name,
        parent_agency_name=agency.parent.name if agency.parent else "",
        year=register.year,
        volume=volume,
        date_from=date_from or (local_date(first_at) if first_at else None),
        date_to=date_to or (local_date(last_at) if last_at else None),
        first_number=first,
        last_number=last,
        count=int(count),
        cancelled=int(n_cancelled),
        secret=register.secret,
    )


def _code(number: int | None, symbol: str) -> str:
    """Number and symbol as the document prints them (Document.code, from plain columns)."""
    if number is None:
        return symbol
    return f"{number:02d}/{symbol}" if symbol else f"{number:02d}"


def worst_verdict(verdicts: Sequence[Verdict | None]) -> Verdict | None:
    """The worst verdict; None (never verified) outranks only a clean VALID."""
    known = [v for v in verdicts if v is not None]
    if not known:
        return None
    worst = max(known, key=VERDICT_SEVERITY.__getitem__)
    return None if len(known) < len(verdicts) and worst is Verdict.VALID else worst


def _note(urgency: int, secrecy: Secrecy) -> str:
    # "Thường" is the label of both scales' lowest level: not worth a note.
    secret = SECRECY_LABELS.get(secrecy, "") if secrecy is not Secrecy.NONE else ""
    parts = [urgency_label(urgency) if urgency else "", secret]
    return "; ".join(p for p in parts if p)


_ROW_COLUMNS = (
    Document.id,
    Document.register_number,
    Document.number,
    Document.symbol,
    Document.issue_date,
    Document.created_at,
    Document.kind,
    Document.subject,
    Document.sender_name,
    Document.signer_name,
    Document.state,
    Document.cancel_reason,
    Document.urgency,
    Document.secrecy,
    Person.unit,
    Person.full_name,
)


def iter_register_rows(
    session: Session,
    register_id: int,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    batch: int = BATCH,
) -> Iterator[RegisterRow]:
    """Every entry of the register in number order, read ``batch`` rows at a time."""
    direction = session.scalar(sa.select(Register.direction).where(Register.id == register_id))
    if direction is None:
        raise NotFound(f"no register {register_id}", register_id=register_id)
    clauses = _entries(register_id, date_from, date_to)
    last = 0
    while True:
        docs = session.execute(
            sa.select(*_ROW_COLUMNS)
            .outerjoin(Person, Person.id == Document.author_id)
            .where(*clauses, Document.register_number > last)
            .order_by(Document.register_number)
            .limit(batch)
        ).all()
        if not docs:
            return
        ids = [d.id for d in docs]
        extras = _Extras(session, ids, direction)
        for d in docs:
            yield extras.row(d, direction)
        last = int(docs[-1].register_number)


class _Extras:
    """What one batch needs from the related tables, fetched with one query per table."""

    def __init__(self, session: Session, ids: list[int], direction: Direction) -> None:
        self.recipients: dict[int, list[str]] = defaultdict(list)
        self.sent_on: dict[int, datetime | None] = {}
        self.holders: dict[int, tuple[str, datetime | None]] = {}
        self.verdicts: dict[int, list[Verdict | None]] = defaultdict(list)
        for doc_id, verdict in session.execute(
            sa.select(Signature.document_id, Signature.verdict)
            .where(Signature.document_id.in_(ids))
            .order_by(Signature.id)
        ):
            self.verdicts[doc_id].append(verdict)
        if direction is Direction.OUTGOING:
            self._outgoing(session, ids)
        else:
            self._incoming(session, ids)

    def _outgoing(self, session: Session, ids: list[int]) -> None:
        for doc_id, name, code in session.execute(
            sa.select(Delivery.document_id, Delivery.recipient_name, Delivery.recipient_code)
            .where(Delivery.document_id.in_(ids))
            .order_by(Delivery.id)
        ):
            self.recipients[doc_id].append(name or code)
        for sent_doc, sent_at in session.execute(
            sa.select(OutboxMessage.document_id, sa.func.min(OutboxMessage.sent_at))
            .where(
                OutboxMessage.document_id.in_(ids),
                OutboxMessage.message_type == EDOC_MESSAGE,
                OutboxMessage.sent_at.is_not(None),
            )
            .group_by(OutboxMessage.document_id)
        ):
            if sent_doc is not None:
                self.sent_on[sent_doc] = sent_at

    def _incoming(self, session: Session, ids: list[int]) -> None:
        # Ordered by id, so the last one seen per document is its latest assignment.
        for doc_id, unit, person, assigned_at in session.execute(
            sa.select(
                Assignment.document_id,
                Assignment.lead_unit,
                Person.full_name,
                Assignment.assigned_at,
            )
            .outerjoin(Person, Person.id == Assignment.lead_person_id)
            .where(Assignment.document_id.in_(ids))
            .order_by(Assignment.document_id, Assignment.id)
        ):
            holder = " – ".join(p for p in (unit, person) if p)
            self.holders[doc_id] = (holder, assigned_at)

    def row(self, d: Any, direction: Direction) -> RegisterRow:
        verdicts = self.verdicts.get(d.id, [])
        recipients = self.recipients.get(d.id, [])
        if direction is Direction.OUTGOING:
            # Our own number is the register number; the draft's unit keeps the archive copy.
            number = d.number if d.number is not None else d.register_number
            holder = " – ".join(p for p in (d.unit, d.full_name) if p)
            handed_at, arrived_at = self.sent_on.get(d.id), None
        else:
            number = d.number
            holder, handed_at = self.holders.get(d.id, ("", None))
            arrived_at = d.created_at
        return RegisterRow(
            number=d.register_number,
            code=_code(number, d.symbol),
            doc_date=d.issue_date,
            arrived_at=arrived_at,
            kind=d.kind,
            subject=d.subject,
            sender=d.sender_name,
            signer=d.signer_name,
            recipients="; ".join(recipients),
            holder=holder,
            copies=len(recipients) or None,
            transferred_on=local_date(handed_at) if handed_at else None,
            note=_note(d.urgency, d.secrecy),
            cancelled=d.state == DocumentState.CANCELLED,
            cancel_reason=d.cancel_reason,
            signed=bool(verdicts),
            verdict=worst_verdict(verdicts),
        )
