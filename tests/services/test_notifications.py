"""What the tray announces: new incoming documents, urgent ones apart, today's deadlines once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from app.domain.types import Direction, DocumentState, Urgency
from app.models import Agency, Document
from app.services.notifications import (
    MEMORY_FILE,
    NoticeKind,
    NotifyMemory,
    Watch,
    WatchedDocument,
    check,
    decide,
    load_watch,
    read_memory,
    write_memory,
)
from app.services.workspace import Workspace
from tests.services.conftest import NOW

TODAY = date(2026, 3, 10)  # NOW in Vietnam


def doc(id: int, urgency: int = 0, due: datetime | None = None) -> WatchedDocument:
    return WatchedDocument(id, f"{id:02d}/CV-SNV", f"Văn bản {id}", urgency, due)


def kinds(notices) -> list[tuple[NoticeKind, list[int]]]:
    return [(n.kind, [d.id for d in n.documents]) for n in notices]


def test_first_look_only_takes_note() -> None:
    notices, memory = decide(Watch(TODAY, (doc(5), doc(3)), ()), NotifyMemory())
    assert notices == [] and memory.last_id == 5


def test_first_look_with_nothing_waiting_makes_everything_later_new() -> None:
    _, memory = decide(Watch(TODAY, (), ()), NotifyMemory())
    notices, _ = decide(Watch(TODAY, (doc(1),), ()), memory)
    assert kinds(notices) == [(NoticeKind.NEW, [1])]


def test_new_and_urgent_are_told_apart() -> None:
    waiting = (doc(9, Urgency.FLASH), doc(8), doc(7, Urgency.URGENT), doc(6, Urgency.VERY_URGENT))
    notices, memory = decide(Watch(TODAY, (*waiting, doc(5)), ()), NotifyMemory(last_id=5))
    assert kinds(notices) == [(NoticeKind.URGENT, [9, 6]), (NoticeKind.NEW, [8, 7])]
    assert memory.last_id == 9
    again, _ = decide(Watch(TODAY, waiting, ()), memory)
    assert again == []  # told once


def test_due_today_once_per_day_per_document() -> None:
    due = NOW + timedelta(hours=6)
    watch = Watch(TODAY, (), (doc(4, due=due), doc(2, due=due)))
    notices, memory = decide(watch, NotifyMemory(last_id=10))
    assert kinds(notices) == [(NoticeKind.DUE_TODAY, [4, 2])]
    notices, memory = decide(Watch(TODAY, (), (doc(4), doc(2), doc(3))), memory)
    assert kinds(notices) == [(NoticeKind.DUE_TODAY, [3])]
    tomorrow = TODAY + timedelta(days=1)
    notices, memory = decide(Watch(tomorrow, (), (doc(4),)), memory)
    assert kinds(notices) == [(NoticeKind.DUE_TODAY, [4])]  # a new day: told again
    assert memory.due_announced == {4}


def test_memory_survives_a_restart(tmp_path: Path) -> None:
    write_memory(tmp_path, NotifyMemory(12, TODAY, {3, 4}))
    assert read_memory(tmp_path) == NotifyMemory(12, TODAY, {3, 4})
    (tmp_path / MEMORY_FILE).write_text("{not json", encoding="utf-8")
    assert read_memory(tmp_path) == NotifyMemory()  # damaged: a first look, no flood


def add(ws: Workspace, **fields) -> int:
    with ws.db.write() as session:
        agency_id = session.scalar(sa.select(Agency.id).where(Agency.is_local.is_(True)))
        values = {
            "agency_id": agency_id,
            "direction": Direction.INCOMING,
            "state": DocumentState.ARRIVED,
            "kind": "CV",
            "symbol": "SNV-VP",
            "subject": "Về việc kiểm tra",
        }
        document = Document(**{**values, **fields})
        session.add(document)
        session.flush()
        return document.id


def test_load_watch_reads_waiting_and_today_deadlines(ws: Workspace) -> None:
    waiting = add(ws, number=1)
    add(ws, number=2, state=DocumentState.REGISTERED)
    late_evening = datetime(2026, 3, 10, 16, 30, tzinfo=UTC)  # 23:30 in Vietnam: still today
    due = add(ws, number=3, state=DocumentState.PROCESSING, due_at=late_evening)
    add(ws, number=4, state=DocumentState.PROCESSING, due_at=late_evening + timedelta(hours=1))
    add(ws, number=5, state=DocumentState.COMPLETED, due_at=late_evening)
    add(ws, number=6, direction=Direction.OUTGOING, state=DocumentState.SUBMITTED, due_at=NOW)
    watch = load_watch(ws, NOW)
    assert watch.today == TODAY
    assert [d.id for d in watch.waiting] == [waiting]
    assert [d.id for d in watch.due_today] == [due]
    assert watch.waiting[0].code == "01/SNV-VP"


def test_check_remembers_between_looks(ws: Workspace) -> None:
    add(ws, number=1)
    assert check(ws, NOW) == []  # the first look
    flash = add(ws, number=2, urgency=Urgency.FLASH)
    assert kinds(check(ws, NOW)) == [(NoticeKind.URGENT, [flash])]
    assert check(ws, NOW) == []
