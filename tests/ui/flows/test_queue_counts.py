"""Every queue's count in the sidebar follows the work done through the real window: a draft,
its submission and return, a document received, registered and rejected, without pressing F5."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.queues import Queue
from app.domain.roles import Action
from app.domain.types import DocumentState
from app.services.documents import document_details, receive_file, sign_in
from app.services.workspace import Workspace
from app.ui.main_window import MainWindow
from app.ui.tasks import SyncTaskRunner
from tests.services.conftest import NOW, Kit, package_file
from tests.ui.flows.test_outgoing_flow import DraftPrompts

IN, OUT, SIGN, ISSUE, OUTBOX = (
    Queue.INCOMING,
    Queue.OUTGOING,
    Queue.TO_SIGN,
    Queue.TO_ISSUE,
    Queue.OUTBOX,
)


def receive(ws: Workspace, kit: Kit, data: bytes, out: Path, number: str) -> int:
    """An incoming package from the peer agency, as the sync or the import would bring it."""
    path = package_file(out, [("quyet-dinh.pdf", data)], number=number)
    return receive_file(ws, "vt", path, verifier=kit.verifier(), now=NOW).document.id


def counts(win: MainWindow) -> dict[Queue, int]:
    """The five queues this flow follows (the sub-queues are checked where they matter)."""
    shown = win.sidebar.counts()
    return {queue: shown[queue] for queue in (IN, OUT, SIGN, ISSUE, OUTBOX)}


def click(
    qtbot: QtBot, win: MainWindow, queue: Queue, action: Action, doc_id: int | None = None
) -> None:
    """Select ``doc_id`` (else the first row) in ``queue`` and click the action's button."""
    win.sidebar.select_queue(queue)
    rows = win.documents.visible_rows()
    win.documents.table.selectRow(
        0 if doc_id is None else next(i for i, r in enumerate(rows) if r.id == doc_id)
    )
    qtbot.mouseClick(win.list_actions.buttons[action], Qt.MouseButton.LeftButton)


def test_counts_follow_the_work(
    qtbot: QtBot, office: Workspace, ui_kit: Kit, signed_bytes: bytes, tmp_path: Path
) -> None:
    prompts = DraftPrompts()
    win = MainWindow(office, SyncTaskRunner(), actor=sign_in(office, "cv"), prompts=prompts)
    qtbot.addWidget(win)
    win.show()
    assert counts(win) == {IN: 0, OUT: 0, SIGN: 0, ISSUE: 0, OUTBOX: 0}

    win.controller.new_draft(ui_kit.draft)  # what the menu and a dropped file call
    assert counts(win) == {IN: 0, OUT: 1, SIGN: 0, ISSUE: 0, OUTBOX: 0}
    click(qtbot, win, OUT, Action.SUBMIT)
    assert counts(win) == {IN: 0, OUT: 1, SIGN: 1, ISSUE: 0, OUTBOX: 0}

    win.set_actor(sign_in(office, "ld"))
    assert "Chờ duyệt, ký (1)" in win.sidebar.labels()  # the leader's queue; not the drafter's
    prompts.texts = ["Bổ sung căn cứ pháp lý"]
    click(qtbot, win, SIGN, Action.RETURN)
    assert counts(win) == {IN: 0, OUT: 1, SIGN: 0, ISSUE: 0, OUTBOX: 0}
    assert win.sidebar.counts()[Queue.OUT_RETURNED] == 1

    # A document arrives (a sync or an import elsewhere): F5 is not needed after an action,
    # but nothing in this window did it, so the clerk refreshes.
    win.set_actor(sign_in(office, "vt"))
    first = receive(office, ui_kit, signed_bytes, tmp_path / "in.edxml", "07")
    win.refresh_action.trigger()
    assert counts(win) == {IN: 1, OUT: 1, SIGN: 0, ISSUE: 0, OUTBOX: 1}  # the receipt waits
    assert win.sidebar.counts()[Queue.IN_NEW] == 1
    assert win.sidebar.counts()[Queue.OUTBOX_WAITING] == 1
    second = receive(office, ui_kit, signed_bytes, tmp_path / "in2.edxml", "08")
    win.refresh()
    assert counts(win)[IN] == 2 and counts(win)[OUTBOX] == 2

    click(qtbot, win, IN, Action.REGISTER, first)
    assert counts(win)[IN] == 2  # registered documents stay in Văn bản đến
    assert win.sidebar.counts()[Queue.IN_TO_ASSIGN] == 1
    prompts.texts = ["Văn bản gửi nhầm cơ quan"]
    click(qtbot, win, IN, Action.REJECT, second)
    assert document_details(office, second).document.state is DocumentState.REJECTED
    # The outbox counts documents: the refused one already waited (its receipt), the refusal
    # joins it; a rejected document stays listed among the incoming ones.
    assert counts(win) == {IN: 2, OUT: 1, SIGN: 0, ISSUE: 0, OUTBOX: 2}
    win.sidebar.select_queue(OUTBOX)
    assert sorted(r.id for r in win.documents.visible_rows()) == [first, second]
