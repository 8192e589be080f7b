"""The document window: the PDF (pages, zoom) beside tabs for the facts, the signatures in plain
words and the history; the action bar on top. Loading and verification run on the task runner
(verification on the "net" executor: it can take seconds and must not queue the database work).
"In văn bản…" (Ctrl+P) prints the current main PDF as the preview shows it, signature and seal
images included (the preview's in-memory copy from ``app.ui.pdf.appearances``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.types import Direction
from app.errors import UserCancelled
from app.reports.verification import render_verification_report
from app.services.documents import Actor, default_verifier
from app.services.workspace import Workspace
from app.signing.verify import DocumentVerdict
from app.ui.document.action_bar import ActionBar
from app.ui.document.actions import ActionController
from app.ui.document.info_panel import HistoryList, InfoPanel
from app.ui.document.loading import Loaded, load_document
from app.ui.document.signature_panel import SignaturePanel
from app.ui.errors import show_error
from app.ui.pdf.appearances import widgets_as_stamps
from app.ui.pdf.preview import PdfPreview
from app.ui.reports import open_slip
from app.ui.reports.printing import ask_and_print, print_pdf


class DocumentWindow(QWidget):
    """One document; ``changed`` after a workflow step succeeded here."""

    changed = Signal(object)  # the service's result
    printed = Signal(int)  # pages sent to the printer (0: the print dialog was closed)

    def __init__(
        self,
        ws: Workspace,
        runner: Any,
        doc_id: int,
        *,
        actor: Actor | None,
        verifier: Any = None,
        prompts: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("documentWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ws, self.runner, self.doc_id = ws, runner, doc_id
        self.verifier = verifier or default_verifier(ws)
        self.loaded: Loaded | None = None
        self.verdict: DocumentVerdict | None = None

        self.controller = ActionController(
            ws, runner, self, prompts=prompts, verifier=self.verifier
        )
        self.controller.actor = actor
        self.controller.done.connect(self._on_action_done)
        self.actions_bar = ActionBar(self.controller, self)
        self.title = QLabel(self)
        self.title.setObjectName("documentTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold")

        self.preview = PdfPreview(self, runner=runner)
        self.info = InfoPanel(self)
        self.signatures = SignaturePanel(runner, self)
        self.history = HistoryList(self)
        self.report_button = QPushButton(self.tr("Lưu báo cáo kiểm tra…"), self)
        self.report_button.setObjectName("saveVerificationReport")
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self._ask_report_path)
        sig_tab = QWidget(self)
        sig_layout = QVBoxLayout(sig_tab)
        sig_layout.addWidget(self.signatures, 1)
        self.report_note = QLabel(self)
        self.report_note.setObjectName("reportNote")
        self.report_note.setWordWrap(True)
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_note, 1)
        report_row.addWidget(self.report_button)
        sig_layout.addLayout(report_row)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.info, self.tr("Thông tin"))
        self.tabs.addTab(sig_tab, self.tr("Chữ ký số"))
        self.tabs.addTab(self.history, self.tr("Lịch sử"))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.preview)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 480])
        # The processing slip (phiếu giải quyết) exists only for incoming documents.
        self.slip_button = QPushButton(self.tr("Phiếu giải quyết…"), self)
        self.slip_button.setObjectName("openSlip")
        self.slip_button.hide()
        self.slip_button.clicked.connect(lambda: open_slip(self, self.ws, self.doc_id))
        self.print_button = QPushButton(self.tr("In văn bản…"), self)
        self.print_button.setObjectName("printDocument")
        self.print_button.setToolTip(self.tr("In văn bản đang xem, kèm chữ ký và con dấu (Ctrl+P)"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(lambda: self.print_document())
        print_keys = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        print_keys.activated.connect(lambda: self.print_document())
        self.print_note = QLabel(self)
        self.print_note.setObjectName("printNote")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.print_note)
        top.addWidget(self.print_button)
        top.addWidget(self.slip_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.actions_bar)
        layout.addWidget(splitter, 1)
        self.resize(1280, 860)
        self.setWindowTitle(self.tr("Văn bản"))
        self.reload()

    # --- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        ws, doc_id = self.ws, self.doc_id
        self.runner.run(
            lambda: load_document(ws, doc_id),
            on_success=self._on_loaded,
            on_error=self._on_error,
            owner=self,
        )

    def _on_loaded(self, loaded: Loaded) -> None:
        old = self.loaded
        self.loaded = loaded
        doc = loaded.details.document
        self.title.setText(
            self.tr("{code} — {subject}").format(code=doc.code or doc.kind, subject=doc.subject)
        )
        self.setWindowTitle(self.tr("Văn bản {code}").format(code=doc.code or doc.id))
        self.info.set_details(loaded.details)
        self.history.set_events(loaded.details.events)
        self.actions_bar.set_document(doc.id, doc.direction, doc.state, doc.secrecy)
        self.slip_button.setVisible(doc.direction is Direction.INCOMING)
        self.print_button.setEnabled(loaded.main_path is not None)
        if loaded.main_path is None:
            self.signatures.set_message(self.tr("Văn bản không có tệp PDF chính."))
            return
        if old is None or old.main_path != loaded.main_path:
            self.preview.load(loaded.main_path)
            self._verify(loaded.main_path)

    def _verify(self, path: Path) -> None:
        self.signatures.set_message(self.tr("Đang kiểm tra chữ ký số…"))
        self.report_button.setEnabled(False)
        verify = self.verifier
        self.runner.run(
            lambda: verify(path),
            on_success=lambda verdict: self._on_verdict(verdict, path),
            on_error=self._on_verify_error,
            kind="net",
            owner=self,
        )

    def _on_verdict(self, verdict: DocumentVerdict, path: Path) -> None:
        self.verdict = verdict
        self.signatures.set_verdict(verdict, path)
        self.report_button.setEnabled(bool(self.signatures.cards))

    def _on_verify_error(self, exc: BaseException) -> None:
        self.signatures.set_message(self.tr("Không kiểm tra được chữ ký số."))
        show_error(self, exc)

    def _on_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _on_action_done(self, result: Any) -> None:
        self.changed.emit(result)
        self.reload()

    # --- printing ---------------------------------------------------------------------------
    def print_document(self, printer: QPrinter | None = None) -> None:
        """Print the current main PDF: the system print dialog, or ``printer`` as set up."""
        loaded = self.loaded
        if loaded is None or loaded.main_path is None or not self.print_button.isEnabled():
            return
        path = loaded.main_path
        self.print_button.setEnabled(False)
        self.print_note.setText(self.tr("Đang chuẩn bị bản in…"))

        def ready(data: bytes | None) -> None:
            # QPainter on a printer and QPdfDocument belong to the GUI thread: print here.
            self.print_button.setEnabled(True)
            self.print_note.setText("")
            try:
                if printer is None:
                    pages = ask_and_print(self, path, data=data, title=self.tr("In văn bản"))
                else:
                    pages = print_pdf(path, printer, data=data)
            except UserCancelled:
                return
            except Exception as exc:  # a printer problem is shown, never a traceback
                show_error(self, exc)
                return
            if pages:
                self.print_note.setText(
                    self.tr("Đã gửi {pages} trang tới máy in.").format(pages=pages)
                )
            self.printed.emit(pages)

        def failed(exc: BaseException) -> None:
            self.print_button.setEnabled(True)
            self.print_note.setText("")
            show_error(self, exc)

        # The stamped copy parses the file with pyhanko (slow for big files): on a worker.
        self.runner.run(
            lambda: widgets_as_stamps(path),
            on_success=ready,
            on_error=failed,
            kind="db",
            owner=self,
        )

    # --- report -----------------------------------------------------------------------------
    def _ask_report_path(self) -> None:
        name = "bao-cao-kiem-tra-chu-ky.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu báo cáo kiểm tra"), name, self.tr("Tệp PDF (*.pdf)")
        )
        if path:
            self.save_report(Path(path))

    def save_report(self, out: Path) -> None:
        """Write the verification report of the shown verdict to ``out`` (worker)."""
        verdict, loaded = self.verdict, self.loaded
        if verdict is None or loaded is None:
            return
        doc = loaded.details.document
        title = " — ".join(x for x in (doc.code, doc.subject) if x)

        def render() -> Path:
            return render_verification_report(
                verdict, document_title=title, file_name=loaded.main_name, out_path=out
            )

        self.runner.run(
            render,
            on_success=lambda p: self.report_note.setText(
                self.tr("Đã lưu báo cáo: {path}").format(path=str(p))
            ),
            on_error=self._on_error,
            owner=self,
        )
