"""PDF preview widgets: a single-page QPdfView that knows where it draws the page, a toolbar for
pages and zoom, and a helper that waits until a page is really on screen (QPdfView renders
asynchronously: a grab at first paint shows a blank page)."""

from app.ui.pdf.page_view import PageView
from app.ui.pdf.preview import PdfPreview, wait_for_render

__all__ = ["PageView", "PdfPreview", "wait_for_render"]
