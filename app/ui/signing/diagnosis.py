"""The token doctor's words: from a listing of drivers, tokens and certificates to plain sentences
a leader or clerk can act on (install the driver, plug the token in, renew the certificate, call
the CA before the PIN locks). Widget-free: tests read the sentences directly.

The sentences sit in one table, marked for translation with QT_TRANSLATE_NOOP and translated when
used, so no sentence is assembled in an if/elif chain.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.tokens import ModuleListing, TokenEntry
from app.signing.tokens import CertificateInfo, CertProblemCode, PinState

_CONTEXT = "TokenDoctor"


class Severity(enum.IntEnum):
    OK = 0
    INFO = 1
    WARNING = 2
    ERROR = 3


@dataclass(frozen=True)
class Diagnosis:
    severity: Severity
    text: str
    detail: str = ""  # the technical detail (a path, a driver's own sentence) for support staff


_S = Severity
_TEXTS: dict[str, tuple[Severity, str]] = {
    "no_driver": (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "Không tìm thấy trình điều khiển USB token nào trên máy này. Hãy cài phần mềm đi kèm USB "
        "token của nhà cung cấp chứng thư số (Viettel-CA, VNPT-CA, FPT-CA, BkavCA…), rồi bấm "
        "“Làm mới”.")),
    "no_token": (_S.WARNING, QT_TRANSLATE_NOOP("TokenDoctor",
        "Chưa cắm USB token: trình điều khiển {name} không thấy token nào. Hãy cắm token vào cổng "
        "USB; danh sách tự cập nhật.")),
    "module_arch_mismatch": (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "Trình điều khiển {name} không cùng kiến trúc 32/64-bit với ứng dụng: hãy cài đúng bản "
        "trình điều khiển của nhà cung cấp chứng thư số.")),
    "module_missing": (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "Không tìm thấy tệp trình điều khiển {name}: hãy cài lại phần mềm của USB token hoặc sửa "
        "đường dẫn trong cài đặt.")),
    "demo": (_S.INFO, QT_TRANSLATE_NOOP("TokenDoctor", "Không có token trình diễn.")),
    "module_other": (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "Không dùng được trình điều khiển {name}.")),
    "demo_token": (_S.INFO, QT_TRANSLATE_NOOP("TokenDoctor",
        "“{label}” là token trình diễn — không phải token thật; mã PIN trình diễn được công bố "
        "công khai.")),
    "token_error": (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "Không đọc được USB token “{label}”.")),
    PinState.COUNT_LOW.value: (_S.WARNING, QT_TRANSLATE_NOOP("TokenDoctor",
        "USB token “{label}” báo đã có lần nhập sai mã PIN: hãy nhập thật cẩn thận, token sẽ bị "
        "khóa nếu nhập sai quá số lần cho phép.")),
    PinState.FINAL_TRY.value: (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "USB token “{label}” chỉ còn một lần nhập mã PIN: ứng dụng sẽ không thử. Hãy liên hệ nhà "
        "cung cấp chứng thư số (CA).")),
    PinState.LOCKED.value: (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "USB token “{label}” đã bị khóa mã PIN: hãy liên hệ nhà cung cấp chứng thư số (CA) để mở "
        "khóa.")),
    "no_certificate": (_S.WARNING, QT_TRANSLATE_NOOP("TokenDoctor",
        "USB token “{label}” không có chứng thư số để ký.")),
    "ready": (_S.OK, QT_TRANSLATE_NOOP("TokenDoctor",
        "Sẵn sàng ký: {n} chứng thư số dùng được.")),
    "none_usable": (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "Chưa có chứng thư số nào dùng để ký được (xem các mục dưới đây).")),
    CertProblemCode.EXPIRED.value: (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "Chứng thư số của {cn} đã hết hạn ngày {date}: không ký được nữa; hãy gia hạn với nhà "
        "cung cấp chứng thư số.")),
    CertProblemCode.NOT_YET_VALID.value: (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "Chứng thư số của {cn} chưa có hiệu lực.")),
    CertProblemCode.EXPIRING_SOON.value: (_S.WARNING, QT_TRANSLATE_NOOP("TokenDoctor",
        "Chứng thư số của {cn} sẽ hết hạn sau {days} ngày (ngày {date}): hãy liên hệ nhà cung cấp "
        "để gia hạn.")),
    CertProblemCode.NO_SIGNING_USAGE.value: (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "Chứng thư số của {cn} không dùng để ký số (chỉ dùng cho mục đích khác).")),
    CertProblemCode.IS_CA.value: (_S.INFO, QT_TRANSLATE_NOOP("TokenDoctor",
        "Chứng thư của tổ chức cấp chứng thư số, không dùng để ký.")),
    CertProblemCode.NO_KEY.value: (_S.ERROR, QT_TRANSLATE_NOOP("TokenDoctor",
        "Không có khóa bí mật cho chứng thư số của {cn} trên token.")),
}  # fmt: skip

_SHORT: dict[str, str] = {
    CertProblemCode.EXPIRED.value: QT_TRANSLATE_NOOP("TokenDoctor", "Đã hết hạn"),
    CertProblemCode.NOT_YET_VALID.value: QT_TRANSLATE_NOOP("TokenDoctor", "Chưa có hiệu lực"),
    CertProblemCode.NO_SIGNING_USAGE.value: QT_TRANSLATE_NOOP("TokenDoctor", "Không dùng để ký"),
    CertProblemCode.IS_CA.value: QT_TRANSLATE_NOOP("TokenDoctor", "Chứng thư CA"),
    CertProblemCode.NO_KEY.value: QT_TRANSLATE_NOOP("TokenDoctor", "Không có khóa"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _say(key: str, detail: str = "", **fields: Any) -> Diagnosis:
    severity, text = _TEXTS[key]
    return Diagnosis(severity, _t(text).format(**fields), detail)


def module_name(listing: ModuleListing) -> str:
    return listing.module.vendor or Path(listing.module.path.replace("\\", "/")).name


def source_text(source: str) -> str:
    words = {
        "option": QT_TRANSLATE_NOOP("TokenDoctor", "chỉ định"),
        "setting": QT_TRANSLATE_NOOP("TokenDoctor", "theo cài đặt"),
        "demo": QT_TRANSLATE_NOOP("TokenDoctor", "token trình diễn"),
        "found": QT_TRANSLATE_NOOP("TokenDoctor", "tìm thấy trên máy"),
    }
    return _t(words[source]) if source in words else source


def expiry_date(cert: CertificateInfo) -> str:
    return cert.not_after.astimezone().strftime("%d/%m/%Y")


def diagnose(listings: Sequence[ModuleListing]) -> list[Diagnosis]:
    """Everything worth saying about the drivers, tokens and certificates, worst problems first."""
    if not listings:
        return [_say("no_driver")]
    found: list[Diagnosis] = []
    usable = tokens = 0
    for listing in listings:
        name, detail = module_name(listing), listing.module.path
        if listing.error:
            key = listing.error_code if listing.error_code in _TEXTS else "module_other"
            found.append(_say(key, f"{detail}: {listing.error}", name=name))
        elif not listing.tokens:
            found.append(_say("no_token", detail, name=name))
        for token in listing.tokens:
            tokens += 1
            found += _token_findings(token)
            if token.pin_state not in (PinState.FINAL_TRY.value, PinState.LOCKED.value):
                usable += sum(1 for c in token.certificates if not c.is_ca and c.usable_for_signing)
    if usable:
        found.append(_say("ready", n=usable))
    elif tokens:
        found.append(_say("none_usable"))
    return sorted(found, key=lambda d: -d.severity)


def _token_findings(token: TokenEntry) -> list[Diagnosis]:
    out: list[Diagnosis] = []
    if token.demo:
        out.append(_say("demo_token", label=token.label))
    if token.error:
        out.append(_say("token_error", token.error, label=token.label))
    if token.pin_state in _TEXTS:
        out.append(_say(token.pin_state, label=token.label))
    certs = [c for c in token.certificates if not c.is_ca]
    if not certs and not token.error:
        out.append(_say("no_certificate", label=token.label))
    for cert in certs:
        out += certificate_findings(cert)
    return out


def certificate_findings(cert: CertificateInfo) -> list[Diagnosis]:
    """What is wrong with one certificate, in plain words."""
    out = []
    for problem in cert.problems:
        if problem.code.value not in _TEXTS:
            out.append(Diagnosis(Severity.WARNING, problem.message))
            continue
        days = problem.days_left if problem.days_left is not None else "?"
        out.append(_say(problem.code.value, cn=cert.subject_cn, date=expiry_date(cert), days=days))
    return out


def certificate_status(cert: CertificateInfo) -> tuple[Severity, str]:
    """One short status for a certificate row: worst problem first."""
    if not cert.problems:
        return Severity.OK, QCoreApplication.translate("TokenDoctor", "Dùng được")
    blocking = [p for p in cert.problems if p.blocking]
    if blocking:
        code = blocking[0].code.value
        return Severity.ERROR, _t(_SHORT[code]) if code in _SHORT else blocking[0].message
    days = next((p.days_left for p in cert.problems if p.days_left is not None), None)
    return Severity.WARNING, QCoreApplication.translate(
        "TokenDoctor", "Sắp hết hạn (còn {days} ngày)"
    ).format(days=days)
