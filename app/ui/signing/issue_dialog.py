"""The clerk's Issue dialog (phát hành): what will happen (``IssueForm``), the agency token and
how to seal, then ONE click runs ``issuing.issue`` on the token executor: number taken, seal
signature (and the attachment signature on each PDF attachment), state, audit and outbox row in
one transaction. The PIN is asked by the window's ``QtPinPrompter`` before any lock is taken, so
a cancelled PIN, a wrong one or a token error consumes no number.

A secret document is issued on paper: no token, nothing sent. Must not: take the number itself,
or touch the file store (the service does both).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import PinFinalTry, PinLocked, UserCancelled
from app.logs import LOG_FILE
from app.services.documents import IssueOutcome, TokenJob
from app.services.documents.issue_details import IssuePreview, issue_preview
from app.services.lookups import peer_agencies
from app.services.workspace import Workspace
from app.signing.pades import Role
from app.storage.atomic import atomic_write_chunks
from app.storage.filestore import FileStore
from app.ui.signing import style
from app.ui.signing.issue_form import IssueForm, sends_now
from app.ui.signing.options_panel import SignOptionsPanel
from app.ui.signing.pin_dialog import PinDialog, refusal_for
from app.ui.signing.prefs import SigningPrefs
from app.ui.signing.results import pending_message, plain_error
from app.ui.signing.session import TokenChoice, TokenSession
from app.ui.signing.token_panel import TokenPanel

CERT_PREF = "agency_certificate"  # apart from the leader's "certificate"
CHUNK = 1 << 20
# Characters no file name may hold on Windows (and "/" anywhere): "01/KH-UBND" → "01-KH-UBND".
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def signed_file_name(code: str) -> str:
    """The name a clerk expects for the issued copy: its number and symbol, as a file name."""
    name = _UNSAFE.sub("-", unicodedata.normalize("NFC", " ".join(code.split()))).strip(" .-")
    return f"{name or 'van-ban'}.pdf"


def copy_out(files: FileStore, sha256: str, target: Path) -> Path:
    """Copy a stored file out to ``target``, atomically: a full copy or none at all."""
    with files.open(sha256) as source:
        atomic_write_chunks(target, iter(lambda: source.read(CHUNK), b""))
    return target


class IssueDialog(QDialog):
    """Issues one signed document; ``issued(IssueOutcome)`` after the commit."""

    issued = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        *,
        ws: Workspace,
        username: str,
        doc_id: int,
        session: TokenSession,
        prompter: Any,
        runner: Any,
        default_seal: Path | None = None,
        send_now: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws, self.username, self.doc_id = ws, username, doc_id
        self.session, self.prompter, self.runner = session, prompter, runner
        self.send_now = send_now
        self.prefs = SigningPrefs(ws.data_dir)
        self.preview: IssuePreview | None = None
        self.choice: TokenChoice | None = None
        self.outcome: IssueOutcome | None = None
        self.refusal: PinDialog | None = None
        self.running = False
        self.setObjectName("issueDialog")
        self.setWindowTitle(self.tr("Phát hành văn bản"))
        self.form = IssueForm(self)
        self.tokens = TokenPanel(session, runner, self)
        self.options = SignOptionsPanel(
            self.prefs, ws.data_dir, default_seal, self,
            show_output=False, image_label=self.tr("Ảnh con dấu:"), image_key="seal_image",
        )  # fmt: skip
        self._build()
        self.tokens.choice_changed.connect(self._choice_changed)
        prompter.set_dialog_parent(self)
        self._preselect()
        self.load()

    def _build(self) -> None:
        self.banner = QLabel(self)
        self.banner.setObjectName("issueBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("issueSaved")
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label.hide()
        self.issue_button = QPushButton(self.tr("Phát hành"), self)
        self.issue_button.setObjectName("issueButton")
        self.issue_button.setDefault(True)
        self.issue_button.clicked.connect(self.issue)
        self.save_button = QPushButton(self.tr("Lưu bản đã ký…"), self)
        self.save_button.setObjectName("saveSignedButton")
        self.save_button.setToolTip(self.tr("Lưu một bản sao tệp đã phát hành ra thư mục khác"))
        self.save_button.clicked.connect(self.save_signed_as)
        self.save_button.hide()
        self.close_button = QPushButton(self.tr("Đóng"), self)
        self.close_button.clicked.connect(self.close)
        self.token_box = QWidget(self)
        self.token_box.setFixedWidth(470)
        right = QVBoxLayout(self.token_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.tokens, 1)
        right.addWidget(self.options)
        columns = QHBoxLayout()
        columns.addWidget(self.form, 1)
        columns.addWidget(self.token_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.saved_label)
        layout.addLayout(buttons)
        self.resize(1120, 720)

    def _preselect(self) -> None:
        saved = self.prefs.option(CERT_PREF)
        if isinstance(saved, list) and len(saved) == 2:
            self.tokens.select(saved[0], bytes.fromhex(saved[1]))
            return
        demo = self.session.demo  # the demo workspace knows which token is the agency's
        for token in demo.tokens if demo is not None else ():
            if token.role == Role.AGENCY.value:
                self.tokens.select(token.serial, token.cka_id)

    # --- the preview (db worker) ------------------------------------------------------------
    def load(self) -> None:
        ws, doc_id = self.ws, self.doc_id
        self.runner.run(
            lambda: (issue_preview(ws, doc_id), peer_agencies(ws)),
            on_success=self._loaded,
            on_error=self._load_failed,
            owner=self,
        )

    def _loaded(self, result: tuple[IssuePreview, list[Any]]) -> None:
        preview, agencies = result
        self.preview = preview
        self.form.set_preview(preview, agencies)
        doc = preview.document
        self.setWindowTitle(self.tr("Phát hành văn bản — {subject}").format(subject=doc.subject))
        self.token_box.setVisible(not preview.secret)
        if preview.secret:
            self._say(
                self.tr("Văn bản mật: phát hành bản giấy, không ký số và không gửi đi."),
                style.BANNER_INFO,
            )
        self._update_buttons()

    def _load_failed(self, exc: BaseException) -> None:
        self._say(*plain_error(exc), style.BANNER_ERROR)
        self._update_buttons()

    # --- state ------------------------------------------------------------------------------
    def _choice_changed(self, choice: TokenChoice | None) -> None:
        self.choice = choice
        self._update_buttons()

    def ready(self) -> bool:
        if self.preview is None or self.running or self.outcome is not None:
            return False
        return self.preview.secret or self.choice is not None

    def _update_buttons(self) -> None:
        self.issue_button.setEnabled(self.ready())
        self.issue_button.setVisible(self.outcome is None)
        self.save_button.setVisible(self.outcome is not None)
        self.tokens.refresh_button.setEnabled(not self.running)

    def _say(self, text: str, *rest: str) -> None:
        """``_say(text, style)`` or ``_say(text, detail, style)``."""
        detail, sheet = rest if len(rest) == 2 else ("", rest[0])
        self.banner.setText(text)
        self.banner.setToolTip(detail)
        self.banner.setStyleSheet(sheet)
        self.banner.setVisible(bool(text))

    # --- issuing (token executor) -----------------------------------------------------------
    def issue(self) -> None:
        if not self.ready():
            return
        assert self.preview is not None
        from app.services.documents import issue

        ws, username, doc_id = self.ws, self.username, self.doc_id
        choices = self.form.choices()
        job: TokenJob | None = None
        if not self.preview.secret:
            assert self.choice is not None
            self.options.remember()
            self.prefs.set_options(**{CERT_PREF: [self.choice.serial, self.choice.cka_id.hex()]})
            options = self.options.sign_options(Role.AGENCY, None)
            job = TokenJob(self.session.source(self.choice), self.prompter, options)
        self.running = self.session.busy = True
        self._say(self.tr("Đang phát hành…"), style.BANNER_INFO)
        self._update_buttons()
        self.runner.run(
            lambda: issue(ws, username, doc_id, job, choices=choices),
            on_success=self._done,
            on_error=self._failed,
            kind="token",
            owner=self,
        )

    def _done(self, outcome: IssueOutcome) -> None:
        self.running = self.session.busy = False
        self.outcome = outcome
        doc = outcome.document
        day = doc.issue_date.strftime("%d/%m/%Y") if doc.issue_date else ""
        text = self.tr("Đã phát hành số {code} ngày {day}.").format(code=doc.code, day=day)
        if outcome.outbox_ids:
            text += " " + self.tr("Văn bản nằm trong Hộp thư đi, chờ gửi qua trục liên thông.")
            if sends_now(doc.urgency):
                text += " " + self._send_urgent()
        else:
            text += " " + self.tr("Không gửi qua trục (không có nơi nhận hoặc văn bản mật).")
        if outcome.paper_copy:
            text += " " + self.tr("Nhớ gửi kèm bản giấy.")
        # The store's path names the file by its hash: "Lưu bản đã ký…" gives a proper copy.
        if outcome.pending_timestamp:
            text += "\n" + pending_message(1)
        self._say(text, style.BANNER_OK)
        self.close_button.setFocus()
        self._update_buttons()
        self.issued.emit(outcome)

    # --- a copy of the issued file --------------------------------------------------------------
    def ask_save_path(self, suggested: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu bản đã ký"), str(Path(folder) / suggested),
            self.tr("Tệp PDF (*.pdf)"),
        )  # fmt: skip
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def save_signed_as(self) -> None:
        if self.outcome is None:
            return
        target = self.ask_save_path(signed_file_name(self.outcome.document.code))
        if target is not None:
            self.save_signed(target)

    def save_signed(self, target: Path) -> None:
        """Copy the issued file to ``target`` on the db executor; the banner says where."""
        assert self.outcome is not None
        files, sha = self.ws.files, self.outcome.file_sha256
        self.save_button.setEnabled(False)

        def saved(path: Path) -> None:
            self.save_button.setEnabled(True)
            self.saved_label.setText(self.tr("Đã lưu bản đã ký: {path}").format(path=path))
            self.saved_label.setStyleSheet(style.BANNER_OK)
            self.saved_label.show()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            why, detail = plain_error(exc, self.ws.log_dir / LOG_FILE)
            self.saved_label.setText(self.tr("Chưa lưu được bản đã ký. {why}").format(why=why))
            self.saved_label.setToolTip(detail)
            self.saved_label.setStyleSheet(style.BANNER_ERROR)
            self.saved_label.show()

        self.runner.run(
            lambda: copy_out(files, sha, target), on_success=saved, on_error=failed, owner=self
        )

    def _send_urgent(self) -> str:
        if self.send_now is None:
            return self.tr("Văn bản khẩn: bấm “Đồng bộ ngay” ở thanh trạng thái để gửi ngay.")
        self.send_now()
        return self.tr("Văn bản khẩn: đang gửi ngay.")

    def _failed(self, exc: BaseException) -> None:
        self.running = self.session.busy = False
        nothing = self.tr("Chưa phát hành, chưa lấy số.")
        if isinstance(exc, UserCancelled):
            self._say(self.tr("Đã hủy nhập PIN.") + " " + nothing, style.BANNER_WARNING)
        elif isinstance(exc, (PinFinalTry, PinLocked)):
            self.refusal = refusal_for(self, exc, self.choice)
            self.refusal.open()
            why, detail = plain_error(exc)
            self._say(why + " " + nothing, detail, style.BANNER_ERROR)
        else:
            why, detail = plain_error(exc, self.ws.log_dir / LOG_FILE)
            self._say(why + " " + nothing, detail, style.BANNER_ERROR)
        self.tokens.refresh()  # the PIN counter or the token's presence may have changed
        self.load()  # another clerk may have issued meanwhile: the next number again
        self._update_buttons()

    # --- closing ----------------------------------------------------------------------------
    def done(self, result: int) -> None:
        cancel_current = getattr(self.prompter, "cancel_current", None)
        if cancel_current is not None:
            cancel_current()
        self.prompter.set_dialog_parent(None)
        super().done(result)

    def keyPressEvent(self, event: Any) -> None:
        # Enter pressed twice (once in the PIN dialog) must never start a second issue.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self.running or self.outcome is not None
        ):
            return
        super().keyPressEvent(event)
