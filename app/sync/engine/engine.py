"""``SyncEngine``: one pass (``run_once``) or a timer loop (``run_forever``) of the whole sync.

A pass, holding the engine lock: release stale leases; check the platform cheaply (``ping``,
with back-off while offline); send what waits; ack what an earlier pass stored; take in new
document packages, then status packages (statuses only once the documents before them are in);
send again (the 01s just queued); run the catch-up jobs; record the last good sync. Every step
commits what it did before the next starts, so stopping anywhere loses nothing. Counts for the
status bar are computed at the end of every pass, online or not.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from app.sync.engine.backoff import Reachability
from app.sync.engine.catchup import CatchUp, CatchUpReport
from app.sync.engine.context import EngineContext
from app.sync.engine.counts import StuckItem, SyncCounts, read_counts
from app.sync.engine.inbox import InboxReceiver, InboxReport
from app.sync.engine.intake import Intake
from app.sync.engine.lock import engine_lock
from app.sync.engine.outbox import OutboxSender, SendReport
from app.sync.engine.ports import PackageReceiver
from app.sync.engine.state import LAST_SUCCESS, set_value
from app.sync.engine.texts import error_text
from app.sync.transport import TransportAuthError, TransportUnavailable

log = logging.getLogger(__name__)
CATCH_UP_EVERY = timedelta(minutes=15)


@dataclass
class RunReport:
    """What one pass did; ``skipped`` says why it did nothing (another engine, offline)."""

    started: datetime
    online: bool | None = None
    skipped: str = ""
    sent: int = 0
    send_retrying: int = 0
    send_failed: int = 0
    inbox: InboxReport = field(default_factory=InboxReport)
    catch_up: CatchUpReport | None = None
    problem: str = ""
    counts: SyncCounts | None = None

    @property
    def received(self) -> int:
        return self.inbox.documents

    def summary(self) -> str:
        """One line: ``sent N, received M, failed K, waiting W`` (Vietnamese first)."""
        c = self.counts
        failed = (c.failed if c else 0) + self.inbox.rejected
        waiting = c.waiting if c else 0
        state = {True: "trực tuyến", False: "ngoại tuyến", None: "chưa kiểm tra"}[self.online]
        line = (
            f"Đã gửi {self.sent}, đã nhận {self.received}, lỗi {failed}, đang chờ {waiting} "
            f"({state}) — sent {self.sent}, received {self.received}, failed {failed}, "
            f"waiting {waiting}"
        )
        return f"{line}; {self.skipped or self.problem}" if self.skipped or self.problem else line


# How long the sending thread waits for new rows between drains while a pull goes on. Each
# drain claims and records in write transactions of its own: at 0.2 s they held one to three
# receipts and cost ~2.3 ms of CPU per receipt (py-spy, 200 packages); a second gathers ~15
# and a 01 still leaves within a second or two of its package's commit.
ALONGSIDE_PAUSE_S = 1.0


@dataclass
class _Alongside:
    """What the sending thread did while a pull went on (read after it ended)."""

    total: SendReport = field(default_factory=SendReport)
    done: threading.Event = field(default_factory=threading.Event)
    clean: bool = True

    def add(self, sent: SendReport) -> None:
        self.total.sent += sent.sent
        self.total.retrying += sent.retrying
        self.total.failed += sent.failed
        if sent.stopped:
            self.total.stopped, self.total.stop_error = sent.stopped, sent.stop_error


class SyncEngine:
    def __init__(
        self,
        ctx: EngineContext,
        *,
        our_code: str,
        receiver: PackageReceiver | None,
        catch_up: CatchUp | None = None,
        page_size: int = 50,
        batch: int = 50,
        parallel: int = 2,
    ) -> None:
        self.ctx = ctx
        self.outbox = OutboxSender(ctx, batch=batch)
        self.inbox = InboxReceiver(
            ctx, Intake(ctx, receiver, our_code), page_size=page_size, parallel=parallel
        )
        self.catch_up = catch_up
        self.reachability = Reachability()
        self._next_catch_up: datetime | None = None
        self._problems: tuple[StuckItem, ...] = ()
        self._warned: set[str] = set()
        self._wake = threading.Event()
        self.last_report: RunReport | None = None

    # --- one pass ------------------------------------------------------------------------------
    def run_once(self) -> RunReport:
        report = RunReport(started=self.ctx.clock())
        with engine_lock(self.ctx.db, self.ctx.data_dir) as leader:
            if not leader:
                report.skipped = "một phiên đồng bộ khác đang chạy (another sync is running)"
            else:
                self.outbox.release_leases()
                self._pass(report)
        report.online = self.reachability.online
        with self.ctx.db.read() as session:
            report.counts = read_counts(
                session, self.ctx.clock(), self.reachability.online, self._problems
            )
        self._warn_stuck(report.counts.stuck)
        self.last_report = report
        return report

    def _pass(self, report: RunReport) -> None:
        now = self.ctx.clock()
        if not self.reachability.due(now):
            report.skipped = f"ngoại tuyến (offline): {self.reachability.last_error}"
            return
        try:
            self.ctx.transport.ping()
        except TransportAuthError as exc:
            self._set_problem(error_text(exc))
            self.reachability.failed(now, error_text(exc))
            report.problem = error_text(exc)
            return
        except TransportUnavailable as exc:
            self.reachability.failed(now, error_text(exc), exc.retry_after)
            report.skipped = f"ngoại tuyến (offline): {error_text(exc)}"
            return
        if self.reachability.succeeded(now):
            pulled = self.outbox.pull_in(now)
            if pulled:
                log.info("back online: %d waiting messages are due now", pulled)
            self._next_catch_up = None
        self._set_problem("")
        clean = self._send(report)
        if clean:
            self.inbox.recover(report.inbox)
        if clean and not report.inbox.stopped:
            # The 01s of the packages just taken in (and anything else due) go out while the
            # pull goes on: the outbox's leases keep the two drains from sending a row twice.
            with self._sending_alongside(report) as sending:
                self.inbox.pull("edoc", report.inbox)
            clean = sending.clean
        if clean and not report.inbox.stopped:
            self.inbox.pull("status", report.inbox)
        if report.inbox.stopped:
            clean = False
            self._stopped(report, report.inbox.stopped, report.inbox.stop_error)
        # A package that cannot be taken in does not make the platform unreachable: the 01s of
        # the packages before it still go out.
        if clean or report.inbox.stopped == "blocked":
            clean = self._send(report) and clean
        if clean and self.catch_up is not None and self._catch_up_due(now):
            report.catch_up = self.catch_up.run()
            self._next_catch_up = self.ctx.clock() + CATCH_UP_EVERY
        if clean:
            with self.ctx.db.write() as session:
                set_value(session, LAST_SUCCESS, self.ctx.clock().isoformat(), self.ctx.clock())

    @contextmanager
    def _sending_alongside(self, report: RunReport) -> Iterator[_Alongside]:
        """Drain the outbox on a thread of its own for the duration of the block."""
        alongside = _Alongside()

        def loop() -> None:
            while True:
                # Asked with a read first: an empty claim would still take the write lock the
                # pull's commits need.
                if self.outbox.has_due(self.ctx.clock()):
                    sent = self.outbox.drain()
                    alongside.add(sent)
                    if sent.stopped:
                        return
                if alongside.done.wait(ALONGSIDE_PAUSE_S):
                    return

        thread = threading.Thread(target=loop, name="vbdt-sync-send", daemon=True)
        thread.start()
        try:
            yield alongside
        finally:
            alongside.done.set()
            thread.join()
            report.sent += alongside.total.sent
            report.send_retrying += alongside.total.retrying
            report.send_failed += alongside.total.failed
            if alongside.total.stopped:
                alongside.clean = False
                self._stopped(report, alongside.total.stopped, alongside.total.stop_error)

    def _send(self, report: RunReport) -> bool:
        sent: SendReport = self.outbox.drain()
        report.sent += sent.sent
        report.send_retrying += sent.retrying
        report.send_failed += sent.failed
        if sent.stopped:
            self._stopped(report, sent.stopped, sent.stop_error)
            return False
        return True

    def _stopped(self, report: RunReport, kind: str, error: BaseException | None) -> None:
        text = error_text(error) if error is not None else kind
        report.problem = text
        if kind in ("offline", "rate_limited"):
            retry_after = getattr(error, "retry_after", None)
            self.reachability.failed(self.ctx.clock(), text, retry_after)
        elif kind == "auth":
            self._set_problem(text)

    def _catch_up_due(self, now: datetime) -> bool:
        return self._next_catch_up is None or now >= self._next_catch_up

    def _set_problem(self, text: str) -> None:
        self._problems = (StuckItem("platform", "auth", None, text),) if text else ()

    def _warn_stuck(self, stuck: tuple[StuckItem, ...]) -> None:
        for item in stuck:
            if item.key not in self._warned:
                self._warned.add(item.key)
                log.warning("stuck %s %s (document %s): %s", item.kind, item.id,
                            item.document_id, item.reason)  # fmt: skip

    # --- the timer loop ------------------------------------------------------------------------
    def wake(self) -> None:
        """Run the next pass now (after a user action queued something)."""
        self._wake.set()

    def run_forever(
        self,
        stop: threading.Event,
        interval: float = 30.0,
        on_pass: Callable[[RunReport], None] | None = None,
    ) -> None:
        """Pass after pass until ``stop`` is set; a pass that raises is logged, not fatal."""
        while not stop.is_set():
            try:
                report = self.run_once()
                if on_pass is not None:
                    on_pass(report)
            except Exception:
                log.exception("sync pass failed")
            deadline = self.ctx.clock() + timedelta(seconds=interval)
            while not stop.is_set() and self.ctx.clock() < deadline:
                if self._wake.wait(0.5):
                    self._wake.clear()
                    break


@dataclass
class SyncRuntime:
    """An assembled engine and what to close with it (transport, worker pool)."""

    engine: SyncEngine
    resources: list[Any]

    def close(self) -> None:
        for resource in reversed(self.resources):
            resource.close()
