"""The engine as a whole: offline with back-off, the leader lock, the timer loop, the counts for
the status bar, a refused secret, and the crash points' switch."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli_sync import build_engine
from app.sync.engine.counts import start_of_day
from app.sync.engine.crashpoints import EXIT_CODE, crashpoint
from app.sync.engine.lock import engine_lock
from app.sync.transport import TransportUnavailable
from sandbox.testing import REPO_ROOT, SandboxHandle
from tests.sync.conftest import HOME_AFFAIRS, PROVINCE
from tests.sync.helpers import ScriptedTransport, bare_office, queue
from tests.sync.scenario import doc_package, status_package


class _Down(ScriptedTransport):
    pings = 0

    def ping(self) -> float:
        self.pings += 1
        raise TransportUnavailable("connection refused", error_code="NETWORK")


def test_offline_the_platform_is_checked_with_back_off_and_work_waits(tmp_path: Path) -> None:
    ws = bare_office(tmp_path / "office", PROVINCE)
    row = queue(ws, "status", None, status_package(PROVINCE, HOME_AFFAIRS, 9, "T9", "03"),
                HOME_AFFAIRS)  # fmt: skip
    down = _Down()
    runtime = build_engine(ws, transport=down, workers=1)
    try:
        first = runtime.engine.run_once()
        second = runtime.engine.run_once()  # at once: the back-off is not over, no request
        assert first.online is False and "NETWORK" in first.skipped
        assert down.pings == 1 and "offline" in second.skipped
        counts = second.counts
        assert counts is not None and counts.waiting == 1 and counts.online is False
        assert counts.oldest_waiting_since is not None
        assert abs((counts.oldest_waiting_since - row.created_at).total_seconds()) < 1
        assert counts.last_success is None
    finally:
        runtime.close()
        ws.close()


def test_one_engine_per_workspace(tmp_path: Path) -> None:
    ws = bare_office(tmp_path / "office", PROVINCE)
    runtime = build_engine(ws, transport=ScriptedTransport(), workers=1)
    try:
        with engine_lock(ws.db, ws.data_dir) as mine:
            assert mine
            report = runtime.engine.run_once()
        assert "another sync is running" in report.skipped
        assert runtime.engine.run_once().skipped == ""
    finally:
        runtime.close()
        ws.close()


def test_the_timer_loop_runs_until_stopped_and_counts_what_arrived(tmp_path: Path) -> None:
    ws = bare_office(tmp_path / "office", PROVINCE)
    package = doc_package(HOME_AFFAIRS, PROVINCE, 2, "T2", b"hello")
    platform = ScriptedTransport(inbox={"edoc": [("a1", HOME_AFFAIRS, package)]})
    runtime = build_engine(ws, transport=platform, workers=1)
    stop = threading.Event()
    reports = []

    def seen(report: object) -> None:
        reports.append(report)
        if len(reports) == 2:
            stop.set()
        runtime.engine.wake()  # the next pass at once instead of after the interval

    try:
        runtime.engine.run_forever(stop, interval=60, on_pass=seen)
    finally:
        runtime.close()
        ws.close()
    first = reports[0]
    assert first.received == 1 and first.sent == 1  # the document, and its 01
    counts = reports[-1].counts
    assert counts.received_today == 1 and counts.waiting == 0 and counts.online is True
    assert counts.last_success is not None
    assert counts.last_success > datetime.now(UTC) - timedelta(minutes=1)
    assert (
        start_of_day(datetime(2026, 3, 9, 18, 0, tzinfo=UTC))
        .isoformat()
        .startswith("2026-03-10T00:00:00+07:00")
    )


def test_a_refused_secret_is_a_platform_problem_not_an_items_fault(
    tmp_path: Path, platform: SandboxHandle
) -> None:
    ws = bare_office(tmp_path / "office", PROVINCE, platform)
    (ws.data_dir / "platform-secret").write_text("0" * 64)
    row = queue(ws, "status", None, status_package(PROVINCE, HOME_AFFAIRS, 9, "T9", "03"),
                HOME_AFFAIRS)  # fmt: skip
    runtime = build_engine(ws, url=platform.base_url, timeout=2, workers=1)
    try:
        report = runtime.engine.run_once()
    finally:
        runtime.close()
    assert "AUTH_FAILED" in report.problem and report.counts is not None
    [stuck] = report.counts.stuck
    assert stuck.kind == "platform" and "xác thực" in stuck.reason
    from tests.sync.helpers import outbox_row

    assert outbox_row(ws, row.id).attempts == 0
    ws.close()


def test_crash_points_cost_nothing_unless_named() -> None:
    assert crashpoint.__name__ == "_noop"
    crashpoint("outbox.after_http_ok")  # unset: nothing happens
    code = "from app.sync.engine.crashpoints import crashpoint; crashpoint('a'); crashpoint('b')"
    run = [sys.executable, "-c", code]
    env = {**os.environ, "VBDT_CRASHPOINT": "b"}
    assert subprocess.run(run, cwd=REPO_ROOT, env=env, check=False).returncode == EXIT_CODE
    env["VBDT_CRASHPOINT"] = "c"
    assert subprocess.run(run, cwd=REPO_ROOT, env=env, check=False).returncode == 0


@pytest.mark.parametrize("failures", [1, 4, 20])
def test_back_off_doubles_with_jitter_and_honours_retry_after(failures: int) -> None:
    from app.sync.engine import Backoff

    policy = Backoff(base=5, cap=1800)
    ceiling = min(1800, 5 * 2 ** (failures - 1))
    delays = [policy.delay(failures) for _ in range(50)]
    assert all(ceiling / 2 <= d <= ceiling for d in delays) and len(set(delays)) > 1
    assert policy.delay(failures, retry_after=42) == 42
