"""Translations: English changes the menus, qtbase_vi gives Qt's own buttons Vietnamese words,
and the settings dialog stores the language for the next start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app import settings as S
from app.services.workspace import Workspace
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.i18n import install_translators, remove_translators
from app.ui.main_window import MainWindow
from app.ui.tasks import SyncTaskRunner


def _menus(win: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in win.menuBar().actions()]


def test_english_translator_changes_menu_titles(qtbot: QtBot, office: Workspace) -> None:
    translators = install_translators("en")
    try:
        assert translators
        win = MainWindow(office, SyncTaskRunner())
        qtbot.addWidget(win)
        assert _menus(win) == ["File", "View", "Signing", "Help"]
    finally:
        remove_translators(translators)
    win = MainWindow(office, SyncTaskRunner())
    qtbot.addWidget(win)
    assert _menus(win) == ["Tệp", "Xem", "Ký số", "Trợ giúp"]


def test_qt_buttons_in_vietnamese(qtbot: QtBot) -> None:
    translators = install_translators("vi")
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Close
        )
        qtbot.addWidget(box)
        texts = [b.text().replace("&", "") for b in box.buttons()]
        assert {"Đồng ý", "Hủy", "Đóng"} <= set(texts)
    finally:
        remove_translators(translators)


def test_settings_store_language_and_import_anchors(
    qtbot: QtBot, office: Workspace, tmp_path: Path
) -> None:
    from tests.ui.document.conftest import generate_demo_pki

    dialog = SettingsDialog(office, SyncTaskRunner())
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.paper_kinds.setText("QĐ, CT")
    dialog.save()
    assert office.settings.get(S.LANGUAGE) == "en"
    assert office.settings.get(S.PAPER_COPY_KINDS) == ["QĐ", "CT"]

    root = tmp_path / "root.cer"
    root.write_bytes(generate_demo_pki().root.cert_der)
    dialog.import_anchors([root])
    assert dialog.trust_note.text()
