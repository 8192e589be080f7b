"""The Vietnamese words the reports print for stored codes: kinds, verdicts, audit actions.

One table per vocabulary, so a translator or a clerk's correction touches one place. Must not:
format dates or lay anything out (see ``text`` and ``layout``).
"""

from __future__ import annotations

from functools import lru_cache

from app.domain.kinds import kind_from_code
from app.domain.queues import STATE_LABELS, URGENCY_LABELS
from app.domain.roles import ACTION_LABELS, Action
from app.domain.types import DocumentState, Verdict
from app.errors import InvalidInput

# Short enough for the register's last column; the verification report gives the reasons.
VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.VALID: "Hợp lệ",
    Verdict.VALID_CHANGED_LATER: "Hợp lệ, có sửa đổi sau khi ký",
    Verdict.NEEDS_REVIEW: "Cần xem xét",
    Verdict.CANNOT_VERIFY: "Không kiểm tra được",
    Verdict.INVALID: "Không hợp lệ",
}
NOT_VERIFIED = "Chưa kiểm tra"

# Worst last, the same order as app.signing.verify.model (which this layer may not import):
# proof of a problem beats "cannot tell", which beats doubt.
VERDICT_SEVERITY: dict[Verdict, int] = {
    Verdict.VALID: 0,
    Verdict.VALID_CHANGED_LATER: 1,
    Verdict.NEEDS_REVIEW: 2,
    Verdict.CANNOT_VERIFY: 3,
    Verdict.INVALID: 4,
}

# Audit actions as a clerk would say them. The workflow writes ``<direction>.<action>``
# (``app.domain.workflow.transition``); the ``document.*`` names are older events (demo data, the
# slip's parts II/III hook). An action missing here falls back to the workflow's action words.
AUDIT_ACTION_LABELS: dict[str, str] = {
    "incoming.receive": "Tiếp nhận văn bản",
    "incoming.verify": "Kiểm tra văn bản",
    "incoming.verify_again": "Kiểm tra lại chữ ký số",
    "incoming.register": "Vào sổ văn bản đến",
    "incoming.reject": "Trả lại văn bản",
    "incoming.assign": "Phân công xử lý",
    "incoming.process": "Bắt đầu xử lý",
    "incoming.record_progress": "Cập nhật tiến độ xử lý",
    "incoming.complete": "Hoàn thành xử lý",
    "incoming.agree.recall": "Đồng ý thu hồi",
    "incoming.agree.update": "Đồng ý cập nhật",
    "incoming.agree.replace": "Đồng ý thay thế",
    "incoming.refuse.recall": "Từ chối thu hồi",
    "incoming.refuse.update": "Từ chối cập nhật",
    "incoming.refuse.replace": "Từ chối thay thế",
    "document.created": "Tiếp nhận văn bản",
    "document.received": "Nhận văn bản qua trục liên thông",
    "document.verified": "Kiểm tra chữ ký số",
    "document.registered": "Vào sổ văn bản đến",
    "document.rejected": "Trả lại văn bản",
    "document.assigned": "Phân công xử lý",
    "document.reassigned": "Phân công lại",
    "document.unit_note": "Ý kiến của lãnh đạo đơn vị",
    "document.handler_note": "Đề xuất của người giải quyết",
    "document.processing": "Bắt đầu xử lý",
    "document.completed": "Hoàn thành xử lý",
    "document.cancelled": "Hủy số",
    "document.issued": "Phát hành",
    "document.sent": "Gửi đi",
    "document.quarantined": "Tạm dừng do yêu cầu thu hồi",
    "status.sent": "Gửi trạng thái cho nơi gửi",
    "report.printed": "In báo cáo",
}

CANCELLED_NOTE = "Số đã hủy"
_WORKFLOW_ACTIONS = frozenset(a.value for a in Action)


def verdict_label(verdict: Verdict | None, signed: bool) -> str:
    """The register's signature column: nothing for a paper document."""
    if not signed:
        return ""
    return NOT_VERIFIED if verdict is None else VERDICT_LABELS[verdict]


@lru_cache(maxsize=256)  # a register asks for the same few kinds 20,000 times
def kind_label(code: str) -> str:
    """ "Quyết định" for "QĐ"; an unknown code prints as stored rather than failing a report."""
    try:
        label = kind_from_code(code).label
    except InvalidInput:
        return code
    return label.split("(")[0].strip()  # "Quyết định (cá biệt)" → "Quyết định"


def kind_and_subject(kind: str, subject: str) -> str:
    """The register's "Tên loại và trích yếu" cell: "Quyết định về việc …"."""
    name = kind_label(kind) if kind else ""
    if not name or subject.casefold().startswith(name.casefold()):
        return subject
    return f"{name} {subject}" if subject else name


def urgency_label(urgency: int) -> str:
    return URGENCY_LABELS[urgency] if 0 <= urgency < len(URGENCY_LABELS) else str(urgency)


def state_label(state: DocumentState) -> str:
    return STATE_LABELS.get(state, state.value)


def action_label(action: str) -> str:
    """The words for an audit action; ``outgoing.sign`` → "Duyệt và ký"; unknown ones as stored."""
    label = AUDIT_ACTION_LABELS.get(action)
    if label is not None:
        return label
    parts = action.split(".")
    if len(parts) >= 2 and parts[1] in _WORKFLOW_ACTIONS:
        return ACTION_LABELS[Action(parts[1])]
    return action
