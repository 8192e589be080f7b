"""Opening the signing screens from a window: one token session and one PIN prompter per
top-level window, closed (logged out) when that window closes or the application quits.

The session is a QObject child of the window, found again by name, so every signing dialog the
window opens shares one TokenHub (one manager per driver per process) and one "keep signed in"
login. Closing the window signs out: no token stays logged in behind a closed window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QVBoxLayout, QWidget

from app import settings as S
from app.services.workspace import Workspace
from app.signing.pades import Role
from app.ui.signing.qt_prompter import QtPinPrompter
from app.ui.signing.session import TokenSession
from app.ui.signing.sign_dialog import SignDialog
from app.ui.signing.token_panel import TokenPanel

HOLDER_NAME = "vbdtTokenSession"
DEMO_SIGNATURE_IMAGE = Path("demo-images") / "chu-ky-lanh-dao.png"


class SessionHolder(QObject):
    """Owns a window's TokenSession and prompter; ends them when the window closes."""

    def __init__(self, window: QWidget, session: TokenSession) -> None:
        super().__init__(window)
        self.setObjectName(HOLDER_NAME)
        self.window, self.session = window, session
        self.prompter = QtPinPrompter(self)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def close(self) -> None:
        """Release a waiting token thread, log out, stop the hub's thread; idempotent."""
        if self.session.closed:
            return
        self.prompter.close()
        self.session.close()
        self.setObjectName("")  # the next dialog of this window starts a fresh session


def session_for(window: QWidget, ws: Workspace) -> SessionHolder:
    """The token session of ``window`` (created on first use)."""
    top = window.window()
    for holder in top.findChildren(SessionHolder, HOLDER_NAME):
        if not holder.session.closed:
            return holder
    session = TokenSession.for_data_dir(ws.data_dir, ws.settings.get(S.TOKEN_MODULES))
    return SessionHolder(top, session)


def ask_for_pdfs(parent: QWidget | None) -> list[Path]:
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("Signing", "Chọn văn bản PDF để ký"),
        "",
        QCoreApplication.translate("Signing", "Tệp PDF (*.pdf)"),
    )
    return [Path(f) for f in files]


def open_sign_dialog(
    parent: QWidget,
    ws: Workspace,
    runner: Any,
    paths: Sequence[Path] = (),
    role: Role | str = Role.LEADER,
    *,
    kind: str = "",
    on_signed: Callable[[list[tuple[Path, Any]]], None] | None = None,
) -> SignDialog | None:
    """Show the signing window for ``paths`` (asks for files when empty); returns it, or None.

    ``kind``: the document kind code (e.g. "QĐ"), for remembering the signature box.
    ``on_signed([(path, SignOutcome), ...])``: the workflow's hook for newly signed files.
    """
    files = list(paths) or ask_for_pdfs(parent)
    if not files:
        return None
    holder = session_for(parent, ws)
    image = ws.data_dir / DEMO_SIGNATURE_IMAGE
    dialog = SignDialog(
        parent,
        session=holder.session,
        prompter=holder.prompter,
        runner=runner,
        data_dir=ws.data_dir,
        paths=files,
        role=Role(role),
        kind=kind,
        default_image=image if image.is_file() else None,
    )
    if on_signed is not None:
        dialog.signed.connect(on_signed)
    dialog.show()
    return dialog


def open_token_doctor(parent: QWidget, ws: Workspace, runner: Any) -> QDialog:
    """The token doctor: drivers, tokens, certificates and what to do about their problems."""
    holder = session_for(parent, ws)
    dialog = QDialog(parent)
    dialog.setObjectName("tokenDoctor")
    dialog.setWindowTitle(QCoreApplication.translate("Signing", "Kiểm tra USB token"))
    layout = QVBoxLayout(dialog)
    dialog.panel = TokenPanel(holder.session, runner, dialog, doctor=True)
    layout.addWidget(dialog.panel)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(
        QCoreApplication.translate("Signing", "Đóng")
    )
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(980, 720)
    dialog.show()
    return dialog
