"""The recent-traffic log shown on the admin page: the last few hundred requests, in memory.

Kept in memory on purpose: it is a trainer's view of "what just happened", and writing a row per
request would double the database work of every call. It never holds headers, bodies or secrets.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sandbox.wire import rfc3339


@dataclass(frozen=True)
class TrafficEntry:
    at: datetime
    system_id: str
    method: str
    path: str
    status: int | None  # None: the connection was dropped without an answer
    bytes_in: int
    bytes_out: int
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["at"] = rfc3339(self.at)
        return data


class TrafficLog:
    def __init__(self, keep: int = 300) -> None:
        self._entries: deque[TrafficEntry] = deque(maxlen=keep)
        self._lock = threading.Lock()

    def add(self, entry: TrafficEntry) -> None:
        with self._lock:
            self._entries.append(entry)

    def recent(self, limit: int = 100) -> list[TrafficEntry]:
        """Newest first."""
        with self._lock:
            entries = list(self._entries)
        return entries[::-1][:limit]
