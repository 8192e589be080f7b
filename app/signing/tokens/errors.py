"""The token layer's error kinds and the one place where python-pkcs11 exceptions become ours.

Every exception from the library is wrapped at this boundary (``raise ... from exc``) into the
``app.errors`` tree, so callers never see a ``pkcs11`` type. The sets below decide which library
errors mean "the device or its state is gone": after one of those the manager drops every session
and handle it holds. Messages here are English technical details; they must never contain a PIN.
"""

from __future__ import annotations

import pkcs11.exceptions as p11e

from app.errors import TokenDriverError, TokenError, TokenRemoved


class TokenArchMismatch(TokenDriverError):
    """A 32-bit driver under a 64-bit Python, or the reverse (seen before loading it)."""

    code = "token_arch_mismatch"


class TokenAuthUnsupported(TokenError):
    """The token wants an authentication we cannot perform (e.g. PIN pad for each signature)."""

    code = "token_auth_unsupported"


class TokenObjectNotFound(TokenError):
    """No certificate, or no private key, with the requested CKA_ID on the token."""

    code = "token_object_not_found"


class LoginClosed(TokenError):
    """The login was closed by the program; the person has to log in again."""

    code = "token_login_closed"


class TokenBusy(TokenError):
    """Another session of this process is logged in to the token (C_Login is per application)."""

    code = "token_busy"


class PinEmpty(TokenError):
    """An empty PIN: refused before it reaches the token, so it costs no try."""

    code = "pin_empty"


# The device went away or its state can no longer be trusted: drop everything, re-enumerate.
DEVICE_GONE: tuple[type[p11e.PKCS11Error], ...] = (
    p11e.DeviceRemoved,
    p11e.DeviceError,
    p11e.DeviceMemory,
    p11e.TokenNotPresent,
    p11e.TokenNotRecognised,
    p11e.SessionHandleInvalid,
    p11e.SessionClosed,
    p11e.SessionCount,
    p11e.GeneralError,
    p11e.FunctionFailed,
    p11e.SlotIDInvalid,
    p11e.KeyHandleInvalid,
    p11e.ObjectHandleInvalid,
    p11e.OperationActive,
)


def is_device_gone(exc: BaseException) -> bool:
    """Whether ``exc`` means our sessions and handles are no longer trustworthy."""
    if isinstance(exc, DEVICE_GONE):
        return True
    # A bare PKCS11Error is what python-pkcs11 raises for CKR_CRYPTOKI_NOT_INITIALIZED and
    # other "should never see this" codes: the library state is unknown, so start over.
    return type(exc) is p11e.PKCS11Error


def removed_error(exc: BaseException, *, serial: str | None = None) -> TokenRemoved:
    """The TokenRemoved to raise (``from exc``) after a device error."""
    return TokenRemoved(
        "the token was removed or stopped responding "
        f"({type(exc).__name__}); plug it in again and log in again",
        serial=serial,
        cause=type(exc).__name__,
    )


def driver_error(exc: BaseException, doing: str) -> TokenDriverError:
    """A TokenDriverError naming the library error (never its arguments, which we don't own)."""
    return TokenDriverError(
        f"the token driver failed while {doing}: {type(exc).__name__}",
        doing=doing,
        cause=type(exc).__name__,
    )
