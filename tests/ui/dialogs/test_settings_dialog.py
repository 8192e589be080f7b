"""The settings dialog: the platform secret is written to its 0600 file and never shown back, the
connection check says in words what a real sandbox platform answered, and calendar days added in
the table become the ``calendar_overrides`` setting."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app import settings as S
from app.services.workspace import Workspace, open_workspace
from app.sync.engine import SECRET_ENV
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.tasks import SyncTaskRunner
from sandbox.testing import SandboxHandle, run_server

SYSTEM = "000.00.00.H18"


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    monkeypatch.delenv(SECRET_ENV, raising=False)
    workspace = open_workspace(tmp_path / "office")
    try:
        yield workspace
    finally:
        workspace.close()


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[SandboxHandle]:
    with run_server(tmp_path / "platform", seed="demo") as handle:
        yield handle


def _dialog(qtbot: QtBot, ws: Workspace) -> SettingsDialog:
    dialog = SettingsDialog(ws, SyncTaskRunner())
    qtbot.addWidget(dialog)
    return dialog


def _shown_texts(dialog: SettingsDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_secret_goes_to_its_file_and_is_never_shown(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    box = dialog.platform
    assert box.secret_note.text() == "Chưa có khóa."
    box.system_id.setText(f" {SYSTEM} ")
    box.secret.setText("bí-mật-thử-nghiệm")
    dialog.save()

    path = ws.data_dir / "platform-secret"
    assert path.read_text(encoding="utf-8") == "bí-mật-thử-nghiệm\n"
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    assert ws.settings.get(S.PLATFORM_SYSTEM_ID) == SYSTEM
    assert "bí-mật" not in ws.settings.path.read_text(encoding="utf-8")
    assert box.secret.text() == ""

    again = _dialog(qtbot, ws)
    assert again.platform.secret.text() == ""
    assert again.platform.system_id.text() == SYSTEM
    note = again.platform.secret_note.text()
    assert note == f"Đã có khóa (lưu trong tệp {path})."
    assert "bí-mật" not in _shown_texts(again)

    # Saving with the field left empty keeps the secret.
    again.save()
    assert path.read_text(encoding="utf-8") == "bí-mật-thử-nghiệm\n"


def test_an_environment_secret_is_named_not_shown(
    qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SECRET_ENV, "từ-môi-trường")
    dialog = _dialog(qtbot, ws)
    assert SECRET_ENV in dialog.platform.secret_note.text()
    assert "từ-môi-trường" not in _shown_texts(dialog)


def test_connection_check_says_what_the_platform_answered(
    qtbot: QtBot, ws: Workspace, platform: SandboxHandle
) -> None:
    dialog = _dialog(qtbot, ws)
    box = dialog.platform
    box.url.setText(platform.base_url)
    box.system_id.setText(SYSTEM)

    box.secret.setText("không-phải-khóa-này")
    box.check_button.click()
    assert box.check_note.text().startswith("Sai mã định danh hệ thống hoặc khóa bí mật")
    assert "AUTH_FAILED" in box.check_note.text()

    box.secret.setText(platform.secrets[SYSTEM])  # typed, not saved yet: checked as typed
    box.check_button.click()
    assert box.check_note.text().startswith("Kết nối được")
    assert not (ws.data_dir / "platform-secret").exists()

    dialog.save()  # now kept: an empty field checks the kept one
    box.check_button.click()
    assert box.check_note.text().startswith("Kết nối được")

    box.url.setText(platform.base_url + "/khong-co")
    box.check_button.click()
    assert box.check_note.text().startswith("Máy chủ có trả lời nhưng không nhận yêu cầu")


def test_connection_check_without_a_server_or_an_id(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    box = dialog.platform
    box.check_button.click()
    assert box.check_note.text().startswith("Chưa đủ thông tin để kết nối")

    box.url.setText("http://127.0.0.1:9/api/v1")  # the discard port: nobody listens
    box.system_id.setText(SYSTEM)
    box.secret.setText("khóa")
    box.check_button.click()
    assert box.check_note.text().startswith("Không tới được máy chủ trục liên thông (NETWORK)")
    assert box.check_button.isEnabled()


def test_calendar_days_are_saved_as_the_setting(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _dialog(qtbot, ws)
    cal = dialog.calendar
    assert cal.table.rowCount() == 0
    cal.day.setDate(QDate(2026, 4, 27))
    cal.kind.setCurrentIndex(cal.kind.findData(False))
    cal.reason.setText(" Nghỉ bù Giỗ Tổ Hùng Vương ")
    cal.add_button.click()
    cal.day.setDate(QDate(2026, 4, 18))
    cal.kind.setCurrentIndex(cal.kind.findData(True))
    cal.reason.setText("Làm bù")
    cal.add_button.click()
    cal.day.setDate(QDate(2026, 5, 4))
    cal.add_button.click()
    assert [cal.table.item(i, 0).text() for i in range(3)] == [
        "18/04/2026",
        "27/04/2026",
        "04/05/2026",
    ]
    cal.table.selectRow(2)
    cal.remove_button.click()
    dialog.save()

    assert ws.settings.get(S.CALENDAR_OVERRIDES) == [
        {"day": "2026-04-18", "working": True, "reason": "Làm bù"},
        {"day": "2026-04-27", "working": False, "reason": "Nghỉ bù Giỗ Tổ Hùng Vương"},
    ]
    again = _dialog(qtbot, ws)
    assert again.calendar.table.rowCount() == 2
    assert again.calendar.table.item(1, 1).text() == "Ngày nghỉ"
    assert again.calendar.rows() == ws.settings.get(S.CALENDAR_OVERRIDES)
    # The same day added again replaces its row.
    again.calendar.put(date(2026, 4, 27), True, "Đổi ý")
    assert again.calendar.table.rowCount() == 2
    assert again.calendar.rows()[1] == {"day": "2026-04-27", "working": True, "reason": "Đổi ý"}
