"""What the clerk sees and may change before issuing (phát hành): the number the register will
most likely give (a peek: nothing is taken), today's date in Vietnam, the recipients, the files
that get the attachment signature, the paper-copy flag, the urgency and the issue deadline.

The recipients and the paper-copy flag the clerk settles travel to ``issuing.issue`` as
``IssueChoices`` and are applied inside its one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.calendar import local_date
from app.domain.kinds import kind_from_code
from app.domain.numbering import format_code, register_year
from app.domain.types import Direction, Secrecy
from app.models import Agency, Delivery, Document, Register
from app.services.documents.common import load_document, local_agency, paper_policy, utc_now
from app.services.documents.packaging import current_files, deliveries_of
from app.services.documents.results import DocumentInfo, snapshot
from app.services.workspace import Workspace

PDF = "application/pdf"


@dataclass(frozen=True)
class IssueChoices:
    """What the clerk may change at issue: ``recipients`` (agency codes; None keeps the
    draft's) and ``paper`` (None: the paper-copy catalogue decides)."""

    recipients: tuple[str, ...] | None = None
    paper: bool | None = None


@dataclass(frozen=True)
class AttachmentInfo:
    name: str
    signed: bool  # a PDF gets the attachment signature; other files travel as they are


@dataclass(frozen=True)
class IssuePreview:
    document: DocumentInfo
    number: int  # the register's next number now: another clerk may take it first
    code: str  # "12/QĐ-UBND"
    issue_date: date
    recipients: tuple[tuple[str, str], ...]  # (code, name)
    attachments: tuple[AttachmentInfo, ...]
    paper: bool  # what the paper-copy catalogue says for this kind
    secret: bool
    due_at: datetime | None  # the issue deadline set when the leader signed


def checked_choices(choices: IssueChoices) -> IssueChoices:
    """Refuse a malformed recipient code before anybody is asked for a PIN."""
    from app.services.documents.drafting import check_agency_code

    if choices.recipients is None:
        return choices
    codes = tuple(dict.fromkeys(check_agency_code(c) for c in choices.recipients))
    return replace(choices, recipients=codes)


def set_recipients(session: Session, doc: Document, codes: Sequence[str]) -> list[str]:
    """Make the deliveries exactly ``codes`` (kept rows keep their history); returns the codes
    when they changed (for the audit event), else an empty list."""
    rows = deliveries_of(session, doc)
    if [r.recipient_code for r in rows] == list(codes):
        return []
    for row in rows:
        if row.recipient_code not in codes:
            session.delete(row)
    have = {r.recipient_code for r in rows}
    found = session.execute(sa.select(Agency.code, Agency.name).where(Agency.code.in_(codes)))
    names = {code: name for code, name in found}
    for code in codes:
        if code not in have:
            name = names.get(code, "")
            session.add(Delivery(document_id=doc.id, recipient_code=code, recipient_name=name))
    session.flush()
    return list(codes)


def _next_number(session: Session, agency_id: int, secret: bool, year: int) -> int:
    stmt = (
        sa.select(Register.next_number)
        .where(
            Register.agency_id == agency_id,
            Register.direction == Direction.OUTGOING,
            Register.secret.is_(secret),
            Register.year == year,
        )
        .order_by(Register.id)
        .limit(1)
    )
    return int(session.scalar(stmt) or 1)  # a new year's register starts at 1


def issue_preview(ws: Workspace, doc_id: int, *, now: datetime | None = None) -> IssuePreview:
    """What issuing ``doc_id`` now would do (read only: no number is taken)."""
    moment = utc_now(now)
    with ws.db.read() as session:
        doc = load_document(session, doc_id, lock=False)
        agency = local_agency(session)
        secret = doc.secrecy is not Secrecy.NONE
        number = _next_number(session, agency.id, secret, register_year(moment))
        files = current_files(session, doc)[1:]
        recipients = tuple(
            (d.recipient_code, d.recipient_name) for d in deliveries_of(session, doc)
        )
        paper = not secret and (
            doc.paper_copy or bool(paper_policy(ws).paper_flag(kind_from_code(doc.kind)))
        )
        return IssuePreview(
            document=snapshot(doc),
            number=number,
            code=format_code(number, doc.symbol),
            issue_date=local_date(moment),
            recipients=recipients,
            attachments=tuple(AttachmentInfo(f.name, f.media_type == PDF) for f in files),
            paper=paper,
            secret=secret,
            due_at=doc.due_at,
        )
