"""Where the engine finds the platform: URL and system id from settings, the secret elsewhere.

The secret is never a setting (``app.settings`` refuses such names). In order:
1. the environment variable ``VBDT_PLATFORM_SECRET``;
2. the file ``platform-secret`` in the data folder, readable by its owner only (0600; a file
   others may read is refused, as ssh refuses a private key others may read);
3. in a demo workspace, the demo sandbox's ``secrets.json`` (``<data>/sandbox/secrets.json``,
   written by ``python -m sandbox --seed demo --data <data>/sandbox``).
Nothing here prints or logs the secret.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app import settings as S
from app.errors import ConfigError
from app.settings import Settings
from app.storage.atomic import atomic_write_bytes
from app.sync.transport import HttpTransport

SECRET_ENV = "VBDT_PLATFORM_SECRET"
SECRET_FILE = "platform-secret"
DEMO_SANDBOX_DIR = "sandbox"
SANDBOX_SECRETS = "secrets.json"


@dataclass(frozen=True)
class PlatformConnection:
    base_url: str
    system_id: str
    secret: str = field(repr=False)
    secret_source: str = ""  # env | file | sandbox: said in messages, never the value


def write_secret_file(data_dir: Path, secret: str) -> Path:
    """Keep the secret in ``<data>/platform-secret`` (mode 0600, written atomically)."""
    path = data_dir / SECRET_FILE
    atomic_write_bytes(path, secret.strip().encode("utf-8") + b"\n", mode=0o600)
    return path


def _from_file(path: Path) -> str | None:
    if not path.is_file():
        return None
    if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(
            f"Tệp khóa bí mật {path} đang cho người khác đọc: hãy chạy chmod 600 "
            f"(the secret file {path} is readable by others: chmod 600 it)",
            path=str(path),
        )
    return path.read_text(encoding="utf-8").strip() or None


def sandbox_secret(sandbox_dir: Path, system_id: str) -> tuple[str, str] | None:
    """(base URL, secret) for ``system_id`` from a sandbox's ``secrets.json``, if present."""
    path = sandbox_dir / SANDBOX_SECRETS
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    secret = data.get("systems", {}).get(system_id)
    return (str(data.get("baseUrl") or ""), str(secret)) if secret else None


def resolve_connection(
    data_dir: Path,
    settings: Settings,
    *,
    url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> PlatformConnection:
    """The URL, system id and secret to use; ConfigError names what is missing and where."""
    env = os.environ if environ is None else environ
    system_id = settings.get(S.PLATFORM_SYSTEM_ID) or settings.get(S.AGENCY_CODE)
    if not system_id:
        raise ConfigError(
            "Chưa khai báo mã định danh hệ thống (platform_system_id) "
            "(no platform system id in the settings)"
        )
    base_url = url or settings.get(S.PLATFORM_URL)
    if env.get(SECRET_ENV, "").strip():
        return PlatformConnection(base_url, system_id, env[SECRET_ENV].strip(), "env")
    secret = _from_file(data_dir / SECRET_FILE)
    if secret:
        return PlatformConnection(base_url, system_id, secret, "file")
    if settings.get(S.DEMO):
        found = sandbox_secret(data_dir / DEMO_SANDBOX_DIR, system_id)
        if found:
            return PlatformConnection(url or found[0] or base_url, system_id, found[1], "sandbox")
    raise ConfigError(
        f"Chưa có khóa bí mật kết nối trục liên thông: đặt biến môi trường {SECRET_ENV} hoặc "
        f"tệp {data_dir / SECRET_FILE} (chmod 600) "
        f"(no platform secret: set {SECRET_ENV} or write {SECRET_FILE} in the data folder)"
    )


def connect(
    data_dir: Path, settings: Settings, *, url: str | None = None, timeout: float = 30.0
) -> HttpTransport:
    """The HTTP transport to the configured platform (``resolve_connection`` for the parts)."""
    conn = resolve_connection(data_dir, settings, url=url)
    return HttpTransport(conn.base_url, conn.system_id, conn.secret, timeout=timeout)
