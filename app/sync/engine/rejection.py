"""A "rejected" (02) for a package the codec refused, so its sender hears why.

The receive service answers packages it could read; one the codec cannot read never reaches it,
yet its sender must still learn that it was refused. A status needs to say which document it is
about, so the DocumentId and the number/notation are salvaged from the raw bytes with bounded
regular expressions (no XML parser on input that just failed the hardened one). When nothing
can be salvaged the fail-ack's reason is the only answer (the platform shows it to the sender).
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.types import OutboxState
from app.models import OutboxMessage
from app.storage.filestore import FileStore
from app.sync.edxml import (
    VIETNAM,
    Organization,
    PackageInvalid,
    ResponseFor,
    StatusHeader,
    StatusPackage,
    TraceHeader,
    build_status_package,
)

_HEAD_BYTES = 256 << 10
_MAX_DESCRIPTION = 480


def _first(tag: str, text: str) -> str:
    match = re.search(rf"<(?:\w+:)?{tag}\b[^>]{{0,200}}>([^<]{{1,500}})</(?:\w+:)?{tag}>", text)
    return match.group(1).strip() if match else ""


def salvage_reference(raw: Path, sender_code: str) -> ResponseFor | None:
    """What an unreadable package says about itself, if its header is legible."""
    with raw.open("rb") as handle:
        text = handle.read(_HEAD_BYTES).decode("utf-8", "replace")
    document_id = _first("DocumentId", text)
    number, notation = _first("CodeNumber", text), _first("CodeNotation", text)
    code = f"{number}/{notation}" if number and notation else ""
    if not document_id and not code:
        return None
    return ResponseFor(organ_id=sender_code, code=code, document_id=document_id)


def queue_rejection(
    session: Session,
    files: FileStore,
    our_code: str,
    about: ResponseFor,
    reason: str,
    now: datetime,
) -> int | None:
    """Queue a 02 to ``about.organ_id`` in the caller's transaction; None if none can be built."""
    moment = now.astimezone(VIETNAM)
    header = StatusHeader(
        sender=Organization(our_code),
        response_for=about,
        status_code="02",
        timestamp=moment,
        description=reason[:_MAX_DESCRIPTION],
    )
    try:
        payload = build_status_package(
            StatusPackage(header, (TraceHeader(organ_id=our_code, timestamp=moment),))
        )
    except PackageInvalid:
        return None
    stored = files.put_bytes(payload)
    message = OutboxMessage(
        message_type="status",
        document_id=None,
        idempotency_key=uuid.uuid4().hex,
        payload_sha256=stored.sha256,
        recipients=about.organ_id,
        state=OutboxState.PENDING,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(message)
    session.flush()
    return message.id
