"""What the certificate validation said, in our words: revocation status and trust problems.

pyhanko reports a revoked certificate, an untrusted chain or an expired certificate through AdES
sub-indications; revocation that could not be checked shows only as a strict pass that failed
and a lenient one that succeeded. Must not: run the validation itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from asn1crypto import x509
from pyhanko.sign.ades.report import AdESIndeterminate

from app.signing.verify.model import RevocationStatus
from app.signing.verify.revinfo import crl_window, ocsp_window
from app.signing.verify.rules import reason
from app.signing.verify.sigcheck import CheckContext, SigCheck
from app.signing.verify.timefmt import vn_time_text


def unknown_revocation(check: SigCheck, ctx: CheckContext) -> None:
    session = ctx.session
    if not session.online:
        check.revocation = RevocationStatus.UNKNOWN_OFFLINE
        since = session.policy.offline_since
        check.findings.append(
            reason("revocation_offline_since", since=vn_time_text(since))
            if since
            else reason("revocation_offline")
        )
    elif session.failures:
        check.revocation = RevocationStatus.UNKNOWN_OFFLINE
        check.findings.append(reason("revocation_unreachable"))
    else:
        check.revocation = RevocationStatus.UNKNOWN
        check.findings.append(
            reason("revocation_unknown", detail="không có nguồn OCSP/CRL dùng được")
        )


def _revocation_time(cert: x509.Certificate, ctx: CheckContext) -> datetime | None:
    """When revocation data at hand says ``cert`` was revoked (None: not revoked)."""
    for resp in ctx.session.known_ocsp(cert):
        if ocsp_window(resp, cert) is None:
            continue
        for single in resp["response_bytes"]["response"].parsed["tbs_response_data"]["responses"]:
            status = single["cert_status"]
            if status.name == "revoked" and single["cert_id"]["serial_number"].native == (
                cert.serial_number
            ):
                when: datetime = status.chosen["revocation_time"].native
                return when
    for revlist in ctx.session.known_crls(cert):
        if crl_window(revlist, cert) is None:
            continue
        for entry in revlist["tbs_cert_list"]["revoked_certificates"]:
            if entry["user_certificate"].native == cert.serial_number:
                date: datetime = entry["revocation_date"].native
                return date
    return None


def revoked_later(
    check: SigCheck, cert: x509.Certificate, ctx: CheckContext, moment: datetime
) -> None:
    """Say so when known data shows a revocation after the trusted signing time."""
    when = _revocation_time(cert, ctx)
    if when is not None and when > moment:
        check.revocation = RevocationStatus.REVOKED_AFTER_SIGNING
        check.findings.append(
            reason("revoked_later", revoked_at=vn_time_text(when), time=vn_time_text(moment))
        )


def trust_problem(check: SigCheck, status: Any, moment: datetime) -> None:
    indic = status.trust_problem_indic
    details = status.revocation_details
    if details is not None:
        check.revocation = RevocationStatus.REVOKED
        check.revocation_as_of = details.revocation_date
        check.findings.append(
            reason(
                "revoked",
                whose="của CA trung gian" if details.ca_revoked else "của người ký",
                revoked_at=vn_time_text(details.revocation_date),
                time=vn_time_text(moment),
            )
        )
    elif indic is AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND:
        check.findings.append(reason("untrusted"))
    elif indic in (
        AdESIndeterminate.OUT_OF_BOUNDS_NO_POE,
        AdESIndeterminate.EXPIRED,
        AdESIndeterminate.NOT_YET_VALID,
        AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
    ):
        check.findings.append(reason("cert_time", time=vn_time_text(moment)))
    elif indic in (
        AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE,
        AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
    ):
        check.findings.append(reason("broken_crypto", algorithm="chuỗi chứng thư"))
    elif indic is AdESIndeterminate.CHAIN_CONSTRAINTS_FAILURE and any(
        f.rule_id == "KEY_USAGE" for f in check.findings
    ):
        return  # already reported by our own key usage rule
    else:
        detail = _CHAIN_PROBLEMS.get(indic, getattr(indic, "name", "không rõ"))
        check.findings.append(reason("chain_invalid", detail=detail))


_CHAIN_PROBLEMS = {
    AdESIndeterminate.CERTIFICATE_CHAIN_GENERAL_FAILURE: (
        "chuỗi vi phạm ràng buộc của CA, ví dụ độ dài đường dẫn hoặc phạm vi tên"
    ),
    AdESIndeterminate.CHAIN_CONSTRAINTS_FAILURE: "chứng thư vi phạm ràng buộc sử dụng",
    AdESIndeterminate.NO_POE: "thiếu bằng chứng về thời điểm tồn tại",
    AdESIndeterminate.TRY_LATER: "dữ liệu thu hồi đã cũ",
}
