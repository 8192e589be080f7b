"""Shared fixtures: workspaces on real SQLite files and, when configured, on a real PostgreSQL.

``./scripts/test`` starts a throwaway PostgreSQL and exports ``VBDT_TEST_PG_URL``; each test that
asks for ``db_url`` then runs twice, once per database, each time on a database of its own.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_URL = os.environ.get("VBDT_TEST_PG_URL", "")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]


def _fresh_pg_database(base_url: str) -> Iterator[str]:
    name = "t_" + uuid.uuid4().hex[:16]
    admin = sa.create_engine(base_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield make_url(base_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: a SQLite file, or a new database on the test PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite+pysqlite:///{tmp_path / 'test.sqlite3'}"
        return
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("VBDT_TEST_PG_URL is not set in CI: scripts/test must start PostgreSQL")
        pytest.skip("no test PostgreSQL (run ./scripts/test, which starts one)")
    yield from _fresh_pg_database(PG_URL)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path
