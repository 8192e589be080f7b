"""Every (direction, state, action, role) against an explicit table written from DOMAIN.md.

Anything not listed must be refused: PermissionDenied when the role may never do the action,
InvalidTransition when the role may but not in that state, InvalidInput for a state of the other
life cycle.
"""

from __future__ import annotations

import itertools

import pytest

from app.domain.roles import Action
from app.domain.status_codes import BusinessDocType, ChangeRequest, StatusCode
from app.domain.types import Direction, DocumentState, Role
from app.domain.workflow import Quarantine, Transition, allowed_actions, transition
from app.errors import InvalidInput, InvalidTransition, PermissionDenied

S, A, R, C = DocumentState, Action, Role, StatusCode
OUT, IN = Direction.OUTGOING, Direction.INCOMING

# Who may do what (the brief's list), written out again on purpose.
MAY: dict[Role, set[Action]] = {
    R.LEADER: {A.SIGN, A.RETURN, A.ASSIGN, A.CANCEL, A.PRINT},
    R.CLERK: {
        A.VERIFY,
        A.REGISTER,
        A.REJECT,
        A.NUMBER,
        A.ISSUE,
        A.SEND,
        A.CANCEL,
        A.RECALL,
        A.UPDATE,
        A.REPLACE,
        A.AGREE,
        A.REFUSE,
        A.PRINT_REGISTERS,
        A.CONFIRM_PAPER_COPY,
        A.FORWARD,
        A.PRINT,
        A.COPY,
    },
    R.SPECIALIST: {A.DRAFT, A.SUBMIT, A.PROCESS, A.RECORD_PROGRESS, A.COMPLETE, A.PRINT},
    R.ADMIN: {A.SETTINGS},
}

STATES_OF = {
    OUT: {S.DRAFT, S.SUBMITTED, S.RETURNED, S.SIGNED, S.ISSUED, S.SENT, S.CANCELLED},
    IN: {
        S.ARRIVED,
        S.VERIFIED,
        S.REJECTED,
        S.REGISTERED,
        S.ASSIGNED,
        S.PROCESSING,
        S.COMPLETED,
        S.QUARANTINED,
        S.CANCELLED,
    },
}

# The quarantine used for every QUARANTINED row: a recall that arrived while REGISTERED.
PENDING = Quarantine(S.REGISTERED, ChangeRequest.RECALL)

# (direction, state, action, role) → (new state, status to send, package to send)
ALLOWED: dict[
    tuple[Direction, DocumentState, Action, Role],
    tuple[DocumentState, StatusCode | None, BusinessDocType | None],
] = {
    (OUT, S.DRAFT, A.SUBMIT, R.SPECIALIST): (S.SUBMITTED, None, None),
    (OUT, S.RETURNED, A.SUBMIT, R.SPECIALIST): (S.SUBMITTED, None, None),
    (OUT, S.SUBMITTED, A.RETURN, R.LEADER): (S.RETURNED, None, None),
    (OUT, S.SUBMITTED, A.SIGN, R.LEADER): (S.SIGNED, None, None),
    (OUT, S.SIGNED, A.ISSUE, R.CLERK): (S.ISSUED, None, None),
    (OUT, S.ISSUED, A.SEND, R.CLERK): (S.SENT, None, None),
    (OUT, S.ISSUED, A.CANCEL, R.CLERK): (S.CANCELLED, None, None),
    (OUT, S.ISSUED, A.CANCEL, R.LEADER): (S.CANCELLED, None, None),
    (OUT, S.SENT, A.RECALL, R.CLERK): (S.SENT, C.RECALL_REQUESTED, None),
    (OUT, S.SENT, A.UPDATE, R.CLERK): (S.SENT, None, BusinessDocType.UPDATE),
    (OUT, S.SENT, A.REPLACE, R.CLERK): (S.SENT, None, BusinessDocType.REPLACE),
    (IN, S.ARRIVED, A.VERIFY, R.CLERK): (S.VERIFIED, None, None),
    (IN, S.ARRIVED, A.REJECT, R.CLERK): (S.REJECTED, C.REJECTED, None),
    (IN, S.VERIFIED, A.REJECT, R.CLERK): (S.REJECTED, C.REJECTED, None),
    (IN, S.VERIFIED, A.REGISTER, R.CLERK): (S.REGISTERED, C.ACCEPTED, None),
    (IN, S.REGISTERED, A.ASSIGN, R.LEADER): (S.ASSIGNED, C.ASSIGNED, None),
    (IN, S.ASSIGNED, A.ASSIGN, R.LEADER): (S.ASSIGNED, C.ASSIGNED, None),
    (IN, S.PROCESSING, A.ASSIGN, R.LEADER): (S.ASSIGNED, C.ASSIGNED, None),
    (IN, S.ASSIGNED, A.PROCESS, R.SPECIALIST): (S.PROCESSING, C.PROCESSING, None),
    (IN, S.PROCESSING, A.RECORD_PROGRESS, R.SPECIALIST): (S.PROCESSING, None, None),
    (IN, S.ASSIGNED, A.COMPLETE, R.SPECIALIST): (S.COMPLETED, C.COMPLETED, None),
    (IN, S.PROCESSING, A.COMPLETE, R.SPECIALIST): (S.COMPLETED, C.COMPLETED, None),
    (IN, S.QUARANTINED, A.AGREE, R.CLERK): (S.CANCELLED, C.AGREED, None),
    (IN, S.QUARANTINED, A.REFUSE, R.CLERK): (S.REGISTERED, C.REFUSED, None),
}

CASES = list(itertools.product(Direction, DocumentState, Action, Role))


def test_the_table_only_uses_permitted_roles() -> None:
    for _, _, action, role in ALLOWED:
        assert action in MAY[role]


@pytest.mark.parametrize(("direction", "state", "action", "role"), CASES)
def test_every_combination(
    direction: Direction, state: DocumentState, action: Action, role: Role
) -> None:
    def attempt() -> Transition:
        return transition(direction, state, action, role, reason="Lý do", pending=PENDING)

    if state not in STATES_OF[direction]:
        with pytest.raises(InvalidInput):
            attempt()
    elif (direction, state, action, role) in ALLOWED:
        new_state, status, package = ALLOWED[direction, state, action, role]
        result = attempt()
        assert (result.new_state, result.status_code_to_send, result.package_type) == (
            new_state,
            status,
            package,
        )
        assert result.audit_action.startswith(f"{direction.value}.{action.value}")
    elif action not in MAY[role]:
        with pytest.raises(PermissionDenied):
            attempt()
    else:
        with pytest.raises(InvalidTransition):
            attempt()


@pytest.mark.parametrize(
    ("direction", "state", "role"),
    [(d, s, r) for d in Direction for s in sorted(STATES_OF[d]) for r in Role],
)
def test_allowed_actions_matches_the_table(
    direction: Direction, state: DocumentState, role: Role
) -> None:
    expected = {a for (d, s, a, r) in ALLOWED if (d, s, r) == (direction, state, role)}
    got = allowed_actions(direction, state, role)
    assert set(got) == expected
    assert list(got) == [a for a in Action if a in expected]  # stable button order
