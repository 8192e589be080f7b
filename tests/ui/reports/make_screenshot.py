"""docs/img/report-dialog.png: the register window with its preview, over the sample office.

Run ``QT_QPA_PLATFORM=offscreen python -m tests.ui.reports.make_screenshot``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.domain.types import Direction
from app.ui.pdf.preview import wait_for_render
from app.ui.reports.register_dialog import RegisterDialog
from app.ui.tasks import SyncTaskRunner
from tests.reports.conftest import _sample

OUT = Path(__file__).resolve().parents[3] / "docs" / "img" / "report-dialog.png"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory(prefix="vbdt-shot-") as tmp:
        for ws, _ids in _sample(Path(tmp), None):
            dialog = RegisterDialog(ws, SyncTaskRunner(), Direction.OUTGOING)
            dialog.resize(1200, 860)
            dialog.show()
            dialog.show_preview()
            dialog.preview.view.set_page(1)  # the first page of rows, not the cover
            app.processEvents()
            if not wait_for_render(dialog.preview.view):
                print("the preview did not render", file=sys.stderr)
                return 1
            OUT.parent.mkdir(parents=True, exist_ok=True)
            dialog.grab().save(str(OUT))
            print(OUT)
            dialog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
