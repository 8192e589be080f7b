"""Where decoded attachment bytes go while a package is read: memory first, then a file.

A small attachment stays ``bytes``; past the threshold it moves to a file in the spool folder,
so a 200 MB package never needs its size in memory. The folder keeps track of every file it made,
so a refused package leaves nothing behind. No parsing and no policy here.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from app.errors import StorageError


def _storage_error(exc: OSError, what: str) -> StorageError:
    return StorageError(f"cannot spool {what}: {exc.strerror or exc}", path=str(exc.filename or ""))


class SpoolDir:
    """Files for big attachments, in ``directory`` (the system temp folder if ``None``)."""

    def __init__(self, directory: Path | None) -> None:
        self._directory = directory
        self._files: list[Path] = []

    def new_file(self) -> tuple[Path, BinaryIO]:
        try:
            fd, name = tempfile.mkstemp(prefix="vbdt-edxml-", suffix=".part", dir=self._directory)
        except OSError as exc:
            raise _storage_error(exc, "an attachment") from exc
        path = Path(name)
        self._files.append(path)
        return path, os.fdopen(fd, "w+b")

    def forget(self, path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        if path in self._files:
            self._files.remove(path)

    def cleanup(self) -> None:
        """Remove everything this reading made (on refusal): the caller gets no half package."""
        for path in self._files:
            with contextlib.suppress(OSError):  # best effort: the refusal matters more
                path.unlink(missing_ok=True)
        self._files.clear()


class Spool:
    """A write-then-read buffer: ``BytesIO`` up to ``threshold`` bytes, then a spool file."""

    def __init__(self, spools: SpoolDir, threshold: int) -> None:
        self._spools = spools
        self._threshold = threshold
        self._memory: io.BytesIO | None = io.BytesIO()
        self._path: Path | None = None
        self._file: BinaryIO | None = None
        self.size = 0
        self.head = b""

    def write(self, data: bytes) -> None:
        if len(self.head) < 16:
            self.head = (self.head + data[:16])[:16]
        self.size += len(data)
        try:
            if self._memory is not None and self.size > self._threshold:
                self._path, self._file = self._spools.new_file()
                self._file.write(self._memory.getbuffer())
                self._memory = None
            (self._memory if self._memory is not None else self._handle()).write(data)
        except OSError as exc:
            raise _storage_error(exc, "an attachment") from exc

    def _handle(self) -> BinaryIO:
        assert self._file is not None
        return self._file

    def reader(self) -> BinaryIO:
        """The written bytes, rewound, for reading (a ZIP is opened on this)."""
        handle: BinaryIO = self._memory if self._memory is not None else self._handle()
        handle.seek(0)
        return handle

    def finish(self) -> bytes | Path:
        """Keep the bytes: in memory, or as the spool file (closed, left for the caller)."""
        if self._memory is not None:
            return self._memory.getvalue()
        assert self._path is not None
        try:
            self._handle().close()
        except OSError as exc:
            raise _storage_error(exc, "an attachment") from exc
        return self._path

    def discard(self) -> None:
        if self._file is not None:
            self._file.close()
        if self._path is not None:
            self._spools.forget(self._path)
        self._memory = None
        self._file = None
        self._path = None
