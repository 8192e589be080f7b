"""Atomic outputs: every change happens on a copy beside its target, then a rename.

The source is only ever read. Its bytes are copied (1 MiB chunks) into a temp file next to the
target, opened ``w+b`` so pyhanko can sign it in place without holding the document in memory;
incremental updates are appended there; when every output of one operation is written and
re-validated they are fsynced and renamed over their targets together. On any failure the temp
files are removed; a crash leaves only ``TEMP_PREFIX`` files that start-up cleanup deletes.
Must not: write to a source file, or use a library that rewrites a whole signed PDF.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from app.errors import PdfInputError
from app.storage.atomic import CHUNK, TEMP_PREFIX, fsync_dir, wrap_os_error


class Stage:
    """Temp copies of sources beside their targets; ``commit`` renames all, ``abort`` drops all."""

    def __init__(self) -> None:
        self._items: list[tuple[Path, Path, BinaryIO]] = []

    def __enter__(self) -> Stage:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.abort()  # after a commit there is nothing left to abort

    def copy_of(self, source: Path, target: Path) -> BinaryIO:
        """A ``w+b`` handle on a fresh copy of ``source`` that will become ``target``."""
        try:
            src = open(source, "rb")  # noqa: SIM115 - closed below, errors mapped
        except OSError as exc:
            raise PdfInputError(
                f"cannot read {source}: {exc.strerror or exc}", path=str(source)
            ) from exc
        with src:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=target.parent)
            except OSError as exc:
                raise wrap_os_error(exc, target) from exc
            handle = os.fdopen(fd, "w+b")
            self._items.append((Path(tmp_name), target, handle))
            try:
                shutil.copyfileobj(src, handle, CHUNK)
                handle.flush()
            except OSError as exc:
                raise wrap_os_error(exc, target) from exc
        handle.seek(0)
        return handle

    def commit(self) -> None:
        """fsync every temp file, then rename each over its target."""
        try:
            for _, _, handle in self._items:
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
            for tmp, target, _ in self._items:
                os.chmod(tmp, 0o644)
                os.replace(tmp, target)
            for directory in {target.parent for _, target, _ in self._items}:
                fsync_dir(directory)
        except OSError as exc:
            raise wrap_os_error(exc, self._items[0][1]) from exc
        self._items.clear()

    def abort(self) -> None:
        for tmp, _, handle in self._items:
            with contextlib.suppress(OSError):
                handle.close()
            with contextlib.suppress(OSError):
                tmp.unlink()
        self._items.clear()


def sha256_of(handle: BinaryIO) -> str:
    digest = hashlib.sha256()
    handle.seek(0)
    for chunk in iter(lambda: handle.read(CHUNK), b""):
        digest.update(chunk)
    handle.seek(0)
    return digest.hexdigest()


@contextlib.contextmanager
def reading(path: Path) -> Iterator[BinaryIO]:
    """Open an existing PDF for reading, mapping OS errors to PdfInputError."""
    try:
        handle = open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise PdfInputError(f"cannot read {path}: {exc.strerror or exc}", path=str(path)) from exc
    with handle:
        yield handle
