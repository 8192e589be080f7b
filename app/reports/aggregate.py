"""The statistics' arithmetic: from plain facts to on-time/late counts, averages and compliance.

Pure: the services read the facts, this module judges them with the working-day calendar and the
deadline rules of ``app.domain.deadlines``, and the renderers print the result.
Must not: query the database or draw.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from enum import StrEnum

from app.domain.calendar import WorkingCalendar, local_date
from app.domain.deadlines import DeadlineState, issue_deadline, processing_deadline
from app.domain.types import Urgency
from app.reports.model import (
    AssignmentFact,
    HandlingStats,
    IssueFact,
    IssueStats,
    KindCount,
    OverdueItem,
    StatsReport,
)

NO_UNIT = "(Chưa giao đơn vị)"
NO_PERSON = "(Chưa giao người xử lý)"
EVERYONE = "Toàn cơ quan"


class Outcome(StrEnum):
    ON_TIME = "on_time"  # hoàn thành đúng hạn
    LATE = "late"  # hoàn thành trễ hạn
    OPEN_IN_TIME = "open_in_time"  # đang xử lý, còn hạn
    OPEN_OVERDUE = "open_overdue"  # đang xử lý, quá hạn
    NO_DEADLINE = "no_deadline"  # không có hạn xử lý


def outcome(fact: AssignmentFact, calendar: WorkingCalendar, now: datetime) -> Outcome:
    """How one assignment stands at ``now``, by the deadline rules the queues use."""
    deadline = processing_deadline(fact.assigned_at, calendar, due_date=fact.deadline)
    if deadline is None:
        return Outcome.NO_DEADLINE
    if fact.completed_at is not None:
        return Outcome.ON_TIME if deadline.met(fact.completed_at) else Outcome.LATE
    if deadline.state(now) is DeadlineState.OVERDUE:
        return Outcome.OPEN_OVERDUE
    return Outcome.OPEN_IN_TIME


def handling_stats(
    name: str, facts: Iterable[AssignmentFact], calendar: WorkingCalendar, now: datetime
) -> HandlingStats:
    counts: dict[Outcome, int] = defaultdict(int)
    durations: list[int] = []
    total = 0
    for fact in facts:
        total += 1
        counts[outcome(fact, calendar, now)] += 1
        if fact.completed_at is not None:
            durations.append(
                calendar.working_days_between(
                    local_date(fact.assigned_at), local_date(fact.completed_at)
                )
            )
    return HandlingStats(
        name=name,
        total=total,
        on_time=counts[Outcome.ON_TIME],
        late=counts[Outcome.LATE],
        open_in_time=counts[Outcome.OPEN_IN_TIME],
        open_overdue=counts[Outcome.OPEN_OVERDUE],
        no_deadline=counts[Outcome.NO_DEADLINE],
        avg_working_days=sum(durations) / len(durations) if durations else None,
    )


def _grouped(
    facts: Sequence[AssignmentFact],
    key_of: str,
    empty: str,
    calendar: WorkingCalendar,
    now: datetime,
) -> tuple[HandlingStats, ...]:
    groups: dict[str, list[AssignmentFact]] = defaultdict(list)
    for fact in facts:
        groups[getattr(fact, key_of) or empty].append(fact)
    stats = [handling_stats(name, items, calendar, now) for name, items in groups.items()]
    return tuple(sorted(stats, key=lambda s: (-s.total, s.name)))


def issue_stats(facts: Iterable[IssueFact], unsigned: int, calendar: WorkingCalendar) -> IssueStats:
    """Issued the day of signing, the next working day, or later; and the decree's compliance."""
    total = same = following = later = compliant = 0
    for fact in facts:
        total += 1
        signed_day, issued_day = local_date(fact.signed_at), local_date(fact.issued_at)
        if issued_day <= signed_day:
            same += 1
        elif issued_day <= calendar.next_working_day(signed_day):
            following += 1
        else:
            later += 1
        rule = issue_deadline(fact.signed_at, Urgency(fact.urgency), calendar)
        compliant += rule.met(fact.issued_at)
    return IssueStats(total, same, following, later, compliant, unsigned)


def overdue_items(
    facts: Iterable[AssignmentFact], calendar: WorkingCalendar, now: datetime
) -> tuple[OverdueItem, ...]:
    """Open work past its deadline at ``now``, the most overdue first."""
    today = local_date(now)
    items = []
    for fact in facts:
        if fact.deadline is None or outcome(fact, calendar, now) is not Outcome.OPEN_OVERDUE:
            continue
        handler = " – ".join(p for p in (fact.unit, fact.person) if p) or NO_PERSON
        items.append(
            OverdueItem(
                document_id=fact.document_id,
                number=fact.number,
                code=fact.code,
                subject=fact.subject,
                handler=handler,
                deadline=fact.deadline,
                overdue_working_days=max(calendar.working_days_between(fact.deadline, today), 0),
            )
        )
    return tuple(sorted(items, key=lambda i: (-i.overdue_working_days, i.number or 0)))


def build_report(
    *,
    agency_name: str,
    parent_agency_name: str,
    unit: str,
    date_from: date,
    date_to: date,
    kinds: Sequence[KindCount],
    assignments: Sequence[AssignmentFact],
    issues: Sequence[IssueFact],
    unsigned_issued: int,
    calendar: WorkingCalendar,
    now: datetime,
) -> StatsReport:
    """The whole statistics report; ``assignments`` may reach back before the period (overdue)."""
    in_period = [f for f in assignments if date_from <= local_date(f.assigned_at) <= date_to]
    return StatsReport(
        agency_name=agency_name,
        parent_agency_name=parent_agency_name,
        unit=unit,
        date_from=date_from,
        date_to=date_to,
        generated_at=now,
        kinds=tuple(kinds),
        overall=handling_stats(EVERYONE, in_period, calendar, now),
        by_unit=_grouped(in_period, "unit", NO_UNIT, calendar, now),
        by_person=_grouped(in_period, "person", NO_PERSON, calendar, now),
        issuing=issue_stats(issues, unsigned_issued, calendar),
        overdue=overdue_items(assignments, calendar, now),
    )
