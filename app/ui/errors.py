"""Errors as a clerk sees them: one Vietnamese line, never a raw traceback.

Expected errors (``AppError``) are described through ``app.messages.describe``; anything else is a
bug: a short apology and where the log is. ``UserCancelled`` is shown as nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import AppError, UserCancelled
from app.messages import describe


def error_text(exc: BaseException, log_path: Path | None = None) -> str:
    """The text of the message box for ``exc``."""
    if isinstance(exc, AppError):
        return describe(exc)
    text = QCoreApplication.translate(
        "errors",
        "Đã xảy ra lỗi không mong đợi. Hãy thử lại; nếu lỗi lặp lại, "
        "hãy gửi tệp nhật ký cho bộ phận hỗ trợ.",
    )
    if log_path is not None:
        text += "\n\n" + QCoreApplication.translate("errors", "Nhật ký: {path}").format(
            path=str(log_path)
        )
    return text


def show_error(parent: QWidget | None, exc: BaseException, log_path: Path | None = None) -> None:
    """A modal box for ``exc`` (nothing for a cancellation)."""
    if isinstance(exc, UserCancelled):
        return
    title = (
        QCoreApplication.translate("errors", "Lỗi")
        if isinstance(exc, AppError)
        else QCoreApplication.translate("errors", "Lỗi không mong đợi")
    )
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(exc, log_path), parent=parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # copy the path
    box.exec()
