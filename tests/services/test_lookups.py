"""The forms' lookups: local people, peer agencies, the next incoming number."""

from __future__ import annotations

from app.domain.types import Role, Secrecy
from app.services.lookups import local_people, next_incoming_number, peer_agencies
from app.services.workspace import Workspace
from tests.services.conftest import NOW, PEER, PEER2


def test_local_people_with_roles(ws: Workspace) -> None:
    people = local_people(ws)  # by name; the order of "Ầ" and "Đ" is the database's collation
    assert sorted(p.username for p in people) == ["cv", "cv2", "ld", "qt", "vt"]
    assert {p.username: p.role for p in people}["ld"] is Role.LEADER


def test_peer_agencies_exclude_ours(ws: Workspace) -> None:
    assert [a.code for a in peer_agencies(ws)] == [PEER, PEER2]


def test_next_incoming_number_starts_at_one(ws: Workspace) -> None:
    assert next_incoming_number(ws, Secrecy.NONE, NOW) == 1
    assert next_incoming_number(ws, Secrecy.MAT, NOW) == 1
