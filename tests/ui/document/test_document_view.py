"""The document window over a signed incoming document: PDF shown, signature cards in plain
Vietnamese, the signed revision extracted, the report saved, the history newest first."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services.documents import sign_in
from app.services.workspace import Workspace
from app.ui.document.view import DocumentWindow
from app.ui.pdf.preview import wait_for_render
from app.ui.reports import open_slip
from app.ui.tasks import SyncTaskRunner
from tests.services.conftest import Kit
from tests.ui.document.conftest import receive_signed


def _window(qtbot: QtBot, ws: Workspace, kit: Kit, doc_id: int, user: str = "vt") -> DocumentWindow:
    window = DocumentWindow(
        ws, SyncTaskRunner(), doc_id, actor=sign_in(ws, user), verifier=kit.verifier()
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_signed_document_shows_pdf_and_signature_cards(
    qtbot: QtBot, office: Workspace, ui_kit: Kit, signed_bytes: bytes, tmp_path: Path
) -> None:
    doc_id = receive_signed(office, ui_kit, signed_bytes, tmp_path / "in.edxml")
    window = _window(qtbot, office, ui_kit, doc_id)

    assert window.preview.view.page_count() >= 1
    assert wait_for_render(window.preview.view)
    assert "07/QĐ-SNV" in window.title.text()
    assert window.info.fields["sender"].text().startswith("Sở Nội vụ")

    cards = window.signatures.cards
    assert len(cards) == 2
    summary = window.signatures.summary.text()
    assert summary.startswith("Kết quả kiểm tra: Hợp lệ")
    assert "có chữ ký lãnh đạo" in summary and "có chữ ký cơ quan" in summary
    leader, agency = (c.details.text() for c in cards)
    assert "Ký với tư cách: Cá nhân (lãnh đạo" in leader
    assert "Ký với tư cách: Cơ quan, tổ chức" in agency
    assert "Tin cậy: chứng thư do" in leader
    assert cards[0].verdict_label.text().startswith("Chữ ký 1: Hợp lệ")
    # The leader signed before the agency sealed: the seal is a change after the leader's signature.
    assert "Thêm chữ ký" in leader or "Không có thay đổi" in leader

    cards[0].revision_button.click()
    [revision] = window.signatures.windows
    assert revision.path.read_bytes().startswith(b"%PDF-")
    assert len(revision.path.read_bytes()) < len(signed_bytes)
    revision.close()

    assert window.report_button.isEnabled()
    report = tmp_path / "report.pdf"
    window.save_report(report)
    assert report.read_bytes().startswith(b"%PDF-")
    assert str(report) in window.report_note.text()

    # An incoming document offers its processing slip (phiếu giải quyết), built from the record.
    assert window.slip_button.isVisible()
    slip = open_slip(window, office, doc_id)
    qtbot.addWidget(slip)
    assert slip.isVisible()


def test_untrusted_signature_says_so(
    qtbot: QtBot, office: Workspace, ui_kit: Kit, signed_bytes: bytes, tmp_path: Path
) -> None:
    doc_id = receive_signed(office, ui_kit, signed_bytes, tmp_path / "in.edxml")
    window = DocumentWindow(
        office, SyncTaskRunner(), doc_id, actor=None, verifier=ui_kit.verifier(trusted=False)
    )
    qtbot.addWidget(window)
    assert "Không tin cậy" in window.signatures.cards[0].details.text()
    assert not window.signatures.summary.text().startswith("Kết quả kiểm tra: Hợp lệ")
    assert window.actions_bar.buttons == {}  # nobody signed in: no actions


def test_history_is_newest_first(
    qtbot: QtBot, office: Workspace, ui_kit: Kit, signed_bytes: bytes, tmp_path: Path
) -> None:
    from app.services.documents import register

    doc_id = receive_signed(office, ui_kit, signed_bytes, tmp_path / "in.edxml")
    register(office, "vt", doc_id)
    window = _window(qtbot, office, ui_kit, doc_id)
    shown = window.history.actions_shown()
    assert shown[0] == "Vào sổ" and shown[-1] == "Nhận văn bản"
