"""``PageView``: a single-page QPdfView that knows where it draws the page, so an overlay can
map pixels to PDF points and back, plus zoom steps, "whole page" and PgUp/PgDn paging.

QPdfView keeps the layout, scrolling and page navigation, but the page itself is painted here
from ``PageImages`` (rendered with annotations: filled fields, signature and seal images), since
QPdfView's own renderer leaves annotations out.

QPdfView does not publish where it draws the page; ``page_rect`` recomputes it the way QPdfView's
single-page layout does (page size in points × screen dpi/72 × zoom, centred horizontally, the
document margins on top), and tests check it against rendered pixels at several zooms.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget

from app.ui.pdf.page_images import PageImages

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


class PageView(QPdfView):
    """A single-page QPdfView that can say where the current page is and map points to pixels."""

    layout_changed = Signal()  # page, zoom, scroll position or size changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images = PageImages(self)
        self.images.ready.connect(self._image_ready)
        self.setPageMode(QPdfView.PageMode.SinglePage)
        self.fitting_page = False  # "whole page": a custom zoom recomputed on every resize
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.valueChanged.connect(self.layout_changed)
        self.zoomFactorChanged.connect(self.layout_changed)
        self.zoomModeChanged.connect(self.layout_changed)
        self.pageNavigator().currentPageChanged.connect(self._page_changed)
        self.fit_page()

    def setDocument(self, document: QPdfDocument | None) -> None:
        super().setDocument(document)
        self.images.set_document(document)

    # --- pages ------------------------------------------------------------------------------
    def current_page(self) -> int:
        return self.pageNavigator().currentPage()

    def page_count(self) -> int:
        doc = self.document()
        return doc.pageCount() if doc is not None else 0

    def set_page(self, page: int) -> None:
        if 0 <= page < self.page_count() and page != self.current_page():
            self.pageNavigator().jump(page, QPointF(), self.zoomFactor())

    def page_size_pt(self, page: int | None = None) -> QSizeF:
        doc = self.document()
        if doc is None or doc.status() != QPdfDocument.Status.Ready:
            return QSizeF()
        return doc.pagePointSize(self.current_page() if page is None else page)

    # --- geometry ---------------------------------------------------------------------------
    def pixels_per_point(self) -> float:
        # QPdfView's own factor: one point is logicalDpi/72 pixels at zoom 1.
        screen = QGuiApplication.primaryScreen()
        dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
        return dpi / 72.0

    def page_rect(self) -> QRectF | None:
        """Where the current page is drawn, in viewport pixels (None before a document is ready)."""
        size_pt = self.page_size_pt()
        if size_pt.isEmpty():
            return None
        margins, width = self.documentMargins(), self.viewport().width()
        size = (size_pt * self.pixels_per_point()).toSize()
        if self.zoomMode() == QPdfView.ZoomMode.Custom:
            size = (size_pt * self.pixels_per_point() * self.zoomFactor()).toSize()
        elif self.zoomMode() == QPdfView.ZoomMode.FitToWidth and size.width() > 0:
            size = size * ((width - margins.left() - margins.right()) / size.width())
        total = size.width() + margins.left() + margins.right()
        x = (max(total, width) - size.width()) // 2 - self.horizontalScrollBar().value()
        y = margins.top() - self.verticalScrollBar().value()
        return QRectF(x, y, size.width(), size.height())

    def to_view(self, x: float, y: float) -> QPointF:
        """A point in PDF user space (origin bottom left) to viewport pixels (current page)."""
        rect, size = self.page_rect(), self.page_size_pt()
        if rect is None:
            return QPointF()
        return QPointF(
            rect.left() + x * rect.width() / size.width(),
            rect.top() + (size.height() - y) * rect.height() / size.height(),
        )

    def to_pdf(self, point: QPointF) -> tuple[float, float]:
        """Viewport pixels to PDF user space on the current page."""
        rect, size = self.page_rect(), self.page_size_pt()
        if rect is None:
            return 0.0, 0.0
        x = (point.x() - rect.left()) * size.width() / rect.width()
        y = size.height() - (point.y() - rect.top()) * size.height() / rect.height()
        return x, y

    # --- zoom -------------------------------------------------------------------------------
    def effective_zoom(self) -> float:
        rect, size = self.page_rect(), self.page_size_pt()
        if rect is None or size.isEmpty():
            return self.zoomFactor()
        return rect.width() / (size.width() * self.pixels_per_point())

    def zoom_by(self, steps: int) -> None:
        current = self.effective_zoom()
        if steps > 0:
            target = next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1])
        else:
            target = next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01), ZOOM_STEPS[0])
        self.set_zoom(target)

    def set_zoom(self, factor: float) -> None:
        self.fitting_page = False
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        self.setZoomFactor(factor)

    def fit_width(self) -> None:
        self.fitting_page = False
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        """The whole page in view. Qt's FitInView ignores the top and bottom margins (the page
        ends up a few pixels too tall and a scroll bar appears), so compute the zoom here."""
        self.fitting_page = True
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        self.refit()

    def refit(self) -> None:
        size = self.page_size_pt()
        if not self.fitting_page or size.isEmpty():
            return
        m, res = self.documentMargins(), self.pixels_per_point()
        # Half a pixel less than the room: QPdfView rounds the page size to whole pixels.
        room_w = self.maximumViewportSize().width() - m.left() - m.right() - 0.5
        room_h = self.maximumViewportSize().height() - m.top() - m.bottom() - self.pageSpacing()
        factor = min(room_w / (size.width() * res), (room_h - 0.5) / (size.height() * res))
        if factor > 0:
            self.setZoomFactor(factor)

    def ensure_visible(self, rect: QRectF) -> None:
        """Scroll so that ``rect`` (viewport pixels) is on screen, centred with its surroundings
        (a signature box is judged by the lines around it)."""
        if QRectF(self.viewport().rect()).contains(rect):
            return
        centre = self.viewport().rect().center()
        for bar, offset in (
            (self.horizontalScrollBar(), rect.center().x() - centre.x()),
            (self.verticalScrollBar(), rect.center().y() - centre.y()),
        ):
            bar.setValue(bar.value() + int(offset))

    # --- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """The page from ``PageImages`` where QPdfView would draw it; until the sharp image
        arrives, an earlier one of the same page scaled (a zoom step), else white paper."""
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), self.palette().brush(QPalette.ColorRole.Dark))
        rect = self.page_rect()
        if rect is None:
            painter.end()
            return
        painter.fillRect(rect, Qt.GlobalColor.white)
        page = self.current_page()
        image = self.images.image(page, self._wanted_size(rect)) or self.images.any_image(page)
        if image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(rect, image)
        painter.end()

    def _wanted_size(self, rect: QRectF) -> QSize:
        ratio = self.devicePixelRatioF()
        return QSize(round(rect.width() * ratio), round(rect.height() * ratio))

    def is_sharp(self) -> bool:
        """Whether the page on screen is the image rendered for this very size (not an earlier
        zoom's, scaled, while the new one is being made)."""
        rect = self.page_rect()
        if rect is None:
            return False
        return self.images.image(self.current_page(), self._wanted_size(rect)) is not None

    def _image_ready(self, page: int) -> None:
        if page in (-1, self.current_page()):
            self.viewport().update()

    # --- events -----------------------------------------------------------------------------
    def _page_changed(self) -> None:
        self.refit()  # pages may differ in size
        self.layout_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()
        self.layout_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # One page at a time: PgUp/PgDn turn pages instead of scrolling within the page.
        if event.key() == Qt.Key.Key_PageDown:
            self.set_page(self.current_page() + 1)
        elif event.key() == Qt.Key.Key_PageUp:
            self.set_page(self.current_page() - 1)
        else:
            super().keyPressEvent(event)
