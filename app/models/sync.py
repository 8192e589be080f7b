"""The transactional outbox, the inbox of received packages and the sync cursor(s)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.types import InboxState, OutboxState
from app.models.base import Base, enum_column, utcnow


class OutboxMessage(Base):
    """A package waiting to reach the platform. Written in the same transaction as the change.

    The idempotency key is fixed here, once, so every retry and every restart sends the same key.
    """

    __tablename__ = "outbox_messages"
    __table_args__ = (sa.Index("ix_outbox_messages_state_next", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_type: Mapped[str] = mapped_column(sa.String(10))  # edoc | status
    document_id: Mapped[int | None] = mapped_column(sa.ForeignKey("documents.id"), index=True)
    idempotency_key: Mapped[str] = mapped_column(sa.String(64), unique=True)
    payload_sha256: Mapped[str] = mapped_column(sa.String(64))  # the edXML bytes, in the file store
    recipients: Mapped[str] = mapped_column(sa.Text, default="")  # comma-separated agency codes
    state: Mapped[OutboxState] = mapped_column(
        enum_column(OutboxState), default=OutboxState.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    lease_until: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]


class InboxItem(Base):
    """A package the platform holds for us, from listing through storage to the ack."""

    __tablename__ = "inbox_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    server_doc_id: Mapped[str] = mapped_column(sa.String(128), unique=True)
    message_type: Mapped[str] = mapped_column(sa.String(10))
    from_code: Mapped[str] = mapped_column(sa.String(64), default="")
    # Indexed: the duplicate check of every received package looks its bytes up (0004).
    sha256: Mapped[str] = mapped_column(sa.String(64), default="", index=True)
    size: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    state: Mapped[InboxState] = mapped_column(enum_column(InboxState), default=InboxState.LISTED)
    document_id: Mapped[int | None] = mapped_column(sa.ForeignKey("documents.id"))
    error: Mapped[str] = mapped_column(sa.Text, default="")
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncState(Base):
    """Small named values the sync engine keeps: cursors, last success time."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    value: Mapped[str] = mapped_column(sa.Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
