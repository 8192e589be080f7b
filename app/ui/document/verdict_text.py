"""Signature verdicts in words a clerk reads: who signed, as whom, when and how that time is
known, whether the certificate is trusted, and what changed after signing.

Reads the engine's ``SignatureVerdict``/``DocumentVerdict``; must not decide or change a verdict.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.domain.types import Verdict
from app.signing.verify import SignatureVerdict
from app.signing.verify.timefmt import vn_time_text

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

VERDICT_COLOURS: dict[Verdict, str] = {
    Verdict.VALID: "#1b7f3b",
    Verdict.VALID_CHANGED_LATER: "#1b7f3b",
    Verdict.NEEDS_REVIEW: "#b26a00",
    Verdict.INVALID: "#b00020",
    Verdict.CANNOT_VERIFY: "#555555",
}


def verdict_word(verdict: Verdict | str) -> str:
    words = {
        Verdict.VALID: translate("VerdictText", "Hợp lệ"),
        Verdict.VALID_CHANGED_LATER: translate(
            "VerdictText", "Hợp lệ – có thay đổi được phép sau khi ký"
        ),
        Verdict.NEEDS_REVIEW: translate("VerdictText", "Cần xem xét"),
        Verdict.INVALID: translate("VerdictText", "Không hợp lệ"),
        Verdict.CANNOT_VERIFY: translate("VerdictText", "Không kiểm tra được"),
    }
    return words[Verdict(verdict)]


def signer_role(kind: str) -> str:
    """The engine's identity heuristic in words: a leader's personal signature or the agency's."""
    words = {
        "personal": translate("VerdictText", "Cá nhân (lãnh đạo, người có thẩm quyền)"),
        "agency": translate("VerdictText", "Cơ quan, tổ chức (con dấu số)"),
        "timestamp": translate("VerdictText", "Dấu thời gian tài liệu"),
        "unknown": translate("VerdictText", "Không xác định"),
    }
    return words.get(str(kind), str(kind))


def time_source(source: str) -> str:
    words = {
        "tsa_token": translate(
            "VerdictText", "theo dấu thời gian của tổ chức cấp dấu thời gian (TSA) – tin cậy"
        ),
        "document_timestamp": translate("VerdictText", "theo dấu thời gian tài liệu – tin cậy"),
        "local_receipt": translate("VerdictText", "theo lúc phần mềm nhận và kiểm tra lần đầu"),
        "claimed": translate("VerdictText", "theo đồng hồ máy người ký – không được bảo đảm"),
        "none": translate("VerdictText", "không rõ"),
    }
    return words.get(str(source), str(source))


def revocation(status: str) -> str:
    words = {
        "good": translate("VerdictText", "Chứng thư chưa bị thu hồi"),
        "revoked": translate("VerdictText", "Chứng thư ĐÃ BỊ THU HỒI"),
        "revoked_after_signing": translate("VerdictText", "Chứng thư bị thu hồi sau thời điểm ký"),
        "unknown_offline": translate(
            "VerdictText", "Chưa kiểm tra được thu hồi (ngoại tuyến) – sẽ kiểm tra lại"
        ),
        "unknown": translate("VerdictText", "Không xác định được tình trạng thu hồi"),
        "not_checked": translate("VerdictText", "Không kiểm tra thu hồi"),
    }
    return words.get(str(status), str(status))


def change_kind(kind: str) -> str:
    words = {
        "form_fill": translate("VerdictText", "Điền trường"),
        "signature": translate("VerdictText", "Thêm chữ ký"),
        "document_timestamp": translate("VerdictText", "Thêm dấu thời gian"),
        "dss": translate("VerdictText", "Bổ sung dữ liệu kiểm tra dài hạn (LTV) sau khi ký"),
        "metadata": translate("VerdictText", "Cập nhật thông tin mô tả"),
        "other": translate("VerdictText", "Thay đổi khác"),
    }
    return words.get(str(kind), str(kind))


def signer_name(sig: SignatureVerdict) -> str:
    return (
        sig.signer_common_name
        or sig.signer_subject
        or translate("VerdictText", "(không đọc được tên người ký)")
    )


def signed_when(sig: SignatureVerdict) -> str:
    moment: datetime | None = sig.signing_time or sig.claimed_signing_time
    if moment is None:
        return translate("VerdictText", "Không rõ thời điểm ký")
    return translate("VerdictText", "{time}, {source}").format(
        time=vn_time_text(moment), source=time_source(str(sig.signing_time_source))
    )


def short_name(dn: str) -> str:
    """The CN of a distinguished name ("CN=VBĐT CA, O=…" → "VBĐT CA"); the text if none."""
    for part in dn.split(","):
        key, _, value = part.strip().partition("=")
        if key.strip().upper() == "CN" and value.strip():
            return value.strip()
    return dn


def trust_line(sig: SignatureVerdict) -> str:
    if sig.trust_anchor:
        return translate(
            "VerdictText", "Tin cậy: chứng thư do {issuer} cấp, chuỗi đến {anchor}"
        ).format(issuer=short_name(sig.issuer) or "?", anchor=short_name(sig.trust_anchor))
    return translate(
        "VerdictText", "Không tin cậy: chứng thư do {issuer} cấp không thuộc danh sách tin cậy"
    ).format(issuer=short_name(sig.issuer) or "?")


def changes_lines(sig: SignatureVerdict) -> list[str]:
    """One line per change made after this signature, with the field and its value."""
    lines = []
    for change in sig.later_changes:
        what = change_kind(change.kind)
        if change.kind == "dss":  # the DSS is named "DSS": the words already say what it is
            lines.append(what)
        elif change.name and change.value:
            lines.append(
                translate("VerdictText", "{what}: «{name}» = «{value}»").format(
                    what=what, name=change.name, value=change.value
                )
            )
        elif change.name:
            lines.append(
                translate("VerdictText", "{what}: «{name}»").format(what=what, name=change.name)
            )
        else:
            lines.append(what)
    named = {change.name for change in sig.later_changes}
    for name, value in sig.changed_fields:
        if name in named:
            continue
        line = translate("VerdictText", "Trường «{name}» đổi thành «{value}»").format(
            name=name, value=value
        )
        if line not in lines:
            lines.append(line)
    return lines


def reason_lines(sig: SignatureVerdict) -> list[str]:
    return list(dict.fromkeys(r.text for r in sig.reasons if r.text))
