"""Demo mode: the sandbox started on demand, the demo workspace connected to it, and the peer
agency sending a signed document and answering ours."""

from __future__ import annotations

import os
import signal
import socket
import time
from pathlib import Path

import sqlalchemy as sa

from app import settings as S
from app.cli_sync import build_engine, start_demo
from app.domain.types import Verdict
from app.models import Document, Signature
from app.services.demo import LOCAL_CODE, init_demo
from app.services.workspace import open_workspace
from app.sync.edxml import StatusPackage, parse_package
from app.sync.engine.demo import HOME_AFFAIRS, ensure_demo_platform
from app.sync.transport import HttpTransport
from tests.sync.scenario import doc_package


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _stop(pid: int) -> None:
    os.kill(pid, signal.SIGTERM)
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


def test_demo_mode_end_to_end(tmp_path: Path) -> None:
    demo = tmp_path / "demo"
    init_demo(demo, softhsm=False)
    port = _free_port()
    session = start_demo(demo, port=port)
    assert session.platform.pid is not None
    try:
        assert ensure_demo_platform(demo, port=port).pid is None  # already running: reused
        ws = open_workspace(demo)
        assert ws.settings.get(S.PLATFORM_URL) == f"http://127.0.0.1:{port}/api/v1"
        assert (demo / "platform-secret").stat().st_mode & 0o777 == 0o600
        session.peer.step()  # Sở Nội vụ sends a signed decision
        runtime = build_engine(ws, workers=1)
        try:
            report = runtime.engine.run_once()
            assert report.received == 1 and report.sent == 1, report.summary()
        finally:
            runtime.close()
        with ws.db.read() as s:
            doc = s.scalars(
                sa.select(Document).where(Document.edxml_document_id.startswith(HOME_AFFAIRS))
            ).one()
            verdicts = set(s.scalars(sa.select(Signature.verdict).where(
                Signature.document_id == doc.id)))  # fmt: skip
        assert verdicts and verdicts <= {Verdict.VALID, Verdict.VALID_CHANGED_LATER}, verdicts
        ws.close()

        secret = session.platform.secrets[LOCAL_CODE]
        with HttpTransport(session.platform.base_url, LOCAL_CODE, secret) as us:
            us.send(doc_package(LOCAL_CODE, HOME_AFFAIRS, 5, "T5-UBND", b"x"), "edoc", "k-demo")
            session.peer.step()  # takes ours in, answers 01 now (03… on later rounds)
            answers = [parse_package(_fetch(us, i.doc_id)) for i in
                       us.list_received("status").items]  # fmt: skip
        codes = [a.header.status_code for a in answers if isinstance(a, StatusPackage)]
        assert codes == ["01"]
    finally:
        session.stop()
        _stop(session.platform.pid)


def _fetch(transport: HttpTransport, doc_id: str) -> bytes:
    import io

    sink = io.BytesIO()
    transport.fetch(doc_id, sink=sink)
    return sink.getvalue()
