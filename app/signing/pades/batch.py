"""Sign many documents with one signer (one token login): progress, cancel, resume.

Files are signed one after the other (the token is single-threaded anyway). A file whose output
already exists and carries a valid signature by this signer's certificate is skipped, so a batch
stopped by a token error (removed, locked) resumes without signing anything twice. Per-file
problems (a broken PDF) are recorded and the batch goes on; token problems and a cancel stop it.
Must not: retry a PIN, or run files in parallel.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pyhanko.pdf_utils.reader import PdfFileReader

from app.errors import AppError, TokenError, UserCancelled
from app.signing.pades.engine import run, sign_document
from app.signing.pades.model import SignRequest, SignResult
from app.signing.pades.verify import signature_states


class Outcome(enum.StrEnum):
    SIGNED = "signed"
    SKIPPED = "skipped"  # already signed by this signer (resume)
    FAILED = "failed"
    NOT_RUN = "not_run"  # cancelled or stopped before this file


@dataclass(frozen=True)
class BatchItem:
    request: SignRequest
    outcome: Outcome
    result: SignResult | None = None
    error: str = ""
    error_code: str = ""


@dataclass(frozen=True)
class BatchResult:
    items: tuple[BatchItem, ...]
    cancelled: bool
    stopped_by: str = ""  # the error code that stopped the batch, e.g. "token_removed"

    def count(self, outcome: Outcome) -> int:
        return sum(1 for item in self.items if item.outcome is outcome)


Progress = Callable[[int, int, BatchItem], None]


def already_signed(request: SignRequest, signer: Any) -> bool:
    """True when ``request.output`` exists with a valid signature by ``signer``'s certificate."""
    if not request.output.exists():
        return False
    mine = signer.signing_cert.dump()
    try:
        with open(request.output, "rb") as handle:
            reader = PdfFileReader(handle)
            if reader.encrypted:
                reader.decrypt(request.password or "")
            fields = {
                s.field_name
                for s in reader.embedded_regular_signatures
                if s.signer_cert.dump() == mine
            }
            if not fields:
                return False
            states = run(signature_states(reader, fields=fields, diff=False))
    except Exception:  # noqa: BLE001 - an unreadable output is simply not done
        return False
    return any(s.intact and s.valid for s in states.values())


def sign_batch(
    requests: Sequence[SignRequest],
    signer: Any,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    skip_done: bool = True,
) -> BatchResult:
    """Sign each request in order; see the module docstring for skip, stop and cancel rules."""
    items: list[BatchItem] = []
    total = len(requests)
    stopped_by = ""
    cancelled = False
    for index, request in enumerate(requests):
        if cancel is not None and cancel.is_set():
            cancelled = True
        if cancelled or stopped_by:
            items.append(BatchItem(request, Outcome.NOT_RUN))
            continue
        item, stop = _one(request, signer, skip_done)
        if stop:
            stopped_by = item.error_code
        items.append(item)
        if progress is not None:
            progress(index + 1, total, item)
    return BatchResult(tuple(items), cancelled, stopped_by)


def _one(request: SignRequest, signer: Any, skip_done: bool) -> tuple[BatchItem, bool]:
    """The item, and whether the batch must stop (the token is gone or the person cancelled)."""
    if skip_done and already_signed(request, signer):
        return BatchItem(request, Outcome.SKIPPED), False
    try:
        return BatchItem(request, Outcome.SIGNED, sign_document(request, signer)), False
    except (TokenError, UserCancelled) as exc:
        return BatchItem(request, Outcome.FAILED, error=exc.message, error_code=exc.code), True
    except AppError as exc:
        return BatchItem(request, Outcome.FAILED, error=exc.message, error_code=exc.code), False
