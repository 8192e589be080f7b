"""The outbox sender against the sandbox: order, refusals in plain words, back-off, leases."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.cli_sync import build_engine
from app.domain.types import OutboxState
from app.models import Delivery, OutboxMessage
from app.services.workspace import Workspace
from app.sync.engine import SyncRuntime
from app.sync.engine.outbox import claimable
from sandbox.schema import Message
from sandbox.testing import SandboxHandle
from tests.sync.conftest import HOME_AFFAIRS, PROVINCE
from tests.sync.helpers import bare_office, outbox_row, outgoing, queue
from tests.sync.scenario import DAY, doc_package, status_package

DOC_ID = f"{PROVINCE},{DAY:%Y/%m/%d},01/T1-UBND"


@pytest.fixture
def office(tmp_path: Path, platform: SandboxHandle) -> Iterator[Workspace]:
    ws = bare_office(tmp_path / "office", PROVINCE, platform)
    yield ws
    ws.close()


@pytest.fixture
def runtime(office: Workspace, platform: SandboxHandle) -> Iterator[SyncRuntime]:
    rt = build_engine(office, url=platform.base_url, timeout=2, workers=1)
    yield rt
    rt.close()


def _ledger(handle: SandboxHandle) -> list[tuple[str, str]]:
    assert handle.admin.sandbox is not None
    with handle.admin.sandbox.db.read() as s:
        rows = s.execute(
            sa.select(Message.message_type, Message.summary)
            .where(Message.sender == PROVINCE)
            .order_by(Message.seq)
        ).all()
    return [(t, m) for t, m in rows]


def test_a_status_never_overtakes_its_documents_package(
    office: Workspace, runtime: SyncRuntime, platform: SandboxHandle
) -> None:
    doc = outgoing(office, DOC_ID, (HOME_AFFAIRS,))
    edoc = queue(office, "edoc", doc, doc_package(PROVINCE, HOME_AFFAIRS, 1, "T1-UBND", b"x"),
                 HOME_AFFAIRS)  # fmt: skip
    status = queue(office, "status", doc, status_package(PROVINCE, HOME_AFFAIRS, 9, "T9", "03"),
                   HOME_AFFAIRS)  # fmt: skip
    platform.admin.add_fault("fail_nth=1,method=POST,path=/api/v1/edocs")  # the package: 500
    first = runtime.engine.run_once()
    assert (first.sent, first.send_retrying) == (0, 1), first.summary()
    assert outbox_row(office, status.id).attempts == 0  # never tried: it waits for the package
    assert _ledger(platform) == []
    with office.db.write() as s:  # a later pass, once the back-off is over
        s.execute(sa.update(OutboxMessage).values(next_attempt_at=datetime.now(UTC)))
    second = runtime.engine.run_once()
    assert second.sent == 2, second.summary()
    assert [t for t, _ in _ledger(platform)] == ["edoc", "status"]
    sent = outbox_row(office, edoc.id)
    assert sent.state is OutboxState.SENT and sent.attempts == 2 and sent.last_error == ""
    assert sent.idempotency_key == edoc.idempotency_key  # the key fixed when queued
    with office.db.read() as s:
        delivery = s.scalars(sa.select(Delivery)).one()
        assert delivery.server_doc_id.startswith("0000")


def test_a_refusal_fails_the_item_in_plain_words_and_is_stuck_loudly_once(
    office: Workspace, runtime: SyncRuntime, caplog: pytest.LogCaptureFixture
) -> None:
    nowhere = "000.00.99.H18"
    doc = outgoing(office, DOC_ID, (nowhere,))
    row = queue(office, "edoc", doc, doc_package(PROVINCE, nowhere, 1, "T1-UBND", b"x"), nowhere)
    behind = queue(office, "status", doc, status_package(PROVINCE, nowhere, 1, "T1-UBND", "13"),
                   nowhere)  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="app.sync.engine"):
        report = runtime.engine.run_once()
        runtime.engine.run_once()
    failed = outbox_row(office, row.id)
    assert failed.state is OutboxState.FAILED and failed.attempts == 1
    assert failed.last_error.startswith("Nơi nhận chưa kết nối trục liên thông")
    assert "UNKNOWN_RECIPIENT" in failed.last_error and nowhere in failed.last_error
    assert outbox_row(office, behind.id).state is OutboxState.PENDING  # waits behind it
    assert report.counts is not None and report.counts.failed == 1
    reasons = {(i.kind, i.id): i.reason for i in report.counts.stuck}
    assert "UNKNOWN_RECIPIENT" in reasons[("outbox", row.id)]
    assert "refused" in reasons[("outbox", behind.id)]
    stuck_lines = [r for r in caplog.records if r.getMessage().startswith("stuck outbox")]
    assert len(stuck_lines) == 2  # one WARNING per stuck item, not one per pass


def test_rate_limited_backs_off_by_the_servers_hint_and_stops_sending(
    office: Workspace, runtime: SyncRuntime, platform: SandboxHandle
) -> None:
    doc = outgoing(office, DOC_ID, (HOME_AFFAIRS,))
    rows = [
        queue(office, "edoc", doc, doc_package(PROVINCE, HOME_AFFAIRS, 1, "T1-UBND", b"x"),
              HOME_AFFAIRS),
        queue(office, "status", None, status_package(PROVINCE, HOME_AFFAIRS, 9, "T9", "03"),
              HOME_AFFAIRS),
    ]  # fmt: skip
    platform.admin.add_fault("status=429,retry_after=120,method=POST,times=1")
    before = datetime.now(UTC)
    report = runtime.engine.run_once()
    assert report.sent == 0 and "RATE_LIMITED" in report.problem
    limited = outbox_row(office, rows[0].id)
    assert limited.next_attempt_at >= before + timedelta(seconds=119)
    assert outbox_row(office, rows[1].id).attempts == 0  # not tried after the 429
    assert report.online is False  # and the platform is left alone until the hint passes


def test_a_lease_held_elsewhere_is_skipped_and_an_expired_one_is_claimed(
    office: Workspace, runtime: SyncRuntime
) -> None:
    row = queue(office, "status", None, status_package(PROVINCE, HOME_AFFAIRS, 9, "T9", "03"),
                HOME_AFFAIRS)  # fmt: skip
    now = datetime.now(UTC)
    with office.db.write() as s:
        s.execute(sa.update(OutboxMessage).values(lease_until=now + timedelta(minutes=5)))
        assert s.scalars(claimable(now)).all() == []
        s.execute(sa.update(OutboxMessage).values(lease_until=now - timedelta(seconds=1)))
        assert [m.id for m in s.scalars(claimable(now))] == [row.id]
    # A crashed engine's lease is released at the start of the next pass (the engine lock
    # proves its owner is gone), so nothing waits for the lease to run out.
    with office.db.write() as s:
        s.execute(sa.update(OutboxMessage).values(lease_until=now + timedelta(minutes=5)))
    assert runtime.engine.run_once().sent == 1
