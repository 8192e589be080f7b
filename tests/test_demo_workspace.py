"""`demo init` builds a coherent workspace on SQLite and PostgreSQL and never wipes a real one."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from app.domain.queues import Queue
from app.domain.types import Direction, Role
from app.errors import ConfigError
from app.models import Agency, Document, DocumentFile, Person, Register
from app.services.demo import LOCAL_CODE, demo_exists, init_demo
from app.services.maintenance import check_file_store, verify_audit
from app.services.queues import list_queue, queue_counts
from app.services.workspace import open_workspace


def test_demo_workspace_is_complete(data_dir: Path, db_url: str) -> None:
    summary = init_demo(data_dir, db_url=db_url)
    assert demo_exists(data_dir)
    assert summary.documents == 5
    ws = open_workspace(data_dir, db_url=db_url)
    try:
        with ws.db.read() as s:
            local = s.scalars(sa.select(Agency).where(Agency.is_local)).one()
            assert local.code == LOCAL_CODE
            roles = {p.role for p in s.scalars(sa.select(Person))}
            assert roles == set(Role)
            registers = s.scalars(sa.select(Register)).all()
            assert {(r.direction, r.secret) for r in registers} == {
                (d, secret) for d in Direction for secret in (False, True)
            }
            assert all(r.next_number == 1 for r in registers)
            docs = s.scalars(sa.select(Document)).all()
            assert {d.direction for d in docs} == set(Direction)
            assert all(d.search_text and d.search_text.isascii() for d in docs)
            files = s.scalars(sa.select(DocumentFile)).all()
            assert len(files) == 5 and all(f.pages and f.pages >= 1 for f in files)
            for f in files:
                assert ws.files.read_bytes(f.sha256).startswith(b"%PDF-")
        assert verify_audit(ws).ok
        assert check_file_store(ws).ok
        counts = queue_counts(ws)
        assert counts[Queue.INCOMING] == len(list_queue(ws, Queue.INCOMING)) >= 2
        assert counts[Queue.TO_SIGN] >= 1
    finally:
        ws.close()
    for name in ("root.pem", "leader.p12", "agency.p12", "tsa.p12"):
        assert (data_dir / "demo-pki" / name).is_file()
    assert (data_dir / "demo-images" / "con-dau-co-quan.png").read_bytes()[:4] == b"\x89PNG"


def test_demo_never_overwrites_a_real_workspace(data_dir: Path) -> None:
    open_workspace(data_dir).close()
    with pytest.raises(ConfigError, match="not a demo"):
        init_demo(data_dir)
    assert (data_dir / "vbdt.sqlite3").exists()


def test_interrupted_demo_init_is_redone(data_dir: Path) -> None:
    (data_dir / ".vbdt-demo-partial").write_text("crashed", encoding="utf-8")
    open_workspace(data_dir).close()
    init_demo(data_dir)
    assert demo_exists(data_dir) and not (data_dir / ".vbdt-demo-partial").exists()
