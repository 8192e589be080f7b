"""Writing outbox rows inside the caller's transaction (the transactional outbox).

The edXML bytes go into the file store first (content-addressed, fsynced): if the transaction then
fails, they are an unreferenced object and nothing else. The idempotency key is fixed here, once,
so every retry and restart of the sync engine sends the same key. Secret documents never get a
row: ``check_can_send`` refuses them here, before anything is stored, whatever the caller checked.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session

from app.domain.secrecy import check_can_send
from app.domain.status_codes import StatusCode
from app.domain.types import Direction, OutboxState
from app.models import Agency, Document, OutboxMessage
from app.services.documents.packaging import (
    document_package,
    status_package,
    store_document_package,
    store_status_package,
)
from app.services.documents.people import Actor
from app.storage.filestore import FileStore, StoredFile

MessageType = Literal["edoc", "status"]


def add_message(
    session: Session,
    doc: Document,
    message_type: MessageType,
    stored: StoredFile,
    recipients: Sequence[str],
    now: datetime,
    *,
    flush: bool = True,
) -> OutboxMessage:
    """The outbox row for an already stored payload (not committed). ``flush``: now, for a
    caller that needs its id at once; a caller that flushes later anyway (the receive path, one
    flush for its rows) passes False and reads the id after its own flush."""
    check_can_send(doc.secrecy)
    message = OutboxMessage(
        message_type=message_type,
        document_id=doc.id,
        idempotency_key=uuid.uuid4().hex,
        payload_sha256=stored.sha256,
        recipients=",".join(dict.fromkeys(r for r in recipients if r)),
        state=OutboxState.PENDING,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(message)
    if flush:
        session.flush()
    return message


def queue_status(
    session: Session,
    files: FileStore,
    agency: Agency,
    doc: Document,
    code: StatusCode,
    now: datetime,
    *,
    actor: Actor | None = None,
    description: str = "",
    recipients: Sequence[str] | None = None,
    flush: bool = True,
) -> OutboxMessage:
    """Queue status ``code`` about ``doc``: to its sender (incoming), or to ``recipients`` (a
    recall request, 13, goes to those of our recipients that still hold the document);
    ``flush``: as in ``add_message``."""
    check_can_send(doc.secrecy)
    package = status_package(agency, doc, code, now, description=description, staff=actor)
    if recipients is None:
        recipients = [doc.sender_code] if doc.direction is Direction.INCOMING else []
    stored = store_status_package(files, package)
    return add_message(session, doc, "status", stored, recipients, now, flush=flush)


def queue_document(
    session: Session,
    files: FileStore,
    agency: Agency,
    doc: Document,
    now: datetime,
    *,
    paper: int,
    actor: Actor | None = None,
) -> OutboxMessage:
    """Queue the document package of an issued outgoing document for all its recipients."""
    check_can_send(doc.secrecy)
    package = document_package(session, files, doc, agency, now, paper=paper, staff=actor)
    stored = store_document_package(files, package)
    recipients = [org.organ_id for org in package.header.recipients]
    return add_message(session, doc, "edoc", stored, recipients, now)
