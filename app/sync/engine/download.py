"""Downloading one package into the spool folder, resumable within a run and across restarts.

The spool file is named after the platform's docId, so a download cut short (a dropped
connection, a crash, the machine switched off) resumes from the bytes already on disk with a
``Range`` request; the transport re-hashes that prefix, and the whole is checked against the
platform's SHA-256 (the ETag, and the listing) before anyone parses it. The spool is outside the
file store: a half download is never an object there. Must not: parse or store the package.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from app.sync.engine.context import EngineContext
from app.sync.transport import FetchInterrupted, ReceivedItem, TransferCorrupted

IN_RUN_TRIES = 3
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def spool_path(spool_dir: Path, doc_id: str) -> Path:
    """A file name for any docId: readable part plus a hash, so two ids never share a file."""
    digest = hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:16]
    return spool_dir / f"{_UNSAFE.sub('_', doc_id)[:80]}-{digest}.edxml"


def _sha256_of(path: Path) -> str:
    hasher = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            hasher.update(chunk)
    return hasher.hexdigest()


def download(ctx: EngineContext, item: ReceivedItem) -> Path:
    """The package's bytes in a spool file, verified; transport errors propagate after
    ``IN_RUN_TRIES`` resumptions (the bytes on disk are kept for the next run)."""
    ctx.spool_dir.mkdir(parents=True, exist_ok=True)
    path = spool_path(ctx.spool_dir, item.doc_id)
    for attempt in range(1, IN_RUN_TRIES + 1):
        have = path.stat().st_size if path.exists() else 0
        if have and have == item.size and item.sha256 and _sha256_of(path) == item.sha256:
            return path  # complete from an earlier run that stopped before storing it
        if item.size and have > item.size:
            have = 0
        with path.open("r+b" if path.exists() else "w+b") as sink:
            if not have:
                sink.truncate(0)
            try:
                result = ctx.transport.fetch(item.doc_id, resume_from=have, sink=sink)
            except FetchInterrupted:
                if attempt == IN_RUN_TRIES:
                    raise
                continue
            except TransferCorrupted:
                sink.truncate(0)
                if attempt == IN_RUN_TRIES:
                    raise
                continue
            finally:
                # No fsync: a spool file torn by a power cut fails the SHA-256 check and is
                # fetched again; only the commit that follows must be durable.
                sink.flush()
        if item.sha256 and result.sha256 != item.sha256:
            path.unlink(missing_ok=True)
            raise TransferCorrupted(
                f"{item.doc_id}: SHA-256 {result.sha256} differs from the listing's {item.sha256}"
            )
        return path
    raise AssertionError("unreachable")
