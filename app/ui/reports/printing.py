"""Printing a finished report PDF: each page rendered by QtPdf (pdfium) onto the printer.

The report is built once, as a PDF, and the printer gets exactly those pages: what the clerk
previewed is what comes out of the printer, with the embedded Vietnamese fonts already laid out.
Pages are rendered at the printer's resolution, capped at ``MAX_DPI``: an A4 page at 1200 dpi
(Qt's high-resolution PDF printer) is a 550 MB image, at 300 dpi 35 MB, and 300 dpi is already
finer than a toner dot pattern shows small print. Runs on the GUI thread (QPainter on a printer
and QPdfDocument belong to it); ``progress`` is called after each page so a window can keep its
progress dialog alive and offer to cancel.

Pages are rendered with annotations on, as the preview shows them. A signed document's signature
and seal images are form widgets, which QtPdf never draws: the document window passes the
preview's copy from ``app.ui.pdf.appearances`` (``data``) so the paper shows them too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import UserCancelled, UserFacingError
from app.ui.pdf.page_images import render_options

MAX_DPI = 300


class PrintFailed(UserFacingError):
    """The printer could not be opened or the PDF could not be read (the message is Vietnamese)."""

    code = "print_failed"


def open_pdf(path: Path) -> QPdfDocument:
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise PrintFailed(
            QCoreApplication.translate(
                "ReportPrinting", "Không đọc được tệp báo cáo để in: {path}"
            ).format(path=str(path))
        )
    return document


@contextmanager
def opened(path: Path, data: bytes | None = None) -> Iterator[QPdfDocument]:
    """``path`` opened for printing, or ``data`` (another copy of it, kept in memory) if given."""
    if data is None:
        document = open_pdf(path)
        try:
            yield document
        finally:
            document.close()
        return
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)  # the buffer must outlive the document: closed in this order below
    try:
        if document.status() != QPdfDocument.Status.Ready:
            raise PrintFailed(
                QCoreApplication.translate(
                    "ReportPrinting", "Không đọc được tệp để in: {path}"
                ).format(path=str(path))
            )
        yield document
    finally:
        document.close()
        buffer.close()


def _orientation(document: QPdfDocument, page: int) -> QPageLayout.Orientation:
    size = document.pagePointSize(page)
    if size.width() > size.height():
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def prepare_printer(printer: QPrinter, document: QPdfDocument) -> None:
    """A4, the first page's orientation, the document's title: what the print dialog shows."""
    printer.setPageOrientation(_orientation(document, 0))
    title = document.metaData(QPdfDocument.MetaDataField.Title)
    if isinstance(title, str) and title:
        printer.setDocName(title)
    printer.setFromTo(0, 0)


def page_range(printer: QPrinter, count: int) -> range:
    """The pages (0-based) the print dialog asked for; all of them by default."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 and last <= 0:
        return range(count)
    first = max(1, first)
    last = count if last <= 0 else min(last, count)
    return range(first - 1, last)


def print_document(
    document: QPdfDocument,
    printer: QPrinter,
    *,
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Render the chosen pages onto ``printer``; returns how many were printed.

    ``progress(done, total)`` returning False cancels (the job is aborted, ``UserCancelled``).
    """
    pages = page_range(printer, document.pageCount())
    if not pages:
        raise PrintFailed(QCoreApplication.translate("ReportPrinting", "Không có trang nào để in."))
    printer.setPageOrientation(_orientation(document, pages[0]))
    # The whole sheet, 1:1: the report keeps its own margins (the register's binding margin is
    # wider than any printer's unprintable edge), so nothing is shrunk by the driver's margins.
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(
            QCoreApplication.translate("ReportPrinting", "Không mở được máy in «{name}».").format(
                name=printer.printerName()
            )
        )
    dpi = min(printer.resolution(), MAX_DPI)
    done = 0
    try:
        for page in pages:
            if done:
                # Takes effect from the next page on (a landscape register's portrait cover).
                printer.setPageOrientation(_orientation(document, page))
                printer.newPage()
            _draw_page(document, page, painter, printer, dpi)
            done += 1
            if progress is not None and not progress(done, len(pages)):
                printer.abort()
                raise UserCancelled("printing cancelled")
    finally:
        if painter.isActive():
            painter.end()
    return done


def _draw_page(
    document: QPdfDocument, page: int, painter: QPainter, printer: QPrinter, dpi: int
) -> None:
    size = document.pagePointSize(page)
    image = document.render(
        page,
        QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi)),
        render_options(),
    )
    if image.isNull():
        raise PrintFailed(
            QCoreApplication.translate(
                "ReportPrinting", "Không dựng được trang {page} để in."
            ).format(page=page + 1)
        )
    # The sheet in device pixels; a page of another size keeps its proportions, centred.
    area = QRectF(painter.viewport())
    scale = min(area.width() / image.width(), area.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    target = QRectF(
        area.x() + (area.width() - width) / 2,
        area.y() + (area.height() - height) / 2,
        width,
        height,
    )
    painter.drawImage(target, image)


def print_pdf(path: Path, printer: QPrinter, *, data: bytes | None = None) -> int:
    """Print ``path`` (or ``data``, a copy of it) on an already set-up printer (no dialog);
    returns the pages printed."""
    with opened(path, data) as document:
        return print_document(document, printer)


def ask_and_print(
    parent: QWidget, path: Path, *, data: bytes | None = None, title: str | None = None
) -> int:
    """The system print dialog for ``path`` (``data``: print this copy of it instead), then print
    with a cancellable progress window.

    Returns the pages printed, 0 if the person closed the dialog.
    """
    title = title or QCoreApplication.translate("ReportPrinting", "In báo cáo")
    with opened(path, data) as document:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, document)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        dialog.setMinMax(1, document.pageCount())
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        waiting = QProgressDialog(
            QCoreApplication.translate("ReportPrinting", "Đang in…"),
            QCoreApplication.translate("ReportPrinting", "Hủy"),
            0,
            document.pageCount(),
            parent,
        )
        waiting.setWindowTitle(title)
        waiting.setMinimumDuration(500)

        def step(done: int, total: int) -> bool:
            waiting.setMaximum(total)
            waiting.setValue(done)
            waiting.setLabelText(
                QCoreApplication.translate(
                    "ReportPrinting", "Đang in trang {done}/{total}…"
                ).format(done=done, total=total)
            )
            QCoreApplication.processEvents()
            return not waiting.wasCanceled()

        try:
            return print_document(document, printer, progress=step)
        finally:
            waiting.close()
