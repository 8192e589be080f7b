"""How the token layer asks a person for a PIN: the ``PinPrompter`` interface and its plain
implementations (scripted for tests, environment variable for the CLI, terminal).

The Qt prompter lives in ``app.ui`` and implements the same Protocol. Prompters are called on the
token thread: a GUI implementation must hand the question to the GUI thread and wait. A prompter
hands the PIN over and forgets it: nothing here stores, logs or prints a PIN, and no repr shows it.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TextIO

from app.errors import InvalidInput


class PinState(StrEnum):
    """The token's own PIN counter, as its flags report it (some drivers lie: see attempts)."""

    OK = "ok"
    COUNT_LOW = "count_low"  # a wrong PIN since the last good one
    FINAL_TRY = "final_try"  # one more wrong PIN locks the token
    LOCKED = "locked"


class MessageLevel(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class PinRequest:
    """Everything a PIN dialog shows; never a PIN."""

    token_label: str
    token_serial: str
    pin_state: PinState
    protected_auth_path: bool
    app_failures: int  # consecutive wrong PINs counted by this app for this token
    purpose: str = "login"  # "login", or "signature" for keys that want the PIN per signature
    certificate_subject: str | None = None


class PinPrompter(Protocol):
    """What the token layer needs from a front end (GUI, CLI, tests)."""

    def get_pin(self, request: PinRequest) -> str | None:
        """The PIN the person typed, or None when they cancelled."""
        ...

    def confirm(self, message: str) -> bool:
        """Ask a yes/no question; True only on an explicit yes."""
        ...

    def show_message(self, message: str, level: MessageLevel) -> None:
        """Tell the person something (a warning before a PIN, "type on the reader", ...)."""
        ...


class ScriptExhausted(AssertionError):
    """A ScriptedPrompter was asked more than its script holds: the test expected fewer calls."""


class ScriptedPrompter:
    """A prompter for tests: answers from a script and records every call (never the PINs)."""

    def __init__(self, pins: Iterable[str | None] = (), confirms: Iterable[bool] = ()) -> None:
        self._pins = list(pins)
        self._confirms = list(confirms)
        self.calls: list[tuple[str, object]] = []

    def __repr__(self) -> str:
        return f"ScriptedPrompter(pins_left={len(self._pins)}, calls={len(self.calls)})"

    def get_pin(self, request: PinRequest) -> str | None:
        self.calls.append(("get_pin", request))
        if not self._pins:
            raise ScriptExhausted("get_pin called but no PIN left in the script")
        return self._pins.pop(0)

    def confirm(self, message: str) -> bool:
        self.calls.append(("confirm", message))
        if not self._confirms:
            raise ScriptExhausted("confirm called but no answer left in the script")
        return self._confirms.pop(0)

    def show_message(self, message: str, level: MessageLevel) -> None:
        self.calls.append(("show_message", (level, message)))

    def called(self, method: str) -> list[object]:
        """The arguments of every call to ``method``, in order."""
        return [arg for name, arg in self.calls if name == method]


class EnvPinPrompter:
    """The CLI's ``--pin-env VAR``: the PIN comes from an environment variable.

    Non-interactive, so ``confirm`` says no unless ``assume_yes``: after two wrong PINs a script
    stops instead of walking the token into its lockout.
    """

    def __init__(self, var_name: str, *, stream: TextIO | None = None, assume_yes: bool = False):
        self.var_name = var_name
        self._stream = stream
        self._assume_yes = assume_yes

    def __repr__(self) -> str:
        return f"EnvPinPrompter(var_name={self.var_name!r})"

    def get_pin(self, request: PinRequest) -> str | None:
        value = os.environ.get(self.var_name)
        if not value:
            raise InvalidInput(
                f"environment variable {self.var_name} holds no PIN", var=self.var_name
            )
        return value

    def confirm(self, message: str) -> bool:
        self.show_message(message, MessageLevel.WARNING)
        return self._assume_yes

    def show_message(self, message: str, level: MessageLevel) -> None:
        print(f"[{level.value}] {message}", file=self._stream or sys.stderr)


_YES = {"y", "yes", "c", "co", "có"}


class TtyPinPrompter:
    """Asks on the terminal: the PIN with getpass (no echo), questions with y/N."""

    def __init__(
        self,
        *,
        stream: TextIO | None = None,
        read_secret: Callable[[str], str] = getpass.getpass,
        read_line: Callable[[str], str] = input,
    ) -> None:
        self._stream = stream
        self._read_secret = read_secret
        self._read_line = read_line

    def __repr__(self) -> str:
        return "TtyPinPrompter()"

    def get_pin(self, request: PinRequest) -> str | None:
        what = "ký" if request.purpose == "signature" else "đăng nhập"
        prompt = f"Mã PIN của USB token “{request.token_label}” ({what}): "
        try:
            return self._read_secret(prompt)
        except (EOFError, KeyboardInterrupt):
            return None

    def confirm(self, message: str) -> bool:
        self.show_message(message, MessageLevel.WARNING)
        try:
            answer = self._read_line("Có / Không [c/K]: ")
        except (EOFError, KeyboardInterrupt):
            return False
        return answer.strip().lower() in _YES

    def show_message(self, message: str, level: MessageLevel) -> None:
        print(message, file=self._stream or sys.stderr)
