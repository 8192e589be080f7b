"""Who may do what: every act a person can perform, and the roles allowed to perform it.

The workflow machines ask this table before they move a document; the GUI asks it to grey out
buttons. A person with several roles is allowed an act when any of their roles allows it.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from app.domain.types import Role
from app.errors import PermissionDenied


class Action(StrEnum):
    # outgoing
    DRAFT = "draft"  # soạn dự thảo
    SUBMIT = "submit"  # trình ký
    RETURN = "return"  # trả lại dự thảo
    SIGN = "sign"  # duyệt và ký (leader's personal signature)
    ISSUE = "issue"  # phát hành: number, date, agency signature, register row
    SEND = "send"  # gửi qua trục liên thông
    CANCEL = "cancel"  # hủy văn bản đã phát hành (keeps its number)
    RECALL = "recall"  # thu hồi
    UPDATE = "update"  # cập nhật
    REPLACE = "replace"  # thay thế
    # incoming
    VERIFY = "verify"  # kiểm tra tính xác thực, toàn vẹn
    REJECT = "reject"  # trả lại / từ chối tiếp nhận
    REGISTER = "register"  # vào sổ văn bản đến
    ASSIGN = "assign"  # phân công xử lý
    PROCESS = "process"  # bắt đầu xử lý
    RECORD_PROGRESS = "record_progress"  # cập nhật tiến độ
    COMPLETE = "complete"  # hoàn thành
    AGREE = "agree"  # đồng ý thu hồi / cập nhật / thay thế
    REFUSE = "refuse"  # từ chối thu hồi / cập nhật / thay thế
    # acts that do not move a document
    NUMBER = "number"  # cấp số (the system assigns; the clerk triggers it)
    PRINT_REGISTERS = "print_registers"  # in sổ
    CONFIRM_PAPER_COPY = "confirm_paper_copy"  # xác nhận đã gửi bản giấy
    FORWARD = "forward"  # chuyển tiếp văn bản đến
    PRINT = "print"  # in văn bản
    COPY = "copy"  # sao y / sao lục / trích sao (signs a copy)
    SETTINGS = "settings"  # cấu hình


ACTION_LABELS: dict[Action, str] = {
    Action.DRAFT: "Soạn dự thảo",
    Action.SUBMIT: "Trình ký",
    Action.RETURN: "Trả lại",
    Action.SIGN: "Duyệt và ký",
    Action.ISSUE: "Phát hành",
    Action.SEND: "Gửi",
    Action.CANCEL: "Hủy phát hành",
    Action.RECALL: "Thu hồi",
    Action.UPDATE: "Cập nhật",
    Action.REPLACE: "Thay thế",
    Action.VERIFY: "Kiểm tra",
    Action.REJECT: "Từ chối tiếp nhận",
    Action.REGISTER: "Vào sổ",
    Action.ASSIGN: "Phân công",
    Action.PROCESS: "Xử lý",
    Action.RECORD_PROGRESS: "Cập nhật tiến độ",
    Action.COMPLETE: "Hoàn thành",
    Action.AGREE: "Đồng ý",
    Action.REFUSE: "Từ chối",
    Action.NUMBER: "Cấp số",
    Action.PRINT_REGISTERS: "In sổ",
    Action.CONFIRM_PAPER_COPY: "Xác nhận đã gửi bản giấy",
    Action.FORWARD: "Chuyển tiếp",
    Action.PRINT: "In",
    Action.COPY: "Sao văn bản",
    Action.SETTINGS: "Cấu hình",
}

ROLE_LABELS: dict[Role, str] = {
    Role.LEADER: "Lãnh đạo",
    Role.CLERK: "Văn thư",
    Role.SPECIALIST: "Chuyên viên",
    Role.ADMIN: "Quản trị",
}

A = Action
# The administrator configures and does no document work: separation of duties, so a settings
# account cannot also sign or number.
ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.LEADER: frozenset({A.SIGN, A.RETURN, A.ASSIGN, A.CANCEL, A.PRINT}),
    Role.CLERK: frozenset(
        {
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
        }
    ),
    Role.SPECIALIST: frozenset(
        {A.DRAFT, A.SUBMIT, A.PROCESS, A.RECORD_PROGRESS, A.COMPLETE, A.PRINT}
    ),
    Role.ADMIN: frozenset({A.SETTINGS}),
}


def can(roles: Role | Iterable[Role], action: Action) -> bool:
    """Whether a person with ``roles`` (one role or several) may perform ``action``."""
    held = (roles,) if isinstance(roles, Role) else tuple(roles)
    return any(action in ROLE_ACTIONS[role] for role in held)


def require(roles: Role | Iterable[Role], action: Action) -> None:
    """Raise PermissionDenied unless one of ``roles`` allows ``action``."""
    if can(roles, action):
        return
    held = (roles,) if isinstance(roles, Role) else tuple(roles)
    names = ", ".join(ROLE_LABELS[r] for r in held) or "không có vai trò"
    raise PermissionDenied(
        f"Vai trò {names} không được phép «{ACTION_LABELS[action]}» "
        f"(role {'/'.join(r.value for r in held) or 'none'} may not {action.value})",
        roles=[r.value for r in held],
        action=action.value,
    )
