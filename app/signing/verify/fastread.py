"""PDF names and arrays of plain numbers and names read in blocks, for the verification use case.

pyhanko parses an object one byte at a time: a name is read through ``read_until_delimiter`` and
decoded byte by byte (``_decode_name``), and every array element costs a ``read(1)``, a seek back,
a dispatch on the first byte and, for a number, a 20-byte peek for ``N G R`` and a 16-byte regex
read. A signed decision's fonts (``/Widths``, ``/W``, ``/Differences``) hold ~1,400 such items,
read by the difference analysis, our field walk and the later-changes check: ~20 ms of a ~70 ms
verification. Inside ``fast_objects()`` (a ``ContextVar``: other threads and tasks keep pyhanko's
code) a name made only of regular ASCII characters, and an array's elements that are such names
or plain numbers, are matched with a regex on a block of the file and built exactly as pyhanko
builds them (``NameObject``, ``NumberObject``, ``FloatObject``, with the same ``container_ref``),
and so are the bytes of a literal string without escapes or nested parentheses. Anything else
(an escape, a comment, a reference ``N G R``, a nested object, a token that reaches the end of
the block, a number pyhanko would refuse) is read by pyhanko's own code from the same position,
so the result, the stream position and any error are pyhanko's.
Must not: change what any reader returns, only how fast it reads.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import (
    PDF_DELIMITERS,
    PDF_WHITESPACE,
    PdfReadError,
    read_non_whitespace,
)

_BLOCK = 4096
_NAME_PEEK = 128
_active: ContextVar[bool] = ContextVar("verify_fast_objects", default=False)
_originals: dict[str, Callable[..., Any]] = {}

_WS = re.escape(PDF_WHITESPACE)
_ENDS = re.escape(PDF_WHITESPACE + PDF_DELIMITERS)
# _decode_name accepts 0x21..0x7E except delimiters; "#" starts an escape (left to pyhanko).
_REGULAR = re.escape(bytes(b for b in range(0x21, 0x7F) if b not in PDF_DELIMITERS + b"#"))
_NAME = rb"/([" + _REGULAR + rb"]*)(?=[" + _ENDS + rb"])"
_NAME_RE = re.compile(_NAME)
# NumberObject.NumberPattern ends a number at the first byte outside "+-." (a range: + , - .)
# and the digits; read_object only starts one at a digit or at + - . (NUMBER_SIGNS).
_NUMBER = rb"([+\-.0-9][+,\-.0-9]*)(?=[^+,\-.0-9])"
_ELEMENT_RE = re.compile(rb"[" + _WS + rb"]*(?:(\])|" + _NAME + rb"|" + _NUMBER + rb")")
_STRING_SPECIAL = re.compile(rb"[()\\]")


def _name(stream: Any) -> Any:
    """``NameObject.read_from_stream``: a plain name from a peek, else pyhanko's reader."""
    original = _originals["name"]
    if not _active.get():
        return original(stream)
    start = stream.tell()
    peek = stream.read(_NAME_PEEK)
    found = _NAME_RE.match(peek)
    stream.seek(start + found.end() if found else start)
    if found is None:
        return original(stream)
    return generic.NameObject("/" + found.group(1).decode("ascii"))


def _literal(stream: Any) -> bytes:
    """``_read_string_literal_bytes``: a string without escapes or nested parentheses is the
    bytes up to its ")", as pyhanko's byte loop finds; anything else is pyhanko's."""
    original = _originals["literal"]
    if not _active.get():
        result: bytes = original(stream)
        return result
    start = stream.tell()
    block = stream.read(_BLOCK)
    special = _STRING_SPECIAL.search(block, 1)
    if special is None or special.group() != b")":
        stream.seek(start)
        result = original(stream)
        return result
    stream.seek(start + special.end())
    return bytes(block[1 : special.start()])


def _number(token: bytes, peek: bytes) -> Any:
    """The number pyhanko's read_object makes of ``token`` (``peek``: the 20 bytes from its
    start), or None when pyhanko would read something else there or refuse it."""
    if token[:1].isdigit() and generic.INDIRECT_PATTERN.match(peek) is not None:
        return None  # an indirect reference
    try:
        text = token.decode("ascii")
        if b"." in token:
            return generic.FloatObject(text)  # type: ignore[no-untyped-call]
        return generic.NumberObject(text)  # type: ignore[no-untyped-call]
    except (ValueError, ArithmeticError):
        return None  # pyhanko raises here: let it, from the same place


def _array(
    stream: Any,
    container_ref: Any,
    in_content_stream: generic.ContentOpReading = generic.ContentOpReading.NO,
) -> Any:
    """``ArrayObject.read_from_stream``: plain names and numbers matched in blocks."""
    if not _active.get() or in_content_stream is not generic.ContentOpReading.NO:
        return _originals["array"](stream, container_ref, in_content_stream=in_content_stream)
    arr = generic.ArrayObject()
    if stream.read(1) != b"[":
        raise PdfReadError("Could not read array")
    base = stream.tell()
    block = stream.read(_BLOCK)
    at = 0
    while True:
        found = _ELEMENT_RE.match(block, at)
        item: Any = None
        if found is not None and found.group(1):  # "]"
            stream.seek(base + found.end())
            return arr
        if found is not None and found.group(2) is not None:
            item = generic.NameObject("/" + found.group(2).decode("ascii"))
        elif found is not None:
            token = found.group(3)
            start = found.end() - len(token)
            if start + 20 <= len(block):  # pyhanko's 20-byte peek for "N G R", whole
                item = _number(token, block[start : start + 20])
        if found is not None and item is not None:
            item.container_ref = container_ref
            arr.append(item)
            at = found.end()
            continue
        # pyhanko's own step, from where ours stopped (whitespace and comments included).
        stream.seek(base + at)
        if read_non_whitespace(stream) == b"]":  # type: ignore[no-untyped-call]
            return arr
        stream.seek(-1, os.SEEK_CUR)
        arr.append(generic.read_object(stream, container_ref))
        base, at = stream.tell(), 0
        block = stream.read(_BLOCK)


def install() -> None:
    """Put the dispatchers in front of pyhanko's readers (once; idempotent)."""
    if _originals:
        return
    _originals["name"] = generic.NameObject.read_from_stream
    _originals["array"] = generic.ArrayObject.read_from_stream
    _originals["literal"] = generic._read_string_literal_bytes
    generic._read_string_literal_bytes = _literal
    generic.NameObject.read_from_stream = staticmethod(_name)  # type: ignore[method-assign]
    generic.ArrayObject.read_from_stream = staticmethod(_array)  # type: ignore[method-assign]


@contextmanager
def fast_objects() -> Iterator[None]:
    """Plain names and arrays read in blocks for the code in this block (this task only)."""
    install()
    token = _active.set(True)
    try:
        yield
    finally:
        _active.reset(token)
