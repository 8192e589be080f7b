"""Plain, frozen descriptions of tokens and certificates, and the checks a person must see.

Everything here is computed from bytes and flag integers already read from the token: this module
must not call PKCS#11 (the manager reads, on the token thread, and hands the values in). Results
are frozen dataclasses that may cross threads and be shown by any front end.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from app.signing.tokens.pin import PinState
from app.signing.tokens.texts import render

EXPIRY_WARNING_DAYS = 30

# PKCS#11 CKF_* token flags we act on (same values as pkcs11.TokenFlag; kept here so this
# module stays free of the library).
CKF_LOGIN_REQUIRED = 0x00000004
CKF_USER_PIN_INITIALIZED = 0x00000008
CKF_PROTECTED_AUTHENTICATION_PATH = 0x00000100
CKF_TOKEN_INITIALIZED = 0x00000400
CKF_USER_PIN_COUNT_LOW = 0x00010000
CKF_USER_PIN_FINAL_TRY = 0x00020000
CKF_USER_PIN_LOCKED = 0x00040000
_FLAG_NAMES = {
    0x00000001: "RNG",
    0x00000002: "WRITE_PROTECTED",
    CKF_LOGIN_REQUIRED: "LOGIN_REQUIRED",
    CKF_USER_PIN_INITIALIZED: "USER_PIN_INITIALIZED",
    CKF_PROTECTED_AUTHENTICATION_PATH: "PROTECTED_AUTHENTICATION_PATH",
    CKF_TOKEN_INITIALIZED: "TOKEN_INITIALIZED",
    CKF_USER_PIN_COUNT_LOW: "USER_PIN_COUNT_LOW",
    CKF_USER_PIN_FINAL_TRY: "USER_PIN_FINAL_TRY",
    CKF_USER_PIN_LOCKED: "USER_PIN_LOCKED",
    0x00080000: "USER_PIN_TO_BE_CHANGED",
}


def pin_state_from_flags(flags: int) -> PinState:
    """The worst PIN state the flags report."""
    if flags & CKF_USER_PIN_LOCKED:
        return PinState.LOCKED
    if flags & CKF_USER_PIN_FINAL_TRY:
        return PinState.FINAL_TRY
    if flags & CKF_USER_PIN_COUNT_LOW:
        return PinState.COUNT_LOW
    return PinState.OK


def flag_names(flags: int) -> tuple[str, ...]:
    return tuple(name for bit, name in sorted(_FLAG_NAMES.items()) if flags & bit)


@dataclass(frozen=True)
class TokenInfo:
    """One token as its slot reports it right now (flags are re-read on every listing)."""

    module_path: str
    slot_id: int
    slot_description: str
    label: str
    serial: str
    manufacturer: str
    model: str
    flags: int

    @property
    def pin_state(self) -> PinState:
        return pin_state_from_flags(self.flags)

    @property
    def protected_auth_path(self) -> bool:
        return bool(self.flags & CKF_PROTECTED_AUTHENTICATION_PATH)

    @property
    def initialized(self) -> bool:
        return bool(self.flags & CKF_TOKEN_INITIALIZED)

    @property
    def flag_names(self) -> tuple[str, ...]:
        return flag_names(self.flags)


class CertProblemCode(StrEnum):
    EXPIRED = "cert_expired"
    NOT_YET_VALID = "cert_not_yet_valid"
    EXPIRING_SOON = "cert_expiring_soon"
    NO_SIGNING_USAGE = "cert_no_signing_usage"
    IS_CA = "cert_is_ca"
    NO_KEY = "cert_no_key"


@dataclass(frozen=True)
class CertProblem:
    code: CertProblemCode
    message: str
    blocking: bool  # True: do not offer this certificate for signing
    days_left: int | None = None


@dataclass(frozen=True)
class CertificateInfo:
    """A certificate on a token; choose it by (token_serial, cka_id), never by label."""

    token_serial: str
    token_label: str
    cka_id: bytes
    label: str
    subject: str  # RFC 4514, Unicode kept
    subject_cn: str
    issuer: str
    issuer_cn: str
    serial_number: str  # hex, as CA portals show it
    not_before: datetime
    not_after: datetime
    key_usage: tuple[str, ...]
    sha256: str  # hex fingerprint of the DER
    is_ca: bool
    has_key: bool | None  # None: unknown (private keys are hidden until login)
    problems: tuple[CertProblem, ...]
    der: bytes = field(repr=False)

    @property
    def cka_id_hex(self) -> str:
        return self.cka_id.hex()

    @property
    def usable_for_signing(self) -> bool:
        return not any(p.blocking for p in self.problems)

    def certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.der)


def _cn(name: x509.Name) -> str:
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        attrs = name.get_attributes_for_oid(oid)
        if attrs:
            value = attrs[0].value
            return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return name.rfc4514_string()


def _key_usage(cert: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None


def key_usage_names(usage: x509.KeyUsage | None) -> tuple[str, ...]:
    if usage is None:
        return ()
    names = [
        ("digitalSignature", usage.digital_signature),
        ("nonRepudiation", usage.content_commitment),
        ("keyEncipherment", usage.key_encipherment),
        ("dataEncipherment", usage.data_encipherment),
        ("keyAgreement", usage.key_agreement),
        ("keyCertSign", usage.key_cert_sign),
        ("cRLSign", usage.crl_sign),
    ]
    return tuple(name for name, on in names if on)


def is_ca_certificate(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def certificate_problems(
    cert: x509.Certificate,
    *,
    now: datetime | None = None,
    has_key: bool | None = None,
    lang: str = "vi",
) -> tuple[CertProblem, ...]:
    """Why a certificate should not (or soon cannot) be used to sign, with reasons for a person."""
    now = now or datetime.now(UTC)
    found: list[CertProblem] = []

    def add(code: CertProblemCode, blocking: bool, days: int | None = None, **fields: Any) -> None:
        message = render(code.value, {"days": days, **fields}, lang)
        found.append(CertProblem(code, message, blocking, days))

    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    if now < start:
        add(CertProblemCode.NOT_YET_VALID, True, date=f"{start:%d/%m/%Y}")
    elif now > end:
        add(CertProblemCode.EXPIRED, True, date=f"{end:%d/%m/%Y}")
    else:
        days_left = (end - now).days
        if days_left <= EXPIRY_WARNING_DAYS:
            add(CertProblemCode.EXPIRING_SOON, False, days_left, date=f"{end:%d/%m/%Y}")
    if is_ca_certificate(cert):
        add(CertProblemCode.IS_CA, True)
    usage = _key_usage(cert)
    # No KeyUsage extension means "unrestricted" (RFC 5280 §4.2.1.3).
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        add(CertProblemCode.NO_SIGNING_USAGE, True)
    if has_key is False:
        add(CertProblemCode.NO_KEY, True)
    return tuple(found)


def describe_certificate(
    der: bytes,
    *,
    token_serial: str,
    token_label: str,
    cka_id: bytes,
    label: str,
    has_key: bool | None,
    now: datetime | None = None,
    lang: str = "vi",
) -> CertificateInfo:
    """Parse ``der`` and describe it; raises ValueError for bytes that are not a certificate."""
    cert = x509.load_der_x509_certificate(der)
    return CertificateInfo(
        token_serial=token_serial,
        token_label=token_label,
        cka_id=cka_id,
        label=label,
        subject=cert.subject.rfc4514_string(),
        subject_cn=_cn(cert.subject),
        issuer=cert.issuer.rfc4514_string(),
        issuer_cn=_cn(cert.issuer),
        serial_number=f"{cert.serial_number:x}",
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        key_usage=key_usage_names(_key_usage(cert)),
        sha256=hashlib.sha256(der).hexdigest(),
        is_ca=is_ca_certificate(cert),
        has_key=has_key,
        problems=certificate_problems(cert, now=now, has_key=has_key, lang=lang),
        der=der,
    )
