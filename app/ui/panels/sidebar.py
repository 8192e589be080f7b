"""The queue sidebar: three groups (Văn bản đến, Văn bản đi, Hộp thư đi), each with its
sub-queues, all with live counts; emits ``queue_selected``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from app.domain.queues import QUEUES, Queue
from app.ui.i18n.domain_labels import domain_label

_QUEUE_ROLE = Qt.ItemDataRole.UserRole
# Sub-queues whose count is a warning when it is not zero.
_ALARMING = frozenset({Queue.IN_OVERDUE, Queue.IN_RECALLED, Queue.OUTBOX_FAILED})


class QueueSidebar(QTreeWidget):
    """One row per queue, labelled "Chờ vào sổ (3)", under its group; counts arrive from a
    background load. Groups stay expanded: the tree is a list with headings, not a hierarchy
    to browse."""

    queue_selected = Signal(object)  # Queue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueSidebar")
        self.setAccessibleName(self.tr("Danh sách hàng đợi văn bản"))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setRootIsDecorated(False)
        self.setIndentation(14)
        self.setItemsExpandable(False)
        self._counts: dict[Queue, int] = {}
        self._items: dict[Queue, QTreeWidgetItem] = {}
        for spec in QUEUES:
            parent_item = self._items.get(spec.parent) if spec.parent else None
            item = QTreeWidgetItem([domain_label(spec.label)])
            item.setData(0, _QUEUE_ROLE, spec.queue.value)
            item.setSizeHint(0, QSize(0, 26))
            if parent_item is None:
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
                self.addTopLevelItem(item)
            else:
                parent_item.addChild(item)
            self._items[spec.queue] = item
        self.expandAll()
        self.currentItemChanged.connect(self._on_current_changed)

    def set_counts(self, counts: Mapping[Queue, int]) -> None:
        """Show ``counts`` next to the labels; a queue missing from the mapping shows no number."""
        self._counts = dict(counts)
        for spec in QUEUES:
            count = self._counts.get(spec.queue)
            text = domain_label(spec.label)
            if count is not None:
                text = self.tr("{label} ({count})").format(label=text, count=count)
            item = self._items[spec.queue]
            item.setText(0, text)
            if spec.queue in _ALARMING:
                item.setForeground(0, Qt.GlobalColor.darkRed if count else self.palette().text())

    def counts(self) -> dict[Queue, int]:
        return dict(self._counts)

    def labels(self) -> list[str]:
        """The visible rows' texts, top to bottom."""
        return [self._items[s.queue].text(0) for s in QUEUES if not self._items[s.queue].isHidden()]

    def show_only(self, queues: Iterable[Queue]) -> None:
        """Hide the queues not in ``queues``."""
        wanted = set(queues)
        for spec in QUEUES:
            self._items[spec.queue].setHidden(spec.queue not in wanted)

    def visible_queues(self) -> list[Queue]:
        return [s.queue for s in QUEUES if not self._items[s.queue].isHidden()]

    def current_queue(self) -> Queue | None:
        item = self.currentItem()
        return Queue(item.data(0, _QUEUE_ROLE)) if item is not None else None

    def select_queue(self, queue: Queue) -> None:
        self.setCurrentItem(self._items[queue])

    def sizeHint(self) -> QSize:
        # Wide enough for the longest label with a four-digit count, whatever the font.
        metrics = self.fontMetrics()
        template = self.tr("{label} ({count})")
        width = max(
            metrics.horizontalAdvance(template.format(label=domain_label(s.label), count=8888))
            + (self.indentation() if s.parent else 0)
            for s in QUEUES
        )
        width += 48
        return QSize(width, super().sizeHint().height())

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.queue_selected.emit(Queue(current.data(0, _QUEUE_ROLE)))
