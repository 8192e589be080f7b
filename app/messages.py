"""Error codes to words, in one table (Vietnamese first, English second).

The core raises errors with a code, named parameters and an English technical message. The front
ends call ``describe`` to get one line for a person: the Vietnamese sentence for the code, followed
by the technical detail in brackets so that support staff can act on it.

The token layer keeps the sentences for its own codes next to its other words
(``app.signing.tokens.texts.VI_ERROR_TEXTS``); ``vi_texts()`` is the whole table, that one merged
in. It is merged on first use, not at import: importing the token package loads pyhanko and
python-pkcs11 (about a second), which ``--version`` or ``db upgrade`` must not pay, and a token
error can only exist once that package is loaded anyway.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
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
    "pin_incorrect": "Mã PIN của USB token “{label}” không đúng (sai {failures} lần liên tiếp); "
    "ứng dụng không tự thử lại.",
    "pin_locked": "USB token đã bị khóa do nhập sai PIN quá số lần cho phép. "
    "Hãy liên hệ nhà cung cấp chứng thư số.",
    "pin_final_try": "Chỉ còn một lần nhập PIN: ứng dụng không thử để tránh khóa token. "
    "Hãy liên hệ nhà cung cấp chứng thư số.",
    "token_removed": "USB token đã bị rút ra trong khi ký. Tệp gốc không bị thay đổi.",
    "token_ambiguous": "Có {count} USB token cùng nhãn “{label}” (số sê-ri: {serials}); "
    "hãy chọn bằng số sê-ri (--token-serial).",
    "token_no_modules": "Không tìm thấy trình điều khiển USB token nào trên máy này; hãy cài phần "
    "mềm của nhà cung cấp chứng thư số hoặc chỉ đường dẫn bằng --module.",
    "token_demo_unavailable": "Không gian trình diễn chưa có token trình diễn; "
    "hãy chạy lại “demo init”.",
    "signing_error": "Ký số không thành công.",
    "pdf_input_error": "Tệp PDF không đọc được hoặc không được phép sửa.",
    "pdf_malformed": "Tệp PDF bị hỏng hoặc không phải là tệp PDF.",
    "pdf_password_required": "Tệp PDF có mật khẩu; hãy cung cấp mật khẩu để mở.",
    "pdf_password_incorrect": "Mật khẩu của tệp PDF không đúng.",
    "pdf_modification_forbidden": "Tệp PDF không cho phép sửa đổi hoặc ký thêm.",
    "signature_placeholder_not_found": "Không tìm thấy chỗ đặt chữ ký trong văn bản; "
    "hãy chỉ rõ trang và vị trí (--page, --box).",
    "signature_chain_incomplete": "Thiếu chứng thư của tổ chức cấp chứng thư số; "
    "hãy bổ sung chuỗi chứng thư (--trust).",
    "certificate_revoked": "Chứng thư số đã bị thu hồi: không được dùng để ký.",
    "timestamp_unavailable": "Không kết nối được máy chủ dấu thời gian; hãy thử lại khi có mạng.",
    "validation_data_unavailable": "Không lấy được thông tin trạng thái chứng thư số (OCSP/CRL); "
    "hãy thử lại khi có mạng.",
    "signature_check_failed": "Chữ ký vừa tạo không kiểm tra được; chưa có tệp nào bị ghi.",
    "existing_signature_broken": "Văn bản chưa có chữ ký hợp lệ của lãnh đạo, hoặc thao tác này "
    "sẽ làm hỏng chữ ký đã có.",
    "signature_invalid": "Chữ ký số không hợp lệ.",
    "sync_error": "Lỗi đồng bộ với trục liên thông.",
    "sync_unavailable": "Không kết nối được trục liên thông; dữ liệu sẽ được gửi khi có mạng.",
    "sync_auth_error": "Trục liên thông từ chối xác thực; kiểm tra mã hệ thống và khóa bí mật.",
    "package_invalid": "Gói tin edXML không hợp lệ.",
    "trust_pack_error": "Không đọc hoặc ghi được kho chứng thư gốc tin cậy.",
    "signature_field_not_found": "Không tìm thấy trường chữ ký này trong văn bản.",
    "signed_revision_unavailable": "Không trích được phiên bản văn bản tại thời điểm ký.",
    "document_changed": "Tệp văn bản đã thay đổi so với lần kiểm tra trước.",
    "register_year_mismatch": "Sổ văn bản không thuộc năm của ngày văn bản; "
    "hãy dùng sổ năm {year}.",
}


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


@cache
def vi_texts() -> Mapping[str, str]:
    """Every error code's Vietnamese sentence: ``VI`` with the token layer's sentences merged in."""
    from app.signing.tokens.texts import VI_ERROR_TEXTS

    return {**VI_ERROR_TEXTS, **VI}


def sentence_for(code: str) -> str | None:
    """The Vietnamese template for ``code``, or None when the code has none."""
    return VI.get(code) or vi_texts().get(code)


def describe(exc: BaseException) -> str:
    """One line for a person: the Vietnamese sentence, then the technical detail."""
    if isinstance(exc, AppError):
        template = sentence_for(exc.code)
        detail = exc.message
        # The token layer words some problems itself (a 32-bit driver, a missing file): prefer that.
        own = exc.params.get("user_message")
        if isinstance(own, str) and own:
            template = own.replace("{", "{{").replace("}", "}}")
        if template is None:
            return detail
        sentence = template.format_map(_Missing(exc.params))
        return f"{sentence} ({detail})" if detail and detail != exc.code else sentence
    return f"Lỗi không mong đợi: {type(exc).__name__}: {exc}"
