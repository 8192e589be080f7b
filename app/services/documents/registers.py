"""Taking the next number from a register (sổ) under a row lock; registers for a year on demand.

The number comes from ``app.domain.numbering.allocate_number`` on a snapshot read under the lock
(PostgreSQL ``SELECT … FOR UPDATE``; SQLite holds the database write lock since ``BEGIN
IMMEDIATE``), and the register's ``next_number`` is written in the caller's transaction: a number
is consumed only if that transaction commits. Secret documents use the secret registers.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.numbering import Allocation, RegisterSnapshot, allocate_number, register_year
from app.domain.types import Direction, Secrecy
from app.models import Register

_NAMES = {
    (Direction.OUTGOING, False): "Sổ văn bản đi năm {year}",
    (Direction.INCOMING, False): "Sổ văn bản đến năm {year}",
    (Direction.OUTGOING, True): "Sổ văn bản mật đi năm {year}",
    (Direction.INCOMING, True): "Sổ văn bản mật đến năm {year}",
}


def register_name(direction: Direction, secret: bool, year: int) -> str:
    return _NAMES[(direction, secret)].format(year=year)


def lock_register(
    session: Session, agency_id: int, direction: Direction, secrecy: Secrecy, year: int
) -> Register:
    """The register of that kind and year, locked for this transaction; created if missing.

    Two clerks opening the new year's register at once both insert "if absent" (ON CONFLICT DO
    NOTHING on the unique key), then both lock the one row that exists.
    """
    secret = secrecy is not Secrecy.NONE
    find = (
        sa.select(Register)
        .where(
            Register.agency_id == agency_id,
            Register.direction == direction,
            Register.secret.is_(secret),
            Register.year == year,
        )
        .order_by(Register.id)
        .limit(1)
        .with_for_update()
    )
    register = session.scalars(find).first()
    if register is not None:
        return register
    values = {
        "agency_id": agency_id,
        "direction": direction,
        "secret": secret,
        "year": year,
        "name": register_name(direction, secret, year),
        "next_number": 1,
    }
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(Register).values(**values).on_conflict_do_nothing())
    return session.scalars(find).one()


def take_number(session: Session, register: Register, moment: datetime) -> Allocation:
    """The next number of ``register`` for something numbered at ``moment`` (register year in
    Vietnam time); the register row is updated in the caller's transaction."""
    allocation = allocate_number(RegisterSnapshot(register.year, register.next_number), moment)
    register.next_number = allocation.next_number
    session.flush()
    return allocation


def number_in_register(
    session: Session,
    agency_id: int,
    direction: Direction,
    secrecy: Secrecy,
    moment: datetime,
) -> tuple[Register, Allocation]:
    """Lock this year's register (creating it) and take its next number."""
    register = lock_register(session, agency_id, direction, secrecy, register_year(moment))
    return register, take_number(session, register, moment)
