"""Incoming documents: receive a package file (verify, 01 back, duplicates recognised, unsigned
files still received), then register (03), assign (04), progress (05), complete (06); rejection,
recall requests and answers, and status packages about what we sent."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.domain.types import DocumentState, Verdict
from app.errors import InvalidInput, InvalidTransition, PermissionDenied, SignatureInvalid
from app.models import Delivery, OutboxMessage, Register
from app.services.documents import (
    NO_SIGNATURE,
    ReceiveOutcome,
    StatusOutcome,
    answer_recall,
    assign,
    complete,
    document_details,
    issue,
    progress,
    recall,
    receive_file,
    register,
    reject,
    sign,
    verify_again,
)
from app.services.maintenance import verify_audit
from app.services.workspace import Workspace
from app.sync.edxml import (
    Organization,
    ResponseFor,
    StatusHeader,
    StatusPackage,
    build_status_package,
    parse_package,
)
from tests.services.conftest import NOW, PEER, PEER2, Kit, package_file, signed_pdf, submitted

LATER = NOW + timedelta(hours=2)


@pytest.fixture(scope="module")
def signed(kit: Kit, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return signed_pdf(kit, tmp_path_factory.mktemp("signed") / "issued.pdf").read_bytes()


def _receive(ws: Workspace, kit: Kit, path: Path, **kw: object) -> ReceiveOutcome:
    result = receive_file(ws, "vt", path, verifier=kit.verifier(), now=NOW, **kw)  # type: ignore[arg-type]
    assert isinstance(result, ReceiveOutcome)
    return result


def _statuses(ws: Workspace, doc_id: int) -> list[tuple[str, str]]:
    """(status code, recipients) of the status messages queued for ``doc_id``, in order."""
    with ws.db.read() as s:
        rows = s.execute(
            sa.select(OutboxMessage.payload_sha256, OutboxMessage.recipients)
            .where(OutboxMessage.document_id == doc_id, OutboxMessage.message_type == "status")
            .order_by(OutboxMessage.id)
        ).all()
    out = []
    for sha, recipients in rows:
        package = parse_package(ws.files.path_for(sha))
        assert isinstance(package, StatusPackage)
        out.append((package.header.status_code, recipients))
    return out


def test_incoming_life(ws: Workspace, kit: Kit, signed: bytes, tmp_path: Path) -> None:
    path = package_file(tmp_path / "in.edxml", [("quyet-dinh.pdf", signed)])
    got = _receive(ws, kit, path)
    doc = got.document
    assert not got.duplicate and got.addressed_to_us and got.status_sent == "01"
    assert doc.state is DocumentState.ARRIVED and doc.code == "07/QĐ-SNV"
    assert (doc.sender_code, doc.kind, doc.due_date) == (PEER, "QĐ", date(2026, 3, 20))
    # Arrived Tuesday 08:00: register and present by Wednesday 17:00 (+07).
    assert doc.due_at == datetime(2026, 3, 11, 10, 0, tzinfo=UTC)
    [check] = got.files
    assert check.verdict in (Verdict.VALID, Verdict.VALID_CHANGED_LATER) and check.signatures == 2
    details = document_details(ws, doc.id)
    assert {s.role for s in details.signatures} == {"leader", "agency"}

    registered = register(ws, "vt", doc.id, now=LATER)
    assert registered.status_sent == "03" and registered.document.register_number == 1
    with pytest.raises(PermissionDenied):
        assign(ws, "vt", doc.id, "cv")  # the leader assigns
    with pytest.raises(InvalidInput):
        assign(ws, "ld", doc.id, "vt")  # a clerk is not a handler
    assigned = assign(ws, "ld", doc.id, "cv", co_handlers=["cv2"], working_days=3, now=LATER)
    assert assigned.status_sent == "04"
    assert assigned.document.due_at == datetime(2026, 3, 13, 10, 0, tzinfo=UTC)  # Fri 17:00
    with pytest.raises(PermissionDenied):
        progress(ws, "ld", doc.id, "xem")  # not a handler (and not a specialist)
    assert progress(ws, "cv2", doc.id, "Bắt đầu").status_sent == "05"
    assert progress(ws, "cv", doc.id, "Đã có dự thảo").status_sent is None
    with pytest.raises(PermissionDenied):
        complete(ws, "cv2", doc.id)  # only the lead handler closes
    done = complete(ws, "cv", doc.id, "Đã xong")
    assert done.document.state is DocumentState.COMPLETED and done.status_sent == "06"
    assert _statuses(ws, doc.id) == [(c, PEER) for c in ("01", "03", "04", "05", "06")]
    assert verify_audit(ws).ok


def test_duplicates_are_recognised(ws: Workspace, kit: Kit, signed: bytes, tmp_path: Path) -> None:
    first = _receive(ws, kit, package_file(tmp_path / "a.edxml", [("qd.pdf", signed)]))
    again = _receive(ws, kit, package_file(tmp_path / "a.edxml", [("qd.pdf", signed)]))
    # Same DocumentId and files, different bytes (another trace time): still the same document.
    rebuilt = package_file(
        tmp_path / "b.edxml", [("qd.pdf", signed)], trace=datetime(2026, 3, 9, 10, 0, tzinfo=UTC)
    )
    other = _receive(ws, kit, rebuilt)
    assert again.duplicate and other.duplicate
    assert again.document.id == other.document.id == first.document.id
    assert _statuses(ws, first.document.id) == [("01", PEER)]  # one 01, not three
    changed = _receive(ws, kit, package_file(tmp_path / "c.edxml", [("qd.pdf", signed + b"\n")]))
    assert not changed.duplicate and changed.document.id != first.document.id


def test_unsigned_files_are_received(ws: Workspace, kit: Kit, tmp_path: Path) -> None:
    files = [
        ("scan.pdf", kit.plain.read_bytes()),
        ("to-trinh.doc", b"\xd0\xcf\x11\xe0" + b"0" * 600),
    ]
    got = _receive(ws, kit, package_file(tmp_path / "scan.edxml", files))
    assert [(f.verdict, f.note) for f in got.files] == [(None, NO_SIGNATURE)] * 2
    assert document_details(ws, got.document.id).signature_note == NO_SIGNATURE
    assert register(ws, "vt", got.document.id).document.register_number == 1


def test_invalid_signature_blocks_registration(
    ws: Workspace, kit: Kit, signed: bytes, tmp_path: Path
) -> None:
    path = package_file(tmp_path / "in.edxml", [("qd.pdf", signed)])
    got = receive_file(ws, "vt", path, verifier=kit.verifier(trusted=False), now=NOW)
    assert isinstance(got, ReceiveOutcome) and got.files[0].verdict is Verdict.INVALID
    with pytest.raises(SignatureInvalid):
        register(ws, "vt", got.document.id)
    with ws.db.read() as s:  # refused before any number was taken
        assert s.scalar(sa.select(sa.func.count(Register.id))) == 0
    again = verify_again(ws, "vt", got.document.id, verifier=kit.verifier())
    assert again.files[0].verdict in (Verdict.VALID, Verdict.VALID_CHANGED_LATER)
    assert register(ws, "vt", got.document.id).status_sent == "03"


def test_reject_sends_02_with_reason(
    ws: Workspace, kit: Kit, signed: bytes, tmp_path: Path
) -> None:
    got = _receive(ws, kit, package_file(tmp_path / "in.edxml", [("qd.pdf", signed)], to=PEER2))
    assert not got.addressed_to_us
    with pytest.raises(InvalidInput):
        reject(ws, "vt", got.document.id, "")
    rejected = reject(ws, "vt", got.document.id, "Gửi nhầm cơ quan")
    assert rejected.document.state is DocumentState.REJECTED and rejected.status_sent == "02"
    with pytest.raises(InvalidTransition):
        register(ws, "vt", got.document.id)


def _status_file(path: Path, sender: str, doc_id: str, code: str, minute: int = 0) -> Path:
    header = StatusHeader(
        sender=Organization(sender),
        response_for=ResponseFor(organ_id=PEER, document_id=doc_id),
        status_code=code,
        timestamp=datetime(2026, 3, 10, 9, minute, tzinfo=UTC),
        description="Văn bản ban hành sai thẩm quyền",
    )
    path.write_bytes(build_status_package(StatusPackage(header)))
    return path


def test_recall_request_quarantines_until_answered(
    ws: Workspace, kit: Kit, signed: bytes, tmp_path: Path
) -> None:
    got = _receive(ws, kit, package_file(tmp_path / "in.edxml", [("qd.pdf", signed)]))
    register(ws, "vt", got.document.id)
    doc_id_text = got.document.edxml_document_id
    assert doc_id_text
    thirteen = _status_file(tmp_path / "13.edxml", PEER, doc_id_text, "13")
    held = receive_file(ws, "vt", thirteen, now=LATER)
    assert isinstance(held, StatusOutcome) and held.applied == "quarantine"
    assert held.document.state is DocumentState.QUARANTINED
    assert receive_file(ws, "vt", thirteen).applied == "duplicate"  # type: ignore[union-attr]
    with pytest.raises(InvalidTransition):
        assign(ws, "ld", got.document.id, "cv")
    with pytest.raises(InvalidInput):
        answer_recall(ws, "vt", got.document.id, agree=False)  # refusing needs a reason
    refused = answer_recall(ws, "vt", got.document.id, agree=False, reason="Đã triển khai")
    assert refused.document.state is DocumentState.REGISTERED and refused.status_sent == "16"
    again = _status_file(tmp_path / "13b.edxml", PEER, doc_id_text, "13", minute=30)
    receive_file(ws, "vt", again, now=LATER)
    agreed = answer_recall(ws, "vt", got.document.id, agree=True)
    assert agreed.document.state is DocumentState.CANCELLED and agreed.status_sent == "15"
    assert [c for c, _ in _statuses(ws, got.document.id)] == ["01", "03", "16", "15"]


def test_statuses_about_what_we_sent(ws: Workspace, kit: Kit, tmp_path: Path) -> None:
    doc_id = submitted(ws, kit)
    sign(ws, "ld", doc_id, kit.job("leader"), now=NOW)
    sent = issue(ws, "vt", doc_id, kit.job("agency"), now=NOW).document
    ours = sent.edxml_document_id
    assert ours
    for n, code in enumerate(("01", "04", "03")):  # 03 arrives late: no step back
        outcome = receive_file(ws, "vt", _status_file(tmp_path / f"s{n}.edxml", PEER, ours, code))
        assert isinstance(outcome, StatusOutcome)
    assert outcome.applied == "unchanged"
    with ws.db.read() as s:
        query = sa.select(Delivery.recipient_code, Delivery.status_code)
        rows = {code: status for code, status in s.execute(query)}
    assert rows == {PEER: "04", PEER2: ""}
    asked = recall(ws, "vt", doc_id, "Sai sót về thể thức", now=LATER)
    assert asked.status_sent == "13" and asked.document.state is DocumentState.SENT
    answer = receive_file(ws, "vt", _status_file(tmp_path / "15.edxml", PEER, ours, "15"))
    assert isinstance(answer, StatusOutcome) and answer.applied == "answer"
    assert "đồng ý" in answer.delivery_label
    with pytest.raises(InvalidTransition):  # PEER gave it back, PEER2 has not answered yet
        recall(ws, "vt", doc_id, "Nhắc lại", now=LATER)
    refusal = _status_file(tmp_path / "16.edxml", PEER2, ours, "16")
    assert receive_file(ws, "vt", refusal).applied == "answer"  # type: ignore[union-attr]
    recall(ws, "vt", doc_id, "Đề nghị thu hồi lần hai", now=LATER)  # only PEER2 still holds it
    with ws.db.read() as s:
        query = sa.select(OutboxMessage.recipients).where(OutboxMessage.document_id == doc_id)
        sent_to = list(s.scalars(query.order_by(OutboxMessage.id)))
    assert sent_to == [f"{PEER},{PEER2}", f"{PEER},{PEER2}", PEER2]  # package, 13, 13
    with pytest.raises(PermissionDenied):
        receive_file(ws, "cv", tmp_path / "15.edxml")  # importing packages is the clerk's


def test_kind_comes_from_the_symbol_or_defaults_to_cong_van(
    ws: Workspace, kit: Kit, signed: bytes, tmp_path: Path
) -> None:
    """Senders often leave DocumentType out: 'QĐ-SNV' says quyết định, and a symbol naming only
    agency and unit ('SNV-VP') is a công văn under Decree 30."""
    from app.domain.kinds import kind_from_code
    from app.services.documents.drafting import stored_kind_code

    decision = _receive(ws, kit, package_file(tmp_path / "qd.edxml", [("qd.pdf", signed)]))
    letter = _receive(
        ws, kit,
        package_file(tmp_path / "cv.edxml", [("cv.pdf", signed)], number="12", symbol="SNV-VP"),
    )  # fmt: skip
    assert decision.document.kind == stored_kind_code(kind_from_code("QĐ"))
    assert letter.document.kind == stored_kind_code(kind_from_code("CV"))


def test_a_day_off_set_by_the_administrator_moves_the_assigned_deadline(
    ws: Workspace, kit: Kit, signed: bytes, tmp_path: Path
) -> None:
    """Same as the life above (3 working days from Tue 10/03 → Fri 13/03), but the office's
    calendar_overrides marks Thu 12/03 off: the deadline moves to Mon 16/03."""
    from app import settings as S

    ws.settings.set(
        S.CALENDAR_OVERRIDES, [{"day": "2026-03-12", "working": False, "reason": "Nghỉ bù"}]
    )
    doc = _receive(ws, kit, package_file(tmp_path / "in.edxml", [("qd.pdf", signed)])).document
    register(ws, "vt", doc.id, now=LATER)
    assigned = assign(ws, "ld", doc.id, "cv", working_days=3, now=LATER)
    assert assigned.document.due_at == datetime(2026, 3, 16, 10, 0, tzinfo=UTC)
