"""The Vietnamese working-day calendar: package holidays, swaps, overrides, the 24/11 setting."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from app.domain.calendar import (
    DEFAULT_OVERRIDES,
    VN_TZ,
    DayOverride,
    WorkingCalendar,
    local_date,
    to_local,
)
from app.errors import InvalidInput

CAL = WorkingCalendar()
PACKAGE_ONLY = WorkingCalendar(overrides=())
D = date


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(n) for n in range((end - start).days + 1)]


def off_days(cal: WorkingCalendar, start: date, end: date) -> list[date]:
    return [d for d in days(start, end) if not cal.is_working_day(d)]


# --- holidays ------------------------------------------------------------------------------------
def test_tet_2025_week() -> None:
    # Tết Ất Tỵ: offices closed Sat 25/01 to Sun 02/02/2025, open Fri 24/01 and Mon 03/02.
    assert CAL.is_working_day(D(2025, 1, 24))
    assert off_days(CAL, D(2025, 1, 24), D(2025, 2, 3)) == days(D(2025, 1, 25), D(2025, 2, 2))
    assert CAL.is_working_day(D(2025, 2, 3))


def test_tet_2026_week() -> None:
    # Tết Bính Ngọ: closed Sat 14/02 to Sun 22/02/2026.
    assert CAL.is_working_day(D(2026, 2, 13))
    assert off_days(CAL, D(2026, 2, 13), D(2026, 2, 23)) == days(D(2026, 2, 14), D(2026, 2, 22))
    assert CAL.is_working_day(D(2026, 2, 23))


def test_a_week_spanning_tet() -> None:
    assert CAL.next_working_day(D(2026, 2, 13)) == D(2026, 2, 23)
    assert CAL.add_working_days(D(2026, 2, 12), 2) == D(2026, 2, 23)
    assert CAL.add_working_days(D(2026, 2, 23), -1) == D(2026, 2, 13)
    assert CAL.working_days_between(D(2026, 2, 13), D(2026, 2, 23)) == 1
    # Mon 20/01 to Fri 07/02/2025: 21-24 January and 3-7 February.
    assert CAL.working_days_between(D(2025, 1, 20), D(2025, 2, 7)) == 9
    assert CAL.add_working_days(D(2025, 1, 23), 3) == D(2025, 2, 4)


def test_reunification_and_labour_day_2025_with_its_swap() -> None:
    # Saturday 26/04/2025 worked so that Friday 02/05 could be a day off: the package knows.
    for cal in (CAL, PACKAGE_ONLY):
        assert cal.is_working_day(D(2025, 4, 26))
        assert off_days(cal, D(2025, 4, 26), D(2025, 5, 5)) == [
            D(2025, 4, 27),
            *days(D(2025, 4, 30), D(2025, 5, 4)),
        ]
    assert CAL.next_working_day(D(2025, 4, 29)) == D(2025, 5, 5)


def test_reunification_and_labour_day_2026() -> None:
    assert off_days(CAL, D(2026, 4, 29), D(2026, 5, 4)) == days(D(2026, 4, 30), D(2026, 5, 3))


def test_hung_kings_day() -> None:
    assert not CAL.is_working_day(D(2025, 4, 7))
    # 2026: 10/3 âm lịch is Sunday 26/04, taken on Monday 27/04.
    assert not CAL.is_working_day(D(2026, 4, 27))
    assert CAL.is_working_day(D(2026, 4, 28))


def test_national_day_and_the_day_next_to_it() -> None:
    # 2025: Monday 01/09 and Tuesday 02/09.
    assert off_days(CAL, D(2025, 8, 29), D(2025, 9, 3)) == days(D(2025, 8, 30), D(2025, 9, 2))
    assert CAL.next_working_day(D(2025, 8, 29)) == D(2025, 9, 3)
    # 2024: Monday 02/09 and Tuesday 03/09.
    assert off_days(CAL, D(2024, 9, 2), D(2024, 9, 4)) == [D(2024, 9, 2), D(2024, 9, 3)]
    # 2026 as the package has it: 01-02/09, plus Monday 31/08 swapped with Saturday 22/08.
    assert CAL.is_working_day(D(2026, 8, 22))
    assert off_days(CAL, D(2026, 8, 28), D(2026, 9, 3)) == days(D(2026, 8, 29), D(2026, 9, 2))


def test_new_year_2026_swap_needs_the_override() -> None:
    # 0.109 does not know letter 12729/VPCP-KGVX; this test fails loudly when a release learns it.
    assert PACKAGE_ONLY.is_working_day(D(2026, 1, 2))
    assert not PACKAGE_ONLY.is_working_day(D(2026, 1, 10))
    assert not CAL.is_working_day(D(2026, 1, 1))
    assert not CAL.is_working_day(D(2026, 1, 2))
    assert CAL.is_working_day(D(2026, 1, 10))
    assert CAL.next_working_day(D(2025, 12, 31)) == D(2026, 1, 5)
    assert CAL.next_working_day(D(2026, 1, 9)) == D(2026, 1, 10)
    assert CAL.working_days_between(D(2025, 12, 31), D(2026, 1, 12)) == 7


def test_default_overrides_carry_their_source() -> None:
    assert {o.day for o in DEFAULT_OVERRIDES} == {D(2026, 1, 2), D(2026, 1, 10)}
    assert all("12729/VPCP-KGVX" in o.note for o in DEFAULT_OVERRIDES)
    assert CAL.overrides == DEFAULT_OVERRIDES


def test_an_override_wins_both_ways() -> None:
    cal = WorkingCalendar(
        overrides=[
            DayOverride(D(2025, 1, 29), True, "mùng 1 Tết made a working day (test)"),
            DayOverride(D(2025, 3, 5), False, "a local day off (test)"),
        ]
    )
    assert cal.is_working_day(D(2025, 1, 29))
    assert not cal.is_working_day(D(2025, 3, 5))
    assert CAL.is_working_day(D(2025, 3, 5))


def test_duplicate_override_is_refused() -> None:
    with pytest.raises(InvalidInput):
        WorkingCalendar(
            overrides=[
                DayOverride(D(2026, 1, 2), False, "a"),
                DayOverride(D(2026, 1, 2), True, "b"),
            ]
        )


# --- 24/11 Ngày Văn hóa Việt Nam -----------------------------------------------------------------
def test_vietnam_culture_day_is_in_the_package_under_the_excluded_name() -> None:
    # If a release renames it, the default exclusion silently stops working: fail here instead.
    assert CAL.holiday_names(D(2026, 11, 24)) == ["Vietnam Cultural Day"]


def test_vietnam_culture_day_is_a_working_day_by_default() -> None:
    assert CAL.is_working_day(D(2026, 11, 24))
    assert CAL.is_working_day(D(2027, 11, 24))
    # The package's Monday "(observed)" for a Saturday 24/11 is excluded with it.
    assert CAL.holiday_names(D(2029, 11, 26)) == ["Vietnam Cultural Day (observed)"]
    assert CAL.is_working_day(D(2029, 11, 26))


def test_an_admin_can_make_vietnam_culture_day_a_day_off() -> None:
    by_setting = WorkingCalendar(exclude_holiday_names=())
    assert not by_setting.is_working_day(D(2026, 11, 24))
    assert not by_setting.is_working_day(D(2029, 11, 26))
    by_override = WorkingCalendar(
        overrides=[*DEFAULT_OVERRIDES, DayOverride(D(2026, 11, 24), False, "Ngày Văn hóa")]
    )
    assert not by_override.is_working_day(D(2026, 11, 24))


def test_excluding_a_name_does_not_open_weekends_or_other_holidays() -> None:
    cal = WorkingCalendar(exclude_holiday_names={"Vietnam Cultural Day", "National Day"})
    assert not cal.is_working_day(D(2030, 11, 24))  # a Sunday stays a Sunday
    assert cal.is_working_day(D(2025, 9, 2))
    assert not cal.is_working_day(D(2025, 4, 30))


# --- arithmetic ----------------------------------------------------------------------------------
def test_weekends() -> None:
    assert not CAL.is_working_day(D(2025, 3, 8))
    assert not CAL.is_working_day(D(2025, 3, 9))
    assert CAL.next_working_day(D(2025, 3, 7)) == D(2025, 3, 10)
    assert CAL.next_working_day(D(2025, 3, 8)) == D(2025, 3, 10)
    assert CAL.working_day_on_or_after(D(2025, 3, 8)) == D(2025, 3, 10)
    assert CAL.working_day_on_or_after(D(2025, 3, 10)) == D(2025, 3, 10)


def test_add_zero_and_between_edge_cases() -> None:
    assert CAL.add_working_days(D(2025, 3, 8), 0) == D(2025, 3, 8)
    assert CAL.working_days_between(D(2025, 3, 10), D(2025, 3, 10)) == 0
    assert CAL.working_days_between(D(2025, 3, 7), D(2025, 3, 9)) == 0
    assert CAL.working_days_between(D(2025, 3, 7), D(2025, 3, 10)) == 1
    assert CAL.working_days_between(D(2025, 3, 10), D(2025, 3, 7)) == -1
    assert CAL.add_working_days(D(2025, 3, 10), -1) == D(2025, 3, 7)


def test_a_datetime_is_not_a_day() -> None:
    with pytest.raises(InvalidInput):
        CAL.is_working_day(datetime(2025, 3, 10, 9, tzinfo=VN_TZ))


# --- time zone -----------------------------------------------------------------------------------
def test_end_of_working_day_is_17_local() -> None:
    end = CAL.end_of_working_day(D(2025, 3, 10))
    assert end == datetime(2025, 3, 10, 10, 0, tzinfo=UTC)
    assert end.utcoffset() == timedelta(hours=7)
    later = WorkingCalendar(office_end=time(17, 30))
    assert later.end_of_working_day(D(2025, 3, 10)).time() == time(17, 30)
    with pytest.raises(InvalidInput):
        WorkingCalendar(office_end=time(17, tzinfo=UTC))


def test_local_date_across_midnight() -> None:
    assert local_date(datetime(2025, 12, 31, 16, 59, 59, tzinfo=UTC)) == D(2025, 12, 31)
    assert local_date(datetime(2025, 12, 31, 17, 0, 0, tzinfo=UTC)) == D(2026, 1, 1)
    paris = timezone(timedelta(hours=1))
    assert local_date(datetime(2025, 12, 31, 18, 0, tzinfo=paris)) == D(2026, 1, 1)
    assert to_local(datetime(2025, 1, 1, tzinfo=UTC)).hour == 7


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(InvalidInput):
        local_date(datetime(2025, 12, 31, 23, 59))
