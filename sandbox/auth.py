"""Request authentication: HMAC-SHA256 over method, target, timestamp and body hash; skew; replay.

Written independently of the desktop's signer (``app.sync.transport.signing``) on purpose: the
sandbox is a peer that tests the client, so the two must agree through the protocol text, not
through shared code. The secret is the agency's secret string taken as UTF-8 bytes. Nothing here
reads sockets or logs secrets or signatures.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

from sandbox.accounts import Accounts
from sandbox.wire import AUTH_FAILED, CLOCK_SKEW, REPLAY, ApiError

MAX_SKEW = timedelta(minutes=5)


def string_to_sign(method: str, target: str, timestamp: str, body_sha256: str) -> bytes:
    return f"{method.upper()}\n{target}\n{timestamp}\n{body_sha256}".encode()


def sign(secret: str, method: str, target: str, timestamp: str, body_sha256: str) -> str:
    """hex(HMAC-SHA256(secret, METHOD \\n PATH?QUERY \\n X-Timestamp \\n sha256-hex(body)))."""
    message = string_to_sign(method, target, timestamp, body_sha256)
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def parse_timestamp(text: str) -> datetime:
    """An RFC 3339 timestamp with an explicit offset (``Z`` or ``+07:00``), as aware UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ApiError(AUTH_FAILED, "X-Timestamp is not an RFC 3339 timestamp") from None
    if moment.tzinfo is None:
        raise ApiError(AUTH_FAILED, "X-Timestamp has no offset (use Z or +hh:mm)")
    return moment.astimezone(UTC)


class Authenticator:
    def __init__(self, accounts: Accounts, *, max_skew: timedelta = MAX_SKEW) -> None:
        self._accounts = accounts
        self._max_skew = max_skew

    def check(
        self,
        method: str,
        target: str,
        body_sha256: str,
        *,
        system_id: str,
        stamp: str,
        given: str,
        now: datetime | None = None,
    ) -> str:
        """The authenticated system id, or ``ApiError`` AUTH_FAILED / CLOCK_SKEW / REPLAY.

        ``system_id``, ``stamp`` and ``given`` are the X-System-Id, X-Timestamp and X-Signature
        headers as received.
        """
        system_id, stamp, given = system_id.strip(), stamp.strip(), given.strip().lower()
        if not (system_id and stamp and given):
            raise ApiError(AUTH_FAILED, "X-System-Id, X-Timestamp and X-Signature are required")
        secret = self._accounts.secret_for(system_id)
        # One message for an unknown system and a wrong secret: do not confirm which ids exist.
        if secret is None:
            raise ApiError(AUTH_FAILED, "unknown system or wrong signature")
        expected = sign(secret, method, target, stamp, body_sha256)
        if not hmac.compare_digest(expected, given):
            raise ApiError(AUTH_FAILED, "unknown system or wrong signature")
        moment = parse_timestamp(stamp)
        now = now or datetime.now(UTC)
        if abs(now - moment) > self._max_skew:
            raise ApiError(
                CLOCK_SKEW,
                f"X-Timestamp {stamp} is more than {int(self._max_skew.total_seconds())} s from "
                f"the platform's clock {now.strftime('%Y-%m-%dT%H:%M:%SZ')}",
            )
        # Kept until the timestamp could no longer pass the skew check anyway.
        if not self._accounts.remember_signature(given, moment + self._max_skew):
            raise ApiError(REPLAY, "this signature was already used")
        return system_id
