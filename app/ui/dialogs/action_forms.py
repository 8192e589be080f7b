"""Small forms for the workflow actions: a reason or note, a confirmation, and the assignment
form (lead, co-handlers, deadline suggested by the working-day calendar, opinion).

``Prompts`` is what the action controller asks through; tests pass a scripted one instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import WorkingCalendar
from app.domain.roles import ROLE_LABELS
from app.domain.types import Role
from app.services.lookups import AgencyOption, PersonOption
from app.ui.i18n.domain_labels import domain_label

DEFAULT_WORKING_DAYS = 7
_USER = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class AssignInput:
    lead: str
    co_handlers: tuple[str, ...] = ()
    deadline: date | None = None
    opinion: str = ""


class TextDialog(QDialog):
    """One multi-line text (a reason, a note); OK stays off while a required text is empty."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, required: bool) -> None:
        super().__init__(parent)
        self.setObjectName("textDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, self))
        self.edit = QPlainTextEdit(self)
        layout.addWidget(self.edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if required:
            ok.setEnabled(False)
            self.edit.textChanged.connect(
                lambda: ok.setEnabled(bool(self.edit.toPlainText().strip()))
            )
        self.resize(460, 220)


class AssignDialog(QDialog):
    """Lead handler, co-handlers, deadline (a working-day default) and the directing opinion."""

    def __init__(
        self,
        parent: QWidget | None,
        people: list[PersonOption],
        calendar: WorkingCalendar,
        today: date,
        suggested: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Phân công xử lý"))
        handlers = [p for p in people if p.role is Role.SPECIALIST]
        form = QFormLayout(self)
        self.lead = QComboBox(self)
        for p in handlers:
            self.lead.addItem(self._name(p), p.username)
        form.addRow(self.tr("Chủ trì"), self.lead)
        self.co = QListWidget(self)
        for p in handlers:
            item = QListWidgetItem(self._name(p), self.co)
            item.setData(_USER, p.username)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.co.setMaximumHeight(110)
        form.addRow(self.tr("Phối hợp"), self.co)
        default = suggested or calendar.add_working_days(today, DEFAULT_WORKING_DAYS)
        self.deadline = QDateEdit(QDate(default.year, default.month, default.day), self)
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd/MM/yyyy")
        self.deadline.setMinimumDate(QDate(today.year, today.month, today.day))
        form.addRow(self.tr("Hạn xử lý"), self.deadline)
        self.hint = QLabel(self)
        form.addRow("", self.hint)
        self.calendar, self.today = calendar, today
        self.deadline.dateChanged.connect(self._update_hint)
        self._update_hint()
        self.opinion = QPlainTextEdit(self)
        self.opinion.setMaximumHeight(80)
        form.addRow(self.tr("Ý kiến chỉ đạo"), self.opinion)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(handlers))
        form.addRow(buttons)

    def _name(self, p: PersonOption) -> str:
        return self.tr("{name} – {unit}").format(name=p.full_name, unit=p.unit or p.position)

    def _update_hint(self) -> None:
        day = self.deadline.date().toPython()
        days = self.calendar.working_days_between(self.today, day)
        text = self.tr("{days} ngày làm việc").format(days=days)
        if not self.calendar.is_working_day(day):
            text += self.tr(" — ngày nghỉ, nên chọn ngày làm việc")
        self.hint.setText(text)

    def value(self) -> AssignInput:
        lead = str(self.lead.currentData())
        co = tuple(
            str(self.co.item(i).data(_USER))
            for i in range(self.co.count())
            if self.co.item(i).checkState() == Qt.CheckState.Checked
            and self.co.item(i).data(_USER) != lead
        )
        return AssignInput(
            lead, co, self.deadline.date().toPython(), self.opinion.toPlainText().strip()
        )


@dataclass
class Prompts:
    """Asks the person through modal dialogs; a test replaces it with scripted answers."""

    parent: QWidget | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self.parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def text(self, title: str, prompt: str, *, required: bool = True) -> str | None:
        dialog = TextDialog(self.parent, title, prompt, required)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.edit.toPlainText().strip()

    def assign(
        self,
        people: list[PersonOption],
        calendar: WorkingCalendar,
        today: date,
        suggested: date | None = None,
    ) -> AssignInput | None:
        dialog = AssignDialog(self.parent, people, calendar, today, suggested)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def draft(self, pdf: Path, agencies: list[AgencyOption]) -> Any:
        from app.ui.dialogs.draft_form import DraftDialog

        dialog = DraftDialog(pdf, agencies, self.parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def role_label(role: Role) -> str:
    label = ROLE_LABELS.get(role)
    return domain_label(label) if label is not None else str(role)
