"""The batch review: a thumbnail per document of the page that will carry the signature, with the
box drawn where it will go, so a leader checks every position before one PIN signs them all.

Pages are rendered small (``QPdfDocument.render``) in a worker; the box is painted on a copy on
the GUI thread, so moving the box re-draws the thumbnails without re-rendering the pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from app.signing.pades import Box, Role
from app.ui.signing import style
from app.ui.signing.placement_model import Prediction, Proposal, predict

THUMB_WIDTH = 124


def render_page(path: Path, page: int, width: int = THUMB_WIDTH) -> QImage:
    """One page as a small opaque image (any thread: a private QPdfDocument each time)."""
    document = QPdfDocument()
    try:
        document.load(str(path))
        size = document.pagePointSize(page)
        if size.isEmpty():
            return QImage()
        height = round(width * size.height() / size.width())
        rendered = document.render(page, QSize(width, height))
    finally:
        document.close()
    # pdfium leaves the paper transparent: put it on white, as printed.
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.setPen(QColor("#9a9a9a"))  # the paper's edge: white on white is invisible
    painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
    painter.end()
    return image


def draw_box(image: QImage, page_size: tuple[float, float], box: Box, warning: bool) -> QImage:
    """A copy of a page image with ``box`` (PDF points) drawn on it."""
    out = image.copy()
    sx, sy = out.width() / page_size[0], out.height() / page_size[1]
    rect = QRectF(
        box[0] * sx, out.height() - box[3] * sy, (box[2] - box[0]) * sx, (box[3] - box[1]) * sy
    )
    painter = QPainter(out)
    colour = QColor(style.BOX_WARNING_BORDER if warning else style.BOX_BORDER)
    painter.fillRect(rect, QColor(style.BOX_FILL))
    painter.setPen(QPen(colour, 2))
    painter.drawRect(rect)
    painter.end()
    return out


@dataclass
class ReviewDoc:
    """One document of a batch: the engine's prediction and the pages rendered so far."""

    path: Path
    prediction: Prediction
    pages: dict[int, QImage] = field(default_factory=dict)

    def image(self, page: int) -> QImage:
        if page not in self.pages:  # a page the person moved the box to: render it now (~10 ms)
            self.pages[page] = render_page(self.path, page)
        return self.pages[page]


def prepare_review(paths: Sequence[Path], role: Role, marker: str | None) -> list[ReviewDoc]:
    """Worker job: the engine's prediction and the signature page's thumbnail of every file."""
    docs = []
    for path in paths:
        prediction = predict(path, role, marker)
        doc = ReviewDoc(path, prediction)
        last = max(0, prediction.page_count - 1)
        page = prediction.page if prediction.page is not None else last
        doc.pages[page] = render_page(path, page)
        docs.append(doc)
    return docs


class BatchReview(QListWidget):
    """Thumbnails of a batch; ``doc_chosen(index)`` when one is clicked."""

    doc_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchReview")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        icon = QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42))  # A4 upright
        grid = QSize(icon.width() + 40, icon.height() + 40)  # room for two lines of text
        self.setIconSize(icon)
        self.setGridSize(grid)
        self.setWordWrap(True)
        scroll_bar = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(grid.height() + scroll_bar + 2 * self.frameWidth() + 4)
        self.docs: list[ReviewDoc] = []
        self.problems: dict[int, str] = {}
        self.currentRowChanged.connect(self._chosen)

    def set_docs(self, docs: Sequence[ReviewDoc], current: int = 0) -> None:
        # Quiet while rebuilding: clearing moves the current row through others on its way.
        self.blockSignals(True)
        self.docs = list(docs)
        self.clear()
        for doc in self.docs:
            item = QListWidgetItem(doc.path.name)
            item.setToolTip(str(doc.path))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self.addItem(item)
        self.setCurrentRow(current)  # the document already in the preview
        self.blockSignals(False)

    def show_positions(self, explicit: Proposal | None) -> None:
        """Draw where each document will be signed: ``explicit`` for all, else each its own."""
        self.problems = {}
        for index, doc in enumerate(self.docs):
            prediction = doc.prediction
            page, box = (
                (explicit.page, explicit.box) if explicit else (prediction.page, prediction.box)
            )
            item = self.item(index)
            problem = ""
            if box is None or page is None:
                problem = self.tr("Chưa xác định được chỗ ký")
                page = max(0, prediction.page_count - 1)
            elif page >= prediction.page_count:
                problem = self.tr("Văn bản không có trang {n}").format(n=page + 1)
                page = max(0, prediction.page_count - 1)
            image = doc.image(page)
            if box is not None and not problem and not image.isNull():
                image = draw_box(image, prediction.page_sizes[page], box, False)
            item.setIcon(QIcon(QPixmap.fromImage(image)))
            status = problem or self.tr("Trang {n}").format(n=page + 1)
            item.setText(f"{doc.path.name}\n{status}")
            item.setBackground(QColor(style.WARNING_BACKGROUND) if problem else QColor(0, 0, 0, 0))
            if problem:
                self.problems[index] = problem

    def _chosen(self, row: int) -> None:
        if row >= 0:
            self.doc_chosen.emit(row)
