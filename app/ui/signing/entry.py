"""Opening the signing screens from a window: one PIN prompter per top-level window, and ONE
token session for the whole process shared by them (the token layer allows one manager per
driver per process: a second session on the same driver would be refused).

Each window's holder is a QObject child of the window, found again by name. Closing a window
signs out (no token stays logged in behind a closed window, even one another window shares);
the last holder to close also stops the session's token thread.
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
DEMO_SEAL_IMAGE = Path("demo-images") / "con-dau-co-quan.png"


class SessionHolder(QObject):
    """A window's prompter and its share of the process's TokenSession."""

    live: list[SessionHolder] = []  # the holders of open windows (GUI thread only)

    def __init__(self, window: QWidget, session: TokenSession) -> None:
        super().__init__(window)
        self.setObjectName(HOLDER_NAME)
        self.window, self.session = window, session
        self.prompter = QtPinPrompter(self)
        self.closed = False
        SessionHolder.live.append(self)
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def close(self) -> None:
        """Release a waiting token thread and log out; the last holder of the session also
        stops the hub's thread. Idempotent."""
        if self.closed:
            return
        self.closed = True
        self.prompter.close()
        if self in SessionHolder.live:
            SessionHolder.live.remove(self)
        self.setObjectName("")  # the next dialog of this window gets a fresh holder
        if self.session.closed:
            return
        if any(h.session is self.session for h in SessionHolder.live):
            self.session.sign_out()
        else:
            self.session.close()


def session_for(window: QWidget, ws: Workspace) -> SessionHolder:
    """The token holder of ``window`` (created on first use, sharing the open session)."""
    top = window.window()
    for holder in top.findChildren(SessionHolder, HOLDER_NAME):
        if not holder.closed and not holder.session.closed:
            return holder
    shared = next((h.session for h in SessionHolder.live if not h.session.closed), None)
    if shared is None:
        shared = TokenSession.for_data_dir(ws.data_dir, ws.settings.get(S.TOKEN_MODULES))
    return SessionHolder(top, shared)


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


def _demo_image(ws: Workspace, name: Path) -> Path | None:
    image = ws.data_dir / name
    return image if image.is_file() else None


def open_document_sign_dialog(
    parent: QWidget,
    ws: Workspace,
    runner: Any,
    *,
    doc_id: int,
    username: str,
    pdf: Path,
    name: str = "",
    kind: str = "",
    on_done: Callable[[Any], None] | None = None,
) -> SignDialog:
    """The leader signs document ``doc_id`` (its main file ``pdf``, read from the store) through
    ``issuing.sign``: the signed file replaces the draft, the state and audit move with it.
    ``name``: the file's own name, shown instead of the store's hash-named path.
    ``on_done(ActionResult)`` after the commit."""
    from app.services.documents import TokenJob, sign

    holder = session_for(parent, ws)
    results: list[Any] = []

    def sign_document(source: Any, prompter: Any, options: Any) -> Any:
        outcomes: list[Any] = []
        job = TokenJob(source, prompter, options)
        results.append(sign(ws, username, doc_id, job, on_signed=outcomes.append))
        return outcomes[0]

    dialog = SignDialog(
        parent, session=holder.session, prompter=holder.prompter, runner=runner,
        data_dir=ws.data_dir, paths=[pdf], role=Role.LEADER, kind=kind,
        default_image=_demo_image(ws, DEMO_SIGNATURE_IMAGE), sign_with=sign_document,
        names=[name],
    )  # fmt: skip
    title = QCoreApplication.translate("Signing", "Ký số văn bản bằng USB token")
    if name:
        title = QCoreApplication.translate("Signing", "{title} — {name}").format(
            title=title, name=name
        )
    dialog.setWindowTitle(title)
    if on_done is not None:
        dialog.signed.connect(lambda _files: on_done(results[-1]))
    dialog.show()
    return dialog


def open_issue_dialog(
    parent: QWidget,
    ws: Workspace,
    runner: Any,
    *,
    doc_id: int,
    username: str,
    on_done: Callable[[Any], None] | None = None,
    send_now: Callable[[], None] | None = None,
) -> QDialog:
    """The clerk's Issue dialog for ``doc_id``; ``on_done(IssueOutcome)`` after the commit."""
    from app.ui.signing.issue_dialog import IssueDialog

    holder = session_for(parent, ws)
    dialog = IssueDialog(
        parent, ws=ws, username=username, doc_id=doc_id, session=holder.session,
        prompter=holder.prompter, runner=runner, default_seal=_demo_image(ws, DEMO_SEAL_IMAGE),
        send_now=send_now,
    )  # fmt: skip
    if on_done is not None:
        dialog.issued.connect(on_done)
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
