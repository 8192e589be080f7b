"""The preview paints form widgets and annotations: a signed document's signature and seal images
and its filled number field show, where QtPdf's own rendering (QPdfView's) leaves them blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from reportlab.pdfgen import canvas

from app.demo.documents import FIELD_AGENCY_SIG, FIELD_LEADER_SIG, FIELD_NUMBER
from app.ui.pdf.appearances import widgets_as_stamps
from app.ui.pdf.page_images import render_options
from app.ui.pdf.preview import PdfPreview, wait_for_render

Box = tuple[float, float, float, float]


def field_boxes(path: Path) -> dict[str, tuple[int, Box]]:
    """Field name → (page index, /Rect) for the widgets of the AcroForm."""
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle)
        count = int(reader.root["/Pages"]["/Count"])
        pages = [reader.find_page_for_modification(i)[0].idnum for i in range(count)]
        found = {}
        for ref in reader.root["/AcroForm"]["/Fields"]:
            field = ref.get_object()
            page = pages.index(field.raw_get("/P").idnum) if "/P" in field else 0
            found[str(field["/T"])] = (page, tuple(float(v) for v in field["/Rect"]))
        return found


def dark_pixels(image: QImage, rect: QRectF) -> int:
    """Dark pixels of ``rect``, the image laid on white paper first."""
    part = QImage(rect.toRect().size(), QImage.Format.Format_RGB32)
    part.fill(QColor("white"))
    painter = QPainter(part)
    painter.drawImage(0, 0, image.copy(rect.toRect()))
    painter.end()
    return sum(
        part.pixelColor(x, y).lightness() < 200
        for y in range(part.height())
        for x in range(part.width())
    )


@pytest.fixture
def signed(tmp_path: Path, signed_bytes: bytes) -> Path:
    path = tmp_path / "da-ky.pdf"
    path.write_bytes(signed_bytes)
    return path


def shown_preview(qtbot, path: Path) -> PdfPreview:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(900, 1000)
    preview.show()
    preview.load(path)
    return preview


@pytest.mark.parametrize("name", [FIELD_LEADER_SIG, FIELD_AGENCY_SIG, FIELD_NUMBER])
def test_field_appearances_show_in_the_preview(qtbot, signed: Path, name: str) -> None:
    page, (x1, y1, x2, y2) = field_boxes(signed)[name]
    view = shown_preview(qtbot, signed).view
    view.set_page(page)
    view.set_zoom(1.0)
    view.ensure_visible(QRectF(view.to_view(x1, y2), view.to_view(x2, y1)))
    target = QRectF(view.to_view(x1, y2), view.to_view(x2, y1))
    size = view.page_rect().size().toSize()
    qtbot.waitUntil(lambda: view.images.image(page, size) is not None)
    assert wait_for_render(view)
    shown = dark_pixels(view.viewport().grab().toImage(), target)

    # What QPdfView paints (no annotations), and QtPdf even with annotations: the box shows only
    # the page's own text that it overlaps (the seal covers part of the signer's title).
    document = QPdfDocument()
    assert document.load(str(signed)) == QPdfDocument.Error.None_
    local = target.translated(-view.page_rect().left(), -view.page_rect().top())
    plain = dark_pixels(document.render(page, size), local)
    assert dark_pixels(document.render(page, size, render_options()), local) == plain
    document.close()
    assert shown > max(2 * plain, plain + 40)


def test_a_pdf_without_widgets_is_shown_as_it_is(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(scan))
    page.drawString(72, 720, "Văn bản không có trường nào")
    page.save()
    assert widgets_as_stamps(scan) is None
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really\n")
    assert widgets_as_stamps(broken) is None  # the preview says why, not this helper


def test_the_copy_is_only_a_look(signed: Path) -> None:
    data = widgets_as_stamps(signed)
    assert data is not None and data.startswith(signed.read_bytes())  # an appended update
    assert widgets_as_stamps(signed, max_bytes=1000) is None


def test_cache_keeps_earlier_zooms(qtbot, signed: Path) -> None:
    view = shown_preview(qtbot, signed).view
    sizes = []
    for zoom in (0.5, 1.0):
        view.set_zoom(zoom)
        size = view.page_rect().size().toSize()
        sizes.append(size)
        qtbot.waitUntil(lambda size=size: view.images.image(0, size) is not None)
    view.set_zoom(0.5)  # back: already there, no new render
    assert view.images.image(0, sizes[0]) is not None
    assert view.images.image(0, QSize(sizes[0].width() + 1, sizes[0].height())) is None


def test_a_new_file_drops_the_old_pages(qtbot, signed: Path, ui_kit) -> None:
    preview = shown_preview(qtbot, signed)
    view = preview.view
    size = view.page_rect().size().toSize()
    qtbot.waitUntil(lambda: view.images.image(0, size) is not None)
    preview.load(ui_kit.plain)
    assert view.images.any_image(0) is None
    assert wait_for_render(view)
