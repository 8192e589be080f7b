"""The receive path's verifier when its worker fails: a CANNOT_VERIFY verdict that names the file
by hash, read in chunks (the file may be the one that broke the worker)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from app.cli_sync import PooledVerifier
from app.domain.types import Verdict
from app.sync.engine.workers import IsolatedPool, WorkerFailed


class FailingPoolFake:
    """Fake of ``IsolatedPool``: the real one cannot be told to overrun on demand cheaply."""

    def __init__(self, *, timed_out: bool) -> None:
        self.timed_out = timed_out

    def run(self, fn: Any, arg: Any, timeout: float) -> Any:
        raise WorkerFailed("worker gone", timed_out=self.timed_out)


def test_a_failed_worker_gives_cannot_verify_with_the_file_hash(tmp_path: Path) -> None:
    pdf = tmp_path / "in.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + b"x" * 3_000_000)
    for timed_out, rule in ((True, "timeout"), (False, "worker_failed")):
        pool: Any = FailingPoolFake(timed_out=timed_out)
        verifier = PooledVerifier(tmp_path, pool)
        verifier.anchors = ()  # no trust pack read: the worker never runs anyway
        verdict = verifier(pdf)
        assert verdict.overall is Verdict.CANNOT_VERIFY
        assert verdict.file_sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert rule in {r.code for r in verdict.reasons}
    assert IsolatedPool  # the real class the fake stands in for
