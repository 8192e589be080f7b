"""Four processes register 250 documents each in the same register at the same time: the numbers
are 1…1000, each exactly once (SQLite: BEGIN IMMEDIATE; PostgreSQL: SELECT … FOR UPDATE)."""

from __future__ import annotations

import multiprocessing
import time

import sqlalchemy as sa

from app.domain.types import Direction, DocumentState
from app.models import Document, Register
from app.services.documents import BulkSpec, generate_documents
from app.services.maintenance import verify_audit
from app.services.workspace import Workspace
from tests.services.conftest import NOW
from tests.services.workers import register_all

WORKERS, EACH = 4, 250


def test_parallel_registrations_number_without_gaps_or_repeats(ws: Workspace, db_url: str) -> None:
    spec = BulkSpec(WORKERS * EACH, direction=Direction.INCOMING, state=DocumentState.ARRIVED)
    ids = generate_documents(ws, spec, now=NOW)
    # Fork when the system has it (instant start); no pooled connection may cross the fork.
    ws.db.engine.dispose()
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    start, results = ctx.Barrier(WORKERS + 1), ctx.Queue()
    procs = [
        ctx.Process(
            target=register_all,
            args=(db_url, str(ws.data_dir), ids[n::WORKERS], start, results),
        )
        for n in range(WORKERS)
    ]
    for proc in procs:
        proc.start()
    start.wait(timeout=60)  # every worker has its workspace open
    began = time.monotonic()
    outcomes = [results.get(timeout=120) for _ in procs]
    elapsed = time.monotonic() - began
    for proc in procs:
        proc.join(timeout=30)
    assert all(isinstance(o, list) for o in outcomes), outcomes
    pairs = [pair for outcome in outcomes for pair in outcome]  # type: ignore[union-attr]
    numbers = sorted(number for _, number in pairs)
    assert numbers == list(range(1, WORKERS * EACH + 1))
    assert sorted(doc_id for doc_id, _ in pairs) == sorted(ids)
    with ws.db.read() as s:
        [register] = s.scalars(sa.select(Register)).all()
        assert register.next_number == WORKERS * EACH + 1
        stored = s.scalars(sa.select(Document.register_number).where(Document.id.in_(ids))).all()
    assert sorted(stored) == numbers
    assert verify_audit(ws).ok
    print(f"\n{WORKERS}×{EACH} registrations on {ws.db.engine.dialect.name}: {elapsed:.1f} s")
