"""The administrator's calendar days (the ``calendar_overrides`` setting) reach the deadlines: a
day the setting closes moves a deadline counted over it by one working day, a day it opens
shortens one, and the setting wins over a built-in swap of the same day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app import settings as S
from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import presentation_deadline, processing_deadline
from app.domain.types import Urgency
from app.errors import ConfigError
from app.services.documents.common import working_calendar
from app.services.working_days import calendar_for
from app.services.workspace import open_workspace
from app.settings import Settings

# Tuesday 10/03/2026, 08:00 in Vietnam.
ASSIGNED = datetime(2026, 3, 10, 1, 0, tzinfo=UTC)


def working_calendar_of(tmp_path: Path, rows: list[dict[str, object]]) -> WorkingCalendar:
    settings = Settings(tmp_path)
    settings.set(S.CALENDAR_OVERRIDES, rows)
    return calendar_for(settings)


def test_a_day_off_in_the_settings_moves_the_deadline(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "office")
    try:
        before = processing_deadline(ASSIGNED, working_calendar(ws), working_days=3)
        assert before is not None and before.due_at.date() == date(2026, 3, 13)  # Friday

        rows = [{"day": "2026-03-12", "working": False, "reason": "Nghỉ lễ của tỉnh"}]
        ws.settings.set(S.CALENDAR_OVERRIDES, rows)
        ws.settings.save()
        after = processing_deadline(ASSIGNED, working_calendar(ws), working_days=3)
        assert after is not None and after.due_at.date() == date(2026, 3, 16)  # next Monday

        # Read back from the file, as the next start would.
        reopened = open_workspace(tmp_path / "office")
        try:
            again = processing_deadline(ASSIGNED, working_calendar(reopened), working_days=3)
            assert again is not None and again.due_at == after.due_at
        finally:
            reopened.close()
    finally:
        ws.close()


def test_a_worked_saturday_shortens_the_next_day_rule(tmp_path: Path) -> None:
    friday_evening = datetime(2026, 3, 13, 11, 0, tzinfo=UTC)  # 18:00 Friday in Vietnam
    plain = presentation_deadline(friday_evening, Urgency.NORMAL, working_calendar())
    assert plain.due_at.date() == date(2026, 3, 16)
    calendar = working_calendar_of(tmp_path, [{"day": "2026-03-14", "working": True}])
    assert presentation_deadline(friday_evening, Urgency.NORMAL, calendar).due_at.date() == date(
        2026, 3, 14
    )


def test_the_setting_wins_over_a_built_in_swap(tmp_path: Path) -> None:
    # Built in: Friday 02/01/2026 is off (swapped with Saturday 10/01).
    assert not working_calendar().is_working_day(date(2026, 1, 2))
    calendar = working_calendar_of(tmp_path, [{"day": "2026-01-02", "working": True}])
    assert calendar.is_working_day(date(2026, 1, 2))
    assert calendar.is_working_day(date(2026, 1, 10))  # the other built-in day stays


@pytest.mark.parametrize(
    "rows",
    [
        [{"day": "02/01/2026", "working": False}],
        [{"day": "2026-01-02", "working": "no"}],
        [{"day": "2026-01-02", "working": False, "reason": 3}],
        [{"day": "2026-01-02", "working": False}, {"day": "2026-01-02", "working": True}],
        ["2026-01-02"],
        {"day": "2026-01-02"},
    ],
)
def test_a_malformed_setting_is_refused(tmp_path: Path, rows: object) -> None:
    with pytest.raises(ConfigError):
        S.CALENDAR_OVERRIDES.coerce(rows)
    (tmp_path / "settings.json").write_text(
        '{"version": 1, "values": {"calendar_overrides": "2026-01-02"}}', encoding="utf-8"
    )
    with pytest.raises(ConfigError):
        Settings(tmp_path)
