"""Statistics: the numbers (checked against the sample's design), the PDF and the CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from app.domain.calendar import WorkingCalendar
from app.domain.types import Direction
from app.reports.model import StatsReport
from app.reports.stats import stats_csv
from app.services.reports import load_stats, print_stats
from app.services.workspace import Workspace
from tests.reports import sample
from tests.reports.conftest import needs_poppler, pdf_fonts, pdf_pages, squash

Sample = tuple[Workspace, dict[str, int]]
YEAR_START, YEAR_END = date(2025, 1, 1), date(2025, 12, 31)
# Incoming n = 1..40 without the cancelled 12: every 5th still open (overdue at NOW), every 4th
# finished late, the rest on time. Outgoing n = 1..45 without the cancelled 7: signed the same
# day, the day before when n % 5 == 0, a week before when n % 11 == 0; urgent when n % 9 == 0.
INCOMING = [n for n in range(1, sample.N_IN + 1) if n != sample.CANCELLED_IN]
OPEN = [n for n in INCOMING if n % 5 == 0]
LATE = [n for n in INCOMING if n % 4 == 0 and n % 5]


@pytest.fixture(scope="module")
def report(sample_ws: Sample) -> StatsReport:
    ws, _ = sample_ws
    with ws.db.read() as session:
        return load_stats(session, YEAR_START, YEAR_END, WorkingCalendar(), now=sample.NOW)


def test_counts_by_kind(report: StatsReport) -> None:
    assert report.total(Direction.INCOMING) == len(INCOMING)
    assert report.total(Direction.OUTGOING) == sample.N_OUT - 1
    assert report.cancelled(Direction.INCOMING) == report.cancelled(Direction.OUTGOING) == 1
    outgoing = {k.kind: k.count for k in report.kinds if k.direction is Direction.OUTGOING}
    assert outgoing == {"QĐ": 9, "CV": 9, "TB": 8, "KH": 9, "BC": 9}


def test_processing_on_time_late_open(report: StatsReport) -> None:
    o = report.overall
    assert (o.total, o.late, o.open_overdue, o.open_in_time, o.no_deadline) == (
        len(INCOMING),
        len(LATE),
        len(OPEN),
        0,
        0,
    )
    assert o.on_time == len(INCOMING) - len(LATE) - len(OPEN)
    assert o.avg_working_days is not None and 1 <= o.avg_working_days <= 8
    units = {u.name: u.total for u in report.by_unit}
    assert units == {
        sample.UNITS[0]: len([n for n in INCOMING if n % 3 != 1]),
        sample.UNITS[1]: len([n for n in INCOMING if n % 3 == 1]),
    }
    assert sum(p.total for p in report.by_person) == len(INCOMING)
    assert sorted(i.number or 0 for i in report.overdue) == OPEN
    days = [i.overdue_working_days for i in report.overdue]
    assert days == sorted(days, reverse=True) and days[0] > 50  # the most overdue first


def test_issuing_delay_compliance(report: StatsReport) -> None:
    s = report.issuing
    numbers = [n for n in range(1, sample.N_OUT + 1) if n != sample.CANCELLED_OUT]
    later = [n for n in numbers if n % 11 == 0]
    next_day = [n for n in numbers if n % 5 == 0 and n % 11]
    assert (s.total, s.later, s.next_working_day) == (len(numbers), len(later), len(next_day))
    assert s.same_day == len(numbers) - len(later) - len(next_day)
    # Late ones miss the rule; so does urgent 45, issued the day after signing.
    assert s.compliant == len(numbers) - len(later) - 1
    assert s.unsigned == 0


def test_unit_filter(sample_ws: Sample) -> None:
    ws, _ = sample_ws
    with ws.db.read() as session:
        unit = load_stats(
            session, YEAR_START, YEAR_END, WorkingCalendar(), unit=sample.UNITS[1], now=sample.NOW
        )
    assert unit.unit == sample.UNITS[1]
    assert unit.overall.total == len([n for n in INCOMING if n % 3 == 1])
    # Outgoing documents belong to their author's unit: cv2 drafted the even numbers.
    assert unit.total(Direction.OUTGOING) == len(range(2, sample.N_OUT + 1, 2))
    assert [u.name for u in unit.by_unit] == [sample.UNITS[1]]


def test_period_outside_the_data_is_empty_but_prints(sample_ws: Sample, tmp_path: Path) -> None:
    ws, _ = sample_ws
    files = print_stats(
        ws,
        tmp_path / "2024.pdf",
        date_from=date(2024, 1, 1),
        date_to=date(2024, 12, 31),
        now=sample.NOW,
    )
    assert files.report.total(Direction.INCOMING) == 0 and files.report.overall.total == 0
    assert files.pdf.path.stat().st_size > 0


@needs_poppler
def test_stats_pdf(sample_ws: Sample, tmp_path: Path) -> None:
    ws, _ = sample_ws
    files = print_stats(
        ws,
        tmp_path / "tk.pdf",
        date_from=YEAR_START,
        date_to=YEAR_END,
        csv_path=tmp_path / "tk.csv",
        now=sample.NOW,
    )
    pages = pdf_pages(files.pdf.path)
    assert files.pdf.pages == len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"Trang {number}/{len(pages)}" in page
    text = squash(" ".join(pdf_pages(files.pdf.path, raw=True)))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO THỐNG KÊ VĂN BẢN ĐẾN, VĂN BẢN ĐI",
        "Từ ngày 01/01/2025 đến ngày 31/12/2025",
        "I. VĂN BẢN ĐẾN, VĂN BẢN ĐI",
        "Quyết định 8 9",
        "Tổng cộng 39 44",
        "II. GIẢI QUYẾT VĂN BẢN ĐẾN",
        "Đúng hạn: 24 (61,5%)",  # the pie's legend: VNSans labels, decimal comma
        "Văn bản đến",
        "Văn bản đi",
        "III. PHÁT HÀNH VĂN BẢN ĐI",
        "Phát hành trong ngày ký 31 70,5%",
        "IV. VĂN BẢN QUÁ HẠN",
        "(tính đến 01/07/2025 10:00)",
        "Phòng Cải cách hành chính",
    ):
        assert expected in text, expected
    assert all("Liberation" in line for line in pdf_fonts(files.pdf.path))


def test_csv_has_bom_and_the_same_numbers(sample_ws: Sample, tmp_path: Path) -> None:
    ws, _ = sample_ws
    files = print_stats(
        ws,
        tmp_path / "tk.pdf",
        date_from=YEAR_START,
        date_to=YEAR_END,
        csv_path=tmp_path / "tk.csv",
        now=sample.NOW,
    )
    raw = (tmp_path / "tk.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Windows needs it for Vietnamese
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["BÁO CÁO THỐNG KÊ VĂN BẢN ĐẾN, VĂN BẢN ĐI"]
    assert ["Loại văn bản", "Đến", "Đi"] in rows
    assert ["Quyết định", "8", "9"] in rows and ["Tổng cộng", "39", "44"] in rows
    overall = next(r for r in rows if r and r[0] == "Toàn cơ quan")
    avg = files.report.overall.avg_working_days
    assert overall == ["Toàn cơ quan", "39", "24", "7", "0", "8", "0", f"{avg:.1f}"]
    assert ["Phát hành trong ngày ký", "31", "70.5"] in rows
    overdue = rows[rows.index(next(r for r in rows if r and r[0] == "Số đến")) + 1]
    first = files.report.overdue[0]
    assert overdue[:2] == [f"{first.number:02d}", first.code]
    assert overdue[4] == first.deadline.isoformat()  # Excel reads ISO dates in every locale


def test_csv_for_decimal_comma_excel(report: StatsReport) -> None:
    rows = list(csv.reader(io.StringIO(stats_csv(report, delimiter=";")), delimiter=";"))
    assert ["Phát hành trong ngày ký", "31", "70,5"] in rows
