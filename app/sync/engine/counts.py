"""What the status bar shows: how much waits and since when, what failed, what arrived today,
whether the platform answers, and the "stuck" list that must not be missed.

An item is stuck when a person has to act: the platform refused it (4xx), it has been failing
for over an hour, it waits behind a refused document package, or a received package cannot be
taken in. Read-only queries; the engine logs each stuck item at WARNING once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from app.domain.types import InboxState, OutboxState
from app.models import InboxItem, OutboxMessage
from app.sync.engine.state import LAST_SUCCESS, get_time

STUCK_AFTER = timedelta(hours=1)
_BEHIND_REFUSED = "chờ gói văn bản đã bị từ chối (its document package was refused)"
_VN = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class StuckItem:
    kind: str  # outbox | inbox | platform
    id: int | str
    document_id: int | None
    reason: str

    @property
    def key(self) -> str:
        """Identity for "warned once": the item, not its reason (a retry rewords the error)."""
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class SyncCounts:
    waiting: int
    oldest_waiting_since: datetime | None
    failed: int
    received_today: int
    last_success: datetime | None
    online: bool | None  # None: not checked yet
    stuck: tuple[StuckItem, ...] = ()


def start_of_day(now: datetime) -> datetime:
    """Midnight of today in Vietnam (the offices' day), as an aware datetime."""
    local = now.astimezone(_VN)
    return datetime.combine(local.date(), time(0), tzinfo=_VN)


def _outbox_stuck(session: Session, now: datetime) -> list[StuckItem]:
    stuck = [
        StuckItem("outbox", i, d, e or "bị từ chối (refused)")
        for i, d, e in session.execute(
            sa.select(OutboxMessage.id, OutboxMessage.document_id, OutboxMessage.last_error)
            .where(OutboxMessage.state == OutboxState.FAILED)
            .order_by(OutboxMessage.id)
        )
    ]
    stuck += [
        StuckItem("outbox", i, d, f"chờ quá 1 giờ (waiting over an hour): {e}")
        for i, d, e in session.execute(
            sa.select(OutboxMessage.id, OutboxMessage.document_id, OutboxMessage.last_error)
            .where(
                OutboxMessage.state == OutboxState.PENDING,
                OutboxMessage.attempts > 0,
                OutboxMessage.last_error != "",
                OutboxMessage.created_at < now - STUCK_AFTER,
            )
            .order_by(OutboxMessage.id)
        )
    ]
    refused = aliased(OutboxMessage)
    behind = sa.exists(
        sa.select(refused.id).where(
            refused.document_id == OutboxMessage.document_id,
            refused.id < OutboxMessage.id,
            refused.state == OutboxState.FAILED,
            refused.message_type == "edoc",
        )
    )
    stuck += [
        StuckItem(
            "outbox", i, d, "chờ gói văn bản đã bị từ chối (its document package was refused)"
        )
        for i, d in session.execute(
            sa.select(OutboxMessage.id, OutboxMessage.document_id)
            .where(OutboxMessage.state == OutboxState.PENDING, behind)
            .order_by(OutboxMessage.id)
        )
    ]
    return stuck


def _inbox_stuck(session: Session) -> list[StuckItem]:
    return [
        StuckItem("inbox", s, d, e)
        for s, d, e in session.execute(
            sa.select(InboxItem.server_doc_id, InboxItem.document_id, InboxItem.error)
            .where(InboxItem.state == InboxState.LISTED, InboxItem.error != "")
            .order_by(InboxItem.id)
        )
    ]


def read_counts(
    session: Session, now: datetime, online: bool | None, problems: tuple[StuckItem, ...] = ()
) -> SyncCounts:
    pending = OutboxMessage.state == OutboxState.PENDING
    waiting, oldest = session.execute(
        sa.select(sa.func.count(OutboxMessage.id), sa.func.min(OutboxMessage.created_at)).where(
            pending
        )
    ).one()
    failed = session.scalar(
        sa.select(sa.func.count(OutboxMessage.id)).where(OutboxMessage.state == OutboxState.FAILED)
    )
    # Distinct documents: a package imported from a file has a second inbox row of its own.
    today = session.scalar(
        sa.select(sa.func.count(sa.distinct(InboxItem.document_id))).where(
            InboxItem.message_type == "edoc",
            InboxItem.document_id.is_not(None),
            InboxItem.state.in_([InboxState.STORED, InboxState.ACKED]),
            InboxItem.received_at >= start_of_day(now),
        )
    )
    oldest_at = oldest if oldest is None or oldest.tzinfo else oldest.replace(tzinfo=now.tzinfo)
    stuck = (*problems, *_outbox_stuck(session, now), *_inbox_stuck(session))
    return SyncCounts(
        waiting=int(waiting or 0),
        oldest_waiting_since=oldest_at,
        failed=int(failed or 0),
        received_today=int(today or 0),
        last_success=get_time(session, LAST_SUCCESS),
        online=online,
        stuck=tuple(stuck),
    )
