"""Assemble a signer's certificate chain from what the token and the trust pack offer.

A CMS signature that carries only the signer's certificate makes a verifier who knows just the
root say "issuer unknown". We walk from the signing certificate up, issuer by issuer, checking each
link's signature, and embed exactly that path. This only orders certificates: it decides nothing
about trust (the validator does) and must not fetch anything from the network.
"""

from __future__ import annotations

from collections.abc import Iterable

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes

_MAX_DEPTH = 8


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    if cert.issuer != issuer.subject:
        return False
    try:
        cert.verify_directly_issued_by(issuer)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def _fp(cert: x509.Certificate) -> bytes:
    return cert.fingerprint(hashes.SHA256())


def _self_signed(cert: x509.Certificate) -> bool:
    return _issued_by(cert, cert)


def build_chain(
    leaf: x509.Certificate, candidates: Iterable[x509.Certificate]
) -> tuple[list[x509.Certificate], bool]:
    """The certificates above ``leaf``, nearest first, and whether the walk reached a root."""
    pool = list(candidates)
    chain: list[x509.Certificate] = []
    seen = {_fp(leaf)}
    current = leaf
    for _ in range(_MAX_DEPTH):
        if _self_signed(current):
            return chain, True
        issuer = next(
            (c for c in pool if _fp(c) not in seen and _issued_by(current, c)),
            None,
        )
        if issuer is None:
            return chain, False
        chain.append(issuer)
        seen.add(_fp(issuer))
        current = issuer
    return chain, _self_signed(current)
