"""The statistics as titled tables of raw values: one definition for the PDF and the CSV.

Both outputs are made from ``stat_tables(report)``, so the spreadsheet always carries exactly
the numbers the printed report shows. Values stay raw here (int, float, date, ``Share``); each
output formats them its own way. Must not: draw or write files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from app.domain.types import Direction
from app.reports.labels import kind_label
from app.reports.model import HandlingStats, StatsReport
from app.reports.text import fmt_date, fmt_datetime, fmt_number

Value = str | int | float | date | None


@dataclass(frozen=True)
class Share:
    """A part of a whole: printed "87,5%", written to CSV as 87.5."""

    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        return round(100.0 * self.part / self.whole, 1) if self.whole else None


@dataclass(frozen=True)
class StatTable:
    key: str  # stable id for tests and for picking a chart's numbers
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Value | Share, ...], ...]
    text_columns: int = 1  # the first columns hold text; the rest are numbers
    total_last: bool = False  # the last row is a total (printed bold)


HANDLING_HEADER = (
    "Tổng số",
    "Đúng hạn",
    "Trễ hạn",
    "Đang xử lý trong hạn",
    "Quá hạn chưa xong",
    "Không có hạn",
    "Thời gian xử lý TB (ngày làm việc)",
)


def _handling_row(stats: HandlingStats) -> tuple[Value, ...]:
    avg = round(stats.avg_working_days, 1) if stats.avg_working_days is not None else None
    return (
        stats.name,
        stats.total,
        stats.on_time,
        stats.late,
        stats.open_in_time,
        stats.open_overdue,
        stats.no_deadline,
        avg,
    )


def kind_totals(report: StatsReport) -> list[tuple[str, int, int]]:
    """(kind name, incoming, outgoing) per kind, the most frequent first; cancelled excluded."""
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k in report.kinds:
        column = 0 if k.direction is Direction.INCOMING else 1
        per_kind[kind_label(k.kind) or "(Không rõ loại)"][column] += k.count
    ordered = sorted(per_kind.items(), key=lambda item: (-sum(item[1]), item[0]))
    return [(name, inc, out) for name, (inc, out) in ordered if inc or out]


def kinds_table(report: StatsReport) -> StatTable:
    rows: list[tuple[Value | Share, ...]] = list(kind_totals(report))
    cancelled_in = report.cancelled(Direction.INCOMING)
    cancelled_out = report.cancelled(Direction.OUTGOING)
    if cancelled_in or cancelled_out:
        rows.append(("Số đã hủy (không tính ở trên)", cancelled_in, cancelled_out))
    rows.append(("Tổng cộng", report.total(Direction.INCOMING), report.total(Direction.OUTGOING)))
    return StatTable(
        "kinds",
        "Số lượng văn bản đến, đi theo loại",
        ("Loại văn bản", "Đến", "Đi"),
        tuple(rows),
        total_last=True,
    )


def handling_table(
    key: str,
    title: str,
    first: str,
    groups: tuple[HandlingStats, ...],
    overall: HandlingStats | None,
) -> StatTable:
    rows = [_handling_row(s) for s in groups]
    if overall is not None:
        rows.append(_handling_row(overall))
    return StatTable(
        key, title, (first, *HANDLING_HEADER), tuple(rows), total_last=overall is not None
    )


def issuing_table(report: StatsReport) -> StatTable:
    s = report.issuing
    rows: tuple[tuple[Value | Share, ...], ...] = (
        ("Văn bản đi có thời điểm ký số của lãnh đạo", s.total, None),
        ("Phát hành trong ngày ký", s.same_day, Share(s.same_day, s.total)),
        (
            "Phát hành ngày làm việc tiếp theo",
            s.next_working_day,
            Share(s.next_working_day, s.total),
        ),
        ("Phát hành muộn hơn", s.later, Share(s.later, s.total)),
        (
            "Đúng quy định (trong ngày ký hoặc ngày làm việc tiếp theo; văn bản khẩn: ngay "
            "sau khi ký)",
            s.compliant,
            Share(s.compliant, s.total),
        ),
        ("Không có thời điểm ký số của lãnh đạo (không tính ở trên)", s.unsigned, None),
    )
    return StatTable(
        "issuing", "Thời gian phát hành văn bản đi", ("Chỉ tiêu", "Số văn bản", "Tỷ lệ"), rows
    )


def overdue_table(report: StatsReport) -> StatTable:
    rows = tuple(
        (fmt_number(i.number), i.code, i.subject, i.handler, i.deadline, i.overdue_working_days)
        for i in report.overdue
    )
    return StatTable(
        "overdue",
        f"Văn bản đến quá hạn chưa giải quyết (tính đến {fmt_datetime(report.generated_at)})",
        (
            "Số đến",
            "Số, ký hiệu",
            "Trích yếu",
            "Đơn vị, người xử lý",
            "Hạn xử lý",
            "Số ngày quá hạn (ngày làm việc)",
        ),
        rows,
        text_columns=5,
    )


def stat_tables(report: StatsReport) -> list[StatTable]:
    """Every table of the report, in printing order."""
    return [
        kinds_table(report),
        handling_table(
            "by_unit",
            "Giải quyết văn bản đến theo đơn vị chủ trì",
            "Đơn vị",
            report.by_unit,
            report.overall,
        ),
        handling_table(
            "by_person",
            "Giải quyết văn bản đến theo người chủ trì",
            "Người xử lý",
            report.by_person,
            None,
        ),
        issuing_table(report),
        overdue_table(report),
    ]


def period_line(report: StatsReport) -> str:
    unit = f" — Đơn vị: {report.unit}" if report.unit else ""
    return f"Từ ngày {fmt_date(report.date_from)} đến ngày {fmt_date(report.date_to)}{unit}"
