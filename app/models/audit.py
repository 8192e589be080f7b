"""The audit log: append-only (database triggers refuse UPDATE and DELETE) and hash-chained.

Each event's hash covers its id, time, actor, action, subject, data and the previous event's hash,
so editing, deleting or swapping rows directly in the database breaks the chain at that row.
``audit_head`` holds the last id and hash, written in the same transaction as each append, so
cutting events off the end is seen too. Appends serialise on the head row (FOR UPDATE on
PostgreSQL; SQLite write transactions are already exclusive).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.models.base import Base

GENESIS = "0" * 64
HEAD_ID = 1


class AuditEvent(Base):
    __tablename__ = "audit_events"

    # Assigned by ``append_event`` (previous id + 1), not by the database, so ids have no gaps.
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(sa.String(32))  # ISO 8601 UTC text: hashed exactly as stored
    actor: Mapped[str] = mapped_column(sa.String(64), default="")
    action: Mapped[str] = mapped_column(sa.String(64))
    entity_type: Mapped[str] = mapped_column(sa.String(32), default="")
    entity_id: Mapped[str] = mapped_column(sa.String(64), default="")
    data: Mapped[str] = mapped_column(sa.Text, default="{}")  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(sa.String(64))
    hash: Mapped[str] = mapped_column(sa.String(64))

    def payload(self) -> dict[str, Any]:
        loaded = json.loads(self.data)
        return loaded if isinstance(loaded, dict) else {}


class AuditHead(Base):
    """One row: the id and hash of the last event."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(default=0)
    last_hash: Mapped[str] = mapped_column(sa.String(64), default=GENESIS)


def canonical_json(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def event_hash(
    *,
    id: int,
    at: str,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    data: str,
    prev_hash: str,
) -> str:
    fields = [str(id), at, actor, action, entity_type, entity_id, data, prev_hash]
    # Length-prefix each field so no two different rows can serialise to the same bytes.
    blob = "".join(f"{len(f)}:{f}" for f in fields).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def _lock_head(session: Session) -> AuditHead:
    head = session.execute(
        sa.select(AuditHead).where(AuditHead.id == HEAD_ID).with_for_update()
    ).scalar_one_or_none()
    if head is None:
        head = AuditHead(id=HEAD_ID, last_id=0, last_hash=GENESIS)
        session.add(head)
        session.flush()
    return head


def append_event(
    session: Session,
    action: str,
    *,
    actor: str = "",
    entity_type: str = "",
    entity_id: str | int = "",
    data: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Add one event to the chain inside the caller's transaction (commit is the caller's)."""
    head = _lock_head(session)
    when = (at or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="microseconds")
    fields: dict[str, Any] = {
        "id": head.last_id + 1,
        "at": when,
        "actor": actor,
        "action": action,
        "entity_type": entity_type,
        "entity_id": str(entity_id),
        "data": canonical_json(data or {}),
        "prev_hash": head.last_hash,
    }
    event = AuditEvent(**fields, hash=event_hash(**fields))
    session.add(event)
    head.last_id = event.id
    head.last_hash = event.hash
    # No flush of its own: the id is set here and the head stays in the identity map, so the
    # next event (its locking SELECT autoflushes) or the commit writes both; one flush less
    # per received package.
    return event


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_bad_id: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None


def verify_chain(session: Session, batch: int = 5000) -> ChainReport:
    """Walk the chain in id order and name the first event that does not fit."""
    expected_prev = GENESIS
    expected_id = 1
    checked = 0
    last_id = 0
    columns = (
        AuditEvent.id,
        AuditEvent.at,
        AuditEvent.actor,
        AuditEvent.action,
        AuditEvent.entity_type,
        AuditEvent.entity_id,
        AuditEvent.data,
        AuditEvent.prev_hash,
        AuditEvent.hash,
    )
    while True:
        # Plain column tuples in batches: a million events never sit in the identity map.
        rows = session.execute(
            sa.select(*columns).where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(batch)
        ).all()
        if not rows:
            break
        for ev_id, at, actor, action, etype, eid, data, prev, stored_hash in rows:
            checked += 1
            if ev_id != expected_id:
                return ChainReport(checked, expected_id, f"event {expected_id} is missing")
            if prev != expected_prev:
                return ChainReport(checked, ev_id, "does not link to the event before it")
            recomputed = event_hash(
                id=ev_id,
                at=at,
                actor=actor,
                action=action,
                entity_type=etype,
                entity_id=eid,
                data=data,
                prev_hash=prev,
            )
            if recomputed != stored_hash:
                return ChainReport(checked, ev_id, "its content was changed after it was written")
            expected_prev = stored_hash
            expected_id += 1
            last_id = ev_id
    head = session.get(AuditHead, HEAD_ID)
    head_id, head_hash = (head.last_id, head.last_hash) if head else (0, GENESIS)
    if head_id != last_id or head_hash != expected_prev:
        first_missing = last_id + 1 if head_id > last_id else last_id
        return ChainReport(checked, first_missing, "events were removed from the end of the log")
    return ChainReport(checked, None, "")
