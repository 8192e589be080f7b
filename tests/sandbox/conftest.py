"""Fixtures: a seeded sandbox on a free loopback port, and transports signed as demo agencies."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.sync.transport import HttpTransport
from sandbox.testing import SandboxHandle, run_server

Connect = Callable[..., HttpTransport]


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxHandle]:
    with run_server(tmp_path / "sandbox", seed="demo") as handle:
        yield handle


@contextlib.contextmanager
def connecting(handle: SandboxHandle) -> Iterator[Connect]:
    """``connect(code)`` for a sandbox started in the test itself."""
    made: list[HttpTransport] = []

    def connect(
        system_id: str, *, timeout: float = 5.0, secret: str | None = None
    ) -> HttpTransport:
        key = secret if secret is not None else handle.secrets[system_id]
        transport = HttpTransport(handle.base_url, system_id, key, timeout=timeout)
        made.append(transport)
        return transport

    try:
        yield connect
    finally:
        for transport in made:
            transport.close()


@pytest.fixture
def connect(sandbox: SandboxHandle) -> Iterator[Connect]:
    """``connect(code)``: an ``HttpTransport`` for that demo agency, closed after the test."""
    with connecting(sandbox) as connect:
        yield connect
