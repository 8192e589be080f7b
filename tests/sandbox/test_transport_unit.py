"""HttpTransport's pieces without a server: error mapping, header parsing, signing, settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from app.errors import ConfigError, SyncAuthError, SyncError, SyncUnavailable
from app.sync.transport import (
    DocumentNotFound,
    HttpTransport,
    IdempotencyConflict,
    PackageRefused,
    PackageTooLarge,
    PlatformRejected,
    RateLimited,
    TransportAuthError,
    TransportUnavailable,
    UnknownRecipient,
)
from app.sync.transport.answers import content_range, envelope_data, etag_sha256, retry_after
from app.sync.transport.errors import error_for
from app.sync.transport.signing import Signer
from sandbox.auth import sign

MAPPING = [
    (401, "AUTH_FAILED", TransportAuthError),
    (401, "CLOCK_SKEW", TransportAuthError),
    (401, "REPLAY", TransportAuthError),
    (422, "UNKNOWN_RECIPIENT", UnknownRecipient),
    (422, "PACKAGE_INVALID", PackageRefused),
    (413, "TOO_LARGE", PackageTooLarge),
    (409, "IDEMPOTENCY_CONFLICT", IdempotencyConflict),
    (404, "NOT_FOUND", DocumentNotFound),
    (429, "RATE_LIMITED", RateLimited),
    (500, "INTERNAL_ERROR", TransportUnavailable),
    (502, "", TransportUnavailable),
    (503, "UNAVAILABLE", TransportUnavailable),
    (400, "BAD_REQUEST", PlatformRejected),
    (422, "", PackageRefused),
    (418, "", PlatformRejected),
]


@pytest.mark.parametrize(("status", "code", "kind"), MAPPING)
def test_error_mapping(status: int, code: str, kind: type[Exception]) -> None:
    error = error_for(status, code, "why", retry_after=3.0)
    assert type(error) is kind
    assert error.http_status == status and error.error_desc == "why"
    assert error.error_code == (code or f"HTTP_{status}")
    assert error.params["platform_code"] == error.error_code
    retryable = isinstance(error, SyncUnavailable)
    assert error.retryable is retryable
    assert retryable == (status >= 500 or status == 429)
    assert isinstance(error, SyncAuthError) == (status == 401)
    assert isinstance(error, SyncError)
    if retryable:
        assert isinstance(error, TransportUnavailable) and error.retry_after == 3.0


def _response(status: int, body: bytes, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=body, headers=headers)


def test_envelope() -> None:
    ok = b'{"status":"OK","errorCode":null,"errorDesc":null,"data":[1]}'
    assert envelope_data(_response(200, ok)) == [1]
    fail = b'{"status":"FAIL","errorCode":"NOT_FOUND","errorDesc":"gone","data":null}'
    with pytest.raises(DocumentNotFound, match="gone"):
        envelope_data(_response(404, fail))
    with pytest.raises(TransportUnavailable, match="envelope"):  # a captive portal's HTML
        envelope_data(_response(200, b"<html>login</html>"))
    with pytest.raises(TransportUnavailable) as gateway:
        envelope_data(_response(502, b"<html>bad gateway</html>", **{"Retry-After": "4"}))
    assert gateway.value.retry_after == 4.0 and gateway.value.error_code == "HTTP_502"
    with pytest.raises(PlatformRejected):
        envelope_data(_response(400, b"nope"))


def test_header_parsing() -> None:
    now = datetime(2025, 7, 1, 8, 0, tzinfo=UTC)
    assert retry_after("5") == 5.0 and retry_after("-3") == 0.0 and retry_after(None) is None
    assert retry_after("99999") == 3600.0 and retry_after("soon") is None
    assert retry_after("Tue, 01 Jul 2025 08:00:30 GMT", now) == 30.0
    digest = "ab" * 32
    assert etag_sha256(f'"{digest}"') == digest and etag_sha256(f'W/"{digest.upper()}"') == digest
    assert etag_sha256('"abc"') == "" and etag_sha256(None) == ""
    assert content_range("bytes 10-19/100") == (10, 19, 100)
    assert content_range("bytes */100") is None


def test_signer_matches_the_sandbox_and_never_repeats_a_timestamp() -> None:
    fixed = datetime(2025, 7, 1, 1, 2, 3, tzinfo=UTC)
    signer = Signer("000.00.00.H18", "bí mật", clock=lambda: fixed)
    first = signer.headers("get", "/api/v1/agencies?x=1")
    second = signer.headers("GET", "/api/v1/agencies?x=1")
    assert first["X-Timestamp"] == "2025-07-01T01:02:03.000000Z"
    assert second["X-Timestamp"] == "2025-07-01T01:02:03.000001Z"
    assert first["X-Signature"] != second["X-Signature"]
    empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    expected = sign("bí mật", "GET", "/api/v1/agencies?x=1", first["X-Timestamp"], empty)
    assert first["X-Signature"] == expected
    assert "bí mật" not in repr(signer)
    parsed = datetime.fromisoformat(second["X-Timestamp"])
    assert parsed - fixed == timedelta(microseconds=1)


def test_settings_are_checked() -> None:
    with pytest.raises(ConfigError):
        HttpTransport("ftp://platform/api/v1", "a", "b")
    with pytest.raises(ConfigError):
        HttpTransport("http://127.0.0.1:8765/api/v1", "a", "")
    with HttpTransport("http://127.0.0.1:8765/api/v1/", "a", "s3cret") as transport:
        assert transport.base_url == "http://127.0.0.1:8765/api/v1"
        assert "s3cret" not in repr(transport)


def test_unreachable_platform_is_retryable() -> None:
    with HttpTransport("http://127.0.0.1:9/api/v1", "a", "b", timeout=2) as transport:
        with pytest.raises(TransportUnavailable) as caught:
            transport.ping()
    assert caught.value.error_code == "NETWORK" and caught.value.retryable
