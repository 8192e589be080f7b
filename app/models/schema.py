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
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, OperationalError

from app.errors import DatabaseUnavailable, SchemaOutdated, SchemaTooNew
from app.models.db import Database, describe_db_error

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# The newest migration's id. Opening a workspace whose schema is already at this revision needs
# no Alembic at all (its import is ~0.3 s of the GUI's cold start); anything else takes the full
# Alembic path. tests/test_schema.py checks this equals Alembic's own head, so a new migration
# without this line changed fails the suite.
HEAD_REVISION = "0004"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None  # None: an empty database
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def _stored_revision(db: Database) -> tuple[bool, str | None]:
    """(known, revision) read with plain SQL: known is False when it needs Alembic's reading
    (no version table, several heads, an unexpected shape)."""
    try:
        with db.engine.connect() as conn:
            if not sa.inspect(conn).has_table("alembic_version"):
                return False, None
            rows = conn.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    except (OperationalError, DBAPIError) as exc:
        raise DatabaseUnavailable(
            f"cannot reach the database {db.url}: {describe_db_error(exc)}"
        ) from exc
    return (True, str(rows[0][0])) if len(rows) == 1 else (False, None)


def schema_status(db: Database) -> SchemaStatus:
    known, stored = _stored_revision(db)
    if known and stored == HEAD_REVISION:
        return SchemaStatus(stored, HEAD_REVISION)  # the common case: no Alembic import
    from alembic.runtime.migration import MigrationContext

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
    from alembic import command

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
