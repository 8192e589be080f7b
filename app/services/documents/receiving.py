"""Receiving an edXML package from a file or from the platform (the sync engine).

Two steps around one write transaction. ``prepare_package`` does the slow part outside any
transaction: parse with the codec (hostile-input parsing, the same validation as from the
platform), keep the package and every attachment in the file store by hash, verify the
signatures of each PDF through the ``verifier`` seam. ``record_package`` then writes, in the
CALLER's session and without committing, the incoming document (arrived, presentation deadline
running), its files, the Signature rows, the audit event and the 01 for the sender; for a file
import also its inbox record. The sync engine commits that together with its own inbox row and
cursor, so a crash leaves all of it or none. ``receive_file`` is both steps with a transaction
of its own (the CLI, the GUI). The same package (by hash), or the same DocumentId with the same
files, is recognised and nothing is recorded twice. Status packages go to ``statuses``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.deadlines import presentation_deadline
from app.domain.kinds import kind_from_code
from app.domain.numbering import parse_code
from app.domain.roles import Action, require
from app.domain.types import Direction, FileRole, InboxState, Urgency
from app.domain.workflow import receive as arrival
from app.errors import InvalidInput
from app.models import Document, DocumentFile, InboxItem
from app.services.documents.common import (
    audit,
    local_agency,
    touch,
    utc_now,
    working_calendar,
)
from app.services.documents.drafting import stored_kind_code
from app.services.documents.outbox import queue_status
from app.services.documents.people import actor_in
from app.services.documents.results import DocumentInfo, snapshot
from app.services.documents.statuses import StatusOutcome, package_seen, record_status
from app.services.documents.verification import (
    FileCheck,
    StoredItem,
    Verifier,
    check_file,
    default_verifier,
    signature_rows,
)
from app.services.workspace import Workspace
from app.storage.filestore import StoredFile
from app.sync.edxml import DocumentPackage, StatusPackage, parse_package


@dataclass(frozen=True)
class ReceiveOutcome:
    document: DocumentInfo
    duplicate: bool
    addressed_to_us: bool
    files: tuple[FileCheck, ...]
    status_sent: str | None
    outbox_ids: tuple[int, ...]


@dataclass(frozen=True)
class PreparedDocument:
    """A document package ready to record: files stored, signatures verified (``checks``);
    ``checks`` is None when it was already known as a duplicate (nothing was verified)."""

    package: DocumentPackage
    raw: StoredFile
    stored: tuple[StoredItem, ...]
    checks: tuple[tuple[FileCheck, Any], ...] | None


@dataclass(frozen=True)
class PreparedStatus:
    package: StatusPackage
    raw: StoredFile


Prepared = PreparedDocument | PreparedStatus


def receive_file(
    ws: Workspace,
    username: str | None,
    path: Path,
    *,
    verifier: Verifier | None = None,
    now: datetime | None = None,
) -> ReceiveOutcome | StatusOutcome:
    """Import ``path`` (a document or a status package); ``username`` None: the sync engine."""
    moment = utc_now(now)
    if username is not None:
        with ws.db.read() as session:
            require(actor_in(session, username).role, Action.VERIFY)
    prepared = prepare_package(ws, path, verifier=verifier)
    with ws.db.write() as session:
        return record_package(ws, session, prepared, username, moment, file_row=True)


def prepare_package(ws: Workspace, path: Path, *, verifier: Verifier | None = None) -> Prepared:
    """The slow part, outside any transaction: parse, store by hash, verify (``PackageInvalid``
    for a package the codec refuses). Safe to run for several packages at once."""
    spool = ws.data_dir / "staging"
    spool.mkdir(parents=True, exist_ok=True)
    package = parse_package(path, spool_dir=spool)
    raw = ws.files.put_file(path)  # kept as received, once it is known to be a package
    if isinstance(package, StatusPackage):
        return PreparedStatus(package, raw)
    stored = tuple(_store_attachments(ws, package))
    with ws.db.read() as session:
        known = _duplicate_of(session, package, raw.sha256, stored) is not None
    if known:  # nothing to verify; recording finds it again and records nothing
        return PreparedDocument(package, raw, stored, None)
    use = verifier or default_verifier(ws)
    return PreparedDocument(package, raw, stored, tuple(check_file(ws, i, use) for i in stored))


def record_package(
    ws: Workspace,
    session: Session,
    prepared: Prepared,
    username: str | None,
    moment: datetime,
    *,
    file_row: bool,
) -> ReceiveOutcome | StatusOutcome:
    """Record a prepared package in ``session`` (flushed, never committed). ``file_row``: add
    the ``file:<sha256>`` inbox record of a file import; the sync engine keeps its own row,
    keyed by the platform's docId, in the same transaction."""
    if isinstance(prepared, PreparedStatus):
        return record_status(session, username, prepared.package, prepared.raw, moment,
                             file_row=file_row)  # fmt: skip
    return _record(ws, session, username, prepared, moment, file_row=file_row)


def _store_attachments(ws: Workspace, package: DocumentPackage) -> list[StoredItem]:
    out = []
    try:
        for att in package.attachments:
            data = att.data
            file = ws.files.put_bytes(data) if isinstance(data, bytes) else ws.files.put_file(data)
            out.append(StoredItem(att.name, att.content_type, file))
    finally:
        for att in package.attachments:  # spooled big files: the caller owns and deletes them
            if isinstance(att.data, Path):
                att.data.unlink(missing_ok=True)
    return out


def document_id_of(package: DocumentPackage) -> str | None:
    header = package.header
    return header.document_id or package.business.document_id or None


def _content_key(files: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(sorted(files)).encode()).hexdigest()


def _duplicate_of(
    session: Session, package: DocumentPackage, raw: str, stored: Sequence[StoredItem]
) -> Document | None:
    seen = package_seen(session, raw)
    if seen is not None:
        return session.get(Document, seen)
    doc_id = document_id_of(package)
    if doc_id is None:
        return None
    wanted = _content_key([s.file.sha256 for s in stored])
    candidates = session.scalars(
        sa.select(Document).where(
            Document.direction == Direction.INCOMING,
            Document.edxml_document_id == doc_id,
            Document.sender_code == package.header.sender.organ_id,
        )
    ).all()
    for doc in candidates:
        files = session.scalars(
            sa.select(DocumentFile.sha256).where(
                DocumentFile.document_id == doc.id, DocumentFile.superseded_by_id.is_(None)
            )
        ).all()
        if _content_key(files) == wanted:
            return doc
    return None


def _duplicate_outcome(session: Session, doc: Document, package: DocumentPackage) -> ReceiveOutcome:
    local = local_agency(session).code
    to_us = any(org.organ_id == local for org in package.header.recipients)
    return ReceiveOutcome(snapshot(doc), True, to_us, (), None, ())


@lru_cache(maxsize=256)
def _kind_for(guess: str) -> str | None:
    """The stored kind code for a sender's abbreviation or type name, None if unknown. Kept:
    the kind lookup builds its folded tables on every call, and senders repeat a few guesses."""
    try:
        return stored_kind_code(kind_from_code(guess))
    except InvalidInput:
        return None


def _header_fields(package: DocumentPackage) -> dict[str, Any]:
    """The document's own metadata as the sender wrote it."""
    header = package.header
    code = header.code
    number, symbol = None, code.code_notation if code else ""
    if code and code.code_number:
        try:
            number, symbol = parse_code(f"{code.code_number}/{code.code_notation or 'X'}")
            symbol = symbol if code.code_notation else ""
        except InvalidInput:
            number = None
    kind = ""
    for guess in (
        symbol.split("-")[0] if symbol else "",
        header.document_type and header.document_type.type_name,
    ):
        found = _kind_for(guess) if guess else None
        if found is not None:
            kind = found
            break
    if not kind and symbol:
        # Decree 30: a công văn's symbol names only the agency and unit ("SNV-VP"), every other
        # kind starts with its abbreviation ("QĐ-UBND"). Senders often omit DocumentType.
        kind = _kind_for("CV") or ""
    other, signer = header.other_info, header.signer_info
    return {
        "number": number,
        "symbol": symbol[:60],
        "kind": kind,
        "issue_date": header.promulgation_info.promulgation_date
        if header.promulgation_info
        else None,
        "subject": header.subject,
        "urgency": min(max(other.priority or 0, 0), 4) if other else 0,
        "due_date": header.due_date,
        "sender_code": header.sender.organ_id,
        "sender_name": header.sender.organ_name,
        "signer_name": signer.full_name if signer else "",
        "signer_position": signer.position if signer else "",
        "paper_copy": package.business.paper == 1,
    }


def _record(
    ws: Workspace,
    session: Session,
    username: str | None,
    prepared: PreparedDocument,
    moment: datetime,
    *,
    file_row: bool,
) -> ReceiveOutcome:
    package, raw, stored = prepared.package, prepared.raw, prepared.stored
    actor = actor_in(session, username) if username else None
    again = _duplicate_of(session, package, raw.sha256, stored)
    if again is not None:  # known before, or imported by someone else meanwhile
        return _duplicate_outcome(session, again, package)
    if prepared.checks is None:  # documents are never deleted: only a bug gets here
        raise RuntimeError(f"package {raw.sha256}: its duplicate is gone; prepare it again")
    checks = prepared.checks
    agency = local_agency(session)
    fields = _header_fields(package)
    step = arrival(via_platform=document_id_of(package) is not None)
    doc = Document(
        agency_id=agency.id,
        direction=Direction.INCOMING,
        state=step.new_state,
        edxml_document_id=document_id_of(package),
        created_at=moment,
        **fields,
    )
    deadline = presentation_deadline(moment, Urgency(doc.urgency), working_calendar(ws))
    doc.due_at = deadline.due_at
    touch(doc, moment)
    session.add(doc)
    # The document and its file rows in one flush (not one per row): the Signature rows below
    # need their ids. The rows are ``add_file``'s, built here so that they flush together.
    rows = [
        DocumentFile(
            document=doc,
            role=FileRole.MAIN if index == 0 else FileRole.ATTACHMENT,
            name=item.name,
            media_type=item.media_type,
            sha256=item.file.sha256,
            size=item.file.size,
            created_at=moment,
        )
        for index, item in enumerate(stored)
    ]
    session.add_all(rows)
    session.flush()
    if file_row:
        session.add(
            InboxItem(
                server_doc_id=f"file:{raw.sha256}",
                message_type="edoc",
                from_code=doc.sender_code,
                sha256=raw.sha256,
                size=raw.size,
                state=InboxState.STORED,
                document_id=doc.id,
                received_at=moment,
            )
        )
    to_us = any(org.organ_id == agency.code for org in package.header.recipients)
    files = [{"name": c.name, "verdict": c.verdict.value if c.verdict else None} for c, _ in checks]
    data = {"to": doc.state.value, "package": raw.sha256, "files": files, "addressed_to_us": to_us}
    audit(session, actor, step.audit_action, doc, moment, data)
    # After the audit event: its head lock's SELECT would flush them on its own otherwise.
    for row, (_, verdict) in zip(rows, checks, strict=True):
        if verdict is not None:
            session.add_all(signature_rows(doc, row, verdict))
    message = None
    code = step.status_code_to_send
    if code is not None:
        message = queue_status(session, ws.files, agency, doc, code, moment, actor=actor,
                               flush=False)  # fmt: skip
    session.flush()  # the signatures, the audit event and the 01 together
    outbox = (message.id,) if message is not None else ()
    return ReceiveOutcome(
        snapshot(doc), False, to_us, tuple(c for c, _ in checks),
        code.value if code else None, outbox,
    )  # fmt: skip
