"""What the desktop should notify about: new incoming documents, urgent ones separately, and
deadlines due today (each document once per day).

``load_watch`` reads the few documents that matter (one trip to the database); ``decide`` is pure
and says which notices to show given what was already announced, kept in ``NotifyMemory``
(persisted in the data folder, so a restart neither repeats today's deadline notices nor forgets
what arrived while the program was closed). The words are the UI's business: a ``Notice`` names
its kind and its documents. Must not: show anything, or change documents.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path

import sqlalchemy as sa

from app.domain.calendar import VN_TZ, local_date
from app.domain.types import Direction, DocumentState, Urgency
from app.models import Document
from app.services.workspace import Workspace
from app.storage.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

MEMORY_FILE = "notifications.json"
# Arrived and not yet registered: what "new" means to the clerk who registers them.
NEW_STATES = frozenset({DocumentState.ARRIVED, DocumentState.VERIFIED})
# Incoming documents whose deadline still matters (the tables colour the same ones); listed
# rather than "not closed" so the (direction, state) index narrows the scan.
OPEN_STATES = frozenset(
    {
        DocumentState.ARRIVED,
        DocumentState.VERIFIED,
        DocumentState.REGISTERED,
        DocumentState.ASSIGNED,
        DocumentState.PROCESSING,
        DocumentState.QUARANTINED,
    }
)
URGENT_FROM = Urgency.VERY_URGENT  # Thượng khẩn, Hỏa tốc, Hỏa tốc hẹn giờ
WATCH_LIMIT = 200  # a notice names a few documents; the rest is a count


class NoticeKind(StrEnum):
    NEW = "new"
    URGENT = "urgent"
    DUE_TODAY = "due_today"


@dataclass(frozen=True)
class WatchedDocument:
    id: int
    code: str
    subject: str
    urgency: int
    due_at: datetime | None


@dataclass(frozen=True)
class Watch:
    """A snapshot: the arrived documents waiting to be registered, and today's deadlines."""

    today: date
    waiting: tuple[WatchedDocument, ...]  # newest first
    due_today: tuple[WatchedDocument, ...]


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    documents: tuple[WatchedDocument, ...]


@dataclass
class NotifyMemory:
    """``last_id`` is the newest incoming document already announced (None: never looked, so
    the first look only takes note); ``due_announced`` the documents whose deadline was
    announced on ``day``."""

    last_id: int | None = None
    day: date | None = None
    due_announced: set[int] = field(default_factory=set)


def load_watch(ws: Workspace, now: datetime) -> Watch:
    today = local_date(now)
    start = datetime.combine(today, time.min, tzinfo=VN_TZ)
    end = datetime.combine(today, time.max, tzinfo=VN_TZ)
    incoming = Document.direction == Direction.INCOMING
    waiting = (
        sa.select(Document)
        .where(incoming, Document.state.in_(sorted(NEW_STATES)))
        .order_by(Document.id.desc())
        .limit(WATCH_LIMIT)
    )
    due = (
        sa.select(Document)
        .where(
            incoming,
            Document.state.in_(sorted(OPEN_STATES)),
            Document.due_at.between(start, end),
        )
        .order_by(Document.due_at, Document.id)
        .limit(WATCH_LIMIT)
    )
    with ws.db.read() as session:
        return Watch(
            today=today,
            waiting=tuple(_watched(doc) for doc in session.scalars(waiting)),
            due_today=tuple(_watched(doc) for doc in session.scalars(due)),
        )


def _watched(doc: Document) -> WatchedDocument:
    return WatchedDocument(doc.id, doc.code, doc.subject, doc.urgency, doc.due_at)


def decide(watch: Watch, memory: NotifyMemory) -> tuple[list[Notice], NotifyMemory]:
    """The notices to show now (urgent first) and the memory to keep; ``memory`` is unchanged."""
    newest = max((doc.id for doc in watch.waiting), default=None)
    notices: list[Notice] = []
    last_id = memory.last_id
    if last_id is not None:
        fresh = [doc for doc in watch.waiting if doc.id > last_id]
        urgent = tuple(doc for doc in fresh if doc.urgency >= URGENT_FROM)
        plain = tuple(doc for doc in fresh if doc.urgency < URGENT_FROM)
        notices += [Notice(NoticeKind.URGENT, urgent)] if urgent else []
        notices += [Notice(NoticeKind.NEW, plain)] if plain else []
    if newest is not None:
        last_id = newest if last_id is None else max(last_id, newest)
    elif last_id is None:
        last_id = 0  # looked, nothing waiting: everything from now on is new

    announced = set(memory.due_announced) if memory.day == watch.today else set()
    due = tuple(doc for doc in watch.due_today if doc.id not in announced)
    if due:
        notices.append(Notice(NoticeKind.DUE_TODAY, due))
        announced |= {doc.id for doc in due}
    return notices, NotifyMemory(last_id, watch.today, announced)


# --- memory on disk ---------------------------------------------------------------------------
def read_memory(data_dir: Path) -> NotifyMemory:
    """What was announced before; a missing or damaged file is a first look (no flood)."""
    try:
        raw = json.loads((data_dir / MEMORY_FILE).read_text(encoding="utf-8"))
        last_id = raw.get("last_id")
        day = date.fromisoformat(raw["day"]) if raw.get("day") else None
        due = {int(i) for i in raw.get("due_announced", [])}
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return NotifyMemory()
    return NotifyMemory(last_id if isinstance(last_id, int) else None, day, due)


def write_memory(data_dir: Path, memory: NotifyMemory) -> None:
    raw = {
        "last_id": memory.last_id,
        "day": memory.day.isoformat() if memory.day else None,
        "due_announced": sorted(memory.due_announced),
    }
    try:
        atomic_write_bytes(data_dir / MEMORY_FILE, json.dumps(raw).encode())
    except OSError:  # forgetting means at worst a repeated notice
        log.warning("cannot remember the notifications shown", exc_info=True)


def check(ws: Workspace, now: datetime) -> list[Notice]:
    """One look: load, decide, remember. For the worker thread."""
    notices, memory = decide(load_watch(ws, now), read_memory(ws.data_dir))
    write_memory(ws.data_dir, memory)
    return notices
