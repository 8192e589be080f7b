"""Against a REAL SoftHSM2 token created by the test session: discovery, listing, login, signing
raw data and a PDF, and proof that every PKCS#11 call ran on the token thread."""

from __future__ import annotations

import io
import json
import unicodedata

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding
from pkcs11.mechanisms import Mechanism
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from app.errors import PinIncorrect
from app.signing.tokens import PinState, ScriptedPrompter, describe_module_problem, find_modules
from app.signing.tokens.thread import THREAD_NAME_PREFIX
from tests.signing.conftest import (
    AGENCY_ID,
    EC_ID,
    LEADER_CN,
    LEADER_ID,
    LEADER_LABEL,
    USER_PIN,
    HsmRig,
    SoftHsm,
    tiny_pdf,
)

pytestmark = pytest.mark.softhsm


def _asn1(cert):
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def test_softhsm_module_found_by_explicit_path(softhsm: SoftHsm) -> None:
    found = find_modules([softhsm.module], search_dirs=[], vendor_roots=[])
    assert len(found) == 1
    candidate = found[0]
    assert candidate.exists and candidate.usable and candidate.arch_ok
    assert candidate.source == "configured"
    assert candidate.arch is not None and candidate.arch.format == "elf"
    assert describe_module_problem(softhsm.module) is None


def test_list_tokens_skips_empty_slot_and_tells_twins_apart_by_serial(hsm: HsmRig) -> None:
    tokens = hsm.manager.list_tokens()
    by_serial = {t.serial: t for t in tokens}
    expected = {hsm.hsm.leader.serial, hsm.hsm.agency.serial, hsm.hsm.twin.serial}
    assert set(by_serial) == expected  # SoftHSM's extra uninitialised slot is not listed
    assert all(t.initialized and t.manufacturer == "SoftHSM project" for t in tokens)
    twins = [t for t in tokens if t.label == LEADER_LABEL]
    assert len(twins) == 2 and twins[0].serial != twins[1].serial
    twin_certs = hsm.manager.list_certificates(hsm.hsm.twin.serial)
    assert [c.is_ca for c in twin_certs] == [True]
    leader_ids = {c.cka_id for c in hsm.manager.list_certificates(hsm.hsm.leader.serial)}
    assert LEADER_ID in leader_ids and EC_ID in leader_ids


def test_certificates_carry_cka_id_and_vietnamese_names(hsm: HsmRig) -> None:
    certs = hsm.manager.list_certificates(hsm.hsm.leader.serial)
    leader = next(c for c in certs if c.cka_id == LEADER_ID)
    assert leader.cka_id_hex == LEADER_ID.hex()
    assert leader.subject_cn == LEADER_CN
    assert unicodedata.is_normalized("NFC", leader.subject_cn)
    assert f"CN={LEADER_CN}" in leader.subject
    assert leader.issuer_cn == "VBĐT Demo CA cấp 2"
    assert leader.issuer == hsm.hsm.pki.intermediate.cert.subject.rfc4514_string()
    expected_cert = hsm.hsm.leader.certificates[LEADER_ID]
    assert leader.sha256 == expected_cert.fingerprint(hashes.SHA256()).hex()
    assert leader.serial_number == f"{expected_cert.serial_number:x}"
    assert leader.key_usage == ("digitalSignature", "nonRepudiation")
    assert leader.has_key is True and leader.usable_for_signing and not leader.problems
    assert certs[0].usable_for_signing  # signing certificates come first
    cas = [c for c in certs if c.is_ca]
    assert {c.subject_cn for c in cas} == {"VBĐT Demo CA cấp 2", "VBĐT Demo Root CA"}
    assert all(not c.usable_for_signing for c in cas)


def test_login_with_the_right_pin(hsm: HsmRig) -> None:
    prompter = ScriptedPrompter([USER_PIN])
    login = hsm.manager.login(hsm.hsm.agency.serial, prompter)
    assert login.active and login.serial == hsm.hsm.agency.serial
    (request,) = prompter.called("get_pin")
    assert request.token_serial == hsm.hsm.agency.serial
    assert request.token_label == "VBDT-TEST-COQUAN"
    assert request.app_failures == 0 and not request.protected_auth_path
    # The one logged-in session is reused, without asking again.
    assert hsm.manager.login(hsm.hsm.agency.serial, ScriptedPrompter()) is login
    # Private keys are visible now: the certificate's key is confirmed, not guessed.
    cert = next(c for c in hsm.manager.list_certificates(login.serial) if c.cka_id == AGENCY_ID)
    assert cert.has_key is True
    login.close()
    assert not login.active
    assert hsm.recorder.logins == 1


def test_wrong_pin_raises_once_and_is_counted_not_retried(hsm: HsmRig) -> None:
    serial = hsm.hsm.agency.serial
    prompter = ScriptedPrompter(["000000"])
    with pytest.raises(PinIncorrect) as caught:
        hsm.manager.login(serial, prompter)
    assert hsm.recorder.logins == 1  # exactly one C_Login, no automatic retry
    assert len(prompter.called("get_pin")) == 1
    assert caught.value.params["failures"] == 1
    assert caught.value.params["pin_state"] == PinState.COUNT_LOW.value  # SoftHSM sets it
    stored = json.loads(hsm.attempts_file.read_text(encoding="utf-8"))
    assert stored["tokens"][serial]["failures"] == 1
    # The next login sees COUNT_LOW (fresh flags), warns, then logs in and clears the counter.
    prompter = ScriptedPrompter([USER_PIN])
    with hsm.manager.login(serial, prompter):
        warnings = prompter.called("show_message")
        assert len(warnings) == 1 and prompter.calls[0][0] == "show_message"
        (request,) = prompter.called("get_pin")
        assert request.pin_state is PinState.COUNT_LOW and request.app_failures == 1
    assert hsm.recorder.logins == 2
    assert serial not in json.loads(hsm.attempts_file.read_text(encoding="utf-8"))["tokens"]


def test_raw_signature_verifies_with_the_certificate(hsm: HsmRig) -> None:
    serial = hsm.hsm.leader.serial
    with hsm.manager.login(serial, ScriptedPrompter([USER_PIN])) as login:
        signer = hsm.manager.signer(login, LEADER_ID)
        assert Mechanism.SHA256_RSA_PKCS in signer.mechanisms
        assert not signer.use_raw_mechanism("sha256")  # hashing on the token
        data = "Quyết định số 12/QĐ-UBND".encode()
        public = hsm.hsm.leader.certificates[LEADER_ID].public_key()
        public.verify(signer.sign_raw(data, "sha256"), data, padding.PKCS1v15(), hashes.SHA256())
        # A token without CKM_SHA256_RSA_PKCS: hash on the host, CKM_RSA_PKCS over DigestInfo.
        signer.mechanisms = signer.mechanisms - {int(Mechanism.SHA256_RSA_PKCS)}
        assert signer.use_raw_mechanism("sha256")
        public.verify(signer.sign_raw(data, "sha256"), data, padding.PKCS1v15(), hashes.SHA256())


def test_per_signature_pin_key_on_softhsm(hsm: HsmRig) -> None:
    """CKA_ALWAYS_AUTHENTICATE: SoftHSM enforces it; EC without CKM_ECDSA_SHA256 hashes on host."""
    serial = hsm.hsm.leader.serial
    prompter = ScriptedPrompter([USER_PIN, USER_PIN, "111111"])
    login = hsm.manager.login(serial, prompter)
    signer = hsm.manager.signer(login, EC_ID)
    assert signer.always_authenticate and signer.use_raw_mechanism("sha256")
    data = b"to be signed"
    signature = signer.sign_raw(data, "sha256")
    public = hsm.hsm.leader.certificates[EC_ID].public_key()
    assert isinstance(public, ec.EllipticCurvePublicKey)
    public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    purposes = [r.purpose for r in prompter.called("get_pin")]
    assert purposes == ["login", "signature"]
    # A wrong per-signature PIN: one context login, counted, and the login is ended.
    with pytest.raises(PinIncorrect):
        signer.sign_raw(data, "sha256")
    assert not login.active
    assert json.loads(hsm.attempts_file.read_text())["tokens"][serial]["failures"] == 1


def test_sign_pdf_validates_against_the_root_alone(hsm: HsmRig) -> None:
    pki = hsm.hsm.pki
    with hsm.manager.login(hsm.hsm.leader.serial, ScriptedPrompter([USER_PIN])) as login:
        signer = hsm.manager.signer(login, LEADER_ID)
        assert signer.chain_complete
        assert [c.subject for c in signer.chain] == [
            pki.intermediate.cert.subject,
            pki.root.cert.subject,
        ]
        out = io.BytesIO()
        signers.sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(tiny_pdf())),
            signers.PdfSignatureMetadata(field_name="ChuKyLanhDao"),
            signer=signer,
            output=out,
        )
    reader = PdfFileReader(out)
    (embedded,) = reader.embedded_regular_signatures
    context = ValidationContext(
        trust_roots=[_asn1(pki.root.cert)], allow_fetching=False, revocation_mode="soft-fail"
    )
    status = validate_pdf_signature(embedded, context)
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.signing_cert.subject.native["common_name"] == LEADER_CN


def test_every_pkcs11_call_runs_on_the_token_thread(hsm: HsmRig) -> None:
    manager = hsm.manager
    manager.list_tokens()
    manager.list_certificates(hsm.hsm.agency.serial)
    with manager.login(hsm.hsm.agency.serial, ScriptedPrompter([USER_PIN])) as login:
        manager.signer(login, AGENCY_ID).sign_raw(b"x", "sha256")
    assert len(hsm.recorder.calls) > 20
    assert {name.rsplit("_", 1)[0] for name in hsm.recorder.threads()} == {THREAD_NAME_PREFIX}
