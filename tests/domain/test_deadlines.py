"""Deadline rules: issue after signing, presentation after arrival, processing; and their states."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.domain.calendar import VN_TZ, WorkingCalendar
from app.domain.deadlines import (
    Deadline,
    DeadlinePolicy,
    DeadlineRule,
    DeadlineState,
    issue_deadline,
    presentation_deadline,
    processing_deadline,
)
from app.domain.types import Urgency
from app.errors import InvalidInput

CAL = WorkingCalendar()
U = Urgency
ST = DeadlineState


def vn(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=VN_TZ)


def close(y: int, mo: int, d: int) -> datetime:
    return vn(y, mo, d, 17)


# --- issue: the same day, at the latest the next working day -------------------------------------
@pytest.mark.parametrize(
    ("signed", "due", "why"),
    [
        (vn(2025, 3, 4, 10), close(2025, 3, 5), "Tuesday → Wednesday"),
        (vn(2025, 3, 7, 16, 59), close(2025, 3, 10), "Friday → Monday"),
        (vn(2025, 3, 8, 9), close(2025, 3, 10), "signed on Saturday → Monday"),
        (vn(2025, 3, 9, 22), close(2025, 3, 10), "signed on Sunday night → Monday"),
        (vn(2025, 4, 29, 9), close(2025, 5, 5), "30/4, 1/5, swapped 2/5, weekend"),
        (vn(2025, 4, 25, 9), close(2025, 4, 26), "the working Saturday 26/04/2025 counts"),
        (vn(2025, 8, 29, 9), close(2025, 9, 3), "National Day 2025 and the day before"),
        (vn(2026, 2, 13, 9), close(2026, 2, 23), "across Tết 2026"),
        (vn(2025, 1, 24, 9), close(2025, 2, 3), "across Tết 2025"),
        (vn(2025, 12, 31, 15), close(2026, 1, 5), "year end: 1/1, the 2/1 override, weekend"),
        (vn(2026, 1, 9, 15), close(2026, 1, 10), "the working Saturday 10/01/2026 counts"),
        (vn(2026, 11, 23, 9), close(2026, 11, 24), "24/11 is a working day by default"),
    ],
)
def test_issue_deadline(signed: datetime, due: datetime, why: str) -> None:
    deadline = issue_deadline(signed, U.NORMAL, CAL)
    assert deadline == Deadline(due, DeadlineRule.ISSUE, signed), why
    assert not deadline.urgent


def test_issue_deadline_without_the_2026_override() -> None:
    package_only = WorkingCalendar(overrides=())
    assert issue_deadline(vn(2025, 12, 31, 15), U.NORMAL, package_only).due_at == close(2026, 1, 2)


def test_issue_deadline_uses_the_vietnamese_date_not_utc() -> None:
    # 00:30 on Friday 25/04/2025 in Hà Nội is still Thursday in UTC: the Vietnamese date decides,
    # and the next working day is the swapped Saturday 26/04.
    signed = datetime(2025, 4, 24, 17, 30, tzinfo=UTC)
    assert issue_deadline(signed, U.NORMAL, CAL).due_at == close(2025, 4, 26)
    just_before = datetime(2025, 4, 24, 16, 59, tzinfo=UTC)  # 23:59 Thursday in Vietnam
    assert issue_deadline(just_before, U.NORMAL, CAL).due_at == close(2025, 4, 25)


def test_new_years_eve_in_utc_is_new_years_day_in_vietnam() -> None:
    signed = datetime(2025, 12, 31, 17, 30, tzinfo=UTC)  # 00:30 on 01/01/2026 in Vietnam
    assert issue_deadline(signed, U.NORMAL, CAL).due_at == close(2026, 1, 5)


@pytest.mark.parametrize("urgency", [U.URGENT, U.VERY_URGENT, U.FLASH, U.FLASH_TIMED])
def test_urgent_documents_are_issued_immediately(urgency: Urgency) -> None:
    signed = vn(2025, 3, 7, 16, 30)  # Friday afternoon: no waiting for Monday
    deadline = issue_deadline(signed, urgency, CAL)
    assert deadline == Deadline(vn(2025, 3, 7, 18, 30), DeadlineRule.ISSUE_URGENT, signed)
    assert deadline.urgent


def test_urgent_on_a_holiday_is_still_immediate() -> None:
    signed = vn(2026, 2, 17, 8)  # mùng 1 Tết
    assert issue_deadline(signed, U.FLASH, CAL).due_at == vn(2026, 2, 17, 10)


def test_urgency_settings() -> None:
    policy = DeadlinePolicy(urgent_grace=timedelta(minutes=30), urgent_from=U.VERY_URGENT)
    signed = vn(2025, 3, 4, 10)
    assert issue_deadline(signed, U.URGENT, CAL, policy).rule is DeadlineRule.ISSUE
    urgent = issue_deadline(signed, U.VERY_URGENT, CAL, policy)
    assert urgent.due_at == vn(2025, 3, 4, 10, 30)


# --- incoming: registered and presented the same day or the next working day ---------------------
def test_presentation_deadline() -> None:
    arrived = vn(2025, 8, 29, 16)
    assert presentation_deadline(arrived, U.NORMAL, CAL) == Deadline(
        close(2025, 9, 3), DeadlineRule.PRESENT, arrived
    )
    urgent = presentation_deadline(arrived, U.URGENT, CAL)
    assert urgent == Deadline(vn(2025, 8, 29, 18), DeadlineRule.PRESENT_URGENT, arrived)
    # Arrived on Saturday night (packages arrive any time): Monday evening.
    assert presentation_deadline(vn(2025, 3, 8, 23), U.NORMAL, CAL).due_at == close(2025, 3, 10)


# --- processing ----------------------------------------------------------------------------------
def test_processing_in_working_days_counts_holidays_out() -> None:
    assigned = vn(2026, 4, 23, 9)  # Thursday; 27/04 observed, 30/04 and 01/05 holidays
    deadline = processing_deadline(assigned, CAL, working_days=5)
    assert deadline == Deadline(close(2026, 5, 5), DeadlineRule.PROCESS_ASSIGNED, assigned)


def test_leaders_date_wins_over_the_packages() -> None:
    assigned = vn(2025, 3, 4, 9)
    leader = processing_deadline(
        assigned, CAL, due_date=date(2025, 3, 14), package_due_date=date(2025, 3, 20)
    )
    assert leader == Deadline(close(2025, 3, 14), DeadlineRule.PROCESS_ASSIGNED, assigned)
    package = processing_deadline(assigned, CAL, package_due_date=date(2025, 3, 20))
    assert package == Deadline(close(2025, 3, 20), DeadlineRule.PROCESS_REQUESTED, assigned)
    assert processing_deadline(assigned, CAL) is None


def test_processing_input_errors() -> None:
    assigned = vn(2025, 3, 4, 9)
    with pytest.raises(InvalidInput):
        processing_deadline(assigned, CAL, due_date=date(2025, 3, 14), working_days=3)
    with pytest.raises(InvalidInput):
        processing_deadline(assigned, CAL, working_days=0)
    with pytest.raises(InvalidInput):
        processing_deadline(datetime(2025, 3, 4, 9), CAL, working_days=1)


# --- states --------------------------------------------------------------------------------------
NORMAL = Deadline(close(2025, 3, 5), DeadlineRule.ISSUE, vn(2025, 3, 4, 10))


@pytest.mark.parametrize(
    ("now", "state"),
    [
        (vn(2025, 3, 4, 10), ST.ON_TIME),
        (vn(2025, 3, 4, 23, 59, 59), ST.ON_TIME),
        (vn(2025, 3, 5, 0, 0), ST.DUE_TODAY),
        (vn(2025, 3, 5, 17, 0), ST.DUE_TODAY),  # the deadline itself is still on time
        (vn(2025, 3, 5, 17, 0, 1), ST.OVERDUE),
        (vn(2025, 3, 10, 9), ST.OVERDUE),
        # The same instants seen from UTC.
        (datetime(2025, 3, 4, 16, 59, tzinfo=UTC), ST.ON_TIME),
        (datetime(2025, 3, 4, 17, 0, tzinfo=UTC), ST.DUE_TODAY),
        (datetime(2025, 3, 5, 10, 0, tzinfo=UTC), ST.DUE_TODAY),
        (datetime(2025, 3, 5, 10, 0, 1, tzinfo=UTC), ST.OVERDUE),
    ],
)
def test_state_by_the_clock(now: datetime, state: DeadlineState) -> None:
    assert NORMAL.state(now) is state


def test_done_is_done_and_met_tells_late_from_on_time() -> None:
    assert NORMAL.state(vn(2025, 3, 9), done_at=vn(2025, 3, 6)) is ST.DONE
    assert NORMAL.met(vn(2025, 3, 5, 17))
    assert not NORMAL.met(vn(2025, 3, 5, 17, 0, 1))
    assert NORMAL.met(datetime(2025, 3, 5, 9, 59, tzinfo=UTC))


def test_urgent_work_is_due_now_even_across_midnight() -> None:
    deadline = issue_deadline(vn(2025, 3, 4, 23), U.FLASH, CAL)
    assert deadline.due_at == vn(2025, 3, 5, 1)
    assert deadline.state(vn(2025, 3, 4, 23, 30)) is ST.DUE_TODAY
    assert deadline.state(vn(2025, 3, 5, 1, 0, 1)) is ST.OVERDUE


def test_state_refuses_naive_times() -> None:
    with pytest.raises(InvalidInput):
        NORMAL.state(datetime(2025, 3, 5, 9))
    with pytest.raises(InvalidInput):
        NORMAL.state(vn(2025, 3, 5, 9), done_at=datetime(2025, 3, 5, 9))
