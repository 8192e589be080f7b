"""Sign-in on a shared desktop: pick your name from the local people (role shown); the choice is
remembered for the next start in ``ui-state.json`` in the data directory (a name, never a PIN or a
password). ``queues_for(role)`` says which work queues a role sees in the sidebar.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.queues import Queue
from app.domain.roles import ROLE_LABELS
from app.domain.types import Role
from app.services.documents import Actor, sign_in
from app.services.lookups import PersonOption, local_people
from app.services.workspace import Workspace
from app.storage.atomic import atomic_write_bytes
from app.ui.i18n.domain_labels import domain_label

log = logging.getLogger(__name__)

STATE_FILE = "ui-state.json"
_USER = Qt.ItemDataRole.UserRole

Q = Queue
# What each role works from: the clerk sees every queue; a leader signs and follows incoming
# work; a specialist drafts and processes what was assigned to them.
_QUEUES: dict[Role, tuple[Queue, ...]] = {
    Role.CLERK: tuple(Queue),
    Role.ADMIN: tuple(Queue),
    Role.LEADER: (
        Q.INCOMING, Q.IN_TO_ASSIGN, Q.IN_PROCESSING, Q.IN_OVERDUE, Q.IN_RECALLED,
        Q.OUTGOING, Q.TO_SIGN, Q.TO_ISSUE, Q.OUT_ISSUED,
    ),
    Role.SPECIALIST: (
        Q.INCOMING, Q.IN_PROCESSING, Q.IN_OVERDUE,
        Q.OUTGOING, Q.OUT_DRAFTS, Q.OUT_RETURNED, Q.OUT_ISSUED,
    ),
}  # fmt: skip


def queues_for(role: Role | None) -> tuple[Queue, ...]:
    return tuple(Queue) if role is None else _QUEUES[role]


def _read_state(data_dir: Path) -> dict[str, object]:
    try:
        loaded = json.loads((data_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def remembered_user(data_dir: Path) -> str:
    value = _read_state(data_dir).get("last_user", "")
    return value if isinstance(value, str) else ""


def remember_user(data_dir: Path, username: str) -> None:
    state = _read_state(data_dir)
    state["last_user"] = username
    try:
        atomic_write_bytes(data_dir / STATE_FILE, json.dumps(state, ensure_ascii=False).encode())
    except Exception:  # forgetting the default is harmless: log and go on
        log.warning("cannot remember the last user", exc_info=True)


class SignInDialog(QDialog):
    """The people of the agency, the last one preselected; Enter or double-click signs in."""

    def __init__(
        self, people: list[PersonOption], default: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Đăng nhập"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Chọn tên của bạn để làm việc:"), self))
        self.people = QListWidget(self)
        self.people.setObjectName("signInPeople")
        for person in people:
            text = self.tr("{name} — {role} ({position}, {unit})").format(
                name=person.full_name,
                role=domain_label(ROLE_LABELS.get(person.role, str(person.role))),
                position=person.position or "-",
                unit=person.unit or "-",
            )
            item = QListWidgetItem(text, self.people)
            item.setData(_USER, person.username)
            if person.username == default:
                self.people.setCurrentItem(item)
        if self.people.currentItem() is None and self.people.count():
            self.people.setCurrentRow(0)
        self.people.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.people)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đăng nhập"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(people))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def select(self, username: str) -> None:
        for i in range(self.people.count()):
            if self.people.item(i).data(_USER) == username:
                self.people.setCurrentRow(i)

    def username(self) -> str:
        item = self.people.currentItem()
        return str(item.data(_USER)) if item is not None else ""


def ask_person(
    ws: Workspace, parent: QWidget | None = None, people: list[PersonOption] | None = None
) -> Actor | None:
    """Show the sign-in dialog; the chosen person (remembered), or None when cancelled.

    A running window passes ``people`` loaded on a worker; at start, before any window, the
    short list is read here (there is nothing on screen to keep responsive)."""
    if people is None:
        people = local_people(ws)
    dialog = SignInDialog(people, remembered_user(ws.data_dir), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.username():
        return None
    actor = sign_in(ws, dialog.username())
    remember_user(ws.data_dir, actor.username)
    return actor
