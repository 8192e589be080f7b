"""A pool of long-lived worker processes for hostile-input work, with a per-job time limit.

Verifying a package's PDFs is the slow, risky part of receiving: a crafted file can hang a
parser or eat memory. Running each verification in a fresh process (``verify_pdf_isolated``)
is safe but costs an interpreter start per file; this pool keeps ``size`` spawned workers that
take job after job, caps their address space once their imports are done, recycles them after
``max_jobs``, and kills and replaces the whole pool when a job overruns its time. The job
function is passed in (it must be a module-level function, so the worker can import it): this
module knows nothing about what the job does. Must not: run a job in the caller's process.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.pool
import os
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class WorkerFailed(Exception):
    """The job did not finish: it overran its time, or its worker died."""

    def __init__(self, message: str, *, timed_out: bool) -> None:
        super().__init__(message)
        self.timed_out = timed_out


def _cap_address_space(megabytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: only the time limit applies
        return
    try:
        with open("/proc/self/statm") as handle:
            current = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return
    limit = current + megabytes * (1 << 20)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError) as exc:
        log.warning("could not cap a worker's memory: %s", exc)


def _start_worker(warm_up: Callable[[], None] | None, memory_mb: int) -> None:
    if warm_up is not None:
        warm_up()  # heavy imports first, so the cap measures from a warm interpreter
    if memory_mb > 0:
        _cap_address_space(memory_mb)


class IsolatedPool:
    """``run(fn, arg, timeout)`` in one of ``size`` spawned workers."""

    def __init__(
        self,
        size: int = 2,
        *,
        warm_up: Callable[[], None] | None = None,
        memory_mb: int = 1024,
        max_jobs: int = 500,
    ) -> None:
        self.size = max(size, 1)
        self._args = (warm_up, memory_mb)
        self._max_jobs = max_jobs
        self._pool: multiprocessing.pool.Pool | None = None
        self._lock = threading.Lock()

    def _get(self) -> multiprocessing.pool.Pool:
        with self._lock:
            if self._pool is None:
                ctx = multiprocessing.get_context("spawn")
                self._pool = ctx.Pool(
                    self.size,
                    initializer=_start_worker,
                    initargs=self._args,
                    maxtasksperchild=self._max_jobs,
                )
            return self._pool

    def run(self, fn: Callable[[Any], Any], arg: Any, timeout: float) -> Any:
        pool = self._get()
        pending = pool.apply_async(fn, (arg,))
        try:
            return pending.get(timeout)
        except multiprocessing.TimeoutError as exc:
            self._reset(pool)
            raise WorkerFailed(f"no answer within {timeout:g} s", timed_out=True) from exc
        except Exception as exc:  # the job raised, or its worker died under it
            raise WorkerFailed(f"{type(exc).__name__}: {exc}", timed_out=False) from exc

    def _reset(self, pool: multiprocessing.pool.Pool) -> None:
        """A job overran: kill every worker (a hung parser does not stop on request)."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.terminate()
        pool.join()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
            pool.join()
