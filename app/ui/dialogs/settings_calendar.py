"""The settings dialog's calendar part: the days an administrator declares off or worked
(the government's yearly swaps, a local holiday), stored in the ``calendar_overrides`` setting.

A day here wins over the swaps the program already knows; every deadline counted after saving
uses it (``app.services.working_days``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import settings as S
from app.services.workspace import Workspace

_DAY_ROLE = Qt.ItemDataRole.UserRole


class CalendarBox(QGroupBox):
    """A table of day → working or not, and why; ``rows()`` is the setting's value."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Điều chỉnh lịch làm việc"))
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Ngày nghỉ lễ và ngày hoán đổi đã công bố có sẵn trong phần mềm; "
                "ngày khai báo ở đây được ưu tiên khi tính hạn xử lý."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("calendarOverrides")
        self.table.setHorizontalHeaderLabels([self.tr("Ngày"), self.tr("Loại"), self.tr("Lý do")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(130)
        layout.addWidget(self.table)

        row = QHBoxLayout()
        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setObjectName("overrideDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.kind = QComboBox(self)
        self.kind.setObjectName("overrideKind")
        self.kind.addItem(self.tr("Ngày nghỉ"), False)
        self.kind.addItem(self.tr("Ngày làm việc"), True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("overrideReason")
        self.reason.setPlaceholderText(self.tr("Lý do, ví dụ: nghỉ bù theo công văn …"))
        self.add_button = QPushButton(self.tr("Thêm ngày"), self)
        self.add_button.setObjectName("addOverride")
        self.add_button.clicked.connect(self.add_from_inputs)
        self.remove_button = QPushButton(self.tr("Xóa ngày đã chọn"), self)
        self.remove_button.setObjectName("removeOverride")
        self.remove_button.clicked.connect(self.remove_selected)
        for widget in (self.day, self.kind):
            row.addWidget(widget)
        row.addWidget(self.reason, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        for item in ws.settings.get(S.CALENDAR_OVERRIDES):
            self.put(date.fromisoformat(item["day"]), bool(item["working"]), str(item["reason"]))

    def put(self, day: date, working: bool, reason: str) -> None:
        """Add the day, or replace what it said (one row per day, in date order)."""
        for index in range(self.table.rowCount()):
            if self._day(index) == day:
                self.table.removeRow(index)
                break
        index = sum(1 for i in range(self.table.rowCount()) if self._day(i) < day)
        self.table.insertRow(index)
        shown = QTableWidgetItem(day.strftime("%d/%m/%Y"))
        shown.setData(_DAY_ROLE, day.isoformat())
        kind = QTableWidgetItem(self.tr("Ngày làm việc") if working else self.tr("Ngày nghỉ"))
        kind.setData(_DAY_ROLE, working)
        self.table.setItem(index, 0, shown)
        self.table.setItem(index, 1, kind)
        self.table.setItem(index, 2, QTableWidgetItem(reason.strip()))

    def add_from_inputs(self) -> None:
        picked = self.day.date()
        day = date(picked.year(), picked.month(), picked.day())
        self.put(day, bool(self.kind.currentData()), self.reason.text())
        self.reason.clear()

    def remove_selected(self) -> None:
        for index in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(index)

    def _day(self, index: int) -> date:
        return date.fromisoformat(str(self.table.item(index, 0).data(_DAY_ROLE)))

    def rows(self) -> list[dict[str, Any]]:
        """The ``calendar_overrides`` value shown in the table."""
        return [
            {
                "day": self._day(index).isoformat(),
                "working": bool(self.table.item(index, 1).data(_DAY_ROLE)),
                "reason": self.table.item(index, 2).text(),
            }
            for index in range(self.table.rowCount())
        ]
