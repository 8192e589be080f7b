"""The preview's page geometry and the placement overlay's pixel ↔ point mapping, checked against
what QPdfView actually paints: a black rectangle at known PDF coordinates must be black exactly
inside the mapped rectangle, at several zoom levels and scroll positions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from reportlab.pdfgen import canvas

from app.ui.pdf.preview import PdfPreview, wait_for_render
from app.ui.signing.placement_overlay import PlacementOverlay, box_to_rect, rect_to_box

INK = (100.0, 650.0, 250.0, 710.0)  # x1, y1, x2, y2 in points, near the top of page 1


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "target.pdf"
    page = canvas.Canvas(str(path), pagesize=(595.28, 841.89))
    page.rect(INK[0], INK[1], INK[2] - INK[0], INK[3] - INK[1], stroke=0, fill=1)
    page.showPage()
    page.setPageSize((842, 595))  # a landscape second page
    page.drawString(72, 500, "Trang 2")
    page.showPage()
    page.save()
    return path


@pytest.fixture
def preview(qtbot, target: Path) -> PdfPreview:
    widget = PdfPreview()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    widget.load(target)
    qtbot.waitUntil(lambda: widget.view.page_rect() is not None)
    return widget


def lightness(preview: PdfPreview, x: float, y: float) -> int:
    image = preview.view.viewport().grab().toImage()
    return image.pixelColor(int(x), int(y)).lightness()


def assert_ink_where_mapped(preview: PdfPreview) -> None:
    assert wait_for_render(preview.view, 5000), "the page never rendered"
    rect = box_to_rect(preview.view, INK)
    inside = [(rect.left() + 3, rect.top() + 3), (rect.right() - 3, rect.bottom() - 3)]
    outside = [(rect.left() - 3, rect.top() - 3), (rect.right() + 3, rect.bottom() + 3)]
    assert [lightness(preview, x, y) for x, y in inside] == [0, 0]
    assert [lightness(preview, x, y) for x, y in outside] == [255, 255]


@pytest.mark.parametrize("zoom", [0.5, 1.0, 2.0])
def test_custom_zoom_maps_points_to_the_painted_pixels(preview: PdfPreview, zoom: float) -> None:
    preview.view.set_zoom(zoom)
    if zoom == 2.0:  # scrolled: the mapping must follow the scroll bars
        preview.view.horizontalScrollBar().setValue(100)
        preview.view.verticalScrollBar().setValue(150)
    assert_ink_where_mapped(preview)


@pytest.mark.parametrize("mode", ["fit_page", "fit_width"])
def test_fitted_zooms_map_points_to_the_painted_pixels(preview: PdfPreview, mode: str) -> None:
    getattr(preview.view, mode)()
    assert_ink_where_mapped(preview)
    if mode == "fit_page":
        assert preview.view.verticalScrollBar().maximum() == 0  # the whole page, no scrolling


@pytest.mark.parametrize("zoom", [0.75, 1.5])
def test_box_round_trips_between_points_and_pixels(preview: PdfPreview, zoom: float) -> None:
    preview.view.set_zoom(zoom)
    box = (330.0, 163.0, 500.0, 234.0)
    rect = box_to_rect(preview.view, box)
    assert rect.width() == pytest.approx((box[2] - box[0]) * zoom * 96 / 72, abs=1)
    assert rect_to_box(preview.view, rect) == pytest.approx(box, abs=1e-6)


@pytest.mark.parametrize("zoom", [0.75, 1.5])
def test_dragging_the_box_moves_it_by_the_same_points_at_any_zoom(
    qtbot, preview: PdfPreview, zoom: float
) -> None:
    preview.view.set_zoom(zoom)
    preview.view.verticalScrollBar().setValue(0)
    overlay = PlacementOverlay(preview.view)
    overlay.show()
    overlay.set_box(0, INK, "Chữ ký")
    moved = []
    overlay.moved.connect(lambda: moved.append(overlay.box))
    start = box_to_rect(preview.view, INK).center()
    pixels_per_point = zoom * 96 / 72
    end = start + QPointF(60 * pixels_per_point, 30 * pixels_per_point)  # 60 pt right, 30 pt down
    qtbot.mousePress(overlay, Qt.MouseButton.LeftButton, pos=start.toPoint())
    qtbot.mouseMove(overlay, end.toPoint())
    qtbot.mouseRelease(overlay, Qt.MouseButton.LeftButton, pos=end.toPoint())
    assert moved, "releasing the box must report the move"
    expected = (INK[0] + 60, INK[1] - 30, INK[2] + 60, INK[3] - 30)
    assert overlay.box == pytest.approx(expected, abs=1.5 / pixels_per_point + 0.01)


def test_corner_handle_resizes_and_clicks_outside_fall_through(qtbot, preview) -> None:
    preview.view.set_zoom(1.0)
    overlay = PlacementOverlay(preview.view)
    overlay.show()
    overlay.set_box(0, INK, "")
    rect = box_to_rect(preview.view, INK)
    corner = rect.bottomRight().toPoint()
    assert overlay.hit(QPointF(corner)) == "br"
    assert overlay.hit(QPointF(rect.left() - 40, rect.top() - 40)) is None
    qtbot.mousePress(overlay, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseMove(overlay, corner + QPoint(40, 20))
    qtbot.mouseRelease(overlay, Qt.MouseButton.LeftButton, pos=corner + QPoint(40, 20))
    x1, y1, x2, y2 = overlay.box
    assert (x1, y2) == pytest.approx((INK[0], INK[3]))  # the opposite corner stays put
    assert x2 == pytest.approx(INK[2] + 30, abs=1) and y1 == pytest.approx(INK[1] - 15, abs=1)


def test_page_keys_and_zoom_shortcuts(qtbot, preview: PdfPreview) -> None:
    view = preview.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.current_page() == 1 and preview.page_label.text() == "Trang 2/2"
    assert view.page_size_pt().width() == pytest.approx(842)  # the landscape page
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.current_page() == 0
    view.set_zoom(1.0)
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.effective_zoom() == pytest.approx(1.25, abs=0.01)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.effective_zoom() == pytest.approx(1.0, abs=0.01)


def test_a_file_that_is_not_a_pdf_says_so(qtbot, tmp_path: Path) -> None:
    bad = tmp_path / "khong-phai.pdf"
    bad.write_bytes(b"not a pdf at all")
    widget = PdfPreview()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.load_failed):
        widget.load(bad)
    assert "PDF" in widget.message.text()
