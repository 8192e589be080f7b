"""The PIN dialog: which token, in what state, BEFORE anything is typed; one submission per click.

States (the token's own flags, re-read by the token layer before every login):
ok → plain entry; count_low → amber warning, entry allowed; final_try → the dialog refuses to
submit and sends the person to their certificate provider; locked → stop. PIN-pad readers get no
entry field: the PIN is typed on the reader. The PIN is handed to ``on_submit`` once and the field
cleared at once: the dialog keeps no copy, and nothing here logs it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, PinLocked
from app.signing.tokens import PinRequest, PinState
from app.ui.signing.session import TokenBrief
from app.ui.signing.style import BADGE_DEMO, BANNER_ERROR, BANNER_INFO, BANNER_WARNING

MAX_PIN_LENGTH = 64

OnSubmit = Callable[[str, bool], None]  # (pin, keep signed in)


class PinDialog(QDialog):
    """Asks for one token's PIN (or shows why it must not be asked)."""

    def __init__(
        self,
        parent: QWidget | None,
        brief: TokenBrief,
        *,
        state: PinState = PinState.OK,
        app_failures: int = 0,
        purpose: str = "login",
        pad: bool = False,
        notes: tuple[str, ...] = (),
        on_submit: OnSubmit | None = None,
    ) -> None:
        super().__init__(parent)
        # Tests assert this: the prompter is called on the token thread, the dialog made here.
        self.created_thread = threading.current_thread().name
        self.brief, self.state, self.pad = brief, state, pad
        self._on_submit = on_submit
        self._submitted = False
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Mã PIN USB token"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addLayout(self._token_block(brief))
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setObjectName("pinBanner")
        layout.addWidget(self.banner)
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(MAX_PIN_LENGTH)
        self.pin_edit.setPlaceholderText(self.tr("Nhập mã PIN"))
        self.pin_edit.setAccessibleName(self.tr("Mã PIN"))
        self.keep_box = QCheckBox(
            self.tr("Giữ đăng nhập đến khi đóng cửa sổ (không phải nhập lại)")
        )
        self.keep_box.setChecked(False)
        self.keep_box.setToolTip(
            self.tr(
                "Ứng dụng không lưu mã PIN: chỉ giữ phiên đăng nhập với token cho đến khi "
                "bạn đăng xuất hoặc đóng cửa sổ."
            )
        )
        self._form = QFormLayout()
        self._form.addRow(self.tr("Mã PIN:"), self.pin_edit)
        layout.addLayout(self._form)
        layout.addWidget(self.keep_box)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(self.tr("Đăng nhập"), self)
        self.cancel_button = QPushButton(self.tr("Hủy"), self)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._apply_state(app_failures, purpose, notes)

    def _token_block(self, brief: TokenBrief) -> QVBoxLayout:
        block = QVBoxLayout()
        self.token_label = QLabel(
            self.tr("USB token: <b>{label}</b><br>Số sê-ri: {serial}").format(
                label=_html(brief.label), serial=_html(brief.serial)
            )
        )
        block.addWidget(self.token_label)
        if brief.subject:
            block.addWidget(
                QLabel(self.tr("Chứng thư số: {subject}").format(subject=brief.subject))
            )
        if brief.demo:
            badge = QLabel(self.tr("Demo — không phải token thật"))
            badge.setObjectName("demoBadge")
            badge.setStyleSheet(BADGE_DEMO)
            block.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
        return block

    def _apply_state(self, app_failures: int, purpose: str, notes: tuple[str, ...]) -> None:
        text, style = "", ""
        if self.pad:
            text = self.tr("Nhập mã PIN trên bàn phím của đầu đọc.\nCửa sổ này tự đóng khi xong.")
            style = BANNER_INFO
        elif self.state is PinState.COUNT_LOW:
            text = self.tr(
                "Token báo đã có lần nhập sai mã PIN. Hãy nhập thật cẩn thận: token "
                "sẽ bị khóa nếu nhập sai quá số lần cho phép."
            )
            if app_failures:
                text += " " + self.tr("Máy này đã ghi nhận {n} lần nhập sai liên tiếp.").format(
                    n=app_failures
                )
            style = BANNER_WARNING
        elif self.state is PinState.FINAL_TRY:
            text = self.tr(
                "Token chỉ còn MỘT lần nhập mã PIN: nhập sai lần nữa token sẽ bị khóa. "
                "Ứng dụng không cho thử để bảo vệ token. Hãy liên hệ nhà cung cấp "
                "chứng thư số (CA) để được hỗ trợ."
            )
            style = BANNER_ERROR
        elif self.state is PinState.LOCKED:
            text = self.tr(
                "Token đã bị khóa do nhập sai mã PIN quá số lần cho phép. Không thể ký "
                "bằng token này; hãy liên hệ nhà cung cấp chứng thư số (CA) để mở khóa."
            )
            style = BANNER_ERROR
        elif notes:
            text, style = "\n".join(notes), BANNER_WARNING
        if purpose == "signature" and not self.refusing:
            text = (text + "\n" if text else "") + self.tr(
                "Khóa này yêu cầu nhập mã PIN cho mỗi lần ký."
            )
            style = style or BANNER_INFO
        self.banner.setText(text)
        self.banner.setStyleSheet(style)
        self.banner.setVisible(bool(text))
        entry = not self.pad and not self.refusing
        self.pin_edit.setVisible(entry)
        self._form.labelForField(self.pin_edit).setVisible(entry)
        self.ok_button.setVisible(entry)
        self.ok_button.setEnabled(entry)
        self.cancel_button.setText(self.tr("Đóng") if self.refusing else self.tr("Hủy"))
        self.cancel_button.setVisible(not self.pad)
        self.keep_box.setVisible(entry and self.brief.keep_supported and purpose == "login")
        if entry:
            self.pin_edit.setFocus()

    @property
    def refusing(self) -> bool:
        return self.state in (PinState.FINAL_TRY, PinState.LOCKED)

    def submit(self) -> None:
        """Hand the PIN over once; a second Enter or click finds the dialog already done."""
        if self._submitted or self.refusing or self.pad:
            return
        self._submitted = True
        self.ok_button.setEnabled(False)
        self.pin_edit.setEnabled(False)
        pin, keep = self.pin_edit.text(), self.keep_box.isChecked()
        self.pin_edit.clear()
        if self._on_submit is not None:
            self._on_submit(pin, keep)
        del pin
        self.accept()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def pin_dialog_for(
    parent: QWidget | None,
    request: PinRequest,
    brief: TokenBrief | None,
    *,
    notes: tuple[str, ...] = (),
    on_submit: OnSubmit | None = None,
) -> PinDialog:
    """The dialog for a token layer's ``PinRequest`` (``brief`` adds the demo badge, subject)."""
    if brief is None or brief.serial != request.token_serial:
        brief = TokenBrief(
            request.token_label, request.token_serial, request.certificate_subject or ""
        )
    return PinDialog(
        parent,
        brief,
        state=request.pin_state,
        app_failures=request.app_failures,
        purpose=request.purpose,
        notes=notes,
        on_submit=on_submit,
    )


def refusal_dialog(
    parent: QWidget | None, label: str, serial: str, state: PinState, *, demo: bool = False
) -> PinDialog:
    """The dialog shown when the token layer refused to log in (final try or locked)."""
    return PinDialog(parent, TokenBrief(label, serial, demo=demo), state=state)


def refusal_for(parent: QWidget | None, exc: AppError, choice: Any) -> PinDialog:
    """The refusal dialog for a ``PinFinalTry`` / ``PinLocked`` raised by the token layer."""
    state = PinState.LOCKED if isinstance(exc, PinLocked) else PinState.FINAL_TRY
    label = str(exc.params.get("label") or getattr(choice, "label", ""))
    serial = str(exc.params.get("serial") or getattr(choice, "serial", ""))
    return refusal_dialog(parent, label, serial, state, demo=bool(getattr(choice, "demo", False)))
