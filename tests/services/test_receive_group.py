"""Several packages recorded in ONE transaction, as the sync engine's group commit does: each
document gets its own files (in order), signatures on the right file, audit event and 01, with
fewer flushes than rows; the same bytes twice in one group are one document; the duplicate check
finds a package by its hash through an index."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from app.domain.types import FileRole, InboxState
from app.models import DocumentFile, InboxItem, OutboxMessage, Signature
from app.services.documents import ReceiveOutcome
from app.services.documents.common import local_agency
from app.services.documents.receiving import prepare_package, record_package
from app.services.maintenance import verify_audit
from app.services.workspace import Workspace
from tests.services.conftest import NOW, Kit, package_file, signed_pdf


@pytest.fixture(scope="module")
def signed(kit: Kit, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return signed_pdf(kit, tmp_path_factory.mktemp("signed") / "issued.pdf").read_bytes()


def _engine_row(session: sa.orm.Session, n: int, sha256: str) -> InboxItem:
    """The engine's own inbox row (keyed by the platform's docId, carrying the package hash)."""
    row = InboxItem(server_doc_id=f"srv-{n}", message_type="edoc", sha256=sha256, received_at=NOW)
    session.add(row)
    return row


def test_a_group_of_packages_in_one_transaction(
    ws: Workspace, kit: Kit, signed: bytes, tmp_path: Path
) -> None:
    paths = [
        package_file(
            tmp_path / f"p{n}.edxml",
            [("qd.pdf", signed), ("phu-luc.pdf", signed)],
            number=f"{n:02d}",
        )  # fmt: skip
        for n in (1, 2)
    ]
    paths.append(paths[0])  # the same bytes again, listed under another docId
    prepared = [prepare_package(ws, p, verifier=kit.verifier()) for p in paths]
    outcomes = []
    with ws.db.write() as session:
        for n, ready in enumerate(prepared):
            row = _engine_row(session, n, ready.raw.sha256)
            outcome = record_package(ws, session, ready, None, NOW, file_row=False)
            assert isinstance(outcome, ReceiveOutcome)
            row.document_id, row.state = outcome.document.id, InboxState.STORED
            outcomes.append(outcome)
        assert local_agency(session) is local_agency(session)  # asked once per transaction
    first, second, again = outcomes
    assert not first.duplicate and not second.duplicate
    assert again.duplicate and again.document.id == first.document.id
    with ws.db.read() as s:
        for outcome in (first, second):
            doc_id = outcome.document.id
            files = s.execute(
                sa.select(DocumentFile.id, DocumentFile.role, DocumentFile.name)
                .where(DocumentFile.document_id == doc_id)
                .order_by(DocumentFile.id)
            ).all()
            assert [(r.role, r.name) for r in files] == [
                (FileRole.MAIN, "qd.pdf"), (FileRole.ATTACHMENT, "phu-luc.pdf")
            ]  # fmt: skip
            signed_files = s.scalars(
                sa.select(Signature.file_id).where(Signature.document_id == doc_id)
            ).all()
            assert set(signed_files) == {r.id for r in files}  # each file its own signatures
            queued = s.scalars(
                sa.select(OutboxMessage.id).where(OutboxMessage.document_id == doc_id)
            ).all()
            assert list(queued) == list(outcome.outbox_ids) and len(queued) == 1
    assert verify_audit(ws).ok  # two events in one transaction, each on the one before


def test_the_duplicate_check_uses_an_index_on_the_package_hash(ws: Workspace) -> None:
    if not ws.db.is_sqlite:
        pytest.skip("the query plan checked is SQLite's")
    from app.services.documents.statuses import package_seen

    seen: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
        if "FROM inbox_items" in statement:
            seen.append((statement, params))

    engine = ws.db.engine
    sa.event.listen(engine, "before_cursor_execute", keep)
    try:
        with ws.db.read() as session:
            assert package_seen(session, "0" * 64) is None
    finally:
        sa.event.remove(engine, "before_cursor_execute", keep)
    assert seen
    with engine.connect() as conn:
        plans = [
            str(row[-1])
            for statement, params in seen
            for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()  # type: ignore[arg-type]
        ]
    assert any("ix_inbox_items_sha256" in p for p in plans), plans
    assert not any(p.startswith("SCAN inbox_items") for p in plans), plans
