"""The transport adapter: how the sync engine reaches a provincial platform.

``PlatformTransport`` (``base``) is the interface the outbox/inbox engine codes against;
``HttpTransport`` (``http``) speaks the reference HTTP API v1 that ``sandbox/`` implements. A
vendor platform gets a new adapter module, not a new engine. Errors (``errors``) say whether a
retry can help. The engine itself (outbox, inbox, cursors, backoff) is NOT here, and nothing here
touches the database or Qt.
"""

from __future__ import annotations

from app.sync.transport.base import (
    AckStatus,
    DeliveryState,
    FetchResult,
    MessageType,
    PlatformAgency,
    PlatformTransport,
    ReceivedItem,
    ReceivedPage,
    SendResult,
    SentPage,
)
from app.sync.transport.errors import (
    DocumentNotFound,
    FetchInterrupted,
    IdempotencyConflict,
    PackageRefused,
    PackageTooLarge,
    PlatformRejected,
    RateLimited,
    TransferCorrupted,
    TransportAuthError,
    TransportUnavailable,
    UnknownRecipient,
)
from app.sync.transport.http import HttpTransport

__all__ = [
    "AckStatus",
    "DeliveryState",
    "DocumentNotFound",
    "FetchInterrupted",
    "FetchResult",
    "HttpTransport",
    "IdempotencyConflict",
    "MessageType",
    "PackageRefused",
    "PackageTooLarge",
    "PlatformAgency",
    "PlatformRejected",
    "PlatformTransport",
    "RateLimited",
    "ReceivedItem",
    "ReceivedPage",
    "SendResult",
    "SentPage",
    "TransferCorrupted",
    "TransportAuthError",
    "TransportUnavailable",
    "UnknownRecipient",
]
