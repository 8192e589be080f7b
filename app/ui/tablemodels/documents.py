"""The document table: one row per ``DocumentRow`` snapshot; ``data()`` never touches the database.

Dates are shown dd/mm/yyyy in Vietnam time (UTC+7, no daylight saving since 1975, so a fixed
offset is exact and needs no tz database on Windows). Overdue deadlines get a light red background,
deadlines due today a light amber one (the "Hạn xử lý" cell only: a screen of red rows would shout);
closed documents are never flagged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.domain.queues import STATE_LABELS
from app.domain.search import fold_for_search as fold
from app.domain.types import DocumentState
from app.services.queues import DocumentRow, Sending
from app.ui.i18n.domain_labels import domain_label, urgency_label

VN_TZ = timezone(timedelta(hours=7), "ICT")

# Documents whose deadline no longer matters: no overdue colour.
CLOSED_STATES = frozenset(
    {
        DocumentState.COMPLETED,
        DocumentState.CANCELLED,
        DocumentState.REJECTED,
        DocumentState.SENT,
        # QUARANTINED is not closed: the recall waits for the clerk's answer.
    }
)

OVERDUE_BG = QColor("#f8d7da")
DUE_TODAY_BG = QColor("#fff3cd")
URGENT_FG = QColor("#b35900")  # khẩn: dark orange, readable on white
VERY_URGENT_FG = QColor("#c00000")  # thượng khẩn and above
SEND_FAILED_FG = QColor("#c00000")
FLAGGED_TEXT = QColor("#212529")  # dark text on the light backgrounds, also under a dark theme

_Index = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    CODE = 0
    SUBJECT = 1
    SENDER = 2
    DATE = 3
    URGENCY = 4
    STATE = 5
    DUE = 6


COLUMNS = tuple(Col)
_TOOLTIP_COLUMNS = (Col.CODE, Col.SUBJECT, Col.SENDER, Col.STATE)  # may be elided


def _one_line(text: str) -> str:
    """One line per cell: names copied from a letterhead carry line breaks."""
    return " ".join(text.split())


# How clerks write agency names in lists; the full name stays in the tooltip.
_AGENCY_ABBREVIATIONS = (
    ("Ủy ban nhân dân", "UBND"),
    ("Uỷ ban nhân dân", "UBND"),  # the older tone placement, still common
    ("Hội đồng nhân dân", "HĐND"),
)


def short_agency_name(name: str) -> str:
    """ "Ủy ban nhân dân\nhuyện Mường Chà" → "UBND huyện Mường Chà"."""
    text = unicodedata.normalize("NFC", _one_line(name))
    for long, short in _AGENCY_ABBREVIATIONS:
        text = re.sub(re.escape(long), short, text, flags=re.IGNORECASE)
    return text


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def local_date(moment: datetime) -> date:
    """The calendar day in Vietnam of an aware UTC moment."""
    return moment.astimezone(VN_TZ).date()


def _natural(text: str) -> tuple[Any, ...]:
    """'9/QĐ' before '12/QĐ': digits compare as numbers, the rest folded."""
    parts = re.split(r"(\d+)", text)  # odd positions are the digit runs
    return tuple(int(p) if i % 2 else fold(p) for i, p in enumerate(parts))


# Issue and send are one workflow step ("sent" = handed to the outbox); what a clerk needs to
# see is whether the package has left, which only the outbox knows.
_SENDING_STATES = frozenset({DocumentState.ISSUED, DocumentState.SENT})


def state_text(state: DocumentState, sending: Sending = Sending.NONE) -> str:
    """The state as a clerk reads it: an issued document says whether it has really gone."""
    if state in _SENDING_STATES and sending is not Sending.NONE:
        translate = QCoreApplication.translate
        if sending is Sending.PENDING:
            return translate("DocumentTableModel", "Đã phát hành, chờ gửi")
        if sending is Sending.FAILED:
            return translate("DocumentTableModel", "Đã phát hành, gửi lỗi")
        return translate("DocumentTableModel", "Đã gửi")
    label = STATE_LABELS.get(state)
    return domain_label(label) if label is not None else str(state)


def _alignment(col: Col) -> Qt.AlignmentFlag:
    if col in (Col.DATE, Col.DUE, Col.URGENCY):
        return Qt.AlignmentFlag.AlignCenter
    return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


_MISSING_LAST = (1,)


def _sort_key(col: Col) -> Callable[[DocumentRow], Any]:
    def optional(value: Any) -> tuple[Any, ...]:
        return _MISSING_LAST if value is None else (0, value)

    keys: dict[Col, Callable[[DocumentRow], Any]] = {
        Col.CODE: lambda r: _natural(r.code),
        Col.SUBJECT: lambda r: fold(r.subject),
        Col.SENDER: lambda r: fold(r.sender_name),
        Col.DATE: lambda r: optional(r.issue_date),
        Col.URGENCY: lambda r: r.urgency,
        Col.STATE: lambda r: fold(state_text(r.state, r.sending)),
        Col.DUE: lambda r: optional(r.due_at),
    }
    return keys[col]


class DocumentTableModel(QAbstractTableModel):
    """Rows are snapshots; ``set_rows`` replaces them and keeps the last sort order. Without a
    sort column (Qt's -1, the view's start) the rows stay in the order given: newest first."""

    def __init__(
        self,
        rows: Iterable[DocumentRow] = (),
        *,
        now: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[DocumentRow] = list(rows)
        self._given: tuple[DocumentRow, ...] = tuple(self._rows)  # the order without a sort
        self._now = now or (lambda: datetime.now(UTC))
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._headers = {
            Col.CODE: self.tr("Số/ký hiệu"),
            Col.SUBJECT: self.tr("Trích yếu"),
            Col.SENDER: self.tr("Nơi gửi"),
            Col.DATE: self.tr("Ngày"),
            Col.URGENCY: self.tr("Độ khẩn"),
            Col.STATE: self.tr("Trạng thái"),
            Col.DUE: self.tr("Hạn xử lý"),
        }

    # --- rows -----------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[DocumentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._given = tuple(self._rows)
        if self._sort is not None:
            self._rows.sort(key=_sort_key(Col(self._sort[0])), reverse=self._reversed())
        self.endResetModel()

    def rows(self) -> Sequence[DocumentRow]:
        return tuple(self._rows)

    def row_at(self, row: int) -> DocumentRow:
        return self._rows[row]

    # --- Qt model interface ---------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Col(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_alignment(Col(section)))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], Col(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and col in _TOOLTIP_COLUMNS:
            text = _one_line(row.sender_name) if col is Col.SENDER else self._display(row, col)
            return text or None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, col)
        if role == Qt.ItemDataRole.BackgroundRole and col is Col.DUE:
            colour = self._deadline_colour(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_alignment(col))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column == -1 and self._sort is not None:
            # No sort column: QTableView asks this at setSortingEnabled(True) + sortByColumn(-1);
            # ignoring it left the first column's sort on, so lists came in code order.
            self._sort = None
        elif not 0 <= column < len(COLUMNS):
            return
        else:
            self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_ids = [r.id for r in self._rows]
        if self._sort is None:
            self._rows = list(self._given)
        else:
            self._rows.sort(key=_sort_key(Col(column)), reverse=self._reversed())
        new_pos = {r.id: i for i, r in enumerate(self._rows)}
        for old in self.persistentIndexList():
            new_row = new_pos[old_ids[old.row()]]
            self.changePersistentIndex(old, self.index(new_row, old.column()))
        self.layoutChanged.emit()

    # --- helpers --------------------------------------------------------------------------------
    def _reversed(self) -> bool:
        return self._sort is not None and self._sort[1] == Qt.SortOrder.DescendingOrder

    def _display(self, row: DocumentRow, col: Col) -> str:
        if col is Col.CODE:
            return _one_line(row.code)
        if col is Col.SUBJECT:
            return _one_line(row.subject)
        if col is Col.SENDER:
            return short_agency_name(row.sender_name)
        if col is Col.DATE:
            return format_date(row.issue_date)
        if col is Col.URGENCY:
            return urgency_label(row.urgency)
        if col is Col.STATE:
            return state_text(row.state, row.sending)
        return format_date(local_date(row.due_at)) if row.due_at else ""

    def _foreground(self, row: DocumentRow, col: Col) -> QBrush | None:
        if col is Col.URGENCY and row.urgency >= 1:
            return QBrush(URGENT_FG if row.urgency == 1 else VERY_URGENT_FG)
        if col is Col.STATE and row.sending is Sending.FAILED:
            return QBrush(SEND_FAILED_FG)
        if col is Col.DUE and self._deadline_colour(row) is not None:
            return QBrush(FLAGGED_TEXT)
        return None

    def _deadline_colour(self, row: DocumentRow) -> QColor | None:
        if row.due_at is None or row.state in CLOSED_STATES:
            return None
        now = self._now()
        if row.due_at < now:
            return OVERDUE_BG
        if local_date(row.due_at) == local_date(now):
            return DUE_TODAY_BG
        return None
