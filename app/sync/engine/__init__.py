"""The offline-then-sync engine: transactional outbox, inbox, status feedback, catch-up jobs.

Every user action commits locally (and its outbox row with it); this engine carries the outbox to
the platform when it answers, takes received packages in before acknowledging them, and catches
up on work that needed the network. ``SyncEngine`` is the entry point (``run_once``,
``run_forever``, counts for the status bar); ``app.cli_sync.build_engine`` wires it to the
services and the signing layer through the protocols in ``ports``. See docs/sync.md. Must not:
import Qt, ``app.services`` or ``app.signing`` (the layers contract), or hold a transaction
open while talking to the platform.
"""

from __future__ import annotations

from app.sync.engine.backoff import Backoff, Reachability
from app.sync.engine.catchup import CatchUp, CatchUpReport
from app.sync.engine.config import (
    SECRET_ENV,
    SECRET_FILE,
    PlatformConnection,
    resolve_connection,
    write_secret_file,
)
from app.sync.engine.context import EngineContext
from app.sync.engine.counts import StuckItem, SyncCounts
from app.sync.engine.crashpoints import crashpoint
from app.sync.engine.engine import RunReport, SyncEngine, SyncRuntime
from app.sync.engine.ports import (
    Arrival,
    CatchUpImpossible,
    CatchUpLater,
    LtvCompleter,
    PackageReceiver,
    ReceiveOutcome,
    Recheck,
    Reverifier,
    TrustRefresher,
)
from app.sync.engine.workers import IsolatedPool, WorkerFailed

__all__ = [
    "SECRET_ENV",
    "SECRET_FILE",
    "Arrival",
    "Backoff",
    "CatchUp",
    "CatchUpImpossible",
    "CatchUpLater",
    "CatchUpReport",
    "EngineContext",
    "IsolatedPool",
    "LtvCompleter",
    "PackageReceiver",
    "PlatformConnection",
    "Reachability",
    "Recheck",
    "ReceiveOutcome",
    "Reverifier",
    "RunReport",
    "StuckItem",
    "SyncCounts",
    "SyncEngine",
    "SyncRuntime",
    "TrustRefresher",
    "WorkerFailed",
    "crashpoint",
    "resolve_connection",
    "write_secret_file",
]
