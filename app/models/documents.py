"""Registers, documents, their files and signatures, assignments and per-recipient deliveries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.types import (
    Direction,
    DocumentState,
    FileRole,
    Secrecy,
    SignatureRole,
    Verdict,
)
from app.models.base import Base, enum_column, utcnow
from app.models.org import Agency, Person


class Register(Base):
    """A sổ văn bản: numbers from 1 each year, never reused (``next_number`` only grows)."""

    __tablename__ = "registers"
    __table_args__ = (
        sa.UniqueConstraint("agency_id", "direction", "secret", "year", "name"),
        sa.CheckConstraint("next_number >= 1", name="next_number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(sa.ForeignKey("agencies.id"), index=True)
    direction: Mapped[Direction] = mapped_column(enum_column(Direction))
    secret: Mapped[bool] = mapped_column(default=False)
    year: Mapped[int]
    name: Mapped[str] = mapped_column(sa.String(200))
    next_number: Mapped[int] = mapped_column(default=1)

    agency: Mapped[Agency] = relationship()


class Document(Base):
    """One official document, incoming or outgoing, with the metadata edXML carries."""

    __tablename__ = "documents"
    __table_args__ = (
        sa.UniqueConstraint("register_id", "register_number"),
        sa.CheckConstraint("urgency BETWEEN 0 AND 4", name="urgency_range"),
        # The queue lists' order (newest first) straight from an index: migration 0003.
        sa.Index("ix_documents_direction_state_updated", "direction", "state", "updated_at"),
        sa.Index("ix_documents_direction_updated", "direction", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(sa.ForeignKey("agencies.id"), index=True)  # the owner
    direction: Mapped[Direction] = mapped_column(enum_column(Direction))
    state: Mapped[DocumentState] = mapped_column(enum_column(DocumentState))
    kind: Mapped[str] = mapped_column(sa.String(10))  # QĐ, CV (công văn) …
    # The document's own number and symbol (ours when outgoing, the sender's when incoming).
    number: Mapped[int | None]
    symbol: Mapped[str] = mapped_column(sa.String(60), default="")  # QĐ-UBND
    issue_date: Mapped[date | None]
    subject: Mapped[str] = mapped_column(sa.Text)
    urgency: Mapped[int] = mapped_column(default=0)
    secrecy: Mapped[Secrecy] = mapped_column(enum_column(Secrecy), default=Secrecy.NONE)
    due_at: Mapped[datetime | None]
    # edXML DueDate: the reply deadline we ask of recipients, or the sender asks of us.
    due_date: Mapped[date | None]
    paper_copy: Mapped[bool] = mapped_column(default=False)
    paper_copy_confirmed_at: Mapped[datetime | None]
    # Our register: số đi for outgoing, số đến for incoming.
    register_id: Mapped[int | None] = mapped_column(sa.ForeignKey("registers.id"))
    register_number: Mapped[int | None]
    registered_at: Mapped[datetime | None]
    edxml_document_id: Mapped[str | None] = mapped_column(sa.String(200), index=True)
    sender_code: Mapped[str] = mapped_column(sa.String(64), default="")
    sender_name: Mapped[str] = mapped_column(sa.String(300), default="")
    signer_name: Mapped[str] = mapped_column(sa.String(200), default="")
    signer_position: Mapped[str] = mapped_column(sa.String(200), default="")
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("people.id"))
    cancel_reason: Mapped[str] = mapped_column(sa.Text, default="")
    # A recall / update / replacement request (ChangeRequest) waiting for the clerk's answer, and
    # the state the document returns to if it is refused.
    quarantine_request: Mapped[str | None] = mapped_column(sa.String(10))
    quarantine_from: Mapped[str | None] = mapped_column(sa.String(20))
    # Lower-cased, diacritics folded (đ → d): what the search box matches against.
    search_text: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    register: Mapped[Register | None] = relationship()
    author: Mapped[Person | None] = relationship()
    files: Mapped[list[DocumentFile]] = relationship(
        back_populates="document", order_by="DocumentFile.id"
    )

    @property
    def code(self) -> str:
        """``05/QĐ-UBND``: numbers below 10 keep their leading zero (Decree 30)."""
        return document_code(self.number, self.symbol)


def document_code(number: int | None, symbol: str) -> str:
    """``Document.code`` from its two columns (the queue lists read columns, not documents)."""
    if number is None:  # not issued yet: the clerk's number goes in front
        return f"…/{symbol}" if symbol else ""
    return f"{number:02d}/{symbol}" if symbol else f"{number:02d}"


class DocumentFile(Base):
    """A PDF or attachment of a document; the bytes live in the file store under ``sha256``."""

    __tablename__ = "document_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id"), index=True)
    role: Mapped[FileRole] = mapped_column(enum_column(FileRole))
    name: Mapped[str] = mapped_column(sa.String(300))
    media_type: Mapped[str] = mapped_column(sa.String(120), default="application/pdf")
    sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    size: Mapped[int]
    pages: Mapped[int | None]
    # A signed or filled PDF is a new file; the one it replaces points at it.
    superseded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("document_files.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship(back_populates="files")


class Signature(Base):
    """A signature found in or made on a file, with the last stored verification verdict."""

    __tablename__ = "signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id"), index=True)
    file_id: Mapped[int] = mapped_column(sa.ForeignKey("document_files.id"), index=True)
    field_name: Mapped[str] = mapped_column(sa.String(200), default="")
    role: Mapped[SignatureRole | None] = mapped_column(enum_column(SignatureRole))
    signer_name: Mapped[str] = mapped_column(sa.String(300), default="")
    signer_subject: Mapped[str] = mapped_column(sa.Text, default="")
    cert_sha256: Mapped[str] = mapped_column(sa.String(64), default="")
    signed_at: Mapped[datetime | None]
    verdict: Mapped[Verdict | None] = mapped_column(enum_column(Verdict, 24))
    verdict_detail: Mapped[str] = mapped_column(sa.Text, default="")  # JSON of the reasons
    verified_at: Mapped[datetime | None]
    # Signed offline: a timestamp / revocation data must still be added (B-B → B-LT).
    pending_ltv: Mapped[bool] = mapped_column(default=False)


class Assignment(Base):
    """A leader's direction on an incoming document: lead handler, deadline, opinion."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id"), index=True)
    assigned_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("people.id"))
    lead_person_id: Mapped[int | None] = mapped_column(sa.ForeignKey("people.id"))
    lead_unit: Mapped[str] = mapped_column(sa.String(200), default="")
    deadline: Mapped[date | None]
    opinion: Mapped[str] = mapped_column(sa.Text, default="")
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]

    co_handlers: Mapped[list[AssignmentCoHandler]] = relationship()


class AssignmentCoHandler(Base):
    __tablename__ = "assignment_co_handlers"

    assignment_id: Mapped[int] = mapped_column(sa.ForeignKey("assignments.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("people.id"), primary_key=True)


class Delivery(Base):
    """One recipient of an outgoing document and the last status it reported (01 … 16)."""

    __tablename__ = "deliveries"
    __table_args__ = (sa.UniqueConstraint("document_id", "recipient_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id"), index=True)
    recipient_code: Mapped[str] = mapped_column(sa.String(64))
    recipient_name: Mapped[str] = mapped_column(sa.String(300), default="")
    status_code: Mapped[str] = mapped_column(sa.String(2), default="")
    status_at: Mapped[datetime | None]
    description: Mapped[str] = mapped_column(sa.Text, default="")
    server_doc_id: Mapped[str] = mapped_column(sa.String(128), default="")
    # Our latest recall / update / replacement request to this recipient and its answer (15/16).
    request: Mapped[str | None] = mapped_column(sa.String(10))
    answer: Mapped[str | None] = mapped_column(sa.String(2))


# Migration 0002 makes the search index by hand (SQLite: the FTS5 table ``documents_fts``, its
# shadow tables and triggers; PostgreSQL: ``ix_documents_search``). SQLAlchemy cannot describe
# them, so schema comparison (autogenerate, the schema test) must skip them.
SEARCH_INDEX_TABLE = "documents_fts"
SEARCH_INDEX_NAME = "ix_documents_search"


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic ``include_name`` hook: False for the hand-made search index objects."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(SEARCH_INDEX_TABLE)
    return not (type_ == "index" and name == SEARCH_INDEX_NAME)
