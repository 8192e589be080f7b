"""Leaf values: strict formatting, liberal parsing, safe file names."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from app.sync.edxml.values import (
    VIETNAM,
    canonical_text,
    format_date,
    format_timestamp,
    parse_date,
    parse_int,
    parse_timestamp,
    safe_file_name,
)


def test_formats() -> None:
    assert format_date(date(2024, 1, 2)) == "2024/01/02"
    assert format_timestamp(datetime(2024, 1, 2, 3, 4, 5)) == "2024/01/02 03:04:05"
    paris = timezone(timedelta(hours=1))
    assert format_timestamp(datetime(2024, 1, 2, 23, 0, tzinfo=paris)) == "2024/01/03 05:00:00"


@pytest.mark.parametrize(
    "text", ["2024/13/01", "2024/02/30", "yesterday", "", "2024/01/01 25:00:00", "20240101"]
)
def test_bad_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_timestamp(text)


def test_am_pm_and_offsets() -> None:
    assert parse_timestamp("2024/01/02 12:05:00 AM") == datetime(2024, 1, 2, 0, 5, tzinfo=VIETNAM)
    assert parse_timestamp("2024/01/02 12:05 pm") == datetime(2024, 1, 2, 12, 5, tzinfo=VIETNAM)
    assert parse_timestamp("2024-01-02T00:00:00-0500") == datetime(2024, 1, 2, 12, tzinfo=VIETNAM)
    assert parse_date("02-01-2024 08:00") == date(2024, 1, 2)


def test_ints() -> None:
    assert parse_int(" 04 ") == 4
    for bad in ("", "1.5", "một", "1e3", "9" * 40):
        with pytest.raises(ValueError):
            parse_int(bad)


def test_canonical_text() -> None:
    assert canonical_text(" a\r\nb\rc\n ") == "a\nb\nc"
    assert canonical_text("Tie\u0302\u0301ng Vie\u0323\u0302t") == "Tiếng Việt"


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("Tờ trình.pdf", "Tờ trình.pdf"),
        ("C:\\Users\\vt\\Desktop\\Tờ trình.pdf", "Tờ trình.pdf"),
        ("/tmp/../../etc/passwd", "passwd"),
        ("..", ""),
        ("a<b>:c?.pdf", "a_b__c_.pdf"),
        ("CON.txt", "_CON.txt"),
        (" .hidden. ", "hidden"),
        ("x" * 300 + ".docx", "x" * 195 + ".docx"),
    ],
)
def test_safe_file_names(raw: str, safe: str) -> None:
    assert safe_file_name(raw) == safe
