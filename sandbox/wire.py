"""The sandbox's wire vocabulary: the JSON envelope, stable error codes, responses, cursors, Range.

Everything here is pure (no sockets, no database), so the handler and the API share one
definition of what an answer looks like. Error codes are the protocol's stable strings; the HTTP
status for each is fixed in ``STATUS_FOR``.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

AUTH_FAILED = "AUTH_FAILED"
CLOCK_SKEW = "CLOCK_SKEW"
REPLAY = "REPLAY"
UNKNOWN_RECIPIENT = "UNKNOWN_RECIPIENT"
PACKAGE_INVALID = "PACKAGE_INVALID"
TOO_LARGE = "TOO_LARGE"
IDEMPOTENCY_CONFLICT = "IDEMPOTENCY_CONFLICT"
NOT_FOUND = "NOT_FOUND"
RATE_LIMITED = "RATE_LIMITED"
# Sandbox additions, outside the protocol's list: a malformed request, and injected/internal 5xx.
BAD_REQUEST = "BAD_REQUEST"
METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
RANGE_NOT_SATISFIABLE = "RANGE_NOT_SATISFIABLE"
FORBIDDEN = "FORBIDDEN"
INTERNAL_ERROR = "INTERNAL_ERROR"
UNAVAILABLE = "UNAVAILABLE"

STATUS_FOR: dict[str, int] = {
    AUTH_FAILED: 401,
    CLOCK_SKEW: 401,
    REPLAY: 401,
    UNKNOWN_RECIPIENT: 422,
    PACKAGE_INVALID: 422,
    TOO_LARGE: 413,
    IDEMPOTENCY_CONFLICT: 409,
    NOT_FOUND: 404,
    RATE_LIMITED: 429,
    BAD_REQUEST: 400,
    METHOD_NOT_ALLOWED: 405,
    RANGE_NOT_SATISFIABLE: 416,
    FORBIDDEN: 403,
    INTERNAL_ERROR: 500,
    UNAVAILABLE: 503,
}
_CODE_FOR_STATUS = {429: RATE_LIMITED, 500: INTERNAL_ERROR, 503: UNAVAILABLE}


def code_for_status(status: int) -> str:
    """The error code an injected status carries (429 is RATE_LIMITED, other 5xx UNAVAILABLE)."""
    return _CODE_FOR_STATUS.get(status, UNAVAILABLE if status >= 500 else BAD_REQUEST)


class ApiError(Exception):
    """An answer with ``status: FAIL``; raised anywhere below the handler, sent by the handler."""

    def __init__(
        self,
        code: str,
        desc: str,
        *,
        status: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{code}: {desc}")
        self.code = code
        self.desc = desc
        self.status = status if status is not None else STATUS_FOR[code]
        self.headers = headers or {}


@dataclass
class Response:
    """What the handler writes: a status, headers and either bytes or a slice of a file."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    file: Path | None = None
    offset: int = 0
    length: int = 0

    @property
    def content_length(self) -> int:
        return self.length if self.file is not None else len(self.body)


def envelope(
    status: str, data: Any = None, code: str | None = None, desc: str | None = None
) -> bytes:
    doc = {"status": status, "errorCode": code, "errorDesc": desc, "data": data}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def ok(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    all_headers = {"Content-Type": "application/json; charset=utf-8", **(headers or {})}
    return Response(status, all_headers, envelope("OK", data))


def fail(error: ApiError) -> Response:
    headers = {"Content-Type": "application/json; charset=utf-8", **error.headers}
    return Response(error.status, headers, envelope("FAIL", None, error.code, error.desc))


def rfc3339(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"sb1:{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The sequence number behind a cursor we issued; ``None``/empty is the beginning."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        prefix, _, number = text.partition(":")
        if prefix == "sb1" and number.isdigit():
            return int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise ApiError(BAD_REQUEST, f"not a cursor this platform issued: {cursor!r}")


_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """``(start, end_inclusive)`` for one ``bytes=`` range, ``None`` for the whole file.

    Multiple ranges are answered with the whole file (allowed by RFC 9110); an unsatisfiable one
    is ``RANGE_NOT_SATISFIABLE`` with ``Content-Range: bytes */size``.
    """
    if not header or "," in header:
        return None
    match = _RANGE.match(header.strip().replace(" ", ""))
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # suffix: the last N bytes
        length = int(last)
        if length == 0:
            raise _unsatisfiable(size)
        return max(0, size - length), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise _unsatisfiable(size)
    return start, end


def _unsatisfiable(size: int) -> ApiError:
    return ApiError(
        RANGE_NOT_SATISFIABLE,
        f"range outside the package of {size} bytes",
        headers={"Content-Range": f"bytes */{size}"},
    )
