"""The queue sidebar: the five work queues with live counts; emits ``queue_selected``."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.domain.queues import QUEUES, Queue
from app.ui.i18n.domain_labels import domain_label

_QUEUE_ROLE = Qt.ItemDataRole.UserRole


class QueueSidebar(QListWidget):
    """One item per queue, labelled "Văn bản đến (3)"; counts arrive from a background load."""

    queue_selected = Signal(object)  # Queue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueSidebar")
        self.setAccessibleName(self.tr("Danh sách hàng đợi văn bản"))
        self.setUniformItemSizes(True)
        self.setSpacing(1)
        self._counts: dict[Queue, int] = {}
        for spec in QUEUES:
            item = QListWidgetItem(domain_label(spec.label))
            item.setData(_QUEUE_ROLE, spec.queue.value)
            item.setSizeHint(QSize(0, 30))
            self.addItem(item)
        self.currentItemChanged.connect(self._on_current_changed)

    def set_counts(self, counts: Mapping[Queue, int]) -> None:
        """Show ``counts`` next to the labels; a queue missing from the mapping shows no number."""
        self._counts = dict(counts)
        for i, spec in enumerate(QUEUES):
            count = self._counts.get(spec.queue)
            text = domain_label(spec.label)
            if count is not None:
                text = self.tr("{label} ({count})").format(label=text, count=count)
            self.item(i).setText(text)

    def counts(self) -> dict[Queue, int]:
        return dict(self._counts)

    def labels(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def current_queue(self) -> Queue | None:
        item = self.currentItem()
        return Queue(item.data(_QUEUE_ROLE)) if item is not None else None

    def select_queue(self, queue: Queue) -> None:
        for i in range(self.count()):
            if self.item(i).data(_QUEUE_ROLE) == queue.value:
                self.setCurrentRow(i)
                return
        raise KeyError(queue)

    def sizeHint(self) -> QSize:
        # Wide enough for the longest label with a four-digit count, whatever the font.
        metrics = self.fontMetrics()
        template = self.tr("{label} ({count})")
        width = max(
            metrics.horizontalAdvance(template.format(label=domain_label(s.label), count=8888))
            for s in QUEUES
        )
        width += 48
        return QSize(width, super().sizeHint().height())

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.queue_selected.emit(Queue(current.data(_QUEUE_ROLE)))
