"""The transport interface the sync engine codes against, and the typed results it returns.

``PlatformTransport`` is the five operations of the national exchange axis plus delivery status
and a reachability check; an adapter for a vendor platform implements it in a new module. Results
are frozen dataclasses. No HTTP, no database and no retry policy here (retrying is the engine's
job; errors say whether a retry can help).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Literal, Protocol

AckStatus = Literal["done", "fail"]


class MessageType(enum.StrEnum):
    EDOC = "edoc"
    STATUS = "status"


@dataclass(frozen=True)
class PlatformAgency:
    organ_id: str
    name: str
    parent_id: str | None = None


@dataclass(frozen=True)
class SendResult:
    """The platform's document id per recipient; ``replayed`` when the key had been used."""

    doc_ids: Mapping[str, str]
    replayed: bool = False


@dataclass(frozen=True)
class ReceivedItem:
    doc_id: str
    sender: str
    message_type: str
    size: int
    sha256: str
    created: datetime | None


@dataclass(frozen=True)
class ReceivedPage:
    """Oldest first. Pass ``next`` as ``after`` for the following page; ``more`` if there is one."""

    items: tuple[ReceivedItem, ...]
    next: str | None
    more: bool = False


@dataclass(frozen=True)
class FetchResult:
    doc_id: str
    size: int
    sha256: str
    resumed: bool
    """True when bytes already in the sink were kept and only the rest was downloaded."""


@dataclass(frozen=True)
class DeliveryState:
    """What became of one package this system sent, at one recipient.

    ``state`` is the recipient's ack (``pending``, ``done``, ``fail``); ``status_code`` is the
    last status package the recipient sent about it (01…06, 13, 15, 16), if any.
    """

    doc_id: str
    recipient: str
    message_type: str
    document_id: str
    state: str
    reason: str
    status_code: str | None
    status_description: str
    status_at: datetime | None
    updated: datetime | None


@dataclass(frozen=True)
class SentPage:
    items: tuple[DeliveryState, ...]
    next: str | None
    more: bool = False


class PlatformTransport(Protocol):
    """The platform as the sync engine sees it. Every method may raise the transport errors:
    ``TransportUnavailable`` (retry later), ``SyncAuthError`` or ``PlatformRejected`` (don't)."""

    def agencies(self) -> list[PlatformAgency]: ...

    def send(
        self, package: bytes | Path, message_type: MessageType | str, idempotency_key: str
    ) -> SendResult:
        """Send an edXML package (bytes, or a file streamed from disk) under a fixed key."""
        ...

    def list_received(
        self, message_type: MessageType | str, after: str | None = None, limit: int = 50
    ) -> ReceivedPage: ...

    def fetch(self, doc_id: str, *, resume_from: int = 0, sink: BinaryIO) -> FetchResult:
        """Write the package into ``sink`` from offset ``resume_from`` and verify its SHA-256.

        With ``resume_from > 0`` the sink must be readable and seekable and hold that many bytes
        of this package already; they are hashed again, not downloaded again.
        """
        ...

    def ack(self, doc_id: str, status: AckStatus, reason: str = "") -> None: ...

    def sent_status(self, after: str | None = None, limit: int = 50) -> SentPage: ...

    def ping(self) -> float:
        """Round-trip seconds of one cheap authenticated call; raises like the others."""
        ...
