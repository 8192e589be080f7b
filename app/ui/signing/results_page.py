"""The results side of the signing window: progress, the per-file table, and a way to the signed
copies. Counts come from the table's rows, so a resumed batch shows the files signed before.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.signing import SignOutcome
from app.ui.signing.results import ResultsModel


class ResultsPage(QWidget):
    """A progress bar over the results table; ``folder`` is where the signed copies went."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.progress = QProgressBar(self)
        self.results = ResultsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.results)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.open_folder_button = QPushButton(self.tr("Mở thư mục bản đã ký"), self)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignLeft)

    def start(self, total: int, folder: Path | None) -> None:
        """``folder`` None: the signed file went into the document store, not a folder."""
        self.folder = folder
        self.progress.setRange(0, total)
        self.count()

    def set_outcome(self, row: int, outcome: SignOutcome) -> None:
        self.results.set_outcome(row, outcome)
        self.count()

    def count(self) -> None:
        signed = [o for o in self.results.outcomes() if o.ok]
        self.progress.setValue(len(signed))
        self.open_folder_button.setVisible(bool(signed) and self.folder is not None)

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
