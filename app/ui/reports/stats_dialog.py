"""Báo cáo thống kê: a year or a date range, the whole agency or one unit; the PDF with charts
(preview, print, save, see ``base``) and "Lưu CSV…" with the same numbers for Excel.

The CSV is written from the report the PDF was built from (``StatsFiles.report``), so the two
files always agree, even if documents changed in between.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from app.services.reports import StatsFiles, list_units, print_stats
from app.services.workspace import Workspace
from app.ui.reports.base import Built, Job, ReportDialog, ask_save_path
from app.ui.reports.register_dialog import PeriodChooser


class StatsDialog(ReportDialog):
    def __init__(self, ws: Workspace, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(ws, runner, parent)
        self.setObjectName("statsReportDialog")
        self.setWindowTitle(self.tr("Báo cáo thống kê"))
        self.year = QSpinBox(self)
        self.year.setObjectName("statsYear")
        self.year.setRange(2000, 2100)
        self.period = PeriodChooser(self)
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("statsUnit")
        self.unit_combo.addItem(self.tr("Toàn cơ quan"), "")
        self.unit_combo.setMinimumWidth(360)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.separator = QComboBox(self)
        self.separator.setObjectName("csvSeparator")
        self.separator.addItem(self.tr("dấu phẩy (,), số thập phân có dấu chấm"), ",")
        self.separator.addItem(self.tr("dấu chấm phẩy (;), số thập phân có dấu phẩy"), ";")
        self.separator.setToolTip(
            self.tr("Excel cài đặt tiếng Việt thường cần dấu chấm phẩy để tách cột")
        )
        period_row = QWidget(self)
        row = QHBoxLayout(period_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.year)
        row.addWidget(self.period, 1)
        self.form.addRow(self.tr("Năm:"), period_row)
        self.form.addRow(self.tr("Đơn vị:"), self.unit_combo)
        self.form.addRow(self.tr("Tệp CSV:"), self.separator)

        self.csv_button = self._button(self.tr("Lưu CSV…"), "saveReportCsv")
        self.csv_button.clicked.connect(self.save_csv)
        self.buttons.insertWidget(3, self.csv_button)

        self.year.setValue(date.today().year)
        self.period.set_year(self.year.value())
        self.year.valueChanged.connect(self._year_changed)
        self.period.connect_changed(lambda *_: self.choices_changed())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self.choices_changed())
        self._load_units()
        self.choices_changed()

    def _load_units(self) -> None:
        ws = self.ws
        self.runner.run(
            lambda: list_units(ws), on_success=self._fill_units, on_error=self._on_error, owner=self
        )

    def _fill_units(self, units: list[str]) -> None:
        for unit in units:
            self.unit_combo.addItem(unit, unit)

    def _year_changed(self, year: int) -> None:
        self.period.set_year(year)
        self.choices_changed()

    def set_busy(self, busy: bool, text: str = "") -> None:
        super().set_busy(busy, text)
        if hasattr(self, "csv_button"):
            self.csv_button.setEnabled(not busy)

    def period_days(self) -> tuple[date, date]:
        start, end = self.period.chosen()
        year = self.year.value()
        return start or date(year, 1, 1), end or date(year, 12, 31)

    def report_key(self) -> Hashable | None:
        if not hasattr(self, "unit_combo"):
            return None  # still being built
        return ("stats", *self.period_days(), self.unit_combo.currentData())

    def make_job(self) -> Job:
        ws, (start, end), unit = self.ws, self.period_days(), str(self.unit_combo.currentData())

        def job(out: Path) -> StatsFiles:
            return print_stats(ws, out, date_from=start, date_to=end, unit=unit)

        return job

    def _name(self, suffix: str) -> str:
        start, end = self.period_days()
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            span = f"{start.year}"
        else:
            span = f"{start:%d-%m-%Y}-den-{end:%d-%m-%Y}"
        return f"Thong-ke-{span}{suffix}"

    def default_file_name(self) -> str:
        return self._name(".pdf")

    # --- CSV ------------------------------------------------------------------------------------
    def save_csv(self) -> None:
        title = self.tr("Lưu số liệu thống kê (CSV)")
        path = ask_save_path(self, title, self._name(".csv"), self.tr("Tệp CSV (*.csv)"), ".csv")
        if path is not None:
            self.save_csv_to(path)

    def save_csv_to(self, target: Path) -> None:
        delimiter = str(self.separator.currentData())

        def write(built: Built) -> None:
            files: StatsFiles = built.result

            def run() -> Path:
                from app.reports.stats import write_stats_csv  # reportlab loads on first use

                return write_stats_csv(files.report, target, delimiter=delimiter)

            self.write_file(run)

        self.with_report(write)
