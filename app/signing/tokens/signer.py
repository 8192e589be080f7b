"""TokenSigner: a pyhanko ``Signer`` whose raw signature is made on the token thread.

pyhanko's own ``PKCS11Signer`` runs ``key.sign`` on an asyncio executor thread, which breaks the
one-thread-owns-the-token rule; here the PKCS#11 call is a job on the ``TokenThread`` and pyhanko
awaits its future. The mechanism follows what the slot offers: hash on the token
(CKM_SHA256_RSA_PKCS, CKM_ECDSA_SHA256) when it can, else hash on the host and use the raw
mechanism (CKM_RSA_PKCS over a DigestInfo, CKM_ECDSA). The CMS carries the signer's chain so that
a verifier who knows only the root can validate. This object holds no PKCS#11 handle.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pkcs11.mechanisms import Mechanism
from pyhanko.sign.general import SigningError as PyhankoSigningError
from pyhanko.sign.pkcs11 import (
    ECDSA_MECH_MAP,
    RSA_MECH_MAP,
    RSASSA_PSS_MECH_MAP,
    select_pkcs11_signing_params,
)
from pyhanko.sign.signers import Signer
from pyhanko_certvalidator.registry import SimpleCertificateStore

from app.errors import SigningError

if TYPE_CHECKING:
    from app.signing.tokens.login import TokenLogin


def _asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def estimate_signature_size(cert: x509.Certificate) -> int:
    """Bytes a raw signature by ``cert``'s key takes (pyhanko's dry run reserves this much)."""
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        return (key.key_size + 7) // 8
    if isinstance(key, ec.EllipticCurvePublicKey):
        # DER SEQUENCE of two INTEGERs, each possibly one byte longer for the sign bit.
        return 2 * ((key.curve.key_size + 7) // 8 + 3) + 4
    return 512


class TokenSigner(Signer):
    """Signs with the private key whose CKA_ID is ``cert_id`` on a logged-in token."""

    def __init__(
        self,
        *,
        login: TokenLogin,
        cert_id: bytes,
        cert: x509.Certificate,
        chain: Sequence[x509.Certificate],
        chain_complete: bool,
        mechanisms: frozenset[int],
        always_authenticate: bool,
        embed_roots: bool = True,
    ) -> None:
        registry = SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
            [_asn1(c) for c in chain]
        )
        super().__init__(
            signing_cert=_asn1(cert),
            cert_registry=registry,
            embed_roots=embed_roots,
        )
        self.login = login
        self.cert_id = cert_id
        self.certificate = cert
        self.chain = tuple(chain)
        self.chain_complete = chain_complete
        self.mechanisms = mechanisms
        self.always_authenticate = always_authenticate
        self._size = estimate_signature_size(cert)
        public = cert.public_key()
        if isinstance(public, rsa.RSAPublicKey):
            self._key_algorithm = "rsa"
        elif isinstance(public, ec.EllipticCurvePublicKey):
            self._key_algorithm = "ec"
        else:
            self._key_algorithm = type(public).__name__

    def __repr__(self) -> str:
        return f"<TokenSigner token={self.login.serial!r} cka_id={self.cert_id.hex()}>"

    def use_raw_mechanism(self, digest_algorithm: str) -> bool:
        """Hash on the host when the slot lacks the combined hash-and-sign mechanism."""
        digest = digest_algorithm.lower()
        algo = self._key_algorithm
        if algo == "rsa":
            if self.prefer_pss:
                if RSASSA_PSS_MECH_MAP[digest] not in self.mechanisms:
                    raise SigningError(f"the token has no RSA-PSS mechanism for {digest}")
                return False
            combined, raw = RSA_MECH_MAP[digest], Mechanism.RSA_PKCS
        elif algo == "ec":
            combined, raw = ECDSA_MECH_MAP[digest], Mechanism.ECDSA
        else:
            raise SigningError(f"keys of type {algo} are not supported on tokens", algorithm=algo)
        if combined in self.mechanisms:
            return False
        if raw in self.mechanisms:
            return True
        raise SigningError(
            f"the token offers neither {combined.name} nor {raw.name}", digest=digest
        )

    def sign_kwargs_for(self, digest_algorithm: str) -> Any:
        """pyhanko's PKCS#11 operation spec (mechanism, host-side pre/post transforms)."""
        digest = digest_algorithm.lower()
        try:
            return select_pkcs11_signing_params(
                self.get_signature_mechanism_for_digest(digest),
                digest,
                use_raw_mechanism=self.use_raw_mechanism(digest),
                sign_kwargs={},
            )
        except (KeyError, NotImplementedError, PyhankoSigningError) as exc:
            raise SigningError(f"cannot sign with {digest} on this token: {exc}") from exc

    async def async_sign_raw(
        self, data: bytes, digest_algorithm: str, dry_run: bool = False
    ) -> bytes:
        if dry_run:
            return bytes(self._size)
        spec = self.sign_kwargs_for(digest_algorithm)
        payload = spec.pre_sign_transform(data) if spec.pre_sign_transform else data
        manager = self.login.manager
        args = (self.login, self.cert_id, payload, dict(spec.sign_kwargs))
        if manager.thread.is_current():
            # Somebody runs the whole pyhanko call on the token thread: waiting on our own
            # single worker would deadlock, so sign inline.
            signature = manager._sign_on_thread(*args)
        else:
            future = manager.thread.submit(manager._sign_on_thread, *args)
            signature = await asyncio.wrap_future(future)
        if spec.post_sign_transform is not None:
            signature = spec.post_sign_transform(signature)
        return bytes(signature)

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        """Synchronous raw signature (for callers outside pyhanko; not inside an event loop)."""
        return asyncio.run(self.async_sign_raw(data, digest_algorithm))
