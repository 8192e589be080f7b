"""Rendered page images WITH annotations and form fields, made off the GUI thread and kept per size.

QPdfView renders without annotations and offers no switch, so the filled number and date fields
and the signature and seal images of a signed document would not show. ``PageImages`` asks Qt's
own ``QPdfPageRenderer`` (a worker thread; pdfium calls are serialised by QtPdf's global lock)
for ``RenderFlag.Annotations`` images and keeps the last few sizes, so stepping back to an
earlier zoom is instant. ``use_source`` swaps in another copy of the same file to render from
(see ``appearances``: pdfium draws form widgets only that way). Must not: lay pages out or paint
(``PageView`` does).
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Signal
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from shiboken6 import isValid

# An A4 page at 400 % on a 96 dpi screen is about 57 MB; keep a few zoom levels, not dozens.
CACHE_BYTES = 160 * 1024 * 1024

Key = tuple[int, int, int]  # page, width, height in device pixels


def render_options() -> QPdfDocumentRenderOptions:
    """Annotations on: widget appearances (fields, signatures, seals) are annotations in PDF."""
    options = QPdfDocumentRenderOptions()
    options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.Annotations)
    return options


class PageImages(QObject):
    """``image(page, size)`` answers from the cache or asks the worker; ``ready`` tells when."""

    ready = Signal(int)  # page number; -1: every page (the source changed)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._renderer = QPdfPageRenderer(self)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.pageRendered.connect(self._rendered)
        self._options = render_options()
        self._images: OrderedDict[Key, QImage] = OrderedDict()
        self._pending: dict[int, Key] = {}  # request id → what it will deliver
        self._document: QPdfDocument | None = None  # the one the view lays out
        self._source: tuple[QPdfDocument, QBuffer] | None = None  # rendered instead, if set

    def set_document(self, document: QPdfDocument | None) -> None:
        if self._document is not None:
            self._document.statusChanged.disconnect(self._document_changed)
        self._document = document
        if document is not None:
            document.statusChanged.connect(self._document_changed)
        self._document_changed()

    def _document_changed(self, *_args: object) -> None:
        """A new file, a closed one: back to rendering the view's own document."""
        if self._document is not None and not isValid(self._document):
            self._document = None  # being destroyed (its destructor closes it and tells)
        self._drop_source()
        self._renderer.setDocument(self._document)
        self.clear()

    def use_source(self, data: bytes) -> bool:
        """Render from ``data``, another copy of the file being shown (same pages, same sizes).
        False (and nothing changes) when QtPdf cannot open it."""
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        source = QPdfDocument(self)
        source.load(buffer)
        same = self._document is not None and source.pageCount() == self._document.pageCount()
        if source.status() != QPdfDocument.Status.Ready or not same:
            source.deleteLater()
            buffer.deleteLater()
            return False
        self._drop_source()
        self._source = (source, buffer)
        self._renderer.setDocument(source)
        self.clear()
        self.ready.emit(-1)
        return True

    def _drop_source(self) -> None:
        if self._source is not None:
            source, buffer = self._source
            self._source = None
            self._renderer.setDocument(self._document)
            source.deleteLater()  # closes under QtPdf's lock, after any render in flight
            buffer.deleteLater()

    def clear(self) -> None:
        """Forget every image and every answer still in flight."""
        self._images.clear()
        self._pending.clear()

    def image(self, page: int, size: QSize) -> QImage | None:
        """The page at exactly ``size`` if rendered, else requests it and returns None."""
        key = (page, size.width(), size.height())
        found = self._images.get(key)
        if found is not None:
            self._images.move_to_end(key)
            return found
        if key not in self._pending.values() and not size.isEmpty() and self._ready():
            request = self._renderer.requestPage(page, size, self._options)
            self._pending[request] = key
        return None

    def any_image(self, page: int) -> QImage | None:
        """The most recent image of ``page`` at any size: shown scaled while the sharp one comes."""
        for (number, _w, _h), image in reversed(self._images.items()):
            if number == page:
                return image
        return None

    def _ready(self) -> bool:
        doc = self._source[0] if self._source is not None else self._document
        return doc is not None and doc.status() == QPdfDocument.Status.Ready

    def _rendered(
        self,
        page: int,
        _size: QSize,
        image: QImage,
        _options: QPdfDocumentRenderOptions,
        request: int,
    ) -> None:
        key = self._pending.pop(request, None)
        if key is None or image.isNull():
            return  # for a document that has since been closed or replaced
        self._images[key] = image
        self._trim()
        self.ready.emit(page)

    def _trim(self) -> None:
        total = sum(image.sizeInBytes() for image in self._images.values())
        while len(self._images) > 1 and total > CACHE_BYTES:
            _key, oldest = self._images.popitem(last=False)
            total -= oldest.sizeInBytes()
