"""The typed settings registry: every setting is declared once here with its type and default.

Values live in ``settings.json`` in the data directory (never pickled). A machine-wide defaults file
named by ``VBDT_DEFAULTS_FILE`` (deployed by an IT officer) is read first and the user's file wins.
Secrets and PINs are never settings: a setting whose name looks like one is refused.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from app.errors import ConfigError
from app.storage.atomic import atomic_write_bytes

T = TypeVar("T")

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1
_FORBIDDEN_WORDS = ("pin", "password", "secret", "passphrase")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One declared setting: key, Python type, default and a Vietnamese label for the UI.

    ``check``, when given, replaces the type test: it returns the value normalised or raises
    ``ConfigError`` (a list of records, say, that a plain type cannot describe).
    """

    key: str
    type: type[T]
    default: T
    label: str
    check: Callable[[Any], T] | None = None

    def coerce(self, raw: Any) -> T:
        if self.check is not None:
            return self.check(raw)
        if self.type is bool and isinstance(raw, bool):
            return raw  # type: ignore[return-value]
        if self.type is int and isinstance(raw, int) and not isinstance(raw, bool):
            return raw  # type: ignore[return-value]
        if self.type is str and isinstance(raw, str):
            return raw  # type: ignore[return-value]
        if self.type is list and isinstance(raw, list) and all(isinstance(x, str) for x in raw):
            return list(raw)  # type: ignore[return-value]
        raise ConfigError(
            f"setting {self.key!r} must be {self.type.__name__}, got {type(raw).__name__}",
            key=self.key,
        )


REGISTRY: dict[str, Setting[Any]] = {}


def _declare(
    key: str, type_: type[T], default: T, label: str, check: Callable[[Any], T] | None = None
) -> Setting[T]:
    if any(word in key.lower() for word in _FORBIDDEN_WORDS):
        raise AssertionError(f"secrets are never settings: {key}")
    setting = Setting(key, type_, default, label, check)
    REGISTRY[key] = setting
    return setting


DB_URL = _declare("db_url", str, "", "Cơ sở dữ liệu (trống: SQLite cục bộ)")
PLATFORM_URL = _declare(
    "platform_url", str, "http://127.0.0.1:8765/api/v1", "Địa chỉ trục liên thông"
)
PLATFORM_SYSTEM_ID = _declare("platform_system_id", str, "", "Mã định danh hệ thống")
# The time-stamping service that completes offline signatures to B-LT/B-LTA once the office is
# back online (the sync engine's catch-up job); empty: none configured, they stay B-B/B-T.
TSA_URL = _declare("tsa_url", str, "", "Địa chỉ dịch vụ cấp dấu thời gian (TSA)")
AGENCY_CODE = _declare("agency_code", str, "", "Mã định danh cơ quan")
TOKEN_MODULES = _declare("token_modules", list, [], "Đường dẫn trình điều khiển token (PKCS#11)")
LANGUAGE = _declare("language", str, "vi", "Ngôn ngữ giao diện")
LOG_LEVEL = _declare("log_level", str, "INFO", "Mức ghi nhật ký")
PAPER_COPY_KINDS = _declare("paper_copy_kinds", list, [], "Loại văn bản phải gửi kèm bản giấy")
DEMO = _declare("demo", bool, False, "Không gian làm việc trình diễn")


def _day_overrides(raw: Any) -> list[dict[str, Any]]:
    """``[{"day": "YYYY-MM-DD", "working": bool, "reason": str}, ...]``, one row per day, sorted."""
    key = "calendar_overrides"
    if not isinstance(raw, list):
        raise ConfigError(f"setting {key!r} must be a list, got {type(raw).__name__}", key=key)
    rows: dict[str, dict[str, Any]] = {}
    for item in raw:
        if not isinstance(item, dict):
            raise ConfigError(f"setting {key!r}: each day is an object, got {item!r}", key=key)
        day, working, reason = item.get("day"), item.get("working"), item.get("reason", "")
        try:
            parsed = date.fromisoformat(day) if isinstance(day, str) else None
        except ValueError:
            parsed = None
        if parsed is None or not isinstance(working, bool) or not isinstance(reason, str):
            raise ConfigError(
                f"Ngày điều chỉnh lịch làm việc không hợp lệ: {item!r} (setting {key!r} wants "
                '{"day": "YYYY-MM-DD", "working": true/false, "reason": "..."})',
                key=key,
            )
        if parsed.isoformat() in rows:
            raise ConfigError(
                f"Ngày {parsed.isoformat()} được khai báo hai lần (duplicate day in {key!r})",
                key=key,
                day=parsed.isoformat(),
            )
        rows[parsed.isoformat()] = {
            "day": parsed.isoformat(),
            "working": working,
            "reason": reason.strip(),
        }
    return [rows[day] for day in sorted(rows)]


# Day swaps and extra days off the administrator declares (the government announces them each
# year, often after the ``holidays`` package was released); a day here wins over the built-in
# corrections in ``app.domain.calendar.DEFAULT_OVERRIDES`` and over the package.
CALENDAR_OVERRIDES = _declare(
    "calendar_overrides",
    list,
    [],
    "Ngày nghỉ, ngày làm bù (điều chỉnh lịch làm việc)",
    _day_overrides,
)


class Settings:
    """Settings of one data directory: machine defaults, then the user's file, then overrides."""

    def __init__(self, data_dir: Path, overrides: dict[str, Any] | None = None) -> None:
        self.data_dir = data_dir
        self._overrides = dict(overrides or {})
        # Two layers kept apart: save() writes only the user's own values, so a later change to
        # the machine-wide defaults file still reaches every user who did not set that key.
        self._defaults: dict[str, Any] = {}
        defaults_file = os.environ.get("VBDT_DEFAULTS_FILE")
        if defaults_file:
            self._defaults = self._coerced(self._read(Path(defaults_file)))
        self._values: dict[str, Any] = self._coerced(self._read(self.path))

    @property
    def path(self) -> Path:
        return self.data_dir / SETTINGS_FILE

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        if not path.exists():
            return {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(f"cannot read settings file {path}: {exc}", path=str(path)) from exc
        if not isinstance(data, dict):
            raise ConfigError(f"settings file {path} is not a JSON object", path=str(path))
        values = data.get("values", {})
        if not isinstance(values, dict):
            raise ConfigError(f"settings file {path} has no 'values' object", path=str(path))
        return values

    @staticmethod
    def _coerced(values: dict[str, Any]) -> dict[str, Any]:
        # A newer version's setting is skipped: keep going, do not crash an older app.
        return {key: REGISTRY[key].coerce(raw) for key, raw in values.items() if key in REGISTRY}

    def get(self, setting: Setting[T]) -> T:
        if setting.key in self._overrides:
            return setting.coerce(self._overrides[setting.key])
        for layer in (self._values, self._defaults):
            if setting.key in layer:
                return setting.coerce(layer[setting.key])
        default = setting.default
        return list(default) if isinstance(default, list) else default  # type: ignore[return-value]

    def set(self, setting: Setting[T], value: T) -> None:
        self._values[setting.key] = setting.coerce(value)

    def items(self) -> Iterator[tuple[Setting[Any], Any]]:
        for setting in REGISTRY.values():
            yield setting, self.get(setting)

    def save(self) -> None:
        payload = {"version": SETTINGS_VERSION, "values": self._values}
        text = json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        atomic_write_bytes(self.path, text.encode("utf-8"))
