"""Authentication over real HTTP: wrong secret, unknown system, skew, replay, missing headers."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from app.errors import SyncAuthError
from app.sync.transport import HttpTransport, TransportAuthError
from app.sync.transport.signing import EMPTY_SHA256
from sandbox.auth import sign
from sandbox.testing import SandboxHandle, signed_headers
from tests.sandbox.conftest import Connect
from tests.sandbox.packages import FINANCE, PROVINCE, document

TARGET = "/api/v1/agencies"


def _get(sandbox: SandboxHandle, headers: dict[str, str], target: str = TARGET) -> httpx.Response:
    url = sandbox.base_url.removesuffix("/api/v1") + target
    with httpx.Client(trust_env=False) as http:
        return http.get(url, headers=headers)


def _fail(response: httpx.Response) -> tuple[int, str]:
    doc = response.json()
    assert doc["status"] == "FAIL" and doc["data"] is None and doc["errorDesc"]
    return response.status_code, doc["errorCode"]


def test_wrong_secret_and_unknown_system_are_refused(connect: Connect) -> None:
    with pytest.raises(TransportAuthError) as wrong:
        connect(PROVINCE, secret="0" * 64).agencies()
    assert (wrong.value.error_code, wrong.value.http_status) == ("AUTH_FAILED", 401)
    assert isinstance(wrong.value, SyncAuthError) and not wrong.value.retryable
    with pytest.raises(TransportAuthError) as unknown:
        connect("999.99.99.Z99", secret="whatever").agencies()
    assert unknown.value.error_code == "AUTH_FAILED"
    # Same words for both: the answer does not reveal which system ids exist.
    assert wrong.value.error_desc == unknown.value.error_desc


@pytest.mark.parametrize("minutes", [6, -6])
def test_clock_skew(sandbox: SandboxHandle, connect: Connect, minutes: int) -> None:
    off = datetime.now(UTC) + timedelta(minutes=minutes)
    headers = signed_headers(PROVINCE, sandbox.secrets[PROVINCE], "GET", TARGET, timestamp=off)
    assert _fail(_get(sandbox, headers)) == (401, "CLOCK_SKEW")
    # Through the transport, with a clock that is off: a typed, non-retryable auth error.
    skewed = HttpTransport(
        sandbox.base_url, PROVINCE, sandbox.secrets[PROVINCE], clock=lambda: off, timeout=5
    )
    with skewed, pytest.raises(TransportAuthError) as caught:
        skewed.agencies()
    assert caught.value.error_code == "CLOCK_SKEW"


def test_four_minutes_off_is_accepted(sandbox: SandboxHandle) -> None:
    off = datetime.now(UTC) - timedelta(minutes=4)
    headers = signed_headers(PROVINCE, sandbox.secrets[PROVINCE], "GET", TARGET, timestamp=off)
    assert _get(sandbox, headers).status_code == 200


def test_replay_of_the_same_signature(sandbox: SandboxHandle) -> None:
    headers = signed_headers(PROVINCE, sandbox.secrets[PROVINCE], "GET", TARGET)
    assert _get(sandbox, headers).status_code == 200
    assert _fail(_get(sandbox, headers)) == (401, "REPLAY")


def test_signature_covers_path_query_and_body(sandbox: SandboxHandle) -> None:
    secret = sandbox.secrets[FINANCE]
    signed_for = "/api/v1/edocs/received?messagetype=edoc&limit=5"
    headers = signed_headers(FINANCE, secret, "GET", signed_for)
    sent_to = "/api/v1/edocs/received?messagetype=edoc&limit=6"
    assert _fail(_get(sandbox, headers, sent_to)) == (401, "AUTH_FAILED")
    # A body signed as empty but sent with content is refused.
    url = sandbox.base_url + "/edocs?messagetype=edoc"
    headers = signed_headers(
        PROVINCE, sandbox.secrets[PROVINCE], "POST", "/api/v1/edocs?messagetype=edoc"
    )
    headers["Idempotency-Key"] = "k"
    with httpx.Client(trust_env=False) as http:
        response = http.post(url, headers=headers, content=document(1))
    assert _fail(response) == (401, "AUTH_FAILED")


def test_missing_headers_and_bad_timestamp(sandbox: SandboxHandle) -> None:
    assert _fail(_get(sandbox, {})) == (401, "AUTH_FAILED")
    secret = sandbox.secrets[PROVINCE]
    for stamp in (datetime.now(UTC).replace(tzinfo=None).isoformat(), "yesterday"):
        headers = {
            "X-System-Id": PROVINCE,
            "X-Timestamp": stamp,
            "X-Signature": sign(secret, "GET", TARGET, stamp, EMPTY_SHA256),
        }
        assert _fail(_get(sandbox, headers)) == (401, "AUTH_FAILED")


def test_the_secret_never_reaches_logs_or_reprs(
    sandbox: SandboxHandle, caplog: pytest.LogCaptureFixture
) -> None:
    secret = sandbox.secrets[PROVINCE]
    caplog.set_level(logging.DEBUG)
    transport = HttpTransport(sandbox.base_url, PROVINCE, secret, timeout=5)
    with transport:
        transport.agencies()
        transport.send(document(1), "edoc", "k")
        assert secret not in repr(transport) and secret not in repr(transport.__dict__)
    bad = HttpTransport(sandbox.base_url, PROVINCE, secret[::-1], timeout=5)
    with bad, pytest.raises(TransportAuthError) as caught:
        bad.agencies()
    text = caplog.text + str(caught.value) + repr(caught.value.params)
    assert secret not in text and secret[::-1] not in text
