"""The shared machinery: streaming rows, wrapping, "Trang x/y" and atomic output."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from reportlab.platypus import PageBreak, Paragraph

from app.domain.types import Direction
from app.reports import registers
from app.reports.fonts import SERIF, register_reportlab_fonts
from app.reports.layout import build_simple, styles, write_pdf
from app.reports.model import RegisterInfo, RegisterRow
from app.reports.text import fmt_count, fmt_date, fmt_percent, wrap
from tests.reports.conftest import needs_poppler, pdf_pages


def _row(n: int) -> RegisterRow:
    return RegisterRow(
        number=n,
        code=f"{n:02d}/QĐ-UBND",
        doc_date=date(2025, 1, 2),
        arrived_at=None,
        kind="QĐ",
        subject="về việc giao chỉ tiêu biên chế năm 2025",
        sender="",
        signer="",
        recipients="",
        holder="",
        copies=None,
        transferred_on=None,
        note="",
    )


def _info(count: int) -> RegisterInfo:
    return RegisterInfo(
        direction=Direction.OUTGOING,
        register_name="",
        agency_name="Ủy ban nhân dân xã Si Pa Phìn",
        parent_agency_name="",
        year=2025,
        volume=1,
        date_from=None,
        date_to=None,
        first_number=1,
        last_number=count,
        count=count,
        cancelled=0,
    )


def test_rows_are_pulled_a_chunk_at_a_time() -> None:
    register_reportlab_fonts()
    pulled = 0

    def endless() -> Iterator[RegisterRow]:
        nonlocal pulled
        for n in itertools.count(1):
            pulled += 1
            yield _row(n)

    geo = registers._Geometry(registers.OUTGOING_COLUMNS)
    chunks = registers._row_chunks(endless(), registers.OUTGOING_COLUMNS, geo)
    next(chunks)
    assert pulled == registers.CHUNK_ROWS  # never the whole register
    next(chunks)
    assert pulled == 2 * registers.CHUNK_ROWS


def test_wrap() -> None:
    register_reportlab_fonts()
    assert wrap("", SERIF, 9, 50) == [""]
    lines = wrap("Ủy ban nhân dân tỉnh Điện Biên", SERIF, 9, 60)
    assert " ".join(lines) == "Ủy ban nhân dân tỉnh Điện Biên" and len(lines) > 1
    long_word = "https://dichvucong.dienbien.gov.vn/" * 3
    pieces = wrap(long_word, SERIF, 9, 60)
    assert "".join(pieces) == long_word and len(pieces) > 2


def test_formats() -> None:
    assert fmt_count(20000) == "20.000"
    assert fmt_percent(1, 3) == "33,3%" and fmt_percent(1, 0) == "—"
    assert fmt_date(None) == "" and fmt_date(date(2025, 3, 5)) == "05/03/2025"


@needs_poppler
def test_page_numbers_know_the_total(tmp_path: Path) -> None:
    st = styles()
    story = [
        Paragraph("Trang một", st["body"]),
        PageBreak(),
        Paragraph("Hai", st["body"]),
        PageBreak(),
        Paragraph("Ba", st["body"]),
    ]
    pages = 0

    def build(handle: object) -> None:
        nonlocal pages
        pages = build_simple(handle, story, title="Thử", footer="Chân trang")

    write_pdf(tmp_path / "t.pdf", build)
    text = pdf_pages(tmp_path / "t.pdf")
    assert pages == 3 and [f"Trang {i}/3" in p for i, p in enumerate(text, 1)] == [True] * 3


def test_a_failed_render_leaves_nothing_behind(tmp_path: Path) -> None:
    def broken() -> Iterator[RegisterRow]:
        yield _row(1)
        raise RuntimeError("database went away")

    out = tmp_path / "so.pdf"
    with pytest.raises(RuntimeError):
        registers.render_register(_info(2), broken(), out)
    assert list(tmp_path.iterdir()) == []


@needs_poppler
def test_two_thousand_rows(tmp_path: Path) -> None:
    """A quick scale check (the 20,000-row measurement is tests/reports/measure_register.py)."""
    result = registers.render_register(
        _info(2000), (_row(n) for n in range(1, 2001)), tmp_path / "so.pdf"
    )
    pages = pdf_pages(result.path)
    assert len(pages) == result.pages > 50
    assert "2000/QĐ-UBND" in pages[-1] or "2000/QĐ-UBND" in pages[-2]
    assert f"Trang {result.pages - 1}/{result.pages - 1}" in pages[-1]
