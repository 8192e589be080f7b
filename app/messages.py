"""Error codes to words, in one table (Vietnamese first, English second).

The core raises errors with a code, named parameters and an English technical message. The front
ends call ``describe`` to get one line for a person: the Vietnamese sentence for the code, followed
by the technical detail in brackets so that support staff can act on it.
"""

from __future__ import annotations

from typing import Any

from app.errors import AppError

# Templates use only named fields that the raising code provides; a missing field falls back.
VI: dict[str, str] = {
    "data_dir_not_writable": "Không ghi được vào thư mục dữ liệu {path}.",
    "database_unavailable": "Không kết nối được cơ sở dữ liệu.",
    "schema_too_new": "Cơ sở dữ liệu do phiên bản mới hơn của VBĐT Desktop tạo ra; "
    "hãy cài phiên bản mới hơn để mở.",
    "schema_outdated": "Cơ sở dữ liệu cần được nâng cấp (python -m app db upgrade).",
    "config_error": "Tệp cấu hình không hợp lệ.",
    "storage_error": "Lỗi ghi tệp.",
    "disk_full": "Ổ đĩa đã đầy: không ghi được {path}. Không có dữ liệu nào bị mất.",
    "audit_chain_broken": "Nhật ký kiểm tra đã bị sửa đổi.",
    "not_found": "Không tìm thấy.",
    "invalid_input": "Dữ liệu nhập không hợp lệ.",
    "invalid_transition": "Không thể thực hiện thao tác này ở trạng thái hiện tại của văn bản.",
    "permission_denied": "Bạn không có quyền thực hiện thao tác này.",
    "numbering_conflict": "Số văn bản bị trùng; hãy thử lại.",
    "secrecy_violation": "Văn bản mật không được gửi qua trục liên thông.",
    "token_error": "Lỗi thiết bị ký số (USB token).",
    "token_not_found": "Không tìm thấy USB token. Hãy cắm token và thử lại.",
    "token_driver_error": "Không nạp được trình điều khiển USB token.",
    "pin_incorrect": "Mã PIN không đúng.",
    "pin_locked": "USB token đã bị khóa do nhập sai PIN quá số lần cho phép. "
    "Hãy liên hệ nhà cung cấp chứng thư số.",
    "pin_final_try": "Chỉ còn một lần nhập PIN: ứng dụng không thử để tránh khóa token. "
    "Hãy liên hệ nhà cung cấp chứng thư số.",
    "token_removed": "USB token đã bị rút ra trong khi ký. Tệp gốc không bị thay đổi.",
    "signing_error": "Ký số không thành công.",
    "pdf_input_error": "Tệp PDF không đọc được hoặc không được phép sửa.",
    "signature_invalid": "Chữ ký số không hợp lệ.",
    "sync_error": "Lỗi đồng bộ với trục liên thông.",
    "sync_unavailable": "Không kết nối được trục liên thông; dữ liệu sẽ được gửi khi có mạng.",
    "sync_auth_error": "Trục liên thông từ chối xác thực; kiểm tra mã hệ thống và khóa bí mật.",
    "package_invalid": "Gói tin edXML không hợp lệ.",
}


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


def describe(exc: BaseException) -> str:
    """One line for a person: the Vietnamese sentence, then the technical detail."""
    if isinstance(exc, AppError):
        template = VI.get(exc.code)
        detail = exc.message
        if template is None:
            return detail
        sentence = template.format_map(_Missing(exc.params))
        return f"{sentence} ({detail})" if detail and detail != exc.code else sentence
    return f"Lỗi không mong đợi: {type(exc).__name__}: {exc}"
