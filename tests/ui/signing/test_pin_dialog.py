"""The PIN dialog's states, one submission per click, and the Qt prompter's marshalling from the
token thread to the GUI thread (no token needed: the prompter is called from the task runner's
token executor exactly as the token layer calls it)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from app.signing.tokens import MessageLevel, PinRequest, PinState
from app.ui.signing.pin_dialog import PinDialog, refusal_dialog
from app.ui.signing.qt_prompter import QtPinPrompter
from app.ui.signing.session import TokenBrief

BRIEF = TokenBrief("Token của Lãnh đạo", "SER-0042", "Cầm Văn Thưởng")


def dialog(qtbot, state: PinState = PinState.OK, **kwargs) -> tuple[PinDialog, list]:
    answers: list = []
    widget = PinDialog(None, BRIEF, state=state, on_submit=lambda p, k: answers.append((p, k)),
                       **kwargs)  # fmt: skip
    qtbot.addWidget(widget)
    widget.show()
    return widget, answers


def test_token_and_state_are_shown_before_typing(qtbot) -> None:
    widget, _ = dialog(qtbot)
    text = widget.token_label.text()
    assert "Token của Lãnh đạo" in text and "SER-0042" in text
    assert widget.pin_edit.echoMode() is widget.pin_edit.EchoMode.Password
    assert not widget.keep_box.isChecked()  # nothing is kept unless the person asks
    assert widget.banner.isHidden()


def test_count_low_warns_in_amber_and_still_allows_entry(qtbot) -> None:
    widget, answers = dialog(qtbot, PinState.COUNT_LOW, app_failures=1)
    assert widget.banner.isVisible() and "nhập sai" in widget.banner.text()
    assert "#fff4d6" in widget.banner.styleSheet()  # amber
    assert widget.pin_edit.isVisible() and widget.ok_button.isEnabled()
    qtbot.keyClicks(widget.pin_edit, "2468")
    qtbot.keyClick(widget.pin_edit, Qt.Key.Key_Return)
    assert answers == [("2468", False)]


@pytest.mark.parametrize("state", [PinState.FINAL_TRY, PinState.LOCKED])
def test_final_try_and_locked_refuse_to_submit(qtbot, state: PinState) -> None:
    widget, answers = dialog(qtbot, state)
    assert not widget.pin_edit.isVisible() and not widget.ok_button.isVisible()
    assert "nhà cung cấp chứng thư số" in widget.banner.text()
    assert widget.cancel_button.text() == "Đóng"
    widget.submit()
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert answers == []


def test_refusal_dialog_for_a_locked_token(qtbot) -> None:
    widget = refusal_dialog(None, "Token A", "S1", PinState.LOCKED, demo=True)
    qtbot.addWidget(widget)
    widget.show()
    assert "bị khóa" in widget.banner.text()
    assert widget.findChild(type(widget.banner), "demoBadge").text() == (
        "Demo — không phải token thật"
    )


def test_enter_twice_submits_once_and_the_field_is_cleared(qtbot) -> None:
    widget, answers = dialog(qtbot)
    widget.keep_box.setChecked(True)
    qtbot.keyClicks(widget.pin_edit, "123456")
    qtbot.keyClick(widget.pin_edit, Qt.Key.Key_Return)
    qtbot.keyClick(widget.pin_edit, Qt.Key.Key_Return)
    widget.ok_button.click()
    assert answers == [("123456", True)]
    assert widget.pin_edit.text() == ""


def test_pin_pad_has_no_entry_field(qtbot) -> None:
    widget, answers = dialog(qtbot, pad=True)
    assert not widget.pin_edit.isVisible() and not widget.ok_button.isVisible()
    assert "bàn phím của đầu đọc" in widget.banner.text()
    widget.submit()
    assert answers == []


# --- the prompter -------------------------------------------------------------------------------
def request(state: PinState = PinState.OK) -> PinRequest:
    return PinRequest("Token của Lãnh đạo", "SER-0042", state, False, 0)


def test_prompter_is_called_on_the_token_thread_and_asks_on_the_gui_thread(qtbot, runner):
    prompter = QtPinPrompter()
    answers: list = []
    runner.run(lambda: prompter.get_pin(request()), on_success=answers.append, kind="token")
    qtbot.waitUntil(lambda: prompter.current is not None)
    shown = prompter.current
    assert shown.created_thread == threading.main_thread().name
    assert prompter.calls[0][0] == "get_pin" and prompter.calls[0][1].startswith("vbdt-token")
    qtbot.keyClicks(shown.pin_edit, "123456")
    qtbot.keyClick(shown.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: answers == ["123456"])
    prompter.close()


def test_prompter_warning_goes_into_the_pin_dialog_and_cancel_is_none(qtbot, runner) -> None:
    prompter = QtPinPrompter()
    answers: list = []

    def token_layer() -> str | None:
        prompter.announce(TokenBrief("Token của Lãnh đạo", "SER-0042", demo=True))
        prompter.show_message("Token báo đã nhập sai.", MessageLevel.WARNING)
        return prompter.get_pin(request(PinState.COUNT_LOW))

    runner.run(token_layer, on_success=answers.append, kind="token")
    qtbot.waitUntil(lambda: prompter.current is not None)
    assert prompter.current.findChild(type(prompter.current.banner), "demoBadge") is not None
    assert prompter.current.banner.isVisible()
    prompter.current.cancel_button.click()
    qtbot.waitUntil(lambda: answers == [None])
    prompter.close()


def test_confirm_defaults_to_no_and_close_releases_a_waiting_token_thread(qtbot, runner):
    prompter = QtPinPrompter()
    answers: list = []
    runner.run(lambda: prompter.confirm("Thử lại?"), on_success=answers.append, kind="token")
    qtbot.waitUntil(lambda: prompter.current is not None)
    qtbot.keyClick(prompter.current, Qt.Key.Key_Return)  # a reflexive Enter means "no"
    qtbot.waitUntil(lambda: answers == [False])
    runner.run(lambda: prompter.get_pin(request()), on_success=answers.append, kind="token")
    qtbot.waitUntil(lambda: prompter.current is not None)
    prompter.close()  # the window closes while the token thread waits for a PIN
    qtbot.waitUntil(lambda: answers == [False, None])
