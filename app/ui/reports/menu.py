"""The "Báo cáo" menu: the two registers and the statistics, each in its own window.

The main window adds it with one line and passes how to reach the current workspace and the
signed-in person (both can change while the window lives). Registers are the clerk's (the
PRINT_REGISTERS permission); statistics are for leaders and clerks. With nobody signed in
(a single-user workstation) everything is open, as the settings are. A second click on an entry
whose window is open brings that window forward instead of opening another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app.domain.roles import Action, can
from app.domain.types import Direction, Role
from app.errors import PermissionDenied
from app.services.documents import Actor
from app.services.workspace import Workspace
from app.ui.errors import show_error
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the windows (QtPdf, the preview) load when one first opens
    from app.ui.reports.base import ReportDialog

STATS_ROLES = frozenset({Role.LEADER, Role.CLERK})


def runner_of(widget: QWidget | None) -> Any:
    """The task runner of the window ``widget`` belongs to (the main and document windows keep
    theirs in ``runner``); None if there is none."""
    while widget is not None:
        runner = getattr(widget, "runner", None)
        if runner is not None and hasattr(runner, "run"):
            return runner
        widget = widget.parentWidget()
    return None


def may_print_registers(actor: Actor | None) -> bool:
    return actor is None or can(actor.role, Action.PRINT_REGISTERS)


def may_see_stats(actor: Actor | None) -> bool:
    return actor is None or actor.role in STATS_ROLES


class ReportsMenu(QMenu):
    def __init__(
        self,
        window: QWidget,
        get_workspace: Callable[[], Workspace],
        get_actor: Callable[[], Actor | None],
    ) -> None:
        super().__init__(window)
        self.setObjectName("reportsMenu")
        self.setTitle(self.tr("&Báo cáo"))
        self.window_ = window
        self.get_workspace, self.get_actor = get_workspace, get_actor
        self._own_runner: TaskRunner | None = None
        self.dialogs: dict[str, ReportDialog] = {}

        self.incoming_action = self._action(
            self.tr("Sổ đăng ký văn bản &đến…"), "reportIncomingRegister",
            lambda: self.open_register(Direction.INCOMING),
        )  # fmt: skip
        self.outgoing_action = self._action(
            self.tr("Sổ đăng ký văn bản đ&i…"), "reportOutgoingRegister",
            lambda: self.open_register(Direction.OUTGOING),
        )  # fmt: skip
        self.addSeparator()
        self.stats_action = self._action(self.tr("&Thống kê…"), "reportStatistics", self.open_stats)
        self.aboutToShow.connect(self.update_permissions)
        self.update_permissions()

    def _action(self, text: str, name: str, slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    @property
    def runner(self) -> Any:
        runner = runner_of(self.window_)
        if runner is None:
            if self._own_runner is None:
                self._own_runner = TaskRunner(self)
                self.destroyed.connect(lambda *_: self._stop_own())
            runner = self._own_runner
        return runner

    def _stop_own(self) -> None:
        if self._own_runner is not None:
            self._own_runner.shutdown(wait=False)

    def update_permissions(self) -> None:
        actor = self.get_actor()
        registers, stats = may_print_registers(actor), may_see_stats(actor)
        for action in (self.incoming_action, self.outgoing_action):
            action.setEnabled(registers)
            action.setToolTip("" if registers else self.tr("Chỉ văn thư in sổ đăng ký văn bản"))
        self.stats_action.setEnabled(stats)
        self.stats_action.setToolTip(
            "" if stats else self.tr("Chỉ lãnh đạo và văn thư xem báo cáo thống kê")
        )
        self.setToolTipsVisible(True)

    def _refuse(self, text: str) -> None:
        show_error(self.window_, PermissionDenied(text))

    def _show(self, key: str, make: Callable[[], ReportDialog]) -> ReportDialog:
        dialog = self.dialogs.get(key)
        if dialog is None:
            dialog = make()
            self.dialogs[key] = dialog
            dialog.destroyed.connect(lambda *_: self.dialogs.pop(key, None))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_register(self, direction: Direction) -> ReportDialog | None:
        if not may_print_registers(self.get_actor()):
            self._refuse(self.tr("Chỉ văn thư in sổ đăng ký văn bản."))
            return None
        from app.ui.reports.register_dialog import RegisterDialog

        ws, runner = self.get_workspace(), self.runner
        return self._show(
            f"register-{direction.value}",
            lambda: RegisterDialog(ws, runner, direction, self.window_),
        )

    def open_stats(self) -> ReportDialog | None:
        if not may_see_stats(self.get_actor()):
            self._refuse(self.tr("Chỉ lãnh đạo và văn thư xem báo cáo thống kê."))
            return None
        from app.ui.reports.stats_dialog import StatsDialog

        ws, runner = self.get_workspace(), self.runner
        return self._show("stats", lambda: StatsDialog(ws, runner, self.window_))


def build_reports_menu(
    window: QWidget,
    get_workspace: Callable[[], Workspace],
    get_actor: Callable[[], Actor | None],
) -> QMenu:
    """The "Báo cáo" menu for ``window``'s menu bar."""
    return ReportsMenu(window, get_workspace, get_actor)
