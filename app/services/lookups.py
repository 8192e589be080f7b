"""Read-only lookups for forms: the local people, the agencies to send to, and the number the
incoming register will give next (a preview: another clerk may take it first; registering
allocates the real one). Snapshots only; no writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from app.domain.numbering import register_year
from app.domain.types import Direction, Role, Secrecy
from app.models import Agency, Person, Register
from app.services.workspace import Workspace


@dataclass(frozen=True)
class PersonOption:
    username: str
    full_name: str
    role: Role
    position: str
    unit: str


@dataclass(frozen=True)
class AgencyOption:
    code: str
    name: str


def local_people(ws: Workspace) -> list[PersonOption]:
    """The active people of the local agency, by name."""
    stmt = (
        sa.select(Person)
        .join(Agency, Agency.id == Person.agency_id)
        .where(Person.active.is_(True), Agency.is_local.is_(True))
        .order_by(Person.full_name)
    )
    with ws.db.read() as s:
        return [
            PersonOption(p.username, p.full_name, p.role, p.position, p.unit)
            for p in s.scalars(stmt)
        ]


def peer_agencies(ws: Workspace) -> list[AgencyOption]:
    """The agencies a document can be sent to (every one but ours), by name."""
    stmt = (
        sa.select(Agency.code, Agency.name).where(Agency.is_local.is_(False)).order_by(Agency.name)
    )
    with ws.db.read() as s:
        return [AgencyOption(code, name) for code, name in s.execute(stmt)]


def next_incoming_number(ws: Workspace, secrecy: Secrecy, now: datetime | None = None) -> int:
    """The số đến the next registration will most likely take (1 for a new year's register)."""
    year = register_year(now or datetime.now(UTC))
    stmt = (
        sa.select(Register.next_number)
        .join(Agency, Agency.id == Register.agency_id)
        .where(
            Agency.is_local.is_(True),
            Register.direction == Direction.INCOMING,
            Register.secret.is_(secrecy is not Secrecy.NONE),
            Register.year == year,
        )
        .order_by(Register.id)
        .limit(1)
    )
    with ws.db.read() as s:
        return int(s.scalar(stmt) or 1)
