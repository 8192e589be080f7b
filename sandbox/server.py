"""One sandbox platform: opens its data folder and database, seeds, binds and serves until stopped.

``Sandbox(SandboxConfig(...))`` does the slow parts (database, schema, seed, bind) before it
returns, so ``base_url`` is known and reachable as soon as ``start()`` has been called. The
command line (``sandbox.cli``) and the test helper (``sandbox.testing``) both drive this class;
neither prints secrets from here, and this module prints nothing.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.models.db import Database, create_db_engine, sqlite_url
from app.storage.filestore import FileStore
from app.sync.edxml import Limits
from sandbox.accounts import Accounts
from sandbox.admin import AdminApi
from sandbox.api import PREFIX, PlatformApi
from sandbox.auth import Authenticator
from sandbox.faults import Fault, FaultBoard, parse_fault
from sandbox.handler import SandboxHTTPServer, ServerState
from sandbox.ledger import Ledger
from sandbox.schema import ensure_schema
from sandbox.seed import SeedAgency, resolve_seed, write_secrets_file
from sandbox.traffic import TrafficLog

log = logging.getLogger("sandbox")
DB_FILE = "sandbox.sqlite3"
DEFAULT_PORT = 8765
DEFAULT_MAX_BODY = 256 << 20
LOOPBACK = ("127.0.0.1", "::1", "localhost")


@dataclass(frozen=True)
class SandboxConfig:
    data_dir: Path
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    db_url: str | None = None
    seed: str | Sequence[SeedAgency] | None = None
    faults: Sequence[str | Fault] = ()
    max_body: int = DEFAULT_MAX_BODY


class Sandbox:
    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        data = config.data_dir
        (data / "tmp").mkdir(parents=True, exist_ok=True)
        if config.db_url is None:
            # The database holds every system's secret: readable by its owner only.
            os.close(os.open(data / DB_FILE, os.O_CREAT | os.O_WRONLY, 0o600))
        url = config.db_url or sqlite_url(data / DB_FILE)
        self.db = Database(create_db_engine(url))
        try:
            ensure_schema(self.db)
            self.accounts = Accounts(self.db)
            self.new_secrets = self.accounts.seed(resolve_seed(config.seed))
            self.ledger = Ledger(self.db)
            self.faults = FaultBoard(
                [f if isinstance(f, Fault) else parse_fault(f) for f in config.faults]
            )
            self.traffic = TrafficLog()
            files = FileStore(data / "files")
            files.cleanup_temp_files()
            limits = Limits(max_package_bytes=config.max_body)
            api = PlatformApi(
                self.accounts,
                self.ledger,
                files,
                Authenticator(self.accounts),
                limits=limits,
                scratch=data / "tmp",
            )
            admin = AdminApi(self.accounts, self.ledger, self.faults, self.traffic)
            self.state = ServerState(
                api, admin, self.faults, self.traffic, data / "tmp", config.max_body
            )
            self.httpd = SandboxHTTPServer((config.host, config.port), self.state)
        except BaseException:
            self.db.dispose()
            raise
        self._thread: threading.Thread | None = None
        self.secrets_file = write_secrets_file(data, self.base_url, self.accounts.secrets())

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def root_url(self) -> str:
        host = self.config.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        return self.root_url + PREFIX

    @property
    def loopback_only(self) -> bool:
        return self.config.host in LOOPBACK or self.config.host.startswith("127.")

    def secrets(self) -> dict[str, str]:
        return self.accounts.secrets()

    def start(self) -> None:
        """Serve on a background thread (the caller's thread stays free for signals)."""
        self._thread = threading.Thread(
            target=self.httpd.serve_forever,
            kwargs={"poll_interval": 0.5},
            name=f"sandbox-{self.port}",
            daemon=True,
        )
        self._thread.start()

    def _poke(self) -> None:
        host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "::": "::1"}.get(
            self.config.host, self.config.host
        )
        try:
            socket.create_connection((host, self.port), timeout=0.5).close()
        except OSError:
            pass  # the poll interval wakes the loop anyway

    def stop(self, grace: float = 3.0) -> None:
        """Stop accepting, let requests in flight finish (up to ``grace`` s), close everything."""
        self.state.stopping.set()
        if self._thread is not None:
            waiter = threading.Thread(target=self.httpd.shutdown, daemon=True)
            waiter.start()
            while waiter.is_alive():  # a connection wakes the accept loop at once
                self._poke()
                waiter.join(0.02)
            self._thread.join()
            self._thread = None
        if not self.state.wait_idle(grace):
            log.warning("stopping with requests still in flight after %.1f s", grace)
        self.httpd.close_idle_connections()
        self.httpd.server_close()
        self.db.dispose()
