"""Sổ đăng ký văn bản đến / đi: which register (kind, year, secret or not), the whole year or a
date range within it, the volume number; then preview, print or save (see ``base``).

The list of registers is read on the task runner like every query; the newest year is chosen.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app.domain.types import Direction
from app.services.reports import RegisterChoice, list_registers, print_register
from app.services.workspace import Workspace
from app.ui.reports.base import Job, ReportDialog

DATE_FORMAT = "dd/MM/yyyy"


def date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class PeriodChooser(QWidget):
    """ "Cả năm" or "Từ ngày … đến ngày …" within one year; ``changed`` when either moves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole_year = QRadioButton(self.tr("Cả năm"), self)
        self.whole_year.setObjectName("wholeYear")
        self.in_range = QRadioButton(self.tr("Từ ngày"), self)
        self.in_range.setObjectName("dateRange")
        group = QButtonGroup(self)
        group.addButton(self.whole_year)
        group.addButton(self.in_range)
        self.whole_year.setChecked(True)
        self.date_from = date_edit(self)
        self.date_from.setObjectName("dateFrom")
        self.date_to = date_edit(self)
        self.date_to.setObjectName("dateTo")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.whole_year)
        row.addSpacing(12)
        row.addWidget(self.in_range)
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("đến ngày"), self))
        row.addWidget(self.date_to)
        row.addStretch(1)
        self.whole_year.toggled.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        ranged = self.in_range.isChecked()
        self.date_from.setEnabled(ranged)
        self.date_to.setEnabled(ranged)

    def set_year(self, year: int) -> None:
        """Limit the dates to ``year``; from 1 January to today (or 31 December of a past year)."""
        first, last = date(year, 1, 1), date(year, 12, 31)
        for edit in (self.date_from, self.date_to):
            edit.setDateRange(to_qdate(first), to_qdate(last))
        self.date_from.setDate(to_qdate(first))
        self.date_to.setDate(to_qdate(min(date.today(), last)))

    def set_range(self, start: date, end: date) -> None:
        self.in_range.setChecked(True)
        self.date_from.setDate(to_qdate(start))
        self.date_to.setDate(to_qdate(end))

    def chosen(self) -> tuple[date | None, date | None]:
        """(None, None) for the whole year, else the two days in order."""
        if self.whole_year.isChecked():
            return None, None
        start, end = to_date(self.date_from.date()), to_date(self.date_to.date())
        return (start, end) if start <= end else (end, start)

    def connect_changed(self, slot: Any) -> None:
        self.whole_year.toggled.connect(slot)
        self.date_from.dateChanged.connect(slot)
        self.date_to.dateChanged.connect(slot)


class RegisterDialog(ReportDialog):
    """Print a register; ``direction`` is the one the menu asked for (changeable here)."""

    def __init__(
        self, ws: Workspace, runner: Any, direction: Direction, parent: QWidget | None = None
    ) -> None:
        super().__init__(ws, runner, parent)
        self.setObjectName("registerReportDialog")
        self.registers: list[RegisterChoice] = []
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("registerKind")
        self.kind_combo.addItem(self.tr("Sổ đăng ký văn bản đến"), Direction.INCOMING)
        self.kind_combo.addItem(self.tr("Sổ đăng ký văn bản đi"), Direction.OUTGOING)
        self.register_combo = QComboBox(self)
        self.register_combo.setObjectName("registerChoice")
        self.period = PeriodChooser(self)
        self.volume = QSpinBox(self)
        self.volume.setObjectName("registerVolume")
        self.volume.setRange(1, 99)
        for combo in (self.kind_combo, self.register_combo):
            combo.setMinimumWidth(360)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.form.addRow(self.tr("Loại sổ:"), self.kind_combo)
        self.form.addRow(self.tr("Sổ:"), self.register_combo)
        self.form.addRow(self.tr("Thời gian:"), self.period)
        self.form.addRow(self.tr("Quyển số:"), self.volume)

        self.kind_combo.setCurrentIndex(self.kind_combo.findData(direction))
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.load_registers())
        self.register_combo.currentIndexChanged.connect(self._register_chosen)
        self.period.connect_changed(lambda *_: self.choices_changed())
        self.volume.valueChanged.connect(lambda _v: self.choices_changed())
        self.load_registers()

    @property
    def direction(self) -> Direction:
        return Direction(self.kind_combo.currentData())

    def _update_title(self) -> None:
        self.setWindowTitle(self.kind_combo.currentText())

    def load_registers(self) -> None:
        self._update_title()
        self.register_combo.clear()
        self.registers = []
        ws, direction = self.ws, self.direction
        self.set_busy(True, self.tr("Đang tải danh sách sổ…"))
        self.runner.run(
            lambda: list_registers(ws, direction),
            on_success=lambda found: self._fill(direction, found),
            on_error=self._on_error,
            owner=self,
        )

    def _fill(self, direction: Direction, found: list[RegisterChoice]) -> None:
        if direction is not self.direction:
            return  # the person switched kinds meanwhile; that list is on its way
        self.registers = found
        self.register_combo.blockSignals(True)
        for choice in found:
            name = choice.name
            if str(choice.year) not in name:
                name = self.tr("{name} – năm {year}").format(name=name, year=choice.year)
            text = self.tr("{name} ({count} số)").format(name=name, count=choice.entries)
            if choice.secret:
                text += self.tr(" – MẬT")
            self.register_combo.addItem(text, choice.id)
        self.register_combo.blockSignals(False)
        self.register_combo.setEnabled(bool(found))
        self.set_busy(False)
        if not found:
            self.status.setText(self.tr("Chưa có sổ nào để in."))
            return
        self.status.clear()
        self._register_chosen()

    def chosen_register(self) -> RegisterChoice | None:
        register_id = self.register_combo.currentData()
        return next((r for r in self.registers if r.id == register_id), None)

    def select_register(self, year: int, *, secret: bool = False) -> None:
        """Choose the register of ``year`` (for the keyboard-less: tests and scripts)."""
        for i, choice in enumerate(self.registers):
            if choice.year == year and choice.secret is secret:
                self.register_combo.setCurrentIndex(i)
                return
        raise LookupError(f"no register for {year}")

    def _register_chosen(self, *_args: object) -> None:
        choice = self.chosen_register()
        if choice is not None:
            self.period.set_year(choice.year)
        self.choices_changed()

    def report_key(self) -> Hashable | None:
        choice = self.chosen_register()
        if choice is None:
            return None
        return ("register", choice.id, *self.period.chosen(), self.volume.value())

    def make_job(self) -> Job:
        choice = self.chosen_register()
        assert choice is not None  # with_report asks only with complete choices
        ws, (start, end), volume = self.ws, self.period.chosen(), self.volume.value()

        def job(out: Path) -> Any:
            return print_register(
                ws, out, direction=choice.direction, year=choice.year, date_from=start,
                date_to=end, register_id=choice.id, secret=choice.secret, volume=volume,
            )  # fmt: skip

        return job

    def default_file_name(self) -> str:
        choice = self.chosen_register()
        kind = "den" if self.direction is Direction.INCOMING else "di"
        if choice is None:
            return f"So-{kind}.pdf"
        mark = "-mat" if choice.secret else ""
        start, end = self.period.chosen()
        if start is None or end is None:
            return f"So-{kind}{mark}-{choice.year}.pdf"
        return f"So-{kind}{mark}-{start:%d-%m-%Y}-den-{end:%d-%m-%Y}.pdf"
