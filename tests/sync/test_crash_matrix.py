"""Crash points × server faults: the engine dies (or meets a fault) mid-sync, restarts, and
nothing is lost or doubled.

Each cell: a fresh office with work waiting both ways (``scenario``); one server fault armed for
one request; ``sync --once`` in a SUBPROCESS with ``VBDT_CRASHPOINT`` naming one point (it exits
77 there, like a power cut, or runs on if a fault stops it first); the fault cleared; then the
engine restarted (a new engine over the same folder, in this process to keep the matrix cheap)
until nothing waits. Checked after the crash: nothing acked or behind the cursor that is not
stored. Checked at the end: every document sent exactly once (the platform's ledger), every
package stored exactly once, all acked, the cursor at the last package, the Delivery row filled,
PRAGMA integrity_check, the audit chain, no orphan file in the store.

The full cross product runs on SQLite; PostgreSQL runs a slice (each crash point once, the faults
in rotation). Two lanes, each with its own sandbox, run cells side by side (a 2-core CI).
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli_sync import build_engine
from app.sync.engine.crashpoints import ENV, EXIT_CODE, POINTS
from sandbox.testing import REPO_ROOT, SandboxHandle, run_server
from tests.conftest import PG_URL
from tests.sync.conftest import (
    FINANCE,
    HOME_AFFAIRS,
    PROVINCE,
    MatrixLog,
    assert_healthy,
    pg_database,
)
from tests.sync.scenario import check_complete, check_cursor_safe, prepare

# One fault per cell, firing once; "nth" counts the requests the fault's scope matches.
FAULTS: dict[str, str | None] = {
    "none": None,
    "fail-before-processing": "drop=before,method=POST,times=1",  # the first send
    "processed-then-dropped": "drop=after,method=POST,times=1",  # the send commits, no answer
    "5xx": "status=503,method=POST,nth=3,times=1",  # the first ack
    "slow-body": "delay=1.6,method=GET,nth=3,times=1",  # the first download, client waits 1 s
    "truncated-body": "truncate=0.5,method=GET,nth=3,times=1",  # half of the first download
}
LANES = ((PROVINCE, HOME_AFFAIRS), (FINANCE, "000.00.10.H18"))


@dataclass(frozen=True)
class Outcome:
    point: str
    fault: str
    exit_code: int
    seconds: float


class Spawner:
    """Starts ``sync --once`` child processes: forked from a warm fork server (POSIX), or as
    plain ``python -m tests.sync.runner`` subprocesses elsewhere."""

    def __init__(self) -> None:
        self.server: subprocess.Popen[str] | None = None
        if os.name == "posix":
            self.server = subprocess.Popen(
                [sys.executable, "-m", "tests.sync.forkserver"], cwd=REPO_ROOT, text=True,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            )  # fmt: skip
            assert self.server.stdout is not None
            assert json.loads(self.server.stdout.readline()) == {"ready": True}

    def run(self, argv: list[str], env: dict[str, str], log: Path) -> int:
        if self.server is None:
            done = subprocess.run(
                [sys.executable, "-m", "tests.sync.runner", *argv], cwd=REPO_ROOT,
                env={**os.environ, **env}, capture_output=True, text=True, timeout=120,
            )  # fmt: skip
            log.write_text(done.stdout + done.stderr, encoding="utf-8")
            return done.returncode
        assert self.server.stdin is not None and self.server.stdout is not None
        job = {"argv": argv, "env": env, "log": str(log)}
        self.server.stdin.write(json.dumps(job) + "\n")
        self.server.stdin.flush()
        ready, _, _ = select.select([self.server.stdout], [], [], 120)
        assert ready, "a sync child ran for over two minutes"
        return int(json.loads(self.server.stdout.readline())["rc"])

    def close(self) -> None:
        if self.server is not None:
            assert self.server.stdin is not None
            self.server.stdin.close()
            self.server.wait(timeout=10)


def _crash_run(spawner: Spawner, data_dir: Path, db_url: str | None, point: str) -> int:
    argv = ["--data-dir", str(data_dir), *(["--db-url", db_url] if db_url else [])]
    argv += ["sync", "--once", "--timeout", "1"]
    log = data_dir.parent / f"{data_dir.name}.log"
    code = spawner.run(argv, {ENV: point}, log)
    assert code in (0, 1, EXIT_CODE), log.read_text(encoding="utf-8")[-2000:]
    return code


def _cell(
    spawner: Spawner, root: Path, handle: SandboxHandle, lane: tuple[str, str], tag: str,
    point: str, fault: str, db_url: str | None,
) -> Outcome:  # fmt: skip
    started = time.monotonic()
    cell = prepare(root / tag, tag, lane[0], lane[1], handle, db_url)
    try:
        spec = FAULTS[fault]
        if spec:
            handle.admin.add_fault(spec)
        try:
            code = _crash_run(spawner, cell.data_dir, db_url, point)
        finally:
            handle.admin.clear_faults()
        check_cursor_safe(cell, handle)
        runtime = build_engine(cell.ws, url=handle.base_url, timeout=5, workers=1)
        try:
            for _ in range(3):  # a restart; a second pass only if the first had to stop
                report = runtime.engine.run_once()
                waiting = report.counts.waiting if report.counts else -1
                if not report.problem and waiting == 0:
                    break
            assert not report.problem and waiting == 0, report.summary()
        finally:
            runtime.close()
        check_complete(cell, handle)
        assert_healthy(cell.ws)
    finally:
        cell.ws.close()
    return Outcome(point, fault, code, time.monotonic() - started)


def _run_matrix(
    tmp_path: Path, cells: list[tuple[str, str]], db_urls: list[str | None]
) -> list[Outcome]:
    with (
        run_server(tmp_path / "lane0", seed="demo") as h0,
        run_server(tmp_path / "lane1", seed="demo") as h1,
    ):
        handles = (h0, h1)

        def lane(index: int) -> list[Outcome]:
            out = []
            spawner = Spawner()
            try:
                for n, (point, fault) in enumerate(cells):
                    if n % len(handles) == index:
                        tag = f"{index}x{n}"
                        out.append(
                            _cell(spawner, tmp_path, handles[index], LANES[index], tag, point,
                                  fault, db_urls[n])
                        )  # fmt: skip
            finally:
                spawner.close()
            return out

        with ThreadPoolExecutor(len(handles)) as pool:
            results = list(pool.map(lane, range(len(handles))))
    return [o for part in results for o in part]


def test_crash_matrix_sqlite(tmp_path: Path, matrix_log: MatrixLog) -> None:
    started = time.monotonic()
    cells = [(point, fault) for point in POINTS for fault in FAULTS]
    outcomes = _run_matrix(tmp_path, cells, [None] * len(cells))
    matrix_log.add("SQLite, full cross product", outcomes, time.monotonic() - started)
    assert len(outcomes) == len(POINTS) * len(FAULTS)
    # Every crash point must actually be reached somewhere, or the matrix proves nothing.
    reached = {o.point for o in outcomes if o.exit_code == EXIT_CODE}
    assert reached == set(POINTS), set(POINTS) - reached


@pytest.mark.pg
def test_crash_matrix_postgresql(tmp_path: Path, matrix_log: MatrixLog) -> None:
    if not PG_URL:
        pytest.skip("no test PostgreSQL (run ./scripts/test, which starts one)")
    started = time.monotonic()
    faults = list(FAULTS)
    cells = [(point, faults[i % len(faults)]) for i, point in enumerate(POINTS)]
    with contextlib.ExitStack() as stack:
        urls: list[str | None] = [stack.enter_context(pg_database()) for _ in cells]
        outcomes = _run_matrix(tmp_path, cells, urls)
    matrix_log.add("PostgreSQL, one cell per crash point", outcomes, time.monotonic() - started)
    assert len(outcomes) == len(POINTS)
