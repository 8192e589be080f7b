"""Printing a signed document from its window: every page reaches the printer (a PDF-file printer
here) and the signature and seal boxes carry their images, which QtPdf alone would leave blank."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.demo.documents import FIELD_AGENCY_SIG, FIELD_LEADER_SIG
from app.services.documents import sign_in
from app.services.workspace import Workspace
from app.ui.document.view import DocumentWindow
from app.ui.tasks import SyncTaskRunner
from tests.services.conftest import Kit
from tests.ui.document.conftest import receive_signed
from tests.ui.pdf.test_annotations import dark_pixels, field_boxes

SCALE = 2  # image pixels per PDF point when the pages are compared


def _render(path: Path, page: int) -> tuple[QPdfDocument, object]:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    size = document.pagePointSize(page)
    image = document.render(page, QSize(round(size.width() * SCALE), round(size.height() * SCALE)))
    return document, image


@pytest.mark.parametrize("name", [FIELD_LEADER_SIG, FIELD_AGENCY_SIG])
def test_print_shows_signatures_and_seals(
    qtbot: QtBot,
    office: Workspace,
    ui_kit: Kit,
    signed_bytes: bytes,
    tmp_path: Path,
    name: str,
) -> None:
    doc_id = receive_signed(office, ui_kit, signed_bytes, tmp_path / "in.edxml")
    window = DocumentWindow(
        office, SyncTaskRunner(), doc_id, actor=sign_in(office, "vt"), verifier=ui_kit.verifier()
    )
    qtbot.addWidget(window)
    assert window.print_button.isEnabled()
    main = window.loaded.main_path  # type: ignore[union-attr]

    out = tmp_path / "ban-in.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(window.printed) as blocker:
        window.print_document(printer)
    original = QPdfDocument()
    assert original.load(str(main)) == QPdfDocument.Error.None_
    assert blocker.args == [original.pageCount()]
    assert "Đã gửi" in window.print_note.text()

    page, (x1, y1, x2, y2) = field_boxes(main)[name]
    height = original.pagePointSize(page).height()
    original.close()
    box = QRectF(x1 * SCALE, (height - y2) * SCALE, (x2 - x1) * SCALE, (y2 - y1) * SCALE)
    paper_doc, paper = _render(out, page)
    assert paper_doc.pageCount() == blocker.args[0]
    on_paper = dark_pixels(paper, box)  # type: ignore[arg-type]
    paper_doc.close()
    # What QtPdf alone draws in the box: only the page's own text it overlaps.
    plain_doc, plain = _render(main, page)
    blank = dark_pixels(plain, box)  # type: ignore[arg-type]
    plain_doc.close()
    assert on_paper > max(2 * blank, blank + 40)
