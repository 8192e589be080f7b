"""PIN safety: the checks before any C_Login, and how a failed C_Login is reported.

The rules (ARCHITECTURE.md, "Threads"): a wrong PIN is never retried automatically; each answer
from the prompter is exactly one C_Login; a token whose flags say LOCKED or FINAL_TRY gets no
login at all; after two consecutive failures counted by this app (drivers may lie about their
flags) the person must say "yes" before another try. This module decides and words those steps;
it does not call PKCS#11 and must never keep, log or put a PIN into an exception.
"""

from __future__ import annotations

import pkcs11.exceptions as p11e

from app.errors import PinFinalTry, PinIncorrect, PinLocked, TokenError, UserCancelled
from app.signing.tokens.errors import PinEmpty, TokenBusy
from app.signing.tokens.info import TokenInfo
from app.signing.tokens.pin import MessageLevel, PinPrompter, PinRequest, PinState
from app.signing.tokens.texts import text

CONFIRM_AFTER_FAILURES = 2

# C_Login answers that mean "this PIN was not accepted": each one counts as a failure.
WRONG_PIN_ERRORS: tuple[type[p11e.PKCS11Error], ...] = (
    p11e.PinIncorrect,
    p11e.PinInvalid,
    p11e.PinLenRange,
)
# A context-specific login (PIN per signature) can also hit a lock.
REFUSED_PIN_ERRORS: tuple[type[p11e.PKCS11Error], ...] = (*WRONG_PIN_ERRORS, p11e.PinLocked)


def _ids(info: TokenInfo) -> dict[str, object]:
    return {"serial": info.serial, "label": info.label}


def check_before_pin(
    info: TokenInfo, app_failures: int, prompter: PinPrompter, *, lang: str = "vi"
) -> None:
    """Refuse, warn or ask before a PIN is requested; ``info`` must hold freshly read flags."""
    state = info.pin_state
    if state is PinState.LOCKED:
        raise PinLocked(
            f"token {info.serial} reports its user PIN locked; no login attempted", **_ids(info)
        )
    if state is PinState.FINAL_TRY:
        raise PinFinalTry(
            f"token {info.serial} has one PIN try left; the app will not risk it "
            "(contact the certificate provider)",
            **_ids(info),
        )
    if state is PinState.COUNT_LOW:
        prompter.show_message(
            text("pin_count_low", lang=lang, label=info.label), MessageLevel.WARNING
        )
    if app_failures >= CONFIRM_AFTER_FAILURES:
        question = text(
            "confirm_after_failures",
            lang=lang,
            failures=app_failures,
            label=info.label,
            serial=info.serial,
        )
        if not prompter.confirm(question):
            raise UserCancelled(
                f"declined another PIN try after {app_failures} failures",
                failures=app_failures,
                **_ids(info),
            )


def ask_secret(
    info: TokenInfo,
    prompter: PinPrompter,
    app_failures: int,
    *,
    purpose: str = "login",
    certificate_subject: str | None = None,
    lang: str = "vi",
) -> str | None:
    """The PIN to send, or None when the person types it on the reader's keypad instead.

    Cancel raises UserCancelled; an empty PIN raises PinEmpty (it would cost a try for nothing).
    """
    if info.protected_auth_path:
        key = "pin_pad_signature" if purpose == "signature" else "pin_pad"
        prompter.show_message(text(key, lang=lang, label=info.label), MessageLevel.INFO)
        return None
    request = PinRequest(
        token_label=info.label,
        token_serial=info.serial,
        pin_state=info.pin_state,
        protected_auth_path=False,
        app_failures=app_failures,
        purpose=purpose,
        certificate_subject=certificate_subject,
    )
    pin = prompter.get_pin(request)
    if pin is None:
        raise UserCancelled("PIN entry cancelled", **_ids(info))
    if pin == "":
        raise PinEmpty("an empty PIN was not sent to the token", **_ids(info))
    return pin


def login_error(
    exc: p11e.PKCS11Error, info: TokenInfo, failures: int | None, state: PinState | None
) -> TokenError | UserCancelled | None:
    """Our error for a failed C_Login, or None when ``exc`` is not about the login itself.

    ``failures`` is the app's consecutive count after recording this one (None: not counted).
    """
    ids = _ids(info)
    if isinstance(exc, WRONG_PIN_ERRORS):
        after = f"; the token now reports {state.value}" if state else ""
        return PinIncorrect(
            f"wrong PIN for token {info.serial} ({failures} consecutive failure(s) in this app"
            f"{after}); not retried",
            failures=failures,
            pin_state=state.value if state else None,
            **ids,
        )
    if isinstance(exc, p11e.PinLocked):
        return PinLocked(f"token {info.serial} locked its user PIN", **ids)
    if isinstance(exc, p11e.PinExpired):
        return TokenError(
            f"token {info.serial} says its PIN has expired: change it with the provider's tool",
            reason="pin_expired",
            **ids,
        )
    if isinstance(exc, (p11e.UserAlreadyLoggedIn, p11e.AnotherUserAlreadyLoggedIn)):
        return TokenBusy(
            f"another session of this application is already logged in to token {info.serial}",
            **ids,
        )
    if isinstance(exc, p11e.FunctionCancelled):
        return UserCancelled("PIN entry cancelled on the reader", **ids)
    return None
