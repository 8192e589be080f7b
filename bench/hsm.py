"""One SoftHSM2 token for a benchmark run, logged in once, signed with by ours and the anchors.

The token is provisioned into a temp ``SOFTHSM2_CONF`` with the demo PKI (the key is generated
ON the token, RSA-2048, the certificate issued by the demo intermediate). Ours signs through
``TokenManager.signer`` (a ``TokenSigner``: every PKCS#11 call on the token thread); the anchor is
pyhanko's own ``PKCS11Signer`` over a second session on the same token. C_Login is per
application, so that session is already logged in: no second login, and closing it (it never
logged in itself) does not log the manager's session out. Labels are ASCII so the pyhanko CLI
can find the objects by label (labels with diacritics are unreliable, see PITFALLS.md).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.serialization import Encoding

from bench.registry import SuiteSkipped

USER_PIN = "bench-pin-2718"
SO_PIN = "bench-so-3141"
TOKEN_LABEL = "VBDT-BENCH"
KEY_LABEL = "bench-leader"
CKA_ID = bytes.fromhex("be4c0001")
PIN_ENV = "VBDT_BENCH_PIN"


@dataclass
class BenchToken:
    module: str  # canonical path of libsofthsm2.so
    conf_path: Path
    serial: str
    workdir: Path
    chain_pem: Path  # intermediate + root, for the pyhanko CLI's --other-cert-file
    pki: Any  # app.demo.pki.DemoPki
    signer: Any  # ours: app.signing.tokens.TokenSigner
    anchor_signer: Any  # pyhanko.sign.pkcs11.PKCS11Signer, same token and key

    @property
    def chain(self) -> tuple[Any, ...]:
        return (self.pki.intermediate.cert, self.pki.root.cert)

    def child_env(self) -> dict[str, str]:
        """Environment for a child process that logs in to this token itself."""
        return {**os.environ, "SOFTHSM2_CONF": str(self.conf_path), PIN_ENV: USER_PIN}


def asn1(cert: Any) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))


@contextmanager
def bench_token(log: Any = print) -> Iterator[BenchToken]:
    """Provision, log in, yield the signers; always log out and remove the token store."""
    from app.signing.tokens.softhsm import find_softhsm_module

    module = find_softhsm_module()
    if module is None or not Path(module).is_file() or shutil.which("softhsm2-util") is None:
        raise SuiteSkipped(
            "SoftHSM2 is not installed (libsofthsm2.so and softhsm2-util are needed: "
            "`apt-get install softhsm2`, or set VBDT_TEST_SOFTHSM_LIB)"
        )
    import pkcs11
    from pyhanko.sign.pkcs11 import PKCS11Signer

    from app.demo.pki import (
        DEFAULT_LEADER_NAME,
        DEFAULT_LEADER_TITLE,
        generate_demo_pki,
        person_subject,
    )
    from app.signing.tokens import ScriptedPrompter, TokenManager, TokenThread
    from app.signing.tokens.driver import canonical_module_path
    from app.signing.tokens.softhsm import (
        SoftHsmTokenSpec,
        TokenIdentity,
        certificate_for_public_key,
        provision_softhsm_tokens,
        write_softhsm_conf,
    )

    workdir = Path(tempfile.mkdtemp(prefix="vbdt-bench-"))
    previous = os.environ.get("SOFTHSM2_CONF")
    conf = write_softhsm_conf(workdir / "softhsm")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    thread = TokenThread()
    manager = None
    session = None
    try:
        pki = generate_demo_pki()
        chain_pem = workdir / "chain.pem"
        chain_pem.write_bytes(pki.intermediate.cert_pem + pki.root.cert_pem)

        # The demo leader (name with diacritics, title "Chủ tịch"): the visible stamp prints both.
        subject = person_subject(DEFAULT_LEADER_NAME, title=DEFAULT_LEADER_TITLE)

        def issue(public_key: Any) -> Any:
            return certificate_for_public_key(
                pki.intermediate.key, pki.intermediate.cert, subject, public_key
            )

        spec = SoftHsmTokenSpec(
            TOKEN_LABEL,
            SO_PIN,
            USER_PIN,
            identities=[TokenIdentity(CKA_ID, KEY_LABEL, issue)],
            ca_certs=[pki.intermediate.cert, pki.root.cert],
        )
        (token,) = provision_softhsm_tokens(workdir / "softhsm", [spec], module_path=module)
        log(f"SoftHSM token {TOKEN_LABEL} (serial {token.serial}) provisioned in {workdir}")
        manager = TokenManager(module, thread=thread, attempts_file=workdir / "attempts.json")
        login = manager.login(token.serial, ScriptedPrompter([USER_PIN]))
        signer = manager.signer(login, CKA_ID)

        canonical = canonical_module_path(module)
        lib = pkcs11.lib(canonical)  # the manager's cached lib (same canonical path)
        p11_token = lib.get_token(token_serial=token.serial.encode())
        session = p11_token.open()  # already logged in: C_Login state is per application
        anchor = PKCS11Signer(
            session,
            cert_id=CKA_ID,
            key_id=CKA_ID,
            ca_chain=[asn1(pki.intermediate.cert), asn1(pki.root.cert)],
        )
        _ = anchor.signing_cert  # load the key and certificate once, outside the timings
        yield BenchToken(
            module=canonical,
            conf_path=conf,
            serial=token.serial,
            workdir=workdir,
            chain_pem=chain_pem,
            pki=pki,
            signer=signer,
            anchor_signer=anchor,
        )
    finally:
        if session is not None:
            session.close()  # C_CloseSession only: this session never logged in itself
        if manager is not None:
            manager.close()
        thread.shutdown()
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous
        shutil.rmtree(workdir, ignore_errors=True)


def load_chain(pem: Path) -> tuple[Any, ...]:
    """The CA certificates of ``pem`` (``cryptography`` objects), as written by ``bench_token``."""
    from cryptography import x509

    return tuple(x509.load_pem_x509_certificates(pem.read_bytes()))


def child_args(token: BenchToken, **extra: Any) -> dict[str, Any]:
    """What a child process needs to log in to the bench token itself (not the PIN)."""
    return {
        "module": token.module,
        "serial": token.serial,
        "cka_id": CKA_ID.hex(),
        "chain_pem": str(token.chain_pem),
        "workdir": str(token.workdir),
        "pin_env": PIN_ENV,
        **extra,
    }
