"""When to try again: exponential back-off with jitter, and the platform's reachability.

Retrying an unreachable platform every few seconds from hundreds of offices at once is how a
recovering platform gets knocked over again, so waits double per failure (with jitter, so the
offices spread out) up to a cap, and a server's ``Retry-After`` is honoured. Pure arithmetic and a
small state object; no I/O and no clock of its own (callers pass ``now``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Backoff:
    """``base`` × 2^(n-1), capped, with "equal jitter": half fixed, half random."""

    base: float = 5.0
    cap: float = 1800.0
    max_hint: float = 3600.0

    def delay(
        self, failures: int, retry_after: float | None = None, rng: random.Random | None = None
    ) -> float:
        """Seconds to wait after the ``failures``-th failure in a row (1 = the first)."""
        if retry_after is not None and retry_after > 0:
            return min(retry_after, self.max_hint)
        ceiling = min(self.cap, self.base * float(2 ** max(failures - 1, 0)))
        jitter: float = (rng or random.Random()).uniform(0, ceiling / 2)
        return ceiling / 2 + jitter


@dataclass
class Reachability:
    """Online or offline, from the last cheap check; when to check again while offline."""

    backoff: Backoff = field(default_factory=lambda: Backoff(base=2.0, cap=300.0))
    online: bool | None = None  # None: not checked yet in this process
    failures: int = 0
    next_check: datetime | None = None
    last_error: str = ""
    last_ok: datetime | None = None

    def due(self, now: datetime) -> bool:
        return self.next_check is None or now >= self.next_check

    def succeeded(self, now: datetime) -> bool:
        """Record a good answer; True when this is a transition to online (or the first check)."""
        came_back = self.online is not True
        self.online, self.failures, self.next_check = True, 0, None
        self.last_error, self.last_ok = "", now
        return came_back

    def failed(self, now: datetime, error: str, retry_after: float | None = None) -> None:
        self.online = False
        self.failures += 1
        self.last_error = error
        wait = self.backoff.delay(self.failures, retry_after)
        self.next_check = now + timedelta(seconds=wait)
