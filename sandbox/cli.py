"""``python -m sandbox``: run the reference platform from the command line until Ctrl+C/SIGTERM.

Prints where it listens (and whether that is loopback only), the admin page, and the secrets it
has just made, once; later starts only point to ``DIR/secrets.json``. The serving itself is
``sandbox.server``; this module only parses flags, prints and waits for a signal.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from app.errors import AppError
from app.models.db import redact_url
from sandbox.faults import parse_fault
from sandbox.seed import SEEDS
from sandbox.server import DEFAULT_MAX_BODY, DEFAULT_PORT, Sandbox, SandboxConfig


def _fault(text: str) -> str:
    try:
        parse_fault(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m sandbox",
        description="Reference provincial document platform (HTTP API v1) for demo and tests.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help="0 picks a free port")
    p.add_argument("--data", type=Path, required=True, help="folder for database and packages")
    p.add_argument("--seed", choices=sorted(SEEDS), help="create these agencies (keeps secrets)")
    p.add_argument("--db-url", help="SQLAlchemy URL (default: SQLite in --data)")
    p.add_argument(
        "--fault", type=_fault, action="append", default=[], metavar="SPEC",
        help='inject a fault, e.g. "status=503,every=2" (repeatable; see docs/sandbox.md)',
    )  # fmt: skip
    p.add_argument("--max-body", type=int, default=DEFAULT_MAX_BODY, help="bytes per request")
    p.add_argument("-v", "--verbose", action="store_true", help="log every request")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    started = time.monotonic()
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    config = SandboxConfig(
        data_dir=args.data.resolve(),
        host=args.host,
        port=args.port,
        db_url=args.db_url,
        seed=args.seed,
        faults=tuple(args.fault),
        max_body=args.max_body,
    )
    try:
        sandbox = Sandbox(config)
    except (AppError, OSError, ValueError) as exc:
        print(f"sandbox: cannot start: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()

    def _on_signal(signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    sandbox.start()
    _announce(sandbox, args.db_url, time.monotonic() - started)
    while not stop.wait(0.5):  # a timed wait lets signals through on every platform
        pass
    print("Sandbox stopping…", flush=True)
    sandbox.stop()
    print("Sandbox stopped.", flush=True)
    return 0


def _announce(sandbox: Sandbox, db_url: str | None, took: float) -> None:
    where = "loopback only" if sandbox.loopback_only else "REACHABLE FROM THE NETWORK"
    database = redact_url(db_url) if db_url else str(sandbox.config.data_dir / "sandbox.sqlite3")
    lines = [
        f"Data: {sandbox.config.data_dir} (database: {database})",
        f"Admin page: {sandbox.root_url}/admin",
    ]
    if sandbox.new_secrets:
        lines.append(f"New system secrets (shown once; all secrets are in {sandbox.secrets_file}):")
        lines += [f"  {code}  {secret}" for code, secret in sorted(sandbox.new_secrets.items())]
    else:
        lines.append(f"System secrets: {sandbox.secrets_file} (mode 0600)")
    for fault in sandbox.faults.describe():
        lines.append(f"Fault {fault['id']}: {fault['spec']}")
    lines.append(f"Started in {took:.2f} s. Stop with Ctrl+C.")
    lines.append(f"Sandbox listening on {sandbox.base_url} ({where})")
    print("\n".join(lines), flush=True)
