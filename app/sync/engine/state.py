"""Small named values the engine keeps in ``sync_state``: the inbox cursors, the last good sync.

Every write happens in the caller's transaction, so a cursor commits with the rows it covers.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app.models import SyncState

LAST_SUCCESS = "sync.last_success"


def cursor_key(message_type: str) -> str:
    return f"inbox.cursor.{message_type}"


def get_value(session: Session, key: str) -> str | None:
    row = session.get(SyncState, key)
    return row.value if row is not None and row.value else None


def set_value(session: Session, key: str, value: str, now: datetime) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value, updated_at=now))
    elif row.value != value:
        row.value, row.updated_at = value, now


def get_time(session: Session, key: str) -> datetime | None:
    value = get_value(session, key)
    return datetime.fromisoformat(value) if value else None
