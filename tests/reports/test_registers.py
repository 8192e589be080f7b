"""The printed registers: Annex IV columns on every page, cover, closing line, page numbers."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from app.domain.types import Direction, Verdict
from app.reports.registers import INCOMING_COLUMNS, OUTGOING_COLUMNS, render_register
from app.services.reports import iter_register_rows, print_register, register_info
from app.services.workspace import Workspace
from tests.reports import sample
from tests.reports.conftest import needs_poppler, pdf_fonts, pdf_pages, squash

pytestmark = needs_poppler

OUT_HEADS = [
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
    "Chữ ký số",
]
IN_HEADS = [
    "Ngày đến",
    "Số đến",
    "Tác giả",
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Đơn vị hoặc người nhận",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
    "Chữ ký số",
]
Sample = tuple[Workspace, dict[str, int]]


@pytest.fixture(scope="module")
def outgoing_pdf(sample_ws: Sample, tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws, _ = sample_ws
    out = tmp_path_factory.mktemp("reg") / "so-di.pdf"
    result = print_register(ws, out, direction=Direction.OUTGOING, year=sample.YEAR)
    assert result.path == out and result.pages == len(pdf_pages(out))
    return out


@pytest.fixture(scope="module")
def incoming_pdf(sample_ws: Sample, tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws, _ = sample_ws
    out = tmp_path_factory.mktemp("reg") / "so-den.pdf"
    print_register(ws, out, direction=Direction.INCOMING, year=sample.YEAR)
    return out


def test_columns_are_annex_iv_in_order_plus_the_verdict() -> None:
    assert [c.heading for c in OUTGOING_COLUMNS] == OUT_HEADS
    assert [c.heading for c in INCOMING_COLUMNS] == IN_HEADS


def test_cover_page(outgoing_pdf: Path) -> None:
    cover = pdf_pages(outgoing_pdf)[0]
    for line in (
        "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
        "SỞ NỘI VỤ TỈNH ĐIỆN BIÊN",
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Năm: 2025",
        "Từ số 01 đến số 45",
        "Quyển số: 01",
    ):
        assert line in cover
    assert re.search(r"Từ ngày \d\d/\d\d/2025 đến ngày \d\d/\d\d/2025", cover)
    assert "Trang" not in cover  # the cover is not numbered


def test_every_page_has_the_column_heads_and_its_number(outgoing_pdf: Path) -> None:
    pages = pdf_pages(outgoing_pdf)[1:]
    raw = pdf_pages(outgoing_pdf, raw=True)[1:]  # drawing order: a wrapped head stays together
    total = len(pages)
    assert total >= 4
    for number, (page, flat) in enumerate(zip(pages, map(squash, raw), strict=True), start=1):
        assert f"Trang {number}/{total}" in page
        # A last page that holds only the closing lines has no rows, hence no heads.
        if number < total or re.search(r"\d\d/[A-ZĐ]+-", flat):
            for head in ("Tên loại và trích yếu nội dung văn bản", "Người ký", "(1)", "(11)"):
                assert head in flat, (number, head)
            assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI — NĂM 2025 — QUYỂN SỐ 01" in page


def test_rows_text_is_exact_vietnamese(outgoing_pdf: Path) -> None:
    flat = squash(" ".join(pdf_pages(outgoing_pdf, raw=True)))
    expected = unicodedata.normalize("NFC", "Thông báo " + sample.NFD_SUBJECT)  # number 02
    assert sample.out_code(5) == "05/QĐ-SNV" and "05/QĐ-SNV" in flat
    assert "Quyết định về việc phê duyệt kế hoạch đào tạo, bồi dưỡng cán bộ" in flat
    assert expected in flat  # decomposed input comes out composed
    assert unicodedata.normalize("NFD", expected) not in flat
    assert "01/SNV-TCCB" in flat and "Công văn V/v triển khai thực hiện Đề án" in flat
    assert "Văn phòng UBND tỉnh; UBND xã Mường Chà" in flat
    assert "Phòng Tổ chức cán bộ – Lường Văn Minh" in flat
    for word in ("Hợp lệ", "Không hợp lệ", "Chưa kiểm tra"):
        assert word in flat


def test_cancelled_number_keeps_its_row_and_reason(outgoing_pdf: Path) -> None:
    flat = squash(" ".join(pdf_pages(outgoing_pdf, raw=True)))
    assert sample.out_code(sample.CANCELLED_OUT) in flat
    assert f"Số đã hủy: {sample.CANCEL_REASON}" in flat


def test_a_row_longer_than_a_page_continues_on_the_next(outgoing_pdf: Path) -> None:
    pages = pdf_pages(outgoing_pdf, raw=True)
    start = next(i for i, p in enumerate(pages) if sample.out_code(sample.LONG_OUT) in p)
    end = next(i for i, p in enumerate(pages) if sample.END_MARK in p)
    assert end > start
    assert sample.out_code(sample.LONG_OUT + 1) in squash(" ".join(pages[end:]))


def test_closing_line_with_totals_and_page_count(outgoing_pdf: Path) -> None:
    pages = pdf_pages(outgoing_pdf)
    last = squash(pages[-1])
    assert "Khóa sổ: đăng ký từ số 01 đến số 45; tổng cộng 45 số, trong đó 1 số đã hủy" in last
    assert f"Tổng số trang của sổ (không kể trang bìa): {len(pages) - 1}" in last
    assert "NGƯỜI LẬP SỔ" in last


def test_only_embedded_fonts_never_base14(outgoing_pdf: Path, incoming_pdf: Path) -> None:
    for pdf in (outgoing_pdf, incoming_pdf):
        fonts = pdf_fonts(pdf)
        assert fonts
        for line in fonts:
            assert "Liberation" in line and " yes yes " in line, line


def test_incoming_register(incoming_pdf: Path) -> None:
    pages = pdf_pages(incoming_pdf)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in pages[0]
    assert "Từ số 01 đến số 40" in pages[0]
    for page in pdf_pages(incoming_pdf, raw=True)[1:-1]:
        flat = squash(page)
        for head in ("Ngày đến", "Số đến", "Tác giả", "Đơn vị hoặc người nhận", "(11)"):
            assert head in flat
    flat = squash(" ".join(pdf_pages(incoming_pdf, raw=True)))
    assert "Ủy ban nhân dân xã Mường Chà" in flat
    assert "Số đã hủy: Vào sổ nhầm" in flat
    assert "Cần xem xét" in flat
    assert "Thượng khẩn" in flat
    assert "Tổng số trang của sổ (không kể trang bìa)" in squash(pages[-1])


def test_date_range_limits_rows_and_cover(sample_ws: Sample, tmp_path: Path) -> None:
    ws, ids = sample_ws
    start, end = date(2025, 3, 1), date(2025, 3, 31)
    with ws.db.read() as session:
        info = register_info(session, ids["out_register"], date_from=start, date_to=end)
        rows = list(
            iter_register_rows(session, ids["out_register"], date_from=start, date_to=end, batch=3)
        )
    assert info.count == len(rows) > 0
    assert [r.number for r in rows] == sorted(r.number for r in rows)
    assert all(start <= r.doc_date <= end for r in rows if r.doc_date)
    out = print_register(
        ws, tmp_path / "q1.pdf", direction=Direction.OUTGOING, date_from=start, date_to=end
    )
    cover = pdf_pages(out.path)[0]
    assert "Từ ngày 01/03/2025 đến ngày 31/03/2025" in cover
    assert f"Từ số {rows[0].number:02d} đến số {rows[-1].number:02d}" in cover


def test_rows_carry_the_worst_verdict(sample_ws: Sample) -> None:
    ws, ids = sample_ws
    with ws.db.read() as session:
        rows = {r.number: r for r in iter_register_rows(session, ids["out_register"])}
    assert rows[3].verdict is Verdict.INVALID
    assert rows[4].verdict is None and rows[4].signed  # one signature never verified
    assert rows[1].verdict is Verdict.VALID
    assert rows[sample.CANCELLED_OUT].cancelled and not rows[sample.CANCELLED_OUT].signed
    assert rows[1].copies == 2 and rows[1].transferred_on == rows[1].doc_date


def test_empty_register_still_prints(tmp_path: Path) -> None:
    from app.reports.model import RegisterInfo

    info = RegisterInfo(
        direction=Direction.INCOMING,
        register_name="",
        agency_name="Ủy ban nhân dân xã Nà Tấu",
        parent_agency_name="",
        year=2026,
        volume=2,
        date_from=None,
        date_to=None,
        first_number=None,
        last_number=None,
        count=0,
        cancelled=0,
    )
    result = render_register(info, iter(()), tmp_path / "empty.pdf")
    pages = pdf_pages(result.path)
    assert "Quyển số: 02" in pages[0] and "Từ số ……………" in pages[0]
    assert "Không có văn bản nào trong sổ." in pages[1]
    assert "Khóa sổ: sổ không có văn bản nào." in squash(pages[-1])
