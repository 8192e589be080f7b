"""PDF hex strings read in blocks, for our own reading of signed files.

pyhanko's ``generic.read_hex_string_from_stream`` reads one byte per ``read(1)`` with two Python
calls per digit: ~9 ms for the ~13,000 digits of one signature's ``/Contents``. ``fast_hex()``
swaps in, for the code inside its ``with`` block only (a ``ContextVar``: other threads and
tasks keep pyhanko's reader), one that reads up to the ``>`` in blocks, drops PDF whitespace
and decodes with ``binascii``. Anything it does not handle itself (a ``%`` comment, a character
that is neither a hex digit nor whitespace, the end of the stream) goes back to pyhanko's own
reader from the ``<``, so the result, or the error, is always pyhanko's.
Must not: change what pyhanko reads outside a ``fast_hex()`` block.
"""

from __future__ import annotations

import binascii
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pyhanko.pdf_utils import generic

_PDF_WHITESPACE = b" \n\r\t\f\x00"  # pyhanko.pdf_utils.misc.PDF_WHITESPACE
_HEX_AND_SPACE = b"0123456789abcdefABCDEF" + _PDF_WHITESPACE
_BLOCK = 16384

_active: ContextVar[bool] = ContextVar("pades_fast_hex", default=False)
_original: Callable[[Any], Any] | None = None


def read_hex_string_blocks(stream: Any, fallback: Callable[[Any], Any]) -> Any:
    """Read ``<…>`` at the stream's position like pyhanko does, in blocks."""
    start = stream.tell()
    stream.read(1)  # "<", unchecked like pyhanko
    parts = []
    while True:
        block = stream.read(_BLOCK)
        end = block.find(b">")
        segment = block if end < 0 else block[:end]
        if not block or segment.translate(None, _HEX_AND_SPACE):
            stream.seek(start)  # EOF, a comment or a stray byte: pyhanko decides
            return fallback(stream)
        parts.append(segment)
        if end >= 0:
            stream.seek(end + 1 - len(block), os.SEEK_CUR)
            break
    digits = b"".join(parts).translate(None, _PDF_WHITESPACE)
    if len(digits) % 2:
        digits += b"0"
    return generic.pdf_string(binascii.unhexlify(digits))


def _dispatch(stream: Any) -> Any:
    assert _original is not None
    if _active.get():
        return read_hex_string_blocks(stream, _original)
    return _original(stream)


def install() -> None:
    """Put the dispatcher in front of pyhanko's reader (once; idempotent)."""
    global _original
    if _original is None:
        _original = generic.read_hex_string_from_stream
        generic.read_hex_string_from_stream = _dispatch


@contextmanager
def fast_hex() -> Iterator[None]:
    """Hex strings read in blocks for the code in this block (this thread / task only)."""
    install()
    token = _active.set(True)
    try:
        yield
    finally:
        _active.reset(token)


def pyhanko_reader() -> Callable[[Any], Any]:
    """pyhanko's own hex-string reader (what ``fast_hex`` falls back to)."""
    install()
    assert _original is not None
    return _original
