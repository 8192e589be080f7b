"""Page furniture shared by every report: styles, the "Trang x/y" canvas and the streaming build.

``NumberedCanvas`` prints the total page count in a single pass; ``StreamingDocTemplate`` takes
its flowables from a generator of chunks, so a 20,000-row register never holds all its rows at
once; ``write_pdf`` writes the result atomically. Must not: know what a register or a slip is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.reports.fonts import (
    SANS,
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
    nfc,
    register_reportlab_fonts,
)
from app.storage.atomic import atomic_writer

MM = 72.0 / 25.4
PRODUCER = "VBĐT Desktop"


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in the bundled serif (Times-like, as official documents are set).

    Shared by every report: derive a new style (``ParagraphStyle(parent=…)``), never edit these.
    """
    register_reportlab_fonts()
    base = ParagraphStyle("body", fontName=SERIF, fontSize=11, leading=14, alignment=TA_JUSTIFY)
    return {
        "body": base,
        "left": ParagraphStyle("left", parent=base, alignment=TA_LEFT),
        "italic": ParagraphStyle("italic", parent=base, fontName=SERIF_ITALIC, alignment=TA_LEFT),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "center_bold": ParagraphStyle(
            "center_bold", parent=base, fontName=SERIF_BOLD, alignment=TA_CENTER
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=SERIF_BOLD, fontSize=14, leading=18, alignment=TA_CENTER
        ),
        "heading": ParagraphStyle(
            "heading", parent=base, fontName=SERIF_BOLD, fontSize=11.5, leading=15, spaceBefore=6
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11, alignment=TA_LEFT),
        "cell_head": ParagraphStyle(
            "cell_head",
            parent=base,
            fontName=SERIF_BOLD,
            fontSize=9,
            leading=11,
            alignment=TA_CENTER,
        ),
    }


def esc(text: str) -> str:
    """NFC text made safe for Paragraph markup."""
    return nfc(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """A canvas that prints "Trang x/y" on every page in one pass.

    The usual recipe keeps every page's drawing commands until ``save()`` so it can go back and
    write y; on a 1,500-page register that doubles what the canvas holds. Here each page draws
    "Trang x/" followed by a form XObject that ``save()`` defines once y is known: PDF allows the
    forward reference and reportlab resolves form names when it writes the file. The first
    ``unnumbered_pages`` (the cover) get no number and are not counted.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unnumbered_pages = 0
        # What flowables drew on the current page, for end-of-page decorations to read.
        self.page_marks: set[str] = set()
        self._pages_done = 0
        self._total_forms: dict[tuple[str, float], str] = {}

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages_done += 1
        self.page_marks.clear()
        super().showPage()
        self._compress_last_page()

    def _compress_last_page(self) -> None:
        """Deflate the finished page's drawing commands now instead of at ``save()``.

        reportlab keeps every page's commands as text until the file is written: ~17 KB a page
        of a register, 38 MB for 20,000 rows; deflated they weigh a small fraction of that. The
        stream's dictionary then names its filter, which tells reportlab's writer the
        content is already encoded; pages of any other shape are left to reportlab.
        """
        pages = getattr(getattr(self._doc, "Pages", None), "pages", None)
        if not pages:
            return
        page = pages[-1]
        stream = getattr(page, "stream", None)
        if not page.compression or getattr(page, "Contents", None) or not isinstance(stream, str):
            return
        page.Contents = PDFStream(
            PDFDictionary({"Filter": PDFArray([PDFName(PDFZCompress.pdfname)])}),
            content=PDFZCompress.encode(stream),
        )
        page.stream = None

    @property
    def pages_done(self) -> int:
        """Pages finished so far; after ``save()``, all of them (the cover included)."""
        return self._pages_done

    def page_number(self) -> int:
        return int(self.getPageNumber()) - self.unnumbered_pages

    def draw_total_pages(self, x: float, y: float, font: str, size: float) -> None:
        """Draw the final page count with its baseline starting at (x, y)."""
        name = self._total_forms.setdefault((font, size), f"vbdtTotal{len(self._total_forms)}")
        self.saveState()
        self.translate(x, y)
        self.doForm(name)
        self.restoreState()

    def draw_page_number(self, right: float, y: float, font: str, size: float) -> None:
        """Draw "Trang x/y" ending near ``right``; room is kept for a four-digit total."""
        label = f"Trang {self.page_number()}/"
        start = right - self.stringWidth(label + "0000", font, size)
        self.setFont(font, size)
        self.drawString(start, y, label)
        self.draw_total_pages(start + self.stringWidth(label, font, size), y, font, size)

    def save(self) -> None:
        if len(self._code):  # close the last page first, so the count is final
            self.showPage()
        total = str(max(self._pages_done - self.unnumbered_pages, 0))
        for (font, size), name in self._total_forms.items():
            self.beginForm(name)
            self.setFont(font, size)
            self.drawString(0, 0, total)
            self.endForm()
        super().save()


class StreamingDocTemplate(BaseDocTemplate):  # type: ignore[misc]  # reportlab is untyped
    """A doc template whose story comes from an iterator of chunks, pulled as pages fill.

    ``build()`` wants the whole story as a list; this replays its loop (reportlab's own
    ``_startBuild``/``handle_flowable``/``_endBuild``, stable since reportlab 2) but refills a
    short list from the iterator, keeping one flowable of look-ahead for keep-with-next.
    """

    def build_stream(
        self,
        chunks: Iterable[Sequence[Flowable]],
        canvasmaker: type[Canvas] = NumberedCanvas,
        unnumbered_pages: int = 0,
    ) -> None:
        self._startBuild(None, canvasmaker)
        canv = self.canv
        if isinstance(canv, NumberedCanvas):
            canv.unnumbered_pages = unnumbered_pages
        canv._doctemplate = self
        pending: list[Flowable] = []
        source: Iterator[Sequence[Flowable]] = iter(chunks)
        try:
            while True:
                while len(pending) < 2:
                    chunk = next(source, None)
                    if chunk is None:
                        break
                    pending.extend(chunk)
                if not pending:
                    break
                self.clean_hanging()
                self.handle_flowable(pending)
        finally:
            del canv._doctemplate
        self._endBuild()


def write_pdf(out_path: Path, build: Callable[[Any], None]) -> Path:
    """Run ``build(file_handle)`` into a temp file and move it to ``out_path`` atomically."""
    register_reportlab_fonts()
    with atomic_writer(out_path) as handle:
        build(handle)
    return out_path


def make_doc(
    handle: Any, pagesize: tuple[float, float], title: str, **margins: float
) -> StreamingDocTemplate:
    """A doc template with our metadata; embedded fonts only (Helvetica is never selected)."""
    return StreamingDocTemplate(
        handle,
        pagesize=pagesize,
        title=nfc(title),
        author=PRODUCER,
        creator=PRODUCER,
        initialFontName=SERIF,
        pageCompression=1,
        leftMargin=margins.get("left", 20 * MM),
        rightMargin=margins.get("right", 15 * MM),
        topMargin=margins.get("top", 15 * MM),
        bottomMargin=margins.get("bottom", 15 * MM),
    )


def build_simple(
    handle: Any,
    story: Iterable[Flowable],
    *,
    title: str,
    footer: str,
    pagesize: tuple[float, float] = A4,
) -> int:
    """A portrait report: one frame per page, ``footer`` at the bottom left, "Trang x/y" right.

    Returns the number of pages.
    """
    doc = make_doc(
        handle, pagesize, title, left=25 * MM, right=15 * MM, top=15 * MM, bottom=18 * MM
    )
    width, _ = pagesize
    footer_text = nfc(footer)

    def on_page(canv: Canvas, _doc: Any) -> None:
        canv.saveState()
        y = 10 * MM
        canv.setFont(SANS, 8)
        canv.setStrokeColorRGB(0.6, 0.6, 0.6)
        canv.setLineWidth(0.4)
        canv.line(doc.leftMargin, y + 10, width - doc.rightMargin, y + 10)
        canv.drawString(doc.leftMargin, y, footer_text)
        if isinstance(canv, NumberedCanvas):
            canv.draw_page_number(width - doc.rightMargin, y, SANS, 8)
        canv.restoreState()

    # No frame padding: tables sized to the text width then line up with the paragraphs.
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate("body", [frame], onPage=on_page)])
    doc.build_stream([list(story)])
    return doc.canv.pages_done if isinstance(doc.canv, NumberedCanvas) else 0
