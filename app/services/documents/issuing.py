"""The two steps that put signatures on an outgoing document: the leader signs (ký duyệt) and the
clerk issues (phát hành: number, date, agency seal, register row, package in the outbox).

Issue, in this order (docs/workflows.md explains why):
1. check role and state, then log in to the token (the PIN is asked before any lock is taken);
2. open the write transaction: lock the document, lock this year's register (created on demand),
   take its next number, stamp number / date / DocumentId on the row;
3. run the PAdES issue step with that number; its ``before_commit`` flushes the file and
   signature rows (constraint errors stop it before any output is renamed);
4. put the sealed outputs into the file store (fsynced), queue the package, COMMIT.
A failure before the commit rolls everything back: no number is consumed, and the outputs, which
were written to fresh staging paths, replace nothing. The outputs are safe in the store before the
commit, so a crash after it loses nothing.
"""

from __future__ import annotations

import contextlib
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.calendar import local_date
from app.domain.kinds import kind_from_code
from app.domain.numbering import build_document_id, format_number
from app.domain.roles import Action
from app.domain.types import Direction, FileRole, Secrecy, SignatureRole
from app.domain.workflow import transition
from app.errors import InvalidInput, InvalidTransition, StorageError
from app.models import Delivery, Document, DocumentFile, Signature
from app.services.documents.common import load_document, local_agency, move, paper_policy, utc_now
from app.services.documents.issue_details import IssueChoices, checked_choices, set_recipients
from app.services.documents.outbox import queue_document
from app.services.documents.outgoing import mark_signed
from app.services.documents.packaging import current_files
from app.services.documents.people import actor_in
from app.services.documents.registers import number_in_register
from app.services.documents.results import ActionResult, IssueOutcome, snapshot
from app.services.workspace import Workspace
from app.storage.filestore import StoredFile

if TYPE_CHECKING:
    from app.services.signing import SignerSource, SignOptions, SignOutcome
    from app.signing.pades import IssueResult
    from app.signing.tokens import PinPrompter

STAGING_DIR = "staging"
_STALE_S = 24 * 3600


@dataclass(frozen=True)
class TokenJob:
    """Where the signature comes from and how it looks (``options.role`` is set by the step)."""

    source: SignerSource
    prompter: PinPrompter
    options: SignOptions


def _staging(ws: Workspace) -> Path:
    """Fresh output paths for the PAdES engine; leftovers of a crash older than a day go."""
    folder = ws.data_dir / STAGING_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        with contextlib.suppress(OSError):
            if time.time() - old.stat().st_mtime > _STALE_S:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
    return folder


def _precheck(ws: Workspace, username: str, doc_id: int, action: Action) -> Secrecy:
    """Refuse a doomed step (role, state, secrecy) before anybody is asked for a PIN; returns
    the document's secrecy."""
    with ws.db.read() as session:
        actor = actor_in(session, username)
        doc = load_document(session, doc_id, lock=False)
        transition(doc.direction, doc.state, action, actor.role, secrecy=doc.secrecy)
        return doc.secrecy


def _store(ws: Workspace, path: Path, expected: str) -> StoredFile:
    """Keep a signed output (fsynced) and check it is the file the engine validated."""
    stored = ws.files.put_file(path)
    if stored.sha256 != expected:
        raise StorageError(
            f"{path.name}: stored bytes differ from the signed output", path=str(path)
        )
    return stored


def _main_file(session: Session, doc: Document) -> DocumentFile:
    files = current_files(session, doc)
    if not files or files[0].role is not FileRole.MAIN:
        raise InvalidInput(
            f"Văn bản {doc.id} không có tệp chính (no main file)", document_id=doc.id
        )
    return files[0]


def sign(
    ws: Workspace,
    username: str,
    doc_id: int,
    job: TokenJob,
    *,
    now: datetime | None = None,
    on_signed: Callable[[SignOutcome], None] | None = None,
) -> ActionResult:
    """The leader signs a submitted draft with their token (visible signature, PAdES).

    ``on_signed(outcome)``: after the commit, the engine's outcome with ``output`` the signed
    file in the store (the GUI shows level, timestamp and signer from it)."""
    from app.services.signing import sign_pdf
    from app.signing.pades import Role

    _precheck(ws, username, doc_id, Action.SIGN)
    with ws.db.read() as session:
        source = _main_file(session, load_document(session, doc_id, lock=False))
        source_sha = source.sha256
    output = _staging(ws) / f"sign-{uuid.uuid4().hex}.pdf"
    try:
        options = replace(job.options, role=Role.LEADER)
        outcome = sign_pdf(job.source, job.prompter, ws.files.path_for(source_sha), output, options)
        stored = _store(ws, output, outcome.sha256)
    finally:
        output.unlink(missing_ok=True)
    moment = utc_now(now)
    with ws.db.write() as session:
        actor = actor_in(session, username)
        doc = load_document(session, doc_id)
        old = _main_file(session, doc)
        if old.sha256 != source_sha:
            raise InvalidTransition(
                f"Tệp của văn bản {doc.id} đã thay đổi trong khi ký (the draft changed)",
                document_id=doc.id,
            )
        data = {"file": outcome.sha256, "signer": outcome.signer, "level": _level(outcome)}
        step = move(session, actor, doc, Action.SIGN, moment, data=data)
        new_file = _replace_file(session, doc, old, stored.sha256, stored.size, moment)
        session.add(_signature(doc, new_file, outcome, SignatureRole.LEADER, moment))
        mark_signed(ws, actor, doc, moment)
        result = ActionResult(snapshot(doc), step.audit_action)
    if on_signed is not None:
        on_signed(replace(outcome, output=ws.files.path_for(stored.sha256)))
    return result


def _level(outcome: Any) -> str:
    level = getattr(outcome, "level", None)
    return str(level.value) if level is not None else ""


def _replace_file(
    session: Session, doc: Document, old: DocumentFile, sha256: str, size: int, now: datetime
) -> DocumentFile:
    """The signed version becomes the document's file; the old row points at it."""
    new = DocumentFile(
        document_id=doc.id,
        role=old.role,
        name=old.name,
        media_type=old.media_type,
        sha256=sha256,
        size=size,
        pages=old.pages,
        created_at=now,
    )
    session.add(new)
    session.flush()
    old.superseded_by_id = new.id
    return new


def _signature(
    doc: Document, file: DocumentFile, outcome: Any, role: SignatureRole, now: datetime
) -> Signature:
    return Signature(
        document_id=doc.id,
        file_id=file.id,
        field_name=outcome.field_name,
        role=role,
        signer_name=outcome.signer,
        signed_at=now,
        pending_ltv=bool(outcome.pending_timestamp or outcome.pending_validation),
    )


def issue(
    ws: Workspace,
    username: str,
    doc_id: int,
    job: TokenJob | None,
    *,
    send: bool = True,
    choices: IssueChoices | None = None,
    now: datetime | None = None,
) -> IssueOutcome:
    """Number, date and seal a signed document, record it in the register and (unless secret or
    ``send=False``) queue its package; ``job=None`` issues a secret document on paper only."""
    secrecy = _precheck(ws, username, doc_id, Action.ISSUE)
    if job is None and secrecy is Secrecy.NONE:
        raise InvalidInput("Phát hành văn bản điện tử cần USB token của cơ quan (token required)")
    picked = checked_choices(choices or IssueChoices())
    opening = job.source.open(job.prompter) if job else contextlib.nullcontext(None)
    with opening as opened, _outputs(ws) as staging:
        return _issue_locked(ws, username, doc_id, job, opened, staging, send, picked, utc_now(now))


@contextlib.contextmanager
def _outputs(ws: Workspace) -> Iterator[Path]:
    folder = _staging(ws) / f"issue-{uuid.uuid4().hex}"
    folder.mkdir()
    try:
        yield folder
    finally:
        for item in folder.iterdir():
            item.unlink(missing_ok=True)
        folder.rmdir()


def _issue_locked(
    ws: Workspace,
    username: str,
    doc_id: int,
    job: TokenJob | None,
    opened: Any,
    staging: Path,
    send: bool,
    choices: IssueChoices,
    moment: datetime,
) -> IssueOutcome:
    with ws.db.write() as session:
        actor = actor_in(session, username)
        doc = load_document(session, doc_id)
        agency = local_agency(session)
        # Lock order, as in every use case: document, register, audit head.
        register, allocation = number_in_register(
            session, agency.id, Direction.OUTGOING, doc.secrecy, moment
        )
        data: dict[str, Any] = {
            "number": allocation.number, "year": allocation.year, "register_id": register.id,
        }  # fmt: skip
        if choices.recipients is not None:
            changed = set_recipients(session, doc, choices.recipients)
            if changed:
                data["recipients"] = changed
        move(session, actor, doc, Action.ISSUE, moment, data=data)
        doc.number = doc.register_number = allocation.number
        doc.register_id, doc.registered_at = register.id, moment
        doc.issue_date = local_date(moment)
        doc.edxml_document_id = build_document_id(
            agency.code, doc.issue_date, allocation.number, doc.symbol
        )
        secret = doc.secrecy is not Secrecy.NONE
        policy = paper_policy(ws)
        wanted = choices.paper
        paper = 0 if secret else policy.paper_flag(kind_from_code(doc.kind))
        if wanted is not None and not secret:
            paper = int(wanted)
        doc.paper_copy = bool(paper)
        pending = False
        main_sha = _main_file(session, doc).sha256
        if job is not None:
            result = _seal(ws, session, doc, job, opened, staging, moment)
            main_sha, pending = result.main.sha256, result.pending
        outbox: tuple[int, ...] = ()
        if send and not secret and _recipients(session, doc):
            move(session, actor, doc, Action.SEND, moment)
            message = queue_document(
                session, ws.files, agency, doc, moment, paper=paper, actor=actor
            )
            outbox = (message.id,)
        return IssueOutcome(
            snapshot(doc), allocation.number, allocation.year, main_sha, outbox, bool(paper),
            pending,
        )  # fmt: skip


def _recipients(session: Session, doc: Document) -> int:
    return int(
        session.scalar(sa.select(sa.func.count(Delivery.id)).where(Delivery.document_id == doc.id))
        or 0
    )


def _seal(
    ws: Workspace,
    session: Session,
    doc: Document,
    job: TokenJob,
    opened: Any,
    staging: Path,
    moment: datetime,
) -> IssueResult:
    """The PAdES issue step with the number just taken; outputs stored before the commit."""
    from app.services.signing import build_request, check_options
    from app.signing.pades import Attachment, IssueRequest, Role, issue_document

    files = current_files(session, doc)
    main, others = files[0], [f for f in files[1:] if f.media_type == "application/pdf"]
    source = ws.files.path_for(main.sha256)
    options = replace(job.options, role=Role.AGENCY)
    check_options(options)
    base = build_request(opened.signer, source, staging / "main.pdf", options)
    outputs = [(f, staging / f"attachment-{f.id}.pdf") for f in others]
    assert doc.number is not None and doc.issue_date is not None
    request = IssueRequest(
        source=source,
        output=base.output,
        number=format_number(doc.number),
        symbol=doc.symbol,
        issued_on=doc.issue_date,
        seal_image=options.image,
        attachments=tuple(Attachment(ws.files.path_for(f.sha256), out) for f, out in outputs),
        level=base.level,
        timestamper=base.timestamper,
        validation_context=base.validation_context,
        chain=base.chain,
    )
    leaders = session.scalars(sa.select(Signature).where(Signature.file_id == main.id)).all()
    made: list[tuple[DocumentFile, Path]] = []

    def before_commit(result: IssueResult) -> None:
        # Rows first: a constraint error here stops the engine before it renames any output.
        sealed = _replace_file(session, doc, main, result.main.sha256, 0, moment)
        made.append((sealed, base.output))
        session.add_all(_copy_signature(old, sealed) for old in leaders)
        session.add(_signature(doc, sealed, result.main, SignatureRole.AGENCY, moment))
        for (row, out), signed in zip(outputs, result.attachments, strict=True):
            new = _replace_file(session, doc, row, signed.sha256, 0, moment)
            made.append((new, out))
            session.add(_signature(doc, new, signed, SignatureRole.ATTACHMENT, moment))
        session.flush()

    result = issue_document(request, opened.signer, before_commit=before_commit)
    for row, out in made:
        row.size = _store(ws, out, row.sha256).size
    return result


def _copy_signature(old: Signature, file: DocumentFile) -> Signature:
    """The leader's signature is still in the sealed file: record it there too."""
    return Signature(
        document_id=old.document_id,
        file_id=file.id,
        field_name=old.field_name,
        role=old.role,
        signer_name=old.signer_name,
        signer_subject=old.signer_subject,
        cert_sha256=old.cert_sha256,
        signed_at=old.signed_at,
        pending_ltv=old.pending_ltv,
    )
