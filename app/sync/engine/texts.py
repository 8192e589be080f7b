"""Plain words for what went wrong with one item, as clerks see them (Vietnamese, then English).

The platform's own code and text always follow in brackets, so support staff can act on them.
One table, no ``if`` chains; a code not in the table falls back to the generic sentence.
"""

from __future__ import annotations

from app.sync.transport import PlatformRejected, TransportAuthError, TransportUnavailable

_REFUSED: dict[str, str] = {
    "UNKNOWN_RECIPIENT": "Nơi nhận chưa kết nối trục liên thông (a recipient is not connected)",
    "PACKAGE_INVALID": "Trục liên thông từ chối gói tin (the platform refused the package)",
    "TOO_LARGE": "Gói tin quá lớn so với giới hạn của trục (the package is too large)",
    "IDEMPOTENCY_CONFLICT": "Mã gửi đã được dùng cho gói tin khác (idempotency key conflict)",
    "NOT_FOUND": "Trục liên thông không tìm thấy gói tin (not found on the platform)",
}
_GENERIC_REFUSED = "Trục liên thông từ chối (the platform refused it)"
_UNAVAILABLE = "Chưa gửi được, sẽ tự thử lại (not reachable yet, will retry)"
_AUTH = "Trục liên thông từ chối xác thực: kiểm tra mã hệ thống và khóa bí mật (auth refused)"


def _server_part(code: str, desc: str) -> str:
    return f"{code}: {desc}" if desc else code


def refusal_text(exc: PlatformRejected) -> str:
    """The reason a 4xx gives, as a sentence with the server's errorCode/errorDesc after it."""
    sentence = _REFUSED.get(exc.error_code, _GENERIC_REFUSED)
    return f"{sentence} [{_server_part(exc.error_code, exc.error_desc)}]"


def retry_text(exc: TransportUnavailable) -> str:
    detail = _server_part(exc.error_code, exc.error_desc) if exc.error_code else exc.message
    return f"{_UNAVAILABLE} [{detail}]"


def auth_text(exc: TransportAuthError) -> str:
    return f"{_AUTH} [{_server_part(exc.error_code, exc.error_desc)}]"


def error_text(exc: BaseException) -> str:
    """Any transport error in words; other exceptions by type and message."""
    if isinstance(exc, PlatformRejected):
        return refusal_text(exc)
    if isinstance(exc, TransportAuthError):
        return auth_text(exc)
    if isinstance(exc, TransportUnavailable):
        return retry_text(exc)
    return f"Lỗi không mong đợi (unexpected error) [{type(exc).__name__}: {exc}]"
