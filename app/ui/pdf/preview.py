"""The PDF preview: a toolbar (pages, zoom: Ctrl +/-, whole page, fit width) over a
``PageView``, and ``wait_for_render`` for screenshots and tests (QPdfView renders asynchronously:
a grab at first paint shows a blank page).

Loading: ``QPdfDocument.load(path)`` measured 7 ms for a 76 MB file (pdfium reads lazily), so
files are loaded on the GUI thread; a big file is first touched in a worker (its header and the
tail where the cross-reference table lives), so a slow or network disk stalls the worker, not
the window. Right after, a worker prepares a copy in which form widgets draw (``appearances``):
the filled number and date and the signature and seal images; until it is there the page shows
without them. Must not: sign, or know about signatures.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedLayout, QToolButton, QVBoxLayout, QWidget

from app.ui.pdf.appearances import widgets_as_stamps
from app.ui.pdf.page_view import PageView

BIG_FILE_BYTES = 20 * 1024 * 1024
_TAIL_BYTES = 1 << 20


def touch_pdf(path: Path) -> int:
    """Read a PDF's header and tail (worker thread) so the GUI's load finds them cached."""
    with open(path, "rb") as handle:
        handle.read(1024)
        size = handle.seek(0, 2)
        handle.seek(max(0, size - _TAIL_BYTES))
        handle.read()
    return size


class PdfPreview(QWidget):
    """A toolbar (pages, zoom) over a ``PageView``; ``load(path)`` shows a file."""

    loaded = Signal()
    load_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, runner: object | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.path: Path | None = None
        self._loads = 0  # bumped on every load: a late appearance copy is for an earlier file
        self.document = QPdfDocument(self)
        self.view = PageView(self)
        self.view.setDocument(self.document)
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self._build_toolbar()
        self._stack = QStackedLayout()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._bar)
        layout.addLayout(self._stack, 1)
        self.view.layout_changed.connect(self._update_labels)
        self.document.pageCountChanged.connect(self._update_labels)
        self._shortcuts()
        self._update_labels()

    def _build_toolbar(self) -> None:
        self._bar = QHBoxLayout()
        self.prev_button = self._tool(self.tr("‹ Trang trước"), self.tr("Trang trước (PgUp)"))
        self.next_button = self._tool(self.tr("Trang sau ›"), self.tr("Trang sau (PgDn)"))
        self.page_label = QLabel(self)
        self.zoom_out_button = self._tool("−", self.tr("Thu nhỏ (Ctrl −)"))
        self.zoom_label = QLabel(self)
        self.zoom_in_button = self._tool("+", self.tr("Phóng to (Ctrl +)"))
        self.page_button = self._tool(self.tr("Cả trang"), self.tr("Xem cả trang (Ctrl 0)"))
        self.fit_button = self._tool(self.tr("Vừa chiều rộng"), self.tr("Vừa chiều rộng khung xem"))
        self.prev_button.clicked.connect(lambda: self.view.set_page(self.view.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.view.set_page(self.view.current_page() + 1))
        self.zoom_out_button.clicked.connect(lambda: self.view.zoom_by(-1))
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom_by(1))
        self.page_button.clicked.connect(self.view.fit_page)
        self.fit_button.clicked.connect(self.view.fit_width)
        for widget in (self.prev_button, self.page_label, self.next_button):
            self._bar.addWidget(widget)
        self._bar.addStretch(1)
        zoom = (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.page_button)
        for widget in (*zoom, self.fit_button):
            self._bar.addWidget(widget)

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        pairs = [
            (QKeySequence.StandardKey.ZoomIn, lambda: self.view.zoom_by(1)),
            (QKeySequence("Ctrl+="), lambda: self.view.zoom_by(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.view.zoom_by(-1)),
            (QKeySequence("Ctrl+0"), self.view.fit_page),
        ]
        for keys, slot in pairs:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # --- loading ----------------------------------------------------------------------------
    def load(self, path: Path) -> None:
        """Show ``path``; a big file is touched in a worker first (see the module docstring)."""
        self.path = path
        try:
            size = path.stat().st_size
        except OSError:
            self._failed(QPdfDocument.Error.FileNotFound)
            return
        run = getattr(self.runner, "run", None)
        if size < BIG_FILE_BYTES or run is None:
            self._load_now(path)
            return
        self._show_message(self.tr("Đang mở tệp…"))
        run(
            lambda: touch_pdf(path),
            on_success=lambda _: self._load_now(path) if self.path == path else None,
            on_error=lambda _: self._failed(QPdfDocument.Error.FileNotFound),
            kind="db",
            owner=self,
        )

    def _load_now(self, path: Path) -> None:
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self._failed(error)
            return
        self._stack.setCurrentWidget(self.view)
        self.view.pageNavigator().jump(0, QPointF(), self.view.zoomFactor())
        self.view.refit()
        self._update_labels()
        self.loaded.emit()
        self._prepare_appearances(path)

    def _prepare_appearances(self, path: Path) -> None:
        self._loads += 1
        load = self._loads

        def show(data: bytes | None) -> None:
            if data is not None and load == self._loads:
                self.view.images.use_source(data)

        run = getattr(self.runner, "run", None)
        if run is None:  # no worker (a small side preview): inline, small files only
            show(widgets_as_stamps(path, max_bytes=BIG_FILE_BYTES))
            return
        run(lambda: widgets_as_stamps(path), on_success=show, kind="db", owner=self)

    def _failed(self, error: QPdfDocument.Error) -> None:
        texts = {
            QPdfDocument.Error.FileNotFound: self.tr("Không tìm thấy hoặc không đọc được tệp."),
            QPdfDocument.Error.InvalidFileFormat: self.tr("Tệp không phải PDF hoặc đã bị hỏng."),
            QPdfDocument.Error.IncorrectPassword: self.tr("Tệp PDF có mật khẩu."),
            QPdfDocument.Error.UnsupportedSecurityScheme: self.tr("Tệp PDF được mã hóa."),
        }
        text = texts.get(error, self.tr("Không hiển thị được tệp PDF."))
        self._show_message(text)
        self.load_failed.emit(text)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self._stack.setCurrentWidget(self.message)

    def _update_labels(self) -> None:
        count = self.view.page_count()
        page = self.view.current_page()
        self.page_label.setText(self.tr("Trang {page}/{count}").format(page=page + 1, count=count))
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < count)
        percent = round(self.view.effective_zoom() * 100)
        self.zoom_label.setText(self.tr("{percent}%").format(percent=percent))


def _page_has_ink(view: PageView) -> bool:
    rect = view.page_rect()
    if rect is None:
        return False
    area = rect.intersected(QRectF(view.viewport().rect()))
    if area.width() < 4 or area.height() < 4:
        return False
    page = view.viewport().grab().toImage().copy(area.toRect())
    # Smooth down-scaling averages thin glyph strokes into grey cells a sparse sample would miss.
    small = page.scaled(
        64, 64, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return any(
        small.pixelColor(x, y).lightness() < 245 for y in range(small.height()) for x in range(64)
    )


def wait_for_render(view: PageView, timeout_ms: int = 5000) -> bool:
    """Process events until the page is rendered for the current size and the visible part of
    it shows something other than white.

    For screenshots and tests: QPdfView paints a white page first and the rendered image later.
    Returns False on timeout (e.g. a genuinely blank page).
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        loop = QEventLoop()
        QTimer.singleShot(30, loop.quit)
        loop.exec()
        if view.is_sharp() and _page_has_ink(view):
            return True
    return False
