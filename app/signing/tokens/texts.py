"""Words this package shows to people, in one table: Vietnamese first, English second.

Prompter messages (PIN warnings, the "are you sure" before another PIN try), certificate problems
and driver problems are written here with named fields only, so that a gettext-style catalogue
can take them over later. ``VI_ERROR_TEXTS`` holds sentences for the error codes this package
adds, for ``app.messages`` to merge. Nothing here may contain or format a PIN.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULT_LANG = "vi"

VI: dict[str, str] = {
    "pin_count_low": "USB token “{label}” báo đã có lần nhập sai mã PIN. Hãy nhập thật cẩn thận: "
    "token sẽ bị khóa nếu nhập sai quá số lần cho phép.",
    "confirm_after_failures": "Bạn đã nhập sai mã PIN {failures} lần liên tiếp cho USB token "
    "“{label}” (số sê-ri {serial}). Phần lớn USB token sẽ bị khóa sau 3–5 lần nhập sai, và khi "
    "đó chỉ nhà cung cấp chứng thư số mới mở khóa được. Bạn có chắc muốn thử lại không?",
    "pin_pad": "Hãy nhập mã PIN trên bàn phím của đầu đọc thẻ cho USB token “{label}”.",
    "pin_pad_signature": "Hãy nhập mã PIN trên bàn phím của đầu đọc thẻ để ký bằng “{label}”.",
    "cert_expired": "Chứng thư số đã hết hạn ngày {date}.",
    "cert_not_yet_valid": "Chứng thư số chưa có hiệu lực (có hiệu lực từ ngày {date}).",
    "cert_expiring_soon": "Chứng thư số sẽ hết hạn sau {days} ngày (ngày {date}); "
    "hãy liên hệ nhà cung cấp để gia hạn.",
    "cert_no_signing_usage": "Chứng thư số không cho phép ký số "
    "(thiếu mục đích digitalSignature/nonRepudiation).",
    "cert_is_ca": "Đây là chứng thư của tổ chức cung cấp dịch vụ chứng thực (CA), "
    "không dùng để ký.",
    "cert_no_key": "Không tìm thấy khóa bí mật tương ứng với chứng thư số này trên token.",
    "module_missing": "Không tìm thấy tệp trình điều khiển {path}.",
    "module_not_a_file": "{path} không phải là một tệp trình điều khiển.",
    "module_unreadable": "Không đọc được tệp trình điều khiển {path} ({reason}).",
    "module_wrong_format": "Tệp {path} không phải là thư viện {expected} nạp được trên máy này.",
    "module_arch_mismatch": "Trình điều khiển {name} là bản {module_bits}-bit ({module_machine}), "
    "nhưng VBĐT Desktop đang chạy bản {host_bits}-bit ({host_machine}). Hãy cài bản trình điều "
    "khiển {host_bits}-bit của nhà cung cấp chứng thư số.",
}

EN: dict[str, str] = {
    "pin_count_low": "Token “{label}” reports a wrong PIN since the last login. Type carefully: "
    "the token locks after too many wrong PINs.",
    "confirm_after_failures": "The PIN for token “{label}” (serial {serial}) was wrong {failures} "
    "times in a row. Most tokens lock after 3–5 wrong PINs, and then only the certificate "
    "provider can unlock them. Try again?",
    "pin_pad": "Type the PIN on the reader's keypad for token “{label}”.",
    "pin_pad_signature": "Type the PIN on the reader's keypad to sign with “{label}”.",
    "cert_expired": "The certificate expired on {date}.",
    "cert_not_yet_valid": "The certificate is not valid yet (valid from {date}).",
    "cert_expiring_soon": "The certificate expires in {days} days ({date}); ask the provider to "
    "renew it.",
    "cert_no_signing_usage": "The certificate does not allow signing (no digitalSignature or "
    "nonRepudiation key usage).",
    "cert_is_ca": "This is a certificate authority's certificate, not one to sign with.",
    "cert_no_key": "The token holds no private key for this certificate.",
    "module_missing": "Driver file not found: {path}.",
    "module_not_a_file": "{path} is not a driver file.",
    "module_unreadable": "Cannot read driver file {path} ({reason}).",
    "module_wrong_format": "{path} is not a {expected} library this computer can load.",
    "module_arch_mismatch": "Driver {name} is {module_bits}-bit ({module_machine}) but VBĐT "
    "Desktop runs as {host_bits}-bit ({host_machine}). Install the {host_bits}-bit driver from "
    "the certificate provider.",
}

# Sentences for the error codes added in app.signing.tokens.errors (for app.messages.VI).
VI_ERROR_TEXTS: dict[str, str] = {
    "token_arch_mismatch": "Trình điều khiển USB token không cùng kiến trúc (32/64-bit) với "
    "VBĐT Desktop.",
    "token_auth_unsupported": "USB token này yêu cầu cách xác thực mà ứng dụng chưa hỗ trợ.",
    "token_object_not_found": "Không tìm thấy chứng thư số hoặc khóa bí mật trên USB token.",
    "token_login_closed": "Phiên đăng nhập USB token đã kết thúc; hãy đăng nhập lại.",
    "token_busy": "USB token đang được dùng bởi một phiên khác của ứng dụng.",
    "pin_empty": "Chưa nhập mã PIN.",
}

_TABLES = {"vi": VI, "en": EN}


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


def render(key: str, params: Mapping[str, Any], lang: str = DEFAULT_LANG) -> str:
    """The sentence ``key`` in ``lang`` (Vietnamese when unknown), with named fields filled."""
    table = _TABLES.get(lang, VI)
    return table.get(key, VI[key]).format_map(_Missing(params))


def text(key: str, *, lang: str = DEFAULT_LANG, **params: Any) -> str:
    """``render`` with the fields as keyword arguments."""
    return render(key, params, lang)
