"""The one background-task helper: widgets say what to run and what to do with the outcome.

``TaskRunner`` owns the executors (one per kind of work) and always calls back on the GUI thread,
through a queued Qt signal. Feature code never starts threads. The token executor has exactly one
worker: every PKCS#11 call runs on the same thread (vendor drivers are not thread-safe).
``SyncTaskRunner`` has the same interface and runs inline, for tests.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

# Worker counts per kind. "token" MUST stay 1: one thread owns the token.
KINDS: dict[str, int] = {"db": 1, "net": 2, "token": 1}

OnSuccess = Callable[[Any], None]
OnError = Callable[[BaseException], None]


def report_unhandled(exc: BaseException) -> None:
    """A task failed and nobody asked to handle it: let the application's exception hook show it."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown task kind {kind!r}; expected one of {sorted(KINDS)}")


class TaskRunner(QObject):
    """Runs ``fn()`` on the executor for ``kind`` and delivers the outcome on the GUI thread."""

    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executors = {
            kind: ThreadPoolExecutor(max_workers=n, thread_name_prefix=f"vbdt-{kind}")
            for kind, n in KINDS.items()
        }
        self._closed = False
        self._lock = threading.Lock()
        # Queued: the slot runs in this object's (the GUI) thread whichever thread emits.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_success: OnSuccess,
        on_error: OnError | None = None,
        kind: str = "db",
        owner: QObject | None = None,
    ) -> Future[Any] | None:
        """Start ``fn``; ``owner`` (a widget) drops the callback if it was deleted meanwhile."""
        _check_kind(kind)
        with self._lock:
            if self._closed:
                log.warning("task %r ignored: the runner is shut down", fn)
                return None
            future = self._executors[kind].submit(fn)

        def done(fut: Future[Any]) -> None:
            if fut.cancelled():
                return
            exc = fut.exception()
            result = None if exc is not None else fut.result()
            self._finished.emit((on_success, on_error, owner, result, exc))

        future.add_done_callback(done)
        return future

    def _deliver(self, outcome: tuple[Any, ...]) -> None:
        on_success, on_error, owner, result, exc = outcome
        if owner is not None and not shiboken6.isValid(owner):
            return
        if exc is not None:
            (on_error or report_unhandled)(exc)
        else:
            on_success(result)

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop accepting work, cancel what has not started and (by default) wait for the rest."""
        with self._lock:
            self._closed = True
        for executor in self._executors.values():
            executor.shutdown(wait=wait, cancel_futures=True)


class SyncTaskRunner:
    """Same interface, runs inline: tests see results at once and failures as exceptions."""

    def run(
        self,
        fn: Callable[[], Any],
        *,
        on_success: OnSuccess,
        on_error: OnError | None = None,
        kind: str = "db",
        owner: QObject | None = None,
    ) -> None:
        _check_kind(kind)
        try:
            result = fn()
        except Exception as exc:
            if on_error is None:
                raise
            on_error(exc)
            return
        on_success(result)

    def shutdown(self, *, wait: bool = True) -> None:
        """Nothing to stop."""
