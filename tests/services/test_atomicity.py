"""The state change, its audit event, its number and its outbox row commit together or not at all:
each test makes the transaction fail after the state has changed and finds nothing changed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from app.domain.types import DocumentState
from app.errors import StorageError
from app.models import AuditEvent, Document, DocumentFile, OutboxMessage, Register
from app.services.documents import ReceiveOutcome, approve, issue, receive_file, register, sign
from app.services.workspace import Workspace
from app.storage.filestore import FileStore, StoredFile
from tests.services.conftest import NOW, Kit, package_file, submitted


class FullDisk(FileStore):
    """A store that fails every write, as a full or vanished disk would."""

    def put_chunks(self, chunks: object) -> StoredFile:
        raise StorageError("disk full (test)", path=str(self.root))

    def put_stream(self, stream: BinaryIO) -> StoredFile:
        raise StorageError("disk full (test)", path=str(self.root))


def refuse_outbox(ws: Workspace) -> None:
    """A database trigger that refuses outbox rows: the failure comes at the last insert."""
    with ws.db.engine.begin() as conn:
        if ws.db.is_sqlite:
            conn.exec_driver_sql(
                "CREATE TRIGGER t_refuse BEFORE INSERT ON outbox_messages "
                "BEGIN SELECT RAISE(ABORT, 'refused by test'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION t_refuse() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'refused by test'; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER t_refuse BEFORE INSERT ON outbox_messages "
                "FOR EACH ROW EXECUTE FUNCTION t_refuse()"
            )


def _counts(ws: Workspace) -> tuple[int, int, int, list[int]]:
    with ws.db.read() as s:
        return (
            s.scalar(sa.select(sa.func.count(OutboxMessage.id))) or 0,
            s.scalar(sa.select(sa.func.count(AuditEvent.id))) or 0,
            s.scalar(sa.select(sa.func.count(DocumentFile.id))) or 0,
            list(s.scalars(sa.select(Register.next_number).order_by(Register.id))),
        )


def _state(ws: Workspace, doc_id: int) -> tuple[DocumentState, int | None]:
    with ws.db.read() as s:
        row = s.execute(
            sa.select(Document.state, Document.register_number).where(Document.id == doc_id)
        ).one()
        return row[0], row[1]


def _arrived(ws: Workspace, kit: Kit, tmp_path: Path, number: str = "07") -> int:
    path = package_file(
        tmp_path / f"in-{number}.edxml", [("scan.pdf", kit.plain.read_bytes())], number=number
    )
    got = receive_file(ws, "vt", path, verifier=kit.verifier(), now=NOW)
    assert isinstance(got, ReceiveOutcome)
    return got.document.id


def test_storage_failure_after_state_change(ws: Workspace, kit: Kit, tmp_path: Path) -> None:
    doc_id = _arrived(ws, kit, tmp_path)
    before = _counts(ws)
    broken = replace(ws, files=FullDisk(ws.files.root))
    with pytest.raises(StorageError):
        register(broken, "vt", doc_id)  # fails writing the 03 package, after VERIFY + REGISTER
    assert _state(ws, doc_id) == (DocumentState.ARRIVED, None)
    assert _counts(ws) == before  # no outbox row, no audit event, no register number
    assert register(ws, "vt", doc_id).document.register_number == 1


def test_database_failure_after_state_change(ws: Workspace, kit: Kit, tmp_path: Path) -> None:
    doc_id = _arrived(ws, kit, tmp_path)
    refuse_outbox(ws)
    before = _counts(ws)
    with pytest.raises(DBAPIError):
        register(ws, "vt", doc_id)
    assert _state(ws, doc_id) == (DocumentState.ARRIVED, None)
    assert _counts(ws) == before
    with pytest.raises(DBAPIError):  # receiving: no document without its 01
        _arrived(ws, kit, tmp_path, number="08")
    assert _counts(ws) == before


def test_failed_pdf_step_numbers_nothing(ws: Workspace, kit: Kit) -> None:
    doc_id = submitted(ws, kit)
    approve(ws, "ld", doc_id)  # approved, but its PDF carries no leader signature
    before = _counts(ws)
    with pytest.raises(Exception) as caught:
        issue(ws, "vt", doc_id, kit.job("agency"), now=NOW)
    assert getattr(caught.value, "code", "") == "existing_signature_broken"
    assert _state(ws, doc_id) == (DocumentState.SIGNED, None)
    assert _counts(ws) == before


def test_failed_commit_after_sealing_numbers_nothing(ws: Workspace, kit: Kit) -> None:
    doc_id = submitted(ws, kit)
    sign(ws, "ld", doc_id, kit.job("leader"), now=NOW)
    refuse_outbox(ws)
    before = _counts(ws)
    with pytest.raises(DBAPIError):
        issue(ws, "vt", doc_id, kit.job("agency"), now=NOW)  # sealed, then the outbox refuses
    assert _state(ws, doc_id) == (DocumentState.SIGNED, None)
    assert _counts(ws) == before  # no number taken, the leader-signed file still current
    assert not any((ws.data_dir / "staging").iterdir())  # no output left over
