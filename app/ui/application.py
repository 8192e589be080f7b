"""Start the GUI: the QApplication, bundled fonts, the exception hook, the workspace, the window.

``QT_QPA_PLATFORM`` is left to the environment (offscreen in tests and CI, xcb under Xvfb).
``VBDT_GUI_SMOKE_EXIT_MS`` quits after that many milliseconds (smoke runs); with it,
``VBDT_GUI_SCREENSHOT`` saves a picture of the main window just before quitting.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_NAME, __version__
from app import settings as S
from app.errors import AppError, UserCancelled
from app.logs import LOG_FILE
from app.messages import describe
from app.paths import resource
from app.services.documents import USER_ENV, Actor, sign_in
from app.services.workspace import Workspace, open_workspace
from app.ui.dialogs.sign_in import ask_person
from app.ui.errors import show_error
from app.ui.i18n import install_translators, remove_translators
from app.ui.main_window import MainWindow
from app.ui.none_guard import keep_none_alive
from app.ui.tasks import SyncTaskRunner, TaskRunner

log = logging.getLogger(__name__)

ORG_NAME = "vbdt"
FONT_FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")
FONT_POINT_SIZE = 10
SMOKE_EXIT_ENV = "VBDT_GUI_SMOKE_EXIT_MS"
SCREENSHOT_ENV = "VBDT_GUI_SCREENSHOT"


def setup_fonts(app: QApplication | None = None) -> str | None:
    """Load the bundled fonts and make Liberation Sans the application font; returns its family.

    A machine without fonts (a bare Windows image, a CI container) would otherwise draw empty
    boxes for Vietnamese letters, silently.
    """
    app = app or QApplication.instance()
    family = None
    for name in FONT_FILES:
        try:
            path = resource("fonts", name)
        except FileNotFoundError:
            log.warning("bundled font missing: %s", name)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.warning("Qt could not load the font %s", path)
            continue
        family = family or families[0]
    if family is not None and app is not None:
        app.setFont(QFont(family, FONT_POINT_SIZE))
    return family


def install_excepthook(log_path: Path | None) -> None:
    """Log every uncaught exception and show one short Vietnamese message, never a traceback."""
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, UserCancelled):
            return
        level = logging.WARNING if isinstance(exc, AppError) else logging.CRITICAL
        log.log(level, "uncaught exception", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is None or showing:
            traceback.print_exception(exc_type, exc, tb)
            return
        showing = True  # an error while showing the box must not open boxes forever
        try:
            show_error(QApplication.activeWindow(), exc, log_path)
        finally:
            showing = False

    sys.excepthook = hook


def create_main_window(
    ws: Workspace,
    demo: bool = False,
    *,
    runner: TaskRunner | SyncTaskRunner | None = None,
    actor: Actor | None = None,
) -> MainWindow:
    """The main window over ``ws``; tests pass a ``SyncTaskRunner``."""
    keep_none_alive()
    if runner is None:
        runner = TaskRunner()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(runner.shutdown)
    return MainWindow(ws, runner, demo=demo, actor=actor)


def start_person(ws: Workspace) -> tuple[bool, Actor | None]:
    """Who works at start: ``VBDT_USER`` if set, nobody in smoke runs, else the sign-in dialog.
    Returns (go on, person)."""
    named = os.environ.get(USER_ENV, "").strip()
    if named:
        return True, sign_in(ws, named)
    if _smoke_exit_ms() is not None:
        return True, None
    actor = ask_person(ws)
    return actor is not None, actor


def _smoke_exit_ms() -> int | None:
    raw = os.environ.get(SMOKE_EXIT_ENV, "").strip()
    if not raw:
        return None
    try:
        return max(0, int(raw))
    except ValueError:
        log.warning("ignoring %s=%r: not a number of milliseconds", SMOKE_EXIT_ENV, raw)
        return None


def _schedule_smoke_exit(app: QApplication, window: MainWindow) -> None:
    delay = _smoke_exit_ms()
    if delay is None:
        return

    def finish() -> None:
        shot = os.environ.get(SCREENSHOT_ENV)
        if shot:
            window.grab().save(shot)
        app.quit()

    QTimer.singleShot(delay, finish)


def run_gui(
    *,
    data_dir: Path,
    db_url: str | None = None,
    demo: bool = False,
    argv: Sequence[str] | None = None,
) -> int:
    """The GUI's main: returns the process exit code (1 when the workspace cannot be opened)."""
    keep_none_alive()
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    setup_fonts(app)
    with suppress(FileNotFoundError):  # a source tree without resources/icons still starts
        app.setWindowIcon(QIcon(str(resource("icons", "vbdt.png"))))
    install_excepthook(data_dir / "logs" / LOG_FILE)

    try:
        ws = open_workspace(data_dir, db_url=db_url)
    except Exception as exc:
        log.exception("cannot open the workspace in %s", data_dir)
        QMessageBox.critical(
            None, QCoreApplication.translate("application", "Không mở được dữ liệu"), describe(exc)
        )
        return 1

    translators = install_translators(str(ws.settings.get(S.LANGUAGE)), app)
    try:
        go_on, actor = start_person(ws)
    except Exception as exc:
        log.exception("sign-in failed")
        show_error(None, exc)
        go_on, actor = False, None
    if not go_on:
        ws.close()
        return 0

    runner = TaskRunner()
    app.aboutToQuit.connect(runner.shutdown)
    try:
        window = create_main_window(ws, demo, runner=runner, actor=actor)
        window.show()
        log.info("main window shown (%s)", data_dir)
        _schedule_smoke_exit(app, window)
        return app.exec()
    finally:
        runner.shutdown()
        ws.close()
        remove_translators(translators)
