"""The status bar's sync part: waiting items and the oldest one's age, failures, last sync."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from app.sync.engine import SyncCounts
from app.ui.main_window import MainWindow
from app.ui.tasks import SyncTaskRunner
from tests.services.conftest import Kit
from tests.ui.document.conftest import receive_signed


def test_waiting_receipt_is_counted(
    qtbot: QtBot, office: Workspace, ui_kit: Kit, signed_bytes: bytes, tmp_path: Path
) -> None:
    receive_signed(office, ui_kit, signed_bytes, tmp_path / "in.edxml")
    win = MainWindow(office, SyncTaskRunner())
    qtbot.addWidget(win)
    text = win.sync_status.label.text()
    assert text.startswith("Chờ gửi: 1 (lâu nhất")
    assert "Đồng bộ lần cuối: chưa" in text
    assert win.network_label.text() == "Ngoại tuyến"


def test_counts_text(qtbot: QtBot, office: Workspace) -> None:
    win = MainWindow(office, SyncTaskRunner())
    qtbot.addWidget(win)
    now = datetime(2026, 3, 10, 5, 0, tzinfo=UTC)
    counts = SyncCounts(3, now - timedelta(hours=5), 1, 0, now - timedelta(minutes=5), True)
    win.sync_status.show_counts(counts, now)
    assert win.sync_status.label.text() == (
        "Chờ gửi: 3 (lâu nhất 5 giờ) · Lỗi: 1 · Đồng bộ lần cuối: 10/03/2026 11:55"
    )
    assert win.network_label.text() == "Trực tuyến"
