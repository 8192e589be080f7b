"""Migration 0002: the models still match the schema (the hand-made search index aside), the index
exists on each database, rows written before the upgrade are searchable, and it downgrades."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.models import Base
from app.models.db import Database, create_db_engine
from app.models.documents import SEARCH_INDEX_NAME, SEARCH_INDEX_TABLE, include_name
from app.models.schema import alembic_config, upgrade
from app.services.documents import search_documents
from app.services.workspace import open_workspace


def _migrate(db: Database, revision: str, *, down: bool = False) -> None:
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def test_models_match_and_index_exists(db_url: str) -> None:
    db = Database(create_db_engine(db_url))
    try:
        upgrade(db)
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": include_name})
            assert compare_metadata(context, Base.metadata) == []
            if db.is_sqlite:
                names = set(
                    conn.exec_driver_sql(
                        "SELECT name FROM sqlite_master WHERE name LIKE 'documents_fts%'"
                    ).scalars()
                )
                assert {SEARCH_INDEX_TABLE, f"{SEARCH_INDEX_TABLE}_ai"} <= names
                assert {f"{SEARCH_INDEX_TABLE}_au", f"{SEARCH_INDEX_TABLE}_ad"} <= names
            else:
                definition = conn.exec_driver_sql(
                    "SELECT indexdef FROM pg_indexes WHERE indexname = %s", (SEARCH_INDEX_NAME,)
                ).scalar()
                assert definition and "gin_trgm_ops" in definition
    finally:
        db.dispose()


def test_rows_from_before_are_indexed_and_downgrade_works(db_url: str, tmp_path: Path) -> None:
    db = Database(create_db_engine(db_url))
    try:
        _migrate(db, "0001")
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO agencies (code, name, short_name, is_local, address, email, phone) "
                "VALUES ('000.00.00.H18', 'UBND', 'UBND', true, '', '', '')"
            )
            conn.execute(
                sa.text(
                    "INSERT INTO documents (agency_id, direction, state, kind, symbol, subject, "
                    "urgency, secrecy, paper_copy, sender_code, sender_name, signer_name, "
                    "signer_position, cancel_reason, search_text, created_at, updated_at) "
                    "VALUES (1, 'incoming', 'arrived', 'TB', 'TB-UBND', 'Thông báo', 0, 'none', "
                    "false, '', '', '', '', '', 'thong bao dien bien', :t, :t)"
                ),
                {"t": "2026-03-10 01:00:00"},
            )
        ws = open_workspace(tmp_path / "data", db_url=db_url)  # upgrades to head
        try:
            assert [r.subject for r in search_documents(ws, "dien bien")] == ["Thông báo"]
        finally:
            ws.close()
        _migrate(db, "0001", down=True)
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("documents")}
        assert "due_date" not in columns and "quarantine_request" not in columns
        assert SEARCH_INDEX_TABLE not in sa.inspect(db.engine).get_table_names()
        upgrade(db)
    finally:
        db.dispose()
