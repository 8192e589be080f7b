"""Register numbers, symbols, codes and edXML DocumentIds."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.domain.calendar import VN_TZ
from app.domain.kinds import DocumentKind
from app.domain.numbering import (
    Allocation,
    DocumentId,
    RegisterEntry,
    RegisterKind,
    RegisterSnapshot,
    RegisterYearMismatch,
    allocate_number,
    build_document_id,
    build_symbol,
    check_continuity,
    format_code,
    format_number,
    parse_code,
    parse_document_id,
    register_for,
    register_year,
    require_reason,
)
from app.domain.types import Direction, Secrecy
from app.errors import InvalidInput, NumberingConflict

K = DocumentKind


# --- allocation and the year boundary ------------------------------------------------------------
def test_first_number_of_the_year() -> None:
    assert allocate_number(RegisterSnapshot(2025), date(2025, 1, 1)) == Allocation(1, 2025, 2)
    assert allocate_number(RegisterSnapshot(2025, 512), date(2025, 6, 1)) == Allocation(
        512, 2025, 513
    )


def test_year_boundary_is_midnight_in_vietnam_not_in_utc() -> None:
    old = RegisterSnapshot(2025, 512)
    last_second = datetime(2025, 12, 31, 16, 59, 59, tzinfo=UTC)  # 23:59:59 +07:00
    assert allocate_number(old, last_second).number == 512
    assert allocate_number(old, datetime(2025, 12, 31, 23, 59, 59, tzinfo=VN_TZ)).number == 512
    new_year = datetime(2025, 12, 31, 17, 0, 0, tzinfo=UTC)  # 00:00 +07:00 on 1 January
    assert register_year(new_year) == 2026
    with pytest.raises(RegisterYearMismatch) as caught:
        allocate_number(old, new_year)
    assert caught.value.params == {"register_year": 2025, "year": 2026}
    assert allocate_number(RegisterSnapshot(2026), new_year) == Allocation(1, 2026, 2)
    assert allocate_number(RegisterSnapshot(2026), datetime(2026, 1, 1, tzinfo=VN_TZ)).number == 1


def test_a_new_years_morning_in_vietnam_is_still_last_year_elsewhere() -> None:
    new_york = timezone(timedelta(hours=-5))
    moment = datetime(2025, 12, 31, 13, 0, tzinfo=new_york)  # 01:00 on 1 January in Vietnam
    assert register_year(moment) == 2026


def test_backdating_into_last_years_register_is_refused_too() -> None:
    with pytest.raises(RegisterYearMismatch):
        allocate_number(RegisterSnapshot(2026, 3), date(2025, 12, 31))


def test_year_mismatch_is_a_numbering_conflict_with_its_own_code() -> None:
    assert issubclass(RegisterYearMismatch, NumberingConflict)
    assert RegisterYearMismatch.code == "register_year_mismatch"


def test_bad_inputs() -> None:
    with pytest.raises(InvalidInput):
        RegisterSnapshot(2025, 0)
    with pytest.raises(InvalidInput):
        allocate_number(RegisterSnapshot(2025), datetime(2025, 5, 1, 9))


@pytest.mark.parametrize(
    ("direction", "secrecy", "register"),
    [
        (Direction.OUTGOING, Secrecy.NONE, RegisterKind.OUTGOING),
        (Direction.OUTGOING, Secrecy.MAT, RegisterKind.OUTGOING_SECRET),
        (Direction.OUTGOING, Secrecy.TOI_MAT, RegisterKind.OUTGOING_SECRET),
        (Direction.OUTGOING, Secrecy.TUYET_MAT, RegisterKind.OUTGOING_SECRET),
        (Direction.INCOMING, Secrecy.NONE, RegisterKind.INCOMING),
        (Direction.INCOMING, Secrecy.MAT, RegisterKind.INCOMING_SECRET),
        (Direction.INCOMING, Secrecy.TOI_MAT, RegisterKind.INCOMING_SECRET),
        (Direction.INCOMING, Secrecy.TUYET_MAT, RegisterKind.INCOMING_SECRET),
    ],
)
def test_secret_documents_have_their_own_register(
    direction: Direction, secrecy: Secrecy, register: RegisterKind
) -> None:
    assert register_for(direction, secrecy) is register


# --- continuity and cancellation ----------------------------------------------------------------
def test_continuity() -> None:
    check_continuity([])
    check_continuity([RegisterEntry(1), RegisterEntry(2, "Sai thể thức"), RegisterEntry(3)])
    check_continuity([RegisterEntry(2), RegisterEntry(1)])
    with pytest.raises(NumberingConflict) as gap:
        check_continuity([RegisterEntry(1), RegisterEntry(3)])
    assert gap.value.params["missing"] == [2]
    with pytest.raises(NumberingConflict) as dup:
        check_continuity([RegisterEntry(1), RegisterEntry(2), RegisterEntry(2)])
    assert dup.value.params["duplicates"] == [2]
    with pytest.raises(NumberingConflict):
        check_continuity([RegisterEntry(2)])
    with pytest.raises(InvalidInput):
        check_continuity([RegisterEntry(1, "   ")])


def test_reasons() -> None:
    assert require_reason("  Sai số liệu ") == "Sai số liệu"
    assert require_reason(unicodedata.normalize("NFD", "Hủy")) == "Hủy"
    for blank in (None, "", " \t\n"):
        with pytest.raises(InvalidInput):
            require_reason(blank)


# --- formatting ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("n", "text"), [(1, "01"), (5, "05"), (9, "09"), (10, "10"), (123, "123")])
def test_leading_zero_below_ten(n: int, text: str) -> None:
    assert format_number(n) == text


def test_number_zero_is_refused() -> None:
    with pytest.raises(InvalidInput):
        format_number(0)


@pytest.mark.parametrize(
    ("kind", "agency", "unit", "symbol"),
    [
        (K.QUYET_DINH, "UBND", None, "QĐ-UBND"),
        (K.QUY_DINH, "UBND", None, "QyĐ-UBND"),
        (K.TO_TRINH, "SNV", None, "TTr-SNV"),
        (K.BAO_CAO, "UBND", "VP", "BC-UBND-VP"),
        (K.CONG_VAN, "UBND", "VP", "UBND-VP"),
        (K.CONG_VAN, "VPCP", "TTĐT", "VPCP-TTĐT"),
        (K.THU_CONG, "UBND", "VP", "UBND-VP"),
        (K.NGHI_QUYET, " HĐND ", None, "NQ-HĐND"),
    ],
)
def test_symbols(kind: DocumentKind, agency: str, unit: str | None, symbol: str) -> None:
    assert build_symbol(kind, agency, unit) == symbol


def test_symbols_are_nfc_even_from_nfd_input() -> None:
    symbol = build_symbol(K.CONG_VAN, "VPCP", unicodedata.normalize("NFD", "TTĐT"))
    assert symbol == "VPCP-TTĐT" and unicodedata.is_normalized("NFC", symbol)


@pytest.mark.parametrize(
    ("kind", "agency", "unit"),
    [
        (K.CONG_VAN, "UBND", None),
        (K.QUYET_DINH, "UB ND", None),
        (K.QUYET_DINH, "UBND/X", None),
        (K.QUYET_DINH, "", None),
        (K.CONG_VAN, "UBND", "V-P"),
    ],
)
def test_bad_symbol_parts(kind: DocumentKind, agency: str, unit: str | None) -> None:
    with pytest.raises(InvalidInput):
        build_symbol(kind, agency, unit)


def test_format_code() -> None:
    assert format_code(5, "QĐ-UBND") == "05/QĐ-UBND"
    assert format_code(123, "UBND-VP") == "123/UBND-VP"
    assert format_code(7, unicodedata.normalize("NFD", "QĐ-UBND")) == "07/QĐ-UBND"


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("05/QĐ-UBND", (5, "QĐ-UBND")),
        ("5/QĐ-UBND", (5, "QĐ-UBND")),
        (" 05 / QĐ - UBND ", (5, "QĐ-UBND")),
        ("Số: 05/QĐ-UBND", (5, "QĐ-UBND")),
        ("số 05/QĐ-UBND", (5, "QĐ-UBND")),
        ("SỐ:123/UBND-VP", (123, "UBND-VP")),
        (unicodedata.normalize("NFD", "05/QĐ-UBND"), (5, "QĐ-UBND")),
        ("7816/VPCP-TTĐT", (7816, "VPCP-TTĐT")),
        ("12/QyĐ-UBND", (12, "QyĐ-UBND")),
    ],
)
def test_parse_code(text: str, parsed: tuple[int, str]) -> None:
    number, symbol = parse_code(text)
    assert (number, symbol) == parsed
    assert unicodedata.is_normalized("NFC", symbol)


@pytest.mark.parametrize(
    "text", ["", "QĐ-UBND", "05/", "0/QĐ-UBND", "05/QĐ--UBND", "05/QĐ UBND", "abc/QĐ", "05-QĐ"]
)
def test_parse_code_refuses(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_code(text)


# --- edXML DocumentId ----------------------------------------------------------------------------
def test_document_id_round_trip() -> None:
    text = build_document_id("000.00.00.G22", date(2015, 9, 30), 7816, "VPCP-TTĐT")
    assert text == "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT"
    parsed = parse_document_id(text)
    assert parsed == DocumentId("000.00.00.G22", date(2015, 9, 30), 7816, "VPCP-TTĐT")
    assert str(parsed) == text


def test_document_id_writes_the_code_as_on_paper() -> None:
    text = build_document_id("000.00.00.H53", date(2026, 1, 5), 5, "QĐ-UBND")
    assert text == "000.00.00.H53,2026/01/05,05/QĐ-UBND"
    assert parse_document_id(" 000.00.00.H53 , 2026/01/05 , 5/QĐ-UBND ").number == 5


@pytest.mark.parametrize(
    "text",
    [
        "",
        "000.00.00.H53,2026/01/05",
        "000.00.00.H53,2026-01-05,05/QĐ-UBND",
        "000.00.00.H53,2026/02/30,05/QĐ-UBND",
        "000.00.H53,2026/01/05,05/QĐ-UBND",
        "000.00.00.H53,2026/01/05,QĐ-UBND",
        "000.00.00.H53,2026/01/05,05/QĐ-UBND,extra",
    ],
)
def test_document_id_refuses(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_document_id(text)


def test_document_id_refuses_a_bad_sender() -> None:
    with pytest.raises(InvalidInput):
        build_document_id("H53", date(2026, 1, 5), 5, "QĐ-UBND")
