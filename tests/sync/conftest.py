"""Fixtures for the sync engine tests: a real sandbox platform on loopback, desktop offices on
real SQLite (and PostgreSQL with ``./scripts/test``), each connected as one demo agency.

The offices reuse the document services' test kit (demo PKI, a software signer behind the token
interface, signed PDFs), so documents travel exactly as the services issue and receive them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import settings as S
from app.cli_sync import build_engine
from app.models import Document, DocumentFile, InboxItem, OutboxMessage
from app.models.audit import verify_chain
from app.services.workspace import Workspace, open_workspace
from app.signing.verify import default_trust_dir, import_trust_anchors
from app.sync.engine import SyncRuntime, write_secret_file
from sandbox.testing import SandboxHandle, run_server
from tests.conftest import PG_URL, _fresh_pg_database
from tests.services.conftest import Kit, make_office
from tests.services.conftest import kit as kit  # the fixture, for tests here

PROVINCE = "000.00.00.H18"
HOME_AFFAIRS = "000.00.05.H18"
FINANCE = "000.00.07.H18"


@dataclass
class Office:
    """One desktop workspace connected to the platform as ``code``."""

    code: str
    ws: Workspace
    base_url: str
    db_url: str | None

    @property
    def data_dir(self) -> Path:
        return self.ws.data_dir

    def runtime(self, *, timeout: float = 5.0) -> SyncRuntime:
        return build_engine(self.ws, url=self.base_url, timeout=timeout, workers=1)


def connect_office(
    root: Path, code: str, handle: SandboxHandle, tools: Kit, db_url: str | None, short: str
) -> Office:
    ws = open_workspace(root, db_url=db_url)
    make_office(ws, code=code, short=short)
    ws.settings.set(S.PLATFORM_SYSTEM_ID, code)
    ws.settings.set(S.PLATFORM_URL, handle.base_url)
    ws.settings.save()
    write_secret_file(root, handle.secrets[code])
    anchor = root / "demo-root.pem"
    anchor.write_bytes(tools.pki.root.cert_pem)
    import_trust_anchors([anchor], default_trust_dir(root))
    return Office(code, ws, handle.base_url, db_url)


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[SandboxHandle]:
    with run_server(tmp_path / "platform", seed="demo") as handle:
        yield handle


OfficeFactory = Callable[[str, str], Office]


@pytest.fixture
def offices(
    db_url: str,
    platform: SandboxHandle,
    kit: Kit,
    tmp_path: Path,  # noqa: F811
) -> Iterator[OfficeFactory]:
    """``offices(code, short_name)``: a new office; on PostgreSQL each gets its own database."""
    made: list[Office] = []
    with contextlib.ExitStack() as stack:

        def make(code: str, short: str) -> Office:
            url: str | None = None
            if not db_url.startswith("sqlite"):
                url = db_url if not made else stack.enter_context(pg_database())
            office = connect_office(tmp_path / code, code, platform, kit, url, short)
            made.append(office)
            return office

        try:
            yield make
        finally:
            for office in made:
                office.ws.close()


@contextlib.contextmanager
def pg_database() -> Iterator[str]:
    yield from _fresh_pg_database(PG_URL)


# --- invariants every test checks ----------------------------------------------------------------
def referenced_digests(ws: Workspace) -> set[str]:
    with ws.db.read() as s:
        refs = set(s.scalars(sa.select(DocumentFile.sha256)))
        refs |= set(s.scalars(sa.select(OutboxMessage.payload_sha256)))
        refs |= {d for d in s.scalars(sa.select(InboxItem.sha256)) if d}
    return refs


def assert_healthy(ws: Workspace) -> None:
    """Integrity check, audit chain, and no file in the store that nothing refers to."""
    with ws.db.read() as s:
        if ws.db.is_sqlite:
            assert s.execute(sa.text("PRAGMA integrity_check")).scalar() == "ok"
        chain = verify_chain(s)
        assert chain.ok, chain.reason
        documents = s.scalar(sa.select(sa.func.count(Document.id)))
    stored = set(ws.files.iter_digests())
    orphans = stored - referenced_digests(ws)
    assert not orphans, f"{len(orphans)} orphan files in the store ({documents} documents)"


# --- the crash matrix's report --------------------------------------------------------------------
@dataclass
class MatrixLog:
    lines: list[str]

    def add(self, title: str, outcomes: Sequence[object], seconds: float) -> None:
        from app.sync.engine.crashpoints import EXIT_CODE

        crashed = sum(1 for o in outcomes if getattr(o, "exit_code", None) == EXIT_CODE)
        self.lines.append(
            f"crash matrix ({title}): {len(outcomes)} cells, {crashed} died at their crash "
            f"point, {len(outcomes) - crashed} met the fault or finished first; {seconds:.1f} s"
        )


_MATRIX = MatrixLog([])


@pytest.fixture
def matrix_log() -> MatrixLog:
    return _MATRIX


def pytest_terminal_summary(terminalreporter: object) -> None:
    for line in _MATRIX.lines:
        terminalreporter.write_line(line)  # type: ignore[attr-defined]
