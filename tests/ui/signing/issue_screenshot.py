"""Screenshot of the clerk's Issue dialog on the demo workspace, for docs/img (not a test).

    python -m app --data-dir /tmp/vbdt-issue-shot demo init
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.signing.issue_screenshot \
        /tmp/vbdt-issue-shot docs/img

The demo's draft waiting in "Chờ ký" is first signed by the leader on the demo's SoftHSM2 token
(PIN 123456) through ``issuing.sign``, then the Issue dialog is opened for the clerk.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

from app.domain.queues import Queue
from app.services.demo_tokens import DEMO_TOKEN_PIN
from app.services.documents import TokenJob, sign
from app.services.queues import list_queue
from app.services.signing import SignOptions
from app.services.workspace import open_workspace
from app.signing.tokens import ScriptedPrompter
from app.ui.application import setup_fonts
from app.ui.signing.entry import open_issue_dialog, session_for
from app.ui.signing.issue_form import CODE_ROLE
from app.ui.tasks import TaskRunner
from tests.ui.signing.screenshots import pump, shoot


def main(data_dir: Path, out: Path) -> int:
    app = QApplication(sys.argv[:1])
    setup_fonts(app)
    ws = open_workspace(data_dir)
    runner = TaskRunner()
    window = QMainWindow()
    window.resize(1380, 880)
    window.show()
    try:
        waiting = list_queue(ws, Queue.TO_ISSUE)
        if not waiting:
            [draft, *_] = list_queue(ws, Queue.TO_SIGN)
            session = session_for(window, ws).session
            demo = session.demo
            assert demo is not None
            leader = next(t for t in demo.tokens if t.role == "leader")
            modules = session.modules()
            module = next(m.path for m in modules if "softhsm" in m.path)
            from app.ui.signing.session import TokenChoice

            choice = TokenChoice(module, leader.serial, leader.label, leader.cka_id, "", True)
            image = data_dir / "demo-images" / "chu-ky-lanh-dao.png"
            job = TokenJob(
                session.source(choice), ScriptedPrompter([DEMO_TOKEN_PIN]), SignOptions(image=image)
            )
            runner._executors["token"].submit(lambda: sign(ws, "lanhdao", draft.id, job)).result()
            waiting = list_queue(ws, Queue.TO_ISSUE)
        dialog = open_issue_dialog(window, ws, runner, doc_id=waiting[0].id, username="vanthu")
        pump(app, lambda: dialog.preview is not None and dialog.choice is not None)
        if not dialog.form.chosen_recipients():  # the demo draft names none: pick two
            for row in range(2):
                code = dialog.form.recipients.item(row).data(CODE_ROLE)
                dialog.form.set_recipient(code, True)
        shoot(app, dialog, out / "issue-dialog.png")
        dialog.close()
    finally:
        window.close()
        runner.shutdown()
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
