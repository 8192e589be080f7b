"""One crash-matrix cell's world: an office with work waiting both ways, and the checks after.

The office ("subject") has, in its outbox, the package of an outgoing document and a 03 status
about a document it received earlier; on the platform, its peer has sent it two document
packages, the first one again under another key (a duplicate), and a 01 about the subject's
document. Rows are written with the models and the codec directly: the matrix tests the engine,
the services' own tests cover issuing. Attachments are plain text ("no digital signature to
verify"), so no verifier worker is started and a cell stays cheap.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa

from app import settings as S
from app.domain.types import Direction, DocumentState, InboxState, OutboxState
from app.models import Agency, AuditEvent, Delivery, Document, InboxItem, OutboxMessage
from app.services.workspace import Workspace, open_workspace
from app.sync.edxml import (
    VIETNAM,
    Attachment,
    Code,
    DocumentHeader,
    DocumentPackage,
    Organization,
    ResponseFor,
    StatusHeader,
    StatusPackage,
    build_document_package,
    build_status_package,
)
from app.sync.engine import write_secret_file
from app.sync.engine.state import cursor_key, get_value
from app.sync.transport import HttpTransport
from sandbox.schema import Message
from sandbox.testing import SandboxHandle
from sandbox.wire import decode_cursor

DAY = date(2026, 3, 10)
_MIGRATING = threading.Lock()
STAMP = datetime(2026, 3, 10, 9, 0, tzinfo=VIETNAM)


def doc_package(sender: str, to: str, number: int, symbol: str, text: bytes) -> bytes:
    doc_id = f"{sender},{DAY:%Y/%m/%d},{number:02d}/{symbol}"
    header = DocumentHeader(
        sender=Organization(sender, organ_name=f"Cơ quan {sender}"),
        recipients=(Organization(to),),
        subject=f"V/v kiểm thử đồng bộ {symbol} số {number}",
        document_id=doc_id,
        code=Code(f"{number:02d}", symbol),
    )
    attachment = Attachment(content_id="1", name=f"noi-dung-{number}.txt", data=text)
    return build_document_package(DocumentPackage(header=header, attachments=(attachment,)))


def status_package(sender: str, about: str, number: int, symbol: str, code: str) -> bytes:
    header = StatusHeader(
        sender=Organization(sender),
        response_for=ResponseFor(
            about, f"{number:02d}/{symbol}", DAY, f"{about},{DAY:%Y/%m/%d},{number:02d}/{symbol}"
        ),
        status_code=code,
        timestamp=STAMP,
        description=f"trạng thái {code}",
    )
    return build_status_package(StatusPackage(header))


@dataclass
class Cell:
    """A prepared office and what the platform holds for it, named by ``tag``."""

    tag: str
    ws: Workspace
    subject: str
    peer: str
    outgoing: Document  # detached snapshot
    out_doc_id: str
    db_url: str | None

    @property
    def data_dir(self) -> Path:
        return self.ws.data_dir


def prepare(
    root: Path, tag: str, subject: str, peer: str, handle: SandboxHandle, db_url: str | None
) -> Cell:
    """A fresh office for ``subject`` with its outbox loaded, and the peer's packages sent."""
    with _MIGRATING:  # Alembic's module-level context is not thread-safe
        ws = open_workspace(root, db_url=db_url)
    ws.settings.set(S.PLATFORM_SYSTEM_ID, subject)
    ws.settings.set(S.PLATFORM_URL, handle.base_url)
    ws.settings.save()
    write_secret_file(root, handle.secrets[subject])
    mine, theirs = f"T{tag}-UBND", f"T{tag}-SNV"
    now = datetime.now(UTC)
    with ws.db.write() as s:
        local = Agency(code=subject, name=f"Cơ quan {subject}", short_name="UBND", is_local=True)
        s.add(local)
        s.flush()
        out = Document(
            agency_id=local.id, direction=Direction.OUTGOING, state=DocumentState.SENT,
            kind="CV", number=1, symbol=mine, issue_date=DAY, subject=f"Gửi đi {tag}",
            edxml_document_id=f"{subject},{DAY:%Y/%m/%d},01/{mine}", created_at=now,
        )  # fmt: skip
        got = Document(
            agency_id=local.id, direction=Direction.INCOMING, state=DocumentState.REGISTERED,
            kind="CV", number=9, symbol=theirs, issue_date=DAY, subject=f"Đã nhận {tag}",
            sender_code=peer, edxml_document_id=f"{peer},{DAY:%Y/%m/%d},09/{theirs}",
            created_at=now,
        )  # fmt: skip
        s.add_all([out, got])
        s.flush()
        s.add(Delivery(document_id=out.id, recipient_code=peer))
        edoc = ws.files.put_bytes(doc_package(subject, peer, 1, mine, f"đi {tag}".encode()))
        status = ws.files.put_bytes(status_package(subject, peer, 9, theirs, "03"))
        for kind, doc, stored in (("edoc", out, edoc), ("status", got, status)):
            s.add(OutboxMessage(
                message_type=kind, document_id=doc.id, idempotency_key=uuid.uuid4().hex,
                payload_sha256=stored.sha256, recipients=peer, state=OutboxState.PENDING,
                next_attempt_at=now, created_at=now,
            ))  # fmt: skip
        s.flush()
        s.expunge(out)
    with HttpTransport(handle.base_url, peer, handle.secrets[peer], timeout=10) as t:
        first = doc_package(peer, subject, 11, theirs, f"một {tag}".encode())
        t.send(first, "edoc", uuid.uuid4().hex)
        second = doc_package(peer, subject, 12, theirs, f"hai {tag}".encode())
        t.send(second, "edoc", uuid.uuid4().hex)
        t.send(first, "edoc", uuid.uuid4().hex)  # the same package delivered twice
        t.send(status_package(peer, subject, 1, mine, "01"), "status", uuid.uuid4().hex)
    return Cell(tag, ws, subject, peer, out, out.edxml_document_id or "", db_url)


# --- checks ---------------------------------------------------------------------------------------
def _messages(handle: SandboxHandle, cell: Cell, **where: str) -> list[Message]:
    """This cell's messages in the platform's ledger (agencies are reused cell after cell)."""
    sandbox = handle.admin.sandbox
    assert sandbox is not None, "the matrix reads the ledger of a thread-mode sandbox"
    with sandbox.db.read() as s:
        query = (
            sa.select(Message)
            .where(Message.edxml_document_id.contains(f"T{cell.tag}-"))
            .order_by(Message.seq)
        )
        for column, value in where.items():
            query = query.where(getattr(Message, column) == value)
        rows = list(s.scalars(query))
        s.expunge_all()
        return rows


def _local_rows(ws: Workspace) -> dict[str, InboxState]:
    with ws.db.read() as s:
        return dict(s.execute(sa.select(InboxItem.server_doc_id, InboxItem.state)).all())


def check_all_or_nothing(cell: Cell) -> None:
    """At any moment: a received document and what the same transaction wrote (its inbox row,
    keyed by the platform's docId, its audit event, its 01 for the sender) exist together or
    not at all, and the engine leaves no row of a file import behind."""
    seeded = f"{cell.peer},{DAY:%Y/%m/%d},09/T{cell.tag}-SNV"
    with cell.ws.db.read() as s:
        docs = set(
            s.scalars(
                sa.select(Document.id).where(
                    Document.direction == Direction.INCOMING,
                    Document.edxml_document_id != seeded,
                )
            )
        )
        rows = s.execute(
            sa.select(InboxItem.server_doc_id, InboxItem.document_id, InboxItem.state).where(
                InboxItem.message_type == "edoc"
            )
        ).all()
        assert not [r for r in rows if r.server_doc_id.startswith("file:")], rows
        stored = (InboxState.STORED, InboxState.ACKED)
        taken = {r.document_id for r in rows if r.state in stored}
        assert None not in taken, f"an edoc row stored without its document: {rows}"
        assert taken == docs, f"documents {docs} vs inbox rows {rows}"
        for doc_id in docs:
            answers = s.scalar(
                sa.select(sa.func.count(OutboxMessage.id)).where(
                    OutboxMessage.document_id == doc_id, OutboxMessage.message_type == "status"
                )
            )
            audited = s.scalar(
                sa.select(sa.func.count(AuditEvent.id)).where(
                    AuditEvent.entity_type == "document", AuditEvent.entity_id == str(doc_id)
                )
            )
            assert answers == 1 and audited, f"document {doc_id}: {answers} 01s, audit {audited}"


def check_cursor_safe(cell: Cell, handle: SandboxHandle) -> None:
    """At any moment: nothing acked that is not stored here, no cursor past a missing package;
    and every received document whole (``check_all_or_nothing``)."""
    check_all_or_nothing(cell)
    local = _local_rows(cell.ws)
    stored = {k for k, v in local.items() if v is not InboxState.LISTED}
    for kind in ("edoc", "status"):
        with cell.ws.db.read() as s:
            cursor = decode_cursor(get_value(s, cursor_key(kind)))
        for m in _messages(handle, cell, recipient=cell.subject, message_type=kind):
            if m.ack_status is not None or m.seq <= cursor:
                assert m.doc_id in stored, f"{kind} {m.doc_id} acked/behind cursor, not stored"


def check_complete(cell: Cell, handle: SandboxHandle) -> None:
    """After recovery: everything sent once, received once, acked, the cursor at the end."""
    sent = _messages(handle, cell, sender=cell.subject)
    edocs = [m for m in sent if m.message_type == "edoc"]
    assert [m.edxml_document_id for m in edocs] == [cell.out_doc_id], "edoc not sent exactly once"
    # Our seeded 03, and the 01 the receive service queued for each of the two new documents.
    statuses = sorted(
        (m.edxml_document_id, m.summary[:2]) for m in sent if m.message_type == "status"
    )
    theirs = f"T{cell.tag}-SNV"
    assert statuses == sorted(
        (f"{cell.peer},{DAY:%Y/%m/%d},{n:02d}/{theirs}", code)
        for n, code in ((9, "03"), (11, "01"), (12, "01"))
    ), statuses
    received = _messages(handle, cell, recipient=cell.subject)
    assert all(m.ack_status == "done" for m in received), "a package is not acked"
    local = _local_rows(cell.ws)
    assert all(local.get(m.doc_id) is InboxState.ACKED for m in received)
    with cell.ws.db.read() as s:
        incoming = s.scalars(
            sa.select(Document.edxml_document_id).where(Document.direction == Direction.INCOMING)
        ).all()
        assert len(incoming) == len(set(incoming)) == 3, incoming  # seeded one + two new
        for kind in ("edoc", "status"):
            last = max(m.seq for m in received if m.message_type == kind)
            assert decode_cursor(get_value(s, cursor_key(kind))) == last
        delivery = s.scalars(sa.select(Delivery)).one()
        assert delivery.server_doc_id == edocs[0].doc_id and delivery.status_code == "01"
        states = set(s.scalars(sa.select(OutboxMessage.state)))
        assert states == {OutboxState.SENT}, states
