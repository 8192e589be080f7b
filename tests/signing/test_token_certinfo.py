"""Certificate flags a person must see (expiry, validity, key usage) and chain assembly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.demo.pki import DemoPki, issue_end_entity, person_subject, signing_key_usage
from app.signing.tokens import CertProblem, CertProblemCode
from app.signing.tokens.chain import build_chain
from app.signing.tokens.info import certificate_problems, describe_certificate


def _codes(problems: tuple[CertProblem, ...]) -> set[CertProblemCode]:
    return {p.code for p in problems}


def test_valid_signing_certificate_has_no_problems(demo_pki: DemoPki) -> None:
    assert certificate_problems(demo_pki.leader.cert) == ()


def test_expiring_within_30_days_is_a_warning_not_a_block(demo_pki: DemoPki) -> None:
    cert = demo_pki.leader.cert
    now = cert.not_valid_after_utc - timedelta(days=10, hours=1)
    (problem,) = certificate_problems(cert, now=now)
    assert problem.code is CertProblemCode.EXPIRING_SOON
    assert problem.days_left == 10 and not problem.blocking
    assert "10 ngày" in problem.message
    later = cert.not_valid_after_utc - timedelta(days=31)
    assert certificate_problems(cert, now=later) == ()


def test_expired_and_not_yet_valid_block(demo_pki: DemoPki) -> None:
    cert = demo_pki.leader.cert
    expired = certificate_problems(cert, now=cert.not_valid_after_utc + timedelta(seconds=1))
    assert _codes(expired) == {CertProblemCode.EXPIRED} and expired[0].blocking
    early = certificate_problems(cert, now=cert.not_valid_before_utc - timedelta(days=1))
    assert _codes(early) == {CertProblemCode.NOT_YET_VALID}


def test_wrong_key_usage_and_ca_certificates_block(demo_pki: DemoPki) -> None:
    encipher_only = issue_end_entity(
        demo_pki.intermediate,
        person_subject("Vũ Thị Mã Hóa"),
        key=demo_pki.leader.key,
        key_usage=signing_key_usage(
            digital_signature=False, non_repudiation=False, key_encipherment=True
        ),
    )
    problems = certificate_problems(encipher_only.cert)
    assert _codes(problems) == {CertProblemCode.NO_SIGNING_USAGE}
    assert "digitalSignature" in problems[0].message
    non_repudiation_only = issue_end_entity(
        demo_pki.intermediate,
        person_subject("Đặng Văn Cam Kết"),
        key=demo_pki.leader.key,
        key_usage=signing_key_usage(digital_signature=False, non_repudiation=True),
    )
    assert certificate_problems(non_repudiation_only.cert) == ()
    assert _codes(certificate_problems(demo_pki.root.cert)) == {CertProblemCode.IS_CA}


def test_describe_certificate(demo_pki: DemoPki) -> None:
    der = demo_pki.leader.cert_der
    info = describe_certificate(
        der,
        token_serial="S1",
        token_label="L",
        cka_id=b"\x0a\x0b",
        label="key",
        has_key=False,
        now=datetime.now(UTC),
    )
    assert info.cka_id_hex == "0a0b" and info.subject_cn == "Cầm Văn Thưởng"
    assert _codes(info.problems) == {CertProblemCode.NO_KEY} and not info.usable_for_signing
    assert "der" not in repr(info)


def test_build_chain(demo_pki: DemoPki) -> None:
    leaf, inter, root = demo_pki.leader.cert, demo_pki.intermediate.cert, demo_pki.root.cert
    assert build_chain(leaf, [root, demo_pki.agency.cert, inter]) == ([inter, root], True)
    assert build_chain(leaf, [inter]) == ([inter], False)
    assert build_chain(leaf, []) == ([], False)
