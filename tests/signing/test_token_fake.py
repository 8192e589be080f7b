"""PIN safety and device-loss recovery against a SCRIPTED FAKE token (tests/signing/fake_pkcs11).

SoftHSM never reports FINAL_TRY or LOCKED and cannot be unplugged, so these behaviours are
scripted at the python-pkcs11 boundary instead.
"""

from __future__ import annotations

import io
import json
import logging
import traceback

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

from app.errors import PinFinalTry, PinIncorrect, PinLocked, TokenRemoved, UserCancelled
from app.signing.tokens import (
    LoginClosed,
    MessageLevel,
    NotOnTokenThread,
    PinEmpty,
    PinState,
    ScriptedPrompter,
    TokenAuthUnsupported,
)
from app.signing.tokens.attempts import AttemptCounter
from app.signing.tokens.thread import THREAD_NAME_PREFIX
from tests.signing.conftest import FAKE_PIN, FakeRig, tiny_pdf

SERIAL = "FAKE0001"
KEY_ID = b"\x01lead"


def test_final_try_refuses_without_asking_or_logging_in(fake: FakeRig) -> None:
    fake.device.tries_left = 1
    prompter = ScriptedPrompter()
    with pytest.raises(PinFinalTry):
        fake.manager.login(SERIAL, prompter)
    assert prompter.calls == [] and fake.lib.login_calls == []


def test_locked_refuses_without_asking_or_logging_in(fake: FakeRig) -> None:
    fake.device.tries_left = 0
    prompter = ScriptedPrompter()
    with pytest.raises(PinLocked):
        fake.manager.login(SERIAL, prompter)
    assert prompter.calls == [] and fake.lib.login_calls == []


def test_flags_are_read_again_before_every_login(fake: FakeRig) -> None:
    assert fake.manager.list_tokens()[0].pin_state is PinState.OK
    fake.device.tries_left = 1  # changed behind our back (another program, or the reader)
    with pytest.raises(PinFinalTry):
        fake.manager.login(SERIAL, ScriptedPrompter())


def test_count_low_warns_then_logs_in(fake: FakeRig) -> None:
    fake.device.tries_left = 3
    prompter = ScriptedPrompter([FAKE_PIN])
    login = fake.manager.login(SERIAL, prompter)
    assert login.active
    assert [name for name, _ in prompter.calls] == ["show_message", "get_pin"]
    level, _ = prompter.called("show_message")[0]
    assert level is MessageLevel.WARNING
    assert prompter.called("get_pin")[0].pin_state is PinState.COUNT_LOW
    assert fake.lib.login_calls == [(SERIAL, "pin")]


def test_two_app_failures_require_confirm_and_no_means_no_login(fake: FakeRig) -> None:
    for _ in range(2):
        with pytest.raises(PinIncorrect):
            fake.manager.login(SERIAL, ScriptedPrompter(["0000"]))
    assert len(fake.lib.login_calls) == 2
    declining = ScriptedPrompter(confirms=[False])
    with pytest.raises(UserCancelled):
        fake.manager.login(SERIAL, declining)
    assert len(fake.lib.login_calls) == 2  # no C_Login after "no"
    assert declining.called("get_pin") == []
    (question,) = declining.called("confirm")
    assert "3–5" in str(question) and SERIAL in str(question)
    agreeing = ScriptedPrompter([FAKE_PIN], confirms=[True])
    assert fake.manager.login(SERIAL, agreeing).active
    assert len(fake.lib.login_calls) == 3
    assert AttemptCounter(fake.attempts_file).failures(SERIAL) == 0


def test_lying_driver_still_needs_confirm_after_two_app_failures(fake: FakeRig) -> None:
    fake.device.lying = True
    counter = AttemptCounter(fake.attempts_file)
    counter.record_failure(SERIAL)
    counter.record_failure(SERIAL)  # e.g. in an earlier run of the app
    assert fake.manager.list_tokens()[0].pin_state is PinState.OK  # the flags say all is well
    prompter = ScriptedPrompter(confirms=[False])
    with pytest.raises(UserCancelled):
        fake.manager.login(SERIAL, prompter)
    assert fake.lib.login_calls == [] and len(prompter.called("confirm")) == 1


def test_cancel_and_empty_pin_cost_no_try(fake: FakeRig) -> None:
    with pytest.raises(UserCancelled):
        fake.manager.login(SERIAL, ScriptedPrompter([None]))
    with pytest.raises(PinEmpty):
        fake.manager.login(SERIAL, ScriptedPrompter([""]))
    assert fake.lib.login_calls == []
    assert fake.device.tries_left == fake.device.max_tries


def test_protected_auth_path_logs_in_on_the_reader(fake: FakeRig) -> None:
    fake.device.protected_auth = True
    prompter = ScriptedPrompter()  # no PIN in the script: asking for one would fail the test
    assert fake.manager.login(SERIAL, prompter).active
    assert fake.lib.login_calls == [(SERIAL, "protected")]
    ((level, message),) = prompter.called("show_message")
    assert level is MessageLevel.INFO and "bàn phím" in message


def test_per_signature_pin_on_a_pin_pad_is_refused_clearly(fake: FakeRig) -> None:
    fake.device.protected_auth = True
    fake.device.identities[0].always_authenticate = True
    login = fake.manager.login(SERIAL, ScriptedPrompter())
    signer = fake.manager.signer(login, KEY_ID)
    with pytest.raises(TokenAuthUnsupported):
        signer.sign_raw(b"data", "sha256")
    assert fake.lib.context_logins == []


def test_per_signature_pin_asks_each_time(fake: FakeRig) -> None:
    fake.device.identities[0].always_authenticate = True
    prompter = ScriptedPrompter([FAKE_PIN, FAKE_PIN, FAKE_PIN])
    login = fake.manager.login(SERIAL, prompter)
    signer = fake.manager.signer(login, KEY_ID)
    signer.sign_raw(b"one", "sha256")
    signer.sign_raw(b"two", "sha256")
    assert fake.lib.context_logins == [SERIAL, SERIAL]
    assert [r.purpose for r in prompter.called("get_pin")] == ["login", "signature", "signature"]


def test_token_removed_mid_signature_then_recovers_without_stale_handles(fake: FakeRig) -> None:
    login = fake.manager.login(SERIAL, ScriptedPrompter([FAKE_PIN]))
    signer = fake.manager.signer(login, KEY_ID)
    fake.device.remove_on_next_sign = True
    with pytest.raises(TokenRemoved):
        signer.sign_raw(b"data", "sha256")
    assert not login.active
    with pytest.raises(TokenRemoved):  # the old login and signer are dead, not half-alive
        signer.sign_raw(b"data", "sha256")
    assert fake.manager.list_tokens() == []  # still out
    fake.device.insert()
    assert [t.serial for t in fake.manager.list_tokens()] == [SERIAL]
    assert fake.lib.reinit_count == 1  # re-enumerated from a re-initialised library
    new_login = fake.manager.login(SERIAL, ScriptedPrompter([FAKE_PIN]))
    assert new_login is not login
    new_signer = fake.manager.signer(new_login, KEY_ID)
    data = b"after re-plug"
    signature = new_signer.sign_raw(data, "sha256")
    cert = fake.device.identities[0].cert
    cert.public_key().verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
    assert fake.lib.stale_uses == []
    assert fake.lib.signed_with[-1] == (fake.device.generation, fake.lib.epoch)
    with pytest.raises(TokenRemoved):
        fake.manager.signer(login, KEY_ID)


def test_removal_surfaces_through_pyhanko_as_token_removed(fake: FakeRig) -> None:
    login = fake.manager.login(SERIAL, ScriptedPrompter([FAKE_PIN]))
    signer = fake.manager.signer(login, KEY_ID)
    fake.device.remove_on_next_sign = True
    with pytest.raises(TokenRemoved):
        signers.sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(tiny_pdf())),
            signers.PdfSignatureMetadata(field_name="ChuKy"),
            signer=signer,
            output=io.BytesIO(),
        )
    assert login.lost and not login.active


def test_signing_from_the_token_thread_itself_does_not_deadlock(fake: FakeRig) -> None:
    """app.signing.pades may run the whole pyhanko call on the token thread."""
    login = fake.manager.login(SERIAL, ScriptedPrompter([FAKE_PIN]))
    signer = fake.manager.signer(login, KEY_ID)
    signature = fake.manager.thread.submit(signer.sign_raw, b"data", "sha256").result(timeout=10)
    cert = fake.device.identities[0].cert
    cert.public_key().verify(signature, b"data", padding.PKCS1v15(), hashes.SHA256())


def test_closed_login_cannot_sign(fake: FakeRig) -> None:
    login = fake.manager.login(SERIAL, ScriptedPrompter([FAKE_PIN]))
    signer = fake.manager.signer(login, KEY_ID)
    login.close()
    with pytest.raises(LoginClosed):
        signer.sign_raw(b"data", "sha256")
    assert fake.device.logged_in is False  # C_Logout happened


def test_low_level_functions_refuse_other_threads(fake: FakeRig) -> None:
    with pytest.raises(NotOnTokenThread):
        fake.manager._list_tokens_on_thread()
    fake.manager.list_tokens()
    assert fake.lib.calls and {t.rsplit("_", 1)[0] for _, t in fake.lib.calls} == {
        THREAD_NAME_PREFIX
    }


def test_the_pin_never_shows_up(fake: FakeRig, caplog: pytest.LogCaptureFixture) -> None:
    secret = "Zq9-BIMAT-7731"
    fake.device.pin = secret + "!"
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    for pin in (secret, secret * 2):
        prompter = ScriptedPrompter([pin])
        with pytest.raises(PinIncorrect) as caught:
            fake.manager.login(SERIAL, prompter)
        exc = caught.value
        texts += [str(exc), repr(exc), repr(exc.params), repr(prompter)]
        texts.append("".join(traceback.format_exception(exc)))
    fake.device.identities[0].always_authenticate = True
    prompter = ScriptedPrompter([secret + "!", secret], confirms=[True])
    login = fake.manager.login(SERIAL, prompter)
    with pytest.raises(PinIncorrect) as caught:
        fake.manager.signer(login, KEY_ID).sign_raw(b"x", "sha256")
    texts += [str(caught.value), "".join(traceback.format_exception(caught.value))]
    texts += [repr(login), repr(fake.manager), repr(prompter.calls)]
    texts += [caplog.text, *(r.getMessage() for r in caplog.records)]
    texts.append(fake.attempts_file.read_text(encoding="utf-8"))
    assert caplog.records  # the login code did log: just never the PIN
    for blob in texts:
        assert secret not in blob
    assert json.loads(texts[-1])["tokens"][SERIAL]["failures"] == 1
