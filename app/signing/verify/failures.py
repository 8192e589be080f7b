"""Exceptions to findings: every way a hostile PDF can make a parser fail gets a clear category.

Must not: swallow exceptions itself (callers decide where a failure stops the analysis).
"""

from __future__ import annotations

from pyhanko.pdf_utils.misc import PdfDecodeLimitError, PdfError, PdfReadError

from app.signing.verify.limits import LimitExceeded
from app.signing.verify.model import Reason
from app.signing.verify.rules import reason

_TRUNCATION_HINTS = ("EOF marker", "startxref", "xref table", "unexpected end", "end of stream")


def _detail(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"[:200]


def failure_reason(exc: BaseException) -> Reason:
    """The finding (PARSE_STRICT, PARSE_LIMIT or STRUCTURE_LOOP) for an analysis failure."""
    if isinstance(exc, LimitExceeded):
        return reason(exc.code, **exc.params)
    if isinstance(exc, PdfDecodeLimitError):
        return reason("decode_limit")
    if isinstance(exc, RecursionError):
        return reason("pdf_loop")
    if isinstance(exc, MemoryError):
        return reason("memory", megabytes="?")
    if isinstance(exc, NotImplementedError):
        return reason("pdf_unsupported", detail=_detail(exc))
    if isinstance(exc, PdfReadError) and any(h in str(exc) for h in _TRUNCATION_HINTS):
        return reason("pdf_truncated")
    if isinstance(exc, PdfError | ValueError | KeyError | TypeError | IndexError | AssertionError):
        return reason("pdf_malformed", detail=_detail(exc))
    return reason("internal_error", detail=_detail(exc))
