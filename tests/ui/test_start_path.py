"""The GUI's start path stays light: building the main window loads no signing, verification,
PDF-making or preview stack (they load when a document, a signing or a report window opens)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEAVY = (
    "pyhanko",
    "pyhanko_certvalidator",
    "reportlab",
    "app.signing",
    "app.reports",
    "app.ui.document.view",
    "app.ui.pdf",
    "PySide6.QtPdf",
)


def _run_offscreen(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter (a clean sys.modules), Qt offscreen; it must succeed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result


# What both start-path children import before building the window.
_OPEN_PRELUDE = (
    "import sys\n"
    "from pathlib import Path\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from app.services.workspace import open_workspace\n"
    "from app.ui.application import create_main_window\n"
)


def test_main_window_start_loads_no_heavy_stack(tmp_path: Path) -> None:
    code = (
        _OPEN_PRELUDE + "from app.ui.tasks import SyncTaskRunner\n"
        "qt = QApplication([])\n"
        f"ws = open_workspace(Path({str(tmp_path)!r}))\n"
        "window = create_main_window(ws, runner=SyncTaskRunner())\n"
        "window.show(); qt.processEvents()\n"
        f"heavy = sorted(m for m in sys.modules if m.startswith({HEAVY!r}))\n"
        "print(','.join(heavy))\n"
        "ws.close()\n"
    )
    result = _run_offscreen(code)
    assert result.stdout.strip() == "", f"on the start path: {result.stdout.strip()}"


# Loaded later, off the GUI thread's way: the sync engine (httpx and its command-line extras)
# for the status bar's first count, once the first rows are in; the rest of the document use
# cases when a person uses them.
LATER = (
    "httpx",
    "app.sync.engine",
    "app.sync.transport",
    "app.services.documents.bulk",
    "app.services.documents.exporting",
    "app.services.documents.incoming",
    "app.services.documents.issuing",
    "app.services.documents.registers",
    "app.services.documents.receiving",
    "app.sync.edxml",
    "lxml",
)


def test_main_window_is_built_and_shown_without_the_sync_engine(tmp_path: Path) -> None:
    """With the real runner: until the event loop delivers the first rows, the process has not
    imported the sync engine; only the status bar's first count (queued behind the rows) does."""
    code = (
        _OPEN_PRELUDE + "from app.ui.tasks import TaskRunner\n"
        "qt = QApplication([])\n"
        f"ws = open_workspace(Path({str(tmp_path)!r}))\n"
        "runner = TaskRunner()\n"
        "window = create_main_window(ws, runner=runner)\n"
        "window.show()\n"
        f"later = sorted(m for m in sys.modules if m.startswith({LATER!r}))\n"
        "runner.shutdown()\n"
        "print(','.join(later))\n"
        "ws.close()\n"
    )
    result = _run_offscreen(code)
    assert result.stdout.strip() == "", f"on the start path: {result.stdout.strip()}"


def test_many_qt_calls_do_not_free_none() -> None:
    """PySide6 6.12.0 on Python 3.11 loses a reference to None per void Qt call; without
    ``keep_none_alive`` this process aborts ("none_dealloc") after about 5,000 calls."""
    code = (
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "import app.ui  # noqa: F401  (installs the guard)\n"
        "qt = QApplication([])\n"
        "label = QLabel()\n"
        "for _ in range(50_000):\n"
        "    label.setText('Văn bản đến')\n"
        "print('ok')\n"
    )
    result = _run_offscreen(code)
    assert result.stdout.strip() == "ok"
