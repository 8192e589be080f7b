"""Fixtures for the integration tests: REAL SoftHSM2 demo tokens made by the demo service, a demo
PKI whose OCSP/CRL/TSA addresses point at the loopback server of the PAdES tests, and helpers to
run the command line in a subprocess.

SoftHSM reads ``SOFTHSM2_CONF`` at C_Initialize; provisioning re-initialises the library with
this session's store (the token tests' own store, if they run later, is re-initialised the same
way). Skipped only when SoftHSM2 is missing and ``CI`` is unset; under CI that is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509

from app.demo.documents import SAMPLE_DOCUMENTS, render_official_document
from app.demo.images import seal_png, signature_png
from app.demo.pki import DemoPki, Issued, generate_demo_pki
from app.services.demo_tokens import DEMO_TOKEN_PIN, provision_demo_tokens
from app.services.tokens import DemoToken, DemoTokenConfig, TokenHub
from app.signing.tokens.softhsm import find_softhsm_module
from tests.support.pki_servers import PkiServer

REPO = Path(__file__).resolve().parents[2]
PIN_VAR = "VBDT_TEST_TOKEN_PIN"


def require_softhsm() -> str:
    module = find_softhsm_module()
    if module is None or not Path(module).is_file() or shutil.which("softhsm2-util") is None:
        reason = "SoftHSM2 is not installed (libsofthsm2.so and softhsm2-util are needed)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI is set, so the SoftHSM integration tests must run")
        pytest.skip(reason)
    return module


@dataclass(frozen=True)
class Rig:
    module: str
    home: Path
    pki: DemoPki
    tokens: DemoTokenConfig
    server: PkiServer

    @property
    def conf(self) -> Path:
        assert self.tokens.softhsm_conf is not None
        return self.tokens.softhsm_conf

    @property
    def leader(self) -> DemoToken:
        return next(t for t in self.tokens.tokens if t.role == "leader")

    @property
    def agency(self) -> DemoToken:
        return next(t for t in self.tokens.tokens if t.role == "agency")

    @property
    def tsa(self) -> str:
        return f"{self.server.url}/tsa"

    @property
    def root(self) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(self.pki.root.cert_der)

    @property
    def root_pem(self) -> Path:
        return self.home / "root.pem"

    @property
    def draft(self) -> Path:
        return self.home / "draft.pdf"

    @property
    def signature_png(self) -> Path:
        return self.home / "signature.png"

    @property
    def seal_png(self) -> Path:
        return self.home / "seal.png"

    def copy_draft(self, directory: Path, name: str = "draft.pdf") -> Path:
        target = directory / name
        target.write_bytes(self.draft.read_bytes())
        return target


@pytest.fixture(scope="session")
def rig(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    module = require_softhsm()
    home = tmp_path_factory.mktemp("integration")
    server = PkiServer()
    previous = os.environ.get("SOFTHSM2_CONF")
    try:
        pki = generate_demo_pki(url_base=server.url)
        config = provision_demo_tokens(home, pki, module_path=module)
        assert config.kind == "softhsm", "the demo service fell back to PKCS#12 (see the log)"
        # The OCSP responder answers for the certificates it knows: tell it the token ones.
        with TokenHub() as hub:
            manager = hub.manager(module)
            certs = {
                t.role: next(
                    c.certificate()
                    for c in manager.list_certificates(t.serial)
                    if c.cka_id == t.cka_id
                )
                for t in config.tokens
            }
        server.attach(
            replace(
                pki,
                leader=Issued(pki.leader.key, certs["leader"]),
                agency=Issued(pki.agency.key, certs["agency"]),
            )
        )
        sample = SAMPLE_DOCUMENTS[0]
        (home / "draft.pdf").write_bytes(render_official_document(sample))
        (home / "signature.png").write_bytes(signature_png(sample.signer_name))
        (home / "seal.png").write_bytes(seal_png(["Ủy ban nhân dân", "tỉnh Điện Biên"]))
        (home / "root.pem").write_bytes(pki.root.cert_pem)
        yield Rig(module, home, pki, config, server)
    finally:
        server.stop()
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[TokenHub]:
    with TokenHub(attempts_file=tmp_path / "attempts.json") as token_hub:
        yield token_hub


@pytest.fixture(scope="session")
def nssdir(rig: Rig, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An NSS database trusting only the demo root, for poppler's pdfsig."""
    if shutil.which("pdfsig") is None or shutil.which("certutil") is None:
        if os.environ.get("CI"):
            pytest.fail("poppler-utils / libnss3-tools are not installed")
        pytest.skip("poppler-utils / libnss3-tools not installed")
    directory = tmp_path_factory.mktemp("nss")
    db = f"sql:{directory}"
    subprocess.run(["certutil", "-N", "-d", db, "--empty-password"], check=True)
    subprocess.run(
        ["certutil", "-A", "-n", "root", "-t", "CT,C,C", "-i", str(rig.root_pem), "-d", db],
        check=True,
    )
    return directory


def run_app(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m app ARGS`` in a subprocess; SOFTHSM2_CONF only when ``env`` gives it."""
    base = {k: v for k, v in os.environ.items() if k not in ("SOFTHSM2_CONF", PIN_VAR)}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        env={**base, "PYTHONUTF8": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def token_env(rig: Rig, pin: str = DEMO_TOKEN_PIN) -> dict[str, str]:
    return {"SOFTHSM2_CONF": str(rig.conf), PIN_VAR: pin}


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
