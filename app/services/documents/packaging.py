"""Documents to edXML: the outgoing document package and the status packages, stored by hash.

Builds the codec's model from the database rows (``app.sync.edxml`` does the XML) and writes the
bytes into the file store, streamed, so a large PDF never sits in memory twice. Must not: commit,
decide workflow, or send anything (the outbox rows do that, later, through the sync engine).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.kinds import kind_from_code
from app.domain.numbering import format_number
from app.domain.status_codes import StatusCode
from app.domain.types import Direction, FileRole
from app.errors import InvalidInput
from app.models import Agency, Delivery, Document, DocumentFile
from app.services.documents.people import Actor
from app.storage.filestore import FileStore, StoredFile
from app.sync.edxml import (
    VIETNAM,
    Attachment,
    Bussiness,
    Code,
    DocumentHeader,
    DocumentPackage,
    DocumentType,
    Organization,
    OtherInfo,
    PromulgationInfo,
    ResponseFor,
    SignerInfo,
    StaffInfo,
    StatusHeader,
    StatusPackage,
    TraceHeader,
    build_status_package,
    write_document_package,
)


def organization(agency: Agency) -> Organization:
    return Organization(
        organ_id=agency.code,
        organ_name=agency.name,
        organ_add=agency.address,
        email=agency.email,
        telephone=agency.phone,
    )


def current_files(session: Session, doc: Document) -> list[DocumentFile]:
    """The files that stand for the document now (signed versions replace their drafts), main
    file first."""
    rows = session.scalars(
        sa.select(DocumentFile)
        .where(DocumentFile.document_id == doc.id, DocumentFile.superseded_by_id.is_(None))
        .order_by(DocumentFile.id)
    ).all()
    return sorted(rows, key=lambda f: (f.role is not FileRole.MAIN, f.id))


def deliveries_of(session: Session, doc: Document) -> list[Delivery]:
    return list(
        session.scalars(
            sa.select(Delivery).where(Delivery.document_id == doc.id).order_by(Delivery.id)
        )
    )


def _type_name(kind: str) -> str:
    try:
        return kind_from_code(kind).label.split("(")[0].strip()
    except InvalidInput:
        return ""


def document_package(
    session: Session,
    files: FileStore,
    doc: Document,
    agency: Agency,
    now: datetime,
    *,
    paper: int,
    staff: Actor | None = None,
) -> DocumentPackage:
    """The package for an issued outgoing document, addressed to its recipients."""
    if doc.direction is not Direction.OUTGOING or doc.number is None:
        raise InvalidInput(
            f"Văn bản {doc.id} chưa phát hành (document {doc.id} has not been issued)",
            document_id=doc.id,
        )
    recipients = tuple(
        Organization(organ_id=d.recipient_code, organ_name=d.recipient_name)
        for d in deliveries_of(session, doc)
    )
    stored = current_files(session, doc)
    header = DocumentHeader(
        sender=organization(agency),
        recipients=recipients,
        subject=doc.subject,
        document_id=doc.edxml_document_id or "",
        code=Code(code_number=format_number(doc.number), code_notation=doc.symbol),
        promulgation_info=PromulgationInfo(promulgation_date=doc.issue_date),
        document_type=DocumentType(type_name=_type_name(doc.kind)),
        signer_info=SignerInfo(position=doc.signer_position, full_name=doc.signer_name),
        due_date=doc.due_date,
        other_info=OtherInfo(priority=doc.urgency, page_amount=stored[0].pages if stored else None),
    )
    attachments = tuple(
        Attachment(
            content_id=str(index),
            name=f.name,
            content_type=f.media_type,
            data=files.path_for(f.sha256),
        )
        for index, f in enumerate(stored, start=1)
    )
    business = Bussiness(
        document_id=doc.edxml_document_id or "",
        paper=paper,
        staff_info=_staff(staff),
    )
    traces = (TraceHeader(organ_id=agency.code, timestamp=now.astimezone(VIETNAM)),)
    return DocumentPackage(header, traces, business, attachments)


def _staff(actor: Actor | None) -> StaffInfo | None:
    if actor is None:
        return None
    return StaffInfo(department=actor.unit, staff=actor.full_name)


def status_package(
    agency: Agency,
    doc: Document,
    code: StatusCode,
    now: datetime,
    *,
    description: str = "",
    staff: Actor | None = None,
) -> StatusPackage:
    """A status about ``doc``: ours about a received document (01…06, 15, 16), or a recall
    request (13) about one we sent."""
    about = agency.code if doc.direction is Direction.OUTGOING else doc.sender_code
    header = StatusHeader(
        sender=organization(agency),
        response_for=ResponseFor(
            organ_id=about,
            code=doc.code if doc.number is not None else "",
            promulgation_date=doc.issue_date,
            document_id=doc.edxml_document_id or "",
        ),
        status_code=code.value,
        timestamp=now.astimezone(VIETNAM),
        staff_info=_staff(staff),
        description=description,
    )
    return StatusPackage(header, (TraceHeader(organ_id=agency.code, timestamp=header.timestamp),))


def store_document_package(files: FileStore, package: DocumentPackage) -> StoredFile:
    """Write the package (attachments streamed from the store) and keep it in the store."""
    with tempfile.TemporaryFile() as spool:
        write_document_package(package, spool)
        spool.seek(0)
        return files.put_stream(spool)


def store_status_package(files: FileStore, package: StatusPackage) -> StoredFile:
    return files.put_bytes(build_status_package(package))


def recipient_codes(deliveries: Sequence[Delivery]) -> list[str]:
    return [d.recipient_code for d in deliveries]
