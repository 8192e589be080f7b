"""The leader's signing window: one document or a selected batch.

Left: where the signature goes (thumbnails for a batch, the preview with the draggable box), then
the per-file results. Right: the token picker, how to sign, and the buttons. Signing runs on the
token executor (``SignJob``); the PIN is asked by the session's ``QtPinPrompter``. Newly signed
files leave through the ``signed`` signal: the seam for the workflow that stores them and moves
the documents on. Must not: decide workflow states, or touch the file store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import PinFinalTry, PinLocked, UserCancelled
from app.logs import LOG_FILE
from app.services.signing import BatchOutcome, SignerSource, SignOptions, SignOutcome
from app.signing.pades import Role
from app.ui.signing import style
from app.ui.signing.options_panel import SignOptionsPanel
from app.ui.signing.pin_dialog import PinDialog, refusal_for
from app.ui.signing.placement_panel import PlacementPanel
from app.ui.signing.prefs import SigningPrefs
from app.ui.signing.results import pending_message, plain_error, summary
from app.ui.signing.results_page import ResultsPage
from app.ui.signing.session import TokenChoice, TokenSession
from app.ui.signing.sign_job import SignJob, remove_staging
from app.ui.signing.token_panel import TokenPanel

SIGNED_DIR = "da-ky"
SignWith = Callable[[SignerSource, Any, SignOptions], SignOutcome]
STAGING_DIR = "signing-staging"


class NamedRows(QIdentityProxyModel):
    """The results table with the file names a person knows: a document's file is read from the
    content-addressed store, whose path names it by hash (``f1a9c077…``)."""

    def __init__(self, names: dict[Path, str], parent: QWidget) -> None:
        super().__init__(parent)
        self.names = names

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        value = super().data(index, role)
        if index.column() == 0 and role == Qt.ItemDataRole.DisplayRole and value:
            path = self.sourceModel().rows[index.row()][0]  # type: ignore[attr-defined]
            return self.names.get(path, value)
        return value


class SignDialog(QDialog):
    """Signs ``paths`` with a certificate the person picks; see the module docstring."""

    signed = Signal(list)  # [(the file chosen, SignOutcome)] for every newly signed file

    def __init__(
        self,
        parent: QWidget | None,
        *,
        session: TokenSession,
        prompter: Any,
        runner: Any,
        data_dir: Path,
        paths: Sequence[Path],
        role: Role = Role.LEADER,
        kind: str = "",
        default_image: Path | None = None,
        sign_with: SignWith | None = None,
        names: Sequence[str] = (),
    ) -> None:
        """``sign_with(source, prompter, options) -> SignOutcome``: sign the one file through
        the caller's use case (a document's workflow step, which keeps the signed file itself)
        instead of into an output folder. ``names``: what to call each of ``paths`` on screen
        (a document's file name; default: the path's own name)."""
        super().__init__(parent)
        self.session, self.prompter, self.runner = session, prompter, runner
        self.paths, self.role = list(paths), role
        self.names = {p: n for p, n in zip(self.paths, names, strict=False) if n}
        self.sign_with = sign_with
        if sign_with is not None and len(self.paths) != 1:
            raise ValueError("a workflow signs one document at a time")
        self.batch = len(self.paths) > 1
        self.prefs = SigningPrefs(data_dir)
        self.stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        self.staging = data_dir / STAGING_DIR / self.stamp
        self.log_path = data_dir / "logs" / LOG_FILE
        self.choice: TokenChoice | None = None
        self.pending_timestamp = False  # for a "chờ dấu thời gian" badge elsewhere
        self.last_batch: BatchOutcome | None = None
        self.refusal: PinDialog | None = None
        self.job = SignJob(session, prompter, runner, self)
        self.setObjectName("signDialog")
        self.setWindowTitle(
            self.tr("Ký số {n} văn bản").format(n=len(self.paths))
            if self.batch
            else self.tr("Ký số văn bản — {name}").format(name=self.display_name(self.paths[0]))
        )
        self.placement = PlacementPanel(self.paths, role, kind, self.prefs, runner, self)
        self.tokens = TokenPanel(session, runner, self)
        self.options = SignOptionsPanel(
            self.prefs, data_dir / SIGNED_DIR, default_image, self, show_output=sign_with is None
        )
        self._build()
        self.tokens.choice_changed.connect(self._choice_changed)
        self.placement.ready.connect(self._update_buttons)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        prompter.set_dialog_parent(self)
        self._preselect()
        self.placement.predict(None)
        self._update_buttons()

    def _build(self) -> None:
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setObjectName("signBanner")
        self.banner.hide()
        self.pending = QLabel(self)
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet(style.BANNER_INFO)
        self.pending.hide()
        self.page = ResultsPage(self)
        self.results = self.page.results
        if self.names:
            named = NamedRows(self.names, self)
            named.setSourceModel(self.results)
            header = self.page.table.horizontalHeader()
            modes = [header.sectionResizeMode(c) for c in range(header.count())]
            self.page.table.setModel(named)
            for column, mode in enumerate(modes):
                header.setSectionResizeMode(column, mode)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.placement)
        self.pages.addWidget(self.page)
        left = QVBoxLayout()
        left.addWidget(self.banner)
        left.addWidget(self.pending)
        left.addWidget(self.pages, 1)
        self.signed_in = QLabel(self)
        self.signed_in.setWordWrap(True)
        self.sign_out_button = self._button(self.tr("Đăng xuất token"), self.sign_out)
        self.sign_button = QPushButton(
            self.tr("Ký {n} văn bản").format(n=len(self.paths)) if self.batch else self.tr("Ký"),
            self,
        )
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.sign)
        self.stop_button = self._button(self.tr("Dừng"), self.stop)
        self.resume_button = self._button(self.tr("Tiếp tục"), self.resume)
        self.close_button = self._button(self.tr("Đóng"), self.close)
        buttons = QHBoxLayout()
        for button in (self.sign_button, self.stop_button, self.resume_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        right_box = QWidget(self)
        right_box.setFixedWidth(470)
        right = QVBoxLayout(right_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.tokens, 1)
        right.addWidget(self.options)
        session_row = QHBoxLayout()
        session_row.addWidget(self.signed_in, 1)
        session_row.addWidget(self.sign_out_button)
        right.addLayout(session_row)
        right.addLayout(buttons)
        outer = QHBoxLayout(self)
        outer.addLayout(left, 1)
        outer.addWidget(right_box)
        self.resize(1320, 860)

    def display_name(self, path: Path) -> str:
        return self.names.get(path, path.name)

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        return button

    def _preselect(self) -> None:
        saved = self.prefs.option("certificate")
        if isinstance(saved, list) and len(saved) == 2:
            self.tokens.select(saved[0], bytes.fromhex(saved[1]))
            return
        demo = self.session.demo  # the demo workspace knows which token is the leader's
        for token in demo.tokens if demo is not None else ():
            if token.role == self.role.value:
                self.tokens.select(token.serial, token.cka_id)

    # --- state ------------------------------------------------------------------------------
    def _choice_changed(self, choice: TokenChoice | None) -> None:
        before, self.choice = self.choice, choice
        name = choice.subject_cn if choice else None
        if self.role is Role.LEADER and name != (before.subject_cn if before else None):
            self.placement.predict(name)  # the signer's name is where a fieldless draft is signed
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.job.running
        reviewing = self.pages.currentIndex() == 0
        self.sign_button.setVisible(reviewing)
        self.sign_button.setEnabled(
            not running and self.choice is not None and bool(self.placement.docs)
        )
        self.stop_button.setVisible(running and self.batch)
        batch = self.last_batch
        stopped = batch is not None and bool(batch.stopped_by or batch.cancelled)
        self.resume_button.setVisible(not running and self.batch and stopped)
        self.resume_button.setEnabled(self.choice is not None)
        labels = self.session.signed_in()
        self.signed_in.setText(
            self.tr("Đang giữ đăng nhập: {labels}").format(labels=", ".join(labels))
            if labels
            else ""
        )
        self.sign_out_button.setVisible(bool(labels) and not running)
        self.tokens.refresh_button.setEnabled(not running)

    def _say(self, text: str, *rest: str) -> None:
        """Show ``text`` in the banner: ``_say(text, style)`` or ``_say(text, detail, style)``."""
        detail, banner_style = rest if len(rest) == 2 else ("", rest[0])
        self.banner.setText(text)
        self.banner.setToolTip(detail)
        self.banner.setStyleSheet(banner_style)
        self.banner.setVisible(bool(text))

    # --- actions ----------------------------------------------------------------------------
    def sign(self) -> None:
        if self.job.running or self.choice is None:
            return
        self.options.remember()
        # Remembered only when used: an automatic pre-selection must not become the default.
        self.prefs.set_options(certificate=[self.choice.serial, self.choice.cka_id.hex()])
        self.results.reset(self.paths)
        self.last_batch = None
        self._start(resume=False)

    def resume(self) -> None:
        """After a token error or a stop: sign the rest; signed files are skipped, not re-signed."""
        if self.job.running or self.choice is None or self.job.plan is None:
            return
        self.results.reset(self.paths, keep=True)
        self._start(resume=True)

    @property
    def output_dir(self) -> Path:
        """This window's output folder: one per batch, so a resume finds its own outputs only."""
        return self.options.output_root() / self.stamp

    def _start(self, *, resume: bool) -> None:
        assert self.choice is not None
        options = self.options.sign_options(self.role, self.placement.explicit)
        out_dir = self.output_dir
        self.pages.setCurrentIndex(1)
        self.page.start(len(self.paths), out_dir if self.sign_with is None else None)
        self._say(self.tr("Đang ký tiếp…") if resume else self.tr("Đang ký…"), style.BANNER_INFO)
        if self.sign_with is not None:
            use_case = self.sign_with
            self.job.sign_with(self.choice, lambda source, pin: use_case(source, pin, options))
        elif self.batch:
            self.job.sign_batch(self.choice, self.paths, self.staging, out_dir, options)
        else:
            self.job.sign_one(self.choice, self.paths[0], out_dir / self.paths[0].name, options)
        self._update_buttons()

    def stop(self) -> None:
        self.job.cancel()
        self._say(self.tr("Đang dừng sau văn bản hiện tại…"), style.BANNER_WARNING)

    def sign_out(self) -> None:
        self.runner.run(
            self.session.sign_out,
            on_success=lambda _: self._update_buttons(),
            kind="token",
            owner=self,
        )

    # --- job outcomes -----------------------------------------------------------------------
    def _row(self, outcome: SignOutcome) -> int:
        return next((i for i, p in enumerate(self.paths) if p == outcome.source), -1)

    def _progress(self, row: int, outcome: SignOutcome) -> None:
        self.page.set_outcome(row, outcome)

    def _finished(self, result: object) -> None:
        batch = result if isinstance(result, BatchOutcome) else None
        items = batch.items if batch is not None else (result,)
        for item in items:
            self.page.set_outcome(self._row(item), item)
        self.last_batch = batch
        outcomes = self.results.outcomes()
        text, banner = summary(outcomes, batch)
        if any(o.ok for o in outcomes) and self.sign_with is not None:
            text += " " + self.tr("Văn bản đã chuyển sang “Chờ phát hành”.")
        elif any(o.ok for o in outcomes):
            text += " " + self.tr("Bản đã ký lưu tại: {folder}").format(folder=self.output_dir)
        self._say(text, banner)
        waiting = [o for o in outcomes if o.ok and o.pending_timestamp]
        self.pending_timestamp = bool(waiting)
        self.pending.setText(pending_message(len(waiting)) if waiting else "")
        self.pending.setVisible(bool(waiting))
        fresh = [(o.source, o) for o in items if o.ok and not o.skipped]
        if fresh:
            self.signed.emit(fresh)
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        signed_any = any(o.ok for o in self.results.outcomes())
        if not signed_any:
            self.pages.setCurrentIndex(0)  # nothing happened: back to where the person was
        if isinstance(exc, UserCancelled):
            self._say(self.tr("Đã hủy: chưa ký văn bản nào."), style.BANNER_WARNING)
        elif isinstance(exc, (PinFinalTry, PinLocked)):
            # The token layer refused before any C_Login: say it in the PIN dialog's own words.
            self.refusal = refusal_for(self, exc, self.choice)
            self.refusal.open()
            self._say(*plain_error(exc), style.BANNER_ERROR)
        else:
            self._say(*plain_error(exc, self.log_path), style.BANNER_ERROR)
        self.tokens.refresh()  # the token's state (PIN counter, presence) may have changed
        self._update_buttons()

    # --- closing ----------------------------------------------------------------------------
    def done(self, result: int) -> None:
        # Every way out (Đóng, Esc, the window's X) comes through here.
        self.job.cancel()
        cancel_current = getattr(self.prompter, "cancel_current", None)
        if cancel_current is not None:
            cancel_current()
        self.prompter.set_dialog_parent(None)
        plan = self.job.plan
        # Queued behind a batch still finishing on the token executor, never under its feet.
        self.runner.run(lambda: remove_staging(plan), on_success=lambda _: None, kind="token")
        super().done(result)

    def keyPressEvent(self, event: Any) -> None:
        # Enter must never start a second job (a PIN dialog's Enter pressed twice lands here).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.job.running:
            return
        super().keyPressEvent(event)
