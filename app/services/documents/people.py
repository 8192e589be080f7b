"""Who is acting: a simple local sign-in by username, and setting up agencies and people.

The command line names the person with ``--as USERNAME`` (or ``VBDT_USER``); the GUI will ask at
start-up. There is no password yet: the workspace is a single office's own data folder, and the
audit log records every act under the name given. Must not: decide what a role may do (that is
``app.domain.roles``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.domain.types import Role
from app.errors import InvalidInput, NotFound, PermissionDenied
from app.models import Agency, Person
from app.services.workspace import Workspace

USER_ENV = "VBDT_USER"


@dataclass(frozen=True)
class Actor:
    """A signed-in person, as the services need them (a snapshot, not an ORM object)."""

    person_id: int
    username: str
    full_name: str
    role: Role
    agency_id: int
    position: str
    unit: str


def username_from(explicit: str | None, environ: Mapping[str, str] | None = None) -> str:
    """``--as`` wins, else ``VBDT_USER``; nobody is assumed when neither is given."""
    env = os.environ if environ is None else environ
    name = (explicit or env.get(USER_ENV, "")).strip()
    if not name:
        raise InvalidInput(
            f"Cần cho biết ai thực hiện: --as TÊN_ĐĂNG_NHẬP hoặc biến môi trường {USER_ENV} "
            f"(no acting person: pass --as USERNAME or set {USER_ENV})"
        )
    return name


def actor_in(session: Session, username: str) -> Actor:
    """The active person ``username`` in this session; NotFound / PermissionDenied otherwise."""
    person = session.scalars(sa.select(Person).where(Person.username == username)).first()
    if person is None:
        raise NotFound(
            f"Không có người dùng «{username}» (unknown username {username!r})",
            username=username,
        )
    if not person.active:
        raise PermissionDenied(
            f"Tài khoản «{username}» đã bị khóa (account {username!r} is inactive)",
            username=username,
        )
    return Actor(
        person.id,
        person.username,
        person.full_name,
        person.role,
        person.agency_id,
        person.position,
        person.unit,
    )


def sign_in(ws: Workspace, username: str) -> Actor:
    """Check that ``username`` may act in this workspace and return who they are."""
    with ws.db.read() as session:
        return actor_in(session, username)


def person_by_username(session: Session, username: str) -> Person:
    """A person named in a command (a handler, a co-handler), active or not found."""
    person = session.scalars(sa.select(Person).where(Person.username == username)).first()
    if person is None or not person.active:
        raise NotFound(
            f"Không có người dùng «{username}» (unknown username {username!r})",
            username=username,
        )
    return person


def ensure_agency(
    ws: Workspace,
    code: str,
    name: str,
    *,
    short_name: str = "",
    local: bool = False,
    address: str = "",
) -> int:
    """The id of the agency ``code``, created when missing (setting up a workspace, tests)."""
    with ws.db.write() as session:
        agency = session.scalars(sa.select(Agency).where(Agency.code == code)).first()
        if agency is None:
            agency = Agency(code=code, name=name, short_name=short_name, address=address)
            session.add(agency)
        agency.is_local = agency.is_local or local
        session.flush()
        return agency.id


def add_person(
    ws: Workspace,
    username: str,
    full_name: str,
    role: Role,
    *,
    agency_code: str | None = None,
    position: str = "",
    unit: str = "",
) -> Actor:
    """Add a person to the local agency (or ``agency_code``); a username is used once."""
    with ws.db.write() as session:
        if session.scalars(sa.select(Person.id).where(Person.username == username)).first():
            raise InvalidInput(
                f"Tên đăng nhập «{username}» đã có (username {username!r} exists)",
                username=username,
            )
        query = sa.select(Agency.id).order_by(Agency.id).limit(1)
        query = (
            query.where(Agency.code == agency_code)
            if agency_code
            else query.where(Agency.is_local.is_(True))
        )
        agency_id = session.scalar(query)
        if agency_id is None:
            raise NotFound("Chưa có cơ quan để thêm người dùng (no such agency)")
        person = Person(
            agency_id=agency_id,
            username=username,
            full_name=full_name,
            role=role,
            position=position,
            unit=unit,
        )
        session.add(person)
        session.flush()
        return actor_in(session, username)
