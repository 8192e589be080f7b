"""Backups: an online SQLite snapshot plus the file store in one archive, restored and checked.

Real SQLite files and a real writer thread; corrupt archives are made by flipping real bytes.
"""

from __future__ import annotations

import hashlib
import io
import tarfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.cli import main
from app.messages import describe
from app.models import AuditEvent
from app.models.audit import append_event
from app.models.db import Database, create_db_engine, sqlite_url
from app.services.backup import (
    DB_MEMBER,
    MANIFEST,
    BackupError,
    create_backup,
    pg_dump_command,
    restore_backup,
)
from app.services.demo import init_demo
from app.services.workspace import DB_FILE, open_workspace
from app.storage.filestore import FileStore


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "data"
    init_demo(path, softhsm=False)
    return path


@pytest.fixture
def archive(demo_dir: Path, tmp_path: Path) -> Path:
    db = Database(create_db_engine(sqlite_url(demo_dir / DB_FILE)))
    try:
        return create_backup(demo_dir, db, tmp_path / "backup.tar").path
    finally:
        db.dispose()


def _events(path: Path) -> int:
    db = Database(create_db_engine(sqlite_url(path)))
    try:
        with db.read() as s:
            return int(s.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) or 0)
    finally:
        db.dispose()


class _Writer(threading.Thread):
    """Stores a file and appends an audit event naming it, one transaction at a time, until told
    to stop: what the app does while a clerk works during a backup."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(daemon=True)
        self.db = Database(create_db_engine(sqlite_url(data_dir / DB_FILE)))
        self.files = FileStore(data_dir / "files")
        self.stop = threading.Event()
        self.warm = threading.Event()
        self.done = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                stored = self.files.put_bytes(f"%PDF-1.7 writer {self.done}\n".encode())
                with self.db.write() as s:
                    append_event(s, "test.write", data={"sha256": stored.sha256})
                self.done += 1
                if self.done >= 20:
                    self.warm.set()
        except BaseException as exc:  # surfaced by the test
            self.error = exc
            self.warm.set()
        finally:
            self.db.dispose()


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[_Writer]:
    data = tmp_path / "live"
    init_demo(data, softhsm=False)
    thread = _Writer(data)
    thread.start()
    yield thread
    thread.stop.set()
    thread.join()


def test_backup_during_writes_is_consistent_and_restores(writer: _Writer, tmp_path: Path) -> None:
    data_dir = writer.files.root.parent
    assert writer.warm.wait(60)
    assert writer.error is None
    before = _events(data_dir / DB_FILE)
    db = Database(create_db_engine(sqlite_url(data_dir / DB_FILE)))
    try:
        result = create_backup(data_dir, db, tmp_path / "b.tar")
    finally:
        db.dispose()
    after = _events(data_dir / DB_FILE)
    assert writer.error is None
    assert result.manifest.schema_revision and result.pg_dump_command is None
    assert result.corrupt_objects == ()

    restored = restore_backup(result.path, tmp_path / "restored")
    assert restored.audit is not None and restored.audit.ok
    assert restored.store.ok
    # The snapshot is one moment of a growing chain: complete, between the two counts.
    assert before <= restored.audit.checked <= after
    assert _events(tmp_path / "restored" / DB_FILE) == restored.audit.checked
    ws = open_workspace(tmp_path / "restored", migrate=False)
    ws.close()


def test_manifest_hashes_every_member(archive: Path) -> None:
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        assert names[-1] == MANIFEST and DB_MEMBER in names
        manifest = tar.extractfile(MANIFEST).read()  # type: ignore[union-attr]
        from app.services.backup import Manifest

        parsed = Manifest.from_json(manifest)
        assert {m.name for m in parsed.members} == set(names) - {MANIFEST}
        for member in parsed.members:
            data = tar.extractfile(member.name).read()  # type: ignore[union-attr]
            assert hashlib.sha256(data).hexdigest() == member.sha256
    assert not any(n.startswith(("logs/", "demo-pki/", "backups/")) for n in names)


def _flip_byte_in(archive: Path, member: str) -> None:
    with tarfile.open(archive) as tar:
        offset = tar.getmember(member).offset_data
    with archive.open("r+b") as handle:
        handle.seek(offset + 100)
        byte = handle.read(1)
        handle.seek(offset + 100)
        handle.write(bytes([byte[0] ^ 0xFF]))


@pytest.mark.parametrize("damage", ["flip_db", "flip_file", "truncate", "extra_member"])
def test_a_damaged_archive_is_refused_and_leaves_nothing(
    archive: Path, tmp_path: Path, damage: str
) -> None:
    if damage == "flip_db":
        _flip_byte_in(archive, DB_MEMBER)
    elif damage == "flip_file":
        with tarfile.open(archive) as tar:
            first = next(n for n in tar.getnames() if n.startswith("files/objects/"))
        _flip_byte_in(archive, first)
    elif damage == "truncate":
        with archive.open("r+b") as handle:
            handle.truncate(archive.stat().st_size // 2)
    else:  # a member the manifest does not list, with a path that climbs out of the folder
        with tarfile.open(archive, "a") as tar:
            info = tarfile.TarInfo("../escaped.txt")
            info.size = 3
            tar.addfile(info, io.BytesIO(b"bad"))
    target = tmp_path / "new"
    with pytest.raises(BackupError) as caught:
        restore_backup(archive, target)
    text = describe(caught.value)
    assert "Tệp sao lưu bị hỏng" in text and "đã không khôi phục gì" in text
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.tar"]  # no staging left over


def test_restore_refuses_a_non_empty_folder(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(BackupError, match="not empty"):
        restore_backup(archive, target)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]


def test_restore_into_an_existing_empty_folder(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    result = restore_backup(archive, target)
    assert (target / DB_FILE).is_file() and result.store.ok


def test_no_secret_and_no_stray_setting_in_the_archive(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    open_workspace(data).close()
    (data / "settings.json").write_text(
        '{"version": 1, "values": {"agency_code": "000.00.00.H18", "smtp_password": "hunter2"}}',
        encoding="utf-8",
    )
    (data / "platform-secret").write_text("s3cr3t-platform", encoding="utf-8")
    db = Database(create_db_engine(sqlite_url(data / DB_FILE)))
    try:
        path = create_backup(data, db, tmp_path / "b.tar").path
    finally:
        db.dispose()
    raw = path.read_bytes()
    assert b"hunter2" not in raw and b"s3cr3t-platform" not in raw
    assert b"000.00.00.H18" in raw


def test_output_is_never_overwritten(archive: Path, demo_dir: Path) -> None:
    db = Database(create_db_engine(sqlite_url(demo_dir / DB_FILE)))
    try:
        with pytest.raises(BackupError, match="exists"):
            create_backup(demo_dir, db, archive)
    finally:
        db.dispose()


def test_shared_database_is_left_to_pg_dump(db_url: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    ws = open_workspace(data, db_url=db_url)
    ws.files.put_bytes(b"%PDF-1.7 shared office\n")
    try:
        result = create_backup(data, ws.db, tmp_path / "b.tar")
    finally:
        ws.close()
    with tarfile.open(result.path) as tar:
        names = tar.getnames()
    if db_url.startswith("sqlite"):
        assert DB_MEMBER in names and result.pg_dump_command is None
        return
    assert DB_MEMBER not in names and result.manifest.database == "postgresql"
    assert result.pg_dump_command and result.pg_dump_command.startswith("pg_dump ")
    restored = restore_backup(result.path, tmp_path / "files-only")
    assert restored.audit is None and restored.store.ok and restored.store.checked == 1


def test_pg_dump_command_never_carries_the_password() -> None:
    cmd = pg_dump_command("postgresql+psycopg://clerk:pw@db.office.lan:5433/vbdt", "20260101T0000Z")
    assert cmd == (
        "pg_dump --format=custom --file=vbdt-db-20260101T0000Z.dump --host=db.office.lan"
        " --port=5433 --username=clerk vbdt"
    )


def test_cli_create_and_restore(
    demo_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VBDT_DATA_DIR", str(tmp_path / "home"))  # where restore's log goes
    out = tmp_path / "cli.tar"
    assert main(["--data-dir", str(demo_dir), "backup", "create", "-o", str(out)]) == 0
    assert "Đã tạo bản sao lưu" in capsys.readouterr().out
    target = tmp_path / "restored"
    assert main(["backup", "restore", str(out), "--data-dir", str(target)]) == 0
    printed = capsys.readouterr().out
    assert "Đã khôi phục" in printed and "không hỏng" in printed
    assert main(["backup", "restore", str(out), "--data-dir", str(target)]) == 1
    assert "không trống" in capsys.readouterr().err
