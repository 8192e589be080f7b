"""The app's own count of consecutive wrong PINs per token serial, kept in a small JSON file.

Some drivers never set COUNT_LOW / FINAL_TRY, so the token's flags alone cannot protect a token
from being locked by a person (or a script) trying PINs. We count failures ourselves, across
restarts, and the login code asks for an explicit "yes" after two of them. The file holds serials,
counts and times only: it must never hold a PIN, and a damaged file must never block a login.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_VERSION = 1


class AttemptCounter:
    """Consecutive failed logins per token serial; in memory only when ``path`` is None."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._memory: dict[str, dict[str, Any]] = {}

    def failures(self, serial: str) -> int:
        with self._lock:
            entry = self._load().get(serial, {})
        count = entry.get("failures", 0)
        return count if isinstance(count, int) and count >= 0 else 0

    def record_failure(self, serial: str) -> int:
        """Count one more wrong PIN for ``serial``; returns the new consecutive count."""
        with self._lock:
            data = self._load()
            entry = data.get(serial, {})
            count = entry.get("failures", 0)
            count = (count if isinstance(count, int) and count >= 0 else 0) + 1
            data[serial] = {"failures": count, "last_failure": datetime.now(UTC).isoformat()}
            self._save(data)
        return count

    def reset(self, serial: str) -> None:
        """A good PIN: forget the failures of ``serial``."""
        with self._lock:
            data = self._load()
            if serial in data:
                del data[serial]
                self._save(data)

    def _load(self) -> dict[str, dict[str, Any]]:
        if self.path is None:
            return self._memory
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            # A broken counter must not lock anybody out; the token's own flags still apply.
            log.warning("ignoring unreadable PIN attempt file %s: %s", self.path, exc)
            return {}
        tokens = raw.get("tokens") if isinstance(raw, dict) else None
        if not isinstance(tokens, dict):
            return {}
        return {str(k): v for k, v in tokens.items() if isinstance(v, dict)}

    def _save(self, data: dict[str, dict[str, Any]]) -> None:
        if self.path is None:
            self._memory = data
            return
        payload = json.dumps({"version": _VERSION, "tokens": data}, indent=1, sort_keys=True)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".attempts.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(payload)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            # Keep counting in memory so this session still asks before more tries.
            log.warning("cannot write PIN attempt file %s: %s", self.path, exc)
            self._memory = data
            self.path = None
