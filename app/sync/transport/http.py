"""``HttpTransport``: the reference HTTP API v1 (PLATFORM_API.md) over httpx, signed with HMAC.

One request per call, no retries (the engine owns the backoff policy), every failure a typed
error from ``errors``. Package bodies stream both ways: a ``Path`` is uploaded from disk, a fetch
is written to the caller's sink, resumed with ``Range`` and checked against the ``ETag``
(SHA-256). The secret lives in the ``Signer`` and never reaches a log line, a ``repr`` or an
exception message.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote, urlsplit

import httpx

from app.errors import ConfigError
from app.sync.transport import answers
from app.sync.transport.base import (
    AckStatus,
    FetchResult,
    MessageType,
    PlatformAgency,
    ReceivedPage,
    SendResult,
    SentPage,
)
from app.sync.transport.errors import (
    FetchInterrupted,
    PackageTooLarge,
    TransferCorrupted,
    TransportUnavailable,
)
from app.sync.transport.signing import EMPTY_SHA256, Signer

log = logging.getLogger(__name__)
CHUNK = 1 << 20
DEFAULT_MAX_FETCH = 512 << 20  # the codec's Limits.max_package_bytes


class HttpTransport:
    """A ``PlatformTransport`` for the reference API. Thread-safe if the httpx client is."""

    def __init__(
        self,
        base_url: str,
        system_id: str,
        secret: str,
        *,
        timeout: float = 30.0,
        client: httpx.Client | None = None,
        clock: Callable[[], datetime] | None = None,
        max_fetch_bytes: int = DEFAULT_MAX_FETCH,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"platform URL must be http(s)://host/...: {base_url!r}")
        if not system_id or not secret:
            raise ConfigError("the platform system id and secret are both required")
        self.base_url = base_url.rstrip("/")
        self._signer = Signer(system_id, secret, clock=clock)
        self._own_client = client is None
        self._client = client or httpx.Client(timeout=timeout, follow_redirects=False)
        self._timeout = timeout
        self._max_fetch = max_fetch_bytes

    def __repr__(self) -> str:
        return f"HttpTransport({self.base_url!r}, system_id={self._signer.system_id!r})"

    def close(self) -> None:
        if self._own_client:
            self._client.close()

    def __enter__(self) -> HttpTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- operations ------------------------------------------------------------------------------
    def agencies(self) -> list[PlatformAgency]:
        data = self._call("GET", "/agencies")
        return answers.shaped("agencies", lambda: answers.agencies(data))

    def send(
        self, package: bytes | Path, message_type: MessageType | str, idempotency_key: str
    ) -> SendResult:
        params = {"messagetype": str(MessageType(message_type))}
        headers = {"Idempotency-Key": idempotency_key, "Content-Type": "application/xml"}
        if isinstance(package, Path):
            digest, size = _file_sha256(package)
            headers["Content-Length"] = str(size)
            with package.open("rb") as handle:
                response = self._send("POST", "/edocs", params, handle, digest, headers)
        else:
            digest = hashlib.sha256(package).hexdigest()
            response = self._send("POST", "/edocs", params, package, digest, headers)
        data = answers.envelope_data(response)
        replayed = response.headers.get("Idempotent-Replayed", "").lower() == "true"
        return SendResult(answers.shaped("send", lambda: answers.doc_ids(data)), replayed)

    def list_received(
        self, message_type: MessageType | str, after: str | None = None, limit: int = 50
    ) -> ReceivedPage:
        params: dict[str, Any] = {"messagetype": str(MessageType(message_type)), "limit": limit}
        if after:
            params["after"] = after
        data = self._call("GET", "/edocs/received", params)
        return answers.shaped("received", lambda: answers.received_page(data))

    def sent_status(self, after: str | None = None, limit: int = 50) -> SentPage:
        params: dict[str, Any] = {"limit": limit}
        if after:
            params["after"] = after
        data = self._call("GET", "/edocs/sent", params)
        return answers.shaped("sent", lambda: answers.sent_page(data))

    def ack(self, doc_id: str, status: AckStatus, reason: str = "") -> None:
        if status not in ("done", "fail"):
            raise ValueError(f"ack status is 'done' or 'fail', not {status!r}")
        body = json.dumps({"status": status, "reason": reason}, ensure_ascii=False).encode()
        digest = hashlib.sha256(body).hexdigest()
        headers = {"Content-Type": "application/json"}
        path = f"/edocs/{quote(doc_id, safe='')}/ack"
        answers.envelope_data(self._send("POST", path, None, body, digest, headers))

    def ping(self) -> float:
        started = time.monotonic()
        self._call("GET", "/edocs/received", {"messagetype": "status", "limit": 1})
        return time.monotonic() - started

    def fetch(self, doc_id: str, *, resume_from: int = 0, sink: BinaryIO) -> FetchResult:
        if resume_from < 0:
            raise ValueError("resume_from must be >= 0")
        hasher = hashlib.sha256()
        if resume_from:
            _hash_prefix(sink, resume_from, hasher)
        headers = {"Range": f"bytes={resume_from}-"} if resume_from else {}
        path = f"/edocs/{quote(doc_id, safe='')}"
        response = self._send("GET", path, None, b"", EMPTY_SHA256, headers, stream=True)
        try:
            if response.status_code == 416 and resume_from:
                # The sink already holds all of it (or more): start over rather than guess.
                response.close()
                return self.fetch(doc_id, resume_from=0, sink=_rewound(sink))
            if not response.is_success:
                response.read()
                answers.envelope_data(response)  # raises the typed error
            etag = answers.etag_sha256(response.headers.get("ETag"))
            if not etag:
                raise TransportUnavailable(f"{path}: no SHA-256 ETag", error_code="BAD_ANSWER")
            offset, total = self._span(response, resume_from, path)
            if offset == 0 and resume_from:
                _rewound(sink)  # the server sent everything: drop the prefix we kept
                hasher = hashlib.sha256()
            written = self._stream_into(response, sink, hasher, offset, path)
        finally:
            response.close()
        if total >= 0 and written != total:
            raise FetchInterrupted(f"{path}: {written} of {total} bytes", received=written)
        digest = hasher.hexdigest()
        if digest != etag:
            raise TransferCorrupted(f"{path}: SHA-256 {digest} does not match ETag {etag}")
        return FetchResult(doc_id, written, digest, resumed=offset > 0)

    # --- plumbing --------------------------------------------------------------------------------
    def _call(self, method: str, path: str, params: dict[str, Any] | None = None) -> Any:
        response = self._send(method, path, params, b"", EMPTY_SHA256, {})
        return answers.envelope_data(response)

    def _send(
        self,
        method: str,
        path: str,
        params: dict[str, Any] | None,
        content: bytes | BinaryIO,
        body_sha256: str,
        headers: dict[str, str],
        *,
        stream: bool = False,
    ) -> httpx.Response:
        request = self._client.build_request(
            method, self.base_url + path, params=params, content=content, headers=headers
        )
        # Sign exactly the target that goes on the wire (httpx's own query encoding).
        target = request.url.raw_path.decode("ascii")
        request.headers.update(self._signer.headers(method, target, body_sha256))
        started = time.monotonic()
        try:
            response = self._client.send(request, stream=stream)
        except httpx.TimeoutException as exc:
            raise TransportUnavailable(
                f"{method} {path}: no answer within {self._timeout:g} s", error_code="TIMEOUT"
            ) from exc
        except httpx.TransportError as exc:
            raise TransportUnavailable(
                f"{method} {path}: {type(exc).__name__}: {exc}", error_code="NETWORK"
            ) from exc
        took = (time.monotonic() - started) * 1000
        log.debug("%s %s -> %s in %.0f ms", method, path, response.status_code, took)
        return response

    def _span(self, response: httpx.Response, resume_from: int, path: str) -> tuple[int, int]:
        """Where the body starts in the package and the package's full size."""
        if response.status_code == 206:
            span = answers.content_range(response.headers.get("Content-Range"))
            if span is None or span[0] != resume_from:
                raise TransportUnavailable(
                    f"{path}: unexpected Content-Range", error_code="BAD_ANSWER"
                )
            offset, total = span[0], span[2]
        else:
            offset, total = 0, int(response.headers.get("Content-Length", "-1"))  # -1: unknown
        if total > self._max_fetch:
            raise PackageTooLarge(
                f"{path}: {total} bytes exceeds {self._max_fetch}", error_code="TOO_LARGE"
            )
        return offset, total

    def _stream_into(
        self, response: httpx.Response, sink: BinaryIO, hasher: Any, offset: int, path: str
    ) -> int:
        written = offset
        try:
            for chunk in response.iter_bytes():  # as it arrives: a cut keeps what came
                if written + len(chunk) > self._max_fetch:
                    raise PackageTooLarge(
                        f"{path}: over {self._max_fetch} bytes", error_code="TOO_LARGE"
                    )
                sink.write(chunk)
                hasher.update(chunk)
                written += len(chunk)
        except httpx.TransportError as exc:
            sink.flush()
            raise FetchInterrupted(
                f"{path}: interrupted after {written} bytes: {type(exc).__name__}",
                received=written,
                error_code="NETWORK",
            ) from exc
        sink.flush()
        return written


def _file_sha256(path: Path) -> tuple[str, int]:
    hasher = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            hasher.update(chunk)
            size += len(chunk)
    return hasher.hexdigest(), size


def _hash_prefix(sink: BinaryIO, length: int, hasher: Any) -> None:
    """Hash the ``length`` bytes already in ``sink`` and position it after them."""
    sink.seek(0)
    left = length
    while left:
        chunk = sink.read(min(CHUNK, left))
        if not chunk:
            raise ValueError(f"resume_from={length} but the sink holds fewer bytes")
        hasher.update(chunk)
        left -= len(chunk)
    sink.truncate(length)
    sink.seek(length)


def _rewound(sink: BinaryIO) -> BinaryIO:
    sink.seek(0)
    sink.truncate(0)
    return sink
