"""Catch-up jobs once online: offline signatures completed to B-LTA as a new file version, and
verdicts whose revocation status was unknown checked again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.cli_sync import LtvCompletion
from app.domain.types import Direction, DocumentState, FileRole, SignatureRole, Verdict
from app.models import AuditEvent, Document, DocumentFile, Signature
from app.services.workspace import Workspace
from app.signing.verify import default_trust_dir, import_trust_anchors
from app.sync.engine import CatchUp, CatchUpLater, EngineContext, Recheck
from tests.pades.conftest import Env
from tests.pades.conftest import env as env  # the session's PKI with a live TSA/OCSP
from tests.sync.conftest import PROVINCE, assert_healthy
from tests.sync.helpers import ScriptedTransport, bare_office


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Workspace]:
    ws = bare_office(tmp_path / "office", PROVINCE)
    yield ws
    ws.close()


def _document_with(ws: Workspace, pdf: bytes, *, pending: bool, detail: str = "") -> int:
    stored = ws.files.put_bytes(pdf)
    with ws.db.write() as s:
        doc = Document(agency_id=1, direction=Direction.OUTGOING, state=DocumentState.SIGNED,
                       kind="QĐ", subject="Ký khi mất mạng")  # fmt: skip
        s.add(doc)
        s.flush()
        row = DocumentFile(document_id=doc.id, role=FileRole.MAIN, name="qd.pdf",
                           sha256=stored.sha256, size=stored.size)  # fmt: skip
        s.add(row)
        s.flush()
        s.add(Signature(document_id=doc.id, file_id=row.id, field_name="Sig1",
                        role=SignatureRole.LEADER, pending_ltv=pending,
                        verdict=Verdict.VALID if detail else None, verdict_detail=detail,
                        verified_at=datetime.now(UTC) if detail else None))  # fmt: skip
        return row.id


def _signed_b_b(pki: Env, tmp_path: Path) -> bytes:
    from app.signing.pades import Level, Role, SignRequest, sign_document

    out = tmp_path / "b-b.pdf"
    request = SignRequest(pki.copy_draft(tmp_path), out, role=Role.LEADER, level=Level.B_B,
                          image=pki.signature_png, chain=(pki.pki.intermediate.cert,))  # fmt: skip
    sign_document(request, pki.leader())
    return out.read_bytes()


def test_an_offline_signature_is_completed_to_b_lta_once_the_tsa_answers(
    office: Workspace,
    env: Env,
    tmp_path: Path,
) -> None:
    import_trust_anchors([env.assets / "root.pem"], default_trust_dir(office.data_dir))
    old_id = _document_with(office, _signed_b_b(env, tmp_path), pending=True)
    ctx = EngineContext(office.db, office.files, ScriptedTransport(), office.data_dir)
    jobs = CatchUp(ctx, ltv=LtvCompletion(f"{env.server.url}/tsa", office.data_dir))
    env.server.offline = True
    try:
        waiting = jobs.run()
    finally:
        env.server.offline = False
    assert (waiting.ltv_completed, waiting.ltv_waiting) == (0, 1) and waiting.problems
    assert jobs.pending_files() == [old_id]

    done = jobs.run()
    assert done.ltv_completed == 1 and not done.problems, done.problems
    assert jobs.pending_files() == []
    with office.db.read() as s:
        old = s.get(DocumentFile, old_id)
        assert old is not None and old.superseded_by_id is not None
        new = s.get(DocumentFile, old.superseded_by_id)
        assert new is not None and new.sha256 != old.sha256 and new.name == old.name
        sigs = s.scalars(sa.select(Signature).order_by(Signature.id)).all()
        assert [(x.file_id, x.pending_ltv) for x in sigs] == [(old.id, False), (new.id, False)]
        assert s.scalars(sa.select(AuditEvent.action)).all()[-1] == "signature.ltv_completed"
        new_sha = new.sha256
    from pyhanko.pdf_utils.reader import PdfFileReader

    with office.files.open(new_sha) as handle:
        reader = PdfFileReader(handle)
        assert "/DSS" in reader.root and reader.embedded_timestamp_signatures
    assert_healthy(office)


class _Recheck:
    def __init__(self, answer: list[Recheck] | None) -> None:
        self.answer = answer
        self.calls: list[datetime | None] = []

    def reverify(self, source: Path, first_verified: datetime | None) -> list[Recheck]:
        self.calls.append(first_verified)
        if self.answer is None:
            raise CatchUpLater("OCSP still unreachable")
        return self.answer


def test_verdicts_checked_offline_are_checked_again(office: Workspace) -> None:
    offline = json.dumps([{"code": "revocation_offline", "text": "chưa kiểm tra"}])
    settled = json.dumps([{"code": "signed", "text": "ok"}])
    file_id = _document_with(office, b"%PDF-1.7 a", pending=False, detail=offline)
    _document_with(office, b"%PDF-1.7 b", pending=False, detail=settled)
    ctx = EngineContext(office.db, office.files, ScriptedTransport(), office.data_dir)
    later = CatchUp(ctx, reverifier=_Recheck(None))
    assert later.recheck_files() == [file_id]
    assert later.run().problems == ["recheck: OCSP still unreachable"]

    fine = _Recheck([Recheck("Sig1", "VALID", settled, False)])
    report = CatchUp(ctx, reverifier=fine).run()
    assert report.rechecked == 1 and fine.calls[0] is not None  # the first verification: a POE
    with office.db.read() as s:
        sig = s.scalars(sa.select(Signature).where(Signature.file_id == file_id)).one()
        assert sig.verdict is Verdict.VALID and sig.verdict_detail == settled
    assert CatchUp(ctx, reverifier=fine).recheck_files() == []
