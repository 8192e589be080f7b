"""Translations: English changes the menus, qtbase_vi gives Qt's own buttons Vietnamese words,
the English catalogue is complete and keeps every placeholder, and the settings dialog stores
the language for the next start."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app import settings as S
from app.domain.queues import Queue
from app.paths import resources_dir
from app.services.workspace import Workspace
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.i18n import install_translators, remove_translators
from app.ui.i18n.domain_labels import domain_label, urgency_label
from app.ui.main_window import MainWindow
from app.ui.tablemodels.documents import Col
from app.ui.tasks import SyncTaskRunner

ENGLISH_TS = resources_dir() / "translations" / "vbdt_en.ts"
# What the code fills in at run time (str.format fields, Qt's %1) and what shapes the text:
# HTML tags and line breaks.
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%L?\d+|</?[a-z]+[^>]*>|\n")
# Left behind by lupdate for texts no longer in the sources; lrelease skips them.
_RETIRED = {"vanished", "obsolete"}


def _menus(win: MainWindow) -> list[str]:
    return [a.text().replace("&", "") for a in win.menuBar().actions()]


def test_english_translator_changes_menu_titles(qtbot: QtBot, office: Workspace) -> None:
    translators = install_translators("en")
    try:
        assert translators
        win = MainWindow(office, SyncTaskRunner())
        qtbot.addWidget(win)
        assert _menus(win) == ["File", "View", "Signing", "Reports", "Help"]
    finally:
        remove_translators(translators)
    win = MainWindow(office, SyncTaskRunner())
    qtbot.addWidget(win)
    assert _menus(win) == ["Tệp", "Xem", "Ký số", "Báo cáo", "Trợ giúp"]


def test_english_names_queues_and_states(qtbot: QtBot, workspace: Workspace) -> None:
    """The domain's labels (queue names, document states, urgency) follow the language too."""
    translators = install_translators("en")
    try:
        win = MainWindow(workspace, SyncTaskRunner())
        qtbot.addWidget(win)
        win.sidebar.select_queue(Queue.INCOMING)
        labels = win.sidebar.labels()
        for label in (
            "Incoming documents (2)", "Newly arrived (1)", "To register (0)", "Overdue (1)",
            "Outgoing documents (2)", "To approve and sign (1)", "Awaiting issue (1)",
            "Outbox (0)", "Waiting to send (0)", "Sending failed (0)",
        ):  # fmt: skip
            assert label in labels
        assert win.status_label.text().startswith("Incoming documents: ")
        model = win.documents.table.model()
        cells = [
            (model.index(r, Col.STATE).data(), model.index(r, Col.URGENCY).data())
            for r in range(model.rowCount())
        ]
        assert sorted(cells) == [("Newly arrived", "Urgent"), ("Registered", "Normal")]
        assert (domain_label("Tờ trình"), urgency_label(3)) == ("Submission", "Flash")
    finally:
        remove_translators(translators)
    assert (domain_label("Tờ trình"), urgency_label(3)) == ("Tờ trình", "Hỏa tốc")


def _live_messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message lrelease compiles."""
    found = []
    for context in ET.parse(ENGLISH_TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") not in _RETIRED:
                found.append((name, message.findtext("source") or "", translation))
    return found


def test_english_catalogue_is_complete() -> None:
    messages = _live_messages()
    assert len(messages) > 400  # the whole UI, not a stray fragment
    unfinished = [
        (context, source)
        for context, source, translation in messages
        if translation.get("type") == "unfinished" or not (translation.text or "").strip()
    ]
    assert unfinished == []


def test_english_keeps_the_placeholders() -> None:
    wrong = []
    for context, source, translation in _live_messages():
        text = translation.text or ""
        same_fields = sorted(_PLACEHOLDER.findall(source)) == sorted(_PLACEHOLDER.findall(text))
        # A menu entry keeps its accelerator ("&&" is a literal ampersand).
        same_accelerator = source.replace("&&", "").count("&") == text.replace("&&", "").count("&")
        if not (same_fields and same_accelerator):
            wrong.append((context, source, text))
    assert wrong == []


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
    from app.demo.pki import generate_demo_pki

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
