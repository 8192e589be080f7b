"""Register → assign → process → complete an incoming document by clicking the real window's
buttons as the clerk, the leader and the specialist in turn (dialogs answered by a script)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.queues import Queue
from app.domain.roles import Action
from app.domain.types import DocumentState
from app.services.documents import document_details, sign_in
from app.services.workspace import Workspace
from app.ui.dialogs.action_forms import AssignInput
from app.ui.main_window import MainWindow
from app.ui.tasks import SyncTaskRunner
from tests.services.conftest import Kit
from tests.ui.document.conftest import receive_signed
from tests.ui.flows.conftest import ScriptedPrompts


def _state(ws: Workspace, doc_id: int) -> DocumentState:
    return document_details(ws, doc_id).document.state


def _select_first(qtbot: QtBot, win: MainWindow) -> None:
    win.documents.table.setFocus()
    win.documents.table.selectRow(0)


def test_register_assign_complete(
    qtbot: QtBot, office: Workspace, ui_kit: Kit, signed_bytes: bytes, tmp_path: Path
) -> None:
    doc_id = receive_signed(office, ui_kit, signed_bytes, tmp_path / "in.edxml")
    prompts = ScriptedPrompts()
    win = MainWindow(
        office, SyncTaskRunner(), actor=sign_in(office, "vt"), prompts=prompts,
        verifier=ui_kit.verifier(),
    )  # fmt: skip
    qtbot.addWidget(win)
    win.show()
    assert win.sidebar.counts()[Queue.INCOMING] == 1
    assert win.sidebar.counts()[Queue.OUTBOX] == 1  # the 01 receipt waits to be sent

    # The clerk registers from the list; the number to be taken is shown first.
    _select_first(qtbot, win)
    buttons = win.list_actions.buttons
    assert Action.REGISTER in buttons and Action.ASSIGN not in buttons
    qtbot.mouseClick(buttons[Action.REGISTER], Qt.MouseButton.LeftButton)
    assert "số đến 1" in prompts.asked[-1]
    assert _state(office, doc_id) is DocumentState.REGISTERED
    assert win.documents.visible_rows()[0].state is DocumentState.REGISTERED

    # The leader opens it (Enter on the row) and assigns it.
    win.set_actor(sign_in(office, "ld"))
    _select_first(qtbot, win)
    qtbot.keyClick(win.documents.table, Qt.Key.Key_Return)
    [view] = win.document_windows
    assert view.info.fields["register"].text().startswith("Số 1")
    prompts.assign_answer = AssignInput("cv", ("cv2",), date(2030, 1, 15), "Đề nghị xử lý")
    qtbot.mouseClick(view.actions_bar.buttons[Action.ASSIGN], Qt.MouseButton.LeftButton)
    assert prompts.asked[-1].startswith("assign:")
    assert _state(office, doc_id) is DocumentState.ASSIGNED
    # People by their names, not their logins.
    assert "Chủ trì: Lường Văn Minh; phối hợp: Vì Thị Lan" in view.info.fields["assignment"].text()
    assert win.documents.visible_rows()[0].state is DocumentState.ASSIGNED
    view.close()

    # The specialist starts and completes it.
    win.set_actor(sign_in(office, "cv"))
    _select_first(qtbot, win)
    prompts.texts = ["Đã nghiên cứu", "Đã báo cáo lãnh đạo"]
    qtbot.mouseClick(win.list_actions.buttons[Action.PROCESS], Qt.MouseButton.LeftButton)
    assert _state(office, doc_id) is DocumentState.PROCESSING
    _select_first(qtbot, win)
    qtbot.mouseClick(win.list_actions.buttons[Action.COMPLETE], Qt.MouseButton.LeftButton)
    assert _state(office, doc_id) is DocumentState.COMPLETED
    assert win.documents.visible_rows()[0].state is DocumentState.COMPLETED


def test_refusal_is_shown_not_raised(
    qtbot: QtBot, office: Workspace, ui_kit: Kit, signed_bytes: bytes, tmp_path: Path
) -> None:
    from app.services.documents import reject

    doc_id = receive_signed(office, ui_kit, signed_bytes, tmp_path / "in.edxml")
    prompts = ScriptedPrompts(texts=["Sai nơi nhận"])
    win = MainWindow(office, SyncTaskRunner(), actor=sign_in(office, "vt"), prompts=prompts)
    qtbot.addWidget(win)
    _select_first(qtbot, win)
    reject(office, "vt", doc_id, "Trùng")  # another clerk was faster
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.close()

    QTimer.singleShot(0, close_box)
    qtbot.mouseClick(win.list_actions.buttons[Action.REJECT], Qt.MouseButton.LeftButton)
    assert seen and "Traceback" not in seen[0]
    assert not win.list_actions.busy.isVisible()
