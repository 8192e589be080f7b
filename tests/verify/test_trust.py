"""The offline trust pack and telling agency signatures from personal ones."""

from __future__ import annotations

from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import Encoding, pkcs7
from cryptography.x509.oid import NameOID

from app.demo.documents import FIELD_LEADER_SIG
from app.demo.pki import Issued, agency_subject, issue_root, person_subject
from app.domain.types import Verdict
from app.signing.verify import (
    OFFICIAL_ANCHORS,
    RevocationPolicy,
    SignerKind,
    TrustStore,
    import_trust_anchors,
    verify_pdf,
)
from app.signing.verify.identity import classify_signer
from app.signing.verify.trust import sha256_hex
from tests.verify import factory
from tests.verify.conftest import Kit

OFFLINE = RevocationPolicy(online=False)


def test_the_official_anchors_are_pinned_by_fingerprint() -> None:
    assert OFFICIAL_ANCHORS == {
        "F04BA4B459A7C9A1B971AD9B1CB833E695A80C79AEA63B174B66A70EDFE2FDB8": (
            "RootCA chuyên dùng Chính phủ G2"
        ),
        "D8CAB7A4AEF92E6BB2509D7C61CEE7B44F3731B2D21074963530277B366FAE4B": (
            "CA phục vụ các cơ quan Nhà nước G2"
        ),
        "BAC8BF609AB420A8EE1780D74F4DE5C7F7184959D2A7375B0A75E4C29F0908E7": (
            "Vietnam National Root CA"
        ),
    }


def test_import_pem_der_p7b_and_refusals(kit: Kit, tmp_path: Path) -> None:
    files = tmp_path / "in"
    files.mkdir()
    (files / "root.pem").write_bytes(kit.pki.root.cert_pem)
    (files / "sub.cer").write_bytes(kit.pki.intermediate.cert_der)
    bundle = pkcs7.serialize_certificates(
        [kit.pki.root.cert, kit.pki.intermediate.cert], Encoding.DER
    )
    (files / "chain.p7b").write_bytes(bundle)
    (files / "leaf.crt").write_bytes(kit.pki.leader.cert_pem)
    (files / "junk.der").write_bytes(b"not a certificate")
    fake = issue_root(common_name="RootCA chuyên dùng Chính phủ G2")
    (files / "fake-g2.cer").write_bytes(fake.cert_der)

    trust_dir = tmp_path / "trust"
    result = import_trust_anchors(sorted(files.iterdir()), trust_dir)
    assert {a.name for a in result.added} == {"VBĐT Demo Root CA", "VBĐT Demo CA cấp 2"}
    assert len(result.already_present) == 2
    rejected = dict(result.rejected)
    assert set(rejected) == {"leaf.crt", "junk.der", "fake-g2.cer"}
    assert "dấu vân tay" in rejected["fake-g2.cer"]

    store = TrustStore.load(trust_dir)
    assert len(store.anchors) == 2
    verdict = verify_pdf(kit.leader_signed, trust=store, revocation=OFFLINE)
    assert verdict.overall is Verdict.VALID


def test_empty_trust_pack_trusts_nothing(kit: Kit, tmp_path: Path) -> None:
    store = TrustStore.load(tmp_path / "nothing")
    verdict = verify_pdf(kit.leader_signed, trust=store, revocation=OFFLINE)
    assert (verdict.overall, verdict.decided_by) == (Verdict.INVALID, "UNTRUSTED")


def test_an_official_anchor_is_shown_by_its_official_name(kit: Kit) -> None:
    fingerprint = sha256_hex(kit.pki.root.cert_der)
    store = TrustStore.from_certs(
        [kit.pki.root.cert], official={fingerprint: "RootCA chuyên dùng Chính phủ G2"}
    )
    assert store.anchors[0].official
    verdict = verify_pdf(kit.leader_signed, trust=store, revocation=OFFLINE)
    assert verdict.signature(FIELD_LEADER_SIG).trust_anchor == "RootCA chuyên dùng Chính phủ G2"


def _cert_with(subject: x509.Name, issuer: Issued) -> asn1_x509.Certificate:
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject)
        .public_key(issuer.key.public_key())
        .serial_number(1)
        .not_valid_before(issuer.cert.not_valid_before_utc)
        .not_valid_after(issuer.cert.not_valid_after_utc)
        .sign(issuer.key, hashes.SHA256())
    )
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


def test_agency_or_personal_from_the_subject(kit: Kit) -> None:
    def name(*pairs: tuple[x509.ObjectIdentifier, str]) -> x509.Name:
        return x509.Name([x509.NameAttribute(oid, value) for oid, value in pairs])

    cases = {
        SignerKind.PERSONAL: [
            person_subject("Cầm Văn Thưởng"),
            name((NameOID.COMMON_NAME, "Nguyễn Văn A"), (NameOID.USER_ID, "CMND:012345678")),
            name((NameOID.COMMON_NAME, "Trần Thị B"), (NameOID.SERIAL_NUMBER, "PASSPORT:C1234567")),
            name((NameOID.COMMON_NAME, "Lê Văn C"), (NameOID.ORGANIZATION_NAME, "Sở Nội vụ")),
        ],
        SignerKind.AGENCY: [
            agency_subject("Ủy ban nhân dân tỉnh Điện Biên"),
            name((NameOID.COMMON_NAME, "Sở Tài chính tỉnh Điện Biên")),
            name((NameOID.COMMON_NAME, "Văn phòng UBND"), (NameOID.USER_ID, "MNS:1234567")),
            name(
                (NameOID.ORGANIZATION_NAME, "Công an xã Mường Phăng"),
                (NameOID.COMMON_NAME, "Công an xã Mường Phăng"),
            ),
        ],
        SignerKind.UNKNOWN: [name((NameOID.COMMON_NAME, "Nguyễn Văn D"))],
    }
    for expected, subjects in cases.items():
        for subject in subjects:
            assert classify_signer(_cert_with(subject, kit.pki.root)) is expected, subject
    assert classify_signer(factory.asn1_cert(kit.pki.agency)) is SignerKind.AGENCY
