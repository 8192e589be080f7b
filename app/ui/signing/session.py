"""The desktop's token session: one TokenHub per window, the drivers to look at, the chosen
certificate, and the "keep me signed in" logins.

Every method that touches a token is called from the task runner's token executor, never from
the GUI thread; the hub's own token thread does the PKCS#11 calls. A login is kept open only when
the person ticked "keep signed in" in the PIN dialog, and only until the window closes or they
sign out; otherwise it ends with the job. No PIN is ever kept: a kept login is a PKCS#11 session
on the token, not a stored secret. Qt-free on purpose (tests drive it without widgets).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.signing import OpenSigner, SignerSource, signer_source
from app.services.tokens import (
    PKCS12_DEMO_MODULE,
    DemoTokenConfig,
    ModuleChoice,
    ModuleListing,
    TokenHub,
    activate_demo_softhsm,
    attempts_file_for,
    choose_modules,
    find_token,
    list_tokens,
    load_demo_token_config,
)
from app.signing.tokens import PinPrompter, TokenLogin, find_modules
from app.signing.tokens.driver import canonical_module_path


@dataclass(frozen=True)
class TokenChoice:
    """A certificate on a token, as the person picked it: chosen by serial + CKA_ID."""

    module: str
    serial: str
    label: str
    cka_id: bytes
    subject_cn: str
    demo: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return self.serial, self.cka_id.hex()


@dataclass(frozen=True)
class TokenBrief:
    """What a PIN dialog shows about the token before anything is typed."""

    label: str
    serial: str
    subject: str = ""
    demo: bool = False
    protected_auth_path: bool = False
    keep_supported: bool = True


def gather_modules(
    configured: Sequence[str],
    demo: DemoTokenConfig | None,
    discover: Callable[[], Sequence[Any]] = find_modules,
) -> list[ModuleChoice]:
    """The drivers to look at: the configured ones, the demo token's, then those found on disk."""
    found: list[ModuleChoice] = []
    if configured:
        found += choose_modules(configured=configured, demo=demo)
    if demo is not None:
        found += choose_modules(demo=demo)
    found += choose_modules(discover=discover)
    unique: dict[str, ModuleChoice] = {}
    for choice in found:
        key = (
            choice.path if choice.path == PKCS12_DEMO_MODULE else canonical_module_path(choice.path)
        )
        unique.setdefault(key, choice)
    return list(unique.values())


def _announce(prompter: PinPrompter, brief: TokenBrief) -> None:
    announce = getattr(prompter, "announce", None)  # the Qt prompter's extra; others lack it
    if announce is not None:
        announce(brief)


def _login_finished(prompter: PinPrompter) -> bool | None:
    finished = getattr(prompter, "login_finished", None)
    return finished() if finished is not None else None


class TokenSession:
    """Drivers, listings and kept logins of one window; ``close()`` logs out of everything."""

    def __init__(
        self,
        hub: TokenHub,
        *,
        configured: Sequence[str] = (),
        demo: DemoTokenConfig | None = None,
        modules: Sequence[ModuleChoice] | None = None,
        discover: Callable[[], Sequence[Any]] = find_modules,
    ) -> None:
        """``modules`` fixes the drivers (tests); otherwise they are gathered on every listing."""
        self.hub = hub
        self.configured = tuple(configured)
        self.demo = demo
        self._fixed = list(modules) if modules is not None else None
        self._discover = discover
        self._kept: dict[str, TokenLogin] = {}
        self._lock = threading.Lock()
        self.busy = False  # a signing job runs: the hot-plug poll stays away
        self.closed = False

    @classmethod
    def for_data_dir(cls, data_dir: Path, configured: Sequence[str]) -> TokenSession:
        hub = TokenHub(attempts_file=attempts_file_for(data_dir))
        return cls(hub, configured=configured, demo=load_demo_token_config(data_dir))

    # --- listing (token executor) -----------------------------------------------------------
    def modules(self) -> list[ModuleChoice]:
        mods = (
            self._fixed
            if self._fixed is not None
            else gather_modules(self.configured, self.demo, self._discover)
        )
        activate_demo_softhsm(self.demo, [m.path for m in mods])  # before the driver first loads
        return mods

    def listings(self) -> tuple[ModuleListing, ...]:
        """Every driver, token and certificate; reading only (no login, no PIN)."""
        return list_tokens(self.hub, self.modules(), demo=self.demo)

    def probe(self) -> frozenset[tuple[str, str, int]]:
        """A cheap fingerprint of what is plugged in (driver, serial, flags) for hot-plug."""
        seen: set[tuple[str, str, int]] = set()
        for module in self.modules():
            if module.path == PKCS12_DEMO_MODULE or module.problem is not None:
                continue
            try:
                for info in self.hub.manager(module.path).list_tokens():
                    seen.add((module.path, info.serial, info.flags))
            except Exception:  # noqa: BLE001 - a broken driver shows up in the full listing
                seen.add((module.path, "!", 0))
        return frozenset(seen)

    # --- signing (token executor) -----------------------------------------------------------
    def source(self, choice: TokenChoice) -> SignerSource:
        """Where signatures by ``choice`` come from, for ``sign_pdf`` / ``sign_folder``."""
        if choice.module == PKCS12_DEMO_MODULE:
            inner = signer_source(
                self.hub,
                [PKCS12_DEMO_MODULE],
                cert_id=choice.cka_id,
                serial=choice.serial,
                demo=self.demo,
            )
            return _AnnouncedSource(
                inner,
                TokenBrief(
                    choice.label, choice.serial, choice.subject_cn, True, keep_supported=False
                ),
            )
        return SessionSource(self, choice)

    def keeps(self, serial: str) -> bool:
        with self._lock:
            login = self._kept.get(serial)
            return login is not None and login.active

    def signed_in(self) -> list[str]:
        """Labels of the tokens with a kept login (for the "signed in" line)."""
        with self._lock:
            return [login.label for login in self._kept.values() if login.active]

    def _keep(self, serial: str, login: TokenLogin) -> None:
        with self._lock:
            self._kept[serial] = login

    def sign_out(self) -> None:
        """End every kept login (token executor)."""
        with self._lock:
            logins, self._kept = list(self._kept.values()), {}
        for login in logins:
            login.close()

    def close(self) -> None:
        """Log out and stop the hub's token thread; idempotent."""
        if self.closed:
            return
        self.closed = True
        try:
            self.sign_out()
        finally:
            self.hub.close()


@dataclass(frozen=True)
class _AnnouncedSource:
    """A source that tells the Qt prompter which token it is about to ask for."""

    inner: SignerSource
    brief: TokenBrief

    @contextmanager
    def open(self, prompter: PinPrompter) -> Iterator[OpenSigner]:
        _announce(prompter, self.brief)
        with self.inner.open(prompter) as opened:
            yield opened


@dataclass(frozen=True)
class SessionSource:
    """Like ``Pkcs11Source``, but a login the person asked to keep outlives the job."""

    session: TokenSession
    choice: TokenChoice

    @contextmanager
    def open(self, prompter: PinPrompter) -> Iterator[OpenSigner]:
        hub, choice = self.session.hub, self.choice
        module, info = find_token(hub, [choice.module], serial=choice.serial)
        manager = hub.manager(module)
        brief = TokenBrief(
            info.label, info.serial, choice.subject_cn, choice.demo, info.protected_auth_path
        )
        already = self.session.keeps(info.serial)
        _announce(prompter, brief)
        keep: bool | None = None
        try:
            # A kept login is returned as is (no PIN asked); otherwise PIN checks + one C_Login.
            login = manager.login(info.serial, prompter)
        finally:
            keep = _login_finished(prompter)
        if keep and not already:
            self.session._keep(info.serial, login)
        try:
            signer = manager.signer(login, choice.cka_id)
            cn = signer.certificate.subject.rfc4514_string()
            yield OpenSigner(signer, info.label, info.serial, choice.subject_cn or cn, True)
        finally:
            if not self.session.keeps(info.serial):
                login.close()
