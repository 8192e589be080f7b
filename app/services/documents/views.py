"""Everything about one document for ``doc show`` and the GUI's document view, as snapshots:
files, signatures with their verdicts, recipients and their statuses, the direction given, what
waits in the outbox, and the document's audit trail.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from app.domain.delivery import Delivery as DeliveryState
from app.models import Assignment, AuditEvent, Delivery, DocumentFile, OutboxMessage, Person
from app.models import Signature as SignatureRow
from app.services.documents.common import load_document
from app.services.documents.outgoing import domain_delivery
from app.services.documents.results import DocumentInfo, snapshot
from app.services.documents.verification import NO_SIGNATURE
from app.services.workspace import Workspace


@dataclass(frozen=True)
class FileInfo:
    id: int
    role: str
    name: str
    media_type: str
    sha256: str
    size: int
    current: bool


@dataclass(frozen=True)
class SignatureInfo:
    file_id: int
    field_name: str
    role: str | None
    signer_name: str
    signed_at: datetime | None
    verdict: str | None
    reasons: tuple[str, ...]
    pending_ltv: bool


@dataclass(frozen=True)
class DeliveryInfo:
    recipient_code: str
    recipient_name: str
    status_code: str
    label: str
    status_at: datetime | None


@dataclass(frozen=True)
class AssignmentInfo:
    lead: str
    co_handlers: tuple[str, ...]
    deadline: date | None
    opinion: str
    assigned_at: datetime
    completed_at: datetime | None
    # People's full names for display; ``lead`` / ``co_handlers`` stay the usernames.
    lead_name: str = ""
    co_handler_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutboxInfo:
    id: int
    message_type: str
    recipients: str
    state: str
    idempotency_key: str
    payload_sha256: str


@dataclass(frozen=True)
class EventInfo:
    id: int
    at: str
    actor: str  # the username as audited, or "system"
    action: str
    actor_name: str = ""  # the person's full name; "" when ``actor`` is nobody we know
    actor_role: str = ""  # their Role value, for the history's "who" column
    from_platform: bool = False  # a system event the platform caused (arrival, statuses)


# System events (no person) that a package from the platform caused: the arrival, a recipient's
# status, the sender's recall request. Other system events are the application's own.
_PLATFORM_ACTIONS = ("incoming.receive", "outgoing.status", "incoming.quarantine.")
SYSTEM_ACTOR = "system"


def _from_platform(actor: str, action: str) -> bool:
    return actor == SYSTEM_ACTOR and action.startswith(_PLATFORM_ACTIONS)


@dataclass(frozen=True)
class DocumentDetails:
    document: DocumentInfo
    files: tuple[FileInfo, ...]
    signatures: tuple[SignatureInfo, ...]
    signature_note: str  # "" or "no digital signature to verify" for the current files
    deliveries: tuple[DeliveryInfo, ...]
    assignments: tuple[AssignmentInfo, ...]
    outbox: tuple[OutboxInfo, ...]
    events: tuple[EventInfo, ...]


def _reasons(detail: str) -> tuple[str, ...]:
    try:
        loaded = json.loads(detail or "[]")
    except ValueError:
        return ()
    return tuple(str(r.get("text", r.get("code", ""))) for r in loaded if isinstance(r, dict))


def document_details(ws: Workspace, doc_id: int) -> DocumentDetails:
    with ws.db.read() as s:
        doc = load_document(s, doc_id, lock=False)
        files = s.scalars(
            sa.select(DocumentFile)
            .where(DocumentFile.document_id == doc.id)
            .order_by(DocumentFile.id)
        ).all()
        sigs = s.scalars(
            sa.select(SignatureRow)
            .where(SignatureRow.document_id == doc.id)
            .order_by(SignatureRow.id)
        ).all()
        current = {f.id for f in files if f.superseded_by_id is None}
        deliveries = s.scalars(
            sa.select(Delivery).where(Delivery.document_id == doc.id).order_by(Delivery.id)
        ).all()
        people = s.execute(
            sa.select(Person.id, Person.username, Person.full_name, Person.role)
        ).all()
        names = {p.id: p.username for p in people}
        full = {p.id: p.full_name or p.username for p in people}
        by_username = {p.username: (p.full_name or p.username, p.role.value) for p in people}
        assignments = s.scalars(
            sa.select(Assignment).where(Assignment.document_id == doc.id).order_by(Assignment.id)
        ).all()
        outbox = s.scalars(
            sa.select(OutboxMessage)
            .where(OutboxMessage.document_id == doc.id)
            .order_by(OutboxMessage.id)
        ).all()
        events = s.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.entity_type == "document", AuditEvent.entity_id == str(doc.id))
            .order_by(AuditEvent.id)
        ).all()
        has_sig = any(sig.file_id in current for sig in sigs)
        return DocumentDetails(
            document=snapshot(doc),
            files=tuple(
                FileInfo(
                    f.id, f.role.value, f.name, f.media_type, f.sha256, f.size, f.id in current
                )
                for f in files
            ),
            signatures=tuple(
                SignatureInfo(
                    sig.file_id,
                    sig.field_name,
                    sig.role.value if sig.role else None,
                    sig.signer_name,
                    sig.signed_at,
                    sig.verdict.value if sig.verdict else None,
                    _reasons(sig.verdict_detail),
                    sig.pending_ltv,
                )  # fmt: skip
                for sig in sigs
            ),
            signature_note="" if has_sig else NO_SIGNATURE,
            deliveries=tuple(
                DeliveryInfo(
                    d.recipient_code,
                    d.recipient_name,
                    d.status_code,
                    _label(domain_delivery(d)),
                    d.status_at,
                )  # fmt: skip
                for d in deliveries
            ),
            assignments=tuple(
                AssignmentInfo(
                    names.get(a.lead_person_id or 0, ""),
                    tuple(names.get(c.person_id, "") for c in a.co_handlers),
                    a.deadline,
                    a.opinion,
                    a.assigned_at,
                    a.completed_at,
                    full.get(a.lead_person_id or 0, ""),
                    tuple(full.get(c.person_id, "") for c in a.co_handlers),
                )  # fmt: skip
                for a in assignments
            ),
            outbox=tuple(
                OutboxInfo(
                    m.id,
                    m.message_type,
                    m.recipients,
                    m.state.value,
                    m.idempotency_key,
                    m.payload_sha256,
                )  # fmt: skip
                for m in outbox
            ),
            events=tuple(
                EventInfo(
                    e.id,
                    e.at,
                    e.actor,
                    e.action,
                    *by_username.get(e.actor, ("", "")),
                    from_platform=_from_platform(e.actor, e.action),
                )  # fmt: skip
                for e in events
            ),
        )


def _label(state: DeliveryState) -> str:
    return state.label
