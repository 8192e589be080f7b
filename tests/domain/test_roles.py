"""Who may do what."""

from __future__ import annotations

import itertools

import pytest

from app.domain.roles import ACTION_LABELS, ROLE_ACTIONS, Action, can, require
from app.domain.types import Role
from app.errors import PermissionDenied

from .test_workflow_table import MAY


@pytest.mark.parametrize(("role", "action"), list(itertools.product(Role, Action)))
def test_every_role_and_action(role: Role, action: Action) -> None:
    assert can(role, action) is (action in MAY[role])
    if action in MAY[role]:
        require(role, action)
    else:
        with pytest.raises(PermissionDenied):
            require(role, action)


def test_several_roles_add_up() -> None:
    assert can([Role.SPECIALIST, Role.CLERK], Action.ISSUE)
    require({Role.LEADER, Role.SPECIALIST}, Action.DRAFT)
    with pytest.raises(PermissionDenied):
        require([], Action.PRINT)


def test_the_administrator_does_no_document_work() -> None:
    assert ROLE_ACTIONS[Role.ADMIN] == {Action.SETTINGS}
    assert not any(Action.SETTINGS in ROLE_ACTIONS[r] for r in Role if r is not Role.ADMIN)


def test_every_action_has_a_vietnamese_label() -> None:
    assert set(ACTION_LABELS) == set(Action)
