"""The file under verification, read in bounded memory.

A 500 MB signed PDF must verify in ~150 MB, so the engine never holds a big file as ``bytes``:
``Blob`` is a file (or, for small inputs and callers that hand us bytes, an in-memory buffer)
with the few operations our own checks need: positional reads, literal searches in chunks, a
reverse scan for trailing whitespace and a streamed SHA-256. The size is known before anything
is read, so a file over the limit is refused without reading it.
Must not: parse PDF objects, or read more than ``CHUNK`` (+ a small overlap) at a time for a
scan over the file.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from app.errors import PdfInputError
from app.signing.verify.limits import MIB, LimitExceeded

CHUNK = MIB
# Files up to this size are read into memory: pyhanko reads objects in many tiny reads, which
# a BytesIO serves faster than a buffered file (a one-page document is ~100-300 KB).
IN_MEMORY_MAX = 16 * MIB

Source = str | Path | bytes | BinaryIO


class Blob:
    """A seekable binary stream of known size, shared with the PDF reader (our own reads put
    the position back where they found it)."""

    def __init__(self, stream: BinaryIO, size: int, *, owned: bool) -> None:
        self.stream = stream
        self.size = size
        self._owned = owned
        # Small inputs: the bytes themselves (slicing beats seek + read).
        self.data = stream.getvalue() if isinstance(stream, io.BytesIO) else None

    @classmethod
    def of_bytes(cls, data: bytes) -> Blob:
        return cls(io.BytesIO(data), len(data), owned=True)

    # --- opening ----------------------------------------------------------------------------
    @classmethod
    def open(cls, source: Source, max_bytes: int) -> Blob:
        """The source as a Blob; LimitExceeded("file_too_large") before reading a byte of a file
        that is too large; PdfInputError when a path cannot be opened."""
        if isinstance(source, bytes | bytearray | memoryview):
            data = bytes(source)
            _check_size(len(data), max_bytes)
            return cls.of_bytes(data)
        if isinstance(source, str | Path):
            try:
                handle = open(source, "rb")  # noqa: SIM115 - closed by Blob.close
                size = os.fstat(handle.fileno()).st_size
            except OSError as exc:
                raise PdfInputError(f"cannot read {source}: {exc}", path=str(source)) from exc
            try:
                _check_size(size, max_bytes)
                if size <= IN_MEMORY_MAX:
                    data = handle.read(size + 1)
                    handle.close()
                    _check_size(len(data), max_bytes)  # grew since fstat
                    return cls.of_bytes(data)
            except BaseException:
                handle.close()
                raise
            return cls(handle, size, owned=True)
        return cls._from_stream(source, max_bytes)

    @classmethod
    def _from_stream(cls, stream: BinaryIO, max_bytes: int) -> Blob:
        try:
            start = stream.tell()
            size = stream.seek(0, os.SEEK_END) - start
            stream.seek(start)
        except (OSError, AttributeError, ValueError):
            data = stream.read(max_bytes + 1)  # not seekable: it has to be held
            _check_size(len(data), max_bytes)
            return cls.of_bytes(data)
        _check_size(size, max_bytes)
        if start or size <= IN_MEMORY_MAX:
            return cls.of_bytes(stream.read(size))
        return cls(stream, size, owned=False)

    def close(self) -> None:
        if self._owned:
            self.stream.close()

    def __enter__(self) -> Blob:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- reading ----------------------------------------------------------------------------
    def read(self, start: int, end: int) -> bytes:
        """Bytes [start, end) clipped to the file, like slicing ``bytes``."""
        start, end = max(0, start), min(end, self.size)
        if end <= start:
            return b""
        if self.data is not None:
            return self.data[start:end]
        stream = self.stream
        where = stream.tell()
        try:
            stream.seek(start)
            return stream.read(end - start)
        finally:
            stream.seek(where)

    def chunks(
        self, start: int = 0, end: int | None = None, overlap: int = 0
    ) -> Iterator[tuple[int, bytes, int]]:
        """(offset, bytes, own) covering [start, end) in CHUNK steps: ``bytes[:own]`` is this
        chunk's own part, and it also carries up to ``overlap`` following bytes (clipped to
        ``end``), so a needle is never cut in two."""
        end = self.size if end is None else min(end, self.size)
        pos = max(0, start)
        while pos < end:
            stop = min(pos + CHUNK, end)
            yield pos, self.read(pos, min(stop + overlap, end)), stop - pos
            pos = stop

    def find_all(self, needle: bytes, start: int = 0, end: int | None = None) -> Iterator[int]:
        """Every offset in [start, end) where ``needle`` starts and fits before ``end``
        (overlapping occurrences too)."""
        if self.data is not None:
            data, stop = self.data, self.size if end is None else min(end, self.size)
            at = data.find(needle, max(0, start), stop)
            while at >= 0:
                yield at
                at = data.find(needle, at + 1, stop)
            return
        for offset, chunk, own in self.chunks(start, end, overlap=len(needle) - 1):
            at = chunk.find(needle)
            while 0 <= at < own:
                yield offset + at
                at = chunk.find(needle, at + 1)

    def find(self, needle: bytes, start: int = 0, end: int | None = None) -> int:
        return next(self.find_all(needle, start, end), -1)

    def last_non_space(self, start: int, spaces: bytes) -> int:
        """The offset just after the last byte in [start, size) not in ``spaces`` (start if
        there is none); read backwards in chunks."""
        if self.data is not None:
            return max(start, len(self.data.rstrip(spaces)))
        pos = self.size
        while pos > start:
            begin = max(start, pos - CHUNK)
            rest = len(self.read(begin, pos).rstrip(spaces))
            if rest:
                return begin + rest
            pos = begin
        return start

    def sha256(self) -> str:
        if self.data is not None:
            return hashlib.sha256(self.data).hexdigest()
        digest = hashlib.sha256()
        for _offset, chunk, _own in self.chunks():
            digest.update(chunk)
        return digest.hexdigest()


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise LimitExceeded("file_too_large", limit_mb=max_bytes // MIB)
