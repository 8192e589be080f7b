"""What the signing screens remember between sessions, in one small JSON file in the data folder:
the signature box per (document kind, role), and the last options (level, timestamp server,
signature image, output folder, certificate). Never a PIN, never a secret.

Written atomically (``app.storage.atomic``); an unreadable file is ignored rather than blocking a
signature. The TSA offered first is the workspace's ``tsa_url`` setting (the one the sync
engine's catch-up job uses), else the Government CA's; the clerk's last choice wins over both.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.signing.pades import Box
from app.storage.atomic import atomic_write_bytes

log = logging.getLogger(__name__)

PREFS_FILE = "ui/signing.json"
_VERSION = 1
# The Government CA's public timestamp server (Ban Cơ yếu Chính phủ).
DEFAULT_TSA_URL = "http://tsa.ca.gov.vn"


@dataclass(frozen=True)
class RememberedBox:
    """A box on the page ``page_from_end`` pages before the last (signatures close documents)."""

    page_from_end: int
    box: Box


class SigningPrefs:
    """Read on creation, written on every change."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / PREFS_FILE
        self._data: dict[str, Any] = {"version": _VERSION, "boxes": {}, "options": {}}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(raw, dict):
                for section in ("boxes", "options"):
                    if isinstance(raw.get(section), dict):
                        self._data[section] = raw[section]
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable signing preferences %s: %s", self.path, exc)

    def default_tsa_url(self) -> str:
        """The workspace's ``tsa_url`` setting, else the Government CA's timestamp server."""
        from app import settings as S
        from app.settings import Settings

        return Settings(self.data_dir).get(S.TSA_URL).strip() or DEFAULT_TSA_URL

    @staticmethod
    def _key(kind: str, role: str) -> str:
        return f"{kind or '*'}|{role}"

    def box(self, kind: str, role: str) -> RememberedBox | None:
        entry = self._data["boxes"].get(self._key(kind, role))
        try:
            x1, y1, x2, y2 = (float(v) for v in entry["box"])
            return RememberedBox(max(0, int(entry["page_from_end"])), (x1, y1, x2, y2))
        except (TypeError, KeyError, ValueError):
            return None

    def remember_box(self, kind: str, role: str, page_from_end: int, box: Box) -> None:
        entry = {"page_from_end": page_from_end, "box": [round(v, 2) for v in box]}
        self._data["boxes"][self._key(kind, role)] = entry
        self._save()

    def forget_box(self, kind: str, role: str) -> None:
        if self._data["boxes"].pop(self._key(kind, role), None) is not None:
            self._save()

    def option(self, name: str, default: Any = None) -> Any:
        return self._data["options"].get(name, default)

    def set_options(self, **values: Any) -> None:
        self._data["options"].update(values)
        self._save()

    def _save(self) -> None:
        text = json.dumps(self._data, ensure_ascii=False, indent=1, sort_keys=True)
        try:
            atomic_write_bytes(self.path, text.encode("utf-8"))
        except Exception as exc:  # noqa: BLE001 - a preference must never stop a signature
            log.warning("cannot save signing preferences %s: %s", self.path, exc)
