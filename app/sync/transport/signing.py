"""Request signing for the reference API: X-System-Id, X-Timestamp, X-Signature.

X-Signature = hex(HMAC-SHA256(secret, METHOD \\n PATH?QUERY \\n X-Timestamp \\n sha256-hex(body))),
the secret taken as UTF-8 text. Timestamps carry microseconds and never repeat within one signer,
so a retry sent in the same second is not refused as a replay. The secret stays inside ``Signer``
(no ``repr``, never logged).
"""

from __future__ import annotations

import hashlib
import hmac
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def rfc3339_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


class Signer:
    def __init__(
        self, system_id: str, secret: str, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.system_id = system_id
        self.__key = secret.encode("utf-8")
        self._clock = clock or (lambda: datetime.now(UTC))
        self._last: datetime | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Signer(system_id={self.system_id!r})"

    def _timestamp(self) -> str:
        with self._lock:
            now = self._clock().astimezone(UTC)
            if self._last is not None and now <= self._last:
                now = self._last + timedelta(microseconds=1)
            self._last = now
        return rfc3339_utc(now)

    def headers(self, method: str, target: str, body_sha256: str = EMPTY_SHA256) -> dict[str, str]:
        """The three auth headers for ``method`` on ``target`` (raw path and query, as sent)."""
        stamp = self._timestamp()
        message = f"{method.upper()}\n{target}\n{stamp}\n{body_sha256}".encode()
        signature = hmac.new(self.__key, message, hashlib.sha256).hexdigest()
        return {"X-System-Id": self.system_id, "X-Timestamp": stamp, "X-Signature": signature}
