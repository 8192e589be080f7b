"""Integrity checks a person or a scheduled job can run: the audit chain and the file store."""

from __future__ import annotations

import sqlalchemy as sa

from app.models import DocumentFile, OutboxMessage
from app.models.audit import ChainReport, verify_chain
from app.services.workspace import Workspace
from app.storage.filestore import CheckReport


def verify_audit(ws: Workspace) -> ChainReport:
    with ws.db.read() as session:
        return verify_chain(session)


def check_file_store(ws: Workspace) -> CheckReport:
    """Re-hash every file the database refers to and every object in the store."""
    with ws.db.read() as session:
        referenced = set(session.scalars(sa.select(DocumentFile.sha256)))
        referenced |= set(session.scalars(sa.select(OutboxMessage.payload_sha256)))
    referenced |= set(ws.files.iter_digests())
    return ws.files.check(referenced)
