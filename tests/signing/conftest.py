"""Fixtures for the token tests: one demo PKI, ONE SoftHSM2 store for the whole session, token
threads and managers that are always closed, and scripted fake tokens.

SoftHSM reads ``SOFTHSM2_CONF`` when the library is initialised, so the session fixture sets it
before anything loads the library and provisions every token the tests need in one go (RSA keygen
on SoftHSM costs ~0.15 s a key). The SoftHSM tests are skipped only when SoftHSM2 is missing, and
fail instead when ``CI`` is set. ``scripts/test`` exports ``VBDT_TEST_SOFTHSM_LIB``.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from reportlab.pdfgen import canvas

from app.demo.pki import DemoPki, agency_subject, generate_demo_pki, person_subject
from app.signing.tokens import TokenManager, TokenThread
from app.signing.tokens.softhsm import (
    ProvisionedToken,
    PublicKey,
    SoftHsmTokenSpec,
    TokenIdentity,
    certificate_for_public_key,
    find_softhsm_module,
    provision_softhsm_tokens,
    write_softhsm_conf,
)
from tests.signing.fake_pkcs11 import FakeDevice, FakeIdentity, FakePkcs11Lib
from tests.signing.recording import Recorder

USER_PIN = "VBDT-pin-4821"
SO_PIN = "so-pin-97531"
LEADER_LABEL = "Lãnh đạo UBND"  # also the twin's label: labels repeat, serials do not
AGENCY_LABEL = "VBDT-TEST-COQUAN"
LEADER_CN = "Nguyễn Thị Hằng"
LEADER_ID = bytes.fromhex("a1b2c3d401")
EC_ID = bytes.fromhex("ec00aa01")
AGENCY_ID = bytes.fromhex("a9e0c70001")


@dataclass(frozen=True)
class SoftHsm:
    module: str
    conf: Path
    pki: DemoPki
    leader: ProvisionedToken
    agency: ProvisionedToken
    twin: ProvisionedToken


@pytest.fixture(scope="session")
def demo_pki() -> DemoPki:
    return generate_demo_pki()


def _issuer(pki: DemoPki, subject: x509.Name) -> Callable[..., x509.Certificate]:
    def issue(public_key: PublicKey) -> x509.Certificate:
        return certificate_for_public_key(
            pki.intermediate.key,
            pki.intermediate.cert,
            subject,
            public_key,
        )

    return issue


@pytest.fixture(scope="session")
def softhsm(tmp_path_factory: pytest.TempPathFactory, demo_pki: DemoPki) -> Iterator[SoftHsm]:
    module = find_softhsm_module()
    if module is None or not Path(module).is_file() or shutil.which("softhsm2-util") is None:
        reason = (
            "SoftHSM2 is not installed (libsofthsm2.so and softhsm2-util are needed; "
            f"VBDT_TEST_SOFTHSM_LIB={os.environ.get('VBDT_TEST_SOFTHSM_LIB', '')!r})"
        )
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI is set, so the SoftHSM tests must run")
        pytest.skip(reason)
    conf_dir = tmp_path_factory.mktemp("softhsm")
    previous = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(write_softhsm_conf(conf_dir))
    pki = demo_pki
    chain = [pki.intermediate.cert, pki.root.cert]
    leader = SoftHsmTokenSpec(
        LEADER_LABEL,
        SO_PIN,
        USER_PIN,
        identities=[
            TokenIdentity(LEADER_ID, "Chữ ký lãnh đạo", _issuer(pki, person_subject(LEADER_CN))),
            TokenIdentity(
                EC_ID,
                "ec-always-auth",
                _issuer(pki, person_subject("Lò Văn Pín")),
                key_type="ec",
                always_authenticate=True,
            ),
        ],
        ca_certs=chain,
    )
    agency = SoftHsmTokenSpec(
        AGENCY_LABEL,
        SO_PIN,
        USER_PIN,
        identities=[(AGENCY_ID, _issuer(pki, agency_subject("UBND tỉnh Điện Biên")))],
        ca_certs=chain,
    )
    twin = SoftHsmTokenSpec(LEADER_LABEL, SO_PIN, USER_PIN, ca_certs=[pki.root.cert])
    tokens = provision_softhsm_tokens(conf_dir, [leader, agency, twin], module_path=module)
    try:
        yield SoftHsm(module, conf_dir / "softhsm2.conf", pki, *tokens)
    finally:
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous


@pytest.fixture
def token_thread() -> Iterator[TokenThread]:
    thread = TokenThread()
    yield thread
    thread.shutdown()


@dataclass
class HsmRig:
    manager: TokenManager
    recorder: Recorder
    attempts_file: Path
    hsm: SoftHsm


@pytest.fixture
def hsm(softhsm: SoftHsm, token_thread: TokenThread, tmp_path: Path) -> Iterator[HsmRig]:
    """A TokenManager over the real SoftHSM library, every library call recorded."""
    recorder = Recorder()
    attempts = tmp_path / "attempts.json"
    manager = TokenManager(
        softhsm.module, thread=token_thread, attempts_file=attempts, loader=recorder.loader
    )
    try:
        yield HsmRig(manager, recorder, attempts, softhsm)
    finally:
        manager.close()


FAKE_PIN = "fake-pin-2468"


def tiny_pdf() -> bytes:
    """A one-page PDF to sign."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "VBDT test document")
    page.save()
    return buffer.getvalue()


@pytest.fixture
def fake_device(demo_pki: DemoPki) -> FakeDevice:
    ident = FakeIdentity(b"\x01lead", demo_pki.leader.key, demo_pki.leader.cert)
    return FakeDevice(
        label=LEADER_LABEL,
        serial="FAKE0001",
        pin=FAKE_PIN,
        identities=[ident],
        ca_certs=[demo_pki.intermediate.cert, demo_pki.root.cert],
    )


@dataclass
class FakeRig:
    manager: TokenManager
    lib: FakePkcs11Lib
    device: FakeDevice
    attempts_file: Path


@pytest.fixture
def fake(fake_device: FakeDevice, token_thread: TokenThread, tmp_path: Path) -> Iterator[FakeRig]:
    lib = FakePkcs11Lib([fake_device])
    attempts = tmp_path / "attempts.json"
    manager = TokenManager(
        tmp_path / "fake-pkcs11.so",
        thread=token_thread,
        attempts_file=attempts,
        loader=lambda path: lib,
    )
    try:
        yield FakeRig(manager, lib, fake_device, attempts)
    finally:
        manager.close()
