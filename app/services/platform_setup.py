"""The platform credentials an administrator sets in the settings dialog: where the shared secret
is kept (never its value), saving a new one, and a cheap check that URL, system id and secret work.

The secret is never a setting (``app.settings`` refuses such names): it goes to the 0600 file the
sync engine reads (``app.sync.engine.config``), and no function here returns, logs or puts it in
a message. ``app.sync`` is imported inside the functions: the settings dialog opens without
loading httpx.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from app import settings as S
from app.errors import ConfigError, InvalidInput
from app.services.workspace import Workspace
from app.settings import Settings

log = logging.getLogger(__name__)

SecretSource = Literal["env", "file", "sandbox", ""]
CheckOutcome = Literal["ok", "auth", "unreachable", "refused", "config"]


@dataclass(frozen=True)
class SecretState:
    """Which secret the sync engine would use: ``source`` ("" = none) and where it lives."""

    source: SecretSource
    where: str  # the environment variable's name or the file's path; never the value

    @property
    def present(self) -> bool:
        return bool(self.source)


@dataclass(frozen=True)
class ConnectionCheck:
    """What one authenticated round trip to the platform said."""

    outcome: CheckOutcome
    seconds: float | None = None  # round trip, when it answered
    code: str = ""  # the platform's error code (AUTH_FAILED, CLOCK_SKEW, TIMEOUT, NETWORK, …)
    detail: str = ""  # a technical line for support staff (never the secret)

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


def system_id_of(settings: Settings) -> str:
    """The id the engine signs requests with (the agency code when none is set)."""
    return settings.get(S.PLATFORM_SYSTEM_ID) or settings.get(S.AGENCY_CODE)


def secret_state(ws: Workspace, *, environ: Mapping[str, str] | None = None) -> SecretState:
    """Where the engine would find the secret, in its order: environment, file, demo sandbox."""
    from app.sync.engine.config import (
        DEMO_SANDBOX_DIR,
        SANDBOX_SECRETS,
        SECRET_ENV,
        SECRET_FILE,
        sandbox_secret,
    )

    env = os.environ if environ is None else environ
    if env.get(SECRET_ENV, "").strip():
        return SecretState("env", SECRET_ENV)
    path = ws.data_dir / SECRET_FILE
    if path.is_file() and path.stat().st_size > 0:
        return SecretState("file", str(path))
    system_id = system_id_of(ws.settings)
    sandbox = ws.data_dir / DEMO_SANDBOX_DIR
    if ws.settings.get(S.DEMO) and system_id and sandbox_secret(sandbox, system_id):
        return SecretState("sandbox", str(sandbox / SANDBOX_SECRETS))
    return SecretState("", str(path))


def save_secret(ws: Workspace, secret: str) -> Path:
    """Keep ``secret`` in the workspace's secret file (0600, atomic); returns the file's path."""
    from app.sync.engine.config import write_secret_file

    if not secret.strip():
        raise InvalidInput("Khóa bí mật trống (the platform secret is empty)")
    path = write_secret_file(ws.data_dir, secret)
    log.info("platform secret replaced in %s", path)  # where, never what
    return path


def check_connection(
    ws: Workspace,
    *,
    url: str | None = None,
    system_id: str | None = None,
    secret: str | None = None,
    timeout: float = 10.0,
    environ: Mapping[str, str] | None = None,
) -> ConnectionCheck:
    """One signed ``ping`` (the engine's own reachability check) with these values; the ones not
    given come from the workspace (the secret as the engine finds it). Never raises for what the
    platform or the network answered: the outcome says it."""
    from app.sync.engine.config import resolve_connection
    from app.sync.transport import HttpTransport
    from app.sync.transport.errors import (
        PlatformRejected,
        TransportAuthError,
        TransportUnavailable,
    )

    # The dialog's values, not yet saved, over the saved ones: a copy of the settings that reads
    # the same files, so the secret is looked up exactly as the engine will.
    changes: dict[str, Any] = {S.DEMO.key: ws.settings.get(S.DEMO)}
    if url is not None:
        changes[S.PLATFORM_URL.key] = url.strip()
    if system_id is not None:
        changes[S.PLATFORM_SYSTEM_ID.key] = system_id.strip()
    view = Settings(ws.data_dir, changes)
    try:
        if secret is not None and secret.strip():
            sid = system_id_of(view)
            if not sid:
                raise ConfigError("Chưa khai báo mã định danh hệ thống (no platform system id)")
            base, key = url.strip() if url else view.get(S.PLATFORM_URL), secret.strip()
        else:
            conn = resolve_connection(ws.data_dir, view, url=url or None, environ=environ)
            base, sid, key = conn.base_url, conn.system_id, conn.secret
        transport = HttpTransport(base, sid, key, timeout=timeout)
    except ConfigError as exc:
        return ConnectionCheck("config", detail=str(exc))
    with transport:
        try:
            seconds = transport.ping()
        except TransportAuthError as exc:
            return ConnectionCheck("auth", code=exc.error_code, detail=str(exc))
        except TransportUnavailable as exc:
            return ConnectionCheck("unreachable", code=exc.error_code, detail=str(exc))
        except PlatformRejected as exc:  # e.g. 404: a server answered, but not this API
            return ConnectionCheck("refused", code=exc.error_code, detail=str(exc))
    return ConnectionCheck("ok", seconds=seconds)
