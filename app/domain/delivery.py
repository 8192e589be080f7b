"""Per-recipient delivery of a sent document, driven by the status messages recipients send back.

Status messages travel over an at-least-once network and may arrive late, twice or out of order
(a 04 before its 03), and a recipient may skip steps. So progress only moves forward: an older code
than the one already recorded changes nothing. A recall / update / replacement request waits for the
recipient's 15 (agreed) or 16 (refused).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.domain.status_codes import (
    CHANGE_REQUEST_LABELS,
    PROGRESS_ORDER,
    STATUS_LABELS,
    ChangeRequest,
    StatusCode,
)
from app.errors import InvalidTransition

_RANK = {code: rank for rank, code in enumerate(PROGRESS_ORDER, start=1)}


@dataclass(frozen=True)
class Delivery:
    """What one recipient has told us about one document."""

    status: StatusCode | None = None  # latest progress (01, 03..06) or 02; None: nothing yet
    request: ChangeRequest | None = None  # our latest recall / update / replacement request
    answer: StatusCode | None = None  # 15 or 16 for ``request``; None while it waits

    @property
    def request_pending(self) -> bool:
        return self.request is not None and self.answer is None

    @property
    def withdrawn(self) -> bool:
        """The recipient agreed to a recall or replacement: the document no longer stands there."""
        return (
            self.answer is StatusCode.AGREED
            and self.request is not None
            and self.request is not ChangeRequest.UPDATE
        )

    @property
    def label(self) -> str:
        """Vietnamese text for the delivery column."""
        if self.request is not None:
            what = CHANGE_REQUEST_LABELS[self.request]
            if self.answer is None:
                return f"Chờ trả lời yêu cầu: {what}"
            verdict = "đồng ý" if self.answer is StatusCode.AGREED else "từ chối"
            return f"{what}: {verdict}"
        return STATUS_LABELS[self.status] if self.status else "Đang chờ"


def apply_status(delivery: Delivery, code: StatusCode) -> Delivery:
    """The delivery after a status message from the recipient; stale progress changes nothing.

    Raises InvalidTransition for messages that cannot come from a recipient here: 13 (the sender's
    code) and an answer (15/16) when no request is pending.
    """
    if code in _RANK:
        if delivery.status is StatusCode.REJECTED:
            return delivery
        current = _RANK.get(delivery.status, 0) if delivery.status else 0
        return replace(delivery, status=code) if _RANK[code] >= current else delivery
    if code is StatusCode.REJECTED:
        if delivery.status is StatusCode.COMPLETED:
            return delivery
        return replace(delivery, status=code)
    if code in (StatusCode.AGREED, StatusCode.REFUSED):
        if not delivery.request_pending:
            raise InvalidTransition(
                f"Nhận trả lời {code.value} khi không có yêu cầu nào đang chờ "
                f"(answer {code.value} without a pending request)",
                status=code.value,
            )
        return replace(delivery, answer=code)
    raise InvalidTransition(
        f"Mã {code.value} không phải trạng thái bên nhận gửi về "
        f"(status {code.value} cannot come from a recipient)",
        status=code.value,
    )


def request_change(delivery: Delivery, request: ChangeRequest) -> Delivery:
    """Record that we asked this recipient to recall, update or replace the document."""
    if delivery.request_pending:
        raise InvalidTransition(
            "Đang có yêu cầu chờ bên nhận trả lời (a request is already pending)",
            request=request.value,
        )
    if delivery.status is StatusCode.REJECTED or delivery.withdrawn:
        raise InvalidTransition(
            "Bên nhận đã từ chối hoặc đã thu hồi văn bản (nothing to change at this recipient)",
            request=request.value,
        )
    return replace(delivery, request=request, answer=None)
