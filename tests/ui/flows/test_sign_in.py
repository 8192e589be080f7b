"""Sign-in on a shared desktop: the people list with roles, the remembered default, and the role
filtering of the sidebar and the action buttons."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.domain.queues import Queue
from app.domain.roles import Action
from app.services.documents import sign_in
from app.services.lookups import local_people
from app.services.workspace import Workspace
from app.ui.application import start_person
from app.ui.dialogs.sign_in import SignInDialog, remember_user, remembered_user
from app.ui.main_window import MainWindow
from app.ui.tasks import SyncTaskRunner
from tests.services.conftest import Kit
from tests.ui.document.conftest import receive_signed


def test_dialog_lists_people_with_roles_and_remembers(qtbot: QtBot, office: Workspace) -> None:
    assert remembered_user(office.data_dir) == ""
    remember_user(office.data_dir, "ld")
    assert remembered_user(office.data_dir) == "ld"
    dialog = SignInDialog(local_people(office), remembered_user(office.data_dir))
    qtbot.addWidget(dialog)
    texts = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    assert any(t.startswith("Nguyễn Thị Hoa — Văn thư") for t in texts)
    assert any(t.startswith("Cầm Văn Thưởng — Lãnh đạo") for t in texts)
    assert dialog.username() == "ld"
    dialog.select("vt")
    assert dialog.username() == "vt"


def test_user_from_environment(office: Workspace, monkeypatch) -> None:
    monkeypatch.setenv("VBDT_USER", "cv")
    go_on, actor = start_person(office)
    assert go_on and actor is not None and actor.username == "cv"


def _visible_queues(win: MainWindow) -> list[Queue]:
    return win.sidebar.visible_queues()


def test_role_filters_queues_and_buttons(
    qtbot: QtBot, office: Workspace, ui_kit: Kit, signed_bytes: bytes, tmp_path: Path
) -> None:
    receive_signed(office, ui_kit, signed_bytes, tmp_path / "in.edxml")
    win = MainWindow(office, SyncTaskRunner(), actor=sign_in(office, "vt"))
    qtbot.addWidget(win)
    assert _visible_queues(win) == list(Queue)
    win.documents.table.selectRow(0)
    assert Action.REGISTER in win.list_actions.buttons
    assert "Nguyễn Thị Hoa" in win.user_label.text()

    win.set_actor(sign_in(office, "ld"))
    # A leader follows incoming work and signs; registering and the outbox are the clerk's.
    shown = _visible_queues(win)
    assert Queue.TO_SIGN in shown and Queue.IN_OVERDUE in shown
    assert not {Queue.IN_NEW, Queue.IN_TO_REGISTER, Queue.OUTBOX, Queue.OUT_DRAFTS} & set(shown)
    win.documents.table.selectRow(0)
    assert win.list_actions.buttons == {}  # the leader does not register

    win.sidebar.select_queue(Queue.TO_SIGN)
    win.set_actor(sign_in(office, "cv"))
    assert win.sidebar.current_queue() is Queue.INCOMING  # signing is not a specialist's
