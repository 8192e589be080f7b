"""A workspace: one data directory with its settings, database, file store and log.

Opening one checks, in order, that the folder is writable, that the database answers and that its
schema is one this program understands, and says plainly which of these failed.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import settings as S
from app.errors import DataDirNotWritable
from app.logs import configure_logging
from app.models.db import Database, create_db_engine, sqlite_url
from app.models.schema import require_current, upgrade
from app.settings import Settings
from app.storage.filestore import FileStore

log = logging.getLogger(__name__)

DB_FILE = "vbdt.sqlite3"


@dataclass
class Workspace:
    data_dir: Path
    settings: Settings
    db: Database
    files: FileStore

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    def close(self) -> None:
        self.db.dispose()


def ensure_writable_dir(path: Path) -> None:
    """Create ``path`` if needed and prove we can write there; raise a plain error otherwise."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".vbdt-probe-", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise DataDirNotWritable(
            f"the data folder {path} is not writable: {exc.strerror or exc}", path=str(path)
        ) from exc


def open_workspace(
    data_dir: Path,
    *,
    db_url: str | None = None,
    migrate: bool = True,
    overrides: dict[str, Any] | None = None,
    console_log: bool = False,
) -> Workspace:
    """Open (creating if needed) the workspace in ``data_dir``.

    ``migrate=True`` upgrades an older schema after a backup; ``False`` refuses an outdated one.
    A schema newer than this program is always refused.
    """
    ensure_writable_dir(data_dir)
    settings = Settings(data_dir, overrides)
    configure_logging(data_dir / "logs", settings.get(S.LOG_LEVEL), console=console_log)
    url = db_url or settings.get(S.DB_URL) or sqlite_url(data_dir / DB_FILE)
    db = Database(create_db_engine(url))
    try:
        db.ping()
        if migrate:
            upgrade(db, backup_dir=data_dir / "backups")
        else:
            require_current(db)
    except BaseException:
        db.dispose()
        raise
    files = FileStore(data_dir / "files")
    removed = files.cleanup_temp_files()
    if removed:
        log.info("removed %d temp files left by an interrupted write", removed)
    return Workspace(data_dir, settings, db, files)
