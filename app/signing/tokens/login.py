"""Logging in at the PKCS#11 boundary: the login ticket, and the PIN flow that performs exactly
one C_Login per answer from the prompter (at login, and per signature for CKA_ALWAYS_AUTHENTICATE).

``policy`` decides (refuse, warn, ask); this module carries it out on the token thread and turns
the library's answer into our errors, counting wrong PINs. It keeps no PIN: the string is passed
straight to python-pkcs11 and the local name deleted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

import pkcs11
import pkcs11.exceptions as p11e

from app.signing.tokens.attempts import AttemptCounter
from app.signing.tokens.driver import Driver
from app.signing.tokens.errors import TokenAuthUnsupported
from app.signing.tokens.info import TokenInfo
from app.signing.tokens.pin import PinPrompter
from app.signing.tokens.policy import (
    REFUSED_PIN_ERRORS,
    WRONG_PIN_ERRORS,
    ask_secret,
    check_before_pin,
    login_error,
)

if TYPE_CHECKING:
    from app.signing.tokens.manager import TokenManager

log = logging.getLogger(__name__)


class TokenLogin:
    """The one logged-in session of a token: a ticket that holds no PKCS#11 object itself."""

    def __init__(self, manager: TokenManager, info: TokenInfo, generation: int) -> None:
        self.manager = manager
        self.serial = info.serial
        self.label = info.label
        self.generation = generation  # the driver generation it was made in
        self.closed = False
        self.lost = False  # ended by a device error rather than by close()

    @property
    def active(self) -> bool:
        return not self.closed

    def close(self) -> None:
        """Log out (C_Logout + C_CloseSession) on the token thread; idempotent."""
        self.manager._close_login(self)

    def __enter__(self) -> TokenLogin:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<TokenLogin serial={self.serial!r} label={self.label!r} active={self.active}>"


@dataclass
class LiveLogin:
    """Token-thread-only: the session behind a TokenLogin and who to ask for per-signature PINs."""

    login: TokenLogin
    session: Any
    prompter: PinPrompter


class PinFlow:
    """Runs the PIN-safety steps and the one C_Login, on the token thread."""

    def __init__(self, driver: Driver, attempts: AttemptCounter, lang: str) -> None:
        self._driver = driver
        self._attempts = attempts
        self._lang = lang

    def open_session(self, info: TokenInfo, token: Any, prompter: PinPrompter) -> Any:
        """A logged-in session on ``token`` (``info`` holds its freshly read flags)."""
        failures = self._attempts.failures(info.serial)
        check_before_pin(info, failures, prompter, lang=self._lang)
        secret = ask_secret(info, prompter, failures, lang=self._lang)
        with self._driver.guard("logging in", info.serial):
            try:
                # python-pkcs11 0.10.1 logs in only inside Token.open(): one C_OpenSession and
                # one C_Login. A refused C_Login leaves that session open until re-initialisation.
                session = token.open(user_pin=pkcs11.PROTECTED_AUTH if secret is None else secret)
            except p11e.PKCS11Error as exc:
                self._raise(exc, info)
            finally:
                del secret
        self._attempts.reset(info.serial)
        log.info("logged in to token %s", info.serial)
        return session

    def sign_with_pin(
        self,
        info: TokenInfo,
        key: Any,
        payload: bytes,
        sign_kwargs: dict[str, Any],
        prompter: PinPrompter,
        end_login: Callable[[], None],
    ) -> bytes:
        """CKA_ALWAYS_AUTHENTICATE: C_SignInit, C_Login(CKU_CONTEXT_SPECIFIC, PIN), C_Sign."""
        if info.protected_auth_path:
            # python-pkcs11 0.10.1's reaffirm_credentials() takes a PIN string only: there is no
            # NULL-PIN (keypad) context-specific login.
            raise TokenAuthUnsupported(
                f"token {info.serial} wants the PIN on the reader for every signature; "
                "python-pkcs11 0.10.1 cannot do that",
                serial=info.serial,
            )
        failures = self._attempts.failures(info.serial)
        check_before_pin(info, failures, prompter, lang=self._lang)
        pin = ask_secret(info, prompter, failures, purpose="signature", lang=self._lang)
        with self._driver.guard("signing", info.serial):
            try:
                signature = bytes(key.sign(payload, pin=pin, **sign_kwargs))
            except REFUSED_PIN_ERRORS as exc:
                # The refused login leaves C_Sign pending on the session (SoftHSM then answers
                # OperationActive forever): end this login; the person logs in again.
                end_login()
                self._raise(exc, info)
            finally:
                del pin
        self._attempts.reset(info.serial)
        return signature

    def _raise(self, exc: p11e.PKCS11Error, info: TokenInfo) -> NoReturn:
        counted = isinstance(exc, WRONG_PIN_ERRORS)
        count = self._attempts.record_failure(info.serial) if counted else None
        state = self._driver.pin_state(info.serial) if counted else None
        error = login_error(exc, info, count, state)
        if error is None:
            raise exc  # not about the PIN: the driver guard maps it
        log.info("login to token %s refused: %s", info.serial, type(exc).__name__)
        raise error from exc
