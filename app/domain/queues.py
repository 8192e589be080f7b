"""The work queues people see in the sidebar, defined by direction and life-cycle state."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.types import Direction, DocumentState


class Queue(StrEnum):
    INCOMING = "incoming"  # Văn bản đến
    OUTGOING = "outgoing"  # Văn bản đi
    TO_SIGN = "to_sign"  # Chờ ký
    TO_ISSUE = "to_issue"  # Chờ phát hành
    OUTBOX = "outbox"  # Hộp thư đi


@dataclass(frozen=True)
class QueueSpec:
    queue: Queue
    label: str  # Vietnamese, as clerks say it
    direction: Direction | None
    states: frozenset[DocumentState]  # empty: every state of the direction


_IN = Direction.INCOMING
_OUT = Direction.OUTGOING
S = DocumentState

QUEUES: tuple[QueueSpec, ...] = (
    QueueSpec(Queue.INCOMING, "Văn bản đến", _IN, frozenset()),
    QueueSpec(Queue.OUTGOING, "Văn bản đi", _OUT, frozenset()),
    QueueSpec(Queue.TO_SIGN, "Chờ ký", _OUT, frozenset({S.SUBMITTED})),
    QueueSpec(Queue.TO_ISSUE, "Chờ phát hành", _OUT, frozenset({S.SIGNED})),
    # The outbox is about messages, not states: a document is in it while a message waits.
    QueueSpec(Queue.OUTBOX, "Hộp thư đi", None, frozenset()),
)
QUEUE_BY_ID = {spec.queue: spec for spec in QUEUES}

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
