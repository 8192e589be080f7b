"""Where the time of one ``sign_document`` goes: wall-clock per engine step.

``engine_phases()`` wraps the steps ``app.signing.pades.engine`` calls through its module
globals (and the staging methods) with timers for the duration of a ``with`` block, then puts
the originals back. It changes nothing in what runs; it is used in separate runs from the
headline timings, so its few microseconds of overhead never reach the results table.
The what-ifs show what a change would buy, measured, before anybody makes it:
``without_recheck()`` replaces the post-signing re-validation with a no-op (its whole cost);
``one_pass_digests()`` folds the re-validation's byte-range digest and the output's SHA-256 into
one read. Both are bench-only patches active inside a ``with`` block; the shipped code is never
edited. (The earlier what-ifs ``fast_hex_strings`` and ``big_digest_reads`` became the shipped
code: ``app/signing/hexread.py`` and ``verify.seed_digest``.)
"""

from __future__ import annotations

import inspect
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# engine-module name -> label in the breakdown
ENGINE_STEPS = {
    "open_for_update": "open + parse",
    "_has_sigs": "scan earlier signatures",
    "resolve": "placement",
    "ensure_chain": "chain",
    "_style": "appearance",
    "_sign": "pyhanko sign (in place)",
    "_recheck": "re-validation",
    "sha256_of": "sha256 of output",
}
STAGE_STEPS = {"copy_of": "stage copy", "commit": "fsync + rename"}
SIGNER_STEPS = {"async_sign_raw": "token C_Sign (incl. thread hop)"}


def _timer(fn: Any, label: str, acc: dict[str, float]) -> Any:
    if inspect.iscoroutinefunction(fn):

        async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return await fn(*args, **kwargs)
            finally:
                acc[label] += time.perf_counter() - start

        return async_wrapper

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            acc[label] += time.perf_counter() - start

    return wrapper


@contextmanager
def _patched(targets: list[tuple[Any, str, Any]]) -> Iterator[None]:
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in targets]
    try:
        for owner, name, value in targets:
            setattr(owner, name, value)
        yield
    finally:
        for owner, name, value in saved:
            setattr(owner, name, value)


@contextmanager
def engine_phases() -> Iterator[dict[str, float]]:
    """Seconds per step, summed over every ``sign_document`` run inside the block."""
    from app.signing.pades import engine, output
    from app.signing.tokens import signer

    acc: dict[str, float] = defaultdict(float)
    targets = []
    for owner, steps in (
        (engine, ENGINE_STEPS),
        (output.Stage, STAGE_STEPS),
        (signer.TokenSigner, SIGNER_STEPS),
    ):
        for name, label in steps.items():
            targets.append((owner, name, _timer(getattr(owner, name), label, acc)))
    with _patched(targets):
        yield acc


@contextmanager
def without_recheck() -> Iterator[None]:
    """What-if: skip the engine's re-validation of the written file (bench only)."""
    from app.signing.pades import engine

    async def skip(*args: Any, **kwargs: Any) -> None:
        return None

    with _patched([(engine, "_recheck", skip)]):
        yield


def describe(acc: dict[str, float], runs: int, *, unit: str = "ms") -> str:
    """``re-validation 26.1, pyhanko sign 19.4, ...`` per run, largest first."""
    scale = 1000.0 if unit == "ms" else 1.0
    parts = sorted(acc.items(), key=lambda kv: -kv[1])
    return ", ".join(f"{label} {value / runs * scale:.1f}" for label, value in parts) + f" {unit}"


@contextmanager
def one_pass_digests(chunk_size: int = 1 << 20) -> Iterator[None]:
    """What-if: the re-validation's byte-range digest and the output's SHA-256 (for the file
    store) come from ONE read of the file in ``chunk_size`` reads, instead of two passes
    (both in 1 MiB reads). Bench only; the engine's checks still run on what is read."""
    import hashlib

    from cryptography.hazmat.primitives import hashes
    from pyhanko.sign.general import get_pyca_cryptography_hash  # type: ignore[attr-defined]

    from app.signing.pades import engine, verify

    whole: dict[int, tuple[int, str]] = {}  # id(stream) -> (size, sha256 hex of all of it)
    original_sha = engine.sha256_of  # type: ignore[attr-defined]

    def byte_range_digest(stream: Any, byte_range: Any, md_algorithm: str, **_: Any) -> Any:
        values = [int(v) for v in byte_range]
        ranges = list(zip(values[::2], values[1::2], strict=True))
        md = hashes.Hash(get_pyca_cryptography_hash(md_algorithm))
        full = hashlib.sha256()
        buf = bytearray(chunk_size)
        view = memoryview(buf)
        stream.seek(0)
        offset = total = 0
        while n := stream.readinto(buf):
            chunk = view[:n]
            full.update(chunk)
            for lo, length in ranges:
                a, b = max(lo, offset), min(lo + length, offset + n)
                if a < b:
                    md.update(chunk[a - offset : b - offset])
                    total += b - a
            offset += n
        whole[id(stream)] = (offset, full.hexdigest())
        return total, md.finalize()

    def sha256_of(handle: Any) -> str:
        size = handle.seek(0, os.SEEK_END)
        known = whole.pop(id(handle), None)
        if known is not None and known[0] == size:
            handle.seek(0)
            return known[1]
        return original_sha(handle)

    with _patched(
        [(verify, "byte_range_digest", byte_range_digest), (engine, "sha256_of", sha256_of)]
    ):
        yield
