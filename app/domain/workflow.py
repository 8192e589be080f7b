"""The life cycles of outgoing and incoming documents as two explicit state machines.

``transition`` is the only way a document changes state: it checks the role, the state, the reason
and the secrecy, and says which edXML status (if any) must go to the peer, so the services can write
the new state, the audit row and the outbox message in one transaction. ``allowed_actions`` gives
the GUI its buttons from the same table. Pure: values in, values out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.numbering import require_reason
from app.domain.queues import STATE_LABELS
from app.domain.roles import ACTION_LABELS, Action, can, require
from app.domain.secrecy import check_can_send, is_secret
from app.domain.status_codes import BusinessDocType, ChangeRequest, StatusCode
from app.domain.types import Direction, DocumentState, Role, Secrecy
from app.errors import InvalidInput, InvalidTransition

S = DocumentState
A = Action
C = StatusCode


@dataclass(frozen=True)
class Quarantine:
    """Why an incoming document is quarantined and where it returns if the request is refused."""

    previous_state: DocumentState
    request: ChangeRequest


@dataclass(frozen=True)
class Transition:
    new_state: DocumentState
    audit_action: str
    # A status message for the peer, written to the outbox in the same transaction.
    status_code_to_send: StatusCode | None = None
    # A new document package to send (update / replace an earlier one).
    package_type: BusinessDocType | None = None
    # Set when entering quarantine: the services store it and pass it back to resolve.
    quarantine: Quarantine | None = None


@dataclass(frozen=True)
class _Edge:
    target: DocumentState | None  # None: stays where it is (acts on a sent document)
    status: StatusCode | None = None
    package: BusinessDocType | None = None


OUTGOING_STATES = frozenset(
    {S.DRAFT, S.SUBMITTED, S.RETURNED, S.SIGNED, S.ISSUED, S.SENT, S.CANCELLED}
)
# CANCELLED closes an incoming document whose recall (or replacement) the clerk agreed to: reusing
# it keeps the stored vocabulary, and so the database's CHECK constraint, unchanged.
INCOMING_STATES = frozenset(
    {
        S.ARRIVED,
        S.VERIFIED,
        S.REJECTED,
        S.REGISTERED,
        S.ASSIGNED,
        S.PROCESSING,
        S.COMPLETED,
        S.QUARANTINED,
        S.CANCELLED,
    }
)
STATES: dict[Direction, frozenset[DocumentState]] = {
    Direction.OUTGOING: OUTGOING_STATES,
    Direction.INCOMING: INCOMING_STATES,
}

_EDGES: dict[Direction, dict[tuple[DocumentState, Action], _Edge]] = {
    Direction.OUTGOING: {
        (S.DRAFT, A.SUBMIT): _Edge(S.SUBMITTED),
        (S.RETURNED, A.SUBMIT): _Edge(S.SUBMITTED),
        (S.SUBMITTED, A.RETURN): _Edge(S.RETURNED),
        (S.SUBMITTED, A.SIGN): _Edge(S.SIGNED),
        (S.SIGNED, A.ISSUE): _Edge(S.ISSUED),
        (S.ISSUED, A.SEND): _Edge(S.SENT),
        (S.ISSUED, A.CANCEL): _Edge(S.CANCELLED),
        (S.SENT, A.RECALL): _Edge(None, C.RECALL_REQUESTED),
        (S.SENT, A.UPDATE): _Edge(None, package=BusinessDocType.UPDATE),
        (S.SENT, A.REPLACE): _Edge(None, package=BusinessDocType.REPLACE),
    },
    Direction.INCOMING: {
        (S.ARRIVED, A.VERIFY): _Edge(S.VERIFIED),
        (S.ARRIVED, A.REJECT): _Edge(S.REJECTED, C.REJECTED),
        (S.VERIFIED, A.REJECT): _Edge(S.REJECTED, C.REJECTED),
        (S.VERIFIED, A.REGISTER): _Edge(S.REGISTERED, C.ACCEPTED),
        (S.REGISTERED, A.ASSIGN): _Edge(S.ASSIGNED, C.ASSIGNED),
        # Reassignment: the leader changes the lead handler or the deadline.
        (S.ASSIGNED, A.ASSIGN): _Edge(S.ASSIGNED, C.ASSIGNED),
        (S.PROCESSING, A.ASSIGN): _Edge(S.ASSIGNED, C.ASSIGNED),
        (S.ASSIGNED, A.PROCESS): _Edge(S.PROCESSING, C.PROCESSING),
        # (check) Progress notes stay local: one 05 when processing starts, not one per note.
        (S.PROCESSING, A.RECORD_PROGRESS): _Edge(S.PROCESSING),
        # A document assigned "for information" is completed without a processing step.
        (S.ASSIGNED, A.COMPLETE): _Edge(S.COMPLETED, C.COMPLETED),
        (S.PROCESSING, A.COMPLETE): _Edge(S.COMPLETED, C.COMPLETED),
        # Targets depend on the pending request: resolved in ``_resolve``.
        (S.QUARANTINED, A.AGREE): _Edge(None, C.AGREED),
        (S.QUARANTINED, A.REFUSE): _Edge(None, C.REFUSED),
    },
}

REASON_REQUIRED = frozenset({A.RETURN, A.REJECT, A.CANCEL, A.RECALL, A.UPDATE, A.REPLACE, A.REFUSE})
# Acts that put something for the peer on the platform: refused for secret documents.
PLATFORM_ACTIONS = frozenset({A.SEND, A.RECALL, A.UPDATE, A.REPLACE})
# A recall request arriving in any of these states quarantines the document.
QUARANTINABLE = frozenset(
    {S.ARRIVED, S.VERIFIED, S.REGISTERED, S.ASSIGNED, S.PROCESSING, S.COMPLETED}
)
# What a quarantined document may not be used for until the clerk answers the request.
BLOCKED_IN_QUARANTINE = frozenset({A.FORWARD, A.SIGN, A.PRINT, A.COPY})

_DIRECTION_LABELS = {Direction.OUTGOING: "đi", Direction.INCOMING: "đến"}


def _invalid(direction: Direction, state: DocumentState, action: Action) -> InvalidTransition:
    return InvalidTransition(
        f"Không thể «{ACTION_LABELS[action]}» văn bản {_DIRECTION_LABELS[direction]} ở trạng "
        f"thái «{STATE_LABELS[state]}» (cannot {action.value} an {direction.value} document "
        f"in state {state.value})",
        direction=direction.value,
        state=state.value,
        action=action.value,
        state_label=STATE_LABELS[state],
        action_label=ACTION_LABELS[action],
    )


def _check_state(direction: Direction, state: DocumentState) -> None:
    if state not in STATES[direction]:
        raise InvalidInput(
            f"Trạng thái «{STATE_LABELS[state]}» không thuộc văn bản {_DIRECTION_LABELS[direction]}"
            f" (state {state.value} is not a state of {direction.value} documents)",
            direction=direction.value,
            state=state.value,
        )


def transition(
    direction: Direction,
    state: DocumentState,
    action: Action,
    role: Role | Iterable[Role],
    *,
    reason: str | None = None,
    secrecy: Secrecy = Secrecy.NONE,
    via_platform: bool = True,
    pending: Quarantine | None = None,
) -> Transition:
    """Move a document: the new state, the audit action, and the status to send to the peer.

    Raises PermissionDenied (role), InvalidTransition (state × action), SecrecyViolation (a secret
    document towards the platform), InvalidInput (missing reason, or missing ``pending`` when
    answering a request). ``via_platform=False`` (a paper document) sends no status messages.
    """
    _check_state(direction, state)
    require(role, action)
    edge = _EDGES[direction].get((state, action))
    if edge is None:
        raise _invalid(direction, state, action)
    if action in PLATFORM_ACTIONS:
        check_can_send(secrecy)
    if action in REASON_REQUIRED:
        require_reason(reason)
    status = edge.status if via_platform else None
    audit = f"{direction.value}.{action.value}"
    if state is S.QUARANTINED:
        return _resolve(action, pending, status, audit)
    target = state if edge.target is None else edge.target
    return Transition(target, audit, status, edge.package)


def _resolve(
    action: Action, pending: Quarantine | None, status: StatusCode | None, audit: str
) -> Transition:
    if pending is None or pending.previous_state not in QUARANTINABLE:
        raise InvalidInput(
            "Thiếu hoặc sai thông tin yêu cầu thu hồi (a valid quarantine context is required)"
        )
    audit = f"{audit}.{pending.request.value}"
    keeps_document = pending.request is ChangeRequest.UPDATE
    if action is A.AGREE and not keeps_document:
        return Transition(S.CANCELLED, audit, status)
    # Refused, or an update agreed (the new version replaces the file, the work goes on).
    return Transition(pending.previous_state, audit, status)


def allowed_actions(
    direction: Direction,
    state: DocumentState,
    role: Role | Iterable[Role],
    *,
    secrecy: Secrecy = Secrecy.NONE,
) -> tuple[Action, ...]:
    """The workflow actions ``role`` (one or several) can take in ``state``, in a stable order."""
    _check_state(direction, state)
    held = (role,) if isinstance(role, Role) else tuple(role)
    edges = _EDGES[direction]
    return tuple(
        action
        for action in Action
        if (state, action) in edges
        and can(held, action)
        and not (action in PLATFORM_ACTIONS and is_secret(secrecy))
    )


def create_draft(role: Role) -> Transition:
    """A new outgoing document starts as a draft written by a specialist."""
    require(role, A.DRAFT)
    return Transition(S.DRAFT, "outgoing.draft")


def receive(*, via_platform: bool = True) -> Transition:
    """A new incoming document: arrived; a platform package is acknowledged with 01 the same day.

    No role: the sync engine records packages; a paper document is entered by the clerk.
    """
    return Transition(S.ARRIVED, "incoming.receive", C.ARRIVED if via_platform else None)


def quarantine(state: DocumentState, request: ChangeRequest) -> Transition:
    """The sender asks to recall, update or replace an incoming document: hold it until answered.

    A second request while one is pending is refused (the services deduplicate messages).
    """
    _check_state(Direction.INCOMING, state)
    if state not in QUARANTINABLE:
        raise InvalidTransition(
            f"Không thể tạm giữ văn bản đến ở trạng thái «{STATE_LABELS[state]}» "
            f"(cannot quarantine an incoming document in state {state.value})",
            state=state.value,
            request=request.value,
        )
    return Transition(
        S.QUARANTINED,
        f"incoming.quarantine.{request.value}",
        quarantine=Quarantine(state, request),
    )


def check_act(
    direction: Direction, state: DocumentState, action: Action, role: Role | Iterable[Role]
) -> None:
    """Check an act that does not move the document (print, forward, copy) against role and state.

    A quarantined document may not be forwarded, signed, copied or printed until resolved.
    """
    _check_state(direction, state)
    require(role, action)
    if state is S.QUARANTINED and action in BLOCKED_IN_QUARANTINE:
        raise _invalid(direction, state, action)
