"""``QtPinPrompter``: the token layer's ``PinPrompter`` for the desktop.

The token layer calls it ON THE TOKEN THREAD. Widgets may only be touched on the GUI thread, so
each question travels as an object through a queued signal to this QObject (which lives in the
GUI thread); the GUI opens a window-modal dialog without a nested event loop, and the token
thread waits on a ``threading.Event`` for the answer. Waiting polls ``closed`` so closing the
window releases a waiting token thread (as a cancel) instead of dead-locking a shutdown that
waits for the token thread. Called on the GUI thread itself (a synchronous task runner), it
runs a local event loop instead. The PIN passes through once and is dropped; never logged.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.signing.tokens import MessageLevel, PinRequest
from app.ui.signing.pin_dialog import PinDialog, pin_dialog_for
from app.ui.signing.session import TokenBrief

log = logging.getLogger(__name__)


@dataclass(eq=False)
class _Question:
    kind: str  # "pin", "confirm", "pad", "finish", "message"
    payload: Any = None
    brief: TokenBrief | None = None
    notes: tuple[str, ...] = ()
    answer: Any = None
    keep: bool = False
    done: threading.Event = field(default_factory=threading.Event)
    loop: QEventLoop | None = None

    def finish(self) -> None:
        self.done.set()
        if self.loop is not None:
            self.loop.quit()


class QtPinPrompter(QObject):
    """Marshals PIN questions from the token thread to dialogs on the GUI thread."""

    _ask = Signal(object)
    dialog_opened = Signal(object)  # the PinDialog or message box now showing (tests, shots)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ask.connect(self._on_ask, Qt.ConnectionType.QueuedConnection)
        self._lock = threading.Lock()
        self._brief: TokenBrief | None = None
        self._notes: list[str] = []
        self._keep: bool | None = None
        self._closed = False
        self._pad: PinDialog | None = None
        self._dialog_parent: QWidget | None = None
        self.current: QWidget | None = None  # the dialog showing now (GUI thread only)
        self.calls: list[tuple[str, str]] = []  # (method, calling thread): never a PIN

    def set_dialog_parent(self, widget: QWidget | None) -> None:
        """Where dialogs open (the signing window); defaults to the active window."""
        self._dialog_parent = widget

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Answer every pending question with "cancel" and close what is showing (GUI thread)."""
        self._closed = True
        for widget in (self.current, self._pad):
            if widget is not None:
                widget.close()
        self.current = self._pad = None

    def cancel_current(self) -> None:
        """Close what is showing (its question is answered "cancel"); later questions still come."""
        for widget in (self.current, self._pad):
            if widget is not None:
                widget.close()

    # --- called on the token thread ---------------------------------------------------------
    def announce(self, brief: TokenBrief) -> None:
        """The token about to be logged in to (label, serial, demo, PIN pad), before its PIN."""
        self._record("announce")
        with self._lock:
            self._brief, self._notes, self._keep = brief, [], None

    def get_pin(self, request: PinRequest) -> str | None:
        self._record("get_pin")
        with self._lock:
            brief, notes = self._brief, tuple(self._notes)
            self._notes = []
        question = _Question("pin", request, brief, notes)
        self._wait(question)
        pin, question.answer = question.answer, None
        with self._lock:
            self._keep = question.keep if pin is not None else None
        return pin

    def confirm(self, message: str) -> bool:
        self._record("confirm")
        question = _Question("confirm", message)
        self._wait(question)
        return question.answer is True

    def show_message(self, message: str, level: MessageLevel) -> None:
        self._record("show_message")
        if level is MessageLevel.WARNING:
            with self._lock:  # shown inside the PIN dialog that follows, not as a second window
                self._notes.append(message)
            return
        with self._lock:
            brief = self._brief
        kind = "pad" if level is MessageLevel.INFO else "message"
        self._post(_Question(kind, message, brief))

    def login_finished(self) -> bool | None:
        """The login ended (either way): close a PIN-pad window; True if "keep" was ticked."""
        self._record("login_finished")
        self._post(_Question("finish"))
        with self._lock:
            keep, self._keep = self._keep, None
        return keep

    def _record(self, method: str) -> None:
        self.calls.append((method, threading.current_thread().name))

    def _post(self, question: _Question) -> None:
        if not self._closed:
            self._ask.emit(question)

    def _wait(self, question: _Question) -> None:
        if self._closed:
            return
        if QThread.currentThread() == self.thread():
            # A synchronous runner called us on the GUI thread: waiting here would hang it.
            question.loop = QEventLoop()
            self._on_ask(question)
            if not question.done.is_set():
                question.loop.exec()
            return
        self._ask.emit(question)
        while not question.done.wait(0.1):
            if self._closed:
                return

    # --- GUI thread ------------------------------------------------------------------------
    def _parent(self) -> QWidget | None:
        return self._dialog_parent or QApplication.activeWindow()

    def _on_ask(self, question: _Question) -> None:
        if self._closed:
            question.finish()
            return
        handler = {
            "pin": self._ask_pin,
            "confirm": self._ask_confirm,
            "pad": self._show_pad,
            "finish": self._close_pad,
            "message": self._show_box,
        }[question.kind]
        handler(question)

    def _ask_pin(self, question: _Question) -> None:
        self._close_pad(question)

        def submitted(pin: str, keep: bool) -> None:
            question.answer, question.keep = pin, keep

        dialog = pin_dialog_for(
            self._parent(),
            question.payload,
            question.brief,
            notes=question.notes,
            on_submit=submitted,
        )
        self._show(dialog, question)

    def _ask_confirm(self, question: _Question) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Nhập lại mã PIN?"), question.payload)
        box.setParent(self._parent(), box.windowFlags())
        yes = box.addButton(self.tr("Vẫn thử lại"), QMessageBox.ButtonRole.YesRole)
        no = box.addButton(self.tr("Không"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)  # a reflexive Enter must not spend a try
        box.finished.connect(lambda _: setattr(question, "answer", box.clickedButton() is yes))
        self._show(box, question)

    def _show(self, dialog: QWidget, question: _Question) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _: self._closed_dialog(dialog, question))
        self.current = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _closed_dialog(self, dialog: QWidget, question: _Question) -> None:
        if self.current is dialog:
            self.current = None
        question.finish()

    def _show_pad(self, question: _Question) -> None:
        brief = question.brief or TokenBrief("", "")
        self._close_pad(question)
        self._pad = PinDialog(self._parent(), brief, pad=True)
        self._pad.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._pad.open()
        self.dialog_opened.emit(self._pad)
        question.finish()

    def _close_pad(self, question: _Question) -> None:
        if self._pad is not None:
            self._pad.done(0)
            self._pad = None
        if question.kind == "finish":
            question.finish()

    def _show_box(self, question: _Question) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("USB token"), question.payload)
        box.setParent(self._parent(), box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        question.finish()
