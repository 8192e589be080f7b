"""What an uploaded package asks for: its kind, its recipients, the status it reports (codec).

The platform parses every package it accepts (a broken one is refused at the door, as the national
axis does) but keeps only routing facts; the bytes themselves are stored untouched. Spooled
attachments are deleted before this returns. No database and no HTTP here.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from app.sync.edxml import (
    DocumentPackage,
    Limits,
    PackageInvalid,
    PackageLimitExceeded,
    StatusCode,
    StatusPackage,
    parse_package,
)
from sandbox.wire import PACKAGE_INVALID, TOO_LARGE, ApiError

MESSAGE_TYPES = ("edoc", "status")
STATUS_CODES = frozenset(code.value for code in StatusCode)
RECALL = StatusCode.RECALL_REQUESTED.value  # 13: the sender asks its recipients to give it back


@dataclass(frozen=True)
class StatusReport:
    """A recipient's status about a document ``about_sender`` sent (found by id or code); for a
    recall (13), the sender's request about its own document."""

    about_sender: str
    document_id: str
    code: str
    status_code: str
    description: str
    timestamp: datetime | None


@dataclass(frozen=True)
class Intake:
    message_type: str
    recipients: tuple[str, ...]
    edxml_document_id: str = ""
    code: str = ""
    summary: str = ""
    status: StatusReport | None = None


def read_package(
    body: BinaryIO, message_type: str, system_id: str, *, limits: Limits, scratch: Path
) -> Intake:
    """Parse ``body`` and check it against the query and the sender; ``ApiError`` if refused."""
    scratch.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=scratch, prefix="parse-") as spool:
        try:
            package = parse_package(body, limits=limits, spool_dir=Path(spool))
        except PackageLimitExceeded as exc:
            raise ApiError(TOO_LARGE, exc.message) from exc
        except PackageInvalid as exc:
            raise ApiError(PACKAGE_INVALID, exc.message) from exc
    kind = "status" if isinstance(package, StatusPackage) else "edoc"
    if kind != message_type:
        raise ApiError(PACKAGE_INVALID, f"messagetype={message_type} but the body is a {kind}")
    sender = package.header.sender.organ_id
    if sender != system_id:
        raise ApiError(
            PACKAGE_INVALID,
            f"From/OrganId {sender!r} is not the sending system {system_id!r}",
        )
    if isinstance(package, DocumentPackage):
        return _document(package)
    return _status(package)


def _document(package: DocumentPackage) -> Intake:
    header = package.header
    recipients = tuple(dict.fromkeys(org.organ_id for org in header.recipients))
    code = ""
    if header.code is not None:
        code = "/".join(p for p in (header.code.code_number, header.code.code_notation) if p)
    return Intake(
        "edoc",
        recipients,
        edxml_document_id=header.document_id or package.business.document_id,
        code=code,
        summary=header.subject,
    )


def _status(package: StatusPackage) -> Intake:
    header = package.header
    target = header.response_for
    if header.status_code not in STATUS_CODES:
        raise ApiError(
            PACKAGE_INVALID,
            f"edXMLHeader/MessageHeader/StatusCode: {header.status_code!r} is not one of "
            f"{', '.join(sorted(STATUS_CODES))}",
        )
    if not target.organ_id:
        raise ApiError(PACKAGE_INVALID, "edXMLHeader/MessageHeader/ResponseFor/OrganId is missing")
    recall = header.status_code == RECALL
    if recall and target.organ_id != header.sender.organ_id:
        raise ApiError(
            PACKAGE_INVALID,
            "edXMLHeader/MessageHeader/ResponseFor/OrganId: a recall (13) is about a document "
            "of the sender's own",
        )
    report = StatusReport(
        about_sender=target.organ_id,
        document_id=target.document_id,
        code=target.code,
        status_code=header.status_code,
        description=header.description,
        timestamp=header.timestamp,
    )
    summary = f"{header.status_code} {header.description}".strip()
    # Every other status goes to the sender of the document it is about; a recall goes the
    # other way, to that document's recipients, which only the ledger knows (``recall_targets``).
    return Intake(
        "status",
        () if recall else (target.organ_id,),
        edxml_document_id=target.document_id,
        code=target.code,
        summary=summary,
        status=report,
    )
