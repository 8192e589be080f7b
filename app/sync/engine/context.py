"""What every part of the engine shares: the database, the file store, the transport, a clock.

Passed in, never looked up, so tests give a fake clock or transport without patching anything.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app.models.db import Database
from app.storage.filestore import FileStore
from app.sync.engine.backoff import Backoff
from app.sync.transport import PlatformTransport

Clock = Callable[[], datetime]
ACTOR = "sync"  # the audit log's actor for what the engine does on its own


def utc_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class EngineContext:
    db: Database
    files: FileStore
    transport: PlatformTransport
    data_dir: Path
    clock: Clock = utc_clock
    backoff: Backoff = field(default_factory=Backoff)
    rng: random.Random = field(default_factory=random.Random)

    @property
    def spool_dir(self) -> Path:
        """Downloads in progress (resumable across restarts); outside the file store."""
        return self.data_dir / "spool" / "inbox"
