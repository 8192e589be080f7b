"""Provision SoftHSM2 tokens for tests and ``demo init``: keys generated ON the token.

Each token gets its own keypairs (RSA-2048 or P-256, private keys sensitive and not extractable),
certificates issued for the token-generated public keys by a caller-supplied issuer (the demo
PKI's intermediate, passed in: this package must not import ``app.demo``), those certificates
under the same CKA_ID, and the CA certificates. SoftHSM reads ``SOFTHSM2_CONF`` once per
C_Initialize, so the configuration is fixed for the process: every token of a test session or of
a demo lives in one conf directory. Demo and test material only: PINs are passed to
``softhsm2-util`` on its command line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pkcs11
from asn1crypto.core import OctetString
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID
from pkcs11.constants import Attribute
from pkcs11.mechanisms import KeyType
from pkcs11.util.ec import encode_named_curve_parameters
from pkcs11.util.x509 import decode_x509_certificate

from app.signing.tokens.driver import canonical_module_path
from app.signing.tokens.manager import live_manager
from app.signing.tokens.thread import TokenThread

SOFTHSM_LIB_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/usr/lib64/pkcs11/libsofthsm2.so",
)
DEMO_LEADER_TOKEN_LABEL = "VBDT-DEMO-LANHDAO"
DEMO_AGENCY_TOKEN_LABEL = "VBDT-DEMO-COQUAN"

PublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey
CertificateFor = Callable[[PublicKey], x509.Certificate]


class SoftHsmError(RuntimeError):
    """Provisioning failed (tool missing, conflicting SOFTHSM2_CONF, ...)."""


@dataclass(frozen=True)
class TokenIdentity:
    """A keypair to generate on the token and the certificate to issue for its public key."""

    cka_id: bytes
    label: str
    certificate_for: CertificateFor
    key_type: str = "rsa"  # "rsa" (2048) or "ec" (P-256)
    always_authenticate: bool = False


@dataclass(frozen=True)
class SoftHsmTokenSpec:
    label: str
    so_pin: str
    user_pin: str
    identities: Sequence[TokenIdentity | tuple[bytes, CertificateFor]] = ()
    ca_certs: Sequence[x509.Certificate] = ()


@dataclass(frozen=True)
class ProvisionedToken:
    label: str
    serial: str
    module_path: str
    conf_path: Path
    certificates: Mapping[bytes, x509.Certificate]  # CKA_ID -> certificate


def find_softhsm_module() -> str | None:
    """``VBDT_TEST_SOFTHSM_LIB`` when set, else the first libsofthsm2.so found."""
    configured = os.environ.get("VBDT_TEST_SOFTHSM_LIB")
    if configured:
        return configured
    return next((p for p in SOFTHSM_LIB_CANDIDATES if Path(p).is_file()), None)


def certificate_for_public_key(
    issuer_key: CertificateIssuerPrivateKeyTypes,
    issuer_cert: x509.Certificate,
    subject: x509.Name,
    public_key: PublicKey,
    *,
    now: datetime | None = None,
    days: int = 730,
    key_usage: x509.KeyUsage | None = None,
    extended_key_usages: Sequence[x509.ObjectIdentifier] = (
        ExtendedKeyUsageOID.CLIENT_AUTH,
        ExtendedKeyUsageOID.EMAIL_PROTECTION,
    ),
    not_before: datetime | None = None,
    not_after: datetime | None = None,
) -> x509.Certificate:
    """An end-entity certificate for a key we do not hold (it lives on the token), with the
    extensions of ``app.demo.pki.issue_end_entity``: critical BasicConstraints and KeyUsage
    (digitalSignature + nonRepudiation), SKI, AKI, EKU."""
    start = not_before or (now or datetime.now(UTC)) - timedelta(hours=1)
    end = not_after or start + timedelta(days=days)
    usage = key_usage or x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    issuer_ski = issuer_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_cert.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuer_ski),
            critical=False,
        )
    )
    if extended_key_usages:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage(list(extended_key_usages)), critical=False
        )
    return builder.sign(issuer_key, hashes.SHA256())


def write_softhsm_conf(conf_dir: Path) -> Path:
    """``conf_dir/softhsm2.conf`` with its token directory ``conf_dir/tokens`` (kept if present)."""
    conf_dir.mkdir(parents=True, exist_ok=True)
    tokens = conf_dir / "tokens"
    tokens.mkdir(exist_ok=True)
    conf = conf_dir / "softhsm2.conf"
    if not conf.exists():
        conf.write_text(
            f"directories.tokendir = {tokens}\n"
            "objectstore.backend = file\n"
            "log.level = ERROR\n"
            "slots.removable = false\n",
            encoding="utf-8",
        )
    return conf


def provision_softhsm_tokens(
    conf_dir: Path,
    specs: Sequence[SoftHsmTokenSpec],
    *,
    module_path: str | None = None,
    thread: TokenThread | None = None,
) -> list[ProvisionedToken]:
    """Create and fill the tokens of ``specs`` in the SoftHSM store under ``conf_dir``.

    Sets ``SOFTHSM2_CONF`` for this process when unset (it must not point elsewhere). All
    ``--init-token`` runs come first, then one (re-)initialisation of the library: SoftHSM only
    sees tokens that existed at C_Initialize.
    """
    module = module_path or find_softhsm_module()
    util = shutil.which("softhsm2-util")
    if module is None or util is None:
        raise SoftHsmError("SoftHSM2 is not installed (libsofthsm2.so / softhsm2-util)")
    if live_manager(module) is not None:
        raise SoftHsmError("close the TokenManager of SoftHSM before provisioning tokens")
    conf = write_softhsm_conf(conf_dir)
    current = os.environ.get("SOFTHSM2_CONF")
    if current and Path(current).resolve() != conf.resolve():
        raise SoftHsmError(f"SOFTHSM2_CONF already points to {current}, not {conf}")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    slots = [_init_token(util, conf, spec) for spec in specs]
    owned = thread is None
    worker = thread or TokenThread(name_prefix="vbdt-token-provision")
    try:
        return worker.run(_fill_tokens, canonical_module_path(module), conf, specs, slots)
    finally:
        if owned:
            worker.shutdown()


def provision_softhsm_token(
    conf_dir: Path,
    *,
    label: str,
    so_pin: str,
    user_pin: str,
    identities: Sequence[TokenIdentity | tuple[bytes, CertificateFor]] = (),
    ca_certs: Sequence[x509.Certificate] = (),
    module_path: str | None = None,
    thread: TokenThread | None = None,
) -> ProvisionedToken:
    """One token; see ``provision_softhsm_tokens`` (prefer it for several tokens)."""
    spec = SoftHsmTokenSpec(label, so_pin, user_pin, identities, ca_certs)
    return provision_softhsm_tokens(conf_dir, [spec], module_path=module_path, thread=thread)[0]


def _init_token(util: str, conf: Path, spec: SoftHsmTokenSpec) -> int:
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    args = [util, "--init-token", "--free", "--label", spec.label]
    args += ["--so-pin", spec.so_pin, "--pin", spec.user_pin]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    match = re.search(r"reassigned to slot (\d+)", done.stdout)
    if done.returncode != 0 or match is None:
        # stderr only: stdout/args would echo the PINs back.
        raise SoftHsmError(f"softhsm2-util --init-token failed: {done.stderr.strip()}")
    return int(match.group(1))


def _fill_tokens(
    module: str, conf: Path, specs: Sequence[SoftHsmTokenSpec], slots: Sequence[int]
) -> list[ProvisionedToken]:
    lib = pkcs11.lib(module)
    # Already initialised in this process (an earlier provisioning): re-read the token store.
    lib.reinitialize()
    by_slot = {int(slot.slot_id): slot for slot in lib.get_slots()}
    result = []
    for spec, slot_id in zip(specs, slots, strict=True):
        token = by_slot[slot_id].get_token()
        session = token.open(rw=True, user_pin=spec.user_pin)
        try:
            certs = {}
            for raw in spec.identities:
                identity = raw if isinstance(raw, TokenIdentity) else _identity(*raw)
                certs[identity.cka_id] = _make_identity(session, identity)
            for ca in spec.ca_certs:
                _store_certificate(session, ca, _ski(ca), _cn(ca))
        finally:
            session.close()
        serial = bytes(token.serial).decode("ascii").strip()
        result.append(ProvisionedToken(spec.label, serial, module, conf, certs))
    return result


def _make_identity(session: Any, identity: TokenIdentity) -> x509.Certificate:
    label = identity.label or identity.cka_id.hex()
    private = {
        Attribute.SENSITIVE: True,
        Attribute.EXTRACTABLE: False,
        Attribute.ALWAYS_AUTHENTICATE: identity.always_authenticate,
    }
    public_key: PublicKey
    if identity.key_type == "ec":
        params = session.create_domain_parameters(
            KeyType.EC,
            {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")},
            local=True,
        )
        pub, _ = params.generate_keypair(
            id=identity.cka_id, label=label, store=True, private_template=private
        )
        # CKA_EC_POINT is the point wrapped in a DER OCTET STRING.
        point = OctetString.load(bytes(pub[Attribute.EC_POINT])).native
        public_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    else:
        pub, _ = session.generate_keypair(
            KeyType.RSA, 2048, id=identity.cka_id, label=label, store=True,
            private_template=private,
        )  # fmt: skip
        public_key = rsa.RSAPublicNumbers(
            int.from_bytes(pub[Attribute.PUBLIC_EXPONENT], "big"),
            int.from_bytes(pub[Attribute.MODULUS], "big"),
        ).public_key()
    cert = identity.certificate_for(public_key)
    _store_certificate(session, cert, identity.cka_id, label)
    return cert


def _identity(cka_id: bytes, certificate_for: CertificateFor) -> TokenIdentity:
    return TokenIdentity(cka_id=cka_id, label="", certificate_for=certificate_for)


def _store_certificate(session: Any, cert: x509.Certificate, cka_id: bytes, label: str) -> None:
    attrs = decode_x509_certificate(cert.public_bytes(Encoding.DER))
    attrs.update({Attribute.ID: cka_id, Attribute.LABEL: label, Attribute.TOKEN: True})
    session.create_object(attrs)


def _ski(cert: x509.Certificate) -> bytes:
    try:
        return cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    except x509.ExtensionNotFound:
        return cert.fingerprint(hashes.SHA1())  # an identifier only


def _cn(cert: x509.Certificate) -> str:
    attrs = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    value = attrs[0].value if attrs else cert.subject.rfc4514_string()
    return value if isinstance(value, str) else value.decode("utf-8", "replace")
