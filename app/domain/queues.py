"""The work queues people see in the sidebar: three groups (incoming, outgoing, outbox), each with
sub-queues defined by direction and life-cycle state, a deadline, or the outbox messages."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.types import Direction, DocumentState, OutboxState


class Queue(StrEnum):
    # Three groups, each with the sub-queues people work from (the sidebar's tree).
    INCOMING = "incoming"  # Văn bản đến
    IN_NEW = "in_new"  # Mới đến
    IN_TO_REGISTER = "in_to_register"  # Chờ vào sổ
    IN_TO_ASSIGN = "in_to_assign"  # Chờ phân công
    IN_PROCESSING = "in_processing"  # Đang xử lý
    IN_OVERDUE = "in_overdue"  # Quá hạn
    IN_RECALLED = "in_recalled"  # Bị thu hồi
    OUTGOING = "outgoing"  # Văn bản đi
    OUT_DRAFTS = "out_drafts"  # Dự thảo
    TO_SIGN = "to_sign"  # Chờ duyệt, ký
    TO_ISSUE = "to_issue"  # Chờ phát hành
    OUT_ISSUED = "out_issued"  # Đã phát hành
    OUT_RETURNED = "out_returned"  # Bị trả lại
    OUTBOX = "outbox"  # Hộp thư đi
    OUTBOX_WAITING = "outbox_waiting"  # Chờ gửi
    OUTBOX_FAILED = "outbox_failed"  # Gửi lỗi


@dataclass(frozen=True)
class QueueSpec:
    queue: Queue
    label: str  # Vietnamese, as clerks say it
    direction: Direction | None
    states: frozenset[DocumentState]  # empty: every state of the direction
    parent: Queue | None = None  # the group it belongs to in the sidebar
    overdue: bool = False  # only documents past their deadline (depends on "now")
    # The outbox is about messages, not states: a document is in it while one of its messages
    # is in one of these states.
    outbox: frozenset[OutboxState] = frozenset()


_IN = Direction.INCOMING
_OUT = Direction.OUTGOING
S = DocumentState
_WAITING = frozenset({OutboxState.PENDING})
_FAILED = frozenset({OutboxState.FAILED})

# Incoming documents still on someone's desk: the ones a deadline can be missed for.
OPEN_INCOMING = frozenset({S.ARRIVED, S.VERIFIED, S.REGISTERED, S.ASSIGNED, S.PROCESSING})

QUEUES: tuple[QueueSpec, ...] = (
    QueueSpec(Queue.INCOMING, "Văn bản đến", _IN, frozenset()),
    QueueSpec(Queue.IN_NEW, "Mới đến", _IN, frozenset({S.ARRIVED}), Queue.INCOMING),
    QueueSpec(Queue.IN_TO_REGISTER, "Chờ vào sổ", _IN, frozenset({S.VERIFIED}), Queue.INCOMING),
    QueueSpec(Queue.IN_TO_ASSIGN, "Chờ phân công", _IN, frozenset({S.REGISTERED}), Queue.INCOMING),
    QueueSpec(
        Queue.IN_PROCESSING,
        "Đang xử lý",
        _IN,
        frozenset({S.ASSIGNED, S.PROCESSING}),
        Queue.INCOMING,
    ),  # fmt: skip
    QueueSpec(Queue.IN_OVERDUE, "Quá hạn", _IN, OPEN_INCOMING, Queue.INCOMING, overdue=True),
    QueueSpec(Queue.IN_RECALLED, "Bị thu hồi", _IN, frozenset({S.QUARANTINED}), Queue.INCOMING),
    QueueSpec(Queue.OUTGOING, "Văn bản đi", _OUT, frozenset()),
    QueueSpec(Queue.OUT_DRAFTS, "Dự thảo", _OUT, frozenset({S.DRAFT}), Queue.OUTGOING),
    # One state, SUBMITTED, stands for both "chờ duyệt" and "chờ ký": approving a draft signed
    # elsewhere and signing it are the same step (workflow SIGN).
    QueueSpec(Queue.TO_SIGN, "Chờ duyệt, ký", _OUT, frozenset({S.SUBMITTED}), Queue.OUTGOING),
    QueueSpec(Queue.TO_ISSUE, "Chờ phát hành", _OUT, frozenset({S.SIGNED}), Queue.OUTGOING),
    QueueSpec(
        Queue.OUT_ISSUED, "Đã phát hành", _OUT, frozenset({S.ISSUED, S.SENT}), Queue.OUTGOING
    ),
    QueueSpec(Queue.OUT_RETURNED, "Bị trả lại", _OUT, frozenset({S.RETURNED}), Queue.OUTGOING),
    QueueSpec(Queue.OUTBOX, "Hộp thư đi", None, frozenset(), outbox=_WAITING | _FAILED),
    QueueSpec(Queue.OUTBOX_WAITING, "Chờ gửi", None, frozenset(), Queue.OUTBOX, outbox=_WAITING),
    QueueSpec(Queue.OUTBOX_FAILED, "Gửi lỗi", None, frozenset(), Queue.OUTBOX, outbox=_FAILED),
)
GROUPS: tuple[Queue, ...] = tuple(spec.queue for spec in QUEUES if spec.parent is None)
QUEUE_BY_ID = {spec.queue: spec for spec in QUEUES}


def children_of(group: Queue) -> tuple[Queue, ...]:
    return tuple(spec.queue for spec in QUEUES if spec.parent is group)


STATE_LABELS: dict[DocumentState, str] = {
    S.DRAFT: "Dự thảo",
    S.SUBMITTED: "Trình ký",
    S.RETURNED: "Trả lại",
    S.SIGNED: "Đã ký",
    S.ISSUED: "Đã phát hành",
    S.SENT: "Đã gửi",
    S.CANCELLED: "Đã hủy",
    S.ARRIVED: "Mới đến",
    S.VERIFIED: "Đã kiểm tra chữ ký",
    S.REJECTED: "Đã trả lại",
    S.REGISTERED: "Đã vào sổ",
    S.ASSIGNED: "Đã phân công",
    S.PROCESSING: "Đang xử lý",
    S.COMPLETED: "Hoàn thành",
    S.QUARANTINED: "Bị thu hồi",
}

URGENCY_LABELS = ("Thường", "Khẩn", "Thượng khẩn", "Hỏa tốc", "Hỏa tốc hẹn giờ")
