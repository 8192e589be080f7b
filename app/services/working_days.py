"""The working-day calendar of a workspace: the built-in corrections merged with the
administrator's (the ``calendar_overrides`` setting), the administrator's day winning.

Building a ``WorkingCalendar`` computes the holiday tables in memory, so one is kept per distinct
set of overrides: changing the setting gives a new calendar, asking again with the same setting
does not build one.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from app import settings as S
from app.domain.calendar import DEFAULT_OVERRIDES, DayOverride, WorkingCalendar
from app.settings import Settings


def day_overrides(settings: Settings) -> tuple[DayOverride, ...]:
    """DEFAULT_OVERRIDES, then the setting's days (which replace a built-in one of the same day)."""
    merged = {override.day: override for override in DEFAULT_OVERRIDES}
    for row in settings.get(S.CALENDAR_OVERRIDES):
        day = date.fromisoformat(row["day"])
        merged[day] = DayOverride(day, bool(row["working"]), str(row.get("reason", "")))
    return tuple(merged[day] for day in sorted(merged))


def calendar_for(settings: Settings | None = None) -> WorkingCalendar:
    """The calendar deadlines count in for these settings (the built-in one without)."""
    return _calendar(DEFAULT_OVERRIDES if settings is None else day_overrides(settings))


@lru_cache(maxsize=8)
def _calendar(overrides: tuple[DayOverride, ...]) -> WorkingCalendar:
    return WorkingCalendar(overrides)
