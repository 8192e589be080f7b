"""TokenManager: the tokens behind one PKCS#11 driver, and the one logged-in session per token.

All library work runs on the ``TokenThread``: public methods hop onto it, ``*_on_thread`` methods
assert they are on it. Sessions and object handles live only inside this class and the driver,
never leave the token thread, and are looked up afresh for each job. After a device error every
session is dropped (not closed: after a re-plug an old handle number may name a new session), and
logins from before it raise TokenRemoved. No Qt here, and no PIN is ever kept.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import pkcs11.exceptions as p11e
from cryptography import x509
from pkcs11.constants import ObjectClass

from app.errors import TokenRemoved
from app.paths import default_data_dir
from app.signing.tokens import objects
from app.signing.tokens.attempts import AttemptCounter
from app.signing.tokens.chain import build_chain
from app.signing.tokens.driver import Driver, Loader, canonical_module_path
from app.signing.tokens.errors import LoginClosed, TokenObjectNotFound
from app.signing.tokens.info import CertificateInfo, TokenInfo, describe_certificate
from app.signing.tokens.login import LiveLogin, PinFlow, TokenLogin
from app.signing.tokens.pin import PinPrompter
from app.signing.tokens.thread import TokenThread

if TYPE_CHECKING:
    from app.signing.tokens.signer import TokenSigner

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")

ATTEMPTS_FILE_NAME = "token_pin_attempts.json"

_LIVE: dict[str, TokenManager] = {}
_LIVE_LOCK = threading.Lock()


class ModuleInUse(RuntimeError):
    """A second TokenManager for a driver that already has an open one (a programming error)."""


def live_manager(module_path: str | os.PathLike[str]) -> TokenManager | None:
    """The open manager for this driver file, if any."""
    with _LIVE_LOCK:
        return _LIVE.get(canonical_module_path(module_path))


@dataclass(frozen=True)
class SignerMaterial:
    cert: x509.Certificate
    ca_certs: tuple[x509.Certificate, ...]
    mechanisms: frozenset[int]
    always_authenticate: bool


class TokenManager:
    """Tokens behind one PKCS#11 driver; one open manager per driver file in a process."""

    def __init__(
        self,
        module_path: str | os.PathLike[str],
        *,
        thread: TokenThread,
        attempts_file: Path | None = None,
        loader: Loader | None = None,
        now: Callable[[], datetime] | None = None,
        lang: str = "vi",
    ) -> None:
        """``attempts_file`` defaults to the data directory; ``loader`` replaces ``pkcs11.lib``
        (tests pass a fake); with the real loader the file header is checked before loading."""
        self.module_path = canonical_module_path(module_path)
        self.thread = thread
        self._now = now
        self._lang = lang
        self._attempts = AttemptCounter(attempts_file or default_data_dir() / ATTEMPTS_FILE_NAME)
        self._live: dict[str, LiveLogin] = {}
        self._driver = Driver(
            self.module_path, thread, loader=loader, on_invalidate=self._drop_all_logins
        )
        self._pins = PinFlow(self._driver, self._attempts, lang)
        self._closed = False
        with _LIVE_LOCK:
            if self.module_path in _LIVE:
                raise ModuleInUse(f"a TokenManager for {self.module_path} is already open")
            _LIVE[self.module_path] = self

    # --- public API: any thread but the GUI's ----------------------------------------------
    def list_tokens(self) -> list[TokenInfo]:
        """Initialised tokens present now, flags read afresh (empty slots are skipped)."""
        return self._run(self._list_tokens_on_thread)

    def list_certificates(self, serial: str) -> list[CertificateInfo]:
        """X.509 certificates on token ``serial``, usable signing certificates first."""
        return self._run(self._list_certificates_on_thread, serial)

    def login(self, serial: str, prompter: PinPrompter) -> TokenLogin:
        """Log in to token ``serial``: the PIN-safety checks, then at most one C_Login."""
        return self._run(self._login_on_thread, serial, prompter)

    def signer(
        self, login: TokenLogin, cert_id: bytes, *, extra_chain: Sequence[x509.Certificate] = ()
    ) -> TokenSigner:
        """A pyhanko Signer for the certificate with CKA_ID ``cert_id`` on the logged-in token.

        Its chain comes from the CA certificates on the token plus ``extra_chain`` (e.g. the
        trust pack), walked up to the root when the root is among them.
        """
        from app.signing.tokens.signer import TokenSigner

        material: SignerMaterial = self._run(self._signer_material_on_thread, login, cert_id)
        chain, complete = build_chain(material.cert, [*material.ca_certs, *extra_chain])
        return TokenSigner(
            login=login,
            cert_id=cert_id,
            cert=material.cert,
            chain=chain,
            chain_complete=complete,
            mechanisms=material.mechanisms,
            always_authenticate=material.always_authenticate,
        )

    def close(self) -> None:
        """Log out of every token and forget the driver's objects (the driver stays loaded)."""
        if self._closed:
            return
        try:
            if not self.thread.closed:
                self.thread.run(self._close_all_on_thread)
        finally:
            self._closed = True
            self._live.clear()
            with _LIVE_LOCK:
                if _LIVE.get(self.module_path) is self:
                    del _LIVE[self.module_path]

    def __enter__(self) -> TokenManager:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<TokenManager {self.module_path!r} logins={sorted(self._live)}>"

    # --- plumbing ---------------------------------------------------------------------------
    def _run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        if self._closed:
            raise RuntimeError(f"the TokenManager for {self.module_path} is closed")
        return self.thread.run(fn, *args, **kwargs)

    def _drop_all_logins(self) -> None:
        for live in self._live.values():
            live.login.closed = live.login.lost = True
        self._live.clear()

    def _require_live(self, login: TokenLogin) -> LiveLogin:
        live = self._live.get(login.serial)
        if live is not None and live.login is login:
            return live
        if login.lost or login.generation != self._driver.generation:
            raise TokenRemoved(
                "the token was removed or reset since this login; log in again",
                serial=login.serial,
            )
        raise LoginClosed(f"the login to token {login.serial} was closed", serial=login.serial)

    def _end_login(self, serial: str) -> None:
        live = self._live.pop(serial, None)
        if live is None:
            return
        live.login.closed = True
        try:
            live.session.close()  # C_Logout + C_CloseSession
        except p11e.PKCS11Error as exc:
            log.info("closing the session of token %s: %s", serial, type(exc).__name__)

    def _close_login(self, login: TokenLogin) -> None:
        if self._closed or self.thread.closed:
            login.closed = True
            return
        self.thread.run(self._close_login_on_thread, login)

    # --- token-thread work ------------------------------------------------------------------
    def _list_tokens_on_thread(self) -> list[TokenInfo]:
        self.thread.assert_current()
        with self._driver.guard("listing tokens"):
            return [info for info, _ in self._driver.tokens()]

    def _list_certificates_on_thread(self, serial: str) -> list[CertificateInfo]:
        self.thread.assert_current()
        with self._driver.guard("reading certificates", serial):
            info, token = self._driver.find(serial)
            live = self._live.get(serial)
            if live is not None:
                return self._describe(info, live.session, logged_in=True)
            session = token.open()
            try:
                return self._describe(info, session, logged_in=False)
            finally:
                try:
                    session.close()  # never logged in: C_CloseSession only, no C_Logout
                except p11e.PKCS11Error:
                    pass

    def _describe(self, info: TokenInfo, session: Any, *, logged_in: bool) -> list[CertificateInfo]:
        certs = objects.read_certificates(session)
        public_ids = objects.key_ids(session, ObjectClass.PUBLIC_KEY)
        private_ids = objects.key_ids(session, ObjectClass.PRIVATE_KEY) if logged_in else set()
        now = self._now() if self._now else None
        result = []
        for obj in certs:
            # Private keys stay hidden until login: before it, a public key is our best hint.
            has_key = (
                (obj.cka_id in private_ids) if logged_in else (obj.cka_id in public_ids or None)
            )
            result.append(
                describe_certificate(
                    obj.der,
                    token_serial=info.serial,
                    token_label=info.label,
                    cka_id=obj.cka_id,
                    label=obj.label,
                    has_key=has_key,
                    now=now,
                    lang=self._lang,
                )
            )
        result.sort(key=lambda c: (not c.usable_for_signing, c.is_ca, -c.not_after.timestamp()))
        return result

    def _login_on_thread(self, serial: str, prompter: PinPrompter) -> TokenLogin:
        self.thread.assert_current()
        live = self._live.get(serial)
        if live is not None:
            live.prompter = prompter  # whoever logs in last answers per-signature PINs
            return live.login
        with self._driver.guard("reading the token state", serial):
            info, token = self._driver.find(serial)
        session = self._pins.open_session(info, token, prompter)
        login = TokenLogin(self, info, self._driver.generation)
        self._live[serial] = LiveLogin(login, session, prompter)
        return login

    def _signer_material_on_thread(self, login: TokenLogin, cert_id: bytes) -> SignerMaterial:
        self.thread.assert_current()
        live = self._require_live(login)
        ids = {"serial": login.serial, "cka_id": cert_id.hex()}
        with self._driver.guard("preparing to sign", login.serial):
            certs = objects.read_certificates(live.session)
            mine = [c.cert for c in certs if c.cka_id == cert_id]
            if not mine:
                raise TokenObjectNotFound(f"no certificate with CKA_ID {cert_id.hex()}", **ids)
            # A renewal may put a second certificate on the same key: take the newest.
            cert = max(mine, key=lambda c: c.not_valid_after_utc)
            key = objects.private_key(live.session, cert_id, login.serial)
            if objects.key_matches_certificate(key, cert) is False:
                raise TokenObjectNotFound(
                    f"the private key with CKA_ID {cert_id.hex()} does not match its certificate",
                    **ids,
                )
            _, token = self._driver.find(login.serial)
            return SignerMaterial(
                cert=cert,
                ca_certs=tuple(c.cert for c in certs if c.cka_id != cert_id),
                mechanisms=frozenset(int(m) for m in token.slot.get_mechanisms()),
                always_authenticate=objects.always_authenticate(key),
            )

    def _sign_on_thread(
        self, login: TokenLogin, cert_id: bytes, payload: bytes, sign_kwargs: dict[str, Any]
    ) -> bytes:
        """One raw signature with a freshly looked-up key (no handle outlives a job)."""
        self.thread.assert_current("signing")
        live = self._require_live(login)
        with self._driver.guard("signing", login.serial):
            key = objects.private_key(live.session, cert_id, login.serial)
            if not objects.always_authenticate(key):
                return bytes(key.sign(payload, **sign_kwargs))
            info, _ = self._driver.find(login.serial)
        return self._pins.sign_with_pin(
            info, key, payload, sign_kwargs, live.prompter, lambda: self._end_login(info.serial)
        )

    def _close_login_on_thread(self, login: TokenLogin) -> None:
        self.thread.assert_current()
        login.closed = True
        live = self._live.get(login.serial)
        if live is not None and live.login is login:
            self._end_login(login.serial)

    def _close_all_on_thread(self) -> None:
        self.thread.assert_current()
        for serial in list(self._live):
            self._end_login(serial)
        self._driver.forget()
