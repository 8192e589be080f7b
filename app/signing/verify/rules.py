"""The rule table: every verdict names the rule that decided it, and every finding has a stable
code, a severity and a Vietnamese sentence.

Rules are listed in evaluation order (structure, then cryptography, then changes, then trust):
when several rules reach the same severity, the first one listed is reported as deciding.
``docs/verification.md`` explains each rule and the attack it stops. Must not: inspect files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.types import Verdict
from app.signing.verify.model import Reason

V, VCL, NR, INV, CNV = (
    Verdict.VALID,
    Verdict.VALID_CHANGED_LATER,
    Verdict.NEEDS_REVIEW,
    Verdict.INVALID,
    Verdict.CANNOT_VERIFY,
)


@dataclass(frozen=True)
class Rule:
    id: str
    catches: str


RULES: tuple[Rule, ...] = (
    Rule("PARSE_STRICT", "the strict parser raised: malformed, truncated, not a PDF, encrypted"),
    Rule("PARSE_LIMIT", "size, count, decompression, time or memory limits were reached"),
    Rule("STRUCTURE_LOOP", "page tree or form field tree loops back on itself or is too deep"),
    Rule("NO_SIGNATURE", "the file carries no signature at all"),
    Rule("SIG_UNLISTED", "a signed field the library does not list (unusual SubFilter)"),
    Rule("SIG_DETACHED", "a /ByteRange signature dictionary that no field points to"),
    Rule("SIG_RAW_MISMATCH", "fewer raw /ByteRange dictionaries than signed fields"),
    Rule("BYTERANGE_SHAPE", "a /ByteRange that is not [0 a b c] around exactly one hex string"),
    Rule("REVISION_BOUNDARY", "signed bytes that stop short of (or past) their revision's end"),
    Rule("TRAILING_BYTES", "bytes after the last revision the parser sees (incremental saving)"),
    Rule("HIDDEN_OBJECT", "objects in a later revision that its xref section does not list"),
    Rule("CMS_UNREADABLE", "a signature container that cannot be parsed or checked"),
    Rule("DIGEST_MISMATCH", "signed bytes changed after signing"),
    Rule("SIGNATURE_INVALID", "a signature value that does not verify"),
    Rule("TIMESTAMP_INVALID", "a broken timestamp token inside the signature"),
    Rule("BROKEN_CRYPTO", "MD5/MD2 or other disallowed algorithms"),
    Rule("MODIFIED", "changes after signing that the difference analysis does not allow"),
    Rule("DOCMDP", "changes beyond what a certification (DocMDP) signature permits"),
    Rule("SHADOW_OVERLAY", "a field filled (or added) after signing over signed text"),
    Rule("KEY_USAGE", "a certificate not issued for signing"),
    Rule("UNTRUSTED", "no path to an imported trust anchor"),
    Rule("CERT_TIME", "a certificate not valid at the trusted signing time"),
    Rule("REVOKED", "a certificate revoked at or before the trusted signing time"),
    Rule("CHAIN_INVALID", "any other certificate path failure"),
    Rule("CMS_QUIRK", "a CMS quirk of Vietnamese signing tools, accepted after normalising"),
    Rule("WEAK_HASH", "SHA-1 in the signature or the certificate chain"),
    Rule("OVERLAY_REVIEW", "later appearances over signed images, or over text when opaque"),
    Rule("UNEXPLAINED_CHANGE", "allowed-looking changes the analysis cannot attribute"),
    Rule("REVOCATION_UNKNOWN", "revocation status unknowable (no source, unusable answers)"),
    Rule("CHANGED_LATER", "allowed changes after signing: form filling, signatures, DSS"),
    Rule("COVERS_FILE", "the signature (or last timestamp) covers the whole file"),
    # Informational from here on: they never decide a verdict.
    Rule("REVOCATION_OFFLINE", "revocation not checked because offline: re-verify later"),
    Rule("REVOKED_LATER", "revoked after the trusted signing time (signature stays valid)"),
    Rule("TIME_SOURCE", "a timestamp that cannot be trusted, so another clock is used"),
    Rule("DOC_AGENCY", "whether the agency's signature is present"),
)
RULE_IDS: tuple[str, ...] = tuple(r.id for r in RULES)
_ORDER = {rule_id: i for i, rule_id in enumerate(RULE_IDS)}

# code -> (rule id, severity, Vietnamese template with named fields)
CODES: dict[str, tuple[str, Verdict, str]] = {
    "not_pdf": ("PARSE_STRICT", CNV, "Tệp không phải là tệp PDF."),
    "pdf_truncated": ("PARSE_STRICT", CNV, "Tệp PDF bị cắt cụt (thiếu phần cuối tệp)."),
    "pdf_malformed": ("PARSE_STRICT", CNV, "Tệp PDF có cấu trúc không hợp lệ ({detail})."),
    "pdf_encrypted": ("PARSE_STRICT", CNV, "Tệp PDF được mã hóa bằng mật khẩu."),
    "pdf_loop": ("STRUCTURE_LOOP", CNV, "Tệp PDF có vòng lặp tham chiếu giữa các đối tượng."),
    "pdf_unsupported": ("PARSE_STRICT", CNV, "Tệp dùng tính năng PDF chưa hỗ trợ ({detail})."),
    "internal_error": ("PARSE_STRICT", CNV, "Lỗi không mong đợi khi kiểm tra ({detail})."),
    "lenient_only": (
        "PARSE_STRICT",
        CNV,
        "Tệp chỉ đọc được ở chế độ dễ dãi; kết quả đọc dễ dãi không được dùng để công nhận.",
    ),
    "decode_limit": (
        "PARSE_LIMIT",
        CNV,
        "Tệp chứa dữ liệu nén giải nén ra quá lớn (nghi «bom giải nén»).",
    ),
    "file_too_large": ("PARSE_LIMIT", CNV, "Tệp lớn hơn giới hạn {limit_mb} MB."),
    "too_many": ("PARSE_LIMIT", CNV, "Tệp có quá nhiều {what} (giới hạn {limit})."),
    "timeout": ("PARSE_LIMIT", CNV, "Kiểm tra vượt quá thời gian cho phép ({seconds} giây)."),
    "memory": ("PARSE_LIMIT", CNV, "Kiểm tra vượt quá bộ nhớ cho phép ({megabytes} MB)."),
    "worker_failed": ("PARSE_LIMIT", CNV, "Tiến trình kiểm tra dừng bất thường ({detail})."),
    "structure_loop": ("STRUCTURE_LOOP", CNV, "Cấu trúc {where} có vòng lặp hoặc quá sâu."),
    "no_signature": ("NO_SIGNATURE", INV, "Văn bản không có chữ ký số."),
    "sig_unlisted": (
        "SIG_UNLISTED",
        CNV,
        "Trường «{field}» có chữ ký nhưng không kiểm tra được (SubFilter «{subfilter}»).",
    ),
    "sig_detached": (
        "SIG_DETACHED",
        INV,
        "Tệp có {raw} từ điển chữ ký nhưng chỉ {fields} trường chữ ký có giá trị: "
        "có chữ ký đã bị gỡ bỏ hoặc bị che giấu.",
    ),
    "sig_raw_fewer": (
        "SIG_RAW_MISMATCH",
        NR,
        "Số trường chữ ký ({fields}) nhiều hơn số từ điển chữ ký thấy trực tiếp ({raw}).",
    ),
    "trailing_bytes": (
        "TRAILING_BYTES",
        INV,
        "Có {count} byte được nối sau phần cuối của tệp mà không thuộc bản sửa đổi nào "
        "(tấn công lưu gia tăng).",
    ),
    "hidden_object": (
        "HIDDEN_OBJECT",
        INV,
        "Bản sửa đổi {revision} chứa đối tượng không có trong bảng tham chiếu ({objects}).",
    ),
    "byterange_shape": ("BYTERANGE_SHAPE", INV, "Vùng ký (/ByteRange) không hợp lệ: {detail}."),
    "revision_boundary": (
        "REVISION_BOUNDARY",
        INV,
        "Vùng được ký không kết thúc đúng ở cuối bản sửa đổi chứa chữ ký ({detail}).",
    ),
    "cms_unreadable": (
        "CMS_UNREADABLE",
        CNV,
        "Không đọc hoặc không kiểm tra được cấu trúc chữ ký ({detail}).",
    ),
    "digest_mismatch": (
        "DIGEST_MISMATCH",
        INV,
        "Giá trị băm không khớp: nội dung đã bị thay đổi sau khi ký.",
    ),
    "signature_invalid": (
        "SIGNATURE_INVALID",
        INV,
        "Giá trị chữ ký không khớp với chứng thư số của người ký.",
    ),
    "timestamp_invalid": (
        "TIMESTAMP_INVALID",
        INV,
        "Dấu thời gian gắn trong chữ ký không hợp lệ.",
    ),
    "broken_crypto": (
        "BROKEN_CRYPTO",
        INV,
        "Chữ ký dùng thuật toán mật mã không còn an toàn ({algorithm}).",
    ),
    "modified": (
        "MODIFIED",
        INV,
        "Tài liệu bị thay đổi sau khi ký theo cách không được phép ({detail}).",
    ),
    "docmdp": (
        "DOCMDP",
        INV,
        "Tài liệu đã được chứng thực với quyền «{permission}» nhưng bị thay đổi vượt quyền đó.",
    ),
    "shadow_overlay": (
        "SHADOW_OVERLAY",
        INV,
        "Trường «{field}» được điền sau khi ký và nằm đè lên chữ của nội dung đã ký "
        "(tấn công che/thay nội dung).",
    ),
    "empty_field_over_text": (
        "SHADOW_OVERLAY",
        INV,
        "Trường chữ ký trống «{field}» được thêm sau khi ký, hình hiển thị che chữ đã ký.",
    ),
    "key_usage": (
        "KEY_USAGE",
        INV,
        "Chứng thư số không được cấp cho mục đích ký số (thiếu digitalSignature/nonRepudiation).",
    ),
    "untrusted": (
        "UNTRUSTED",
        INV,
        "Chứng thư số không dẫn tới chứng thư gốc tin cậy nào đã được nhập.",
    ),
    "cert_time": (
        "CERT_TIME",
        INV,
        "Chứng thư số không có hiệu lực tại thời điểm ký đáng tin cậy ({time}).",
    ),
    "revoked": (
        "REVOKED",
        INV,
        "Chứng thư số {whose} đã bị thu hồi từ {revoked_at}, trước thời điểm ký ({time}).",
    ),
    "chain_invalid": ("CHAIN_INVALID", INV, "Chuỗi chứng thư số không hợp lệ ({detail})."),
    "cms_quirk": (
        "CMS_QUIRK",
        NR,
        "Cấu trúc chữ ký bất thường (eContent rỗng, gặp ở một số phần mềm ký trong nước); "
        "chữ ký chỉ kiểm tra được sau khi chuẩn hóa.",
    ),
    "weak_hash": ("WEAK_HASH", NR, "Dùng thuật toán băm yếu {algorithm} ({where})."),
    "overlay_image": (
        "OVERLAY_REVIEW",
        NR,
        "Trường «{field}» được điền sau khi ký nằm đè lên hình ảnh của nội dung đã ký.",
    ),
    "later_signature_over_text": (
        "OVERLAY_REVIEW",
        NR,
        "Hình hiển thị không trong suốt của chữ ký «{field}» (ký sau) che chữ của nội dung đã ký.",
    ),
    "overlay_unchecked": (
        "OVERLAY_REVIEW",
        NR,
        "Không phân tích được trang để biết trường «{field}» có che nội dung đã ký không.",
    ),
    "appearance_only": (
        "UNEXPLAINED_CHANGE",
        NR,
        "Hình hiển thị của trường «{field}» bị đổi sau khi ký trong khi giá trị không đổi.",
    ),
    "unexplained_change": (
        "UNEXPLAINED_CHANGE",
        NR,
        "Có thay đổi sau khi ký mà phân tích không giải thích được ({detail}).",
    ),
    "revocation_unknown": (
        "REVOCATION_UNKNOWN",
        NR,
        "Không xác định được tình trạng thu hồi của chứng thư số ({detail}).",
    ),
    "revocation_offline": (
        "REVOCATION_OFFLINE",
        V,
        "Chưa kiểm tra được tình trạng thu hồi chứng thư (đang ngoại tuyến); "
        "sẽ tự động kiểm tra lại khi có mạng.",
    ),
    "revocation_offline_since": (
        "REVOCATION_OFFLINE",
        V,
        "Chưa kiểm tra được tình trạng thu hồi chứng thư (ngoại tuyến từ {since}); "
        "sẽ tự động kiểm tra lại khi có mạng.",
    ),
    "revocation_unreachable": (
        "REVOCATION_OFFLINE",
        V,
        "Chưa kiểm tra được tình trạng thu hồi chứng thư (không kết nối được máy chủ OCSP/CRL); "
        "sẽ tự động kiểm tra lại.",
    ),
    "revoked_later": (
        "REVOKED_LATER",
        V,
        "Chứng thư số bị thu hồi từ {revoked_at}, sau thời điểm ký đáng tin cậy ({time}).",
    ),
    "timestamp_untrusted": (
        "TIME_SOURCE",
        V,
        "Dấu thời gian trong chữ ký không được tin cậy; thời điểm ký lấy theo nguồn khác.",
    ),
    "changed_later": ("CHANGED_LATER", VCL, "Có thay đổi được phép sau khi ký: {changes}."),
    "ltv_added": (
        "CHANGED_LATER",
        VCL,
        "Chỉ bổ sung dữ liệu kiểm tra dài hạn (LTV) sau khi ký; nội dung đã ký không thay đổi.",
    ),
    "covers_file": ("COVERS_FILE", V, "Chữ ký bao phủ toàn bộ tệp."),
    "doc_last_covers": (
        "COVERS_FILE",
        V,
        "Chữ ký (hoặc dấu thời gian) cuối cùng bao phủ toàn bộ tệp.",
    ),
    "doc_changed_after_last": (
        "CHANGED_LATER",
        VCL,
        "Sau chữ ký (hoặc dấu thời gian) cuối cùng có thay đổi được phép: {changes}.",
    ),
    "doc_ltv_after_last": (
        "CHANGED_LATER",
        VCL,
        "Sau chữ ký (hoặc dấu thời gian) cuối cùng chỉ bổ sung dữ liệu kiểm tra dài hạn (LTV); "
        "nội dung đã ký không thay đổi.",
    ),
    "agency_missing": (
        "DOC_AGENCY",
        V,
        "Chưa có chữ ký số của cơ quan, tổ chức: văn bản chỉ có chữ ký cá nhân, "
        "chưa phải văn bản điện tử hoàn chỉnh.",
    ),
    "agency_present": ("DOC_AGENCY", V, "Có chữ ký số của cơ quan, tổ chức."),
}


class _Missing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


def reason(code: str, **params: Any) -> Reason:
    """The finding ``code`` with its rule, severity and Vietnamese text filled from ``params``."""
    rule_id, level, template = CODES[code]
    text = template.format_map(_Missing({k: str(v) for k, v in params.items()}))
    return Reason(
        code=code,
        rule_id=rule_id,
        severity=level,
        text=text,
        params=tuple((k, str(v)) for k, v in sorted(params.items())),
    )


def rule_order(rule_id: str) -> int:
    return _ORDER.get(rule_id, len(_ORDER))
