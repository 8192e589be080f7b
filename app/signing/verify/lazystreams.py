"""Big PDF streams left in the file until somebody reads them, for the verification use case.

pyhanko reads a stream object's whole payload when it parses the object, even when only its
dictionary is wanted: the difference analysis walks every object reachable from the trailer,
so the 500 MB scanned annex of a signed document would be copied into memory once more (and
kept in the reader's cache). Inside a ``lazy_streams()`` block (a ``ContextVar``: other threads
and tasks keep pyhanko's behaviour), a stream whose /Length is at least ``LAZY_MIN`` is parsed
exactly as pyhanko parses it, the ``endstream`` check included, but its payload is only located;
the object is a ``LazyStreamObject`` that reads the payload from the file each time its encoded
data is asked for (decoded data is cached by pyhanko as usual), and an earlier revision's copy
of it (``HistoricalResolver._subsume_object``) is lazy too. LazyStreamObjects only exist inside
such blocks; everything else, and every stream outside them, goes through pyhanko's own code.
Must not: change what any reader returns, only when the bytes are read.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfReadError, skip_over_whitespace
from pyhanko.pdf_utils.misc import read_non_whitespace as _read_non_whitespace
from pyhanko.pdf_utils.reader import HistoricalResolver

LAZY_MIN = 1 << 20

_active: ContextVar[bool] = ContextVar("verify_lazy_streams", default=False)
_originals: dict[str, Callable[..., Any]] = {}


class _Deferred(bytes):
    """An empty placeholder for a payload still in the file (never leaves this module)."""

    stream: Any
    offset: int
    length: int

    def load(self) -> bytes:
        where = self.stream.tell()
        try:
            self.stream.seek(self.offset)
            data: bytes = self.stream.read(self.length)
        finally:
            self.stream.seek(where)
        if len(data) != self.length:
            raise PdfReadError(f"stream payload at byte {self.offset} is no longer readable")
        return data


def _deferred(stream: Any, offset: int, length: int) -> _Deferred:
    marker = _Deferred()
    marker.stream, marker.offset, marker.length = stream, offset, length
    return marker


class LazyStreamObject(generic.StreamObject):
    """A StreamObject whose encoded payload stays in the file until it is read."""

    @property
    def _encoded_data(self) -> bytes | None:
        where: _Deferred | None = self.__dict__.get("_lazy_where")
        if where is not None:
            return where.load()
        encoded: bytes | None = self.__dict__.get("_lazy_encoded")
        return encoded

    @_encoded_data.setter
    def _encoded_data(self, value: bytes | None) -> None:
        self.__dict__["_lazy_where"] = None
        self.__dict__["_lazy_encoded"] = value


def read_non_whitespace(stream: Any, allow_eof: bool = False) -> bytes:
    result: bytes = _read_non_whitespace(stream, allow_eof=allow_eof)  # type: ignore[no-untyped-call]
    return result


def _size(stream: Any) -> int:
    where = stream.tell()
    try:
        return int(stream.seek(0, os.SEEK_END))
    finally:
        stream.seek(where)


def _payload(stream: Any, data: Any, handler: Any) -> Any:
    """pyhanko's ``generic._maybe_read_stream_payload`` (0.38), deferring big payloads."""
    if not _active.get():
        return _originals["payload"](stream, data, handler)
    pos = stream.tell()
    s = read_non_whitespace(stream, allow_eof=True)
    stream_data: Any = None
    if s == b"s" and stream.read(5) == b"tream":
        skip_over_whitespace(stream, stop_after_eol=True)
        length = data[generic.pdf_name("/Length")]
        if isinstance(length, generic.IndirectObject):
            t = stream.tell()
            length = handler.get_object(length)
            stream.seek(t)
        start = stream.tell()
        if (
            isinstance(length, int)
            and not isinstance(length, bool)
            and length >= LAZY_MIN
            and start + length <= _size(stream)
        ):
            stream.seek(start + length)
            stream_data = _deferred(stream, start, length)
        else:
            stream_data = stream.read(length)
        e = read_non_whitespace(stream)
        ndstream = stream.read(8)
        if (e + ndstream) != b"endstream":
            orig_endstream_pos = stream.tell()
            stream.seek(-10, os.SEEK_CUR)
            end = stream.read(9)
            if end == b"endstream":
                if isinstance(stream_data, _Deferred):
                    stream_data.length -= 1
                else:
                    stream_data = stream_data[:-1]
            else:
                raise PdfReadError(
                    "Unable to find 'endstream' marker after "
                    f"stream at byte {hex(orig_endstream_pos)}."
                )
    else:
        stream.seek(pos)
    return stream_data


def _read_dictionary(*args: Any, **kwargs: Any) -> Any:
    result = _originals["dictionary"](*args, **kwargs)
    if isinstance(result, generic.StreamObject):
        marker = result.__dict__.get("_encoded_data")
        if isinstance(marker, _Deferred):
            del result.__dict__["_encoded_data"]
            if type(result) is generic.StreamObject:
                result.__class__ = LazyStreamObject
                result.__dict__["_lazy_where"] = marker
            else:  # a subclass (XMP metadata) gets its payload now, as pyhanko would give it
                result._encoded_data = marker.load()
    return result


def _subsume(resolver: Any, obj: Any) -> Any:
    """pyhanko's ``HistoricalResolver._subsume_object`` copies a stream with its payload (an
    earlier revision's view of it); a lazy stream's copy stays lazy."""
    where = obj.__dict__.get("_lazy_where") if type(obj) is LazyStreamObject else None
    if where is None:
        return _originals["subsume"](resolver, obj)
    container_ref = obj.get_container_ref()
    result = LazyStreamObject({k: resolver._subsume_object(v) for k, v in obj.items()})
    result.__dict__["_lazy_where"] = where
    result.container_ref = generic.Reference(
        idnum=container_ref.idnum, generation=container_ref.generation, pdf=resolver
    )
    return result


def install() -> None:
    """Put the dispatchers in front of pyhanko's functions (once; idempotent)."""
    if _originals:
        return
    _originals["payload"] = generic._maybe_read_stream_payload
    _originals["dictionary"] = generic.DictionaryObject.read_from_stream
    _originals["subsume"] = HistoricalResolver._subsume_object
    generic._maybe_read_stream_payload = _payload
    generic.DictionaryObject.read_from_stream = staticmethod(_read_dictionary)  # type: ignore[method-assign]
    HistoricalResolver._subsume_object = _subsume  # type: ignore[method-assign]


@contextmanager
def lazy_streams() -> Iterator[None]:
    """Big stream payloads stay in the file for the code in this block (this thread / task)."""
    install()
    token = _active.set(True)
    try:
        yield
    finally:
        _active.reset(token)
