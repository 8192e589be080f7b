"""Transport errors: one small tree the engine can act on without reading HTTP statuses.

- ``TransportUnavailable`` (a ``SyncUnavailable``): retry later with backoff; ``retry_after``
  carries the server's hint. Network errors, timeouts, 5xx, 429, a garbled answer, an interrupted
  or corrupted download.
- ``TransportAuthError`` (a ``SyncAuthError``): wrong system id or secret, clock skew, replay.
  Retrying cannot help until a person fixes the settings or the clock.
- ``PlatformRejected`` (a ``SyncError``) and its kinds: the platform refused this item (409, 413,
  404, 422, other 4xx); retrying the same request gives the same answer.

Each carries the server's ``error_code``/``error_desc`` and ``http_status``, in ``params`` too.
The codes stay those of the parents, so ``app.messages`` already has a sentence for each. No
secrets, headers or bodies ever go into a message.
"""

from __future__ import annotations

from typing import Any

from app.errors import SyncAuthError, SyncError, SyncUnavailable


class _PlatformAnswer:
    """The server's side of the story, shared by the three branches."""

    error_code: str
    error_desc: str
    http_status: int | None

    def _remember(self, error_code: str, error_desc: str, http_status: int | None) -> None:
        self.error_code, self.error_desc, self.http_status = error_code, error_desc, http_status


class TransportUnavailable(_PlatformAnswer, SyncUnavailable):
    retryable = True

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        error_code: str = "",
        error_desc: str = "",
        http_status: int | None = None,
        **params: Any,
    ) -> None:
        super().__init__(
            message,
            retry_after=retry_after,
            platform_code=error_code,
            http_status=http_status,
            **params,
        )
        self.retry_after = retry_after
        self._remember(error_code, error_desc, http_status)


class RateLimited(TransportUnavailable):
    """429: come back after ``retry_after`` seconds (the only 4xx worth retrying)."""


class FetchInterrupted(TransportUnavailable):
    """The download stopped part-way; ``received`` bytes are in the sink: resume from there."""

    def __init__(self, message: str, *, received: int, **kwargs: Any) -> None:
        super().__init__(message, received=received, **kwargs)
        self.received = received


class TransferCorrupted(TransportUnavailable):
    """The downloaded bytes do not hash to the ETag: fetch again from offset 0."""


class TransportAuthError(_PlatformAnswer, SyncAuthError):
    retryable = False

    def __init__(
        self, message: str, *, error_code: str, error_desc: str = "", http_status: int | None = 401
    ) -> None:
        super().__init__(message, platform_code=error_code, http_status=http_status)
        self._remember(error_code, error_desc, http_status)


class PlatformRejected(_PlatformAnswer, SyncError):
    retryable = False

    def __init__(
        self, message: str, *, error_code: str, error_desc: str = "", http_status: int | None = None
    ) -> None:
        super().__init__(message, platform_code=error_code, http_status=http_status)
        self._remember(error_code, error_desc, http_status)


class IdempotencyConflict(PlatformRejected):
    """409: this key was already used for another package (an engine bug, never retry)."""


class UnknownRecipient(PlatformRejected):
    """422 UNKNOWN_RECIPIENT: a ``To`` is not connected to the platform."""


class PackageRefused(PlatformRejected):
    """422 PACKAGE_INVALID: the platform could not accept the edXML; ``error_desc`` says where."""


class PackageTooLarge(PlatformRejected):
    """413 TOO_LARGE (or a download over the transport's own size limit)."""


class DocumentNotFound(PlatformRejected):
    """404 NOT_FOUND: no such package for this system (or an unknown endpoint)."""


_BY_CODE: dict[str, type[PlatformRejected]] = {
    "IDEMPOTENCY_CONFLICT": IdempotencyConflict,
    "UNKNOWN_RECIPIENT": UnknownRecipient,
    "PACKAGE_INVALID": PackageRefused,
    "TOO_LARGE": PackageTooLarge,
    "NOT_FOUND": DocumentNotFound,
}
_BY_STATUS: dict[int, type[PlatformRejected]] = {
    409: IdempotencyConflict,
    413: PackageTooLarge,
    404: DocumentNotFound,
    422: PackageRefused,
}
AUTH_CODES = frozenset({"AUTH_FAILED", "CLOCK_SKEW", "REPLAY"})


def error_for(
    http_status: int, error_code: str, error_desc: str, retry_after: float | None = None
) -> TransportUnavailable | TransportAuthError | PlatformRejected:
    """The exception for a refused request, by the server's error code first, then its status."""
    code = error_code or f"HTTP_{http_status}"
    message = f"{code}: {error_desc}" if error_desc else code
    if http_status == 429 or code == "RATE_LIMITED":
        return RateLimited(
            message,
            retry_after=retry_after,
            error_code=code,
            error_desc=error_desc,
            http_status=http_status,
        )
    if http_status >= 500:
        return TransportUnavailable(
            message,
            retry_after=retry_after,
            error_code=code,
            error_desc=error_desc,
            http_status=http_status,
        )
    if http_status == 401 or code in AUTH_CODES:
        return TransportAuthError(
            message, error_code=code, error_desc=error_desc, http_status=http_status
        )
    kind = _BY_CODE.get(code) or _BY_STATUS.get(http_status, PlatformRejected)
    return kind(message, error_code=code, error_desc=error_desc, http_status=http_status)
