"""The user guide's screenshots (docs/img/guide/), taken from the real app over a fresh demo.

    .venv/bin/python -m docs.screenshots.make_guide_shots [--out docs/img/guide] [--keep DIR]

What it does: ``demo init`` into a temporary folder (SoftHSM2 demo tokens, PIN 123456), the demo
platform started on a free loopback port (``start_demo``, so Sở Nội vụ can send a signed document),
then one working day driven through the real windows with the application's own fonts and
translations: sign-in, receive by "Đồng bộ ngay", signatures, vào sổ, phân công, xử lý, the slip,
a new draft from a PDF, trình ký, signing with the USB token, phát hành (offline), the status bar,
the token doctor and the registers. The form dialogs are the application's own, filled in and
photographed (``kit.ShotPrompts``). A step whose window has not landed yet is skipped with a note.

Runs on ``QT_QPA_PLATFORM=offscreen`` with a 1600×1000 virtual screen unless QT_QPA_PLATFORM is
already set (e.g. ``xcb`` under Xvfb). Exit code 1 if a step failed or an error box appeared.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO / "docs" / "img" / "guide"
SCREEN = {"width": 1600, "height": 1000}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def use_offscreen(work: Path) -> None:
    """A big enough virtual screen: dialogs size themselves to 90 % of it."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    config = work / "offscreen-screen.json"
    screen = {"name": "guide", "x": 0, "y": 0, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen | SCREEN]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


class ErrorWatch:
    """Error boxes (``show_error`` runs ``exec()``) would stop the script: photograph, print and
    close them, and fail the run at the end: a guide must not show one by accident."""

    def __init__(self, camera: object) -> None:
        from PySide6.QtCore import QTimer

        self.camera, self.seen = camera, []  # type: ignore[var-annotated]
        self.timer = QTimer()
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.windowTitle().startswith("Lỗi"):
            name = f"LOI-{len(self.seen) + 1}.png"
            box.grab().save(str(self.camera.out / name))  # type: ignore[attr-defined]
            self.seen.append(box.text())
            print(f"  ! error box ({name}): {box.text()}")
            box.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--keep", type=Path, help="build the demo here and keep it afterwards")
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="vbdt-guide-"))
    work.mkdir(parents=True, exist_ok=True)
    use_offscreen(work)
    data_dir = work / "demo"
    out: Path = args.out.resolve()
    for old in out.glob("*.png"):  # a re-run replaces the whole set
        old.unlink()

    from app.cli_sync import start_demo
    from app.logs import configure_logging
    from app.services.demo import init_demo
    from app.sync.engine.demo import ensure_demo_platform

    print("demo workspace:", data_dir)
    init_demo(data_dir)
    configure_logging(data_dir / "logs")  # as `python -m app` does: the log file, not stderr
    port = free_port()
    demo = start_demo(data_dir, port=port)
    sandbox_pids = [demo.platform.pid]

    def restart_platform() -> None:
        sandbox_pids.append(ensure_demo_platform(data_dir, port=port).pid)

    def stop_platform() -> None:
        for pid in sandbox_pids:
            if pid is not None:
                try:
                    os.kill(pid, signal.SIGTERM)
                    os.waitpid(pid, 0)
                except (ProcessLookupError, ChildProcessError):
                    pass
        sandbox_pids.clear()

    try:
        return run_day(data_dir, out, demo, stop_platform, restart_platform)
    finally:
        demo.stop()
        stop_platform()
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


def run_day(
    data_dir: Path,
    out: Path,
    demo: object,
    stop_platform: Callable[[], None],
    restart_platform: Callable[[], None],
) -> int:
    from PySide6.QtWidgets import QApplication

    from app import APP_NAME
    from app import settings as S
    from app.services.workspace import open_workspace
    from app.ui.application import ORG_NAME, setup_fonts
    from app.ui.i18n import install_translators
    from app.ui.tasks import TaskRunner
    from docs.screenshots.day import Day
    from docs.screenshots.kit import Camera

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    family = setup_fonts(app)  # the application's start path: bundled fonts, translations
    print("font:", family)
    ws = open_workspace(data_dir)
    translators = install_translators(str(ws.settings.get(S.LANGUAGE)), app)
    camera = Camera(app, out)
    watch = ErrorWatch(camera)
    runner = TaskRunner()
    day = Day(ws, runner, camera, demo, stop_platform, restart_platform)
    failed: list[str] = []
    try:
        for name, step in day.steps():
            print(f"== {name}")
            try:
                step()
            except Exception:
                traceback.print_exc()
                failed.append(name)
    finally:
        day.close()
        runner.shutdown()
        ws.close()
        del translators
    print(f"\n{len(camera.saved)} pictures in {out}")
    for note in camera.skipped:
        print("skipped:", note)
    for name in failed:
        print("FAILED step:", name)
    for text in watch.seen:
        print("ERROR BOX:", text)
    return 1 if failed or watch.seen else 0


if __name__ == "__main__":
    sys.exit(main())
