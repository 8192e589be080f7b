"""What the reports print, as frozen dataclasses: the renderers' whole input.

``app.services.reports`` fills these from the database; the renderers never see a session or an
ORM object, so a report can be rendered from hand-made rows in a test or a benchmark.
Must not: import SQLAlchemy or reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.domain.types import Direction, Verdict


@dataclass(frozen=True)
class RenderedPdf:
    """A PDF a renderer wrote."""

    path: Path
    pages: int  # all pages, a cover included


# --- registers -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RegisterInfo:
    """The cover page and the closing line of one printed register (sổ đăng ký)."""

    direction: Direction
    register_name: str
    agency_name: str
    parent_agency_name: str  # cơ quan chủ quản trực tiếp; empty for a top-level body
    year: int
    volume: int  # quyển số
    date_from: date | None  # first and last entry dates printed on the cover
    date_to: date | None
    first_number: int | None
    last_number: int | None
    count: int
    cancelled: int
    secret: bool = False


@dataclass(frozen=True)
class RegisterRow:
    """One register entry. Incoming and outgoing share the type; each prints its own columns."""

    number: int  # số đi / số đến
    code: str  # số, ký hiệu of the document itself
    doc_date: date | None  # ngày tháng văn bản
    arrived_at: datetime | None  # incoming: ngày đến
    kind: str
    subject: str
    sender: str  # incoming: tác giả
    signer: str  # outgoing: người ký
    recipients: str  # outgoing: nơi nhận văn bản
    holder: str  # outgoing: đơn vị, người nhận bản lưu; incoming: đơn vị hoặc người nhận
    copies: int | None  # outgoing: số lượng bản
    transferred_on: date | None  # ngày chuyển
    note: str  # ghi chú (besides the cancellation)
    cancelled: bool = False
    cancel_reason: str = ""
    signed: bool = False  # an electronic document with signatures
    verdict: Verdict | None = None  # the worst stored verdict of its signatures


# --- processing slip -----------------------------------------------------------------------------
@dataclass(frozen=True)
class SlipNote:
    """A written opinion in part II or III of the slip."""

    at: datetime
    author: str
    text: str


@dataclass(frozen=True)
class SlipEvent:
    at: datetime
    actor: str
    action: str  # already in words
    detail: str


@dataclass(frozen=True)
class SlipData:
    """Phiếu giải quyết văn bản đến for one incoming document."""

    agency_name: str
    parent_agency_name: str
    document_id: int
    register_number: int | None
    arrived_at: datetime | None
    sender: str
    code: str
    doc_date: date | None
    kind: str
    subject: str
    urgency: int
    state: str  # in words
    verdict: str  # in words, empty for paper
    assigned_by: str  # the leader who directed
    assigned_by_position: str
    assigned_at: datetime | None
    opinion: str
    lead: str
    co_handlers: tuple[str, ...]
    deadline: date | None
    completed_at: datetime | None
    on_time: bool | None  # None: not finished, or no deadline
    unit_notes: tuple[SlipNote, ...]
    handler_notes: tuple[SlipNote, ...]
    history: tuple[SlipEvent, ...]
    printed_at: datetime


# --- statistics: the facts the services read ------------------------------------------------------
@dataclass(frozen=True)
class KindCount:
    direction: Direction
    kind: str
    count: int
    cancelled: int


@dataclass(frozen=True)
class AssignmentFact:
    """The latest assignment of one incoming document."""

    document_id: int
    number: int | None  # số đến
    code: str
    subject: str
    unit: str
    person: str
    assigned_at: datetime
    deadline: date | None  # the leader's; else the package's DueDate (local date)
    completed_at: datetime | None


@dataclass(frozen=True)
class IssueFact:
    """An issued outgoing document: when the leader signed and when the clerk issued it."""

    document_id: int
    code: str
    urgency: int
    signed_at: datetime
    issued_at: datetime


# --- statistics: what the report prints ----------------------------------------------------------
@dataclass(frozen=True)
class HandlingStats:
    """Processing outcomes for one unit, one person or everyone."""

    name: str
    total: int
    on_time: int
    late: int
    open_in_time: int
    open_overdue: int
    no_deadline: int
    avg_working_days: float | None  # assignment to completion, finished ones only


@dataclass(frozen=True)
class IssueStats:
    total: int
    same_day: int
    next_working_day: int
    later: int
    compliant: int  # by the decree's rule (urgent: within the grace after signing)
    unsigned: int  # issued with no leader signature on record (paper documents)


@dataclass(frozen=True)
class OverdueItem:
    document_id: int
    number: int | None
    code: str
    subject: str
    handler: str
    deadline: date
    overdue_working_days: int


@dataclass(frozen=True)
class StatsReport:
    agency_name: str
    parent_agency_name: str
    unit: str  # the unit filter, empty for the whole agency
    date_from: date
    date_to: date
    generated_at: datetime
    kinds: tuple[KindCount, ...]
    overall: HandlingStats
    by_unit: tuple[HandlingStats, ...]
    by_person: tuple[HandlingStats, ...]
    issuing: IssueStats
    overdue: tuple[OverdueItem, ...]

    def total(self, direction: Direction) -> int:
        return sum(k.count for k in self.kinds if k.direction is direction)

    def cancelled(self, direction: Direction) -> int:
        return sum(k.cancelled for k in self.kinds if k.direction is direction)
