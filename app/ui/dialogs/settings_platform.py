"""The settings dialog's platform part: address, system id and the shared secret, and a button
that checks all three against the platform.

The secret field is always empty when the dialog opens: the note beside it says whether a secret
is kept and where (a file, an environment variable), never its value. Typing one and saving
replaces the file (``app.services.platform_setup.save_secret``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app import settings as S
from app.services import platform_setup as setup
from app.services.workspace import Workspace
from app.ui.errors import show_error


class PlatformBox(QGroupBox):
    """``apply()`` puts URL and system id in the settings (the caller saves the file),
    ``store_secret()`` writes a typed secret to its file; ``check()`` runs the connection test
    on the task runner."""

    def __init__(self, ws: Workspace, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Trục liên thông"))
        self.ws, self.runner = ws, runner
        form = QFormLayout(self)
        self.url = QLineEdit(ws.settings.get(S.PLATFORM_URL), self)
        self.url.setObjectName("platformUrl")
        form.addRow(self.tr("Địa chỉ trục liên thông"), self.url)
        self.system_id = QLineEdit(ws.settings.get(S.PLATFORM_SYSTEM_ID), self)
        self.system_id.setObjectName("platformSystemId")
        self.system_id.setPlaceholderText(self.tr("Ví dụ: 000.00.00.H18"))
        form.addRow(self.tr("Mã định danh hệ thống"), self.system_id)
        self.secret = QLineEdit(self)
        self.secret.setObjectName("platformSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(self.tr("Để trống: giữ khóa hiện có"))
        form.addRow(self.tr("Khóa bí mật"), self.secret)
        self.secret_note = QLabel(self)
        self.secret_note.setObjectName("secretNote")
        self.secret_note.setWordWrap(True)
        form.addRow("", self.secret_note)
        self.check_button = QPushButton(self.tr("Kiểm tra kết nối"), self)
        self.check_button.setObjectName("checkConnection")
        self.check_button.clicked.connect(self.check)
        self.check_note = QLabel(self)
        self.check_note.setObjectName("checkNote")
        self.check_note.setWordWrap(True)
        form.addRow(self.check_button, self.check_note)
        self.refresh_secret_note()

    # --- the secret ---------------------------------------------------------------------------
    def refresh_secret_note(self) -> None:
        # On a worker: finding the secret's place loads the sync package (about half a second).
        self.secret_note.setText(self.tr("Đang kiểm tra khóa…"))
        ws = self.ws
        self.runner.run(
            lambda: setup.secret_state(ws),
            on_success=self._show_secret_state,
            on_error=lambda exc: show_error(self, exc),
            owner=self,
        )

    def _show_secret_state(self, state: setup.SecretState) -> None:
        texts = {
            "file": self.tr("Đã có khóa (lưu trong tệp {where})."),
            "env": self.tr(
                "Đã có khóa (lấy từ biến môi trường {where}; biến này được dùng trước tệp)."
            ),
            "sandbox": self.tr("Đã có khóa của máy chủ trình diễn (trong tệp {where})."),
            "": self.tr("Chưa có khóa."),
        }
        self.secret_note.setText(texts[state.source].format(where=state.where))

    def apply(self) -> None:
        settings = self.ws.settings
        settings.set(S.PLATFORM_URL, self.url.text().strip())
        settings.set(S.PLATFORM_SYSTEM_ID, self.system_id.text().strip())

    def store_secret(self) -> None:
        """A typed secret replaces the kept one; an empty field keeps it."""
        typed = self.secret.text()
        if typed.strip():
            setup.save_secret(self.ws, typed)
            self.secret.clear()
            self.refresh_secret_note()

    # --- the check ----------------------------------------------------------------------------
    def check(self) -> None:
        """One signed request with the values on screen (a typed secret, else the kept one)."""
        ws, url, sid = self.ws, self.url.text(), self.system_id.text()
        secret = self.secret.text() or None
        self.check_button.setEnabled(False)
        self.check_note.setText(self.tr("Đang kết nối…"))

        def failed(exc: BaseException) -> None:
            self.check_button.setEnabled(True)
            self.check_note.setText("")
            show_error(self, exc)

        self.runner.run(
            lambda: setup.check_connection(ws, url=url, system_id=sid, secret=secret),
            on_success=self._show_check,
            on_error=failed,
            kind="net",
            owner=self,
        )

    def _show_check(self, result: setup.ConnectionCheck) -> None:
        self.check_button.setEnabled(True)
        self.check_note.setText(self.check_text(result))

    def check_text(self, result: setup.ConnectionCheck) -> str:
        if result.outcome == "ok":
            return self.tr(
                "Kết nối được: trục liên thông nhận mã định danh và khóa bí mật "
                "(trả lời sau {ms} ms)."
            ).format(ms=round((result.seconds or 0) * 1000))
        if result.outcome == "auth" and result.code == "CLOCK_SKEW":
            return self.tr(
                "Trục liên thông từ chối vì đồng hồ máy tính lệch quá nhiều: hãy chỉnh lại giờ."
            )
        if result.outcome == "auth":
            return self.tr(
                "Sai mã định danh hệ thống hoặc khóa bí mật: trục liên thông không nhận ({code})."
            ).format(code=result.code)
        if result.outcome == "unreachable":
            return self.tr(
                "Không tới được máy chủ trục liên thông ({code}): hãy kiểm tra địa chỉ và mạng."
            ).format(code=result.code)
        if result.outcome == "refused":
            return self.tr(
                "Máy chủ có trả lời nhưng không nhận yêu cầu ({code}): "
                "có thể địa chỉ trục liên thông sai đường dẫn."
            ).format(code=result.code)
        return self.tr("Chưa đủ thông tin để kết nối: {detail}").format(detail=result.detail)
