"""Receiving an edXML package from a file (a USB stick, an e-mail attachment) in the GUI: the
clerk picks it in a file dialog or drops it on the main window; ``receive_file`` (parse, store,
verify, record, queue the 01) runs on the "db" executor with a busy cursor; the new document
opens. The same package received twice opens the document it already made.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.logs import LOG_FILE
from app.services.workspace import Workspace
from app.ui.errors import show_error

if TYPE_CHECKING:  # receiving pulls the edXML codec and lxml: loaded on first use, not at start
    from app.services.documents import ReceiveOutcome, StatusOutcome

PACKAGE_SUFFIXES = (".edxml", ".xml")


def package_paths(urls: list[Any]) -> list[Path]:
    return [
        Path(u.toLocalFile()) for u in urls if u.toLocalFile().lower().endswith(PACKAGE_SUFFIXES)
    ]


class FileReceiver(QObject):
    """``receive(path)`` for the signed-in clerk; ``received(doc_id)`` when a document came in
    (new or already known), ``message(text)`` for the status bar, ``busy(bool)`` around it."""

    received = Signal(int)
    message = Signal(str)
    busy = Signal(bool)

    def __init__(
        self,
        ws: Workspace,
        runner: Any,
        parent: QWidget,
        username: Callable[[], str | None],
        *,
        verifier: Any = None,
    ) -> None:
        super().__init__(parent)
        self.ws, self.runner, self.widget = ws, runner, parent
        self.username, self.verifier = username, verifier
        self.running = False

    def ask(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.widget,
            self.tr("Chọn gói tin văn bản điện tử"),
            "",
            self.tr("Gói tin edXML (*.edxml *.xml);;Mọi tệp (*)"),
        )
        if path:
            self.receive(Path(path))

    def receive(self, path: Path) -> None:
        username = self.username()
        if username is None or self.running:
            return
        ws, verifier = self.ws, self.verifier
        self.running = True
        self.busy.emit(True)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.message.emit(self.tr("Đang nhận văn bản từ tệp {name}…").format(name=path.name))
        self.runner.run(
            lambda: _receive(ws, username, path, verifier),
            on_success=self._done,
            on_error=self._failed,
            owner=self,
        )

    def _finish(self) -> None:
        self.running = False
        QGuiApplication.restoreOverrideCursor()
        self.busy.emit(False)

    def _done(self, outcome: ReceiveOutcome | StatusOutcome) -> None:
        from app.services.documents import StatusOutcome

        self._finish()
        doc = outcome.document
        if isinstance(outcome, StatusOutcome):
            self.message.emit(
                self.tr("Đã ghi nhận thông báo trạng thái của văn bản {code}.").format(
                    code=doc.code
                )
            )
            return
        if outcome.duplicate:
            text = self.tr("Văn bản {code} đã nhận trước đây: mở văn bản đã có.")
        elif not outcome.addressed_to_us:
            text = self.tr("Đã nhận văn bản {code} (gói tin không ghi cơ quan mình là nơi nhận).")
        else:
            text = self.tr("Đã nhận văn bản {code}.")
        self.message.emit(text.format(code=doc.code))
        self.received.emit(doc.id)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.message.emit(self.tr("Chưa nhận được văn bản từ tệp."))
        show_error(self.widget, exc, self.ws.log_dir / LOG_FILE)


class PackageDropFilter(QObject):
    """Installed on a window: an edXML package dropped on it calls ``on_package(path)`` (PDF
    drops are left to ``PdfDropFilter``, which makes a draft of them)."""

    def __init__(self, target: QWidget, on_package: Callable[[Path], None]) -> None:
        super().__init__(target)
        self.on_package = on_package
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if package_paths(event.mimeData().urls()):
                event.acceptProposedAction()
                return True
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = package_paths(event.mimeData().urls())
            if paths:
                event.acceptProposedAction()
                self.on_package(paths[0])
                return True
        return False


def _receive(ws: Workspace, username: str, path: Path, verifier: Any) -> Any:
    from app.services.documents import receive_file

    return receive_file(ws, username, path, verifier=verifier)
