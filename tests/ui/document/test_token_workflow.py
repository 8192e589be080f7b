"""Signing and issuing from the document window on a REAL SoftHSM2 token (the integration tests'
demo tokens): the leader signs the draft through "Ký bằng USB token…" (box dragged away from the
draft's own field), the clerk issues it through the Issue dialog with one recipient unticked.
The output's two signatures are checked by the verification engine; the document is issued,
in Hộp thư đi with one outbox row for the one recipient left. A cancelled or wrong PIN at issue
consumes no number."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import enumerate_sig_fields
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from app.domain.queues import Queue
from app.domain.roles import Action
from app.domain.types import DocumentState, OutboxState, Verdict
from app.models import Delivery, OutboxMessage, Register
from app.services.demo_tokens import DEMO_TOKEN_PIN
from app.services.documents import sign, sign_in
from app.services.documents.issue_details import issue_preview
from app.services.queues import list_queue
from app.services.tokens import TokenHub
from app.services.workspace import Workspace
from app.signing.pades.placement import FIELD_AGENCY_SIG, FIELD_LEADER_SIG
from app.signing.verify import RevocationPolicy, TrustStore, verify_pdf
from app.ui.document.view import DocumentWindow
from app.ui.pdf.preview import wait_for_render
from app.ui.signing.entry import SessionHolder, session_for
from app.ui.signing.issue_dialog import signed_file_name
from app.ui.signing.session import TokenSession
from app.ui.tasks import TaskRunner
from tests.services.conftest import PEER, PEER2, Kit, submitted
from tests.ui.signing.conftest import rig, type_pin  # noqa: F401 - rig: a fixture

pytestmark = pytest.mark.softhsm


@pytest.fixture
def workers() -> Iterator[TaskRunner]:
    """A real task runner: the PIN prompter needs a token thread that is not the GUI's."""
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown(wait=True)


def _verifier(rig: Any) -> Any:  # noqa: F811
    trust = TrustStore.from_certs([rig.pki.root.cert_der])

    def verify(path: Path) -> Any:
        return verify_pdf(path, trust=trust, revocation=RevocationPolicy(online=False))

    return verify


def _session(ws: Workspace, rig: Any) -> TokenSession:  # noqa: F811
    """One session on the REAL SoftHSM demo tokens, shared by the test's windows (one token
    manager per driver per process, as ``session_for`` shares it in the application)."""
    hub = TokenHub(attempts_file=ws.data_dir / "attempts.json")
    return TokenSession(hub, configured=[rig.module], demo=rig.tokens, discover=lambda: [])


def _window(
    qtbot: QtBot,
    ws: Workspace,
    runner: TaskRunner,
    rig: Any,  # noqa: F811
    session: TokenSession,
    doc_id: int,
    user: str,
) -> tuple[DocumentWindow, SessionHolder]:
    window = DocumentWindow(ws, runner, doc_id, actor=sign_in(ws, user), verifier=_verifier(rig))
    qtbot.addWidget(window)
    holder = SessionHolder(window, session)  # what session_for finds for this window
    window.show()
    qtbot.waitUntil(lambda: window.loaded is not None, timeout=15000)
    assert session_for(window, ws) is holder
    return window, holder


def _state(window: DocumentWindow) -> DocumentState:
    assert window.loaded is not None
    return window.loaded.details.document.state


def _next_number(ws: Workspace) -> int:
    with ws.db.read() as session:
        return int(session.scalar(sa.select(sa.func.max(Register.next_number))) or 1)


def _empty_sig_fields(path: Path) -> list[str]:
    with open(path, "rb") as handle:
        return [
            str(n) for n, value, _ in enumerate_sig_fields(PdfFileReader(handle)) if value is None
        ]


def test_leader_signs_and_clerk_issues_from_the_document_window(
    qtbot: QtBot,
    tmp_path: Path,
    office: Workspace,
    ui_kit: Kit,
    workers: TaskRunner,
    rig: Any,  # noqa: F811
) -> None:
    doc_id = submitted(office, ui_kit)

    # --- the leader: "Ký bằng USB token…" -----------------------------------------------------
    session = _session(office, rig)
    window, holder = _window(qtbot, office, workers, rig, session, doc_id, "ld")
    token_button = window.actions_bar.extra[0]
    assert token_button.objectName() == "action_sign_token" and token_button.isEnabled()
    token_button.click()
    controller = window.controller
    qtbot.waitUntil(lambda: bool(controller.dialogs), timeout=15000)
    dialog = controller.dialogs[-1]
    qtbot.waitUntil(
        lambda: bool(dialog.tokens.listings) and bool(dialog.placement.docs)
        and dialog.choice is not None,
        timeout=15000,
    )  # fmt: skip
    assert dialog.choice.serial == rig.leader.serial  # the demo's leader token, preselected
    # The draft's own file name, never the store's hash-named path.
    assert window.loaded is not None and window.loaded.main_name == "draft.pdf"
    assert "draft.pdf" in dialog.windowTitle()
    assert window.loaded.main_path is not None
    assert window.loaded.main_path.name not in dialog.windowTitle()
    assert not dialog.options.out_dir.isVisible()  # the store keeps the signed file
    placement = dialog.placement
    assert wait_for_render(placement.preview.view)
    overlay = placement.overlay
    start = overlay.view_rect().center()
    end = start + QPointF(-60, -40)
    qtbot.mousePress(overlay, Qt.MouseButton.LeftButton, pos=start.toPoint())
    qtbot.mouseMove(overlay, end.toPoint())
    qtbot.mouseRelease(overlay, Qt.MouseButton.LeftButton, pos=end.toPoint())
    moved = overlay.box
    dialog.options.tsa.setText(rig.tsa)
    dialog.sign_button.click()
    type_pin(qtbot, holder.prompter, DEMO_TOKEN_PIN)
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=30000)
    outcome = dialog.results.rows[0][1]
    assert outcome.ok and outcome.field_name == FIELD_LEADER_SIG, dialog.banner.text()
    assert dialog.page.table.model().index(0, 0).data() == "draft.pdf"
    assert "Chờ phát hành" in dialog.banner.text()
    qtbot.waitUntil(lambda: _state(window) is DocumentState.SIGNED, timeout=15000)
    assert window.actions_bar.buttons == {} or Action.SIGN not in window.actions_bar.buttons
    dialog.close()

    # --- the clerk: "Phát hành" -------------------------------------------------------------
    clerk, clerk_holder = _window(qtbot, office, workers, rig, session, doc_id, "vt")
    issue_button = clerk.actions_bar.buttons[Action.ISSUE]
    assert issue_button.isEnabled()
    issue_button.click()
    issue = clerk.controller.dialogs[-1]
    qtbot.waitUntil(lambda: issue.preview is not None and issue.choice is not None, timeout=15000)
    assert issue.choice.serial == rig.agency.serial
    assert issue.form.number.text() == "<b>Số 01/QĐ-UBND</b> (dự kiến)"
    assert "(hôm nay)" in issue.form.date.text()
    assert set(issue.form.chosen_recipients()) == {PEER, PEER2}
    issue.form.set_recipient(PEER2, False)  # the clerk takes one recipient off
    assert not issue.form.paper.isChecked()  # QĐ is not in the paper-copy catalogue
    issue.form.paper.setChecked(True)  # ... but this one goes on paper too
    issue.options.tsa.setText(rig.tsa)
    issue.issue_button.click()
    type_pin(qtbot, clerk_holder.prompter, DEMO_TOKEN_PIN)
    qtbot.waitUntil(lambda: issue.outcome is not None or not issue.running, timeout=30000)
    result = issue.outcome
    assert result is not None, issue.banner.text()
    assert result.number == 1 and result.outbox_ids and result.paper_copy
    assert "bản giấy" in issue.banner.text()
    assert "Hộp thư đi" in issue.banner.text()
    signed = office.files.path_for(result.file_sha256)
    assert "Đã phát hành số 01/QĐ-UBND" in issue.banner.text()
    assert str(signed) not in issue.banner.text() and "objects" not in issue.banner.text()
    assert not issue.issue_button.isVisible() and issue.save_button.isVisible()
    # "Lưu bản đã ký…": a copy under the document's own name, byte for byte.
    copy = tmp_path / signed_file_name(result.document.code)
    assert copy.name == "01-QĐ-UBND.pdf"
    issue.save_signed(copy)
    qtbot.waitUntil(lambda: issue.saved_label.isVisible(), timeout=15000)
    assert copy.read_bytes() == signed.read_bytes() and str(copy) in issue.saved_label.text()

    # The output's two signatures, by the verification engine; no empty field left behind.
    verdict = _verifier(rig)(signed)
    assert verdict.overall in (Verdict.VALID, Verdict.VALID_CHANGED_LATER)
    assert [s.field_name for s in verdict.signatures] == [FIELD_LEADER_SIG, FIELD_AGENCY_SIG]
    assert verdict.signature(FIELD_LEADER_SIG).verdict is Verdict.VALID_CHANGED_LATER
    assert verdict.signature(FIELD_AGENCY_SIG).verdict is Verdict.VALID
    assert verdict.agency_signature_present and verdict.personal_signature_present
    assert _empty_sig_fields(signed) == []
    with open(signed, "rb") as handle:
        reader = PdfFileReader(handle)
        leader = next(
            s for s in reader.embedded_regular_signatures if s.field_name == FIELD_LEADER_SIG
        )
        assert tuple(float(v) for v in leader.sig_field["/Rect"]) == pytest.approx(moved, abs=0.01)

    # State, queue and outbox.
    qtbot.waitUntil(lambda: _state(clerk) is not DocumentState.SIGNED, timeout=15000)
    info = clerk.loaded.details.document
    assert info.state in (DocumentState.ISSUED, DocumentState.SENT) and info.number == 1
    assert doc_id in [row.id for row in list_queue(office, Queue.OUTBOX)]
    with office.db.read() as session:
        [message] = session.scalars(
            sa.select(OutboxMessage).where(OutboxMessage.document_id == doc_id)
        ).all()
        assert message.state is OutboxState.PENDING and message.recipients == PEER
        codes = session.scalars(
            sa.select(Delivery.recipient_code).where(Delivery.document_id == doc_id)
        ).all()
        assert codes == [PEER]


def _signed_by_software(ws: Workspace, kit: Kit) -> int:
    doc_id = submitted(ws, kit)
    sign(ws, "ld", doc_id, kit.job("leader"))
    return doc_id


def test_cancelled_or_wrong_pin_at_issue_takes_no_number(
    qtbot: QtBot,
    office: Workspace,
    ui_kit: Kit,
    workers: TaskRunner,
    rig: Any,  # noqa: F811
) -> None:
    doc_id = _signed_by_software(office, ui_kit)
    before = _next_number(office)
    clerk, holder = _window(qtbot, office, workers, rig, _session(office, rig), doc_id, "vt")
    clerk.actions_bar.buttons[Action.ISSUE].click()
    issue = clerk.controller.dialogs[-1]
    qtbot.waitUntil(lambda: issue.preview is not None and issue.choice is not None, timeout=15000)

    issue.issue_button.click()
    qtbot.waitUntil(lambda: holder.prompter.current is not None, timeout=15000)
    assert not issue.issue_button.isEnabled()  # one issue at a time
    holder.prompter.current.cancel_button.click()
    qtbot.waitUntil(lambda: not issue.running, timeout=15000)
    assert "Đã hủy" in issue.banner.text() and "chưa lấy số" in issue.banner.text()

    qtbot.waitUntil(lambda: issue.issue_button.isEnabled(), timeout=15000)
    issue.issue_button.click()
    type_pin(qtbot, holder.prompter, "000000")  # wrong
    qtbot.waitUntil(lambda: not issue.running, timeout=15000)
    assert issue.outcome is None and "chưa lấy số" in issue.banner.text()

    assert _next_number(office) == before
    assert issue_preview(office, doc_id).number == 1
    with office.db.read() as session:
        count = session.scalar(
            sa.select(sa.func.count(OutboxMessage.id)).where(OutboxMessage.document_id == doc_id)
        )
    assert count == 0
    qtbot.waitUntil(lambda: issue.preview is not None, timeout=15000)
    clerk.reload()
    qtbot.waitUntil(lambda: _state(clerk) is DocumentState.SIGNED, timeout=15000)
