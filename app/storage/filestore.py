"""Content-addressed store: every file is kept once, under its SHA-256, in a two-level fan-out.

``objects/ab/abcdef…`` holds the bytes whose SHA-256 is ``abcdef…``. Writing identical content
twice stores it once. Files are never modified in place: a signed PDF is a new object, and the old
one stays until nothing refers to it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.errors import NotFound, StorageError
from app.storage.atomic import (
    CHUNK,
    TEMP_PREFIX,
    fsync_dir,
    remove_stale_temp_files,
    wrap_os_error,
)

_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    path: Path


@dataclass(frozen=True)
class CheckReport:
    """What ``check`` found: ``missing`` are absent, ``corrupt`` do not hash right."""

    checked: int
    missing: tuple[str, ...]
    corrupt: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.corrupt


def _validate_digest(sha256: str) -> str:
    digest = sha256.lower()
    if len(digest) != 64 or not set(digest) <= _HEX:
        raise StorageError(f"not a SHA-256 digest: {sha256!r}", digest=sha256)
    return digest


class FileStore:
    """A folder of immutable objects named by their SHA-256."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.objects = root / "objects"

    def path_for(self, sha256: str) -> Path:
        digest = _validate_digest(sha256)
        return self.objects / digest[:2] / digest

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_bytes(self, data: bytes) -> StoredFile:
        return self.put_chunks([data])

    def put_file(self, source: Path) -> StoredFile:
        """Store a file from disk, reading it in 1 MiB chunks (a 500 MB PDF stays out of RAM)."""
        try:
            handle = source.open("rb")
        except OSError as exc:
            raise StorageError(f"cannot read {source}: {exc.strerror}", path=str(source)) from exc
        with handle:
            return self.put_stream(handle)

    def put_stream(self, stream: BinaryIO) -> StoredFile:
        return self.put_chunks(iter(lambda: stream.read(CHUNK), b""))

    def put_chunks(self, chunks: Iterable[bytes]) -> StoredFile:
        hasher = hashlib.sha256()
        size = 0
        self.objects.mkdir(parents=True, exist_ok=True)
        # The name is known only once everything is hashed: write a temp file in objects/ first.
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=self.objects)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in chunks:
                    hasher.update(chunk)
                    size += len(chunk)
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            digest = hasher.hexdigest()
            target = self.path_for(digest)
            if target.is_file():
                tmp.unlink()  # identical content is already stored once
                return StoredFile(digest, size, target)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, 0o444)
            os.replace(tmp, target)
            fsync_dir(target.parent)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise wrap_os_error(exc, self.objects) from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return StoredFile(digest, size, target)

    def open(self, sha256: str) -> BinaryIO:
        path = self.path_for(sha256)
        try:
            return path.open("rb")
        except FileNotFoundError as exc:
            raise NotFound(f"file {sha256} is missing from the store", sha256=sha256) from exc

    def read_bytes(self, sha256: str) -> bytes:
        with self.open(sha256) as handle:
            return handle.read()

    def iter_digests(self) -> Iterator[str]:
        if not self.objects.is_dir():
            return
        for sub in sorted(self.objects.iterdir()):
            if sub.is_dir() and len(sub.name) == 2:
                for item in sorted(sub.iterdir()):
                    if len(item.name) == 64 and set(item.name) <= _HEX:
                        yield item.name

    def check(self, referenced: Iterable[str] | None = None) -> CheckReport:
        """Re-hash stored objects; with ``referenced`` also report the ones that are missing."""
        wanted = sorted(set(referenced)) if referenced is not None else list(self.iter_digests())
        missing: list[str] = []
        corrupt: list[str] = []
        for digest in wanted:
            path = self.path_for(digest)
            if not path.is_file():
                missing.append(digest)
                continue
            hasher = hashlib.sha256()
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(CHUNK), b""):
                    hasher.update(chunk)
            if hasher.hexdigest() != digest:
                corrupt.append(digest)
        return CheckReport(len(wanted), tuple(missing), tuple(corrupt))

    def cleanup_temp_files(self) -> int:
        return remove_stale_temp_files(self.objects)
