"""The edXML status codes (QCVN 102:2016, amended 2022) and business document types, with labels.

A status message is what one agency's system tells another about a package: received, accepted,
assigned, and so on. The codes are two-digit strings on the wire; the enumeration keeps their exact
spelling, so ``StatusCode.ARRIVED == "01"``.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from app.errors import InvalidInput


class StatusCode(StrEnum):
    ARRIVED = "01"  # đã đến: the recipient's system has the package
    REJECTED = "02"  # từ chối tiếp nhận: returned as invalid or misaddressed
    ACCEPTED = "03"  # đã tiếp nhận: registered in the incoming register
    ASSIGNED = "04"  # phân công: the leader assigned a lead handler
    PROCESSING = "05"  # đang xử lý
    COMPLETED = "06"  # hoàn thành
    RECALL_REQUESTED = "13"  # the sender asks for the document back (thu hồi)
    AGREED = "15"  # đồng ý: the recipient agrees to a recall / update / replacement
    REFUSED = "16"  # từ chối: the recipient refuses it


STATUS_LABELS: dict[StatusCode, str] = {
    StatusCode.ARRIVED: "Đã đến",
    StatusCode.REJECTED: "Từ chối tiếp nhận",
    StatusCode.ACCEPTED: "Đã tiếp nhận",
    StatusCode.ASSIGNED: "Đã phân công",
    StatusCode.PROCESSING: "Đang xử lý",
    StatusCode.COMPLETED: "Hoàn thành",
    StatusCode.RECALL_REQUESTED: "Yêu cầu thu hồi",
    StatusCode.AGREED: "Đồng ý thu hồi/cập nhật/thay thế",
    StatusCode.REFUSED: "Từ chối thu hồi/cập nhật/thay thế",
}

# The recipient's progress codes, in the order they normally arrive; 02 ends a delivery early.
PROGRESS_ORDER: tuple[StatusCode, ...] = (
    StatusCode.ARRIVED,
    StatusCode.ACCEPTED,
    StatusCode.ASSIGNED,
    StatusCode.PROCESSING,
    StatusCode.COMPLETED,
)


class BusinessDocType(IntEnum):
    """edXML ``Bussiness/BussinessDocType``: what a document package does to an earlier one."""

    NEW = 0  # ban hành mới
    RECALL = 1  # thu hồi
    UPDATE = 2  # cập nhật
    REPLACE = 3  # thay thế


class ChangeRequest(StrEnum):
    """A later act of the sender on a document already sent; the recipient answers 15 or 16."""

    RECALL = "recall"  # thu hồi
    UPDATE = "update"  # cập nhật
    REPLACE = "replace"  # thay thế


CHANGE_REQUEST_LABELS: dict[ChangeRequest, str] = {
    ChangeRequest.RECALL: "Thu hồi",
    ChangeRequest.UPDATE: "Cập nhật",
    ChangeRequest.REPLACE: "Thay thế",
}

BUSINESS_TYPE_OF: dict[ChangeRequest, BusinessDocType] = {
    ChangeRequest.RECALL: BusinessDocType.RECALL,
    ChangeRequest.UPDATE: BusinessDocType.UPDATE,
    ChangeRequest.REPLACE: BusinessDocType.REPLACE,
}


def parse_status_code(text: str) -> StatusCode:
    """The code of a status message; tolerates surrounding spaces and a missing leading zero."""
    raw = text.strip()
    if raw.isdigit() and len(raw) <= 2:
        raw = raw.zfill(2)
    try:
        return StatusCode(raw)
    except ValueError:
        raise InvalidInput(
            f"Mã trạng thái edXML không hợp lệ: {text} (unknown edXML status code)",
            code_value=text,
        ) from None


def status_label(code: StatusCode) -> str:
    """The Vietnamese label clerks see for a status code."""
    return STATUS_LABELS[code]
