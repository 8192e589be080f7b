"""Token use cases for every front end: which drivers to use, what tokens and certificates they
hold, and choosing exactly one token; plus the demo workspace's token description
(``demo-token.json``: SoftHSM2 tokens, or PKCS#12 stand-ins marked KHÔNG PHẢI TOKEN THẬT).
Opening a signer on a token is in ``app.services.signing``.

Plain functions and frozen results; every PKCS#11 call goes through one ``TokenHub`` (one token
thread, one manager per driver). Must not: print, import Qt, log in, or see a PIN.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

from app.errors import AppError, TokenError, TokenNotFound
from app.messages import describe
from app.signing.tokens import (
    CertificateInfo,
    PinState,
    TokenInfo,
    TokenManager,
    TokenThread,
    find_modules,
)
from app.signing.tokens.driver import Loader, canonical_module_path
from app.signing.tokens.info import describe_certificate
from app.signing.tokens.manager import ATTEMPTS_FILE_NAME
from app.storage.atomic import atomic_write_bytes

# The pseudo driver path of the PKCS#12 demo stand-in (used only where SoftHSM2 is missing).
PKCS12_DEMO_MODULE = "demo-p12"
DEMO_TOKEN_FILE = "demo-token.json"
NOT_A_REAL_TOKEN = "KHÔNG PHẢI TOKEN THẬT / not a real token"


class TokenAmbiguous(TokenError):
    """Several tokens carry the requested label: the person must choose by serial."""

    code = "token_ambiguous"


class NoTokenModules(TokenError):
    """No driver was given, configured or found on this computer."""

    code = "token_no_modules"


class DemoTokenUnavailable(TokenError):
    code = "token_demo_unavailable"


def attempts_file_for(data_dir: Path) -> Path:
    """Where the app counts wrong PINs for the workspace in ``data_dir``."""
    return data_dir / ATTEMPTS_FILE_NAME


def same_label(a: str, b: str) -> bool:
    # PKCS#11 pads labels with spaces, and Vietnamese may arrive in either normal form.
    return unicodedata.normalize("NFC", a.strip()) == unicodedata.normalize("NFC", b.strip())


# --- the demo token ------------------------------------------------------------------------------
@dataclass(frozen=True)
class DemoToken:
    role: str  # "leader" or "agency"
    label: str
    serial: str
    cka_id: bytes
    p12: str | None = None  # the PKCS#12 stand-in, relative to the demo folder


@dataclass(frozen=True)
class DemoTokenConfig:
    """``demo-token.json``: where the demo tokens are and how to open them (published demo PIN)."""

    directory: Path
    kind: str  # "softhsm" or "pkcs12"
    module: str | None  # canonical path of libsofthsm2.so
    softhsm_conf: Path | None
    pin: str
    p12_password: str
    tokens: tuple[DemoToken, ...]

    @property
    def module_path(self) -> str:
        return self.module if self.kind == "softhsm" and self.module else PKCS12_DEMO_MODULE

    def is_demo_module(self, path: str) -> bool:
        if path == PKCS12_DEMO_MODULE:
            return self.kind == "pkcs12"
        return bool(self.module) and canonical_module_path(path) == self.module

    def to_json(self) -> dict[str, Any]:
        tokens = [{**t.__dict__, "cka_id": t.cka_id.hex()} for t in self.tokens]
        return {
            "demo": True,
            "warning": f"DEMO - {NOT_A_REAL_TOKEN}. The PIN is published: never use it for real.",
            "kind": self.kind,
            "module": self.module,
            "softhsm2_conf": str(self.softhsm_conf) if self.softhsm_conf else None,
            "pin": self.pin,
            "p12_password": self.p12_password,
            "tokens": tokens,
        }


def save_demo_token_config(config: DemoTokenConfig) -> Path:
    path = config.directory / DEMO_TOKEN_FILE
    text = json.dumps(config.to_json(), ensure_ascii=False, indent=2) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
    return path


def load_demo_token_config(data_dir: Path) -> DemoTokenConfig | None:
    """The demo token description of ``data_dir``, or None when it has none (or a broken one)."""
    try:
        raw = json.loads((data_dir / DEMO_TOKEN_FILE).read_text(encoding="utf-8"))
        conf = raw.get("softhsm2_conf")
        tokens = tuple(
            DemoToken(**{**t, "cka_id": bytes.fromhex(t["cka_id"])}) for t in raw["tokens"]
        )
        return DemoTokenConfig(
            data_dir, str(raw["kind"]), raw.get("module"), Path(conf) if conf else None,
            str(raw["pin"]), str(raw.get("p12_password", "")), tokens,
        )  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def activate_demo_softhsm(config: DemoTokenConfig | None, module_paths: Sequence[str]) -> bool:
    """Point SoftHSM at the demo token store when one of ``module_paths`` is the demo's SoftHSM.

    SoftHSM reads ``SOFTHSM2_CONF`` at C_Initialize, so this must run before the driver is first
    loaded. A ``SOFTHSM2_CONF`` already in the environment is respected.
    """
    if config is None or config.kind != "softhsm" or config.softhsm_conf is None:
        return False
    if not any(config.is_demo_module(p) for p in module_paths) or os.environ.get("SOFTHSM2_CONF"):
        return False
    os.environ["SOFTHSM2_CONF"] = str(config.softhsm_conf)
    return True


def load_demo_p12(demo: DemoTokenConfig, token: DemoToken) -> tuple[bytes, x509.Certificate]:
    """The PKCS#12 bytes of a demo stand-in and its certificate."""
    path = demo.directory / (token.p12 or "")
    try:
        data = path.read_bytes()
        key, cert, _ = pkcs12.load_key_and_certificates(data, demo.p12_password.encode())
    except (OSError, ValueError) as exc:
        raise DemoTokenUnavailable(f"cannot open the demo PKCS#12 file {path}: {exc}") from exc
    if cert is None or key is None:
        raise DemoTokenUnavailable(f"the demo PKCS#12 file {path} holds no key")
    return data, cert


# --- drivers -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ModuleChoice:
    """A driver to use, where the choice came from, and what is wrong with it (seen unloaded)."""

    path: str
    source: str  # "option", "setting", "demo" or "found"
    vendor: str | None = None
    problem: str | None = None  # a plain Vietnamese sentence
    problem_code: str | None = None
    demo: bool = False


def choose_modules(
    explicit: Sequence[str] = (),
    *,
    configured: Sequence[str] = (),
    demo: DemoTokenConfig | None = None,
    discover: Callable[[], Sequence[Any]] = find_modules,
) -> list[ModuleChoice]:
    """``explicit`` paths, else the configured ones (TOKEN_MODULES), else the demo workspace's
    token, else the known drivers found on this computer."""
    if explicit:
        paths, source = list(explicit), "option"
    elif configured:
        paths, source = list(configured), "setting"
    elif demo is not None:
        paths, source = [demo.module_path], "demo"
    else:
        found = [c for c in discover() if c.exists]
        return [ModuleChoice(c.path, "found", c.vendor, c.problem, c.problem_code) for c in found]
    choices = []
    for path in paths:
        is_demo = demo is not None and demo.is_demo_module(path)
        if path == PKCS12_DEMO_MODULE:
            choices.append(ModuleChoice(path, source, "PKCS#12 demo", demo=is_demo))
            continue
        # Judged from the file header only: a wrong-architecture driver is never loaded.
        seen = find_modules([path], search_dirs=[], vendor_roots=[])[0]
        vendor = "SoftHSM2" if "softhsm" in Path(path).name.lower() else seen.vendor
        choices.append(ModuleChoice(path, source, vendor, seen.problem, seen.problem_code, is_demo))
    return choices


class TokenHub:
    """One token thread and one TokenManager per driver for a front end; close it when done."""

    def __init__(
        self,
        *,
        attempts_file: Path | None = None,
        loader: Loader | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """``loader`` replaces ``pkcs11.lib`` (tests pass a recording or fake library)."""
        self.thread = TokenThread()
        self._attempts_file = attempts_file
        self._loader = loader
        self._now = now
        self._managers: dict[str, TokenManager] = {}
        self._closed = False

    def manager(self, module_path: str) -> TokenManager:
        if self._closed:
            # A job queued before close() (a hot-plug poll) and run while the thread drains:
            # opening a manager now would leave the driver held for the rest of the process.
            raise TokenError("the token session is closed")
        key = canonical_module_path(module_path)
        if key not in self._managers:
            self._managers[key] = TokenManager(
                module_path,
                thread=self.thread,
                attempts_file=self._attempts_file,
                loader=self._loader,
                now=self._now,
            )
        return self._managers[key]

    def close(self) -> None:
        """Log out of every token and stop the token thread."""
        self._closed = True
        try:
            for manager in self._managers.values():
                manager.close()
        finally:
            self._managers.clear()
            self.thread.shutdown()

    def __enter__(self) -> TokenHub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- listing -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TokenEntry:
    label: str
    serial: str
    manufacturer: str = ""
    model: str = ""
    slot_id: int | None = None
    flags: tuple[str, ...] = ()
    pin_state: str = PinState.OK.value
    protected_auth_path: bool = False
    certificates: tuple[CertificateInfo, ...] = ()
    error: str | None = None
    error_code: str | None = None
    demo: bool = False  # a demo token: KHÔNG PHẢI TOKEN THẬT


@dataclass(frozen=True)
class ModuleListing:
    module: ModuleChoice
    tokens: tuple[TokenEntry, ...] = ()
    error: str | None = None  # a plain Vietnamese sentence
    error_code: str | None = None


def _entry(info: TokenInfo, demo: bool, **more: Any) -> TokenEntry:
    return TokenEntry(
        info.label, info.serial, info.manufacturer, info.model, info.slot_id, info.flag_names,
        info.pin_state.value, info.protected_auth_path, demo=demo, **more,
    )  # fmt: skip


def _p12_entries(demo: DemoTokenConfig, now: datetime | None) -> tuple[TokenEntry, ...]:
    entries = []
    for token in (t for t in demo.tokens if t.p12):
        stand_in = partial(TokenEntry, token.label, token.serial, "VBĐT demo", "PKCS#12 (.p12)")
        try:
            _, cert = load_demo_p12(demo, token)
        except AppError as exc:
            entries.append(stand_in(error=describe(exc), error_code=exc.code, demo=True))
            continue
        info = describe_certificate(
            cert.public_bytes(Encoding.DER), token_serial=token.serial, token_label=token.label,
            cka_id=token.cka_id, label=token.role, has_key=True, now=now,
        )  # fmt: skip
        entries.append(stand_in(certificates=(info,), demo=True))
    return tuple(entries)


def list_tokens(
    hub: TokenHub,
    modules: Sequence[ModuleChoice],
    *,
    demo: DemoTokenConfig | None = None,
    now: datetime | None = None,
) -> tuple[ModuleListing, ...]:
    """Every token behind ``modules`` with its certificates. Reading only: no login, no PIN.

    A driver that cannot be used (missing, wrong architecture, fails to load) is reported in its
    listing's ``error``, never raised, so one broken driver does not hide the others.
    """
    result = []
    for module in modules:
        if module.path == PKCS12_DEMO_MODULE:
            found = _p12_entries(demo, now) if demo is not None and module.demo else ()
            missing = None if found else "Không gian này không có token trình diễn PKCS#12."
            result.append(ModuleListing(module, found, missing, None if found else "demo"))
        elif module.problem is not None:
            result.append(ModuleListing(module, (), module.problem, module.problem_code))
        else:
            result.append(_list_module(hub, module))
    return tuple(result)


def _list_module(hub: TokenHub, module: ModuleChoice) -> ModuleListing:
    try:
        manager = hub.manager(module.path)
        tokens = []
        for info in manager.list_tokens():
            try:
                certs = tuple(manager.list_certificates(info.serial))
                tokens.append(_entry(info, module.demo, certificates=certs))
            except AppError as exc:
                tokens.append(_entry(info, module.demo, error=describe(exc), error_code=exc.code))
        return ModuleListing(module, tuple(tokens))
    except AppError as exc:
        return ModuleListing(module, (), describe(exc), exc.code)


# --- choosing a token ---------------------------------------------------------------------------
def find_token(
    hub: TokenHub, modules: Sequence[str], *, label: str | None = None, serial: str | None = None
) -> tuple[str, TokenInfo]:
    """The one token with ``serial`` (and/or ``label``) behind ``modules``, and its driver.

    Labels repeat between tokens: several matches are refused with their serials listed.
    """
    if not label and not serial:
        raise TokenNotFound("choose the token by its label or its serial")
    matches: list[tuple[str, TokenInfo]] = []
    failures: list[AppError] = []
    for module in modules:
        try:
            tokens = hub.manager(module).list_tokens()
        except AppError as exc:
            failures.append(exc)
            continue
        matches += [
            (module, info)
            for info in tokens
            if (not serial or info.serial == serial)
            and (not label or same_label(info.label, label))
        ]
    if len(matches) == 1:
        return matches[0]
    wanted = f"serial {serial}" if serial else f"label {label!r}"
    if len(matches) > 1:
        serials = ", ".join(info.serial for _, info in matches)
        raise TokenAmbiguous(
            f"{len(matches)} tokens match {wanted}: {serials}",
            label=label, serials=serials, count=len(matches),
        )  # fmt: skip
    if failures and len(failures) == len(modules):
        raise failures[0]
    raise TokenNotFound(f"no token with {wanted} is plugged in", label=label, serial=serial)
