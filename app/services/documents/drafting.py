"""Drafting an outgoing document: the PDF, its kind and subject, its recipients (dự thảo).

The symbol is built from the kind and the local agency (``QĐ-UBND``; a công văn names the drafting
unit: ``UBND-VP``); the number comes only at issue. Files go into the store before the one
transaction that records the draft, its files, its recipients and the audit event.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.kinds import DocumentKind, kind_from_code
from app.domain.numbering import build_symbol
from app.domain.types import Direction, FileRole, Secrecy, Urgency
from app.domain.workflow import create_draft as draft_transition
from app.errors import InvalidInput, PdfInputError
from app.models import Agency, Delivery, Document
from app.services.documents.common import add_file, audit, local_agency, touch, utc_now
from app.services.documents.people import actor_in
from app.services.documents.results import ActionResult, snapshot
from app.services.workspace import Workspace
from app.storage.filestore import FileStore, StoredFile

SUBJECT_MAX = 500  # edXML Subject
_AGENCY_CODE = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+){3}$")
# Kinds without an official abbreviation are stored under a code the kind lookup reads back.
_STORED_CODE = {DocumentKind.CONG_VAN: "CV", DocumentKind.THU_CONG: "Thư công"}


@dataclass(frozen=True)
class DraftInput:
    """What a specialist gives for a new outgoing document."""

    pdf: Path
    kind: str  # "QĐ", "QD", "CV", "quyết định" …
    subject: str
    recipients: tuple[str, ...] = ()  # agency codes (mã định danh)
    urgency: int = Urgency.NORMAL
    secrecy: Secrecy = Secrecy.NONE
    due_date: date | None = None  # the reply deadline asked of the recipients (edXML DueDate)
    unit: str | None = None  # drafting unit abbreviation: required for a công văn ("VP")
    attachments: tuple[Path, ...] = field(default=())
    paper_copy: bool = False  # also send a paper copy (the clerk can still change it at issue)


def stored_kind_code(kind: DocumentKind) -> str:
    return kind.abbreviation or _STORED_CODE[kind]


def check_agency_code(code: str) -> str:
    clean = code.strip()
    if not _AGENCY_CODE.match(clean):
        raise InvalidInput(
            f"Mã định danh cơ quan không hợp lệ: «{code}» (expected e.g. 000.00.00.H18)",
            value=code,
        )
    return clean


def _subject(text: str) -> str:
    subject = " ".join(unicodedata.normalize("NFC", text).split())
    if not subject:
        raise InvalidInput("Chưa nhập trích yếu (subject is required)")
    if len(subject) > SUBJECT_MAX:
        raise InvalidInput(
            f"Trích yếu dài quá {SUBJECT_MAX} ký tự (subject longer than {SUBJECT_MAX})",
            length=len(subject),
        )
    return subject


def store_pdf(files: FileStore, path: Path) -> StoredFile:
    """Keep a PDF in the store after a cheap look at its header (the signing step reads it)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise PdfInputError(f"cannot read {path}: {exc.strerror or exc}", path=str(path)) from exc
    if b"%PDF-" not in head:
        raise PdfInputError(f"{path.name} is not a PDF file", path=str(path))
    return files.put_file(path)


def create_draft(
    ws: Workspace, username: str, draft: DraftInput, *, now: datetime | None = None
) -> ActionResult:
    """A new outgoing draft written by ``username`` (a specialist)."""
    moment = utc_now(now)
    kind = kind_from_code(draft.kind)
    subject = _subject(draft.subject)
    urgency = Urgency(draft.urgency)
    recipients = list(dict.fromkeys(check_agency_code(c) for c in draft.recipients))
    main = store_pdf(ws.files, draft.pdf)
    extra = [(p, store_pdf(ws.files, p)) for p in draft.attachments]
    with ws.db.write() as session:
        actor = actor_in(session, username)
        step = draft_transition(actor.role)
        agency = local_agency(session)
        doc = Document(
            agency_id=agency.id,
            direction=Direction.OUTGOING,
            state=step.new_state,
            kind=stored_kind_code(kind),
            symbol=build_symbol(kind, agency.short_name, draft.unit),
            subject=subject,
            urgency=int(urgency),
            secrecy=draft.secrecy,
            paper_copy=draft.paper_copy,
            due_date=draft.due_date,
            author_id=actor.person_id,
            created_at=moment,
        )
        touch(doc, moment)
        session.add(doc)
        session.flush()
        add_file(session, doc, FileRole.MAIN, draft.pdf.name, main, moment)
        for path, stored in extra:
            add_file(session, doc, FileRole.ATTACHMENT, path.name, stored, moment)
        names = _agency_names(session, recipients)
        for code in recipients:
            name = names.get(code, "")
            session.add(Delivery(document_id=doc.id, recipient_code=code, recipient_name=name))
        audit(
            session,
            actor,
            step.audit_action,
            doc,
            moment,
            {"to": step.new_state.value, "kind": doc.kind, "recipients": recipients},
        )
        return ActionResult(snapshot(doc), step.audit_action)


def _agency_names(session: Session, codes: Sequence[str]) -> dict[str, str]:
    if not codes:
        return {}
    rows = session.execute(sa.select(Agency.code, Agency.name).where(Agency.code.in_(codes)))
    return {code: name for code, name in rows}
