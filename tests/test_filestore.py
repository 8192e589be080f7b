"""The content-addressed store: one copy per content, atomic writes, a check that finds damage."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from app.errors import DiskFull, NotFound, StorageError
from app.storage.atomic import TEMP_PREFIX, atomic_write_bytes
from app.storage.filestore import FileStore


def test_identical_content_is_stored_once(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    a = store.put_bytes(b"%PDF-1.7 Quy\xe1\xba\xbft \xc4\x91\xe1\xbb\x8bnh")
    b = store.put_bytes(b"%PDF-1.7 Quy\xe1\xba\xbft \xc4\x91\xe1\xbb\x8bnh")
    assert a == b
    assert a.sha256 == hashlib.sha256("%PDF-1.7 Quyết định".encode()).hexdigest()
    assert list(store.iter_digests()) == [a.sha256]
    assert a.path.parent.name == a.sha256[:2]
    assert not [p for p in store.objects.rglob("*") if p.name.startswith(TEMP_PREFIX)]


def test_large_file_is_streamed(tmp_path: Path) -> None:
    src = tmp_path / "big.pdf"
    with src.open("wb") as fh:
        for i in range(5):
            fh.write(bytes([i]) * (1 << 20))
    stored = FileStore(tmp_path / "store").put_file(src)
    assert stored.size == 5 << 20
    assert stored.path.read_bytes() == src.read_bytes()


def test_check_reports_missing_and_corrupt(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    good = store.put_bytes(b"good")
    bad = store.put_bytes(b"will be damaged")
    os.chmod(bad.path, 0o644)
    bad.path.write_bytes(b"damaged")
    ghost = hashlib.sha256(b"never stored").hexdigest()
    report = store.check([good.sha256, bad.sha256, ghost])
    assert report.checked == 3
    assert report.missing == (ghost,)
    assert report.corrupt == (bad.sha256,)
    assert not report.ok


def test_missing_object_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        FileStore(tmp_path).read_bytes("a" * 64)
    with pytest.raises(StorageError):
        FileStore(tmp_path).path_for("../../etc/passwd")


class _FullDisk:
    """Fake at the OS boundary: a disk that fills up after ``room`` bytes (a real one is too slow
    and too dangerous to fill in a test)."""

    def __init__(self, room: int) -> None:
        self.room = room

    def chunks(self):
        yield b"x" * self.room
        raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_leaves_no_partial_file(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    with pytest.raises(DiskFull):
        store.put_chunks(_FullDisk(1000).chunks())
    assert list(store.objects.rglob("*")) == []


def test_atomic_write_keeps_old_content_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    atomic_write_bytes(target, b"old")

    def boom():
        yield b"new-partial"
        raise OSError(errno.ENOSPC, "No space left on device")

    from app.storage.atomic import atomic_write_chunks

    with pytest.raises(DiskFull):
        atomic_write_chunks(target, boom())
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_stale_temp_files_are_removed(tmp_path: Path) -> None:
    store = FileStore(tmp_path)
    store.objects.mkdir(parents=True)
    (store.objects / f"{TEMP_PREFIX}abc").write_bytes(b"left by a crash")
    assert store.cleanup_temp_files() == 1
    assert list(store.objects.iterdir()) == []
