"""Reports in the application: the "Báo cáo" menu (registers, statistics) and the processing
slip of one incoming document, each previewed, printed and saved as PDF.

Importing this package loads only the menu: the windows (QtPdf, the preview) and reportlab load
when a report is first opened, so the main window's start does not pay for them. The
verification report is saved from the document window's signature tab
(``app.ui.document.view.DocumentWindow.save_report``), not here: one code path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.services.workspace import Workspace
from app.ui.reports.menu import ReportsMenu, build_reports_menu

if TYPE_CHECKING:
    from app.ui.reports.slip_dialog import SlipDialog


def open_slip(parent: QWidget | None, workspace: Workspace, doc_id: int) -> SlipDialog:
    """Show the Phiếu giải quyết văn bản đến of incoming document ``doc_id`` in its own window."""
    from app.ui.reports.slip_dialog import open_slip as open_window

    return open_window(parent, workspace, doc_id)


__all__ = ["ReportsMenu", "build_reports_menu", "open_slip"]
