"""Parse limits for hostile PDFs, and the cooperative deadline that enforces the time budget.

The decode limits become pyhanko's ``DecodeLimits`` (pyhanko >= 0.38 stops decompression bombs
per stream, per purpose and per document). Time and memory are only enforced hard in the worker
process (``isolated``); in-process, ``Deadline`` is checked between steps.
Must not: read files.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from pyhanko.pdf_utils.decode_limits import (
    DEFAULT_PURPOSE_LIMITS,
    DecodeLimits,
    DocumentDecodeBudget,
    StreamDecodeLimits,
)

MIB = 1024 * 1024


class LimitExceeded(Exception):
    """Internal: a ParseLimits bound was hit; ``code`` is a reason code from ``rules``."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class ParseLimits:
    """Bounds on the work one untrusted PDF may cause."""

    max_file_mb: int = 1024  # files are streamed (blob.py): size costs time, not memory
    max_stream_mb: int = 64  # decoded size of one stream
    max_ratio: float = 1100  # decoded/encoded, above the 1 MiB floor (stacked filters)
    max_decoded_mb: int = 512  # decoded bytes for the whole document (at least)
    max_revisions: int = 500
    max_signatures: int = 100
    max_fields: int = 10_000
    max_depth: int = 64  # page tree / field tree depth
    max_pages: int = 20_000
    timeout_s: float = 120.0
    memory_mb: int = 1024  # extra address space the worker process may take (POSIX)

    def decode_limits(self) -> DecodeLimits:
        return DecodeLimits(
            per_stream=StreamDecodeLimits(
                max_ratio=self.max_ratio, max_output_size=self.max_stream_mb * MIB
            ),
            per_purpose=dict(DEFAULT_PURPOSE_LIMITS),
            document_budget=DocumentDecodeBudget(base_allowance=self.max_decoded_mb * MIB),
        )


class Deadline:
    """A monotonic-clock budget; ``check()`` raises LimitExceeded("timeout") once spent."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise LimitExceeded("timeout", seconds=round(self.seconds, 1))
