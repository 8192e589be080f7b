"""The signing window against a SCRIPTED FAKE token (tests/signing/fake_pkcs11.py), for what
SoftHSM cannot do: a PIN counter at FINAL_TRY or LOCKED, a PIN-pad reader, a token pulled out in
the middle of a batch. Every C_Login the fake sees is counted."""

from __future__ import annotations

from pyhanko.pdf_utils.reader import PdfFileReader
from PySide6.QtCore import Qt

from app.signing.tokens import PinState
from app.ui.signing.pin_dialog import PinDialog
from tests.signing.conftest import FAKE_PIN
from tests.signing.fake_pkcs11 import FakeDevice
from tests.ui.signing.conftest import FAKE_SERIAL, type_pin


def signatures(path) -> int:
    with open(path, "rb") as handle:
        return len(PdfFileReader(handle).embedded_regular_signatures)


def wait_done(qtbot, dialog, timeout: int = 15000) -> None:
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=timeout)


def test_final_try_refuses_without_a_login(qtbot, fake, pdfs) -> None:
    dialog = fake.dialog(qtbot, pdfs(1))
    dialog.tokens.timer.stop()  # no hot-plug re-listing: the flags change behind the picker
    fake.device.tries_left = 1  # e.g. wrong PINs typed in another program meanwhile
    dialog.sign_button.click()
    wait_done(qtbot, dialog)
    refusal = dialog.refusal
    assert isinstance(refusal, PinDialog) and refusal.state is PinState.FINAL_TRY
    assert refusal.isVisible() and not refusal.ok_button.isVisible()
    assert "liên hệ nhà cung cấp" in refusal.banner.text()
    assert fake.lib.login_calls == []
    assert fake.prompter.current is None  # never asked for a PIN
    # Back on the first page. The sign button may be on or off: a token listing already in
    # flight when the timer stopped can land after the refusal and (rightly) disable the choice.
    assert dialog.pages.currentIndex() == 0


def test_final_try_token_cannot_even_be_chosen(qtbot, fake, pdfs) -> None:
    fake.device.tries_left = 1
    dialog = fake.dialog(qtbot, pdfs(1), chosen=False)
    assert dialog.choice is None and not dialog.sign_button.isEnabled()
    assert "Còn 1 lần nhập PIN" in dialog.tokens.tree.topLevelItem(0).text(0)
    assert any("chỉ còn một lần" in d.text for d in dialog.tokens.diagnoses)


def test_locked_token_stops_with_a_clear_message(qtbot, fake, pdfs) -> None:
    fake.device.tries_left = 0
    dialog = fake.dialog(qtbot, pdfs(1), chosen=False)
    # The picker already says so, before any click.
    assert any("đã bị khóa" in d.text for d in dialog.tokens.diagnoses)
    assert dialog.choice is None and not dialog.sign_button.isEnabled()
    dialog.choice = dialog.tokens.tree.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.UserRole)
    dialog.sign()  # even if forced, the token layer refuses before any C_Login
    wait_done(qtbot, dialog)
    assert dialog.refusal.state is PinState.LOCKED and "bị khóa" in dialog.banner.text()
    assert fake.lib.login_calls == []


def test_enter_pressed_twice_logs_in_once(qtbot, fake, pdfs) -> None:
    dialog = fake.dialog(qtbot, pdfs(1))
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: fake.prompter.current is not None)
    pin_dialog = fake.prompter.current
    qtbot.keyClicks(pin_dialog.pin_edit, FAKE_PIN)
    qtbot.keyClick(pin_dialog.pin_edit, Qt.Key.Key_Return)
    qtbot.keyClick(pin_dialog.pin_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # lands on the signing window: no second job
    wait_done(qtbot, dialog)
    assert fake.lib.login_calls == [(FAKE_SERIAL, "pin")]
    assert len(fake.lib.signed_with) == 1
    outcome = dialog.results.rows[0][1]
    assert outcome.ok and signatures(outcome.output) == 1


def test_count_low_shows_the_warning_in_the_pin_dialog(qtbot, fake, pdfs) -> None:
    fake.device.tries_left = 3
    dialog = fake.dialog(qtbot, pdfs(1))
    dialog.sign_button.click()
    pin_dialog = type_pin(qtbot, fake.prompter, FAKE_PIN)
    assert pin_dialog.state is PinState.COUNT_LOW
    assert "nhập sai" in pin_dialog.banner.text()
    wait_done(qtbot, dialog)
    assert dialog.results.rows[0][1].ok


def test_keep_signed_in_skips_the_second_pin_until_sign_out(qtbot, fake, pdfs) -> None:
    first, second = pdfs(2)
    dialog = fake.dialog(qtbot, [first])
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: fake.prompter.current is not None)
    fake.prompter.current.keep_box.setChecked(True)
    type_pin(qtbot, fake.prompter, FAKE_PIN)
    wait_done(qtbot, dialog)
    assert "Token của Lãnh đạo" in dialog.signed_in.text()
    again = fake.dialog(qtbot, [second])
    again.sign_button.click()
    wait_done(qtbot, again)
    assert again.results.rows[0][1].ok and len(fake.lib.login_calls) == 1
    again.sign_out_button.click()
    qtbot.waitUntil(lambda: fake.session.signed_in() == [])
    assert not fake.device.logged_in


class PulledOutDevice(FakeDevice):
    """Pulled out of the USB port while making its ``at``-th signature."""

    def __init__(self, *args, at: int, **kwargs) -> None:
        self.at, self.signs = at, 0
        super().__init__(*args, **kwargs)

    @property
    def remove_on_next_sign(self) -> bool:
        self.signs += 1
        return self.signs == self.at

    @remove_on_next_sign.setter
    def remove_on_next_sign(self, _value: bool) -> None:
        pass


def test_token_pulled_out_mid_batch_then_resume_signs_only_the_rest(qtbot, fake, pdfs) -> None:
    device = fake.device
    flaky = PulledOutDevice(device.label, device.serial, device.pin, device.identities,
                            device.ca_certs, at=2)  # fmt: skip
    fake.lib.devices[0] = flaky
    files = pdfs(3)
    dialog = fake.dialog(qtbot, files)
    dialog.sign_button.click()
    type_pin(qtbot, fake.prompter, FAKE_PIN)
    wait_done(qtbot, dialog)
    results = [o for _, o in dialog.results.rows]
    assert [o.ok for o in results] == [True, False, False]
    assert results[1].error_code == "token_removed" and results[2].error_code == "not_run"
    assert "rút ra" in dialog.banner.text() and "Tiếp tục" in dialog.banner.text()
    assert dialog.resume_button.isVisible()
    first_output = results[0].output
    before = first_output.read_bytes()

    flaky.insert()
    dialog.resume_button.click()
    type_pin(qtbot, fake.prompter, FAKE_PIN)  # the removal ended the login: a new PIN
    wait_done(qtbot, dialog)
    results = [o for _, o in dialog.results.rows]
    assert all(o.ok for o in results)
    assert first_output.read_bytes() == before  # not signed a second time
    assert len(fake.lib.signed_with) == 3  # 1 before the removal + the 2 left
    assert [signatures(o.output) for o in results] == [1, 1, 1]
    assert all(p.read_bytes().startswith(b"%PDF") for p in files)  # sources untouched
    assert not dialog.resume_button.isVisible()


def test_pin_pad_reader_asks_on_the_reader(qtbot, fake, pdfs) -> None:
    fake.device.protected_auth = True
    shown: list = []
    fake.prompter.dialog_opened.connect(shown.append)
    dialog = fake.dialog(qtbot, pdfs(1))
    dialog.sign_button.click()
    wait_done(qtbot, dialog)
    assert fake.lib.login_calls == [(FAKE_SERIAL, "protected")]
    assert [d.pad for d in shown] == [True]
    assert dialog.results.rows[0][1].ok


def test_hot_plug_updates_the_picker(qtbot, fake, pdfs) -> None:
    dialog = fake.dialog(qtbot, pdfs(1))
    dialog.tokens.timer.setInterval(50)
    fake.device.remove()
    qtbot.waitUntil(lambda: dialog.choice is None, timeout=5000)
    assert any("Chưa cắm USB token" in d.text for d in dialog.tokens.diagnoses)
    assert not dialog.sign_button.isEnabled()
    fake.device.insert()
    qtbot.waitUntil(lambda: dialog.choice is not None, timeout=5000)
    assert dialog.sign_button.isEnabled()


def test_wrong_pins_are_never_retried_and_the_third_try_asks_first(qtbot, fake, pdfs) -> None:
    dialog = fake.dialog(qtbot, pdfs(1))
    for attempt in (1, 2):
        dialog.sign_button.click()
        pin_dialog = type_pin(qtbot, fake.prompter, "000000")
        assert pin_dialog.state is (PinState.OK if attempt == 1 else PinState.COUNT_LOW)
        wait_done(qtbot, dialog)
        assert len(fake.lib.login_calls) == attempt  # one C_Login per answer, no retry
        assert "không đúng" in dialog.banner.text() and "wrong" not in dialog.banner.text()
        assert "wrong PIN" in dialog.banner.toolTip()  # the detail stays for support staff
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: fake.prompter.current is not None)
    assert "sai mã PIN 2 lần" in fake.prompter.current.text()
    qtbot.keyClick(fake.prompter.current, Qt.Key.Key_Return)  # the default answer is "no"
    wait_done(qtbot, dialog)
    assert len(fake.lib.login_calls) == 2 and "Đã hủy" in dialog.banner.text()


def test_stop_is_honoured_between_files_and_resume_finishes(qtbot, fake, pdfs) -> None:
    dialog = fake.dialog(qtbot, pdfs(3))
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: fake.prompter.current is not None)
    assert dialog.stop_button.isVisible()
    dialog.stop_button.click()  # before the first file: the services check before each one
    type_pin(qtbot, fake.prompter, FAKE_PIN)
    wait_done(qtbot, dialog)
    assert dialog.last_batch.cancelled
    assert [o.error_code for _, o in dialog.results.rows] == ["not_run"] * 3
    assert "Đã dừng theo yêu cầu" in dialog.banner.text() and dialog.resume_button.isVisible()
    assert fake.lib.signed_with == []
    dialog.resume_button.click()
    type_pin(qtbot, fake.prompter, FAKE_PIN)
    wait_done(qtbot, dialog)
    assert all(o.ok for _, o in dialog.results.rows) and len(fake.lib.signed_with) == 3
