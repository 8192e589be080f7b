"""Screenshots of the signing screens on the demo workspace, for docs/img (not a test).

    python -m app --data-dir /tmp/vbdt-gui-demo demo init
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.signing.screenshots \
        /tmp/vbdt-gui-demo docs/img

Uses the demo's SoftHSM2 tokens (PIN 123456). To show the PIN dialog's warning state for real,
one wrong PIN is typed first (SoftHSM then reports COUNT_LOW); the right PIN clears it again.
Every grab waits until the PDF pages are painted (QPdfView renders asynchronously).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from app.demo.documents import SAMPLE_DOCUMENTS, render_official_document
from app.errors import PinIncorrect
from app.services.demo_tokens import DEMO_TOKEN_PIN
from app.services.workspace import open_workspace
from app.signing.tokens import ScriptedPrompter
from app.ui.application import setup_fonts
from app.ui.pdf.preview import wait_for_render
from app.ui.signing.entry import open_sign_dialog, open_token_doctor, session_for
from app.ui.tasks import TaskRunner


def pump(app: QApplication, until: Callable[[], bool], timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end and not until():
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()
    return until()


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    pump(app, lambda: False, 0.3)  # let layouts and repaints settle
    widget.grab().save(str(path))
    print("saved", path)


def drafts(data_dir: Path) -> list[Path]:
    folder = data_dir / "du-thao"
    folder.mkdir(exist_ok=True)
    paths = []
    for index, sample in enumerate(SAMPLE_DOCUMENTS):
        path = folder / f"{sample.kind_code or 'CV'}-{index + 1:02d}.pdf"
        path.write_bytes(render_official_document(sample))
        paths.append(path)
    return paths


def main(data_dir: Path, out: Path) -> int:
    app = QApplication(sys.argv[:1])
    setup_fonts(app)
    ws = open_workspace(data_dir)
    (data_dir / "ui" / "signing.json").unlink(missing_ok=True)  # start from the defaults
    runner = TaskRunner()
    window = QMainWindow()
    window.setWindowTitle("VBĐT Desktop")
    window.resize(1380, 880)
    window.show()
    files = drafts(data_dir)
    # The demo offline: the timestamp server of the demo is not running.
    try:
        one = open_sign_dialog(window, ws, runner, [files[0]], "leader", kind="QĐ")
        pump(app, lambda: one.choice is not None and bool(one.placement.docs))
        wait_for_render(one.placement.preview.view)
        shoot(app, one, out / "sign-dialog.png")

        # The placement, zoomed in, after the leader nudged the box.
        view = one.placement.preview.view
        view.set_zoom(1.0)
        one.placement.show_box()
        overlay = one.placement.overlay
        start = overlay.view_rect().center().toPoint()
        end = start + QPoint(18, 6)
        QTest.mousePress(overlay, Qt.MouseButton.LeftButton, pos=start)
        QTest.mouseMove(overlay, end)
        QTest.mouseRelease(overlay, Qt.MouseButton.LeftButton, pos=end)
        wait_for_render(view)
        shoot(app, one.placement, out / "placement-preview.png")
        one.placement.use_automatic()

        batch = open_sign_dialog(window, ws, runner, files, "leader", kind="")
        pump(app, lambda: batch.choice is not None and bool(batch.placement.docs))
        wait_for_render(batch.placement.preview.view)
        shoot(app, batch, out / "batch-review.png")

        # A wrong PIN, typed for real: SoftHSM now reports COUNT_LOW for the leader's token.
        holder = session_for(window, ws)
        source = holder.session.source(one.choice)

        def wrong_pin() -> None:
            try:
                with source.open(ScriptedPrompter(["000000"])):
                    pass
            except PinIncorrect:
                pass

        runner._executors["token"].submit(wrong_pin).result()
        doctor = open_token_doctor(window, ws, runner)
        pump(app, lambda: bool(doctor.panel.listings))
        shoot(app, doctor, out / "token-doctor.png")
        doctor.close()

        one.tokens.refresh()
        pump(app, lambda: not one.tokens._listing)
        one.sign_button.click()
        pump(app, lambda: holder.prompter.current is not None)
        pin = holder.prompter.current
        pin.pin_edit.setText(DEMO_TOKEN_PIN)  # shown masked
        shoot(app, pin, out / "pin-count-low.png")
        pin.ok_button.click()
        pump(app, lambda: not one.job.running, 60)
        shoot(app, one, out / "sign-offline-result.png")

        batch.sign_button.click()
        pump(app, lambda: holder.prompter.current is not None)
        holder.prompter.current.pin_edit.setText(DEMO_TOKEN_PIN)
        holder.prompter.current.ok_button.click()
        pump(app, lambda: not batch.job.running, 120)
        shoot(app, batch, out / "batch-results.png")
        for dialog in (one, batch):
            dialog.close()
    finally:
        window.close()
        runner.shutdown()
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
