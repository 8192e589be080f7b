"""Verification in a worker process, with a wall-clock timeout and an address-space cap.

Decode limits stop known bombs, but a hostile PDF can still find a slow path or a memory hog in a
parser. The worker is started with the ``spawn`` method (safe next to Qt's and the token's
threads, and it works in a frozen app), caps its own address space (RLIMIT_AS, POSIX) before
reading the file, and sends the verdict back as JSON. A timeout, a crash or an exhausted cap
becomes CANNOT_VERIFY with the reason. Must not: share state with the caller's process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path

from app.errors import PdfInputError
from app.signing.verify.engine import failed, open_source, verify_pdf
from app.signing.verify.fetching import RevocationPolicy
from app.signing.verify.limits import MIB, LimitExceeded, ParseLimits
from app.signing.verify.model import DocumentVerdict
from app.signing.verify.rawscan import RawScan
from app.signing.verify.rules import reason
from app.signing.verify.speedups import warm_up
from app.signing.verify.trust import TrustStore

log = logging.getLogger(__name__)
STARTUP_ALLOWANCE_S = 10.0  # importing pyhanko in a fresh interpreter, on a slow office PC


@dataclass(frozen=True)
class _Job:
    data: bytes | str  # the file itself, or its path (big files are not sent through a pipe)
    anchors: tuple[bytes, ...]
    policy: RevocationPolicy
    now: datetime
    limits: ParseLimits
    poe: datetime | None


def _address_space() -> int | None:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _cap_memory(megabytes: int) -> None:
    """Allow ``megabytes`` more address space than the worker uses once imports are done."""
    try:
        import resource
    except ImportError:  # Windows: the timeout still applies
        return
    current = _address_space()
    if current is None:
        return
    limit = current + megabytes * MIB
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError) as exc:
        log.warning("could not cap the verifier's memory: %s", exc)


def _worker(job: _Job, conn: Connection) -> None:
    # A spawned child has no logging set up: without a handler, Python's last-resort handler
    # would print pyhanko's tracebacks (it logs one per failed check) on the clerk's terminal.
    # The verdict carries the reasons; the parent logs what matters.
    logging.getLogger().addHandler(logging.NullHandler())
    try:
        warm_up()
        _cap_memory(job.limits.memory_mb)
        verdict = verify_pdf(
            job.data if isinstance(job.data, bytes) else Path(job.data),
            trust=TrustStore.from_certs(job.anchors),
            revocation=job.policy,
            now=job.now,
            limits=job.limits,
            poe=job.poe,
        )
        text = verdict.to_json()
    except MemoryError:
        text = failed(reason("memory", megabytes=job.limits.memory_mb), job.now).to_json()
    except BaseException as exc:  # noqa: BLE001 - the parent must always get an answer
        detail = f"{type(exc).__name__}: {exc}"[:200]
        text = failed(reason("internal_error", detail=detail), job.now).to_json()
    try:
        conn.send(text)
    finally:
        conn.close()


def verify_pdf_isolated(
    source: str | Path | bytes,
    *,
    trust: TrustStore,
    revocation: RevocationPolicy | None = None,
    now: datetime | None = None,
    limits: ParseLimits | None = None,
    poe: datetime | None = None,
    startup_s: float = STARTUP_ALLOWANCE_S,
) -> DocumentVerdict:
    """``verify_pdf`` in a worker process; never raises for a bad file. The worker gets
    ``limits.timeout_s`` plus ``startup_s`` for starting Python. A custom fetcher backend
    cannot cross the process boundary: the worker uses the default one."""
    limits = limits or ParseLimits()
    moment = now or datetime.now(UTC)
    try:
        data = _job_input(source, limits)
    except LimitExceeded as exc:
        return failed(reason(exc.code, **exc.params), moment)
    policy = replace(revocation or RevocationPolicy(), fetchers=None)
    job = _Job(data, tuple(a.cert.dump() for a in trust.anchors), policy, moment, limits, poe)
    ctx = multiprocessing.get_context("spawn")
    receiver, sender = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_worker, args=(job, sender), daemon=True)
    worker.start()
    sender.close()
    text: str | None = None
    timed_out = False
    try:
        if receiver.poll(limits.timeout_s + startup_s):
            text = receiver.recv()
        else:
            timed_out = True
    except (EOFError, OSError):
        text = None  # the worker died before answering
    finally:
        receiver.close()
        worker.join(timeout=1)
        if worker.is_alive():
            worker.kill()
            worker.join()
    if text is not None:
        return DocumentVerdict.from_json(text)
    if timed_out:
        return failed(reason("timeout", seconds=limits.timeout_s), moment, raw=_identity(data))
    detail = f"exit code {worker.exitcode}"
    return failed(reason("worker_failed", detail=detail), moment, raw=_identity(data))


def _job_input(source: str | Path | bytes, limits: ParseLimits) -> bytes | str:
    """What the worker gets: bytes as they are, a path after checking that the file exists
    and is not over the size limit (the worker reads it; nothing big crosses the pipe)."""
    if isinstance(source, bytes):
        if len(source) > limits.max_file_mb * MIB:
            raise LimitExceeded("file_too_large", limit_mb=limits.max_file_mb)
        return source
    try:
        size = os.stat(source).st_size
    except OSError as exc:
        raise PdfInputError(f"cannot read {source}: {exc}", path=str(source)) from exc
    if size > limits.max_file_mb * MIB:
        raise LimitExceeded("file_too_large", limit_mb=limits.max_file_mb)
    return str(source)


def _identity(data: bytes | str) -> RawScan | None:
    """Size and SHA-256 of the file, for a verdict the worker could not give (streamed)."""
    try:
        with open_source(
            data if isinstance(data, bytes) else Path(data), ParseLimits(max_file_mb=1 << 20)
        ) as blob:
            return RawScan(blob.size, 0, (), 0, 0, sha256=blob.sha256())
    except (OSError, PdfInputError, LimitExceeded):
        return None
