"""Test helpers: run a sandbox on a free loopback port (thread or subprocess) and drive its admin.

``run_server(tmp_path, seed="demo")`` yields ``(base_url, secrets, admin)``; ``admin`` switches
faults through the admin endpoints (the same for both modes), reads traffic, and stops or, for a
subprocess, kills the server. ``signed_headers`` signs a raw request with the sandbox's own signer
for tests that must send what no well-behaved client would. Not imported by the server.
"""

from __future__ import annotations

import contextlib
import hashlib
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import httpx

from sandbox.auth import sign
from sandbox.faults import Fault
from sandbox.seed import SeedAgency, read_secrets_file
from sandbox.server import DEFAULT_MAX_BODY, Sandbox, SandboxConfig

REPO_ROOT = Path(__file__).resolve().parents[1]
READY = "Sandbox listening on "


class SandboxAdmin:
    """The admin side of a running sandbox, over HTTP so it works in either mode."""

    def __init__(
        self,
        root_url: str,
        data_dir: Path,
        *,
        sandbox: Sandbox | None = None,
        process: subprocess.Popen[str] | None = None,
        output: list[str] | None = None,
    ) -> None:
        self.root_url = root_url
        self.data_dir = data_dir
        self.sandbox = sandbox
        self.process = process
        self.output = output if output is not None else []
        self._http = httpx.Client(base_url=root_url, timeout=10, trust_env=False)

    def _data(self, response: httpx.Response) -> Any:
        doc = response.json()
        if doc["status"] != "OK":
            raise AssertionError(f"admin call failed: {doc['errorCode']}: {doc['errorDesc']}")
        return doc["data"]

    def add_fault(self, spec: str) -> int:
        ids = self._data(self._http.post("/admin/faults", json={"spec": spec}))["ids"]
        return int(ids[0])

    def remove_fault(self, fault_id: int) -> None:
        self._data(self._http.delete(f"/admin/faults/{fault_id}"))

    def clear_faults(self) -> None:
        self._data(self._http.delete("/admin/faults"))

    def faults(self) -> list[dict[str, Any]]:
        return list(self._data(self._http.get("/admin/faults")))

    def traffic(self) -> list[dict[str, Any]]:
        return list(self._data(self._http.get("/admin/traffic")))

    def page(self) -> str:
        return self._http.get("/admin").text

    def stop(self) -> None:
        """Graceful stop (SIGTERM for a subprocess); safe to call twice."""
        self._http.close()
        if self.sandbox is not None:
            sandbox, self.sandbox = self.sandbox, None
            sandbox.stop()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def kill(self) -> None:
        """SIGKILL the subprocess: a crash, with no chance to clean up."""
        if self.process is None:
            raise RuntimeError("kill() needs run_server(..., subprocess=True)")
        self._http.close()
        self.process.kill()
        self.process.wait(timeout=10)


class SandboxHandle(NamedTuple):
    base_url: str
    secrets: dict[str, str]
    admin: SandboxAdmin


@contextlib.contextmanager
def run_server(
    data_dir: Path,
    seed: str | Sequence[SeedAgency] | None = "demo",
    faults: Sequence[str | Fault] = (),
    db_url: str | None = None,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    subprocess: bool = False,
    startup_timeout: float = 15.0,
) -> Iterator[SandboxHandle]:
    """A sandbox on ``127.0.0.1`` and a free port, with ``data_dir`` as its folder."""
    data_dir.mkdir(parents=True, exist_ok=True)
    if subprocess:
        with _run_process(data_dir, seed, faults, db_url, max_body, startup_timeout) as handle:
            yield handle
        return
    config = SandboxConfig(
        data_dir, port=0, db_url=db_url, seed=seed, faults=tuple(faults), max_body=max_body
    )
    sandbox = Sandbox(config)
    sandbox.start()
    admin = SandboxAdmin(sandbox.root_url, data_dir, sandbox=sandbox)
    try:
        yield SandboxHandle(sandbox.base_url, sandbox.secrets(), admin)
    finally:
        admin.stop()


@contextlib.contextmanager
def _run_process(
    data_dir: Path,
    seed: str | Sequence[SeedAgency] | None,
    faults: Sequence[str | Fault],
    db_url: str | None,
    max_body: int,
    startup_timeout: float,
) -> Iterator[SandboxHandle]:
    command = [sys.executable, "-m", "sandbox", "--port", "0", "--data", str(data_dir)]
    command += ["--max-body", str(max_body)]
    if seed is not None:
        if not isinstance(seed, str):
            raise ValueError("a subprocess sandbox takes a seed name, not a list")
        command += ["--seed", seed]
    for fault in faults:
        if not isinstance(fault, str):
            raise ValueError("a subprocess sandbox takes faults as text")
        command += ["--fault", fault]
    if db_url:
        command += ["--db-url", db_url]
    process = _popen(command)
    lines: queue.Queue[str | None] = queue.Queue()
    output: list[str] = []
    threading.Thread(target=_pump, args=(process, lines, output), daemon=True).start()
    admin: SandboxAdmin | None = None
    try:
        base_url = _wait_ready(process, lines, startup_timeout)
        admin = SandboxAdmin(base_url.removesuffix("/api/v1"), data_dir, process=process,
                             output=output)  # fmt: skip
        yield SandboxHandle(base_url, read_secrets_file(data_dir), admin)
    finally:
        if admin is not None:
            admin.stop()
        elif process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def _popen(command: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )


def _pump(process: subprocess.Popen[str], lines: queue.Queue[str | None], out: list[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        out.append(line)
        lines.put(line)
    lines.put(None)


def _wait_ready(
    process: subprocess.Popen[str], lines: queue.Queue[str | None], timeout: float
) -> str:
    deadline = time.monotonic() + timeout
    seen: list[str] = []
    while True:
        left = deadline - time.monotonic()
        try:
            line = lines.get(timeout=max(left, 0.01))
        except queue.Empty:
            raise TimeoutError(f"sandbox not ready after {timeout} s: {''.join(seen)}") from None
        if line is None:
            raise RuntimeError(f"sandbox exited ({process.wait()}): {''.join(seen)}")
        seen.append(line)
        if line.startswith(READY):
            return line[len(READY) :].split()[0]


def signed_headers(
    system_id: str,
    secret: str,
    method: str,
    target: str,
    body: bytes = b"",
    *,
    timestamp: datetime | None = None,
) -> dict[str, str]:
    """X-System-Id/X-Timestamp/X-Signature for ``method target`` (path and query, as sent)."""
    moment = (timestamp or datetime.now(UTC)).astimezone(UTC)
    stamp = moment.isoformat(timespec="microseconds").replace("+00:00", "Z")
    digest = hashlib.sha256(body).hexdigest()
    return {
        "X-System-Id": system_id,
        "X-Timestamp": stamp,
        "X-Signature": sign(secret, method, target, stamp, digest),
    }
