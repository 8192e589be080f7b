"""Checking the signatures of received files through the verification engine, and storing the
verdicts as Signature rows (one per signature, or one for the file when it cannot be read).

``verifier`` is a seam: the default runs ``app.signing.verify.verify_pdf_isolated`` offline
against the workspace's trust pack; tests and the sync engine pass their own. A PDF without any
signature and a file that is not a PDF are "no digital signature to verify", not invalid.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.domain.roles import Action, require
from app.domain.types import Direction, SignatureRole, Verdict
from app.errors import InvalidInput
from app.models import Document, DocumentFile, Signature
from app.services.documents.common import audit, load_document, touch, utc_now
from app.services.documents.people import actor_in
from app.services.documents.results import DocumentInfo, snapshot
from app.services.workspace import Workspace
from app.storage.filestore import StoredFile

# verifier(path of a PDF in the store) -> a DocumentVerdict (app.signing.verify) or look-alike.
Verifier = Callable[[Path], Any]
NO_SIGNATURE = "Không có chữ ký số để kiểm tra (no digital signature to verify)"
_WORDS = {
    Verdict.VALID: "Chữ ký số hợp lệ",
    Verdict.VALID_CHANGED_LATER: "Hợp lệ, có thay đổi được phép sau khi ký",
    Verdict.NEEDS_REVIEW: "Cần xem xét",
    Verdict.INVALID: "KHÔNG HỢP LỆ",
    Verdict.CANNOT_VERIFY: "Không kiểm tra được",
}
_SIGNER_ROLES = {"agency": SignatureRole.AGENCY, "personal": SignatureRole.LEADER}


@dataclass(frozen=True)
class FileCheck:
    name: str
    sha256: str
    media_type: str
    verdict: Verdict | None  # None: nothing to verify (not a PDF, or a PDF without signatures)
    signatures: int
    note: str


@dataclass(frozen=True)
class StoredItem:
    name: str
    media_type: str
    file: StoredFile


def default_verifier(ws: Workspace) -> Verifier:
    """Offline verification in a worker process (files from outside are hostile input), against
    the workspace's trust pack; revocation data comes from the file and the local cache."""
    from app.signing.verify import (
        RevocationPolicy,
        TrustStore,
        default_cache_dir,
        default_trust_dir,
        verify_pdf_isolated,
    )

    trust = TrustStore.load(default_trust_dir(ws.data_dir))
    policy = RevocationPolicy(online=False, cache_dir=default_cache_dir(ws.data_dir))

    def verify(path: Path) -> Any:
        return verify_pdf_isolated(path, trust=trust, revocation=policy)

    return verify


def is_pdf(item: StoredItem, path: Path) -> bool:
    if item.media_type == "application/pdf" or item.name.lower().endswith(".pdf"):
        return True
    with path.open("rb") as handle:
        return handle.read(5) == b"%PDF-"


def check_file(ws: Workspace, item: StoredItem, verifier: Verifier) -> tuple[FileCheck, Any]:
    path = ws.files.path_for(item.file.sha256)
    if not is_pdf(item, path):
        return FileCheck(item.name, item.file.sha256, item.media_type, None, 0, NO_SIGNATURE), None
    verdict = verifier(path)
    signatures = [s for s in verdict.signatures if str(s.kind) == "signature"]
    codes = {r.code for r in verdict.reasons}
    if not signatures and "no_signature" in codes:
        return FileCheck(item.name, item.file.sha256, item.media_type, None, 0, NO_SIGNATURE), None
    overall = Verdict(verdict.overall)
    note = _WORDS[overall]
    return FileCheck(
        item.name, item.file.sha256, item.media_type, overall, len(signatures), note
    ), verdict


def signature_rows(doc: Document, file: DocumentFile, verdict: Any) -> list[Signature]:
    rows = []
    for sig in verdict.signatures:
        if str(sig.kind) != "signature":
            continue  # document timestamps are not signatures of a person or an agency
        reasons = [{"code": r.code, "text": r.text} for r in sig.reasons]
        rows.append(
            Signature(
                document_id=doc.id,
                file_id=file.id,
                field_name=sig.field_name,
                role=_SIGNER_ROLES.get(str(sig.signer_kind)),
                signer_name=sig.signer_common_name,
                signer_subject=sig.signer_subject,
                cert_sha256=sig.cert_sha256[:64],
                signed_at=sig.signing_time,
                verdict=Verdict(sig.verdict),
                verdict_detail=json.dumps(reasons, ensure_ascii=False),
                verified_at=verdict.as_of,
            )
        )
    if not rows:  # unreadable or broken: one row for the file, so the clerk sees the verdict
        reasons = [{"code": r.code, "text": r.text} for r in verdict.reasons]
        rows.append(
            Signature(
                document_id=doc.id,
                file_id=file.id,
                verdict=Verdict(verdict.overall),
                verdict_detail=json.dumps(reasons, ensure_ascii=False),
                verified_at=verdict.as_of,
            )
        )
    return rows


@dataclass(frozen=True)
class VerifyOutcome:
    document: DocumentInfo
    files: tuple[FileCheck, ...]


def verify_again(
    ws: Workspace,
    username: str,
    doc_id: int,
    *,
    verifier: Verifier | None = None,
    now: datetime | None = None,
) -> VerifyOutcome:
    """Check a received document's files again (after importing a trust anchor, or once
    revocation data can be had) and replace their stored verdicts."""
    with ws.db.read() as session:
        require(actor_in(session, username).role, Action.VERIFY)
        doc = load_document(session, doc_id, lock=False)
        if doc.direction is not Direction.INCOMING:
            raise InvalidInput(f"Văn bản {doc.id} không phải văn bản đến (not incoming)")
        files = session.scalars(
            sa.select(DocumentFile).where(
                DocumentFile.document_id == doc.id, DocumentFile.superseded_by_id.is_(None)
            )
        ).all()
        items = [
            (
                f.id,
                StoredItem(
                    f.name, f.media_type, StoredFile(f.sha256, f.size, ws.files.path_for(f.sha256))
                ),
            )
            for f in files
        ]
    use = verifier or default_verifier(ws)
    checks = [(file_id, check_file(ws, item, use)) for file_id, item in items]
    moment = utc_now(now)
    with ws.db.write() as session:
        actor = actor_in(session, username)
        doc = load_document(session, doc_id)
        ids = [file_id for file_id, _ in checks]
        session.execute(sa.delete(Signature).where(Signature.file_id.in_(ids)))
        for file_id, (_, verdict) in checks:
            row = session.get(DocumentFile, file_id)
            if verdict is not None and row is not None:
                session.add_all(signature_rows(doc, row, verdict))
        touch(doc, moment)
        verdicts = [
            {"name": c.name, "verdict": c.verdict.value if c.verdict else None}
            for _, (c, _) in checks
        ]
        audit(session, actor, "incoming.verify_again", doc, moment, {"files": verdicts})
        return VerifyOutcome(snapshot(doc), tuple(c for _, (c, _) in checks))
