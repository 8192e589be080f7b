"""What a clerk noticed walking through the day: an issued document said "Đã gửi" while it sat
in the outbox, the history named "system" and login names, the kind of a received document was
blank, and a package on a USB stick could not be received in the app."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from pytestqt.qtbot import QtBot

from app.domain.queues import Queue
from app.domain.types import OutboxState
from app.models import OutboxMessage
from app.services.documents import document_details, issue, receive_file, sign, sign_in
from app.services.queues import Sending, list_queue, sending_of
from app.services.workspace import Workspace
from app.ui.document.info_panel import HistoryList, InfoPanel, kind_name
from app.ui.main_window import MainWindow
from app.ui.tablemodels.documents import Col, DocumentTableModel
from app.ui.tasks import SyncTaskRunner
from tests.services.conftest import NOW, Kit, package_file, submitted


def _issued(ws: Workspace, kit: Kit) -> int:
    doc_id = submitted(ws, kit)
    sign(ws, "ld", doc_id, kit.job("leader"), now=NOW)
    issue(ws, "vt", doc_id, kit.job("agency"), now=NOW)
    return doc_id


def _set_outbox(ws: Workspace, doc_id: int, state: OutboxState) -> None:
    with ws.db.write() as session:
        session.execute(
            sa.update(OutboxMessage).where(OutboxMessage.document_id == doc_id).values(state=state)
        )


def _state_cell(ws: Workspace, queue: Queue, doc_id: int) -> str:
    model = DocumentTableModel(list_queue(ws, queue))
    row = next(i for i, r in enumerate(model.rows()) if r.id == doc_id)
    return str(model.index(row, Col.STATE).data())


def _panel_state(qtbot: QtBot, ws: Workspace, doc_id: int) -> str:
    panel = InfoPanel()
    qtbot.addWidget(panel)
    panel.set_details(document_details(ws, doc_id))
    return panel.fields["state"].text()


def test_the_lists_say_whether_an_issued_document_has_left(
    qtbot: QtBot, office: Workspace, ui_kit: Kit
) -> None:
    doc_id = _issued(office, ui_kit)
    # Offline: issued and handed to the outbox, nothing sent yet.
    [row] = [r for r in list_queue(office, Queue.OUTBOX) if r.id == doc_id]
    assert row.sending is Sending.PENDING
    assert _state_cell(office, Queue.OUTBOX, doc_id) == "Đã phát hành, chờ gửi"
    assert _panel_state(qtbot, office, doc_id) == "Đã phát hành, chờ gửi"

    _set_outbox(office, doc_id, OutboxState.FAILED)  # the platform refused the package
    assert _state_cell(office, Queue.OUTBOX, doc_id) == "Đã phát hành, gửi lỗi"

    _set_outbox(office, doc_id, OutboxState.SENT)  # the platform accepted it
    assert doc_id not in [r.id for r in list_queue(office, Queue.OUTBOX)]
    assert _state_cell(office, Queue.OUTGOING, doc_id) == "Đã gửi"
    assert _panel_state(qtbot, office, doc_id) == "Đã gửi"


def test_sending_of_puts_a_refusal_first() -> None:
    assert sending_of([]) is Sending.NONE
    assert sending_of([OutboxState.SENT, OutboxState.PENDING]) is Sending.PENDING
    assert sending_of(["sent", "failed", "pending"]) is Sending.FAILED
    assert sending_of([OutboxState.SENT]) is Sending.SENT


def test_history_names_people_the_platform_and_the_system(
    qtbot: QtBot, office: Workspace, ui_kit: Kit, signed_bytes: bytes, tmp_path: Path
) -> None:
    doc_id = _issued(office, ui_kit)
    history = HistoryList()
    qtbot.addWidget(history)
    history.set_events(document_details(office, doc_id).events)
    actors = history.actors_shown()
    assert "Nguyễn Thị Hoa (Văn thư)" in actors  # phát hành
    assert "Cầm Văn Thưởng (Lãnh đạo)" in actors  # ký
    assert "Lường Văn Minh (Chuyên viên)" in actors  # dự thảo, trình ký
    assert not {"vt", "ld", "cv", "system"} & set(actors)

    # A package the sync engine received (no person): the platform brought it.
    path = package_file(tmp_path / "in.edxml", [("qd.pdf", signed_bytes)])
    received = receive_file(office, None, path, verifier=ui_kit.verifier(), now=NOW)
    history.set_events(document_details(office, received.document.id).events)
    assert history.actors_shown() == ["Trục liên thông"]


def test_a_kind_nobody_named_says_so() -> None:
    assert kind_name("") == "không rõ"
    assert kind_name("CV") == "Công văn"


_KEEP: list[QMimeData] = []  # a QDropEvent does not own its mime data: keep it alive


def _drop(path: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    _KEEP.append(mime)
    return QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip


def test_the_clerk_receives_a_package_from_a_file(
    qtbot: QtBot, office: Workspace, ui_kit: Kit, signed_bytes: bytes, tmp_path: Path
) -> None:
    win = MainWindow(
        office, SyncTaskRunner(), actor=sign_in(office, "vt"), verifier=ui_kit.verifier()
    )
    qtbot.addWidget(win)
    action = win.receive_action
    assert action.isEnabled() and action.shortcut() == QKeySequence("Ctrl+O")
    assert action in win.menuBar().actions()[0].menu().actions()  # in "Tệp"
    assert win.sidebar.counts()[Queue.INCOMING] == 0

    # Dropped on the window: received, listed and opened.
    path = package_file(tmp_path / "so-noi-vu.edxml", [("quyet-dinh.pdf", signed_bytes)])
    assert win.package_drop_filter.eventFilter(win, _drop(path))
    assert win.sidebar.counts()[Queue.INCOMING] == 1
    [window] = win.document_windows
    [row] = list_queue(office, Queue.INCOMING)
    assert window.doc_id == row.id
    assert "Đã nhận văn bản 07/QĐ-SNV" in win.statusBar().currentMessage()
    assert not win.receiver.running

    # The same package again: nothing new, the known document opens.
    win.receive_package(path)
    assert win.sidebar.counts()[Queue.INCOMING] == 1
    assert "đã nhận trước đây" in win.statusBar().currentMessage()
    assert [w.doc_id for w in win.document_windows] == [row.id, row.id]

    # A PDF dropped is still a new draft's business, not a package.
    assert not win.package_drop_filter.eventFilter(win, _drop(ui_kit.draft))

    # Only a clerk receives: the specialist's menu item is off and says why.
    win.set_actor(sign_in(office, "cv"))
    assert not action.isEnabled() and "văn thư" in action.toolTip()


def test_draft_paper_copy_box_speaks_vietnamese(
    qtbot: QtBot, office: Workspace, ui_kit: Kit
) -> None:
    from app.domain.types import Secrecy
    from app.services.lookups import peer_agencies
    from app.ui.dialogs.draft_form import DraftDialog

    dialog = DraftDialog(ui_kit.draft, peer_agencies(office))
    qtbot.addWidget(dialog)
    assert dialog.paper.isEnabled()
    assert "bản giấy" in dialog.paper.toolTip()
    dialog.paper.setChecked(True)
    assert dialog.value().paper_copy
    dialog.secrecy.setCurrentIndex(dialog.secrecy.findData(Secrecy.MAT.value))
    assert not dialog.paper.isEnabled() and not dialog.paper.isChecked()
    assert "Văn bản mật" in dialog.paper.toolTip()
