"""The platform's memory of packages: who sent what to whom, what is pending, what was answered.

Sends are recorded with stored-first-answer idempotency: the (system, key) primary key plus the
counter lock make a duplicate wait for the first and then return its answer, across threads,
processes and restarts; a different body under the same key is IDEMPOTENCY_CONFLICT. Package
bytes are not here (the file store holds them) and nothing here parses XML or speaks HTTP.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.models.base import utcnow
from app.models.db import Database
from app.storage.filestore import StoredFile
from sandbox.intake import RECALL, Intake, StatusReport
from sandbox.schema import IdempotencyRecord, Message, allocate
from sandbox.wire import IDEMPOTENCY_CONFLICT, NOT_FOUND, PACKAGE_INVALID, ApiError


@dataclass(frozen=True)
class MessageView:
    doc_id: str
    seq: int
    change_seq: int
    message_type: str
    sender: str
    recipient: str
    sha256: str
    size: int
    edxml_document_id: str
    summary: str
    created_at: datetime
    ack_status: str | None
    ack_reason: str
    acked_at: datetime | None
    status_code: str | None
    status_description: str
    status_at: datetime | None
    updated_at: datetime


def _view(row: Message) -> MessageView:
    return MessageView(
        row.doc_id, row.seq, row.change_seq, row.message_type, row.sender, row.recipient,
        row.sha256, row.size, row.edxml_document_id, row.summary, row.created_at,
        row.ack_status, row.ack_reason, row.acked_at, row.status_code, row.status_description,
        row.status_at, row.updated_at,
    )  # fmt: skip


@dataclass(frozen=True)
class SendAnswer:
    doc_ids: dict[str, str]
    replayed: bool


class Ledger:
    def __init__(self, db: Database) -> None:
        self._db = db

    def recorded_answer(
        self, system_id: str, key: str, body_sha256: str, message_type: str
    ) -> SendAnswer | None:
        """The stored answer for a key already used, so a resend skips parsing; or ``None``."""
        with self._db.read() as session:
            record = session.get(IdempotencyRecord, (system_id, key))
            return _replay(record, body_sha256, message_type) if record else None

    def record(
        self, system_id: str, key: str, body_sha256: str, stored: StoredFile, intake: Intake
    ) -> SendAnswer:
        """Fan the package out to its recipients once; a duplicate gets the first answer."""
        for attempt in (1, 2):
            try:
                with self._db.write() as session:
                    return self._record(session, system_id, key, body_sha256, stored, intake)
            except IntegrityError:
                # Another request with this key committed between our check and our insert
                # (possible on PostgreSQL only): the second round finds its record.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _record(
        self,
        session: Session,
        system_id: str,
        key: str,
        body_sha256: str,
        stored: StoredFile,
        intake: Intake,
    ) -> SendAnswer:
        recall = intake.status is not None and intake.status.status_code == RECALL
        # One change number per delivery whose status moves: a recall moves every recipient's.
        moved = len(intake.recipients) if recall else 1 if intake.status else 0
        count = len(intake.recipients) + moved
        last = allocate(session, count)  # taken first: it serialises duplicates of this key
        record = session.get(IdempotencyRecord, (system_id, key))
        if record is not None:
            return _replay(record, body_sha256, intake.message_type)
        seq = last - count + 1
        now = utcnow()
        doc_ids: dict[str, str] = {}
        for recipient in intake.recipients:
            doc_id = f"{seq:08d}-{secrets.token_hex(4)}"
            session.add(
                Message(
                    doc_id=doc_id,
                    seq=seq,
                    change_seq=seq,
                    message_type=intake.message_type,
                    sender=system_id,
                    recipient=recipient,
                    sha256=stored.sha256,
                    size=stored.size,
                    idempotency_key=key,
                    edxml_document_id=intake.edxml_document_id[:500],
                    code=intake.code[:200],
                    summary=intake.summary,
                    created_at=now,
                    updated_at=now,
                )
            )
            doc_ids[recipient] = doc_id
            seq += 1
        if intake.status is not None and recall:
            for recipient in intake.recipients:
                _apply_status(session, recipient, intake.status, seq, now)
                seq += 1
        elif intake.status is not None:
            _apply_status(session, system_id, intake.status, seq, now)
        session.add(
            IdempotencyRecord(
                system_id=system_id,
                key=key,
                body_sha256=body_sha256,
                message_type=intake.message_type,
                answer=json.dumps(doc_ids, ensure_ascii=False),
                created_at=now,
            )
        )
        session.flush()  # an IntegrityError belongs inside the retry loop, not at commit
        return SendAnswer(doc_ids, replayed=False)

    def recall_targets(self, sender: str, report: StatusReport) -> tuple[str, ...]:
        """Who a recall (13) goes to: the recipients of the sender's document that still hold
        it (not those that rejected it, 02, or already gave it back, 15)."""
        with self._db.read() as session:
            rows = _deliveries(session, sender, report)
            targets = [r.recipient for r in rows if r.status_code not in ("02", "15")]
        if not targets:
            raise ApiError(
                PACKAGE_INVALID,
                "edXMLHeader/MessageHeader/ResponseFor: no recipient holds this document "
                f"({report.document_id or report.code}) to recall it from",
            )
        return tuple(dict.fromkeys(targets))

    def pending_for(
        self, recipient: str, message_type: str, after: int, limit: int
    ) -> tuple[list[MessageView], bool]:
        """Unacknowledged packages for ``recipient`` past the cursor, oldest first; and 'more'."""
        stmt = (
            sa.select(Message)
            .where(
                Message.recipient == recipient,
                Message.message_type == message_type,
                Message.ack_status.is_(None),
                Message.seq > after,
            )
            .order_by(Message.seq)
            .limit(limit + 1)
        )
        with self._db.read() as session:
            rows = [_view(r) for r in session.scalars(stmt)]
        return rows[:limit], len(rows) > limit

    def for_recipient(self, recipient: str, doc_id: str) -> MessageView:
        with self._db.read() as session:
            row = session.scalars(
                sa.select(Message).where(Message.doc_id == doc_id, Message.recipient == recipient)
            ).first()
            if row is None:  # someone else's package is as absent as a missing one
                raise ApiError(NOT_FOUND, f"no package {doc_id!r} for {recipient}")
            return _view(row)

    def ack(
        self, recipient: str, doc_id: str, status: str, reason: str
    ) -> tuple[MessageView, bool]:
        """Take the package off the pending list; ``True`` if it had been acknowledged already."""
        with self._db.write() as session:
            seq = allocate(session)  # first, so the row read below is the latest committed one
            row = session.scalars(
                sa.select(Message).where(Message.doc_id == doc_id, Message.recipient == recipient)
            ).first()
            if row is None:
                raise ApiError(NOT_FOUND, f"no package {doc_id!r} for {recipient}")
            if row.ack_status is not None:
                return _view(row), True
            now = utcnow()
            row.ack_status, row.ack_reason, row.acked_at = status, reason, now
            row.change_seq, row.updated_at = seq, now
            session.flush()
            return _view(row), False

    def sent_by(self, sender: str, after: int, limit: int) -> tuple[list[MessageView], bool]:
        """What ``sender`` sent whose delivery state changed past the cursor, in change order."""
        stmt = (
            sa.select(Message)
            .where(Message.sender == sender, Message.change_seq > after)
            .order_by(Message.change_seq)
            .limit(limit + 1)
        )
        with self._db.read() as session:
            rows = [_view(r) for r in session.scalars(stmt)]
        return rows[:limit], len(rows) > limit

    def pending(self, limit: int = 100) -> list[MessageView]:
        """Every unacknowledged package, newest first (the admin page)."""
        stmt = (
            sa.select(Message)
            .where(Message.ack_status.is_(None))
            .order_by(Message.seq.desc())
            .limit(limit)
        )
        with self._db.read() as session:
            return [_view(r) for r in session.scalars(stmt)]


def _replay(record: IdempotencyRecord, body_sha256: str, message_type: str) -> SendAnswer:
    if record.body_sha256 != body_sha256 or record.message_type != message_type:
        raise ApiError(
            IDEMPOTENCY_CONFLICT,
            f"Idempotency-Key {record.key!r} was used for another package",
        )
    return SendAnswer(json.loads(record.answer), replayed=True)


def _deliveries(
    session: Session, sender: str, report: StatusReport, recipient: str | None = None
) -> list[Message]:
    """The deliveries of the document ``report`` is about (by DocumentId, else by Code), the
    latest first: one per recipient, or only ``recipient``'s."""
    base = sa.select(Message).where(Message.sender == sender, Message.message_type == "edoc")
    if recipient is not None:
        base = base.where(Message.recipient == recipient)
    for column, value in (
        (Message.edxml_document_id, report.document_id),
        (Message.code, report.code),
    ):
        if value:
            rows = list(session.scalars(base.where(column == value).order_by(Message.seq.desc())))
            if rows:
                latest = {r.recipient: r for r in reversed(rows)}  # the last sent wins
                return sorted(latest.values(), key=lambda r: r.seq)
    return []


def _apply_status(
    session: Session, recipient: str, report: StatusReport, seq: int, now: datetime
) -> None:
    """Record a status on the delivery to ``recipient`` of the document it is about."""
    found = _deliveries(session, report.about_sender, report, recipient)
    if not found:
        return  # a status about something unknown still reaches its addressee
    row = found[-1]
    row.status_code = report.status_code
    row.status_description = report.description
    row.status_at = report.timestamp or now
    row.change_seq, row.updated_at = seq, now
