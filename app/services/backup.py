"""Backups of a data folder: one ``.tar`` holding the database, the file store, settings, trust.

The SQLite database is copied with SQLite's online backup API in one step (a consistent snapshot
even while the app writes; a plain file copy of a live database can be torn). The snapshot is
taken before the file store is copied: files are stored before the rows that name them commit,
and objects are never deleted, so every file the snapshot refers to is in the archive.
A shared PostgreSQL database is ``pg_dump``'s job: the archive then holds everything else, and
the result says which command to run. Never archived: logs, caches, the sync secret, demo keys.

A restore goes into an empty folder only. It writes into a temporary sibling folder, checks every
member against the manifest's SHA-256, then the database (``PRAGMA integrity_check``, the audit
chain) and the file store, and only then renames the folder into place: a refused archive leaves
nothing behind.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import stat
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, cast

from sqlalchemy.engine import make_url

from app import __version__
from app import settings as S
from app.errors import UserFacingError
from app.models.audit import ChainReport
from app.models.db import Database, create_db_engine, sqlite_url
from app.models.schema import known_revisions, schema_status, upgrade
from app.services.maintenance import check_file_store, verify_audit
from app.services.workspace import DB_FILE, Workspace
from app.storage.atomic import CHUNK, TEMP_PREFIX, fsync_dir
from app.storage.filestore import CheckReport, FileStore

FORMAT = "vbdt-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_MEMBER = "db/" + DB_FILE
SETTINGS_MEMBER = "settings.json"
_OBJECT = re.compile(r"files/objects/([0-9a-f]{2})/\1[0-9a-f]{62}")
_TRUST = re.compile(r"trust/[A-Za-z0-9._-]+")  # trust anchors: flat folder of public certificates


class BackupError(UserFacingError):
    """A backup that cannot be made, or an archive that is refused; the text says which."""

    code = "backup_error"

    def __init__(self, detail: str, vietnamese: str, **params: Any) -> None:
        super().__init__(detail, user_message=vietnamese, **params)


@dataclass(frozen=True)
class Member:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    app_version: str
    schema_revision: str | None
    created_at: str
    database: str  # "sqlite" (inside the archive) or "postgresql" (pg_dump's job)
    members: tuple[Member, ...]

    def to_json(self) -> bytes:
        data = {"format": FORMAT, "format_version": FORMAT_VERSION, **asdict(self)}
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        try:
            data = json.loads(raw.decode("utf-8"))
            if data["format"] != FORMAT or not isinstance(data["format_version"], int):
                raise ValueError("not a VBĐT backup manifest")
            if data["format_version"] > FORMAT_VERSION:
                raise ValueError(f"format version {data['format_version']} is newer")
            members = tuple(
                Member(str(m["name"]), int(m["size"]), str(m["sha256"])) for m in data["members"]
            )
            revision = data["schema_revision"]
            text = {key: str(data[key]) for key in ("app_version", "created_at", "database")}
            return cls(schema_revision=revision and str(revision), members=members, **text)
        except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise _corrupt(f"bad manifest: {exc}") from exc


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    size: int
    pg_dump_command: str | None  # set in shared-office mode: the database is not in the archive
    corrupt_objects: tuple[str, ...]  # store objects whose bytes no longer match their name


@dataclass(frozen=True)
class RestoreResult:
    data_dir: Path
    manifest: Manifest
    upgraded_from: str | None  # the archive's schema when the restore had to upgrade it
    audit: ChainReport | None
    store: CheckReport


def _corrupt(detail: str) -> BackupError:
    return BackupError(
        detail, "Tệp sao lưu bị hỏng hoặc không phải bản sao lưu VBĐT; đã không khôi phục gì."
    )


# --- create ----------------------------------------------------------------------------------
def create_backup(
    data_dir: Path, db: Database, output: Path | None = None, *, now: datetime | None = None
) -> BackupResult:
    """Write one archive of ``data_dir`` (and of ``db`` when it is SQLite) to ``output``."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    stamp = moment.strftime("%Y%m%dT%H%M%SZ")
    output = output or data_dir / "backups" / f"vbdt-backup-{stamp}.tar"
    if output.exists():
        raise BackupError(
            f"{output} exists", f"Tệp {output} đã có: hãy chọn tên khác, không ghi đè bản sao lưu."
        )
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=output.parent))
    partial = work / "archive.tar"
    members: list[Member] = []
    corrupt: list[str] = []
    try:
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as tar:
            if db.is_sqlite:
                snapshot = work / DB_FILE
                _snapshot_sqlite(_sqlite_path(db), snapshot)
                revision = _sqlite_revision(snapshot)
                members.append(_add_file(tar, DB_MEMBER, snapshot))
                snapshot.unlink()
                pg_dump = None
            else:
                revision = schema_status(db).current
                pg_dump = pg_dump_command(db.engine.url.render_as_string(False), stamp)
            for digest in FileStore(data_dir / "files").iter_digests():
                name = f"files/objects/{digest[:2]}/{digest}"
                member = _add_file(tar, name, data_dir / name)
                members.append(member)
                if member.sha256 != digest:
                    corrupt.append(digest)
            trust = data_dir / "trust"
            if trust.is_dir():
                for path in sorted(trust.iterdir()):
                    if path.is_file() and _TRUST.fullmatch(f"trust/{path.name}"):
                        members.append(_add_file(tar, f"trust/{path.name}", path))
            settings = _public_settings(data_dir)
            if settings is not None:
                members.append(_add_bytes(tar, SETTINGS_MEMBER, settings))
            manifest = Manifest(
                __version__,
                revision,
                moment.isoformat(timespec="seconds"),
                "sqlite" if db.is_sqlite else db.engine.dialect.name,
                tuple(members),
            )
            _add_bytes(tar, MANIFEST, manifest.to_json())
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, output)
        fsync_dir(output.parent)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return BackupResult(output, manifest, output.stat().st_size, pg_dump, tuple(corrupt))


def pg_dump_command(url: str, stamp: str) -> str:
    """The command that backs up a shared PostgreSQL database (the password comes from PGPASSWORD
    or ~/.pgpass, never from a command line)."""
    parsed = make_url(url)
    parts = ["pg_dump", "--format=custom", f"--file=vbdt-db-{stamp}.dump"]
    if parsed.host:
        parts.append(f"--host={parsed.host}")
    if parsed.port:
        parts.append(f"--port={parsed.port}")
    if parsed.username:
        parts.append(f"--username={parsed.username}")
    parts.append(parsed.database or "")
    return " ".join(parts)


def _sqlite_path(db: Database) -> Path:
    database = db.engine.url.database
    if not database or database == ":memory:":
        raise BackupError("not a file database", "Cơ sở dữ liệu không phải tệp SQLite.")
    return Path(database)


def _snapshot_sqlite(source: Path, target: Path) -> None:
    """One ``backup`` step copies every page under one read transaction: a consistent snapshot
    that never blocks the app's writers (WAL), unlike stepping a few pages at a time."""
    src = sqlite3.connect(source, timeout=15)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()


def _sqlite_revision(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return None if row is None else str(row[0])


def _public_settings(data_dir: Path) -> bytes | None:
    """The user's settings, declared keys only: the registry refuses secrets by name, and
    anything undeclared (a hand edit, a newer version) stays out rather than risk a secret."""
    path = data_dir / S.SETTINGS_FILE
    if not path.is_file():
        return None
    try:
        values = json.loads(path.read_text(encoding="utf-8")).get("values", {})
    except (OSError, UnicodeDecodeError, ValueError, AttributeError) as exc:
        raise BackupError(
            f"cannot read {path}: {exc}", f"Không đọc được tệp cài đặt {path}: hãy sửa rồi thử lại."
        ) from exc
    kept = {key: value for key, value in dict(values).items() if key in S.REGISTRY}
    payload = {"version": S.SETTINGS_VERSION, "values": kept}
    return (json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


class _Hashing:
    """A read-through wrapper that hashes what ``tarfile`` reads (each file is read once)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw, self.hasher = raw, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.hasher.update(data)
        return data


def _add_file(tar: tarfile.TarFile, name: str, path: Path) -> Member:
    with path.open("rb") as handle:
        info = tar.gettarinfo(fileobj=handle, arcname=name)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        hashing = _Hashing(handle)
        tar.addfile(info, cast(IO[bytes], hashing))
    return Member(name, info.size, hashing.hasher.hexdigest())


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> Member:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o644, int(datetime.now(UTC).timestamp())
    tar.addfile(info, io.BytesIO(data))
    return Member(name, len(data), hashlib.sha256(data).hexdigest())


# --- restore ---------------------------------------------------------------------------------
def restore_backup(archive: Path, data_dir: Path) -> RestoreResult:
    """Restore ``archive`` into the empty (or new) folder ``data_dir`` and check it."""
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        raise BackupError(
            f"{data_dir} is not empty",
            f"Thư mục {data_dir} không trống: chỉ khôi phục vào một thư mục mới hoặc trống.",
        )
    manifest = read_manifest(archive)
    if manifest.schema_revision and manifest.schema_revision not in known_revisions():
        raise BackupError(
            f"schema {manifest.schema_revision} is newer than this program",
            f"Bản sao lưu do phiên bản mới hơn ({manifest.app_version}) tạo ra: "
            "hãy cài phiên bản đó hoặc mới hơn để khôi phục.",
        )
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".vbdt-restore-", dir=data_dir.parent))
    try:
        _extract(archive, manifest, staging)
        result = _check(staging, manifest)
        if data_dir.exists():
            data_dir.rmdir()
        os.replace(staging, data_dir)
        fsync_dir(data_dir.parent)
    except BaseException:
        remove_tree(staging)
        raise
    return RestoreResult(data_dir, manifest, result[0], result[1], result[2])


def read_manifest(archive: Path) -> Manifest:
    try:
        with tarfile.open(archive, "r:") as tar:
            handle = tar.extractfile(MANIFEST)
            if handle is None:
                raise _corrupt("manifest is not a file")
            return Manifest.from_json(handle.read())
    except FileNotFoundError as exc:
        raise BackupError(str(exc), f"Không tìm thấy tệp sao lưu {archive}.") from exc
    except (tarfile.TarError, KeyError, EOFError, OSError) as exc:
        raise _corrupt(f"{archive}: {exc}") from exc


def _target(staging: Path, name: str) -> Path:
    """Where a member goes; only names this module writes are accepted (no ``..``, no links)."""
    if name == DB_MEMBER:
        return staging / DB_FILE
    if name == SETTINGS_MEMBER or _OBJECT.fullmatch(name) or _TRUST.fullmatch(name):
        return staging.joinpath(*name.split("/"))
    raise _corrupt(f"unexpected member {name!r}")


def _extract(archive: Path, manifest: Manifest, staging: Path) -> None:
    expected = {m.name: m for m in manifest.members}
    seen: set[str] = set()
    try:
        with tarfile.open(archive, "r:") as tar:
            for info in tar:
                if info.name == MANIFEST:
                    continue
                member = expected.get(info.name)
                if member is None or info.name in seen or not info.isreg():
                    raise _corrupt(f"member {info.name!r} is not in the manifest")
                target = _target(staging, info.name)
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(info)
                assert source is not None  # a regular file
                digest, size = _copy_hashing(source, target)
                if digest != member.sha256 or size != member.size:
                    raise _corrupt(f"{info.name}: SHA-256 or size does not match the manifest")
                if _OBJECT.fullmatch(info.name):
                    os.chmod(target, 0o444)  # as FileStore writes them: immutable
                seen.add(info.name)
    except (tarfile.TarError, EOFError) as exc:
        raise _corrupt(f"{archive}: {exc}") from exc
    missing = sorted(set(expected) - seen)
    if missing:
        raise _corrupt(f"{len(missing)} member(s) missing, e.g. {missing[0]}")


def _copy_hashing(source: IO[bytes], target: Path) -> tuple[str, int]:
    hasher, size = hashlib.sha256(), 0
    with target.open("xb") as out:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            hasher.update(chunk)
            size += len(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    return hasher.hexdigest(), size


def _check(staging: Path, manifest: Manifest) -> tuple[str | None, ChainReport | None, CheckReport]:
    files = FileStore(staging / "files")
    db_path = staging / DB_FILE
    if not db_path.exists():  # PostgreSQL office: the archive holds the file store only
        store = files.check()
        _require(store.ok, f"file store: {store}", "Kho tệp trong bản sao lưu bị hỏng.")
        return None, None, store
    conn = sqlite3.connect(db_path)
    try:
        verdict = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        verdict = [str(exc)]
    finally:
        conn.close()
    _require(
        verdict == ["ok"],
        f"integrity_check: {verdict[:3]}",
        "Cơ sở dữ liệu trong bản sao lưu hỏng.",
    )
    db = Database(create_db_engine(sqlite_url(db_path)))
    try:
        before = upgrade(db, backup_dir=staging / "backups")
        ws = Workspace(staging, S.Settings(staging), db, files)
        audit = verify_audit(ws)
        _require(audit.ok, f"audit chain: {audit}", "Chuỗi nhật ký kiểm tra không toàn vẹn.")
        store = check_file_store(ws)
        _require(store.ok, f"file store: {store}", "Kho tệp thiếu hoặc hỏng tệp.")
    finally:
        db.dispose()
    upgraded = before.current if not before.up_to_date else None
    return upgraded, audit, store


def _require(ok: bool, detail: str, vietnamese: str) -> None:
    if not ok:
        raise BackupError(detail, f"{vietnamese} Đã không khôi phục gì.")


def remove_tree(path: Path) -> None:
    """``rmtree`` that also removes read-only files (store objects are 0444; Windows refuses)."""

    def retry(func: Callable[..., Any], name: str, _exc: Any) -> None:
        os.chmod(name, stat.S_IWRITE | stat.S_IREAD)
        func(name)

    if path.exists():
        shutil.rmtree(path, onerror=retry)
