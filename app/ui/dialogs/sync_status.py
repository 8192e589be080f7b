"""The sync part of the status bar: online or offline, what waits to be sent and for how long,
what failed, the last successful sync, and "Đồng bộ ngay" (one engine pass on the "net" worker).

Counts come from ``app.sync.engine.counts.read_counts``; the button is off until a platform
address is configured. The engine behind the button is built once per workspace and kept while
the window lives (``EngineKeeper``): its verifier processes stay warm and its connection open,
so a click costs a pass, not an engine start; it is closed when the widget goes or the
application quits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app import settings as S
from app.domain.calendar import to_local
from app.services.workspace import Workspace
from app.ui.errors import show_error

if TYPE_CHECKING:
    from app.sync.engine import SyncCounts

REFRESH_MS = 30_000


def load_counts(ws: Workspace, online: bool | None = None) -> SyncCounts:
    # Imported here, on the worker, after the first rows: the engine package pulls httpx and the
    # whole sync stack, which the window's first paint does not need.
    from app.sync.engine.counts import read_counts

    with ws.db.read() as session:
        return read_counts(session, datetime.now(UTC), online)


def _build(ws: Workspace) -> Any:
    from app.cli_sync import build_engine

    return build_engine(ws)


class EngineKeeper:
    """One sync engine (a ``SyncRuntime``) for ``ws``, built on first use and reused; rebuilt
    when the platform settings change or after a pass that raised; ``close()`` ends it (at
    once, or when the pass in progress ends). Passes run one at a time, on any thread."""

    def __init__(self, ws: Workspace, build: Callable[[Workspace], Any] = _build) -> None:
        self.ws, self._build = ws, build
        self._runtime: Any = None
        self._config: tuple[str, ...] = ()
        self._run = threading.Lock()  # one pass at a time
        self._state = threading.Lock()  # guards _closed / _busy / _runtime against close()
        self._closed = self._busy = False
        self.builds = 0

    def _wanted(self) -> tuple[str, ...]:
        get = self.ws.settings.get
        return (get(S.PLATFORM_URL), get(S.PLATFORM_SYSTEM_ID), get(S.AGENCY_CODE))

    def run_once(self) -> Any:
        """One engine pass (send, receive, catch up); returns its RunReport."""
        with self._run:
            with self._state:
                if self._closed:
                    raise RuntimeError("the sync engine is closed")
                self._busy = True
                stale = self._runtime if self._config != self._wanted() else None
                if stale is not None:
                    self._runtime = None
            try:
                if stale is not None:
                    stale.close()
                if self._runtime is None:
                    self._config = self._wanted()
                    self._runtime = self._build(self.ws)
                    self.builds += 1
                try:
                    return self._runtime.engine.run_once()
                except BaseException:
                    broken, self._runtime = self._runtime, None
                    broken.close()
                    raise
            finally:
                with self._state:
                    self._busy = False
                    leftover = self._runtime if self._closed else None
                    if leftover is not None:
                        self._runtime = None
                if leftover is not None:
                    leftover.close()

    def close(self) -> None:
        with self._state:
            self._closed = True
            if self._busy:
                return  # the pass in progress closes it when it ends
            runtime, self._runtime = self._runtime, None
        if runtime is not None:
            runtime.close()


class SyncStatus(QWidget):
    def __init__(
        self, ws: Workspace, runner: Any, network_label: QLabel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.ws, self.runner, self.network_label = ws, runner, network_label
        self.online: bool | None = None
        self.counts: SyncCounts | None = None
        self._warm = False  # the first refresh waits for the first rows (see refresh)
        self.label = QLabel(self)
        self.button = QPushButton(self.tr("Đồng bộ ngay"), self)
        self.button.setObjectName("syncNow")
        self.button.clicked.connect(self.sync_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        if not ws.settings.get(S.PLATFORM_URL):
            self.button.setEnabled(False)
            self.button.setToolTip(
                self.tr("Chưa cấu hình địa chỉ trục liên thông (thiết lập {key})").format(
                    key=S.PLATFORM_URL.key
                )
            )
        self.engine = engine = EngineKeeper(ws)
        self.destroyed.connect(lambda *_: engine.close())  # not through self: it is going
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda: engine.close())
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def refresh(self) -> None:
        if not self._warm:
            # The first count imports the sync engine (httpx and the whole engine: a few hundred
            # ms). It waits for the window's first rows: this no-op reaches the "db" worker
            # behind the queue load already waiting there, and its answer comes back after the
            # rows are in the table; only then does the count (and the import) start.
            self._warm = True
            self.runner.run(lambda: None, on_success=lambda _r: self.refresh(), owner=self)
            return
        ws, online = self.ws, self.online
        self.runner.run(
            lambda: load_counts(ws, online), on_success=self.show_counts, on_error=lambda _e: None,
            owner=self,
        )  # fmt: skip

    def show_counts(self, counts: SyncCounts, now: datetime | None = None) -> None:
        self.counts = counts
        now = now or datetime.now(UTC)
        parts = [self.tr("Chờ gửi: {n}").format(n=counts.waiting)]
        if counts.waiting and counts.oldest_waiting_since is not None:
            minutes = max(0, int((now - counts.oldest_waiting_since).total_seconds() // 60))
            age = (
                self.tr("{n} phút").format(n=minutes)
                if minutes < 120
                else self.tr("{n} giờ").format(n=minutes // 60)
            )
            parts[0] += self.tr(" (lâu nhất {age})").format(age=age)
        if counts.failed:
            parts.append(self.tr("Lỗi: {n}").format(n=counts.failed))
        last = (
            to_local(counts.last_success).strftime("%d/%m/%Y %H:%M")
            if counts.last_success
            else self.tr("chưa")
        )
        parts.append(self.tr("Đồng bộ lần cuối: {when}").format(when=last))
        self.label.setText(" · ".join(parts))
        if counts.stuck:
            self.label.setToolTip("\n".join(item.reason for item in counts.stuck))
        if counts.online is not None:
            self.network_label.setText(
                self.tr("Trực tuyến") if counts.online else self.tr("Ngoại tuyến")
            )

    def sync_now(self) -> None:
        self.button.setEnabled(False)
        engine = self.engine

        def done(report: Any) -> None:
            self.button.setEnabled(True)
            self.online = report.online
            self.button.setToolTip(report.summary())
            if report.counts is not None:
                self.show_counts(report.counts)

        def failed(exc: BaseException) -> None:
            self.button.setEnabled(True)
            show_error(self, exc)

        self.runner.run(engine.run_once, on_success=done, on_error=failed, kind="net", owner=self)
