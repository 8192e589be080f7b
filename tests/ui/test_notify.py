"""Tray notifications through the real window (offscreen: a tray icon is passed in, since the
platform has no tray of its own): urgent and new documents, today's deadlines, clicks."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QSystemTrayIcon

from app.domain.calendar import VN_TZ, local_date
from app.domain.queues import Queue
from app.domain.types import Direction, DocumentState, Urgency
from app.models import Agency, Document
from app.services.workspace import Workspace
from app.ui.main_window import MainWindow
from app.ui.notify import TrayNotifier
from app.ui.tasks import SyncTaskRunner


@pytest.fixture
def window(qtbot, workspace: Workspace) -> MainWindow:
    runner = SyncTaskRunner()
    win = MainWindow(workspace, runner, tray=QSystemTrayIcon())
    qtbot.addWidget(win)
    win.show()
    return win


def arrive(ws: Workspace, subject: str, urgency: int = 0, **fields) -> int:
    with ws.db.write() as session:
        agency_id = session.scalar(sa.select(Agency.id).where(Agency.is_local.is_(True)))
        values = {
            "agency_id": agency_id,
            "direction": Direction.INCOMING,
            "state": DocumentState.ARRIVED,
            "kind": "CV",
            "number": 30,
            "symbol": "STC-NS",
            "subject": subject,
            "sender_name": "Sở Tài chính tỉnh Điện Biên",
            "urgency": urgency,
        }
        doc = Document(**{**values, **fields})
        session.add(doc)
        session.flush()
        return doc.id


def test_without_a_tray_nothing_happens(qtbot, workspace: Workspace) -> None:
    win = MainWindow(workspace, SyncTaskRunner())  # offscreen: no system tray
    qtbot.addWidget(win)
    assert not win.notifier.active
    arrive(workspace, "Về việc lập dự toán", Urgency.FLASH)
    win.refresh()
    assert win.notifier.last_message is None


def test_urgent_document_is_told_and_a_click_opens_it(qtbot, window, workspace) -> None:
    notifier = window.notifier
    assert notifier.last_message is None  # the first look at start only takes note
    flash = arrive(workspace, "Về việc phòng chống lũ quét", Urgency.FLASH)
    window.refresh_action.trigger()  # F5
    title, text = notifier.last_message
    assert title == "Văn bản khẩn mới đến"
    assert text == "[Hỏa tốc] 30/STC-NS — Về việc phòng chống lũ quét"
    with qtbot.waitSignal(notifier.open_document) as opened:
        notifier.tray.messageClicked.emit()
    assert opened.args == [flash]


def test_new_documents_then_a_click_shows_the_incoming_queue(qtbot, window, workspace) -> None:
    for i in range(5):
        arrive(workspace, f"Về việc báo cáo số {i}")
    window.sidebar.select_queue(Queue.TO_SIGN)
    window.refresh()
    title, text = window.notifier.last_message
    assert title == "5 văn bản đến mới"
    assert text.splitlines()[-1] == "… và 2 văn bản khác"
    window.notifier.tray.messageClicked.emit()
    assert window.sidebar.current_queue() is Queue.INCOMING


def test_deadline_today_is_told_once(qtbot, window, workspace: Workspace) -> None:
    due = datetime.combine(local_date(datetime.now(UTC)), time(12), tzinfo=VN_TZ)  # noon today
    arrive(workspace, "Về việc góp ý dự thảo", state=DocumentState.PROCESSING, due_at=due)
    notifier: TrayNotifier = window.notifier
    window.refresh()
    assert notifier.last_message[0] == "Văn bản đến hạn xử lý hôm nay"
    notifier.last_message = None
    window.refresh()
    assert notifier.last_message is None  # once per day
