"""What the report windows offer to choose from: the local agency's registers and the units.

Small read-only queries for the GUI's combo boxes (the command line takes ids and names as
typed). Must not: format or draw.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from app.domain.types import Direction
from app.models import Assignment, Document, Person, Register
from app.services.reports.registers import local_agency
from app.services.workspace import Workspace


@dataclass(frozen=True)
class RegisterChoice:
    """One register a person may print: its id, name, year, whether secret, how many entries."""

    id: int
    direction: Direction
    name: str
    year: int
    secret: bool
    entries: int


def list_registers(
    ws: Workspace, direction: Direction, agency_code: str | None = None
) -> list[RegisterChoice]:
    """The agency's registers for ``direction``, the newest year first, ordinary before secret."""
    with ws.db.read() as session:
        agency = local_agency(session, agency_code)
        entries = (
            sa.select(sa.func.count(Document.id))
            .where(Document.register_id == Register.id, Document.register_number.is_not(None))
            .correlate(Register)
            .scalar_subquery()
        )
        rows = session.execute(
            sa.select(Register.id, Register.name, Register.year, Register.secret, entries)
            .where(Register.agency_id == agency.id, Register.direction == direction)
            .order_by(Register.year.desc(), Register.secret, Register.id)
        ).all()
    return [
        RegisterChoice(id_, direction, name, year, secret, int(count))
        for id_, name, year, secret, count in rows
    ]


def list_units(ws: Workspace) -> list[str]:
    """Every unit (phòng, ban) a person belongs to or an assignment names, sorted."""
    with ws.db.read() as session:
        people = sa.select(Person.unit.label("unit")).where(Person.unit != "")
        leads = sa.select(Assignment.lead_unit.label("unit")).where(Assignment.lead_unit != "")
        found = set(session.scalars(sa.union(people, leads)))
    return sorted(found)
