"""The database: SQLAlchemy 2 typed mappings, Alembic migrations and the unit of work.

SQLite (WAL, synchronous=FULL, foreign keys on) by default, PostgreSQL through a URL. Only tables,
sessions and the append-only audit chain live here; the rules about what may change when live in
``app.domain`` and ``app.services``. No Qt, no network, no PDF work.
"""

from app.models.audit import AuditEvent, AuditHead
from app.models.base import Base
from app.models.documents import (
    Assignment,
    AssignmentCoHandler,
    Delivery,
    Document,
    DocumentFile,
    Register,
    Signature,
)
from app.models.org import Agency, Person
from app.models.sync import InboxItem, OutboxMessage, SyncState

__all__ = [
    "Agency",
    "Assignment",
    "AssignmentCoHandler",
    "AuditEvent",
    "AuditHead",
    "Base",
    "Delivery",
    "Document",
    "DocumentFile",
    "InboxItem",
    "OutboxMessage",
    "Person",
    "Register",
    "Signature",
    "SyncState",
]
