"""Register numbers and document symbols: allocation, formatting, parsing, edXML DocumentId.

Each register (sổ) numbers from 1 every calendar year, with no gaps, and never reuses a number: a
cancelled issue keeps its number with a reason. Allocation here is a pure function of the register's
snapshot; the services read the snapshot under a row lock and store the result in one transaction.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from app.domain.calendar import local_date
from app.domain.kinds import DocumentKind
from app.domain.types import Direction, Secrecy
from app.errors import InvalidInput, NumberingConflict


class RegisterYearMismatch(NumberingConflict):
    """The register belongs to another year than the issue date: open that year's register."""

    code = "register_year_mismatch"


class RegisterKind(StrEnum):
    """Which sổ a document is numbered in; secret documents have their own."""

    OUTGOING = "outgoing"  # sổ văn bản đi
    OUTGOING_SECRET = "outgoing_secret"  # sổ văn bản đi mật
    INCOMING = "incoming"  # sổ văn bản đến (paper and electronic together)
    INCOMING_SECRET = "incoming_secret"  # sổ văn bản đến mật


def register_for(direction: Direction, secrecy: Secrecy) -> RegisterKind:
    """The register a document of this direction and secrecy is numbered in."""
    secret = secrecy is not Secrecy.NONE
    if direction is Direction.OUTGOING:
        return RegisterKind.OUTGOING_SECRET if secret else RegisterKind.OUTGOING
    return RegisterKind.INCOMING_SECRET if secret else RegisterKind.INCOMING


@dataclass(frozen=True)
class RegisterSnapshot:
    """What the database holds for one register and year: the next number to give."""

    year: int
    next_number: int = 1

    def __post_init__(self) -> None:
        if self.next_number < 1:
            raise InvalidInput("Số tiếp theo phải từ 1 (next_number must be >= 1)")


@dataclass(frozen=True)
class Allocation:
    number: int
    year: int
    next_number: int


def register_year(issued: date | datetime) -> int:
    """The register year of an issue: the calendar year in Vietnam (aware datetimes converted)."""
    if isinstance(issued, datetime):
        return local_date(issued).year
    return issued.year


def allocate_number(register: RegisterSnapshot, issued: date | datetime) -> Allocation:
    """The number for a document issued at ``issued`` and the register's next number afterwards.

    Raises RegisterYearMismatch when the register is another year's: at 00:00 +07:00 on 1 January
    the register restarts from 1, even though it is still 31 December in UTC.
    """
    year = register_year(issued)
    if year != register.year:
        raise RegisterYearMismatch(
            f"Sổ năm {register.year} không dùng cho văn bản ngày {issued.isoformat()} "
            f"(register year {register.year} does not match issue year {year})",
            register_year=register.year,
            year=year,
        )
    number = register.next_number
    return Allocation(number=number, year=year, next_number=number + 1)


@dataclass(frozen=True)
class RegisterEntry:
    """One printed row of a register: its number, and a reason when the issue was cancelled."""

    number: int
    cancel_reason: str | None = None


def require_reason(reason: str | None) -> str:
    """A reason, stripped; a blank one is refused (cancellations and refusals must say why)."""
    text = unicodedata.normalize("NFC", reason or "").strip()
    if not text:
        raise InvalidInput("Cần ghi rõ lý do (a reason is required)")
    return text


def check_continuity(entries: Iterable[RegisterEntry]) -> None:
    """Refuse a year of entries that is not exactly 1..N once each (no silent gap, no reuse)."""
    rows = list(entries)
    for row in rows:
        if row.cancel_reason is not None:
            require_reason(row.cancel_reason)
    seen: set[int] = set()
    duplicates: set[int] = set()
    for row in rows:
        (duplicates if row.number in seen else seen).add(row.number)
    top = max(seen, default=0)
    missing = sorted(set(range(1, top + 1)) - seen)
    if duplicates or missing or min(seen, default=1) < 1:
        raise NumberingConflict(
            f"Sổ có số trùng {sorted(duplicates)} hoặc số bị bỏ trống {missing} "
            "(register has duplicates or gaps)",
            duplicates=sorted(duplicates),
            missing=missing,
        )


# --- symbols and codes ---------------------------------------------------------------------------
_PART = re.compile(r"^[^\s/,\-]+$")


def _clean_part(text: str, what: str) -> str:
    part = unicodedata.normalize("NFC", text).strip()
    if not _PART.match(part):
        raise InvalidInput(
            f"{what} không hợp lệ: «{text}» (bad symbol part)",
            value=text,
        )
    return part


def build_symbol(kind: DocumentKind, agency: str, unit: str | None = None) -> str:
    """``QĐ-UBND`` for a kind with an abbreviation; ``UBND-VP`` (agency-unit) for a công văn.

    (check) Thư công has no abbreviation either and is given the công văn form. A unit after a
    kind's symbol (``BC-UBND-VP``) is accepted because agencies use it, though Decree 30 shows none.
    """
    agency_part = _clean_part(agency, "Viết tắt tên cơ quan")
    if kind.abbreviation is None:
        if unit is None:
            raise InvalidInput(
                "Công văn cần viết tắt tên đơn vị soạn thảo (công văn symbol needs a unit)"
            )
        return agency_part + "-" + _clean_part(unit, "Viết tắt tên đơn vị")
    if unit is not None:
        return (
            kind.abbreviation + "-" + agency_part + "-" + _clean_part(unit, "Viết tắt tên đơn vị")
        )
    return kind.abbreviation + "-" + agency_part


def format_number(number: int) -> str:
    """Numbers below 10 carry a leading zero: 5 → "05", 123 → "123"."""
    if number < 1:
        raise InvalidInput("Số văn bản phải từ 1 (number must be >= 1)", number=number)
    return f"{number:02d}"


def format_code(number: int, symbol: str) -> str:
    """``05/QĐ-UBND``: the number and symbol as printed on the document."""
    return format_number(number) + "/" + _normalise_symbol(symbol)


def _normalise_symbol(symbol: str) -> str:
    parts = unicodedata.normalize("NFC", symbol).split("-")
    return "-".join(_clean_part(p, "Ký hiệu văn bản") for p in parts)


_CODE = re.compile(r"^(?:s[ốo]\s*:?\s*)?(\d+)\s*/\s*(.+)$", re.IGNORECASE)


def parse_code(text: str) -> tuple[int, str]:
    """``"05/QĐ-UBND"`` → ``(5, "QĐ-UBND")``; tolerates spaces, a "Số:" prefix and NFD input."""
    raw = unicodedata.normalize("NFC", text).strip()
    match = _CODE.match(raw)
    if match is None:
        raise InvalidInput(
            f"Số, ký hiệu không hợp lệ: «{text}» (expected NN/SYMBOL)",
            value=text,
        )
    number = int(match.group(1))
    if number < 1:
        raise InvalidInput("Số văn bản phải từ 1 (number must be >= 1)", value=text)
    return number, _normalise_symbol(match.group(2))


# --- edXML DocumentId ----------------------------------------------------------------------------
_AGENCY_CODE = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+){3}$")


@dataclass(frozen=True)
class DocumentId:
    """``<sender agency code>,<yyyy/MM/dd>,<number>/<symbol>`` (edXML ``DocumentId``)."""

    sender: str
    promulgated: date
    number: int
    symbol: str

    def __str__(self) -> str:
        return build_document_id(self.sender, self.promulgated, self.number, self.symbol)


def _check_agency_code(code: str) -> str:
    clean = code.strip()
    if not _AGENCY_CODE.match(clean):
        raise InvalidInput(
            f"Mã định danh cơ quan không hợp lệ: «{code}» (expected four dot-separated groups, "
            "e.g. 000.00.00.H53)",
            value=code,
        )
    return clean


def build_document_id(sender: str, promulgated: date, number: int, symbol: str) -> str:
    """E.g. ``000.00.00.H53,2026/01/05,05/QĐ-UBND``; the code is written as on the paper."""
    return "{sender},{day},{code}".format(
        sender=_check_agency_code(sender),
        day=promulgated.strftime("%Y/%m/%d"),
        code=format_code(number, symbol),
    )


def parse_document_id(text: str) -> DocumentId:
    """The parts of an edXML DocumentId; refuses anything that is not exactly three fields."""
    fields = unicodedata.normalize("NFC", text).strip().split(",")
    if len(fields) != 3:
        raise InvalidInput(
            f"DocumentId không hợp lệ: «{text}» (expected code,yyyy/MM/dd,NN/SYMBOL)",
            value=text,
        )
    sender, day_text, code = (f.strip() for f in fields)
    try:
        promulgated = datetime.strptime(day_text, "%Y/%m/%d").date()
    except ValueError:
        raise InvalidInput(
            f"Ngày trong DocumentId không hợp lệ: «{day_text}» (expected yyyy/MM/dd)",
            value=text,
        ) from None
    number, symbol = parse_code(code)
    return DocumentId(_check_agency_code(sender), promulgated, number, symbol)
