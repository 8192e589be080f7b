"""The Vietnamese working-day calendar that every deadline counts in.

Monday to Friday, minus the public holidays and day swaps that the ``holidays`` package knows for
"VN", corrected by an override table that an administrator edits and that always wins: the package
lags behind the government's yearly announcements. Pure: the package computes its dates in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

import holidays

from app.errors import InvalidInput

# Vietnam has kept UTC+7 without daylight saving since 1975. A fixed offset gives the same answers
# as Asia/Ho_Chi_Minh for every date the application handles, reads no tz database (zoneinfo needs
# the extra ``tzdata`` package on Windows) and so keeps this module free of I/O.
VN_TZ = timezone(timedelta(hours=7), "+07")

# (check) Office hours end: a setting; 17:00 is the usual end of the working day in state agencies.
DEFAULT_OFFICE_END = time(17, 0)

# Holiday names are matched in this language, so they must not depend on the user's locale.
_PACKAGE_LANGUAGE = "en_US"


@dataclass(frozen=True)
class DayOverride:
    """One admin-editable correction: the day is (or is not) a working day, and why."""

    day: date
    is_working_day: bool
    note: str


# Swaps announced after holidays 0.109 was released. The 2025 swaps (26/04 worked, 02/05 off) are
# already in the package and need no row.
DEFAULT_OVERRIDES: tuple[DayOverride, ...] = (
    DayOverride(
        date(2026, 1, 2),
        False,
        "Nghỉ Tết Dương lịch 2026, đổi với thứ Bảy 10/01/2026 (Công văn 12729/VPCP-KGVX)",
    ),
    DayOverride(
        date(2026, 1, 10),
        True,
        "Làm bù cho thứ Sáu 02/01/2026 (Công văn 12729/VPCP-KGVX)",
    ),
)

# (check) The package lists 24/11 "Ngày Văn hóa Việt Nam" as a day off from 2026, but it was only a
# proposal in early 2026, not yet in the Labour Code. Counting a day off that the law does not give
# would move every deadline of that week one day late, so by default the day stays a working day;
# an administrator who confirms the law removes the name here, or adds a non-working override.
DEFAULT_EXCLUDED_HOLIDAYS: frozenset[str] = frozenset({"Vietnam Cultural Day"})


def to_local(moment: datetime) -> datetime:
    """The same instant in Vietnam time; a naive datetime is refused because it is ambiguous."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(
            f"Thời điểm thiếu múi giờ: {moment.isoformat()} (naive datetime; pass an aware one)",
            value=moment.isoformat(),
        )
    return moment.astimezone(VN_TZ)


def local_date(moment: datetime) -> date:
    """The calendar date in Vietnam of an aware instant (23:30 UTC is already tomorrow there)."""
    return to_local(moment).date()


class WorkingCalendar:
    """Working days in Vietnam: package holidays and swaps, corrected by ``overrides``."""

    def __init__(
        self,
        overrides: Iterable[DayOverride] = DEFAULT_OVERRIDES,
        *,
        exclude_holiday_names: Iterable[str] = DEFAULT_EXCLUDED_HOLIDAYS,
        office_end: time = DEFAULT_OFFICE_END,
    ) -> None:
        self._overrides: dict[date, DayOverride] = {}
        for override in overrides:
            if override.day in self._overrides:
                raise InvalidInput(
                    f"Ngày {override.day.isoformat()} được khai báo hai lần "
                    "(duplicate calendar override)",
                    day=override.day.isoformat(),
                )
            self._overrides[override.day] = override
        self._excluded = frozenset(exclude_holiday_names)
        if office_end.tzinfo is not None:
            raise InvalidInput("Giờ kết thúc làm việc là giờ địa phương (office_end must be naive)")
        self.office_end = office_end
        self._package = holidays.country_holidays("VN", language=_PACKAGE_LANGUAGE)
        # Reports ask about the same days again and again; the answer for a day never changes.
        self._memo: dict[date, bool] = {}

    @property
    def overrides(self) -> tuple[DayOverride, ...]:
        return tuple(sorted(self._overrides.values(), key=lambda o: o.day))

    def holiday_names(self, day: date) -> list[str]:
        """The package's holiday names for the day (excluded ones included), for display."""
        return list(self._package.get_list(day))

    def is_working_day(self, day: date) -> bool:
        """Whether offices are open on ``day``."""
        if isinstance(day, datetime):
            raise InvalidInput("Cần một ngày, không phải thời điểm (pass a date, not a datetime)")
        known = self._memo.get(day)
        if known is None:
            known = self._memo[day] = self._compute(day)
        return known

    def _compute(self, day: date) -> bool:
        override = self._overrides.get(day)
        if override is not None:
            return override.is_working_day
        if self._package.is_working_day(day):
            return True
        if day.weekday() >= 5:
            return False
        # A weekday the package closes only for names the admin excluded stays a working day.
        names = self.holiday_names(day)
        return bool(names) and all(self._is_excluded(name) for name in names)

    def _is_excluded(self, name: str) -> bool:
        # The package moves a holiday that falls on a weekend to Monday as "<name> (observed)".
        base = name.removesuffix(" (observed)")
        return base in self._excluded

    def add_working_days(self, day: date, n: int) -> date:
        """The n-th working day after ``day`` (before it when n < 0); n == 0 returns ``day``."""
        step = timedelta(days=1 if n > 0 else -1)
        remaining = abs(n)
        current = day
        while remaining:
            current += step
            if self.is_working_day(current):
                remaining -= 1
        return current

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def working_day_on_or_after(self, day: date) -> date:
        """``day`` itself when offices are open, else the next working day."""
        return day if self.is_working_day(day) else self.next_working_day(day)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end; negative when end is before start.

        So ``working_days_between(d, add_working_days(d, n)) == n`` for every n >= 0.
        """
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count

    def end_of_working_day(self, day: date) -> datetime:
        """The instant offices close on ``day`` (default 17:00 +07:00)."""
        return datetime.combine(day, self.office_end, tzinfo=VN_TZ)
