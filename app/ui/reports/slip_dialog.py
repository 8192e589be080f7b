"""Phiếu giải quyết văn bản đến for one incoming document: built as soon as the window opens,
then print or save it (see ``base``). ``open_slip`` is what the document window calls."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from app.reports.model import RenderedPdf
from app.services.reports import print_slip
from app.services.workspace import Workspace
from app.ui.reports.base import Job, ReportDialog
from app.ui.reports.menu import runner_of
from app.ui.tasks import TaskRunner


class SlipDialog(ReportDialog):
    def __init__(
        self, ws: Workspace, runner: Any, doc_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ws, runner, parent)
        self.setObjectName("slipReportDialog")
        self.setWindowTitle(self.tr("Phiếu giải quyết văn bản đến"))
        self.doc_id = doc_id
        self.preview_button.setText(self.tr("Tạo lại"))
        self.preview_button.setToolTip(self.tr("Tạo lại phiếu với tình hình xử lý mới nhất"))
        self.preview_button.clicked.disconnect()
        self.preview_button.clicked.connect(self.rebuild)
        self.fit_to_screen(900, 900)
        self.set_busy(False)
        self.show_preview()

    def report_key(self) -> Hashable | None:
        return ("slip", getattr(self, "doc_id", None), getattr(self, "_generation", 0))

    def rebuild(self) -> None:
        """Build again: the processing may have moved on since the window opened."""
        self._generation = getattr(self, "_generation", 0) + 1
        self.show_preview()

    def make_job(self) -> Job:
        ws, doc_id = self.ws, self.doc_id

        def job(out: Path) -> RenderedPdf:
            return print_slip(ws, doc_id, out)

        return job

    def default_file_name(self) -> str:
        return f"Phieu-giai-quyet-VB{self.doc_id}.pdf"


def open_slip(parent: QWidget | None, workspace: Workspace, doc_id: int) -> SlipDialog:
    """Show the processing slip of incoming document ``doc_id`` in its own window."""
    runner = runner_of(parent)
    own: TaskRunner | None = None
    if runner is None:
        own = runner = TaskRunner()
    dialog = SlipDialog(workspace, runner, doc_id, parent)
    if own is not None:  # a runner of its own, stopped with the window (the lambda keeps it)
        dialog.destroyed.connect(lambda *_: own.shutdown(wait=False))
    dialog.show()
    return dialog
