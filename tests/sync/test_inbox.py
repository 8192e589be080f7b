"""The inbox receiver: refused packages, unsigned files, recall requests, a receive service that
fails, and downloads resumed from the spool."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.cli_sync import build_engine
from app.domain.types import DocumentState, InboxState, OutboxState
from app.models import Document, DocumentFile, InboxItem, OutboxMessage, Signature
from app.services.documents import answer_recall
from app.services.workspace import Workspace
from app.sync.edxml import (
    Attachment,
    DocumentPackage,
    StatusPackage,
    build_document_package,
    parse_package,
)
from app.sync.engine import Arrival, SyncRuntime
from app.sync.engine.download import spool_path
from app.sync.engine.state import cursor_key, get_value
from app.sync.transport import HttpTransport
from sandbox.testing import SandboxHandle
from tests.services.conftest import Kit, make_office
from tests.sync.conftest import HOME_AFFAIRS, PROVINCE, assert_healthy
from tests.sync.helpers import ScriptedTransport, bare_office
from tests.sync.scenario import DAY, doc_package, status_package


@pytest.fixture
def office(tmp_path: Path, platform: SandboxHandle) -> Iterator[Workspace]:
    ws = bare_office(tmp_path / "office", PROVINCE, platform)
    yield ws
    ws.close()


@pytest.fixture
def peer(platform: SandboxHandle) -> Iterator[HttpTransport]:
    with HttpTransport(platform.base_url, HOME_AFFAIRS, platform.secrets[HOME_AFFAIRS]) as t:
        yield t


def _run(ws: Workspace, handle: SandboxHandle) -> SyncRuntime:
    return build_engine(ws, url=handle.base_url, timeout=3, workers=1)


def _rows(ws: Workspace) -> list[InboxItem]:
    with ws.db.read() as s:
        rows = list(s.scalars(sa.select(InboxItem).where(~InboxItem.server_doc_id.like("file:%"))))
        s.expunge_all()
        return rows


def test_a_package_the_codec_refuses_is_kept_answered_02_and_acked_as_fail(
    office: Workspace,
) -> None:
    bad = doc_package(HOME_AFFAIRS, PROVINCE, 8, "T8-SNV", b"y").replace(b"Subject", b"Subjekt")
    platform = ScriptedTransport(inbox={"edoc": [("a1", HOME_AFFAIRS, bad)]})
    runtime = build_engine(office, transport=platform, workers=1)
    try:
        report = runtime.engine.run_once()
    finally:
        runtime.close()
    assert report.inbox.rejected == 1 and report.received == 0, report.summary()
    [(doc_id, status, reason)] = platform.acks
    assert (doc_id, status) == ("a1", "fail") and "Subject" in reason
    [row] = _rows(office)
    assert row.state is InboxState.ACKED and row.document_id is None and "Subject" in row.error
    assert office.files.read_bytes(row.sha256) == bad  # the refused package, kept as evidence
    [(kind, _, body)] = platform.sent  # the 02, sent in the same pass
    answer = parse_package(body)
    assert kind == "status" and isinstance(answer, StatusPackage)
    assert answer.header.status_code == "02" and "Subject" in answer.header.description
    assert answer.header.response_for.document_id == f"{HOME_AFFAIRS},{DAY:%Y/%m/%d},08/T8-SNV"
    with office.db.read() as s:
        assert get_value(s, cursor_key("edoc")) == "a1"
    assert_healthy(office)


def test_files_that_are_not_signed_pdfs_are_still_received(
    tmp_path: Path, platform: SandboxHandle, peer: HttpTransport, kit: Kit
) -> None:
    ws = bare_office(tmp_path / "office", PROVINCE, platform)
    make_office(ws)
    plain = kit.plain.read_bytes()
    parsed = parse_package(doc_package(HOME_AFFAIRS, PROVINCE, 3, "T3-SNV", b""))
    assert isinstance(parsed, DocumentPackage)
    files = (
        Attachment(content_id="1", name="cong-van.pdf", data=plain),
        Attachment(content_id="2", name="phu-luc.docx", data=b"PK\x03\x04 not really"),
    )
    package = DocumentPackage(parsed.header, parsed.traces, parsed.business, files)
    peer.send(build_document_package(package), "edoc", "k1")
    runtime = _run(ws, platform)
    try:
        report = runtime.engine.run_once()
    finally:
        runtime.close()
    assert report.received == 1 and report.sent == 1, report.summary()  # and its 01
    with ws.db.read() as s:
        doc = s.scalars(sa.select(Document)).one()
        assert doc.state is DocumentState.ARRIVED
        assert s.scalar(sa.select(sa.func.count(DocumentFile.id))) == 2
        assert s.scalar(sa.select(sa.func.count(Signature.id))) == 0  # nothing to verify
    ws.close()


def test_a_recall_request_quarantines_and_the_clerks_answer_goes_back(tmp_path: Path) -> None:
    # Scripted platform, to see exactly what leaves and what is acked; the same round trip
    # through the sandbox is in test_exchange.py.
    ws = bare_office(tmp_path / "office", PROVINCE)
    make_office(ws)
    platform = ScriptedTransport(
        inbox={"edoc": [("a1", HOME_AFFAIRS, doc_package(HOME_AFFAIRS, PROVINCE, 4, "T4", b"a"))]}
    )
    runtime = build_engine(ws, transport=platform, workers=1)
    try:
        assert runtime.engine.run_once().received == 1
        recall = status_package(HOME_AFFAIRS, HOME_AFFAIRS, 4, "T4", "13")
        platform.inbox["status"] = [("s1", HOME_AFFAIRS, recall)]
        report = runtime.engine.run_once()
        assert report.inbox.statuses == 1, report.summary()
        with ws.db.read() as s:
            doc = s.scalars(sa.select(Document)).one()
            assert doc.state is DocumentState.QUARANTINED and doc.quarantine_request == "recall"
            doc_id = doc.id
        answer_recall(ws, "vt", doc_id, agree=True)
        assert runtime.engine.run_once().sent == 1
    finally:
        runtime.close()
    answers = [parse_package(body) for _, _, body in platform.sent]
    codes = [p.header.status_code for p in answers if isinstance(p, StatusPackage)]
    assert codes == ["01", "15"] and [a[:2] for a in platform.acks] == [("a1", "done"),
                                                                        ("s1", "done")]  # fmt: skip
    with ws.db.read() as s:
        assert s.scalars(sa.select(Document)).one().state is DocumentState.CANCELLED
    ws.close()


class _Broken:
    def prepare(self, raw: Path, arrival: Arrival, now: datetime) -> object:
        raise RuntimeError("disk on fire")

    def commit(self, *args: object) -> object:
        raise AssertionError("never reached")


def test_a_failing_receive_service_blocks_loudly_and_acks_nothing(
    office: Workspace, platform: SandboxHandle, peer: HttpTransport
) -> None:
    peer.send(doc_package(HOME_AFFAIRS, PROVINCE, 5, "T5-SNV", b"a"), "edoc", "k1")
    runtime = _run(office, platform)
    try:
        real = runtime.engine.inbox.intake.receiver
        runtime.engine.inbox.intake.receiver = _Broken()
        report = runtime.engine.run_once()
        assert report.inbox.stopped == "blocked" and "disk on fire" in report.problem
        assert report.counts is not None
        [stuck] = [i for i in report.counts.stuck if i.kind == "inbox"]
        assert "disk on fire" in stuck.reason
        [row] = _rows(office)
        assert row.state is InboxState.LISTED
        with office.db.read() as s:
            assert get_value(s, cursor_key("edoc")) is None
        assert len(peer.list_received("edoc").items) == 0  # (the peer's own list is empty)
        runtime.engine.inbox.intake.receiver = real
        again = runtime.engine.run_once()
        assert again.received == 1 and not again.problem, again.summary()
    finally:
        runtime.close()
    [row] = _rows(office)
    assert row.state is InboxState.ACKED and row.error == ""


def test_a_download_resumes_from_the_spool_after_a_restart(
    office: Workspace, platform: SandboxHandle, peer: HttpTransport
) -> None:
    package = doc_package(HOME_AFFAIRS, PROVINCE, 6, "T6-SNV", bytes(range(256)) * 400)
    result = peer.send(package, "edoc", "k1")
    doc_id = result.doc_ids[PROVINCE]
    spool = spool_path(office.data_dir / "spool" / "inbox", doc_id)
    spool.parent.mkdir(parents=True)
    spool.write_bytes(package[: len(package) // 2])  # what a run cut short left behind
    runtime = _run(office, platform)
    try:
        assert runtime.engine.run_once().received == 1
    finally:
        runtime.close()
    fetches = [t for t in platform.admin.traffic() if t["path"].endswith(doc_id)]
    assert [t["status"] for t in fetches] == [206]  # only the second half came over the wire
    assert not spool.exists()
    with office.db.read() as s:
        item = s.scalars(sa.select(InboxItem).where(InboxItem.server_doc_id == doc_id)).one()
        assert item.sha256 == hashlib.sha256(package).hexdigest()
        states = set(s.scalars(sa.select(OutboxMessage.state)))
        assert states == {OutboxState.SENT}


class _FailsOn:
    """The real receive service, except that committing one package fails (a bug, or a refusal
    the service only finds at commit time)."""

    def __init__(self, real: object, doc_id: str, error: Exception) -> None:
        self.real, self.doc_id, self.error = real, doc_id, error

    def prepare(self, raw: Path, arrival: Arrival, now: datetime) -> object:
        return self.real.prepare(raw, arrival, now)  # type: ignore[attr-defined]

    def commit(self, session: object, prepared: object, arrival: Arrival, now: datetime) -> object:
        if arrival.server_doc_id == self.doc_id:
            raise self.error
        return self.real.commit(session, prepared, arrival, now)  # type: ignore[attr-defined]


@pytest.mark.parametrize("refused", [False, True])
def test_one_bad_package_in_a_group_commit_leaves_the_others_in(
    tmp_path: Path, refused: bool
) -> None:
    from app.errors import PackageInvalid

    ws = bare_office(tmp_path / "office", PROVINCE)
    make_office(ws)
    inbox = [(f"a{n}", HOME_AFFAIRS, doc_package(HOME_AFFAIRS, PROVINCE, n, "TG", b"%d" % n))
             for n in (1, 2, 3)]  # fmt: skip
    platform = ScriptedTransport(inbox={"edoc": inbox})
    runtime = build_engine(ws, transport=platform, workers=1)
    error = PackageInvalid("bad at commit") if refused else RuntimeError("bug at commit")
    runtime.engine.inbox.intake.receiver = _FailsOn(runtime.engine.inbox.intake.receiver, "a2",
                                                    error)  # fmt: skip
    try:
        report = runtime.engine.run_once()
    finally:
        runtime.close()
    states = {r.server_doc_id: r.state for r in _rows(ws)}
    if refused:  # refused alone, acked as fail; the others go in
        assert report.received == 2 and report.inbox.rejected == 1, report.summary()
        assert [a[:2] for a in platform.acks] == [("a1", "done"), ("a2", "fail"), ("a3", "done")]
        assert set(states.values()) == {InboxState.ACKED}
    else:  # a1 in and acked, a2 stops the inbox, a3 waits behind it
        assert report.received == 1 and report.inbox.stopped == "blocked", report.summary()
        assert [a[:2] for a in platform.acks] == [("a1", "done")]
        # Every package of the page was noted as listed before any download; only a1 is in.
        assert states == {"a1": InboxState.ACKED, "a2": InboxState.LISTED, "a3": InboxState.LISTED}
        with ws.db.read() as s:
            assert get_value(s, cursor_key("edoc")) is None
    ws.close()


class _WaitsForTheFirstReceipt:
    """Wraps the real receive service: preparing the last package waits until the platform has
    been sent a 01 for an earlier one — which only happens if sending goes on during the pull."""

    def __init__(self, real: object, ws: Workspace) -> None:
        self.real, self.ws = real, ws
        self.saw_a_receipt_sent_during_the_pull = False

    def prepare(self, raw: Path, arrival: Arrival, now: datetime) -> object:
        if b"TS3" in raw.read_bytes():
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and not self.saw_a_receipt_sent_during_the_pull:
                with self.ws.db.read() as s:
                    sent = s.scalar(
                        sa.select(sa.func.count(OutboxMessage.id)).where(
                            OutboxMessage.message_type == "status",
                            OutboxMessage.state == OutboxState.SENT,
                        )
                    )
                self.saw_a_receipt_sent_during_the_pull = bool(sent)
                time.sleep(0.05)
        return self.real.prepare(raw, arrival, now)  # type: ignore[attr-defined]

    def commit(self, session: object, prepared: object, arrival: Arrival, now: datetime) -> object:
        return self.real.commit(session, prepared, arrival, now)  # type: ignore[attr-defined]


def test_receipts_go_out_while_the_pull_goes_on(
    office: Workspace, platform: SandboxHandle, peer: HttpTransport
) -> None:
    for n in (1, 2, 3):
        peer.send(doc_package(HOME_AFFAIRS, PROVINCE, n, f"TS{n}", b"%d" % n), "edoc", f"k{n}")
    runtime = _run(office, platform)
    try:
        waiting = _WaitsForTheFirstReceipt(runtime.engine.inbox.intake.receiver, office)
        runtime.engine.inbox.intake.receiver = waiting  # type: ignore[assignment]
        report = runtime.engine.run_once()
    finally:
        runtime.close()
    assert waiting.saw_a_receipt_sent_during_the_pull
    assert report.received == 3 and report.sent == 3 and not report.problem, report.summary()
    assert_healthy(office)
