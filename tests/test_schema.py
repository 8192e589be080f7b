"""Migrations: 0001 builds the mapped schema, upgrades are idempotent, newer ones refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.errors import SchemaOutdated, SchemaTooNew
from app.models import Base
from app.models.db import Database, create_db_engine
from app.models.documents import include_name
from app.models.schema import (
    HEAD_REVISION,
    alembic_config,
    head_revision,
    schema_status,
    upgrade,
)
from app.services.workspace import open_workspace


def test_migrations_build_the_mapped_schema(db_url: str) -> None:
    db = Database(create_db_engine(db_url))
    try:
        before = upgrade(db)
        assert before.current is None
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": include_name})
            diffs = compare_metadata(context, Base.metadata)
        assert diffs == []
        assert schema_status(db).up_to_date
        assert upgrade(db).up_to_date  # a second run does nothing
    finally:
        db.dispose()


def test_downgrade_to_empty_and_back(db_url: str) -> None:
    db = Database(create_db_engine(db_url))
    cfg = alembic_config()
    try:
        upgrade(db)
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        assert set(sa.inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade(db)
        assert schema_status(db).current == head_revision()
    finally:
        db.dispose()


def _stamp(db_url: str, revision: str) -> None:
    engine = create_db_engine(db_url)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{revision}'")
    engine.dispose()


def test_newer_schema_is_refused(data_dir: Path, db_url: str) -> None:
    open_workspace(data_dir, db_url=db_url).close()
    _stamp(db_url, "9999_from_the_future")
    with pytest.raises(SchemaTooNew, match="newer version"):
        open_workspace(data_dir, db_url=db_url)


def test_sqlite_backup_is_a_consistent_copy(data_dir: Path) -> None:
    from app.models import Agency
    from app.models.schema import backup_sqlite

    ws = open_workspace(data_dir)
    try:
        with ws.db.write() as s:
            s.add(Agency(code="000.00.00.H18", name="Ủy ban nhân dân tỉnh Điện Biên"))
        target = backup_sqlite(ws.db, data_dir / "backups" / "copy.sqlite3")
    finally:
        ws.close()
    copy = sa.create_engine(f"sqlite:///{target}")
    with copy.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("SELECT name FROM agencies").scalar() == (
            "Ủy ban nhân dân tỉnh Điện Biên"
        )
    copy.dispose()


def test_outdated_schema_is_refused_without_migrate(data_dir: Path) -> None:
    url = f"sqlite+pysqlite:///{data_dir / 'vbdt.sqlite3'}"
    with pytest.raises(SchemaOutdated, match="db upgrade"):
        open_workspace(data_dir, db_url=url, migrate=False)


def test_sqlite_connection_rules(data_dir: Path) -> None:
    ws = open_workspace(data_dir)
    try:
        with ws.db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        ws.close()


def test_head_revision_constant_matches_alembic() -> None:
    assert HEAD_REVISION == head_revision()


def test_opening_a_current_workspace_does_not_import_alembic(data_dir: Path) -> None:
    """The GUI's cold start: a workspace already at the head opens without Alembic."""
    open_workspace(data_dir).close()  # creates and migrates (Alembic in this process: fine)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.services.workspace import open_workspace\n"
        f"open_workspace(Path({str(data_dir)!r})).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "[]"
