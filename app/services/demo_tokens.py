"""The demo workspace's tokens: two SoftHSM2 tokens holding the demo leader and agency keys.

Where SoftHSM2 is missing (or provisioning fails) the demo .p12 files stand in, labelled
everywhere as not a real token. The PINs here are published demo values, never a real token's.
"""

from __future__ import annotations

import logging
import os
import shutil
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from pkcs11.exceptions import PKCS11Error

from app.errors import AppError
from app.services.signing import Pkcs11Source
from app.services.tokens import (
    DemoToken,
    DemoTokenConfig,
    TokenHub,
    attempts_file_for,
    save_demo_token_config,
)
from app.signing.tokens import ScriptedPrompter
from app.signing.tokens.driver import canonical_module_path
from app.signing.tokens.softhsm import (
    DEMO_AGENCY_TOKEN_LABEL,
    DEMO_LEADER_TOKEN_LABEL,
    SoftHsmError,
    SoftHsmTokenSpec,
    TokenIdentity,
    find_softhsm_module,
    provision_softhsm_tokens,
)

if TYPE_CHECKING:
    from app.demo.pki import DemoPki, Issued

log = logging.getLogger(__name__)

PKI_DIR = "demo-pki"
# The demo PKCS#12 files are protected by this published value: they hold demo keys only.
DEMO_P12_PASSWORD = b"demo"
_P12_PW = DEMO_P12_PASSWORD.decode()
# The demo tokens' PINs: published demo values (docs/cli.md), never those of a real token.
DEMO_TOKEN_PIN = "123456"
DEMO_TOKEN_SO_PIN = "12345678"
DEMO_TOKEN_DIR = "demo-token"
DEMO_CKA_IDS = {"leader": bytes.fromhex("de00000001"), "agency": bytes.fromhex("de00000002")}


def provision_demo_tokens(
    data_dir: Path, pki: DemoPki, *, softhsm: bool = True, module_path: str | None = None
) -> DemoTokenConfig:
    """The demo leader and agency tokens, described in ``data_dir/demo-token.json``.

    With SoftHSM2 installed: two SoftHSM2 tokens in ``data_dir/demo-token`` (keys generated on
    the token, certificates from the demo CA in the demo leader's and agency's names), each
    checked with one signature. Otherwise, or if that fails: the demo .p12 files as stand-ins.
    """
    roles = [("leader", DEMO_LEADER_TOKEN_LABEL, pki.leader)]
    roles.append(("agency", DEMO_AGENCY_TOKEN_LABEL, pki.agency))
    module = (module_path or find_softhsm_module()) if softhsm else None
    if module and shutil.which("softhsm2-util"):
        try:
            config = _softhsm_tokens(data_dir, pki, roles, module)
            _check_demo_tokens(config)
            save_demo_token_config(config)
            return config
        except (SoftHsmError, AppError, OSError, PKCS11Error) as exc:
            log.warning("demo SoftHSM2 tokens failed (%s); using the PKCS#12 stand-ins", exc)
    tokens = tuple(
        DemoToken(
            role, label, f"DEMO-P12-{role.upper()}", DEMO_CKA_IDS[role], f"{PKI_DIR}/{role}.p12"
        )
        for role, label, _ in roles
    )
    config = DemoTokenConfig(data_dir, "pkcs12", None, None, DEMO_TOKEN_PIN, _P12_PW, tokens)
    save_demo_token_config(config)
    return config


def _softhsm_tokens(
    data_dir: Path, pki: DemoPki, roles: list[tuple[str, str, Issued]], module: str
) -> DemoTokenConfig:
    conf = data_dir / DEMO_TOKEN_DIR / "softhsm2.conf"
    current = os.environ.get("SOFTHSM2_CONF")
    if current and Path(current).resolve() != conf.resolve():
        # The demo's tokens live in the demo folder. Provisioning re-initialises SoftHSM, which
        # then reads our configuration for the rest of this process.
        log.info("SOFTHSM2_CONF pointed to %s; the demo uses its own token store", current)
        del os.environ["SOFTHSM2_CONF"]
    specs = [
        SoftHsmTokenSpec(
            label, DEMO_TOKEN_SO_PIN, DEMO_TOKEN_PIN,
            identities=[TokenIdentity(DEMO_CKA_IDS[role], f"{role} (demo)",
                                      partial(_certificate_like, issued.cert, pki.intermediate))],
            ca_certs=[pki.intermediate.cert, pki.root.cert],
        )
        for role, label, issued in roles
    ]  # fmt: skip
    made = provision_softhsm_tokens(conf.parent, specs, module_path=module)
    tokens = tuple(
        DemoToken(role, t.label, t.serial, DEMO_CKA_IDS[role])
        for (role, _, _), t in zip(roles, made, strict=True)
    )
    canonical = canonical_module_path(module)
    return DemoTokenConfig(data_dir, "softhsm", canonical, conf, DEMO_TOKEN_PIN, _P12_PW, tokens)


def _certificate_like(template: x509.Certificate, issuer: Issued, key: Any) -> x509.Certificate:
    """A certificate for a key held on a token, otherwise like ``template`` (the demo leader's or
    agency's): same subject, validity, usages and OCSP/CRL addresses."""
    builder = (
        x509.CertificateBuilder()
        .subject_name(template.subject)
        .issuer_name(template.issuer)
        .public_key(key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(template.not_valid_before_utc)
        .not_valid_after(template.not_valid_after_utc)
    )
    for ext in template.extensions:
        value = ext.value
        if isinstance(value, x509.SubjectKeyIdentifier):
            value = x509.SubjectKeyIdentifier.from_public_key(key)
        builder = builder.add_extension(value, ext.critical)
    return builder.sign(issuer.key, hashes.SHA256())


def _check_demo_tokens(config: DemoTokenConfig) -> None:
    """Log in and sign once with each demo token, in this process, as the CLI and GUI will."""
    with TokenHub(attempts_file=attempts_file_for(config.directory)) as hub:
        for token in config.tokens:
            source = Pkcs11Source(hub, (config.module_path,), token.cka_id, serial=token.serial)
            with source.open(ScriptedPrompter([config.pin])) as opened:
                data = b"VBDT demo token self-check"
                signature = opened.signer.sign_raw(data, "sha256")
                key = opened.signer.certificate.public_key()
                key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
