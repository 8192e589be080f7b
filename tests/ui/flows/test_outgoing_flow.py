"""A specialist makes a draft from a PDF (form answered by a script, or dropped on the window)
and submits it; the leader sees it in "Chờ ký" and returns it with a reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from app.domain.queues import Queue
from app.domain.roles import Action
from app.domain.types import DocumentState
from app.services.documents import DraftInput, sign_in
from app.services.lookups import peer_agencies
from app.services.workspace import Workspace
from app.ui.dialogs.draft_form import DraftDialog
from app.ui.main_window import MainWindow
from app.ui.tasks import SyncTaskRunner
from tests.services.conftest import PEER, Kit
from tests.ui.flows.conftest import ScriptedPrompts


class DraftPrompts(ScriptedPrompts):
    def __init__(self) -> None:
        super().__init__()
        self.offered: list[str] = []

    def draft(self, pdf: Path, agencies: list) -> DraftInput:  # type: ignore[type-arg]
        self.offered = [a.code for a in agencies]
        return DraftInput(pdf=pdf, kind="QĐ", subject="Về việc thử nghiệm", recipients=(PEER,))


def test_draft_submit_return(qtbot: QtBot, office: Workspace, ui_kit: Kit) -> None:
    prompts = DraftPrompts()
    win = MainWindow(office, SyncTaskRunner(), actor=sign_in(office, "cv"), prompts=prompts)
    qtbot.addWidget(win)
    assert win.new_draft_action.isEnabled()
    assert win.sidebar.counts()[Queue.TO_SIGN] == 0

    # Dropping a PDF on the window opens the draft form.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(ui_kit.draft))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    assert win.drop_filter.eventFilter(win, drop)
    assert PEER in prompts.offered
    win.sidebar.select_queue(Queue.OUTGOING)
    [row] = win.documents.visible_rows()
    assert row.state is DocumentState.DRAFT

    win.documents.table.selectRow(0)
    qtbot.mouseClick(win.list_actions.buttons[Action.SUBMIT], Qt.MouseButton.LeftButton)
    assert win.sidebar.counts()[Queue.TO_SIGN] == 1

    win.set_actor(sign_in(office, "ld"))
    assert not win.new_draft_action.isEnabled()
    win.sidebar.select_queue(Queue.TO_SIGN)
    win.documents.table.selectRow(0)
    bar = win.list_actions
    token = bar.extra[0]  # signing with the USB token comes first for the leader
    assert token.isEnabled() and token.objectName() == "action_sign_token"
    prompts.texts = ["Sửa trích yếu"]
    qtbot.mouseClick(bar.buttons[Action.RETURN], Qt.MouseButton.LeftButton)
    assert win.sidebar.counts()[Queue.TO_SIGN] == 0


def test_draft_dialog_builds_the_input(qtbot: QtBot, office: Workspace, ui_kit: Kit) -> None:
    dialog = DraftDialog(ui_kit.draft, peer_agencies(office))
    qtbot.addWidget(dialog)
    dialog.subject.setPlainText("Về việc  họp giao ban")
    dialog.recipients.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.unit.setText("VP")
    value = dialog.value()
    assert value.kind == "Công văn" and value.unit == "VP" and len(value.recipients) == 1
    # The box says in Vietnamese why it is off (or what it does), never a Python name.
    tip = dialog.paper.toolTip()
    assert "bản giấy" in tip and "app." not in tip and "DraftInput" not in tip
