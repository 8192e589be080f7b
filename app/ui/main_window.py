"""The main window: composes the panels, the menus and the status bar; holds no business logic.

Every load goes through the task runner ("db" executor); results come back on the GUI thread and
are dropped if the person has meanwhile moved to another queue.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QWidget

from app import APP_NAME, __version__
from app.domain.queues import QUEUE_BY_ID, Queue
from app.domain.types import Direction
from app.logs import LOG_FILE
from app.services.queues import DocumentRow, Overview, list_queue, load_overview
from app.services.workspace import Workspace
from app.ui.errors import show_error
from app.ui.panels.document_list import DocumentListPanel
from app.ui.panels.sidebar import QueueSidebar
from app.ui.tasks import SyncTaskRunner, TaskRunner

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner | SyncTaskRunner,
        *,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.demo = demo
        self._agency_name = ""
        self._generation = 0  # bumped on every queue load; stale results are dropped

        self.setObjectName("mainWindow")
        self._update_title()
        self.sidebar = QueueSidebar(self)
        self.documents = DocumentListPanel(self)
        self._build_central()
        self._build_status_bar()
        self._build_menus()

        self.sidebar.queue_selected.connect(self.load_queue)
        self.documents.search.textChanged.connect(self._update_status)
        self._initial_size()

        self.refresh_counts()
        self.sidebar.select_queue(Queue.INCOMING)  # loads its rows

    # --- layout ---------------------------------------------------------------------------------
    def _initial_size(self) -> None:
        # Most of the screen: the subject column is what clerks read, give it room.
        width, height = 1280, 800
        screen = self.screen()
        if screen is not None:
            avail = screen.availableGeometry()
            width = max(min(int(avail.width() * 0.9), 1600), min(avail.width(), 1024))
            height = max(min(int(avail.height() * 0.9), 1000), min(avail.height(), 640))
        self.resize(width, height)

    def _build_central(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.documents)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self.sidebar.sizeHint().width(), 1000])
        splitter.setContentsMargins(8, 8, 8, 4)
        self.setCentralWidget(splitter)

    def _build_status_bar(self) -> None:
        self.status_label = QLabel(self)
        self.network_label = QLabel(self.tr("Ngoại tuyến"), self)
        self.network_label.setObjectName("networkStatus")
        self.network_label.setToolTip(self.tr("Chưa kết nối trục liên thông"))
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.network_label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        self.quit_action = QAction(self.tr("Th&oát"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&Xem"))
        self.refresh_action = QAction(self.tr("&Làm mới"), self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.triggered.connect(self.refresh)
        view_menu.addAction(self.refresh_action)
        self.search_action = QAction(self.tr("&Tìm kiếm"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+F"))
        self.search_action.triggered.connect(self.documents.focus_search)
        view_menu.addAction(self.search_action)

        self._build_signing_menu()

        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        self.about_action = QAction(self.tr("&Giới thiệu"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _build_signing_menu(self) -> None:
        # Lazy import inside the slots: pyhanko loads only when a signing window opens.
        def sign() -> None:
            from app.ui.signing import open_sign_dialog

            open_sign_dialog(self, self.ws, self.runner, [], "leader")

        def doctor() -> None:
            from app.ui.signing import open_token_doctor

            open_token_doctor(self, self.ws, self.runner)

        self.sign_action = QAction(self.tr("&Ký văn bản PDF…"), self)
        self.sign_action.setShortcut(QKeySequence("Ctrl+K"))
        self.sign_action.triggered.connect(sign)
        self.token_doctor_action = QAction(self.tr("Kiểm tra &USB token…"), self)
        self.token_doctor_action.triggered.connect(doctor)
        menu = self.menuBar().addMenu(self.tr("&Ký số"))
        menu.addActions([self.sign_action, self.token_doctor_action])

    # --- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """F5: reload the counts and the current queue."""
        self.refresh_counts()
        queue = self.sidebar.current_queue()
        if queue is not None:
            self.load_queue(queue)

    def refresh_counts(self) -> None:
        ws = self.ws
        self.runner.run(
            lambda: load_overview(ws),
            on_success=self._on_overview,
            on_error=self._on_load_error,
            owner=self,
        )

    def load_queue(self, queue: Queue) -> None:
        self._generation += 1
        generation, ws = self._generation, self.ws
        self.documents.set_loading()
        self._update_status()
        self.runner.run(
            lambda: list_queue(ws, queue),
            on_success=lambda rows: self._on_rows(generation, queue, rows),
            on_error=self._on_load_error,
            owner=self,
        )

    def _on_overview(self, overview: Overview) -> None:
        self._agency_name = overview.agency_name
        self._update_title()
        self.sidebar.set_counts(overview.counts)

    def _on_rows(self, generation: int, queue: Queue, rows: list[DocumentRow]) -> None:
        if generation != self._generation:
            return  # the person has moved on; a newer load is coming
        # Only incoming documents have a sender worth a column.
        show_sender = QUEUE_BY_ID[queue].direction is not Direction.OUTGOING
        self.documents.set_rows(rows, show_sender=show_sender)
        self._update_status()

    def _on_load_error(self, exc: BaseException) -> None:
        log.error("loading failed", exc_info=exc)
        self.status_label.setText(self.tr("Không tải được dữ liệu."))
        show_error(self, exc, self.log_path)

    # --- texts ----------------------------------------------------------------------------------
    @property
    def log_path(self) -> Path:
        return self.ws.log_dir / LOG_FILE

    def _update_title(self) -> None:
        title = APP_NAME
        if self._agency_name:
            title = self.tr("{app} — {agency}").format(app=APP_NAME, agency=self._agency_name)
        if self.demo:
            title = self.tr("{title} (trình diễn)").format(title=title)
        self.setWindowTitle(title)

    def _update_status(self) -> None:
        queue = self.sidebar.current_queue()
        if queue is None:
            self.status_label.clear()
            return
        label = QUEUE_BY_ID[queue].label
        if self.documents.loading:
            self.status_label.setText(self.tr("{queue}: đang tải…").format(queue=label))
            return
        shown, total = len(self.documents.visible_rows()), self.documents.total_count()
        if shown == total:
            text = self.tr("{queue}: {total} văn bản").format(queue=label, total=total)
        else:
            text = self.tr("{queue}: hiển thị {shown}/{total} văn bản").format(
                queue=label, shown=shown, total=total
            )
        self.status_label.setText(text)

    def show_about(self) -> None:
        text = self.tr(
            "{app}\nPhiên bản {version}\n\n"
            "Quản lý văn bản điện tử, ký số bằng USB token và liên thông văn bản.\n\n"
            "Thư mục dữ liệu: {data_dir}"
        ).format(app=APP_NAME, version=__version__, data_dir=str(self.ws.data_dir))
        QMessageBox.about(self, self.tr("Giới thiệu {app}").format(app=APP_NAME), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._generation += 1  # results still in flight are for nobody
        super().closeEvent(event)
