"""One loaded PKCS#11 driver: loading it safely, enumerating its tokens, and recovering from
device errors.

python-pkcs11 0.10.1 keeps one ``lib`` object per path *string* for the whole process
(``pkcs11._loaded``); ``pkcs11.lib(path)`` re-initialises it when it was finalised, and a second
spelling of the same file fails with "already initialized". So paths are canonicalised here, the
driver is never unloaded (that crashes while any object from it is alive), and recovery after a
device error is C_Finalize + C_Initialize on next use. Runs on the token thread only; it hands out
python-pkcs11 objects to the manager and to nobody else.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pkcs11
import pkcs11.exceptions as p11e

from app.errors import AppError, TokenDriverError, TokenNotFound
from app.signing.tokens.discovery import module_problem
from app.signing.tokens.errors import TokenArchMismatch, driver_error, is_device_gone, removed_error
from app.signing.tokens.info import TokenInfo
from app.signing.tokens.pin import PinState
from app.signing.tokens.texts import render
from app.signing.tokens.thread import TokenThread

log = logging.getLogger(__name__)

Loader = Callable[[str], Any]
_SKIP_SLOT = (p11e.TokenNotPresent, p11e.TokenNotRecognised, p11e.SlotIDInvalid)


def canonical_module_path(path: str | os.PathLike[str]) -> str:
    """One spelling per driver file (symlinks resolved), so python-pkcs11 loads it once."""
    return os.path.normcase(os.path.realpath(os.fspath(path)))


class Driver:
    """The library handle of one driver file, owned by the token thread."""

    def __init__(
        self,
        module_path: str,
        thread: TokenThread,
        *,
        loader: Loader | None,
        on_invalidate: Callable[[], None],
    ) -> None:
        self.module_path = module_path
        self.thread = thread
        self._loader = loader
        self._on_invalidate = on_invalidate
        self._lib: Any = None
        self._needs_reset = False
        # Bumped on every device error: a login from an older generation is stale.
        self.generation = 0

    def lib(self) -> Any:
        self.thread.assert_current("using the token driver")
        if self._lib is not None and self._needs_reset:
            self._needs_reset = False
            try:
                # C_Finalize + C_Initialize: every old session is gone and logged out.
                self._lib.reinitialize()
            except p11e.PKCS11Error as exc:
                log.warning("re-initialising %s failed (%s)", self.module_path, type(exc).__name__)
                self._lib = None
        if self._lib is None:
            self._lib = self._load()
        return self._lib

    def _load(self) -> Any:
        loader: Loader
        if self._loader is not None:
            loader = self._loader
        else:
            problem = module_problem(self.module_path, lang="en")
            if problem is not None:
                arch = problem.code == "module_arch_mismatch"
                raise (TokenArchMismatch if arch else TokenDriverError)(
                    problem.message,
                    problem=problem.code,
                    user_message=render(problem.code, problem.params),
                    **problem.params,
                )
            loader = pkcs11.lib
        try:
            lib = loader(self.module_path)
        except p11e.PKCS11Error as exc:
            raise driver_error(exc, f"loading {self.module_path}") from exc
        log.info("loaded PKCS#11 driver %s", self.module_path)
        return lib

    def forget(self) -> None:
        """Drop our reference (the driver itself stays loaded for the process)."""
        self._lib = None

    @contextmanager
    def guard(self, doing: str, serial: str | None = None) -> Iterator[None]:
        """Wrap library errors into ours; on a device error drop every session first."""
        try:
            yield
        except AppError:
            raise
        except p11e.PKCS11Error as exc:
            if is_device_gone(exc):
                self.invalidate(exc)
                raise removed_error(exc, serial=serial) from exc
            raise driver_error(exc, doing) from exc

    def invalidate(self, exc: BaseException) -> None:
        self.generation += 1
        self._needs_reset = True
        self._on_invalidate()
        log.warning(
            "token device error %s on %s: all sessions dropped, re-enumerating on next use",
            type(exc).__name__,
            self.module_path,
        )

    def tokens(self) -> list[tuple[TokenInfo, Any]]:
        """Initialised tokens present now, each with a fresh python-pkcs11 Token object."""
        found: list[tuple[TokenInfo, Any]] = []
        for slot in self.lib().get_slots():
            try:
                token = slot.get_token()
            except _SKIP_SLOT:
                continue
            info = TokenInfo(
                module_path=self.module_path,
                slot_id=int(slot.slot_id),
                slot_description=str(getattr(slot, "slot_description", "")),
                label=token.label,
                serial=bytes(token.serial).decode("ascii", "replace").strip(),
                manufacturer=token.manufacturer_id,
                model=token.model,
                flags=int(token.flags),
            )
            if info.initialized:
                found.append((info, token))
        return found

    def find(self, serial: str) -> tuple[TokenInfo, Any]:
        """The token ``serial``, re-enumerated so its flags are fresh (Token.flags is cached)."""
        for info, token in self.tokens():
            if info.serial == serial:
                return info, token
        raise TokenNotFound(f"no token with serial {serial} in {self.module_path}", serial=serial)

    def pin_state(self, serial: str) -> PinState | None:
        """Best effort, for error reports: never masks the error being reported."""
        try:
            return self.find(serial)[0].pin_state
        except (AppError, p11e.PKCS11Error):
            return None
