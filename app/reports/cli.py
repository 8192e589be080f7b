"""The ``report`` commands of the command line: registers, the processing slip, statistics.

    python -m app report register --kind outgoing --year 2025 -o so-di-2025.pdf
    python -m app report slip 42 -o phieu-42.pdf
    python -m app report stats --year 2025 [--unit "Phòng Tổng hợp"] -o tk.pdf [--csv tk.csv]

``app.cli`` wires them in with ``add_report_commands``. The layer contract forbids ``app.reports``
to import ``app.services``, so the front end passes in how to open a workspace and the report
service (the ``app.services.reports`` module satisfies ``ReportService``). Nothing heavy is
imported here: ``python -m app --version`` must stay fast.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from app.domain.types import Direction
from app.errors import InvalidInput
from app.reports.model import RenderedPdf

EXIT_OK = 0


class StatsResult(Protocol):
    @property
    def pdf(self) -> RenderedPdf: ...

    @property
    def csv(self) -> Path | None: ...


class ReportService(Protocol):
    """What the commands need from ``app.services.reports`` (``ws`` is its Workspace)."""

    def print_register(
        self,
        ws: Any,
        out_path: Path,
        *,
        direction: Direction,
        year: int | None = ...,
        date_from: date | None = ...,
        date_to: date | None = ...,
        register_id: int | None = ...,
        secret: bool = ...,
        volume: int = ...,
        agency_code: str | None = ...,
    ) -> RenderedPdf: ...

    def print_slip(self, ws: Any, document_id: int, out_path: Path) -> RenderedPdf: ...

    def print_verification(self, ws: Any, document_id: int, out_path: Path) -> Path: ...

    def print_stats(
        self,
        ws: Any,
        out_path: Path,
        *,
        date_from: date,
        date_to: date,
        unit: str = ...,
        csv_path: Path | None = ...,
        csv_delimiter: str = ...,
        agency_code: str | None = ...,
    ) -> StatsResult: ...


class ClosableWorkspace(Protocol):
    def close(self) -> None: ...


WorkspaceOpener = Callable[[argparse.Namespace], ClosableWorkspace]


@dataclass(frozen=True)
class ReportDeps:
    open_workspace: WorkspaceOpener
    service: ReportService


def parse_day(text: str) -> date:
    """dd/mm/yyyy (as clerks write it) or yyyy-mm-dd."""
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {text!r} (dd/mm/yyyy)")


def _period(args: argparse.Namespace) -> tuple[date, date]:
    """--year, or --from/--to (one of them may be left out inside the year)."""
    year = args.year or (args.date_from or args.date_to or date.today()).year
    start = args.date_from or date(year, 1, 1)
    end = args.date_to or date(year, 12, 31)
    if end < start:
        raise InvalidInput(
            f"Khoảng thời gian không hợp lệ: {start:%d/%m/%Y} > {end:%d/%m/%Y} (--from after --to)"
        )
    return start, end


def cmd_report_register(args: argparse.Namespace, deps: ReportDeps) -> int:
    direction = Direction(args.kind)
    ws = deps.open_workspace(args)
    try:
        result = deps.service.print_register(
            ws,
            Path(args.output),
            direction=direction,
            year=args.year,
            date_from=args.date_from,
            date_to=args.date_to,
            register_id=args.register,
            secret=args.secret,
            volume=args.volume,
            agency_code=args.agency,
        )
    finally:
        ws.close()
    word = "đi" if direction is Direction.OUTGOING else "đến"
    print(f"Đã in sổ đăng ký văn bản {word} ({result.pages} trang): {result.path}")
    return EXIT_OK


def cmd_report_slip(args: argparse.Namespace, deps: ReportDeps) -> int:
    ws = deps.open_workspace(args)
    try:
        result = deps.service.print_slip(ws, args.document_id, Path(args.output))
    finally:
        ws.close()
    print(f"Đã in phiếu giải quyết văn bản đến ({result.pages} trang): {result.path}")
    return EXIT_OK


def cmd_report_verification(args: argparse.Namespace, deps: ReportDeps) -> int:
    ws = deps.open_workspace(args)
    try:
        path = deps.service.print_verification(ws, args.document_id, Path(args.output))
    finally:
        ws.close()
    print(f"Đã in báo cáo kiểm tra chữ ký số: {path}")
    return EXIT_OK


def cmd_report_stats(args: argparse.Namespace, deps: ReportDeps) -> int:
    start, end = _period(args)
    ws = deps.open_workspace(args)
    try:
        result = deps.service.print_stats(
            ws,
            Path(args.output),
            date_from=start,
            date_to=end,
            unit=args.unit or "",
            csv_path=Path(args.csv) if args.csv else None,
            csv_delimiter=args.csv_sep,
            agency_code=args.agency,
        )
    finally:
        ws.close()
    print(f"Đã in báo cáo thống kê ({result.pdf.pages} trang): {result.pdf.path}")
    if result.csv is not None:
        print(f"Số liệu CSV (UTF-8): {result.csv}")
    return EXIT_OK


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, help="năm (mặc định: năm của --from, hoặc năm nay)")
    parser.add_argument("--from", dest="date_from", type=parse_day, help="từ ngày (dd/mm/yyyy)")
    parser.add_argument("--to", dest="date_to", type=parse_day, help="đến ngày (dd/mm/yyyy)")
    parser.add_argument("--agency", help="mã định danh cơ quan (mặc định: cơ quan của máy này)")


def add_report_commands(
    subparsers: Any, open_workspace: WorkspaceOpener, service: ReportService
) -> None:
    """Add ``report register|slip|stats`` to the top-level ``subparsers`` of ``app.cli``."""
    deps = ReportDeps(open_workspace, service)
    report = subparsers.add_parser("report", help="in sổ đăng ký, phiếu giải quyết, thống kê")
    actions = report.add_subparsers(
        dest="report_command", metavar="ACTION", parser_class=type(report)
    )
    actions.required = True

    register = actions.add_parser("register", help="sổ đăng ký văn bản đi/đến (PDF)")
    register.add_argument("--kind", required=True, choices=[d.value for d in Direction])
    _period_options(register)
    register.add_argument("--register", type=int, help="mã sổ (mặc định: sổ của năm)")
    register.add_argument("--secret", action="store_true", help="sổ văn bản mật")
    register.add_argument("--volume", type=int, default=1, help="quyển số (mặc định 1)")
    register.add_argument("-o", "--output", required=True, help="tệp PDF")
    register.set_defaults(handler=functools.partial(cmd_report_register, deps=deps))

    slip = actions.add_parser("slip", help="phiếu giải quyết văn bản đến (PDF)")
    slip.add_argument("document_id", type=int, metavar="ID", help="mã văn bản đến")
    slip.add_argument("-o", "--output", required=True, help="tệp PDF")
    slip.set_defaults(handler=functools.partial(cmd_report_slip, deps=deps))

    stats = actions.add_parser("stats", help="báo cáo thống kê (PDF, CSV)")
    _period_options(stats)
    stats.add_argument("--unit", help="đơn vị (phòng, ban), đúng như tên đã lưu")
    stats.add_argument("-o", "--output", required=True, help="tệp PDF")
    stats.add_argument("--csv", help="ghi thêm số liệu ra tệp CSV (UTF-8, Excel đọc được)")
    stats.add_argument(
        "--csv-sep",
        choices=[",", ";"],
        default=",",
        help="dấu phân cách CSV (';' cho Excel dùng dấu phẩy thập phân)",
    )
    stats.set_defaults(handler=functools.partial(cmd_report_stats, deps=deps))

    verification = actions.add_parser(
        "verification", help="báo cáo kiểm tra chữ ký số của một văn bản (PDF)"
    )
    verification.add_argument("document_id", type=int, metavar="ID", help="mã văn bản")
    verification.add_argument("-o", "--output", required=True, help="tệp PDF")
    verification.set_defaults(handler=functools.partial(cmd_report_verification, deps=deps))
