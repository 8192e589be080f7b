"""The socket side: a stdlib threading HTTP/1.1 server that reads each request whole, applies the
fault board, hands the request to the API or the admin pages and writes (or withholds) the answer.

The body is spooled to disk while its SHA-256 is computed, so the signature can be checked and a
large package never sits in memory. This is the only module that touches sockets; it knows no
routes and no tables.
"""

from __future__ import annotations

import hashlib
import logging
import socket
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any, BinaryIO, cast
from urllib.parse import urlsplit

from sandbox.admin import AdminApi
from sandbox.api import PREFIX, PlatformApi, Request
from sandbox.faults import Decision, Fault, FaultBoard
from sandbox.traffic import TrafficEntry, TrafficLog
from sandbox.wire import (
    BAD_REQUEST,
    INTERNAL_ERROR,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    TOO_LARGE,
    ApiError,
    Response,
    code_for_status,
    fail,
)

log = logging.getLogger("sandbox.http")
CHUNK = 1 << 16
DRAIN_LIMIT = 64 << 20  # an over-limit body this small is read and dropped, so the 413 arrives
IN_MEMORY = 1 << 20


@dataclass
class ServerState:
    """What every request thread shares: the endpoints, faults, traffic and the stop flag."""

    api: PlatformApi
    admin: AdminApi
    faults: FaultBoard
    traffic: TrafficLog
    scratch: Path
    max_body: int
    stopping: threading.Event = field(default_factory=threading.Event)
    _active: int = 0
    _idle: threading.Condition = field(default_factory=threading.Condition)

    def begin(self) -> None:
        with self._idle:
            self._active += 1

    def end(self) -> None:
        with self._idle:
            self._active -= 1
            self._idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Wait for requests in flight to finish (a delayed one may outlive ``timeout``)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._active == 0, timeout)


class SandboxHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], state: ServerState) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.state = state
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, SandboxHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_idle_connections(self) -> None:
        """Wake keep-alive threads blocked on a read, so stopping does not wait for clients."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class SandboxHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "VBDT-Sandbox/1"
    timeout = 60  # an idle keep-alive connection gives its thread back
    # Headers and body go out in separate writes: without TCP_NODELAY, Nagle plus the client's
    # delayed ACK add ~40 ms to every answer.
    disable_nagle_algorithm = True
    server: SandboxHTTPServer

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_DELETE = do_PUT = do_PATCH = do_GET

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Malformed requests (bad request line, unknown method) get the JSON envelope too."""
        kind = METHOD_NOT_ALLOWED if code == 501 else BAD_REQUEST if code < 500 else INTERNAL_ERROR
        self.close_connection = True
        try:
            self._send(fail(ApiError(kind, message or explain or str(code), status=code)))
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s - " + format, self.address_string(), *args)

    def _serve(self) -> None:
        state = self.server.state
        state.begin()
        path = urlsplit(self.path).path
        entry: dict[str, Any] = {"bytes_in": 0, "bytes_out": 0, "status": None, "note": ""}
        try:
            decision = state.faults.decide(self.command, path)
            entry["note"] = ", ".join(decision.fired)
            self._exchange(state, path, decision, entry)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True
            entry["note"] = (entry["note"] + " client went away").strip()
        finally:
            if state.stopping.is_set():
                self.close_connection = True
            state.end()
            if not path.startswith("/admin"):
                state.traffic.add(
                    TrafficEntry(
                        at=datetime.now(UTC),
                        system_id=self.headers.get("X-System-Id", "") or "",
                        method=self.command,
                        path=self.path,
                        **entry,
                    )
                )

    def _exchange(
        self, state: ServerState, path: str, decision: Decision, entry: dict[str, Any]
    ) -> None:
        if decision.delay:
            time.sleep(decision.delay)
        action: Fault | None = decision.action
        with tempfile.SpooledTemporaryFile(IN_MEMORY, dir=str(state.scratch)) as body:
            received = self._receive(state, body)
            if isinstance(received, Response):
                entry["status"], entry["bytes_out"] = received.status, self._send(received)
                return
            size, digest = received
            entry["bytes_in"] = size
            if action is not None and action.kind == "drop" and action.drop == "before":
                self.close_connection = True
                return
            if action is not None and action.kind == "status":
                headers = {}
                if action.retry_after is not None:
                    headers["Retry-After"] = f"{action.retry_after:g}"
                code = code_for_status(action.status)
                error = ApiError(code, "injected fault", status=action.status, headers=headers)
                response = fail(error)
            else:
                body.seek(0)
                request = Request(
                    method=self.command,
                    target=self.path,
                    path=path,
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=cast(BinaryIO, body),  # typeshed: Spooled… is IO[bytes]
                    body_size=size,
                    body_sha256=digest,
                    client_ip=str(self.client_address[0]),
                )
                response = self._dispatch(state, request)
            if action is not None and action.kind == "drop":  # after processing
                self.close_connection = True
                return
            fraction = action.fraction if action is not None and action.kind == "truncate" else None
            entry["status"] = response.status
            entry["bytes_out"] = self._send(response, fraction)

    def _receive(self, state: ServerState, body: IO[bytes]) -> tuple[int, str] | Response:
        """Read the whole body into ``body``; an error ``Response`` when it cannot be taken."""
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            return fail(ApiError(BAD_REQUEST, "send Content-Length, not chunked", status=411))
        try:
            length = int(self.headers.get("Content-Length") or 0)
            if length < 0:
                raise ValueError
        except ValueError:
            self.close_connection = True
            return fail(ApiError(BAD_REQUEST, "bad Content-Length"))
        if length > state.max_body:
            if length <= DRAIN_LIMIT:
                self._copy(length, None)
            else:
                self.close_connection = True
            desc = f"the body has {length} bytes; this platform takes {state.max_body}"
            return fail(ApiError(TOO_LARGE, desc))
        return length, self._copy(length, body)

    def _copy(self, length: int, sink: IO[bytes] | None) -> str:
        hasher = hashlib.sha256()
        left = length
        while left:
            chunk = self.rfile.read(min(CHUNK, left))
            if not chunk:
                raise ConnectionResetError("client closed the connection inside the body")
            hasher.update(chunk)
            if sink is not None:
                sink.write(chunk)
            left -= len(chunk)
        return hasher.hexdigest()

    def _dispatch(self, state: ServerState, request: Request) -> Response:
        try:
            if request.path == "/admin" or request.path.startswith("/admin/"):
                return state.admin.handle(request)
            if request.path == PREFIX or request.path.startswith(PREFIX + "/"):
                return state.api.handle(request)
            return fail(ApiError(NOT_FOUND, f"nothing at {request.path}; the API is at {PREFIX}"))
        except Exception:
            log.exception("%s %s failed", request.method, request.path)
            return fail(ApiError(INTERNAL_ERROR, "the sandbox failed; see its log"))

    def _send(self, response: Response, fraction: float | None = None) -> int:
        """Write the answer; with ``fraction``, only that part of the body, then close."""
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(response.content_length))
        if self.close_connection or self.server.state.stopping.is_set():
            self.send_header("Connection", "close")
        self.end_headers()
        budget = response.content_length
        if fraction is not None:
            budget = int(budget * fraction)
            self.close_connection = True
        written = 0
        if getattr(self, "command", "") == "HEAD":
            budget = 0  # the headers describe the body; HEAD never carries one
        if response.file is None:
            self.wfile.write(response.body[:budget])
            written = budget
        else:
            with response.file.open("rb") as handle:
                handle.seek(response.offset)
                while written < budget:
                    chunk = handle.read(min(CHUNK, budget - written))
                    if not chunk:
                        break
                    self.wfile.write(chunk)
                    written += len(chunk)
        self.wfile.flush()
        return written
