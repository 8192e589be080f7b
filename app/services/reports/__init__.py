"""Report use cases: the printable registers, the processing slip and the statistics.

Each ``print_*`` opens one read transaction, runs the queries of this package and hands frozen
rows to a renderer in ``app.reports``; the register's rows are a generator, so a 20,000-entry
register streams from the database into the PDF. The renderers (and reportlab) are imported
inside the functions: importing this package stays cheap for the command line's start.
Must not: write to the database or draw by itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app import settings as S
from app.domain.calendar import WorkingCalendar
from app.domain.types import Direction
from app.reports.model import RegisterInfo, RegisterRow, RenderedPdf, SlipData, StatsReport
from app.services.reports.choices import RegisterChoice, list_registers, list_units
from app.services.reports.registers import (
    find_register,
    iter_register_rows,
    local_agency,
    register_info,
)
from app.services.reports.slip import load_slip
from app.services.reports.stats import load_stats
from app.services.working_days import calendar_for
from app.services.workspace import Workspace

__all__ = [
    "RegisterChoice",
    "StatsFiles",
    "find_register",
    "iter_register_rows",
    "list_registers",
    "list_units",
    "load_slip",
    "load_stats",
    "local_agency",
    "print_register",
    "print_slip",
    "print_stats",
    "print_verification",
    "register_info",
]


def _agency_code(ws: Workspace, agency_code: str | None) -> str | None:
    return agency_code or ws.settings.get(S.AGENCY_CODE) or None


def print_register(
    ws: Workspace,
    out_path: Path,
    *,
    direction: Direction,
    year: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    register_id: int | None = None,
    secret: bool = False,
    volume: int = 1,
    agency_code: str | None = None,
) -> RenderedPdf:
    """Print a register for a year (or a date range within it) to ``out_path``."""
    from app.reports.registers import render_register

    if year is None:
        year = (date_from or date_to or date.today()).year
    with ws.db.read() as session:
        if register_id is None:
            register_id = find_register(
                session,
                direction,
                year,
                secret=secret,
                agency_code=_agency_code(ws, agency_code),
            )
        info: RegisterInfo = register_info(
            session, register_id, date_from=date_from, date_to=date_to, volume=volume
        )
        rows: Iterator[RegisterRow] = iter_register_rows(
            session, register_id, date_from=date_from, date_to=date_to
        )
        return render_register(info, rows, out_path)


def print_slip(
    ws: Workspace,
    document_id: int,
    out_path: Path,
    *,
    calendar: WorkingCalendar | None = None,
    now: datetime | None = None,
) -> RenderedPdf:
    """Print the Phiếu giải quyết văn bản đến of one incoming document."""
    from app.reports.slip import render_slip

    with ws.db.read() as session:
        data: SlipData = load_slip(
            session, document_id, calendar or calendar_for(ws.settings), now=now
        )
    return render_slip(data, out_path)


@dataclass(frozen=True)
class StatsFiles:
    pdf: RenderedPdf
    csv: Path | None
    report: StatsReport


def print_stats(
    ws: Workspace,
    out_path: Path,
    *,
    date_from: date,
    date_to: date,
    unit: str = "",
    csv_path: Path | None = None,
    csv_delimiter: str = ",",
    agency_code: str | None = None,
    calendar: WorkingCalendar | None = None,
    now: datetime | None = None,
) -> StatsFiles:
    """Print the statistics of a period (PDF with charts) and, if asked, the same numbers as CSV.

    ``calendar``: the working-day calendar; by default the workspace's (the holidays, the swaps
    seeded in ``app.domain.calendar`` and the administrator's ``calendar_overrides``).
    """
    from app.reports.stats import render_stats, write_stats_csv

    with ws.db.read() as session:
        report = load_stats(
            session,
            date_from,
            date_to,
            calendar or calendar_for(ws.settings),
            unit=unit,
            agency_code=_agency_code(ws, agency_code),
            now=now,
        )
    pdf = render_stats(report, out_path)
    if csv_path is not None:
        write_stats_csv(report, csv_path, delimiter=csv_delimiter)
    return StatsFiles(pdf, csv_path, report)


def print_verification(ws: Workspace, document_id: int, out_path: Path) -> Path:
    """Verify the current main file of a document now and print the verification report.

    Runs the same offline check as receiving (worker process, the workspace's trust pack, the
    revocation cache), so the report says what the clerk's screen says.
    """
    import sqlalchemy as sa

    from app.domain.types import FileRole
    from app.errors import NotFound
    from app.models import Document, DocumentFile
    from app.reports.verification import render_verification_report
    from app.services.documents.verification import default_verifier

    with ws.db.read() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise NotFound(f"no document with id {document_id}", id=document_id)
        main = session.scalars(
            sa.select(DocumentFile)
            .where(
                DocumentFile.document_id == document_id,
                DocumentFile.role == FileRole.MAIN,
                DocumentFile.superseded_by_id.is_(None),
            )
            .order_by(DocumentFile.id.desc())
        ).first()
        if main is None:
            raise NotFound(f"document {document_id} has no main file", id=document_id)
        title, name, digest = f"{doc.code} — {doc.subject}", main.name, main.sha256
    verdict = default_verifier(ws)(ws.files.path_for(digest))
    return render_verification_report(
        verdict, document_title=title, file_name=name, out_path=out_path
    )
