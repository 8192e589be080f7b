"""Property tests: calendar arithmetic round-trips; register numbers never gap or repeat."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.calendar import WorkingCalendar, local_date
from app.domain.numbering import (
    RegisterEntry,
    RegisterSnapshot,
    RegisterYearMismatch,
    allocate_number,
    check_continuity,
    format_code,
    parse_code,
    register_year,
)

CAL = WorkingCalendar()
DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31))
FAST = settings(max_examples=150, deadline=None)


@FAST
@given(DAYS, st.integers(min_value=0, max_value=40))
def test_add_then_count_round_trips(start: date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert CAL.working_days_between(start, end) == n
    assert CAL.working_days_between(end, start) == -n
    if n:
        assert CAL.is_working_day(end)
        assert end > start


@FAST
@given(DAYS, st.integers(min_value=1, max_value=40))
def test_going_back_from_a_working_day_round_trips(start: date, n: int) -> None:
    origin = CAL.working_day_on_or_after(start)
    back = CAL.add_working_days(origin, -n)
    assert CAL.is_working_day(back)
    assert CAL.add_working_days(back, n) == origin


@FAST
@given(DAYS, DAYS)
def test_between_is_additive(a: date, b: date) -> None:
    mid = a + (b - a) / 2
    mid = date.fromordinal(mid.toordinal())
    assert CAL.working_days_between(a, b) == (
        CAL.working_days_between(a, mid) + CAL.working_days_between(mid, b)
    )


@FAST
@given(DAYS)
def test_next_working_day_skips_only_days_off(day: date) -> None:
    nxt = CAL.next_working_day(day)
    assert CAL.is_working_day(nxt)
    assert all(not CAL.is_working_day(day + timedelta(k)) for k in range(1, (nxt - day).days))


# --- numbering -----------------------------------------------------------------------------------
OPS = st.lists(
    st.tuples(
        st.sampled_from(["issue", "cancel"]),
        # Minutes since 2024-12-25 00:00 UTC, sorted below: about three years of issues.
        st.integers(min_value=0, max_value=3 * 366 * 24 * 60),
    ),
    max_size=120,
)
ORIGIN = datetime(2024, 12, 25, tzinfo=UTC)


@FAST
@given(OPS)
def test_numbers_have_no_gaps_and_are_never_reused(ops: list[tuple[str, int]]) -> None:
    registers: dict[int, RegisterSnapshot] = {}
    entries: dict[int, list[RegisterEntry]] = {}
    issued: list[tuple[int, int]] = []  # (year, number) in issue order
    for op, minutes in sorted(ops, key=lambda o: o[1]):
        moment = ORIGIN + timedelta(minutes=minutes)
        if op == "cancel" and issued:
            # A cancellation keeps its number: it changes the row, never the register.
            year, number = issued[minutes % len(issued)]
            rows = entries[year]
            rows[number - 1] = RegisterEntry(number, "Hủy do sai thể thức")
            continue
        year = register_year(moment)
        register = registers.get(year)
        if register is None:
            # The first issue of a year meets last year's register, which refuses it.
            if registers:
                previous = registers[max(registers)]
                try:
                    allocate_number(previous, moment)
                    raise AssertionError("a register served another year")
                except RegisterYearMismatch:
                    pass
            register = RegisterSnapshot(year)
        allocation = allocate_number(register, moment)
        assert allocation.year == year == local_date(moment).year
        registers[year] = RegisterSnapshot(year, allocation.next_number)
        entries.setdefault(year, []).append(RegisterEntry(allocation.number))
        issued.append((year, allocation.number))
    for year, rows in entries.items():
        check_continuity(rows)
        numbers = [n for y, n in issued if y == year]
        assert numbers == list(range(1, len(numbers) + 1))
        assert registers[year].next_number == len(numbers) + 1


@FAST
@given(
    st.integers(min_value=1, max_value=99_999),
    st.lists(
        st.text(
            alphabet=st.sampled_from("ABCDĐHKNPQTUVXyrĐ"),
            min_size=1,
            max_size=6,
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_format_and_parse_round_trip(number: int, parts: list[str]) -> None:
    symbol = "-".join(parts)
    code = format_code(number, symbol)
    assert parse_code(code) == (number, symbol)
    assert parse_code(" Số: " + code.replace("/", " / ")) == (number, symbol)
