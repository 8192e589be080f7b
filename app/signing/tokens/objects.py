"""Reading certificates and keys from an open PKCS#11 session (python-pkcs11 objects in, ours out).

These helpers run on the token thread only (the manager calls them there) and return plain values:
DER bytes, CKA_IDs, booleans. They never keep a session or an object handle, so nothing stale can
leak out of a device error.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import pkcs11.exceptions as p11e
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pkcs11.constants import Attribute, CertificateType, ObjectClass

from app.signing.tokens.errors import TokenObjectNotFound

log = logging.getLogger(__name__)

_UNREADABLE = (p11e.AttributeTypeInvalid, p11e.AttributeSensitive)


def attr(obj: Any, name: Attribute) -> Any:
    """An attribute's value, or None when the token does not have or does not show it."""
    try:
        return obj[name]
    except _UNREADABLE:
        return None


@dataclass(frozen=True)
class CertObject:
    cka_id: bytes
    label: str
    der: bytes
    cert: x509.Certificate


def read_certificates(session: Any) -> list[CertObject]:
    """Every X.509 certificate object the session can see (unparseable ones are logged, skipped)."""
    found: list[CertObject] = []
    for obj in list(session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})):
        cert_type = attr(obj, Attribute.CERTIFICATE_TYPE)
        if cert_type is not None and cert_type != CertificateType.X_509:
            continue
        der = attr(obj, Attribute.VALUE)
        if not der:
            continue
        try:
            cert = x509.load_der_x509_certificate(bytes(der))
        except ValueError:
            log.warning("skipping a certificate object that does not parse")
            continue
        cka_id = attr(obj, Attribute.ID)
        found.append(
            CertObject(
                cka_id=bytes(cka_id) if cka_id is not None else b"",
                label=attr(obj, Attribute.LABEL) or "",
                der=bytes(der),
                cert=cert,
            )
        )
    return found


def key_ids(session: Any, object_class: ObjectClass) -> set[bytes]:
    """The CKA_IDs of the session's keys of ``object_class``."""
    ids: set[bytes] = set()
    for obj in list(session.get_objects({Attribute.CLASS: object_class})):
        value = attr(obj, Attribute.ID)
        if value is not None:
            ids.add(bytes(value))
    return ids


def private_key(session: Any, cka_id: bytes, serial: str) -> Any:
    """The one private key with ``cka_id``: looked up afresh for each use, never cached."""
    keys = list(
        session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.ID: cka_id})
    )
    if len(keys) != 1:
        what = "no private key" if not keys else f"{len(keys)} private keys"
        raise TokenObjectNotFound(
            f"{what} with CKA_ID {cka_id.hex()} on token {serial}",
            serial=serial,
            cka_id=cka_id.hex(),
        )
    return keys[0]


def key_matches_certificate(key: Any, cert: x509.Certificate) -> bool | None:
    """Whether the private key belongs to ``cert`` (None when the token hides the numbers)."""
    public = cert.public_key()
    if isinstance(public, rsa.RSAPublicKey):
        modulus = attr(key, Attribute.MODULUS)
        if modulus is None:
            return None
        return int.from_bytes(bytes(modulus), "big") == public.public_numbers().n
    if isinstance(public, ec.EllipticCurvePublicKey):
        # Private EC keys carry no point; the CKA_ID pairing is all we can check.
        return None
    return None


def always_authenticate(key: Any) -> bool:
    """CKA_ALWAYS_AUTHENTICATE: the key wants the PIN again for every signature."""
    return bool(attr(key, Attribute.ALWAYS_AUTHENTICATE))
