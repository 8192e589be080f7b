"""Settings: interface language (applies at the next start), the platform (address, system id,
secret, a connection check), database URL, token driver paths, kinds that still need a paper
copy, the calendar's day swaps, and importing trust anchors.

Values go through the typed registry (``app.settings``). The platform secret is the one value
that is not a setting: it is written to its own 0600 file and never shown back
(``settings_platform``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import settings as S
from app.services.workspace import Workspace
from app.ui.dialogs.settings_calendar import CalendarBox
from app.ui.dialogs.settings_platform import PlatformBox
from app.ui.errors import show_error


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]


class SettingsDialog(QDialog):
    def __init__(self, ws: Workspace, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Cài đặt"))
        self.ws, self.runner = ws, runner
        get = ws.settings.get
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Tiếng Việt"), "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(get(S.LANGUAGE))))
        form.addRow(self.tr("Ngôn ngữ"), self.language)
        form.addRow("", QLabel(self.tr("Đổi ngôn ngữ có hiệu lực khi mở lại phần mềm."), self))
        self.db_url = QLineEdit(get(S.DB_URL), self)
        self.db_url.setPlaceholderText(self.tr("Để trống: SQLite trong thư mục dữ liệu"))
        form.addRow(self.tr("Cơ sở dữ liệu"), self.db_url)
        self.token_modules = QPlainTextEdit("\n".join(get(S.TOKEN_MODULES)), self)
        self.token_modules.setMaximumHeight(70)
        form.addRow(self.tr("Trình điều khiển token (mỗi dòng một tệp)"), self.token_modules)
        self.paper_kinds = QLineEdit(", ".join(get(S.PAPER_COPY_KINDS)), self)
        self.paper_kinds.setPlaceholderText(self.tr("Ví dụ: QĐ, CT"))
        form.addRow(self.tr("Loại văn bản gửi kèm bản giấy"), self.paper_kinds)
        self.trust_button = QPushButton(self.tr("Nhập chứng thư gốc tin cậy…"), self)
        self.trust_button.clicked.connect(self._ask_anchors)
        self.trust_note = QLabel(self)
        self.trust_note.setWordWrap(True)
        form.addRow(self.trust_button, self.trust_note)
        self.platform = PlatformBox(ws, runner, self)
        self.platform_url = self.platform.url
        layout.addWidget(self.platform)
        self.calendar = CalendarBox(ws, self)
        layout.addWidget(self.calendar)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 760)

    def save(self) -> None:
        settings = self.ws.settings
        try:
            settings.set(S.LANGUAGE, str(self.language.currentData()))
            self.platform.apply()
            settings.set(S.DB_URL, self.db_url.text().strip())
            settings.set(S.TOKEN_MODULES, _lines(self.token_modules.toPlainText()))
            settings.set(S.PAPER_COPY_KINDS, _lines(self.paper_kinds.text()))
            settings.set(S.CALENDAR_OVERRIDES, self.calendar.rows())
            settings.save()
            self.platform.store_secret()
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()

    def _ask_anchors(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Chọn chứng thư gốc"),
            "",
            self.tr("Chứng thư (*.cer *.crt *.pem *.der *.p7b)"),
        )
        if files:
            self.import_anchors([Path(f) for f in files])

    def import_anchors(self, files: list[Path]) -> None:
        # Imported here: the verification engine (and pyhanko) stays off the start-up path.
        from app.signing.verify import default_trust_dir, import_trust_anchors

        trust_dir = default_trust_dir(self.ws.data_dir)

        def shown(result: Any) -> None:
            lines = [self.tr("Đã thêm: {n}").format(n=len(result.added))]
            if result.already_present:
                lines.append(self.tr("Đã có sẵn: {n}").format(n=len(result.already_present)))
            lines += [
                self.tr("Không nhận {file}: {reason}").format(file=name, reason=reason)
                for name, reason in result.rejected
            ]
            self.trust_note.setText("\n".join(lines))

        self.runner.run(
            lambda: import_trust_anchors(files, trust_dir),
            on_success=shown,
            on_error=lambda exc: show_error(self, exc),
            owner=self,
        )
