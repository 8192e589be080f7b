"""Workflow rules beyond the table: reasons, secrecy, paper documents, recalls and quarantine."""

from __future__ import annotations

import pytest

from app.domain.roles import Action
from app.domain.status_codes import ChangeRequest, StatusCode
from app.domain.types import Direction, DocumentState, Role, Secrecy
from app.domain.workflow import (
    QUARANTINABLE,
    REASON_REQUIRED,
    Quarantine,
    Transition,
    allowed_actions,
    check_act,
    create_draft,
    quarantine,
    receive,
    transition,
)
from app.errors import InvalidInput, InvalidTransition, PermissionDenied, SecrecyViolation

S, A, R, C = DocumentState, Action, Role, StatusCode
OUT, IN = Direction.OUTGOING, Direction.INCOMING
SECRET = [Secrecy.MAT, Secrecy.TOI_MAT, Secrecy.TUYET_MAT]


def test_outgoing_life_cycle() -> None:
    steps = [
        (S.DRAFT, A.SUBMIT, R.SPECIALIST, None),
        (S.SUBMITTED, A.RETURN, R.LEADER, "Sửa trích yếu"),
        (S.RETURNED, A.SUBMIT, R.SPECIALIST, None),
        (S.SUBMITTED, A.SIGN, R.LEADER, None),
        (S.SIGNED, A.ISSUE, R.CLERK, None),
        (S.ISSUED, A.SEND, R.CLERK, None),
    ]
    state = create_draft(R.SPECIALIST).new_state
    visited = [state]
    for expected, action, role, reason in steps:
        assert state is expected
        state = transition(OUT, state, action, role, reason=reason).new_state
        visited.append(state)
    assert visited == [S.DRAFT, S.SUBMITTED, S.RETURNED, S.SUBMITTED, S.SIGNED, S.ISSUED, S.SENT]


def test_incoming_life_cycle_sends_01_03_04_05_06() -> None:
    start = receive()
    assert (start.new_state, start.status_code_to_send) == (S.ARRIVED, C.ARRIVED)
    sent = [start.status_code_to_send]
    state = start.new_state
    for action, role in [
        (A.VERIFY, R.CLERK),
        (A.REGISTER, R.CLERK),
        (A.ASSIGN, R.LEADER),
        (A.PROCESS, R.SPECIALIST),
        (A.RECORD_PROGRESS, R.SPECIALIST),
        (A.COMPLETE, R.SPECIALIST),
    ]:
        step = transition(IN, state, action, role)
        state = step.new_state
        sent.append(step.status_code_to_send)
    assert state is S.COMPLETED
    assert [c for c in sent if c] == ["01", "03", "04", "05", "06"]


def test_paper_documents_send_no_status() -> None:
    assert receive(via_platform=False).status_code_to_send is None
    step = transition(IN, S.VERIFIED, A.REGISTER, R.CLERK, via_platform=False)
    assert step == Transition(S.REGISTERED, "incoming.register", None)


def test_create_draft_is_for_specialists() -> None:
    assert create_draft(R.SPECIALIST) == Transition(S.DRAFT, "outgoing.draft")
    for role in (R.LEADER, R.CLERK, R.ADMIN):
        with pytest.raises(PermissionDenied):
            create_draft(role)


# --- reasons -------------------------------------------------------------------------------------
REASON_CASES = [
    (OUT, S.SUBMITTED, A.RETURN, R.LEADER),
    (OUT, S.ISSUED, A.CANCEL, R.CLERK),
    (OUT, S.SENT, A.RECALL, R.CLERK),
    (OUT, S.SENT, A.UPDATE, R.CLERK),
    (OUT, S.SENT, A.REPLACE, R.CLERK),
    (IN, S.ARRIVED, A.REJECT, R.CLERK),
    (IN, S.QUARANTINED, A.REFUSE, R.CLERK),
]


def test_reason_cases_cover_every_reason_action() -> None:
    assert {case[2] for case in REASON_CASES} == REASON_REQUIRED


@pytest.mark.parametrize(("direction", "state", "action", "role"), REASON_CASES)
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_a_reason_is_required(
    direction: Direction, state: DocumentState, action: Action, role: Role, reason: str | None
) -> None:
    pending = Quarantine(S.ASSIGNED, ChangeRequest.RECALL)
    with pytest.raises(InvalidInput):
        transition(direction, state, action, role, reason=reason, pending=pending)


# --- secrecy -------------------------------------------------------------------------------------
@pytest.mark.parametrize("secrecy", SECRET)
@pytest.mark.parametrize(
    ("state", "action"),
    [(S.ISSUED, A.SEND), (S.SENT, A.RECALL), (S.SENT, A.UPDATE), (S.SENT, A.REPLACE)],
)
def test_secret_documents_never_reach_the_platform(
    secrecy: Secrecy, state: DocumentState, action: Action
) -> None:
    with pytest.raises(SecrecyViolation) as caught:
        transition(OUT, state, action, R.CLERK, reason="x", secrecy=secrecy)
    assert "không được gửi qua trục liên thông" in caught.value.message


@pytest.mark.parametrize("secrecy", SECRET)
def test_secret_documents_are_still_signed_issued_and_cancelled(secrecy: Secrecy) -> None:
    assert transition(OUT, S.SUBMITTED, A.SIGN, R.LEADER, secrecy=secrecy).new_state is S.SIGNED
    assert transition(OUT, S.SIGNED, A.ISSUE, R.CLERK, secrecy=secrecy).new_state is S.ISSUED
    assert allowed_actions(OUT, S.ISSUED, R.CLERK, secrecy=secrecy) == (A.CANCEL,)
    assert allowed_actions(OUT, S.ISSUED, R.CLERK) == (A.SEND, A.CANCEL)


# --- recall, update, replace ---------------------------------------------------------------------
@pytest.mark.parametrize("state", sorted(QUARANTINABLE))
@pytest.mark.parametrize("change", list(ChangeRequest))
def test_a_request_quarantines_and_refusal_restores(
    state: DocumentState, change: ChangeRequest
) -> None:
    held = quarantine(state, change)
    assert held.new_state is S.QUARANTINED
    assert held.status_code_to_send is None
    assert held.quarantine == Quarantine(state, change)
    assert held.audit_action == f"incoming.quarantine.{change.value}"
    refused = transition(
        IN, S.QUARANTINED, A.REFUSE, R.CLERK, reason="Đã xử lý", pending=held.quarantine
    )
    assert (refused.new_state, refused.status_code_to_send) == (state, C.REFUSED)
    assert refused.audit_action == f"incoming.refuse.{change.value}"


@pytest.mark.parametrize(
    ("change", "after"),
    [
        (ChangeRequest.RECALL, S.CANCELLED),
        (ChangeRequest.REPLACE, S.CANCELLED),
        (ChangeRequest.UPDATE, S.PROCESSING),
    ],
)
def test_agreeing(change: ChangeRequest, after: DocumentState) -> None:
    pending = quarantine(S.PROCESSING, change).quarantine
    agreed = transition(IN, S.QUARANTINED, A.AGREE, R.CLERK, pending=pending)
    assert (agreed.new_state, agreed.status_code_to_send) == (after, C.AGREED)


@pytest.mark.parametrize("state", [S.REJECTED, S.QUARANTINED, S.CANCELLED])
def test_what_cannot_be_quarantined(state: DocumentState) -> None:
    with pytest.raises(InvalidTransition):
        quarantine(state, ChangeRequest.RECALL)


def test_outgoing_states_cannot_be_quarantined() -> None:
    with pytest.raises(InvalidInput):
        quarantine(S.SENT, ChangeRequest.RECALL)


def test_answering_needs_the_pending_request() -> None:
    with pytest.raises(InvalidInput):
        transition(IN, S.QUARANTINED, A.AGREE, R.CLERK)


def test_quarantine_blocks_forwarding_signing_copying_and_printing() -> None:
    for action in (A.FORWARD, A.PRINT, A.COPY):
        check_act(IN, S.REGISTERED, action, R.CLERK)
        with pytest.raises(InvalidTransition):
            check_act(IN, S.QUARANTINED, action, R.CLERK)
    with pytest.raises(InvalidTransition):
        check_act(IN, S.QUARANTINED, A.SIGN, R.LEADER)
    with pytest.raises(PermissionDenied):
        check_act(IN, S.REGISTERED, A.FORWARD, R.SPECIALIST)
    assert allowed_actions(IN, S.QUARANTINED, R.CLERK) == (A.AGREE, A.REFUSE)
    assert allowed_actions(IN, S.QUARANTINED, R.LEADER) == ()


# --- messages ------------------------------------------------------------------------------------
def test_invalid_transition_names_state_and_action_in_both_languages() -> None:
    with pytest.raises(InvalidTransition) as caught:
        transition(OUT, S.DRAFT, A.SIGN, R.LEADER)
    error = caught.value
    assert "«Duyệt và ký»" in error.message and "«Dự thảo»" in error.message
    assert "cannot sign an outgoing document in state draft" in error.message
    assert error.params["state"] == "draft" and error.params["action"] == "sign"
    assert error.code == "invalid_transition"


def test_permission_denied_names_role_and_action() -> None:
    with pytest.raises(PermissionDenied) as caught:
        transition(OUT, S.SUBMITTED, A.SIGN, R.SPECIALIST)
    assert "Chuyên viên" in caught.value.message and "Duyệt và ký" in caught.value.message
    assert caught.value.params == {"roles": ["specialist"], "action": "sign"}


def test_a_bad_quarantine_context_is_refused() -> None:
    bogus = Quarantine(S.QUARANTINED, ChangeRequest.RECALL)
    with pytest.raises(InvalidInput):
        transition(IN, S.QUARANTINED, A.REFUSE, R.CLERK, reason="x", pending=bogus)


def test_a_person_with_several_roles() -> None:
    both = [R.SPECIALIST, R.CLERK]
    assert transition(OUT, S.ISSUED, A.SEND, both).new_state is S.SENT
    assert allowed_actions(IN, S.ASSIGNED, both) == (A.PROCESS, A.COMPLETE)
    assert allowed_actions(IN, S.ASSIGNED, {R.SPECIALIST, R.LEADER}) == (
        A.ASSIGN,
        A.PROCESS,
        A.COMPLETE,
    )
