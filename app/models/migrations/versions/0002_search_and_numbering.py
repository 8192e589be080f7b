"""search index, reply deadlines, recall requests

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

- ``documents.due_date`` (edXML DueDate), ``documents.quarantine_request`` /
  ``quarantine_from`` (a recall / update / replacement request waiting for the clerk's answer and
  the state to return to), ``deliveries.request`` / ``answer`` (our request to one recipient and
  its 15/16 answer).
- The search index over ``documents.search_text`` (already folded: lower case, no diacritics,
  đ → d). SQLite: an external-content FTS5 table with the trigram tokenizer (substring matches,
  like ``app.domain.search.matches``), kept in sync by triggers, so every writer (services, demo,
  bulk generator) keeps it current in its own transaction. PostgreSQL: a pg_trgm GIN index when
  the extension can be had, else a btree on the text's start (prefix lookups only).
- These objects are made by hand: SQLAlchemy cannot describe them, so autogenerate skips them
  (``app.models.documents.include_name``). A SQLite without FTS5 or the trigram tokenizer (older
  than 3.34) gets no index and the search service scans.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")

FTS = "documents_fts"
PG_INDEX = "ix_documents_search"
SQLITE_FTS = [
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(search_text, content='documents', "
    "content_rowid='id', tokenize='trigram')",
    f"CREATE TRIGGER {FTS}_ai AFTER INSERT ON documents BEGIN "
    f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text); END",
    f"CREATE TRIGGER {FTS}_ad AFTER DELETE ON documents BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "END",
    f"CREATE TRIGGER {FTS}_au AFTER UPDATE OF search_text ON documents BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    f"INSERT INTO {FTS}(rowid, search_text) VALUES (new.id, new.search_text); END",
    # Rows written before this migration.
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
]


def upgrade() -> None:
    op.add_column("documents", sa.Column("due_date", sa.Date(), nullable=True))
    op.add_column("documents", sa.Column("quarantine_request", sa.String(length=10), nullable=True))
    op.add_column("documents", sa.Column("quarantine_from", sa.String(length=20), nullable=True))
    op.add_column("deliveries", sa.Column("request", sa.String(length=10), nullable=True))
    op.add_column("deliveries", sa.Column("answer", sa.String(length=2), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _sqlite_fts(bind)
    elif bind.dialect.name == "postgresql":
        _pg_index(bind)


def _sqlite_fts(bind: sa.Connection) -> None:
    try:
        with bind.begin_nested():
            for statement in SQLITE_FTS:
                bind.exec_driver_sql(statement)
    except DBAPIError as exc:  # no FTS5, or SQLite < 3.34 (no trigram tokenizer)
        log.warning("no full-text index for search (%s): searches will scan", exc.orig)


def _pg_index(bind: sa.Connection) -> None:
    available = bind.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    ).first()
    trigram = False
    if available:
        try:
            # Trusted since PostgreSQL 13: a database owner may create it without superuser.
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            trigram = True
        except DBAPIError as exc:
            log.warning("pg_trgm cannot be created (%s): search falls back to a scan", exc.orig)
    if trigram:
        bind.exec_driver_sql(
            f"CREATE INDEX {PG_INDEX} ON documents USING gin (search_text gin_trgm_ops)"
        )
    else:
        # Serves only prefix lookups; a whole folded text could exceed the btree row limit.
        bind.exec_driver_sql(
            f"CREATE INDEX {PG_INDEX} ON documents (left(search_text, 200) text_pattern_ops)"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for suffix in ("ai", "ad", "au"):
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {FTS}_{suffix}")
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS}")
    elif bind.dialect.name == "postgresql":
        bind.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")
    # SQLite >= 3.35 drops columns in place; no table copy (which would lose other triggers).
    op.drop_column("deliveries", "answer")
    op.drop_column("deliveries", "request")
    op.drop_column("documents", "quarantine_from")
    op.drop_column("documents", "quarantine_request")
    op.drop_column("documents", "due_date")
