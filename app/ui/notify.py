"""System-tray notifications: new incoming documents, urgent ones apart, deadlines due today.

What to say comes from ``app.services.notifications`` (a worker looks after every refresh and
once a minute, since a sync elsewhere in the office also brings documents); this module only
words it in Vietnamese and shows it. Clicking the message opens the document, or the incoming
queue when it names several. Without a system tray (the offscreen platform, some desktops) it
does nothing, silently.
"""

from __future__ import annotations

import logging
from collections import deque
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from app import APP_NAME
from app.domain.queues import URGENCY_LABELS, Queue
from app.services import notifications
from app.services.notifications import Notice, NoticeKind, WatchedDocument
from app.services.workspace import Workspace
from app.ui.i18n.domain_labels import urgency_label

log = logging.getLogger(__name__)

CHECK_MS = 60_000
MESSAGE_MS = 10_000  # how long one message stays; the next waits for it
SHOWN_LINES = 3
SUBJECT_CHARS = 80


class TrayNotifier(QObject):
    """Owns the tray icon (if there is a tray) and shows the service's notices one at a time."""

    open_document = Signal(int)
    open_queue = Signal(object)  # a Queue

    def __init__(
        self,
        ws: Workspace,
        runner: object,
        parent: QWidget,
        *,
        tray: QSystemTrayIcon | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws, self.runner = ws, runner
        if tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            tray = QSystemTrayIcon(self._icon(parent), self)
            tray.setToolTip(APP_NAME)
            tray.show()
        self.tray = tray
        self.current: Notice | None = None  # the message on screen, for a click
        self.last_message: tuple[str, str] | None = None
        self._waiting: deque[Notice] = deque()
        self._busy = False
        self._next = QTimer(self)
        self._next.setSingleShot(True)
        self._next.setInterval(MESSAGE_MS)
        self._next.timeout.connect(self._show_next)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        if tray is not None:
            tray.messageClicked.connect(self._clicked)
            tray.activated.connect(lambda _reason: self._raise_window())
            self.timer.start()

    @property
    def active(self) -> bool:
        return self.tray is not None

    @staticmethod
    def _icon(parent: QWidget) -> QIcon:
        icon = parent.windowIcon()
        if icon.isNull():
            icon = QApplication.windowIcon()
        if icon.isNull():
            icon = parent.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView)
        return icon

    # --- looking ----------------------------------------------------------------------------
    def check(self, now: datetime | None = None) -> None:
        """Ask the service what is new (on the "db" worker); one look at a time."""
        if self.tray is None or self._busy:
            return
        self._busy = True
        ws, moment = self.ws, now or datetime.now(UTC)

        def failed(exc: BaseException) -> None:
            self._busy = False
            log.warning("checking for notifications failed", exc_info=exc)

        self.runner.run(  # type: ignore[attr-defined]
            lambda: notifications.check(ws, moment),
            on_success=self._checked,
            on_error=failed,
            owner=self,
        )

    def _checked(self, notices: list[Notice]) -> None:
        self._busy = False
        self._waiting.extend(notices)
        if not self._next.isActive():
            self._show_next()

    def _show_next(self) -> None:
        if not self._waiting or self.tray is None:
            return
        notice = self._waiting.popleft()
        title, text = self.words(notice)
        self.current, self.last_message = notice, (title, text)
        icon = (
            QSystemTrayIcon.MessageIcon.Warning
            if notice.kind is not NoticeKind.NEW
            else QSystemTrayIcon.MessageIcon.Information
        )
        self.tray.showMessage(title, text, icon, MESSAGE_MS)
        self._next.start()

    # --- words ------------------------------------------------------------------------------
    def words(self, notice: Notice) -> tuple[str, str]:
        """The title and the body of a notice, in the UI language."""
        n = len(notice.documents)
        if notice.kind is NoticeKind.URGENT:
            title = (
                self.tr("Văn bản khẩn mới đến")
                if n == 1
                else self.tr("{n} văn bản khẩn mới đến").format(n=n)
            )
        elif notice.kind is NoticeKind.NEW:
            title = (
                self.tr("Văn bản đến mới") if n == 1 else self.tr("{n} văn bản đến mới").format(n=n)
            )
        else:
            title = (
                self.tr("Văn bản đến hạn xử lý hôm nay")
                if n == 1
                else self.tr("{n} văn bản đến hạn xử lý hôm nay").format(n=n)
            )
        lines = [self._line(notice.kind, doc) for doc in notice.documents[:SHOWN_LINES]]
        if n > SHOWN_LINES:
            lines.append(self.tr("… và {n} văn bản khác").format(n=n - SHOWN_LINES))
        return title, "\n".join(lines)

    def _line(self, kind: NoticeKind, doc: WatchedDocument) -> str:
        subject = doc.subject if len(doc.subject) <= SUBJECT_CHARS else doc.subject[:79] + "…"
        line = self.tr("{code} — {subject}").format(code=doc.code or "…", subject=subject)
        if kind is NoticeKind.URGENT and 0 <= doc.urgency < len(URGENCY_LABELS):
            urgency = urgency_label(doc.urgency)  # the domain's words, as in the tables
            line = self.tr("[{urgency}] {line}").format(urgency=urgency, line=line)
        return line

    # --- clicks -----------------------------------------------------------------------------
    def _clicked(self) -> None:
        notice = self.current
        if notice is None:
            return
        self._raise_window()
        if len(notice.documents) == 1:
            self.open_document.emit(notice.documents[0].id)
        else:
            self.open_queue.emit(Queue.INCOMING)

    def _raise_window(self) -> None:
        window = self.parent()
        if isinstance(window, QWidget):
            window.showNormal() if window.isMinimized() else window.show()
            window.raise_()
            window.activateWindow()
