"""The reference HTTP API v1 (PLATFORM_API.md) over already-read requests: routing and answers.

Each route authenticates, calls ``ledger``/``accounts``/the file store and returns a ``Response``;
every refusal is an ``ApiError`` turned into the JSON envelope here. Sockets, faults and traffic
belong to ``handler``; this module never touches a socket.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO
from urllib.parse import parse_qs

from app.storage.filestore import FileStore
from app.sync.edxml import Limits
from sandbox.accounts import Accounts
from sandbox.auth import Authenticator
from sandbox.intake import MESSAGE_TYPES, RECALL, read_package
from sandbox.ledger import Ledger, MessageView
from sandbox.wire import (
    BAD_REQUEST,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    UNKNOWN_RECIPIENT,
    ApiError,
    Response,
    decode_cursor,
    encode_cursor,
    fail,
    ok,
    parse_range,
    rfc3339,
)

PREFIX = "/api/v1"
MAX_LIMIT = 100
DEFAULT_LIMIT = 50
_KEY = re.compile(r"^[\x21-\x7e]{1,128}$")
_DOC = r"(?P<doc>[A-Za-z0-9._~-]{1,64})"


@dataclass
class Request:
    """One request as the handler read it; ``body`` is positioned at 0 and fully received."""

    method: str
    target: str
    path: str
    headers: dict[str, str]
    """Lower-case names; a repeated field keeps its last value."""
    body: BinaryIO
    body_size: int
    body_sha256: str
    client_ip: str = "127.0.0.1"

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    def query(self) -> dict[str, str]:
        raw = self.target.partition("?")[2]
        return {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}

    def json(self) -> dict[str, object]:
        self.body.seek(0)
        try:
            data = json.loads(self.body.read(64 * 1024).decode("utf-8") or "{}")
        except (UnicodeDecodeError, ValueError):
            raise ApiError(BAD_REQUEST, "the body is not JSON") from None
        if not isinstance(data, dict):
            raise ApiError(BAD_REQUEST, "the body must be a JSON object")
        return data


Handler = Callable[[Request, str, dict[str, str]], Response]


class PlatformApi:
    def __init__(
        self,
        accounts: Accounts,
        ledger: Ledger,
        files: FileStore,
        authenticator: Authenticator,
        *,
        limits: Limits,
        scratch: Path,
    ) -> None:
        self._accounts = accounts
        self._ledger = ledger
        self._files = files
        self._auth = authenticator
        self._limits = limits
        self._scratch = scratch
        self._routes: list[tuple[str, re.Pattern[str], Handler]] = [
            ("GET", re.compile(r"^/agencies$"), self._agencies),
            ("POST", re.compile(r"^/edocs$"), self._send),
            ("GET", re.compile(r"^/edocs/received$"), self._received),
            ("GET", re.compile(r"^/edocs/sent$"), self._sent),
            ("GET", re.compile(rf"^/edocs/{_DOC}$"), self._fetch),
            ("POST", re.compile(rf"^/edocs/{_DOC}/ack$"), self._ack),
        ]

    def handle(self, req: Request) -> Response:
        try:
            handler, params = self._route(req.method, req.path.removeprefix(PREFIX))
            system = self._auth.check(
                req.method,
                req.target,
                req.body_sha256,
                system_id=req.header("X-System-Id"),
                stamp=req.header("X-Timestamp"),
                given=req.header("X-Signature"),
            )
            return handler(req, system, params)
        except ApiError as error:
            return fail(error)

    def _route(self, method: str, path: str) -> tuple[Handler, dict[str, str]]:
        allowed = False
        for verb, pattern, handler in self._routes:
            match = pattern.match(path)
            if match is None:
                continue
            if verb == method:
                return handler, match.groupdict()
            allowed = True
        if allowed:
            raise ApiError(METHOD_NOT_ALLOWED, f"{method} is not allowed on {PREFIX}{path}")
        raise ApiError(NOT_FOUND, f"no such endpoint: {PREFIX}{path}")

    # --- routes ----------------------------------------------------------------------------------
    def _agencies(self, req: Request, system: str, params: dict[str, str]) -> Response:
        rows = self._accounts.agencies()
        return ok([{"organId": a.code, "name": a.name, "parentId": a.parent} for a in rows])

    def _send(self, req: Request, system: str, params: dict[str, str]) -> Response:
        message_type = _message_type(req.query(), required=True)
        key = req.header("Idempotency-Key").strip()
        if not _KEY.match(key):
            raise ApiError(BAD_REQUEST, "Idempotency-Key is required (1-128 visible ASCII)")
        answer = self._ledger.recorded_answer(system, key, req.body_sha256, message_type)
        if answer is None:
            req.body.seek(0)
            intake = read_package(
                req.body, message_type, system, limits=self._limits, scratch=self._scratch
            )
            if intake.status is not None and intake.status.status_code == RECALL:
                targets = self._ledger.recall_targets(system, intake.status)
                intake = replace(intake, recipients=targets)
            unknown = set(intake.recipients) - self._accounts.known(intake.recipients)
            if unknown:
                raise ApiError(
                    UNKNOWN_RECIPIENT,
                    f"not connected to this platform: {', '.join(sorted(unknown))}",
                )
            req.body.seek(0)
            stored = self._files.put_stream(req.body)
            answer = self._ledger.record(system, key, req.body_sha256, stored, intake)
        headers = {"Idempotent-Replayed": "true"} if answer.replayed else {}
        return ok({"docIds": answer.doc_ids}, headers=headers)

    def _received(self, req: Request, system: str, params: dict[str, str]) -> Response:
        query = req.query()
        message_type = _message_type(query, required=False)
        after = decode_cursor(query.get("after"))
        rows, more = self._ledger.pending_for(system, message_type, after, _limit(query))
        items = [
            {
                "docId": r.doc_id,
                "from": r.sender,
                "messageType": r.message_type,
                "size": r.size,
                "sha256": r.sha256,
                "created": rfc3339(r.created_at),
            }
            for r in rows
        ]
        cursor = encode_cursor(rows[-1].seq if rows else after)
        return ok({"items": items, "next": cursor, "more": more})

    def _sent(self, req: Request, system: str, params: dict[str, str]) -> Response:
        query = req.query()
        after = decode_cursor(query.get("after"))
        rows, more = self._ledger.sent_by(system, after, _limit(query))
        cursor = encode_cursor(rows[-1].change_seq if rows else after)
        return ok({"items": [_delivery(r) for r in rows], "next": cursor, "more": more})

    def _fetch(self, req: Request, system: str, params: dict[str, str]) -> Response:
        view = self._ledger.for_recipient(system, params["doc"])
        etag = f'"{view.sha256}"'
        headers = {"ETag": etag, "Accept-Ranges": "bytes", "Content-Type": "application/xml"}
        wanted: str | None = req.header("Range")
        if_range = req.header("If-Range")
        if if_range and if_range.strip() != etag:
            wanted = None  # the client holds another version's prefix: send it all
        try:
            span = parse_range(wanted, view.size)
        except ApiError as error:
            error.headers["ETag"] = etag
            raise
        path = self._files.path_for(view.sha256)
        if span is None:
            return Response(200, headers, file=path, offset=0, length=view.size)
        start, end = span
        headers["Content-Range"] = f"bytes {start}-{end}/{view.size}"
        return Response(206, headers, file=path, offset=start, length=end - start + 1)

    def _ack(self, req: Request, system: str, params: dict[str, str]) -> Response:
        data = req.json()
        status = data.get("status")
        reason = data.get("reason") or ""
        if status not in ("done", "fail") or not isinstance(reason, str):
            raise ApiError(BAD_REQUEST, 'ack body is {"status": "done"|"fail", "reason": str}')
        view, already = self._ledger.ack(system, params["doc"], status, reason[:2000])
        return ok(
            {
                "docId": view.doc_id,
                "status": view.ack_status,
                "reason": view.ack_reason,
                "ackedAt": rfc3339(view.acked_at),
                "alreadyAcked": already,
            }
        )


def _message_type(query: dict[str, str], *, required: bool) -> str:
    value = query.get("messagetype", "" if required else "edoc")
    if value not in MESSAGE_TYPES:
        raise ApiError(BAD_REQUEST, "messagetype must be 'edoc' or 'status'")
    return value


def _limit(query: dict[str, str]) -> int:
    raw = query.get("limit", str(DEFAULT_LIMIT))
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise ApiError(BAD_REQUEST, f"limit must be 1..{MAX_LIMIT}")
    return int(raw)


def _delivery(r: MessageView) -> dict[str, object]:
    return {
        "docId": r.doc_id,
        "to": r.recipient,
        "messageType": r.message_type,
        "documentId": r.edxml_document_id,
        "sent": rfc3339(r.created_at),
        "state": r.ack_status or "pending",
        "reason": r.ack_reason,
        "statusCode": r.status_code,
        "statusDescription": r.status_description,
        "statusAt": rfc3339(r.status_at),
        "updated": rfc3339(r.updated_at),
    }
