"""Outgoing documents: draft → submit → sign → issue (number, seal, register, package queued),
the refusals on the way, secret documents, cancellation and the year boundary of numbering."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import settings as S
from app.domain.types import DocumentState, Secrecy, SignatureRole
from app.errors import InvalidInput, InvalidTransition, PermissionDenied, SecrecyViolation
from app.models import Delivery, Document, OutboxMessage, Register, Signature
from app.services.documents import (
    approve,
    cancel,
    confirm_paper_copy,
    export_document,
    issue,
    return_draft,
    sign,
    submit,
)
from app.services.maintenance import verify_audit
from app.services.workspace import Workspace
from app.sync.edxml import DocumentPackage, parse_package
from tests.services.conftest import NOW, PEER, PEER2, Kit, new_draft, submitted


def _outbox(ws: Workspace, doc_id: int) -> list[OutboxMessage]:
    with ws.db.read() as s:
        rows = list(s.scalars(sa.select(OutboxMessage).where(OutboxMessage.document_id == doc_id)))
        s.expunge_all()  # plain values after the read transaction ends
        return rows


def test_outgoing_life_numbers_seals_and_queues(ws: Workspace, kit: Kit, tmp_path: Path) -> None:
    ws.settings.set(S.PAPER_COPY_KINDS, ["QĐ"])
    doc_id = submitted(ws, kit, urgency=0)
    signed = sign(ws, "ld", doc_id, kit.job("leader"), now=NOW)
    assert signed.document.state is DocumentState.SIGNED
    assert signed.document.signer_name == "Cầm Văn Thưởng"
    # Signed on Tuesday 08:00: due by the end of the next working day (Wednesday 17:00 +07).
    assert signed.document.due_at == datetime(2026, 3, 11, 10, 0, tzinfo=UTC)

    issued = issue(ws, "vt", doc_id, kit.job("agency"), now=NOW + timedelta(hours=1))
    doc = issued.document
    assert (issued.number, issued.register_year, doc.code) == (1, 2026, "01/QĐ-UBND")
    assert doc.state is DocumentState.SENT and doc.register_number == 1
    assert doc.edxml_document_id == "000.00.00.H18,2026/03/10,01/QĐ-UBND"
    assert issued.paper_copy and doc.paper_copy_pending
    assert "01/qd-ubnd" in _search_text(ws, doc_id)

    [message] = _outbox(ws, doc_id)
    assert message.message_type == "edoc" and message.recipients == f"{PEER},{PEER2}"
    assert len(message.idempotency_key) == 32
    package = parse_package(ws.files.path_for(message.payload_sha256))
    assert isinstance(package, DocumentPackage)
    assert package.header.document_id == doc.edxml_document_id and package.business.paper == 1
    assert package.attachments[0].read_bytes() == ws.files.read_bytes(issued.file_sha256)
    with ws.db.read() as s:
        roles = s.scalars(sa.select(Signature.role).where(Signature.document_id == doc_id)).all()
        register = s.get(Register, doc.register_id)
        assert register is not None and register.next_number == 2 and not register.secret
    assert sorted(r.value for r in roles if r) == ["agency", "leader", "leader"]
    assert SignatureRole.AGENCY in roles

    exported = export_document(ws, "vt", doc_id, tmp_path / "out.edxml")
    assert exported.from_outbox and exported.sha256 == message.payload_sha256
    confirmed = confirm_paper_copy(ws, "vt", doc_id)
    assert not confirmed.document.paper_copy_pending
    with pytest.raises(InvalidTransition):
        confirm_paper_copy(ws, "vt", doc_id)
    assert verify_audit(ws).ok


def _search_text(ws: Workspace, doc_id: int) -> str:
    with ws.db.read() as s:
        return s.scalars(sa.select(Document.search_text).where(Document.id == doc_id)).one()


def test_refusals_by_role_state_and_reason(ws: Workspace, kit: Kit) -> None:
    doc_id = new_draft(ws, kit)
    with pytest.raises(PermissionDenied):
        submit(ws, "vt", doc_id)  # a clerk does not submit drafts
    with pytest.raises(InvalidTransition):
        approve(ws, "ld", doc_id)  # not submitted yet
    submit(ws, "cv", doc_id)
    with pytest.raises(PermissionDenied):
        approve(ws, "cv", doc_id)
    with pytest.raises(InvalidInput):
        return_draft(ws, "ld", doc_id, "  ")
    returned = return_draft(ws, "ld", doc_id, "Sửa căn cứ pháp lý")
    assert returned.document.state is DocumentState.RETURNED
    with pytest.raises(InvalidTransition):
        issue(ws, "vt", doc_id, kit.job("agency"))
    with pytest.raises(PermissionDenied):
        sign(ws, "qt", doc_id, kit.job("leader"))  # the administrator does no document work
    with ws.db.read() as s:
        assert s.scalar(sa.select(sa.func.count(Register.id))) == 0  # nothing was numbered


def test_secret_document_numbered_apart_and_never_queued(ws: Workspace, kit: Kit) -> None:
    doc_id = submitted(ws, kit, secrecy=Secrecy.MAT)
    approve(ws, "ld", doc_id)  # signed by hand on paper
    plain = submitted(ws, kit)
    approve(ws, "ld", plain)
    with pytest.raises(InvalidInput):
        issue(ws, "vt", plain, None)  # an electronic document needs the agency token
    issued = issue(ws, "vt", doc_id, None, now=NOW)
    assert issued.document.state is DocumentState.ISSUED and issued.number == 1
    assert issued.outbox_ids == () and not issued.paper_copy
    with ws.db.read() as s:
        register = s.get(Register, issued.document.register_id)
        assert register is not None and register.secret
    with pytest.raises(SecrecyViolation):
        export_document(ws, "vt", doc_id, Path("/nonexistent/x.edxml"))
    assert _outbox(ws, doc_id) == []


def test_cancelled_issue_keeps_its_number(ws: Workspace, kit: Kit) -> None:
    first, second = (submitted(ws, kit, secrecy=Secrecy.MAT) for _ in range(2))
    for doc_id in (first, second):
        approve(ws, "ld", doc_id)
    issue(ws, "vt", first, None, now=NOW)
    with pytest.raises(InvalidInput):
        cancel(ws, "vt", first, "")
    cancelled = cancel(ws, "ld", first, "Sai thẩm quyền ban hành")
    assert cancelled.document.state is DocumentState.CANCELLED
    assert cancelled.document.register_number == 1
    assert cancelled.document.cancel_reason == "Sai thẩm quyền ban hành"
    assert issue(ws, "vt", second, None, now=NOW).number == 2  # no number is reused


def test_numbering_restarts_at_new_year_in_vietnam(ws: Workspace, kit: Kit) -> None:
    docs = [submitted(ws, kit, secrecy=Secrecy.MAT) for _ in range(3)]
    for doc_id in docs:
        approve(ws, "ld", doc_id)
    late = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)  # 23:30 +07 on 31 December
    early = datetime(2026, 12, 31, 17, 10, tzinfo=UTC)  # 00:10 +07 on 1 January: a new year
    a = issue(ws, "vt", docs[0], None, now=late)
    b = issue(ws, "vt", docs[1], None, now=early)
    c = issue(ws, "vt", docs[2], None, now=early + timedelta(minutes=5))
    assert (a.register_year, a.number) == (2026, 1)
    assert [(b.register_year, b.number), (c.register_year, c.number)] == [(2027, 1), (2027, 2)]
    assert b.document.edxml_document_id and ",2027/01/01," in b.document.edxml_document_id
    with ws.db.read() as s:
        years = s.scalars(sa.select(Register.year).where(Register.secret.is_(True))).all()
    assert sorted(years) == [2026, 2027]


def test_recipients_are_recorded_at_draft(ws: Workspace, kit: Kit) -> None:
    doc_id = new_draft(ws, kit, recipients=(PEER, PEER, PEER2))
    with ws.db.read() as s:
        query = sa.select(Delivery.recipient_code, Delivery.recipient_name)
        rows = s.execute(query.where(Delivery.document_id == doc_id).order_by(Delivery.id)).all()
    assert [tuple(r) for r in rows] == [
        (PEER, "Sở Nội vụ tỉnh Điện Biên"),
        (PEER2, "Sở Tài chính tỉnh Điện Biên"),
    ]
    with pytest.raises(InvalidInput):
        new_draft(ws, kit, recipients=("not-a-code",))
    with pytest.raises(InvalidInput):
        new_draft(ws, kit, kind="CV")  # a công văn symbol needs the drafting unit
    assert new_draft(ws, kit, kind="CV", unit="VP") > doc_id


def test_drafters_paper_copy_wish_reaches_the_issue_preview(ws: Workspace, kit: Kit) -> None:
    """QĐ is not in the default paper catalogue; the drafter's tick still presets the issue."""
    from app.services.documents.issue_details import issue_preview

    plain = new_draft(ws, kit)
    wished = new_draft(ws, kit, paper_copy=True)
    assert not issue_preview(ws, plain, now=NOW).paper
    assert issue_preview(ws, wished, now=NOW).paper
