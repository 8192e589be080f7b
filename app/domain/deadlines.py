"""Deadlines of document work, counted in Vietnamese working days, and their state at a moment.

Rules (Decree 30/2020): an outgoing document is issued on the day it is signed, at the latest by the
end of the next working day; an incoming one is registered and presented to the leader the same
day, at the latest the next working day; urgent documents (Khẩn and above) immediately. Processing
deadlines come from the leader's assignment, else from the package's DueDate. Queues and reports
read ``Deadline.state(now)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from app.domain.calendar import WorkingCalendar, local_date, to_local
from app.domain.types import Urgency
from app.errors import InvalidInput


class DeadlineRule(StrEnum):
    ISSUE = "issue"  # phát hành trong ngày ký, chậm nhất ngày làm việc tiếp theo
    ISSUE_URGENT = "issue_urgent"  # văn bản khẩn: phát hành ngay sau khi ký
    PRESENT = "present"  # vào sổ, trình trong ngày hoặc ngày làm việc tiếp theo
    PRESENT_URGENT = "present_urgent"  # văn bản đến khẩn: trình ngay
    PROCESS_ASSIGNED = "process_assigned"  # hạn xử lý do lãnh đạo giao
    PROCESS_REQUESTED = "process_requested"  # hạn xử lý theo DueDate của gói tin


URGENT_RULES = frozenset({DeadlineRule.ISSUE_URGENT, DeadlineRule.PRESENT_URGENT})


class DeadlineState(StrEnum):
    ON_TIME = "on_time"  # còn hạn
    DUE_TODAY = "due_today"  # đến hạn hôm nay (urgent work: always, until done)
    OVERDUE = "overdue"  # quá hạn
    DONE = "done"  # đã xong


@dataclass(frozen=True)
class DeadlinePolicy:
    """The settings the rules read."""

    # (check) "Immediately" is not a number in the decree: 2 hours after signing or arrival.
    urgent_grace: timedelta = timedelta(hours=2)
    # Khẩn (1) and above are urgent; the edXML Priority scale is 0..4.
    urgent_from: Urgency = Urgency.URGENT

    def is_urgent(self, urgency: Urgency) -> bool:
        return urgency >= self.urgent_from


DEFAULT_POLICY = DeadlinePolicy()


@dataclass(frozen=True)
class Deadline:
    """When a step must be done by (inclusive), which rule says so, and when the clock started."""

    due_at: datetime
    rule: DeadlineRule
    started_at: datetime

    @property
    def urgent(self) -> bool:
        return self.rule in URGENT_RULES

    def state(self, now: datetime, done_at: datetime | None = None) -> DeadlineState:
        """The state at ``now``: DONE once done (late or not; see ``met``), else by the clock."""
        now_local = to_local(now)
        if done_at is not None:
            to_local(done_at)  # a naive completion time is refused like a naive ``now``
            return DeadlineState.DONE
        if now_local > self.due_at:
            return DeadlineState.OVERDUE
        # Urgent work is due now, even when its grace runs past midnight.
        if self.urgent or now_local.date() >= local_date(self.due_at):
            return DeadlineState.DUE_TODAY
        return DeadlineState.ON_TIME

    def met(self, done_at: datetime) -> bool:
        """Whether work done at ``done_at`` was on time (reports count the late ones)."""
        return to_local(done_at) <= self.due_at


def _next_day_deadline(
    started_at: datetime,
    urgency: Urgency,
    calendar: WorkingCalendar,
    policy: DeadlinePolicy,
    rule: DeadlineRule,
    urgent_rule: DeadlineRule,
) -> Deadline:
    start = to_local(started_at)
    if policy.is_urgent(urgency):
        return Deadline(start + policy.urgent_grace, urgent_rule, start)
    # "The same day, at the latest the next working day": the next working day after the local
    # date, so a document signed on Saturday is due by Monday evening, one signed on Friday too.
    last_day = calendar.next_working_day(start.date())
    return Deadline(calendar.end_of_working_day(last_day), rule, start)


def issue_deadline(
    signed_at: datetime,
    urgency: Urgency,
    calendar: WorkingCalendar,
    policy: DeadlinePolicy = DEFAULT_POLICY,
) -> Deadline:
    """When an outgoing document signed by the leader at ``signed_at`` must be issued."""
    return _next_day_deadline(
        signed_at, urgency, calendar, policy, DeadlineRule.ISSUE, DeadlineRule.ISSUE_URGENT
    )


def presentation_deadline(
    arrived_at: datetime,
    urgency: Urgency,
    calendar: WorkingCalendar,
    policy: DeadlinePolicy = DEFAULT_POLICY,
) -> Deadline:
    """When an incoming document that arrived at ``arrived_at`` must be registered and presented."""
    return _next_day_deadline(
        arrived_at, urgency, calendar, policy, DeadlineRule.PRESENT, DeadlineRule.PRESENT_URGENT
    )


def processing_deadline(
    assigned_at: datetime,
    calendar: WorkingCalendar,
    *,
    due_date: date | None = None,
    working_days: int | None = None,
    package_due_date: date | None = None,
) -> Deadline | None:
    """The handler's deadline: the leader's (a date, or N working days), else the package's DueDate.

    A date means the end of office hours that day. None when nobody set a deadline.
    """
    start = to_local(assigned_at)
    if due_date is not None and working_days is not None:
        raise InvalidInput("Chỉ chọn một cách giao hạn (give a date or a number of working days)")
    if working_days is not None:
        if working_days < 1:
            raise InvalidInput(
                "Số ngày làm việc phải từ 1 (working_days must be >= 1)", working_days=working_days
            )
        due_date = calendar.add_working_days(start.date(), working_days)
    if due_date is not None:
        return Deadline(calendar.end_of_working_day(due_date), DeadlineRule.PROCESS_ASSIGNED, start)
    if package_due_date is not None:
        return Deadline(
            calendar.end_of_working_day(package_due_date), DeadlineRule.PROCESS_REQUESTED, start
        )
    return None
