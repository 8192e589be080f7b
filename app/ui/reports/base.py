"""The report window every report shares: its choices on top, the built PDF in a preview below,
and "Xem trước", "In…", "Lưu PDF…".

A report is built once per set of choices, as a PDF in the window's temporary folder, on the
task runner's "db" executor (the service opens one read transaction and streams rows into
reportlab: seconds for a big register). Preview, print and save all use that same file: what
the clerk saw is what is printed and what is saved; "Lưu PDF…" copies it atomically (temp file,
fsync, rename) so a crash never leaves half a PDF under the chosen name. Subclasses say what
their choices are (``report_key``), how to build (``make_job``) and what to call the file.
Must not: query the database or draw a report on the GUI thread.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.logs import LOG_FILE
from app.reports.model import RenderedPdf
from app.services.workspace import Workspace
from app.storage.atomic import CHUNK, atomic_write_chunks
from app.ui.errors import show_error
from app.ui.pdf.preview import PdfPreview
from app.ui.reports.printing import ask_and_print, print_pdf

Job = Callable[[Path], Any]


@dataclass(frozen=True)
class Built:
    """The PDF built for one set of choices, and what the service returned."""

    key: Hashable
    path: Path
    pages: int
    result: Any


def _chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def copy_atomically(source: Path, target: Path) -> Path:
    """Copy a built report to where the person asked for it (worker thread)."""
    atomic_write_chunks(target, _chunks(source))
    return target


def pages_of(result: Any) -> int:
    """The page count of what a ``print_*`` service returned."""
    pdf = getattr(result, "pdf", result)  # print_stats returns StatsFiles(pdf=RenderedPdf, …)
    return pdf.pages if isinstance(pdf, RenderedPdf) else 0


_last_folder: Path | None = None  # where the person saved last, this session


def save_folder() -> Path:
    if _last_folder is not None:
        return _last_folder
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs else Path.home()


def ask_save_path(
    parent: QWidget, title: str, name: str, filter_text: str, suffix: str
) -> Path | None:
    """The save dialog with ``name`` proposed; ``suffix`` added if the person typed none."""
    global _last_folder
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(save_folder() / name), filter_text)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    _last_folder = path.parent
    return path


class ReportDialog(QDialog):
    """Base of the report windows; ``saved`` carries the path of each file written."""

    built = Signal(object)  # Built
    saved = Signal(object)  # Path

    def __init__(self, ws: Workspace, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.ws, self.runner = ws, runner
        self.current: Built | None = None
        self._busy = False
        self._serial = 0
        tmp = Path(tempfile.mkdtemp(prefix="vbdt-bao-cao-"))
        self._tmp = tmp
        self.destroyed.connect(lambda *_: shutil.rmtree(tmp, ignore_errors=True))

        self.form = QFormLayout()
        # Fields keep their natural width: a volume number needs no 1,000-pixel box.
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.preview = PdfPreview(self, runner=runner)
        self.preview.setObjectName("reportPreview")
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # indeterminate: the service reports no progress
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.hide()

        self.preview_button = self._button(self.tr("Xem trước"), "previewReport")
        self.print_button = self._button(self.tr("In…"), "printReport")
        self.save_button = self._button(self.tr("Lưu PDF…"), "saveReportPdf")
        self.close_button = self._button(self.tr("Đóng"), "closeReport")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.close)
        self.buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.save_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.busy_bar)
        self.buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(self.buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        self.fit_to_screen(1100, 820)

    def fit_to_screen(self, width: int, height: int) -> None:
        """``width`` × ``height``, or 90 % of a smaller screen (1366 × 768 laptops are common)."""
        screen = self.screen()
        if screen is not None:
            avail = screen.availableGeometry()
            width = min(width, int(avail.width() * 0.9))
            height = min(height, int(avail.height() * 0.9))
        self.resize(width, height)

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    # --- what subclasses say --------------------------------------------------------------------
    def report_key(self) -> Hashable | None:
        """The current choices, or None when they are not complete (nothing to build)."""
        raise NotImplementedError

    def make_job(self) -> Job:
        """A function of the output path that builds the report; it runs on a worker, so it
        must capture the choices now, not read widgets later."""
        raise NotImplementedError

    def default_file_name(self) -> str:
        raise NotImplementedError

    def on_built(self, built: Built) -> None:
        """A report was built (hook for subclasses that keep what the service returned)."""

    # --- building -------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(not busy and self.report_key() is not None)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
        if text:
            self.status.setText(text)

    def choices_changed(self) -> None:
        """Called by subclasses when a choice changes: the buttons follow, the preview is stale."""
        if not self._busy:
            self.set_busy(False)
        key = self.report_key()
        if self.current is not None and key != self.current.key:
            self.status.setText(
                self.tr("Lựa chọn đã thay đổi: bấm «Xem trước» để tạo lại báo cáo.")
            )

    def with_report(self, then: Callable[[Built], None]) -> None:
        """Call ``then`` with the report for the current choices, building it first if needed."""
        key = self.report_key()
        if key is None or self._busy:
            return
        if self.current is not None and self.current.key == key:
            then(self.current)
            return
        self._serial += 1
        out = self._tmp / f"bao-cao-{self._serial}.pdf"
        job = self.make_job()
        self.set_busy(True, self.tr("Đang tạo báo cáo…"))
        self.runner.run(
            lambda: job(out),
            on_success=lambda result: self._on_built(
                Built(key, out, pages_of(result), result), then
            ),
            on_error=self._on_error,
            owner=self,
        )

    def _on_built(self, built: Built, then: Callable[[Built], None]) -> None:
        old = self.current
        self.current = built
        self.set_busy(False)
        self.preview.load(built.path)
        if old is not None and old.path != built.path:
            old.path.unlink(missing_ok=True)  # the preview has let go of it (load closes it)
        self.status.setText(self.tr("Báo cáo gồm {pages} trang.").format(pages=built.pages))
        self.on_built(built)
        self.built.emit(built)
        then(built)

    def _on_error(self, exc: BaseException) -> None:
        self.set_busy(False, self.tr("Không tạo được báo cáo."))
        show_error(self, exc, self.ws.log_dir / LOG_FILE)

    # --- the three buttons ----------------------------------------------------------------------
    def show_preview(self) -> None:
        self.with_report(lambda _built: None)

    def save_pdf(self) -> None:
        """Ask where, then write the PDF there."""
        if self.report_key() is None:
            return
        title = self.tr("Lưu báo cáo PDF")
        path = ask_save_path(
            self, title, self.default_file_name(), self.tr("Tệp PDF (*.pdf)"), ".pdf"
        )
        if path is not None:
            self.save_pdf_to(path)

    def save_pdf_to(self, target: Path) -> None:
        self.with_report(lambda built: self.write_file(lambda: copy_atomically(built.path, target)))

    def write_file(self, write: Callable[[], Path]) -> None:
        """Run a file write on the worker, then say where the file went."""
        self.set_busy(True, self.tr("Đang lưu…"))
        self.runner.run(write, on_success=self._on_saved, on_error=self._on_error, owner=self)

    def _on_saved(self, path: Path) -> None:
        self.set_busy(False, self.tr("Đã lưu: {path}").format(path=str(path)))
        self.saved.emit(path)

    def print_report(self) -> None:
        """The system print dialog, then the pages (on this thread: QPainter belongs to it)."""
        self.with_report(self._print_with_dialog)

    def _print_with_dialog(self, built: Built) -> None:
        try:
            printed = ask_and_print(self, built.path)
        except Exception as exc:  # a printer problem is shown, never a traceback
            self._on_error(exc)
            return
        if printed:
            self.status.setText(self.tr("Đã gửi {pages} trang tới máy in.").format(pages=printed))

    def print_to(self, printer: QPrinter) -> None:
        """Print on a printer already set up (no dialog): for a saved printer choice and tests."""

        def run(built: Built) -> None:
            try:
                print_pdf(built.path, printer)
            except Exception as exc:
                self._on_error(exc)

        self.with_report(run)

    def done(self, result: int) -> None:
        self.preview.document.close()  # let go of the temporary PDF before its folder goes
        super().done(result)
