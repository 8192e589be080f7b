"""The main window: composes the panels, the menus and the status bar; holds no business logic.

Every load goes through the task runner ("db" executor); results come back on the GUI thread and
are dropped if the person has meanwhile moved to another queue.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.domain.queues import QUEUE_BY_ID, Queue
from app.domain.roles import Action, can
from app.domain.types import Direction
from app.logs import LOG_FILE
from app.services.documents import Actor
from app.services.lookups import PersonOption, local_people
from app.services.queues import DocumentRow, Overview, list_queue, load_overview
from app.services.workspace import Workspace
from app.ui.dialogs.draft_form import PdfDropFilter
from app.ui.dialogs.sign_in import ask_person, queues_for
from app.ui.dialogs.sync_status import SyncStatus
from app.ui.document.action_bar import ActionBar
from app.ui.document.actions import ActionController
from app.ui.document.receive_file import FileReceiver, PackageDropFilter
from app.ui.errors import show_error
from app.ui.i18n.domain_labels import domain_label
from app.ui.notify import TrayNotifier
from app.ui.panels.document_list import DocumentListPanel
from app.ui.panels.sidebar import QueueSidebar
from app.ui.reports import build_reports_menu
from app.ui.tasks import SyncTaskRunner, TaskRunner

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner | SyncTaskRunner,
        *,
        demo: bool = False,
        actor: Actor | None = None,
        prompts: object | None = None,
        verifier: object | None = None,
        tray: QSystemTrayIcon | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.demo = demo
        self.prompts, self.verifier = prompts, verifier
        self.document_windows: list[QWidget] = []
        self._agency_name = ""
        self._generation = 0  # bumped on every queue load; stale results are dropped

        self.setObjectName("mainWindow")
        self.actor: Actor | None = None  # set_actor() below; menus built before it read it
        self._update_title()
        self.sidebar = QueueSidebar(self)
        self.documents = DocumentListPanel(self)
        self.controller = ActionController(ws, runner, self, prompts=prompts, verifier=verifier)
        self.receiver = FileReceiver(
            ws, runner, self, lambda: self.actor.username if self.actor else None,
            verifier=verifier,
        )  # fmt: skip
        self.list_actions = ActionBar(self.controller, self)
        self._build_central()
        self._build_status_bar()
        self._build_menus()

        self.sidebar.queue_selected.connect(self.load_queue)
        self.documents.search.textChanged.connect(self._update_status)
        self.documents.document_activated.connect(self.open_document)
        self.documents.table.selectionModel().currentRowChanged.connect(self._update_list_actions)
        self.controller.done.connect(lambda _result: self.refresh())
        self.controller.send_now = self.sync_status.sync_now  # urgent documents go out at once
        self._initial_size()
        self.drop_filter = PdfDropFilter(self, self.controller.new_draft)
        self.package_drop_filter = PackageDropFilter(self, self.receive_package)
        self.receiver.received.connect(self._on_received)
        self.receiver.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.receiver.busy.connect(lambda busy: self.receive_action.setEnabled(not busy))
        self.notifier = TrayNotifier(ws, runner, self, tray=tray)  # tests pass a tray
        self.notifier.open_document.connect(self.open_document)
        self.notifier.open_queue.connect(self.sidebar.select_queue)
        self.set_actor(actor)

        # The first queue's rows first: one "db" worker runs the loads in order, and the rows
        # are what makes the window usable; the counts follow a moment later.
        self.sidebar.select_queue(Queue.INCOMING)  # loads its rows
        self.refresh_counts()

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
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list_actions)
        column.addWidget(self.documents, 1)
        splitter.addWidget(right)
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
        self.user_label = QLabel(self)
        self.user_label.setObjectName("signedInUser")
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.sync_status = SyncStatus(self.ws, self.runner, self.network_label, self)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.statusBar().addPermanentWidget(self.network_label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        self.new_draft_action = QAction(self.tr("&Văn bản đi mới từ PDF…"), self)
        self.new_draft_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_draft_action.triggered.connect(self.ask_new_draft)
        file_menu.addAction(self.new_draft_action)
        self.receive_action = QAction(self.tr("Nhận văn bản từ &tệp…"), self)
        self.receive_action.setShortcut(QKeySequence("Ctrl+O"))
        self.receive_action.triggered.connect(self.ask_receive_file)
        file_menu.addAction(self.receive_action)
        self.switch_user_action = QAction(self.tr("Đổi người &dùng…"), self)
        self.switch_user_action.triggered.connect(self.switch_user)
        file_menu.addAction(self.switch_user_action)
        self.settings_action = QAction(self.tr("&Cài đặt…"), self)
        self.settings_action.triggered.connect(self.show_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
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
        self.reports_menu = build_reports_menu(self, lambda: self.ws, lambda: self.actor)
        self.menuBar().addMenu(self.reports_menu)

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

    # --- person and documents -----------------------------------------------------------------
    def set_actor(self, actor: Actor | None) -> None:
        """The signed-in person: their role decides the queues shown and the action buttons."""
        self.actor = actor
        self.controller.actor = actor
        for window in self.document_windows:
            window.controller.actor = actor
        self.sidebar.show_only(queues_for(actor.role if actor else None))
        visible = self.sidebar.visible_queues()
        current = self.sidebar.current_queue()
        if current is not None and current not in visible:
            self.sidebar.select_queue(visible[0])
        self.user_label.setText(
            self.tr("Người dùng: {name}").format(name=actor.full_name) if actor else ""
        )
        self.settings_action.setEnabled(actor is None or can(actor.role, Action.SETTINGS))
        self.new_draft_action.setEnabled(self.controller.can_draft())
        self.new_draft_action.setToolTip(
            "" if self.controller.can_draft() else self.tr("Chỉ chuyên viên soạn dự thảo")
        )
        receiving = self.can_receive()
        self.receive_action.setEnabled(receiving and not self.receiver.running)
        self.receive_action.setToolTip(
            "" if receiving else self.tr("Chỉ văn thư nhận văn bản đến từ tệp")
        )
        self._update_list_actions()

    def can_receive(self) -> bool:
        # receive_file checks the stored signatures first: the clerk's VERIFY right.
        return self.actor is not None and can(self.actor.role, Action.VERIFY)

    def ask_receive_file(self) -> None:
        if self.can_receive():
            self.receiver.ask()

    def receive_package(self, path: Path) -> None:
        """An edXML package dropped on the window: received as from the menu (clerks only)."""
        if self.can_receive():
            self.receiver.receive(path)
        else:
            self.statusBar().showMessage(self.tr("Chỉ văn thư nhận văn bản đến từ tệp."), 15000)

    def _on_received(self, doc_id: int) -> None:
        self.refresh()
        self.open_document(doc_id)

    def ask_new_draft(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp PDF dự thảo"), "", self.tr("Tệp PDF (*.pdf)")
        )
        if path:
            self.controller.new_draft(Path(path))

    def show_settings(self) -> None:
        from app.ui.dialogs.settings_dialog import SettingsDialog

        SettingsDialog(self.ws, self.runner, self).exec()

    def switch_user(self) -> None:
        def ask(people: list[PersonOption]) -> None:
            actor = ask_person(self.ws, self, people)
            if actor is not None:
                self.set_actor(actor)

        ws = self.ws
        self.runner.run(
            lambda: local_people(ws), on_success=ask, on_error=self._on_load_error, owner=self
        )

    def open_document(self, doc_id: int) -> QWidget:
        # Imported on first use: the view pulls in the verification engine and pyhanko, which
        # would otherwise cost about a second at every start.
        from app.ui.document.view import DocumentWindow

        window = DocumentWindow(
            self.ws, self.runner, doc_id, actor=self.actor,
            verifier=self.verifier, prompts=self.prompts, parent=self,
        )  # fmt: skip
        window.controller.send_now = self.sync_status.sync_now  # urgent documents go out at once
        window.changed.connect(lambda _result: self.refresh())
        window.destroyed.connect(lambda: self.document_windows.remove(window))
        self.document_windows.append(window)
        window.show()
        return window

    def _update_list_actions(self, *_args: object) -> None:
        doc_id = self.documents.current_document_id()
        row = next((r for r in self.documents.visible_rows() if r.id == doc_id), None)
        if row is None:
            self.list_actions.clear()
            return
        self.list_actions.set_document(row.id, row.direction, row.state, row.secrecy)

    # --- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """F5: reload the counts and the current queue."""
        self.refresh_counts()
        queue = self.sidebar.current_queue()
        if queue is not None:
            self.load_queue(queue)

    def refresh_counts(self) -> None:
        ws = self.ws
        self.sync_status.refresh()
        self.notifier.check()
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
        self._update_list_actions()

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
        label = domain_label(QUEUE_BY_ID[queue].label)
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
