"""Exporting an issued document as an edXML file, for offices that carry packages by hand.

The file is the very package queued for the platform at issue (same bytes, same DocumentId); a
document issued without sending gets a package built now from its files and recipients. Secret
documents are refused: a file is just another way onto the platform.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from app.domain.kinds import kind_from_code
from app.domain.roles import Action, require
from app.domain.secrecy import check_can_send
from app.domain.types import Direction, DocumentState
from app.errors import InvalidTransition
from app.models import OutboxMessage
from app.services.documents.common import audit, load_document, local_agency, paper_policy, utc_now
from app.services.documents.packaging import document_package, store_document_package
from app.services.documents.people import actor_in
from app.services.documents.results import ExportOutcome
from app.services.workspace import Workspace
from app.storage.atomic import atomic_writer

_EXPORTABLE = frozenset({DocumentState.ISSUED, DocumentState.SENT})


def export_document(
    ws: Workspace, username: str, doc_id: int, out: Path, *, now: datetime | None = None
) -> ExportOutcome:
    """Write the outgoing package of ``doc_id`` to ``out`` (atomically) and note it in the log."""
    moment = utc_now(now)
    with ws.db.write() as session:
        actor = actor_in(session, username)
        require(actor.role, Action.SEND)
        doc = load_document(session, doc_id)
        if doc.direction is not Direction.OUTGOING or doc.state not in _EXPORTABLE:
            raise InvalidTransition(
                f"Chỉ xuất được văn bản đi đã phát hành (document {doc.id} is not issued)",
                document_id=doc.id,
                state=doc.state.value,
            )
        check_can_send(doc.secrecy)
        queued = session.scalars(
            sa.select(OutboxMessage.payload_sha256)
            .where(OutboxMessage.document_id == doc.id, OutboxMessage.message_type == "edoc")
            .order_by(OutboxMessage.id.desc())
            .limit(1)
        ).first()
        if queued is None:
            policy = paper_policy(ws)
            paper = policy.paper_flag(kind_from_code(doc.kind))
            package = document_package(
                session, ws.files, doc, local_agency(session), moment, paper=paper, staff=actor
            )
            sha256 = store_document_package(ws.files, package).sha256
        else:
            sha256 = queued
        size = 0
        with ws.files.open(sha256) as source, atomic_writer(out) as target:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                target.write(chunk)
                size += len(chunk)
        data = {"file": str(out), "package": sha256, "from_outbox": queued is not None}
        audit(session, actor, "outgoing.export", doc, moment, data)
        return ExportOutcome(doc.id, out, sha256, size, queued is not None)
