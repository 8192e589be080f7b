"""Small builders for the engine's unit tests: a bare office, outbox rows, a scripted transport.

The scripted transport stands in for the platform only where the sandbox cannot produce the
case (a package the codec refuses reaching an inbox: the sandbox refuses those at the door).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from app import settings as S
from app.domain.types import Direction, DocumentState, OutboxState
from app.models import Agency, Delivery, Document, OutboxMessage
from app.services.workspace import Workspace, open_workspace
from app.sync.engine import write_secret_file
from app.sync.transport import (
    FetchResult,
    MessageType,
    PlatformAgency,
    ReceivedItem,
    ReceivedPage,
    SendResult,
    SentPage,
)
from sandbox.testing import SandboxHandle


def bare_office(root: Path, code: str, handle: SandboxHandle | None = None) -> Workspace:
    """A workspace whose local agency is ``code``, connected to ``handle`` if given."""
    ws = open_workspace(root)
    ws.settings.set(S.PLATFORM_SYSTEM_ID, code)
    if handle is not None:
        ws.settings.set(S.PLATFORM_URL, handle.base_url)
        write_secret_file(root, handle.secrets[code])
    ws.settings.save()
    with ws.db.write() as s:
        s.add(Agency(code=code, name=f"Cơ quan {code}", short_name="UBND", is_local=True))
    return ws


def outgoing(ws: Workspace, edxml_id: str, recipients: tuple[str, ...]) -> int:
    """A sent outgoing document with its Delivery rows; returns its id."""
    with ws.db.write() as s:
        local = s.query(Agency).filter(Agency.is_local.is_(True)).one()
        doc = Document(
            agency_id=local.id, direction=Direction.OUTGOING, state=DocumentState.SENT,
            kind="CV", number=1, symbol="UBND-VP", subject="Văn bản đi",
            edxml_document_id=edxml_id,
        )  # fmt: skip
        s.add(doc)
        s.flush()
        s.add_all(Delivery(document_id=doc.id, recipient_code=r) for r in recipients)
        return doc.id


def queue(
    ws: Workspace, kind: str, doc_id: int | None, payload: bytes, recipients: str
) -> OutboxMessage:
    """An outbox row as the services write it (payload in the store, key fixed now)."""
    stored = ws.files.put_bytes(payload)
    now = datetime.now(UTC)
    with ws.db.write() as s:
        row = OutboxMessage(
            message_type=kind, document_id=doc_id, idempotency_key=uuid.uuid4().hex,
            payload_sha256=stored.sha256, recipients=recipients, state=OutboxState.PENDING,
            next_attempt_at=now, created_at=now,
        )  # fmt: skip
        s.add(row)
        s.flush()
        s.expunge(row)
        return row


def outbox_row(ws: Workspace, row_id: int) -> OutboxMessage:
    with ws.db.read() as s:
        row = s.get(OutboxMessage, row_id)
        assert row is not None
        s.expunge(row)
        return row


@dataclass
class ScriptedTransport:
    """An in-memory platform: ``inbox[kind]`` lists packages; calls are recorded."""

    inbox: dict[str, list[tuple[str, str, bytes]]] = field(default_factory=dict)
    acks: list[tuple[str, str, str]] = field(default_factory=list)
    sent: list[tuple[str, str, bytes]] = field(default_factory=list)
    on_send: Callable[[str, bytes], None] | None = None

    def agencies(self) -> list[PlatformAgency]:
        return []

    def ping(self) -> float:
        return 0.001

    def send(
        self, package: bytes | Path, message_type: MessageType | str, idempotency_key: str
    ) -> SendResult:
        body = package.read_bytes() if isinstance(package, Path) else package
        if self.on_send is not None:
            self.on_send(str(message_type), body)
        self.sent.append((str(message_type), idempotency_key, body))
        return SendResult({"000.00.05.H18": f"d-{len(self.sent)}"})

    def list_received(
        self, message_type: MessageType | str, after: str | None = None, limit: int = 50
    ) -> ReceivedPage:
        acked = {doc_id for doc_id, _, _ in self.acks}
        items = [
            ReceivedItem(doc_id, sender, str(message_type), len(body),
                         hashlib.sha256(body).hexdigest(), None)
            for doc_id, sender, body in self.inbox.get(str(message_type), [])
            if doc_id not in acked and (after is None or doc_id > after)
        ][:limit]  # fmt: skip
        return ReceivedPage(tuple(items), items[-1].doc_id if items else after, False)

    def fetch(self, doc_id: str, *, resume_from: int = 0, sink: BinaryIO) -> FetchResult:
        for packages in self.inbox.values():
            for known, _, body in packages:
                if known == doc_id:
                    sink.seek(0)
                    sink.truncate(0)
                    sink.write(body)
                    digest = hashlib.sha256(body).hexdigest()
                    return FetchResult(doc_id, len(body), digest, False)
        raise KeyError(doc_id)

    def ack(self, doc_id: str, status: str, reason: str = "") -> None:
        self.acks.append((doc_id, status, reason))

    def sent_status(self, after: str | None = None, limit: int = 50) -> SentPage:
        return SentPage((), None)
