"""Status packages that come back to us: a recipient's progress on what we sent (01…06, 02) and
its answer to our recall (15 / 16), or a sender's recall request for what we received (13).

Progress only moves forward (``app.domain.delivery``): a late, repeated or out-of-order status
changes nothing. A 13 quarantines the incoming document until the clerk answers. The same package
taken in twice is recognised by its hash. ``record_status`` writes in the caller's session (the
sync engine's transaction, with its inbox row and cursor); ``apply_status_package`` is the same
in a transaction of its own (a file import).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.delivery import apply_status
from app.domain.status_codes import ChangeRequest, StatusCode, parse_status_code
from app.domain.types import Direction, InboxState
from app.domain.workflow import quarantine
from app.errors import NotFound
from app.models import Delivery, Document, InboxItem
from app.services.documents.common import audit, touch
from app.services.documents.outgoing import domain_delivery
from app.services.documents.people import Actor, actor_in
from app.services.documents.results import DocumentInfo, snapshot
from app.services.workspace import Workspace
from app.storage.filestore import StoredFile
from app.sync.edxml import StatusPackage


@dataclass(frozen=True)
class StatusOutcome:
    document: DocumentInfo
    status_code: str
    from_code: str
    applied: str  # "delivery", "answer", "quarantine", "unchanged" or "duplicate"
    delivery_label: str = ""


def package_seen(session: Session, sha256: str) -> int | None:
    """The document a package with these bytes was recorded for, by a file import or by the
    sync engine (whose inbox rows carry the package's hash); None if never recorded."""
    return session.scalars(
        sa.select(InboxItem.document_id)
        .where(
            sa.or_(InboxItem.server_doc_id == f"file:{sha256}", InboxItem.sha256 == sha256),
            InboxItem.document_id.is_not(None),
        )
        .order_by(InboxItem.id)
    ).first()


def apply_status_package(
    ws: Workspace, username: str | None, package: StatusPackage, raw: StoredFile, moment: datetime
) -> StatusOutcome:
    with ws.db.write() as session:
        return record_status(session, username, package, raw, moment, file_row=True)


def record_status(
    session: Session,
    username: str | None,
    package: StatusPackage,
    raw: StoredFile,
    moment: datetime,
    *,
    file_row: bool,
) -> StatusOutcome:
    """Apply a status package in ``session`` (flushed, not committed); ``file_row``: add the
    ``file:<sha256>`` inbox record of a file import (the engine keeps its own row)."""
    header = package.header
    code = parse_status_code(header.status_code)
    sender = header.sender.organ_id
    actor = actor_in(session, username) if username else None
    seen = package_seen(session, raw.sha256)
    if seen is not None:
        doc = session.get(Document, seen)
        assert doc is not None
        return StatusOutcome(snapshot(doc), code.value, sender, "duplicate")
    if code is StatusCode.RECALL_REQUESTED:
        doc, applied = _quarantine(session, actor, package, moment)
        label = ""
    else:
        doc, applied, label = _delivery(session, actor, package, code, moment)
    if file_row:
        session.add(
            InboxItem(
                server_doc_id=f"file:{raw.sha256}",
                message_type="status",
                from_code=sender,
                sha256=raw.sha256,
                size=raw.size,
                state=InboxState.STORED,
                document_id=doc.id,
                received_at=moment,
            )
        )
    session.flush()
    return StatusOutcome(snapshot(doc), code.value, sender, applied, label)


def _find(session: Session, direction: Direction, document_id: str, **where: str) -> Document:
    query = sa.select(Document).where(
        Document.direction == direction, Document.edxml_document_id == document_id
    )
    if "sender_code" in where:
        query = query.where(Document.sender_code == where["sender_code"])
    doc = session.scalars(query.order_by(Document.id.desc()).with_for_update()).first()
    if doc is None:
        raise NotFound(
            f"Không có văn bản {document_id!r} để nhận trạng thái (no document for this status)",
            document_id=document_id,
        )
    return doc


def _quarantine(
    session: Session, actor: Actor | None, package: StatusPackage, moment: datetime
) -> tuple[Document, str]:
    """The sender asks for a document back: hold it until the clerk answers 15 or 16."""
    header = package.header
    doc = _find(
        session,
        Direction.INCOMING,
        header.response_for.document_id,
        sender_code=header.sender.organ_id,
    )
    if doc.quarantine_request == ChangeRequest.RECALL.value:
        return doc, "unchanged"  # the same request again
    step = quarantine(doc.state, ChangeRequest.RECALL)
    assert step.quarantine is not None
    before = doc.state
    doc.state = step.new_state
    doc.quarantine_request = step.quarantine.request.value
    doc.quarantine_from = step.quarantine.previous_state.value
    touch(doc, moment)
    data = {"from": before.value, "to": doc.state.value, "reason": header.description}
    audit(session, actor, step.audit_action, doc, moment, data)
    return doc, "quarantine"


def _delivery(
    session: Session, actor: Actor | None, package: StatusPackage, code: StatusCode, now: datetime
) -> tuple[Document, str, str]:
    """A recipient's status about a document we sent: move its delivery row forward."""
    header = package.header
    doc = _find(session, Direction.OUTGOING, header.response_for.document_id)
    row = session.scalars(
        sa.select(Delivery).where(
            Delivery.document_id == doc.id, Delivery.recipient_code == header.sender.organ_id
        )
    ).first()
    if row is None:
        raise NotFound(
            f"{header.sender.organ_id} không phải nơi nhận văn bản {doc.id} (not a recipient)",
            document_id=doc.id,
        )
    before = domain_delivery(row)
    after = apply_status(before, code)
    if after == before:
        return doc, "unchanged", after.label
    row.status_code = after.status.value if after.status else ""
    row.answer = after.answer.value if after.answer else None
    row.status_at = header.timestamp or now
    row.description = header.description
    touch(doc, now)
    data = {"recipient": row.recipient_code, "status": code.value, "label": after.label}
    audit(session, actor, "outgoing.status", doc, now, data)
    return (
        doc,
        "answer" if code in (StatusCode.AGREED, StatusCode.REFUSED) else "delivery",
        after.label,
    )
