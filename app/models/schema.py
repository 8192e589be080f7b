"""Schema versions: where a database stands against this program's migrations, and upgrading it.

A database written by a newer program is refused with a plain message instead of being "upgraded"
backwards. Before a SQLite file is migrated, a copy is taken with the online backup API (a plain
file copy of a live database can be corrupt), so a failed migration can always be undone.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import DBAPIError, OperationalError

from app.errors import DatabaseUnavailable, SchemaOutdated, SchemaTooNew
from app.models.db import Database, describe_db_error

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None  # None: an empty database
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def schema_status(db: Database) -> SchemaStatus:
    try:
        with db.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
    except (OperationalError, DBAPIError) as exc:
        raise DatabaseUnavailable(
            f"cannot reach the database {db.url}: {describe_db_error(exc)}"
        ) from exc
    status = SchemaStatus(current, head_revision())
    if current is not None and current not in known_revisions():
        raise SchemaTooNew(
            f"the database {db.url} was written by a newer version of VBĐT Desktop "
            f"(schema {current}); install that version or newer to open it",
            revision=current,
        )
    return status


def require_current(db: Database) -> None:
    status = schema_status(db)
    if not status.up_to_date:
        raise SchemaOutdated(
            f"the database {db.url} needs an upgrade: run `python -m app db upgrade`",
            current=status.current,
        )


def backup_sqlite(db: Database, target: Path) -> Path:
    """Copy a live SQLite database with the online backup API."""
    database = db.engine.url.database
    assert database, "backup needs a file database"
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(database)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(db: Database, *, backup_dir: Path | None = None) -> SchemaStatus:
    """Bring the schema to the head revision; returns the status before the upgrade."""
    before = schema_status(db)
    if before.up_to_date:
        return before
    if before.current is not None and db.is_sqlite and backup_dir is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup_sqlite(db, backup_dir / f"before-upgrade-{before.current}-{stamp}.sqlite3")
    cfg = alembic_config()
    try:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except (OperationalError, DBAPIError) as exc:
        raise DatabaseUnavailable(f"upgrade failed: {describe_db_error(exc)}") from exc
    return before


def table_names(db: Database) -> list[str]:
    return sorted(sa.inspect(db.engine).get_table_names())
