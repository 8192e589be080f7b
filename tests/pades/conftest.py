"""Fixtures for the PAdES tests: one demo PKI and one loopback TSA/OCSP/CRL server per session,
software signers built from the demo leader and agency keys, and the sample drafts."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.demo.documents import SAMPLE_DOCUMENTS, render_official_document
from app.demo.images import seal_png, signature_png
from app.demo.pki import DemoPki, Issued, generate_demo_pki
from tests.support.pki_servers import PkiServer


def asn1_cert(issued: Issued) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(issued.cert_der)


def software_signer(issued: Issued, pki: DemoPki) -> SimpleSigner:
    key = asn1_keys.PrivateKeyInfo.load(
        issued.key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    chain = SimpleCertificateStore.from_certs([asn1_cert(pki.intermediate), asn1_cert(pki.root)])
    return SimpleSigner(signing_cert=asn1_cert(issued), signing_key=key, cert_registry=chain)


@dataclass
class Env:
    pki: DemoPki
    server: PkiServer
    assets: Path

    @property
    def root(self) -> asn1_x509.Certificate:
        return asn1_cert(self.pki.root)

    def leader(self) -> SimpleSigner:
        return software_signer(self.pki.leader, self.pki)

    def agency(self) -> SimpleSigner:
        return software_signer(self.pki.agency, self.pki)

    def timestamper(self, url: str | None = None) -> HTTPTimeStamper:
        return HTTPTimeStamper(url or f"{self.server.url}/tsa", timeout=3)

    def validation_context(self) -> ValidationContext:
        return ValidationContext(
            trust_roots=[self.root], allow_fetching=True, revocation_mode="hard-fail"
        )

    @property
    def signature_png(self) -> Path:
        return self.assets / "signature.png"

    @property
    def seal_png(self) -> Path:
        return self.assets / "seal.png"

    @property
    def draft(self) -> Path:
        return self.assets / "draft.pdf"

    def copy_draft(self, directory: Path, name: str = "draft.pdf") -> Path:
        target = directory / name
        target.write_bytes(self.draft.read_bytes())
        return target


@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    server = PkiServer()
    pki = generate_demo_pki(url_base=server.url)
    server.attach(pki)
    assets = tmp_path_factory.mktemp("pades-assets")
    doc = SAMPLE_DOCUMENTS[0]
    (assets / "signature.png").write_bytes(signature_png(doc.signer_name))
    (assets / "seal.png").write_bytes(seal_png(["Ủy ban nhân dân", "tỉnh Điện Biên"]))
    (assets / "draft.pdf").write_bytes(render_official_document(doc))
    (assets / "root.pem").write_bytes(pki.root.cert_pem)
    yield Env(pki, server, assets)
    server.stop()


@pytest.fixture
def server(env: Env) -> Iterator[PkiServer]:
    env.server.hits.clear()
    env.server.offline = False
    env.server.revoked.clear()
    yield env.server
    env.server.offline = False
    env.server.revoked.clear()


# ---------------------------------------------------------------------------------------------
# Independent checks


def pyhanko_states(path: Path, root: asn1_x509.Certificate) -> dict[str, Any]:
    """field name -> PdfSignatureStatus, trusting ONLY ``root``, no network."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature

    out: dict[str, Any] = {}
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle)
        for sig in reader.embedded_regular_signatures:
            context = ValidationContext(trust_roots=[root], allow_fetching=False)
            out[sig.field_name] = validate_pdf_signature(sig, context)
    return out


def pdfsig(path: Path, nssdir: Path) -> list[dict[str, str]]:
    """poppler's view of each signed signature; its exit code is never trusted (PITFALLS)."""
    proc = subprocess.run(
        ["pdfsig", "-nssdir", f"sql:{nssdir}", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    blocks: list[dict[str, str]] = []
    for chunk in proc.stdout.split("Signature #")[1:]:
        info: dict[str, str] = {}
        for line in chunk.splitlines():
            line = line.strip(" -")
            if ":" in line:
                key, _, value = line.partition(":")
                info[key.strip()] = value.strip()
        if "Signature Validation" in info:
            blocks.append(info)
    return blocks


@pytest.fixture(scope="session")
def nssdir(env: Env, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("pdfsig") is None or shutil.which("certutil") is None:
        pytest.skip("poppler-utils / libnss3-tools not installed")
    directory = tmp_path_factory.mktemp("nss")
    subprocess.run(["certutil", "-N", "-d", f"sql:{directory}", "--empty-password"], check=True)
    subprocess.run(
        [
            "certutil",
            "-A",
            "-n",
            "root",
            "-t",
            "CT,C,C",
            "-i",
            str(env.assets / "root.pem"),
            "-d",
            f"sql:{directory}",
        ],
        check=True,
    )
    return directory
