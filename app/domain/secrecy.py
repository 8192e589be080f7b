"""State-secret documents: labels, and the rule that they never travel through the platform.

A document marked Mật, Tối mật or Tuyệt mật is delivered on paper under the state-secret rules; the
application may register and number it (in the secret registers) but must never put it in the
outbox. Every path that sends calls ``check_can_send`` so the refusal has one wording.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.types import Secrecy
from app.errors import SecrecyViolation

SECRECY_LABELS: dict[Secrecy, str] = {
    Secrecy.NONE: "Thường",
    Secrecy.MAT: "Mật",
    Secrecy.TOI_MAT: "Tối mật",
    Secrecy.TUYET_MAT: "Tuyệt mật",
}


class HandlingMark(StrEnum):
    """Handling marks printed on a document; they do not make it secret."""

    RETURN_AFTER_READING = "return_after_reading"  # XEM XONG TRẢ LẠI
    INTERNAL_CIRCULATION = "internal_circulation"  # LƯU HÀNH NỘI BỘ


HANDLING_MARK_LABELS: dict[HandlingMark, str] = {
    HandlingMark.RETURN_AFTER_READING: "XEM XONG TRẢ LẠI",
    HandlingMark.INTERNAL_CIRCULATION: "LƯU HÀNH NỘI BỘ",
}


def is_secret(secrecy: Secrecy) -> bool:
    """True for Mật, Tối mật and Tuyệt mật."""
    return secrecy is not Secrecy.NONE


def check_can_send(secrecy: Secrecy) -> None:
    """Refuse to send a secret document through the platform (or to queue it in the outbox)."""
    if not is_secret(secrecy):
        return
    label = SECRECY_LABELS[secrecy]
    raise SecrecyViolation(
        f"Văn bản có độ mật «{label}» không được gửi qua trục liên thông văn bản; "
        "hãy chuyển bản giấy theo quy định về bảo vệ bí mật nhà nước "
        f"(a {secrecy.value} document may never enter the outbox or the platform)",
        secrecy=secrecy.value,
        label=label,
    )
