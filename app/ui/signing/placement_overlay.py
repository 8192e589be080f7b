"""The signature box drawn over the PDF preview where the engine would sign; drag it to move,
drag a corner handle to resize.

The box is kept in PDF points (origin bottom left, the engine's unit) and converted through the
view's page geometry on every paint, so it stays on the same spot of the paper at any zoom, scroll
position or window size. A child of the view's viewport, covering it: mouse presses outside the
box are ignored and fall through to the view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from app.signing.pades import Box
from app.ui.pdf.page_view import PageView
from app.ui.signing import style

HANDLE_PX = 9
MIN_SIZE_PT = (24.0, 12.0)
_CORNERS = ("tl", "tr", "bl", "br")
_CURSORS = {
    "tl": Qt.CursorShape.SizeFDiagCursor,
    "br": Qt.CursorShape.SizeFDiagCursor,
    "tr": Qt.CursorShape.SizeBDiagCursor,
    "bl": Qt.CursorShape.SizeBDiagCursor,
    "move": Qt.CursorShape.SizeAllCursor,
}


def box_to_rect(view: PageView, box: Box) -> QRectF:
    """A box in PDF points to viewport pixels on the view's current page."""
    top_left = view.to_view(box[0], box[3])
    bottom_right = view.to_view(box[2], box[1])
    return QRectF(top_left, bottom_right)


def rect_to_box(view: PageView, rect: QRectF) -> Box:
    """Viewport pixels to a box in PDF points (x1 < x2, y1 < y2)."""
    x1, y2 = view.to_pdf(rect.topLeft())
    x2, y1 = view.to_pdf(rect.bottomRight())
    return (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))


class PlacementOverlay(QWidget):
    """Shows and edits one box on one page; ``moved`` fires when the person let go of it."""

    moved = Signal()

    def __init__(self, view: PageView) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.page: int | None = None
        self.box: Box | None = None
        self.caption = ""
        self.warning = False
        self._drag: tuple[str, tuple[float, float], Box] | None = None
        self.setMouseTracking(True)
        self.setGeometry(view.viewport().rect())
        view.viewport().installEventFilter(self)
        view.layout_changed.connect(self.update)

    def set_box(self, page: int, box: Box, caption: str, *, warning: bool = False) -> None:
        self.page, self.box, self.caption, self.warning = page, box, caption, warning
        self.update()

    def clear(self) -> None:
        self.page = self.box = None
        self.update()

    def view_rect(self) -> QRectF | None:
        """The box in viewport pixels, or None when it is not on the page being shown."""
        if self.box is None or self.page != self.view.current_page():
            return None
        if self.view.page_rect() is None:
            return None
        return box_to_rect(self.view, self.box)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.viewport().rect())
        return False

    # --- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.view_rect()
        if rect is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = QColor(style.BOX_WARNING_BORDER if self.warning else style.BOX_BORDER)
        painter.fillRect(rect, QColor(style.BOX_FILL))
        painter.setPen(QPen(border, 2, Qt.PenStyle.DashLine))
        painter.drawRect(rect)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(border)
        for corner in self._corner_points(rect).values():
            painter.drawRect(
                QRectF(corner.x() - HANDLE_PX / 2, corner.y() - HANDLE_PX / 2, HANDLE_PX, HANDLE_PX)
            )
        if self.caption:
            painter.setPen(QColor("#10325f" if not self.warning else "#5c3d00"))
            painter.drawText(
                rect.adjusted(6, 4, -6, -4),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.caption,
            )
        painter.end()

    @staticmethod
    def _corner_points(rect: QRectF) -> dict[str, QPointF]:
        return {
            "tl": rect.topLeft(),
            "tr": rect.topRight(),
            "bl": rect.bottomLeft(),
            "br": rect.bottomRight(),
        }

    # --- mouse ------------------------------------------------------------------------------
    def hit(self, pos: QPointF) -> str | None:
        """ "move", a corner name, or None when ``pos`` misses the box."""
        rect = self.view_rect()
        if rect is None:
            return None
        for name, point in self._corner_points(rect).items():
            if abs(pos.x() - point.x()) <= HANDLE_PX and abs(pos.y() - point.y()) <= HANDLE_PX:
                return name
        return "move" if rect.contains(pos) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        mode = self.hit(event.position())
        if mode is None or event.button() != Qt.MouseButton.LeftButton or self.box is None:
            event.ignore()
            return
        self._drag = (mode, self.view.to_pdf(event.position()), self.box)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-click on the page: bring the box here (also onto another page)."""
        page_rect = self.view.page_rect()
        if self.box is None or page_rect is None or not page_rect.contains(event.position()):
            event.ignore()
            return
        x, y = self.view.to_pdf(event.position())
        half_w, half_h = (self.box[2] - self.box[0]) / 2, (self.box[3] - self.box[1]) / 2
        size = self.view.page_size_pt()
        x = min(max(x, half_w), size.width() - half_w)
        y = min(max(y, half_h), size.height() - half_h)
        self.page = self.view.current_page()
        self.box = (x - half_w, y - half_h, x + half_w, y + half_h)
        self.warning = False
        self.update()
        self.moved.emit()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            mode = self.hit(event.position())
            if mode is None:
                self.unsetCursor()
            else:
                self.setCursor(_CURSORS[mode])
            event.ignore()
            return
        mode, start, box = self._drag
        x, y = self.view.to_pdf(event.position())
        self.box = self._dragged(mode, box, x - start[0], y - start[1])
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            event.ignore()
            return
        self._drag = None
        self.warning = False
        self.moved.emit()

    def _dragged(self, mode: str, box: Box, dx: float, dy: float) -> Box:
        size = self.view.page_size_pt()
        width, height = size.width(), size.height()
        x1, y1, x2, y2 = box
        if mode == "move":
            dx = min(max(dx, -x1), width - x2)
            dy = min(max(dy, -y1), height - y2)
            return (x1 + dx, y1 + dy, x2 + dx, y2 + dy)
        min_w, min_h = MIN_SIZE_PT
        if "l" in mode:
            x1 = min(max(0.0, x1 + dx), x2 - min_w)
        else:
            x2 = max(min(width, x2 + dx), x1 + min_w)
        if "t" in mode:  # the top edge is the larger y in PDF space
            y2 = max(min(height, y2 + dy), y1 + min_h)
        else:
            y1 = min(max(0.0, y1 + dy), y2 - min_h)
        return (x1, y1, x2, y2)
