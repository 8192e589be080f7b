"""Every fault kind over real HTTP, and what the transport makes of it; the fault spec language."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from app.errors import SyncUnavailable
from app.sync.transport import RateLimited, TransportUnavailable
from sandbox.faults import FaultBoard, parse_fault
from sandbox.testing import SandboxHandle, run_server
from tests.sandbox.conftest import Connect, connecting
from tests.sandbox.packages import FINANCE, HOME_AFFAIRS, PROVINCE, document


def test_fail_nth(connect: Connect, sandbox: SandboxHandle) -> None:
    sandbox.admin.add_fault("fail_nth=3,path=/api/v1/agencies")
    transport = connect(PROVINCE)
    transport.agencies()
    transport.agencies()
    with pytest.raises(TransportUnavailable) as caught:
        transport.agencies()
    assert (caught.value.http_status, caught.value.error_code) == (500, "INTERNAL_ERROR")
    assert isinstance(caught.value, SyncUnavailable) and caught.value.retryable
    transport.agencies()
    transport.ping()  # another path: never matched


def test_status_every_second_request_with_retry_after(
    connect: Connect, sandbox: SandboxHandle
) -> None:
    sandbox.admin.add_fault("status=503,every=2,retry_after=7")
    transport = connect(PROVINCE)
    outcomes = []
    for _ in range(4):
        try:
            transport.agencies()
            outcomes.append("ok")
        except TransportUnavailable as exc:
            outcomes.append(f"{exc.http_status}:{exc.error_code}:{exc.retry_after}")
    assert outcomes == ["ok", "503:UNAVAILABLE:7.0", "ok", "503:UNAVAILABLE:7.0"]
    sandbox.admin.clear_faults()
    sandbox.admin.add_fault("status=429,retry_after=2")
    with pytest.raises(RateLimited) as limited:
        transport.agencies()
    assert limited.value.retry_after == 2.0 and limited.value.error_code == "RATE_LIMITED"


def test_injected_500_on_send_delivers_nothing(connect: Connect, sandbox: SandboxHandle) -> None:
    sandbox.admin.add_fault("status=500,method=POST,path=/api/v1/edocs,times=1")
    sender = connect(PROVINCE)
    with pytest.raises(TransportUnavailable):
        sender.send(document(1), "edoc", "k")
    assert connect(FINANCE).list_received("edoc").items == ()  # GETs are not in scope
    assert not sender.send(document(1), "edoc", "k").replayed  # the retry is the first delivery
    assert len(connect(FINANCE).list_received("edoc").items) == 1


def test_delay_beyond_the_client_timeout(connect: Connect, sandbox: SandboxHandle) -> None:
    fault = sandbox.admin.add_fault("delay=0.6,path=/api/v1/agencies")
    impatient = connect(PROVINCE, timeout=0.2)
    started = time.monotonic()
    with pytest.raises(TransportUnavailable) as caught:
        impatient.agencies()
    assert caught.value.error_code == "TIMEOUT" and time.monotonic() - started < 0.55
    assert connect(PROVINCE, timeout=3).agencies()  # a patient client just waits
    sandbox.admin.remove_fault(fault)
    assert impatient.agencies()


def test_drop_before_processing(connect: Connect, sandbox: SandboxHandle) -> None:
    sandbox.admin.add_fault("drop=before,method=POST,times=1")
    sender = connect(PROVINCE)
    with pytest.raises(TransportUnavailable) as caught:
        sender.send(document(1), "edoc", "k")
    assert caught.value.error_code == "NETWORK"
    assert connect(HOME_AFFAIRS).list_received("edoc").items == ()
    assert not sender.send(document(1), "edoc", "k").replayed
    assert len(connect(HOME_AFFAIRS).list_received("edoc").items) == 1


def test_drop_after_processing_then_retry_delivers_once(
    connect: Connect, sandbox: SandboxHandle
) -> None:
    sandbox.admin.add_fault("drop=after,method=POST,path=/api/v1/edocs,times=1")
    sender = connect(PROVINCE)
    with pytest.raises(TransportUnavailable):
        sender.send(document(1), "edoc", "k-lost-answer")
    # The platform did deliver; the client does not know, and retries with the same key.
    retry = sender.send(document(1), "edoc", "k-lost-answer")
    assert retry.replayed
    for code in (HOME_AFFAIRS, FINANCE):
        items = connect(code).list_received("edoc").items
        assert [i.doc_id for i in items] == [retry.doc_ids[code]]


def test_truncated_json_answer(connect: Connect, sandbox: SandboxHandle) -> None:
    sandbox.admin.add_fault("truncate=0.5,path=/api/v1/agencies,times=1")
    transport = connect(PROVINCE)
    with pytest.raises(TransportUnavailable):
        transport.agencies()
    assert len(transport.agencies()) == 8


def test_faults_from_the_start_and_the_admin_endpoints(tmp_path: Path) -> None:
    with run_server(tmp_path, faults=["status=503,path=/api/v1/edocs"]) as handle:
        with connecting(handle) as connect:
            with pytest.raises(TransportUnavailable):
                connect(PROVINCE).send(document(1), "edoc", "k")
            connect(PROVINCE).agencies()
            (listed,) = handle.admin.faults()
            assert (listed["spec"], listed["matched"], listed["fired"]) == (
                "status=503,path=/api/v1/edocs",
                1,
                1,
            )
            with httpx.Client(base_url=handle.admin.root_url, trust_env=False) as http:
                bad = http.post("/admin/faults", json={"spec": "explode=1"}).json()
                assert (bad["status"], bad["errorCode"]) == ("FAIL", "BAD_REQUEST")
                assert http.delete("/admin/faults/999").status_code == 404
            handle.admin.clear_faults()
            assert handle.admin.faults() == []
            connect(PROVINCE).send(document(1), "edoc", "k")


def test_parse_fault() -> None:
    assert parse_fault("fail_nth=3").nth == 3 and parse_fault("fail_nth=3").status == 500
    f = parse_fault("status=503, every=2, method=post, path=/api/v1/edocs, retry_after=1.5")
    assert (f.kind, f.status, f.every, f.method, f.path, f.retry_after) == (
        "status", 503, 2, "POST", "/api/v1/edocs", 1.5,
    )  # fmt: skip
    assert parse_fault("delay=2.0").delay == 2.0
    assert parse_fault("drop=after").drop == "after"
    assert parse_fault("truncate=0.25,times=1").fraction == 0.25
    for bad in (
        "",
        "nth=3",
        "status=503,delay=1",
        "drop=sideways",
        "truncate=1.5",
        "status=200",
        "every=0,status=500",
        "status=500,colour=red",
        "status",
    ):
        with pytest.raises(ValueError):
            parse_fault(bad)


def test_board_counts_per_fault_and_spares_admin() -> None:
    board = FaultBoard([parse_fault("status=500,every=2"), parse_fault("delay=0.1,nth=1")])
    first = board.decide("GET", "/api/v1/agencies")
    assert first.action is None and first.delay == 0.1
    second = board.decide("GET", "/api/v1/agencies")
    assert second.action is not None and second.delay == 0
    assert board.decide("GET", "/admin/faults").action is None
    assert [f["matched"] for f in board.describe()] == [2, 2]
