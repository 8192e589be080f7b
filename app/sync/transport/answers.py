"""Reading the reference API's answers: the JSON envelope, the data shapes, and HTTP hints.

Pure functions from an ``httpx.Response`` (already read) or decoded JSON to typed results or
transport errors. A garbled answer (no envelope, a missing field) is ``TransportUnavailable``:
the item is not at fault, and a fixed or restarted platform may answer properly later.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx

from app.sync.transport.base import (
    DeliveryState,
    PlatformAgency,
    ReceivedItem,
    ReceivedPage,
    SentPage,
)
from app.sync.transport.errors import TransportUnavailable, error_for

T = TypeVar("T")
MAX_RETRY_AFTER = 3600.0
_CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date), within 0..1 h."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def envelope_data(response: httpx.Response) -> Any:
    """``data`` of an OK answer; the typed error for anything else."""
    hint = retry_after(response.headers.get("Retry-After"))
    try:
        doc = response.json()
    except ValueError:
        doc = None
    if not isinstance(doc, dict) or "status" not in doc:
        if response.is_success:
            raise TransportUnavailable(
                f"HTTP {response.status_code} without the platform's JSON envelope",
                error_code="BAD_ANSWER",
                http_status=response.status_code,
            )
        raise error_for(response.status_code, "", response.reason_phrase, hint)
    if response.is_success and doc["status"] == "OK":
        return doc.get("data")
    code = str(doc.get("errorCode") or "")
    desc = str(doc.get("errorDesc") or "")
    raise error_for(response.status_code, code, desc, hint)


def shaped(what: str, build: Callable[[], T]) -> T:
    """Run ``build``; a missing key or wrong type in the answer becomes ``TransportUnavailable``."""
    try:
        return build()
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise TransportUnavailable(
            f"malformed {what} answer: {type(exc).__name__}: {exc}", error_code="BAD_ANSWER"
        ) from exc


def timestamp(value: Any) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def agencies(data: Any) -> list[PlatformAgency]:
    return [
        PlatformAgency(str(a["organId"]), str(a.get("name") or ""), a.get("parentId") or None)
        for a in data
    ]


def received_page(data: Any) -> ReceivedPage:
    items = tuple(
        ReceivedItem(
            doc_id=str(i["docId"]),
            sender=str(i.get("from") or ""),
            message_type=str(i.get("messageType") or ""),
            size=int(i.get("size") or 0),
            sha256=str(i.get("sha256") or "").lower(),
            created=timestamp(i.get("created")),
        )
        for i in data["items"]
    )
    return ReceivedPage(items, data.get("next"), bool(data.get("more", False)))


def sent_page(data: Any) -> SentPage:
    items = tuple(
        DeliveryState(
            doc_id=str(i["docId"]),
            recipient=str(i["to"]),
            message_type=str(i.get("messageType") or ""),
            document_id=str(i.get("documentId") or ""),
            state=str(i.get("state") or "pending"),
            reason=str(i.get("reason") or ""),
            status_code=i.get("statusCode") or None,
            status_description=str(i.get("statusDescription") or ""),
            status_at=timestamp(i.get("statusAt")),
            updated=timestamp(i.get("updated")),
        )
        for i in data["items"]
    )
    return SentPage(items, data.get("next"), bool(data.get("more", False)))


def doc_ids(data: Any) -> dict[str, str]:
    ids = data["docIds"]
    if not isinstance(ids, dict):
        raise TypeError("docIds is not an object")
    return {str(k): str(v) for k, v in ids.items()}


def etag_sha256(value: str | None) -> str:
    """The SHA-256 hex in an ``ETag`` (quoted or not, weak prefix ignored); '' if it is not one."""
    tag = (value or "").strip().removeprefix("W/").strip('"').lower()
    return tag if re.fullmatch(r"[0-9a-f]{64}", tag) else ""


def content_range(value: str | None) -> tuple[int, int, int] | None:
    """``(first, last, total)`` of a ``Content-Range: bytes a-b/n`` header."""
    match = _CONTENT_RANGE.match((value or "").strip())
    return (int(match[1]), int(match[2]), int(match[3])) if match else None
