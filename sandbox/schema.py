"""The sandbox platform's own tables: agencies, messages, idempotency records, the replay cache.

Its own declarative ``Base`` and ``sb_`` table names, so it can never be confused with the
desktop's schema even when pointed at the same PostgreSQL server. Tables are created with
``create_all`` and a version row refuses a database written by a newer sandbox. No queries with
business meaning here (``ledger`` and ``accounts`` hold those).
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from app.errors import SchemaTooNew
from app.models.base import NAMING, UTCDateTime, utcnow
from app.models.db import Database

SCHEMA_VERSION = 1
SEQ = "seq"


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime()}


class Agency(Base):
    """A connected system: its agency code is its system id; ``secret`` signs its requests."""

    __tablename__ = "sb_agencies"

    code: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(500), default="")
    parent_code: Mapped[str | None] = mapped_column(sa.String(64))
    secret: Mapped[str] = mapped_column(sa.String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Message(Base):
    """One package for one recipient (a send to three ``To`` is three rows, one file).

    ``seq`` orders the recipient's pending list; ``change_seq`` orders the sender's delivery
    feed and moves whenever the ack or the recipient's last status changes. Both come from one
    counter whose row lock serialises writers, so a cursor never skips a late commit.
    """

    __tablename__ = "sb_messages"
    __table_args__ = (
        sa.Index("ix_sb_messages_inbox", "recipient", "message_type", "seq"),
        sa.Index("ix_sb_messages_outbox", "sender", "change_seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_id: Mapped[str] = mapped_column(sa.String(64), unique=True)
    seq: Mapped[int] = mapped_column(sa.BigInteger, unique=True)
    change_seq: Mapped[int] = mapped_column(sa.BigInteger)
    message_type: Mapped[str] = mapped_column(sa.String(10))
    sender: Mapped[str] = mapped_column(sa.String(64))
    recipient: Mapped[str] = mapped_column(sa.String(64))
    sha256: Mapped[str] = mapped_column(sa.String(64))
    size: Mapped[int] = mapped_column(sa.BigInteger)
    idempotency_key: Mapped[str] = mapped_column(sa.String(128))
    edxml_document_id: Mapped[str] = mapped_column(sa.String(500), default="")
    code: Mapped[str] = mapped_column(sa.String(200), default="")
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    ack_status: Mapped[str | None] = mapped_column(sa.String(10))
    ack_reason: Mapped[str] = mapped_column(sa.Text, default="")
    acked_at: Mapped[datetime | None]
    status_code: Mapped[str | None] = mapped_column(sa.String(2))
    status_description: Mapped[str] = mapped_column(sa.Text, default="")
    status_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class IdempotencyRecord(Base):
    """The first successful answer to (system, key); the primary key is what makes it once-only."""

    __tablename__ = "sb_idempotency"

    system_id: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(128), primary_key=True)
    body_sha256: Mapped[str] = mapped_column(sa.String(64))
    message_type: Mapped[str] = mapped_column(sa.String(10))
    answer: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SeenSignature(Base):
    """Signatures already accepted, kept until their timestamp falls out of the skew window."""

    __tablename__ = "sb_seen_signatures"

    signature: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class Counter(Base):
    __tablename__ = "sb_counters"

    name: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    value: Mapped[int] = mapped_column(sa.BigInteger, default=0)


class Meta(Base):
    __tablename__ = "sb_meta"

    key: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    value: Mapped[str] = mapped_column(sa.String(200))


def ensure_schema(db: Database) -> None:
    """Create missing tables and the counter; refuse a schema from a newer sandbox."""
    Base.metadata.create_all(db.engine)
    with db.write() as session:
        row = session.get(Meta, "schema_version")
        if row is None:
            session.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
        elif int(row.value) > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"sandbox database has schema {row.value}, this sandbox knows {SCHEMA_VERSION}"
            )
        if session.get(Counter, SEQ) is None:
            session.add(Counter(name=SEQ, value=0))


def allocate(session: Session, count: int = 1) -> int:
    """Reserve ``count`` sequence numbers and return the last; holds the counter row until commit.

    The row lock (PostgreSQL) or the write lock (SQLite, BEGIN IMMEDIATE) means numbers are
    committed in the order they are handed out, which is what makes the cursors safe.
    """
    stmt = (
        sa.update(Counter)
        .where(Counter.name == SEQ)
        .values(value=Counter.value + count)
        .returning(Counter.value)
    )
    return int(session.execute(stmt).scalar_one())
