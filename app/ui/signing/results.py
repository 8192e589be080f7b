"""Per-file results of a signing job: a table (file, result, level, "chờ dấu thời gian" badge) and
the sentences that sum a job up, including the offline-signing message.

The table model holds row snapshots (path + the service's ``SignOutcome``), never live objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.messages import sentence_for
from app.services.signing import BatchOutcome, SignOutcome
from app.ui.signing import style

COLUMNS = ("file", "result", "level", "timestamp")


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


# lupdate reads translate("Context", "text") literally: keep both arguments literal.
translate = QCoreApplication.translate


def error_sentence(code: str | None, fallback: str = "") -> str:
    """A batch item's error in words (items carry codes, not exceptions)."""
    template = sentence_for(code or "") if code else None
    return (
        template.format_map(_Missing())
        if template
        else (fallback or translate("SigningResults", "Lỗi không rõ."))
    )


def plain_error(exc: BaseException, log_path: Path | None = None) -> tuple[str, str]:
    """(the Vietnamese sentence for a person, the technical detail for a tooltip and support)."""
    from app.errors import AppError
    from app.ui.errors import error_text

    if isinstance(exc, AppError):
        template = sentence_for(exc.code)
        own = exc.params.get("user_message")  # the token layer's own words for driver problems
        if isinstance(own, str) and own:
            return own, exc.message
        if template:
            return template.format_map(_Missing(exc.params)), exc.message
    return error_text(exc, log_path), ""


def result_text(outcome: SignOutcome | None) -> str:
    if outcome is None:
        return translate("SigningResults", "Đang chờ")
    if outcome.ok and outcome.skipped:
        return translate("SigningResults", "Đã ký trước đó (không ký lại)")
    if outcome.ok:
        return translate("SigningResults", "Đã ký")
    if outcome.error_code == "not_run":
        return translate("SigningResults", "Chưa ký (đã dừng trước tệp này)")
    return translate("SigningResults", "Không ký được: {why}").format(
        why=error_sentence(outcome.error_code, outcome.error or "")
    )


def pending_message(count: int) -> str:
    """The offline-signing message: plain, and saying what happens next."""
    return translate(
        "SigningResults",
        "{n} văn bản đã được ký nhưng CHƯA có dấu thời gian vì không kết nối được máy chủ dấu "
        "thời gian. Chữ ký vẫn hợp lệ; dấu thời gian sẽ được bổ sung tự động khi có mạng.",
    ).format(n=count)


def summary(outcomes: Sequence[SignOutcome], batch: BatchOutcome | None) -> tuple[str, str]:
    """(sentence, banner style) for a finished job."""
    signed = sum(1 for o in outcomes if o.ok)
    total = len(outcomes)
    if batch is not None and batch.stopped_by:
        why = error_sentence(batch.stopped_by)
        text = translate(
            "SigningResults",
            "Đã dừng: {why} Đã ký {signed}/{total} văn bản. Khắc phục rồi bấm “Tiếp tục” để "
            "ký các văn bản còn lại; văn bản đã ký sẽ không bị ký lại.",
        )
        return text.format(why=why, signed=signed, total=total), style.BANNER_ERROR
    if batch is not None and batch.cancelled:
        text = translate(
            "SigningResults",
            "Đã dừng theo yêu cầu: đã ký {signed}/{total} văn bản. Bấm “Tiếp tục” để ký "
            "các văn bản còn lại.",
        )
        return text.format(signed=signed, total=total), style.BANNER_WARNING
    if signed < total:
        text = translate(
            "SigningResults", "Đã ký {signed}/{total} văn bản; các văn bản lỗi được ghi trong bảng."
        )
        return text.format(signed=signed, total=total), style.BANNER_WARNING
    return translate("SigningResults", "Đã ký {signed} văn bản.").format(
        signed=signed
    ), style.BANNER_OK


class ResultsModel(QAbstractTableModel):
    """One row per file of the job, in the order the person chose them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[Path, SignOutcome | None]] = []

    def reset(self, paths: Sequence[Path], keep: bool = False) -> None:
        """New rows for ``paths``; with ``keep``, rows already signed keep their outcome."""
        old = dict(self.rows) if keep else {}
        self.beginResetModel()
        self.rows = [(p, old.get(p) if old.get(p) and old[p].ok else None) for p in paths]
        self.endResetModel()

    def set_outcome(self, row: int, outcome: SignOutcome) -> None:
        if not 0 <= row < len(self.rows):
            return
        previous = self.rows[row][1]
        if outcome.skipped and previous is not None and previous.ok:
            outcome = previous  # resumed: keep what the first run said about this file
        self.rows[row] = (self.rows[row][0], outcome)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def outcomes(self) -> list[SignOutcome]:
        return [o for _, o in self.rows if o is not None]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("SigningResults", "Tệp"),
                translate("SigningResults", "Kết quả"),
                translate("SigningResults", "Mức ký"),
                translate("SigningResults", "Dấu thời gian"),
            )[section]
        return None

    def data(self, index: QModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        path, outcome = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(column, path, outcome)
        if role == Qt.ItemDataRole.ToolTipRole:
            if outcome is not None and outcome.ok:
                return translate("SigningResults", "Bản đã ký: {path}").format(
                    path=str(outcome.output)
                )
            return outcome.error if outcome is not None and outcome.error else str(path)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._colour(column, outcome)
        return None

    @staticmethod
    def _text(column: str, path: Path, outcome: SignOutcome | None) -> str:
        if column == "file":
            return path.name
        if column == "result":
            return result_text(outcome)
        if outcome is None or not outcome.ok:
            return ""
        if column == "level":
            return outcome.level.value if outcome.level else ""
        if outcome.pending_timestamp:
            return translate("SigningResults", "Chờ dấu thời gian")
        return (
            translate("SigningResults", "Có")
            if outcome.level and outcome.level.wants_timestamp
            else translate("SigningResults", "Không")
        )

    @staticmethod
    def _colour(column: str, outcome: SignOutcome | None) -> QColor | None:
        if outcome is None:
            return None
        if column == "timestamp" and outcome.ok and outcome.pending_timestamp:
            return QColor(style.PENDING_BACKGROUND)
        if column == "result":
            if not outcome.ok:
                return QColor(style.ERROR_BACKGROUND)
            return QColor(style.OK_BACKGROUND)
        return None
