"""Read-only loads the main window needs, run on the task runner's "db" executor (never the GUI
thread). Each returns a frozen snapshot.

TODO(lead): ``local_agency_name`` belongs in ``app.services`` once a service reads agencies.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from app.domain.queues import Queue
from app.models import Agency
from app.services.queues import queue_counts
from app.services.workspace import Workspace


@dataclass(frozen=True)
class Overview:
    agency_name: str  # empty when the workspace has no local agency yet
    counts: dict[Queue, int]


def local_agency_name(ws: Workspace) -> str:
    stmt = sa.select(Agency.name).where(Agency.is_local.is_(True)).order_by(Agency.id).limit(1)
    with ws.db.read() as session:
        return session.scalar(stmt) or ""


def load_overview(ws: Workspace) -> Overview:
    """The agency name for the title and the sidebar counts, in one trip to the executor."""
    return Overview(agency_name=local_agency_name(ws), counts=queue_counts(ws))
