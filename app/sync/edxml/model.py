"""The vocabulary of an edXML package (QCVN 102:2016): frozen dataclasses, one per element group.

Field order follows the standard's element order, so the writer and the reader can be read side by
side with the standard; field names are its element names in snake_case (``organ_id`` for
``OrganId``), which the reader relies on for the plain groups (``fields.flat``). Text is ``""``
when absent, numbers, dates and groups are ``None`` when absent. No XML and no validation here
(the writer is strict, the reader liberal, both meet here); the only I/O is an attachment reading
its own file when asked.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from app.sync.edxml.values import guess_content_type

NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
ZIP_CONTENT_TYPE = "application/zip"


class StatusCode(enum.StrEnum):
    """Two-digit status codes of a status package (a ``StrEnum``, so it equals the wire text)."""

    ARRIVED = "01"
    REJECTED = "02"
    ACCEPTED = "03"
    ASSIGNED = "04"
    PROCESSING = "05"
    COMPLETED = "06"
    RECALL_REQUESTED = "13"
    RECALL_AGREED = "15"
    RECALL_REFUSED = "16"


class BussinessDocType(enum.IntEnum):
    NEW = 0
    RECALL = 1
    UPDATE = 2
    REPLACE = 3


@dataclass(frozen=True)
class Organization:
    """``From`` or ``To``: an agency identified by its OrganId (the national agency code)."""

    organ_id: str
    organization_in_charge: str = ""
    organ_name: str = ""
    organ_add: str = ""
    email: str = ""
    telephone: str = ""
    fax: str = ""
    website: str = ""


@dataclass(frozen=True)
class Code:
    code_number: str = ""
    code_notation: str = ""


@dataclass(frozen=True)
class PromulgationInfo:
    place: str = ""
    promulgation_date: date | None = None


@dataclass(frozen=True)
class DocumentType:
    type: int | None = None
    type_detail: int | None = None
    type_name: str = ""


@dataclass(frozen=True)
class SignerInfo:
    competence: str = ""
    position: str = ""
    full_name: str = ""


@dataclass(frozen=True)
class OtherInfo:
    priority: int | None = None  # 0 normal … 4 (hỏa tốc hẹn giờ)
    sphere_of_promulgation: str = ""
    typer_notation: str = ""
    promulgation_amount: int | None = None
    page_amount: int | None = None
    direction: str = ""
    appendixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResponseFor:
    """The document this one answers (or, in a status package, the one the status is about)."""

    organ_id: str = ""
    code: str = ""
    promulgation_date: date | None = None
    document_id: str = ""


@dataclass(frozen=True)
class DocumentHeader:
    """A document package's ``MessageHeader``; ``sender`` is ``From``, ``recipients`` ``To``."""

    sender: Organization
    recipients: tuple[Organization, ...]
    subject: str
    document_id: str = ""
    code: Code | None = None
    promulgation_info: PromulgationInfo | None = None
    document_type: DocumentType | None = None
    content: str = ""
    signer_info: SignerInfo | None = None
    due_date: date | None = None
    other_info: OtherInfo | None = None
    response_for: tuple[ResponseFor, ...] = ()
    steering_type: int | None = None
    to_places: tuple[str, ...] = ()


@dataclass(frozen=True)
class TraceHeader:
    organ_id: str
    timestamp: datetime | None = None


@dataclass(frozen=True)
class StaffInfo:
    department: str = ""
    staff: str = ""
    mobile: str = ""
    email: str = ""


@dataclass(frozen=True)
class ReplacementInfo:
    document_id: str = ""
    organ_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bussiness:
    """``TraceHeaderList/Bussiness``, spelled as the standard spells it; "new" by default."""

    document_id: str = ""
    doc_type: int = BussinessDocType.NEW
    reason: str = ""
    paper: int | None = None  # 1 when a paper copy is also sent
    staff_info: StaffInfo | None = None
    replacement_info: tuple[ReplacementInfo, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Attachment:
    """One attached file. ``data`` is the file's bytes, or a path to stream it from (big files).

    ``content_type`` is the type of the file itself, derived from the name when not given. On the
    wire every attachment we write travels as ``application/zip``, so the reader derives it from
    the name again (it keeps a sender's specific type only for a file sent unzipped).
    ``content_id`` is bare: the ``cid:`` prefix is added and removed at the wire.
    """

    content_id: str
    name: str
    description: str = ""
    content_type: str = ""
    data: bytes | Path = field(repr=False)

    def __post_init__(self) -> None:
        if not self.content_type:
            # Frozen: the documented way to fill a derived default is object.__setattr__.
            object.__setattr__(self, "content_type", guess_content_type(self.name))

    def size(self) -> int:
        return len(self.data) if isinstance(self.data, bytes) else self.data.stat().st_size

    def read_bytes(self) -> bytes:
        """The whole file in memory: fine for small files, use ``data`` as a path for big ones."""
        return self.data if isinstance(self.data, bytes) else self.data.read_bytes()


@dataclass(frozen=True)
class DocumentPackage:
    header: DocumentHeader
    traces: tuple[TraceHeader, ...] = ()
    business: Bussiness = field(default_factory=Bussiness)
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class StatusHeader:
    """``MessageHeader`` of a status package: what happened to a document at the receiver."""

    sender: Organization
    response_for: ResponseFor
    status_code: str
    timestamp: datetime | None = None
    staff_info: StaffInfo | None = None
    description: str = ""


@dataclass(frozen=True)
class StatusPackage:
    header: StatusHeader
    traces: tuple[TraceHeader, ...] = ()
