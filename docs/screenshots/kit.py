"""What the guide's screenshot script needs around the real widgets: waiting for the task runner
and for painted PDF pages, saving a grab, putting an open menu over its window, and the action
forms shown for real (the application's own dialogs, filled in and photographed) but answered
without a modal loop, so the script keeps driving the day.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.ui.dialogs.action_forms import AssignDialog, AssignInput, Prompts, TextDialog

_USER = Qt.ItemDataRole.UserRole


class Camera:
    """Saves PNGs into ``out``; ``wait`` keeps the event loop (and the runner's results) going."""

    def __init__(self, app: QApplication, out: Path) -> None:
        self.app, self.out = app, out
        self.saved: list[Path] = []
        self.skipped: list[str] = []
        out.mkdir(parents=True, exist_ok=True)

    def wait(self, until: Callable[[], bool], timeout: float = 30.0, what: str = "") -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end and not until():
            self.pump()
            time.sleep(0.02)
        self.pump()
        ok = until()
        if not ok and what:
            print(f"  ! timed out waiting for {what}")
        return ok

    def pump(self) -> None:
        self.app.processEvents()
        # Outside app.exec() Qt never runs deleteLater(): do it, or replaced buttons linger.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def settle(self, seconds: float = 0.3) -> None:
        self.wait(lambda: False, seconds)

    def shoot(self, widget: QWidget, name: str) -> Path:
        self.settle()  # layouts, repaints and queued results
        path = self.out / name
        widget.grab().save(str(path))
        self.saved.append(path)
        print("  saved", path.name)
        return path

    def shoot_with_popup(self, window: QWidget, popup: QWidget, name: str) -> Path:
        """The window with an open menu drawn where it would appear on the screen."""
        self.settle()
        picture = window.grab()
        canvas = QPixmap(picture.size())
        canvas.fill(Qt.GlobalColor.white)
        painter = QPainter(canvas)
        painter.drawPixmap(0, 0, picture)
        at = popup.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
        painter.drawPixmap(at, popup.grab())
        painter.end()
        path = self.out / name
        canvas.save(str(path))
        self.saved.append(path)
        print("  saved", path.name)
        return path

    def skip(self, step: str, why: str) -> None:
        self.skipped.append(f"{step}: {why}")
        print(f"  SKIPPED {step}: {why}")


@dataclass
class ShotPrompts(Prompts):  # type: ignore[misc]  # app.ui is not type-checked
    """``Prompts`` with the real dialogs shown, filled in and photographed, then answered.

    ``shots`` names the picture of the next questions in order (None: no picture); ``texts``
    are the reasons and notes typed; ``assign_to`` / ``fill_draft`` answer the two forms.
    """

    camera: Camera | None = None
    shots: list[str | None] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    assign_to: tuple[str, tuple[str, ...], str] = ("", (), "")
    fill_draft: Callable[[Any], None] | None = None

    def _shoot(self, widget: QWidget) -> None:
        name = self.shots.pop(0) if self.shots else None
        widget.show()
        if name and self.camera is not None:
            self.camera.shoot(widget, name)
        widget.close()

    def confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.parent,
        )  # fmt: skip — what QMessageBox.question shows
        self._shoot(box)
        return True

    def text(self, title: str, prompt: str, *, required: bool = True) -> str | None:
        dialog = TextDialog(self.parent, title, prompt, required)
        dialog.edit.setPlainText(self.texts.pop(0) if self.texts else "")
        self._shoot(dialog)
        return str(dialog.edit.toPlainText()).strip()

    def assign(
        self, people: Any, calendar: Any, today: date, suggested: date | None = None
    ) -> AssignInput | None:
        dialog = AssignDialog(self.parent, people, calendar, today, suggested)
        lead, co, opinion = self.assign_to
        dialog.lead.setCurrentIndex(max(0, dialog.lead.findData(lead)))
        for i in range(dialog.co.count()):
            item = dialog.co.item(i)
            if item.data(_USER) in co:
                item.setCheckState(Qt.CheckState.Checked)
        dialog.opinion.setPlainText(opinion)
        dialog.resize(max(dialog.sizeHint().width(), 520), dialog.sizeHint().height())
        self._shoot(dialog)
        return dialog.value()

    def draft(self, pdf: Path, agencies: Any) -> Any:
        from app.ui.dialogs.draft_form import DraftDialog

        dialog = DraftDialog(pdf, agencies, self.parent)
        if self.fill_draft is not None:
            self.fill_draft(dialog)
        dialog.resize(max(dialog.sizeHint().width(), 620), dialog.sizeHint().height())
        self._shoot(dialog)
        return dialog.value()
