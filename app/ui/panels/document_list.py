"""The document list: a search box over a sortable table of one queue's row snapshots.

Search is client-side over the snapshots already loaded (diacritic-insensitive), so typing never
touches the database. Loading the snapshots is the main window's job (through the task runner).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.search import fold_for_search, matches
from app.services.queues import DocumentRow
from app.ui.tablemodels.documents import Col, DocumentTableModel


class _ElideMiddleDelegate(QStyledItemDelegate):
    """Agency names differ at the end ("… huyện Mường Chà"): keep both ends visible."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


def _haystack(row: DocumentRow) -> str:
    return fold_for_search(" ".join((row.code, row.kind, row.subject, row.sender_name)))


class DocumentListPanel(QWidget):
    """Emits ``document_activated(id)`` when a row is activated (double-click or Enter)."""

    document_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[DocumentRow] = []
        self._folded: dict[int, str] = {}

        self.search = QLineEdit(self)
        self.search.setObjectName("documentSearch")
        self.search.setPlaceholderText(self.tr("Tìm kiếm…"))
        self.search.setToolTip(self.tr("Tìm theo số/ký hiệu, trích yếu, nơi gửi (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)

        self.model = DocumentTableModel(parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("documentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order
        self.table.verticalHeader().setVisible(False)
        self._sender_delegate = _ElideMiddleDelegate(self.table)
        self.table.setItemDelegateForColumn(Col.SENDER, self._sender_delegate)
        self.table.activated.connect(self._on_activated)
        self._setup_columns()

        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyListLabel")
        # Looks like an empty table, not text floating on the window background.
        self.empty.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty.setAutoFillBackground(True)
        self.empty.setBackgroundRole(QPalette.ColorRole.Base)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(self.stack, 1)
        self._loading = True
        self._update_empty()

    def _setup_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        metrics = self.table.fontMetrics()

        def width_for(sample: str) -> int:
            return metrics.horizontalAdvance(sample) + 28  # room for the sort arrow and padding

        # Sized for the common values; longer ones are elided and shown whole in the tooltip.
        widths = {
            Col.CODE: width_for("123/QĐ-UBND-VP"),
            Col.SENDER: width_for("UBND huyện Điện Biên Đông"),
            Col.DATE: width_for("00/00/0000"),
            Col.URGENCY: width_for("Thượng khẩn"),
            Col.STATE: width_for("Đã phát hành, chờ gửi"),
            Col.DUE: width_for("00/00/0000"),
        }
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 12)

    # --- rows -----------------------------------------------------------------------------------
    def set_loading(self) -> None:
        self._loading = True
        self._update_empty()

    def set_rows(self, rows: Iterable[DocumentRow], *, show_sender: bool = True) -> None:
        """Replace the snapshots; the current search text stays applied."""
        self._loading = False
        self._all = list(rows)
        self._folded = {r.id: _haystack(r) for r in self._all}
        self.table.setColumnHidden(Col.SENDER, not show_sender)
        self._apply_filter()

    @property
    def loading(self) -> bool:
        return self._loading

    def visible_rows(self) -> Sequence[DocumentRow]:
        return self.model.rows()

    def total_count(self) -> int:
        return len(self._all)

    def current_document_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()).id if index.isValid() else None

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_filter(self) -> None:
        selected = self.current_document_id()
        query = self.search.text()
        if query.strip():
            rows = [r for r in self._all if matches(query, self._folded[r.id])]
        else:
            rows = self._all
        self.model.set_rows(rows)
        self._restore_selection(selected)
        self._update_empty()

    def _restore_selection(self, doc_id: int | None) -> None:
        if doc_id is None:
            return
        for i, row in enumerate(self.model.rows()):
            if row.id == doc_id:
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                self.table.selectionModel().setCurrentIndex(self.model.index(i, 0), flags)
                return

    def _update_empty(self) -> None:
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
            return
        if self._loading:
            text = self.tr("Đang tải…")
        elif self._all:
            text = self.tr("Không có văn bản nào khớp với “{query}”.").format(
                query=self.search.text().strip()
            )
        else:
            text = self.tr("Không có văn bản nào trong mục này.")
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.document_activated.emit(self.model.row_at(index.row()).id)
