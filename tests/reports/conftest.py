"""Fixtures for the report tests: one sample workspace per session, read-only for every test.

PDFs are checked through poppler's ``pdftotext`` (what a person copying text out of the PDF would
get) and ``pdffonts``; tests that need them are skipped where poppler is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.workspace import Workspace, open_workspace
from tests.conftest import BACKENDS, PG_URL, _fresh_pg_database
from tests.reports import sample

HAVE_POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdffonts") is not None
needs_poppler = pytest.mark.skipif(not HAVE_POPPLER, reason="poppler-utils (pdftotext) missing")


@pytest.fixture(scope="session", params=BACKENDS)
def sample_ws(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Workspace, dict[str, int]]]:
    """The sample office, once per database backend (PostgreSQL when ./scripts/test runs one)."""
    data_dir = tmp_path_factory.mktemp("reports-ws")
    if request.param == "sqlite":
        yield from _sample(data_dir, None)
        return
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("VBDT_TEST_PG_URL is not set in CI: scripts/test must start PostgreSQL")
        pytest.skip("no test PostgreSQL (run ./scripts/test, which starts one)")
    for url in _fresh_pg_database(PG_URL):
        yield from _sample(data_dir, url)


def _sample(data_dir: Path, db_url: str | None) -> Iterator[tuple[Workspace, dict[str, int]]]:
    ws = open_workspace(data_dir, db_url=db_url, overrides={"agency_code": sample.LOCAL_CODE})
    try:
        with ws.db.write() as session:
            ids = sample.populate(session)
        yield ws, ids
    finally:
        ws.close()


def pdf_pages(path: Path, *, raw: bool = False) -> list[str]:
    """The text of each page (``-layout`` keeps columns; ``-raw`` keeps drawing order)."""
    mode = "-raw" if raw else "-layout"
    out = subprocess.run(
        ["pdftotext", mode, "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squash(text: str) -> str:
    """Whitespace collapsed, so that a phrase wrapped inside a cell can be searched for."""
    return " ".join(text.split())


def pdf_fonts(path: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True)
    return out.stdout.splitlines()[2:]
