"""The token doctor's plain-language diagnoses (widget-free), and the doctor window opened through
the public entry point on a demo workspace whose "token" is the PKCS#12 stand-in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from PySide6.QtWidgets import QWidget

from app.services.demo_tokens import (
    DEMO_P12_PASSWORD,
    DEMO_TOKEN_PIN,
    PKI_DIR,
    provision_demo_tokens,
)
from app.services.tokens import ModuleChoice, ModuleListing, TokenEntry
from app.services.workspace import Workspace
from app.signing.tokens.info import describe_certificate
from app.ui.signing.diagnosis import Severity, certificate_status, diagnose
from app.ui.signing.entry import open_sign_dialog, open_token_doctor, session_for
from tests.ui.signing.conftest import type_pin


def cert_info(pki, *, days_after_expiry: int | None = None, days_left: int | None = None):
    cert = pki.leader.cert
    now = cert.not_valid_after_utc
    now = now + timedelta(days=days_after_expiry) if days_after_expiry else now
    now = now - timedelta(days=days_left) if days_left else now
    return describe_certificate(
        cert.public_bytes(Encoding.DER), token_serial="S1", token_label="Token A",
        cka_id=b"\x01", label="leader", has_key=True, now=now,
    )  # fmt: skip


def listing(*tokens: TokenEntry, error_code: str | None = None) -> ModuleListing:
    module = ModuleChoice("C:/Windows/System32/viettel-ca_v6.dll", "found", "Viettel-CA")
    error = "Trình điều khiển là bản 32-bit…" if error_code else None
    return ModuleListing(module, tokens, error, error_code)


def texts(findings) -> str:
    return "\n".join(f.text for f in findings)


def test_no_driver_at_all_says_what_to_install() -> None:
    (finding,) = diagnose([])
    assert finding.severity is Severity.ERROR and "Viettel-CA, VNPT-CA" in finding.text


def test_driver_problems_and_missing_token_in_plain_words() -> None:
    said = texts(diagnose([listing(error_code="module_arch_mismatch")]))
    assert "không cùng kiến trúc 32/64-bit" in said and "Viettel-CA" in said
    assert "Không tìm thấy tệp trình điều khiển" in texts(
        diagnose([listing(error_code="module_missing")])
    )
    assert "Chưa cắm USB token" in texts(diagnose([listing()]))


def test_certificate_expired_or_expiring(demo_pki) -> None:
    expired = cert_info(demo_pki, days_after_expiry=3)
    token = TokenEntry("Token A", "S1", certificates=(expired,))
    said = diagnose([listing(token)])
    assert "đã hết hạn ngày" in texts(said) and "Chưa có chứng thư số nào" in texts(said)
    assert certificate_status(expired) == (Severity.ERROR, "Đã hết hạn")
    soon = cert_info(demo_pki, days_left=12)
    said = diagnose([listing(TokenEntry("Token A", "S1", certificates=(soon,)))])
    assert "sẽ hết hạn sau 12 ngày" in texts(said) and "Sẵn sàng ký: 1" in texts(said)
    assert certificate_status(soon) == (Severity.WARNING, "Sắp hết hạn (còn 12 ngày)")


@pytest.mark.parametrize(
    ("state", "words"),
    [("count_low", "đã có lần nhập sai"), ("final_try", "chỉ còn một lần"), ("locked", "khóa")],
)
def test_pin_nearly_locked(demo_pki, state: str, words: str) -> None:
    token = TokenEntry(
        "Token A", "S1", pin_state=state, certificates=(cert_info(demo_pki, days_left=300),)
    )
    said = diagnose([listing(token)])
    assert words in texts(said)
    if state != "count_low":  # no certificate on a refusing token counts as usable
        assert "Chưa có chứng thư số nào" in texts(said)


@pytest.fixture
def p12_workspace(workspace: Workspace, demo_pki) -> Workspace:
    from app.demo.pki import write_pki

    write_pki(demo_pki, workspace.data_dir / PKI_DIR, DEMO_P12_PASSWORD)
    provision_demo_tokens(workspace.data_dir, demo_pki, softhsm=False)
    return workspace


def test_doctor_and_signing_with_the_pkcs12_stand_in(qtbot, runner, p12_workspace, tmp_path):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    doctor = open_token_doctor(window, p12_workspace, runner)
    qtbot.waitUntil(lambda: bool(doctor.panel.listings), timeout=10000)
    lines = [doctor.panel.tree.topLevelItem(i).text(0) for i in range(2)]
    assert all("Demo — không phải token thật" in line for line in lines)
    assert doctor.panel.drivers.topLevelItem(0).text(1) == "token trình diễn"
    doctor.close()

    draft = tmp_path / "du-thao.pdf"
    from app.demo.documents import SAMPLE_DOCUMENTS, render_official_document

    draft.write_bytes(render_official_document(SAMPLE_DOCUMENTS[0]))
    dialog = open_sign_dialog(window, p12_workspace, runner, [draft], "leader", kind="QĐ")
    qtbot.waitUntil(
        lambda: dialog.choice is not None and bool(dialog.placement.docs), timeout=10000
    )
    assert dialog.choice.serial == "DEMO-P12-LEADER"  # the demo knows the leader's token
    dialog.options.level.setCurrentIndex(dialog.options.level.findData("B-B"))
    dialog.sign_button.click()
    holder = session_for(window, p12_workspace)
    qtbot.waitUntil(lambda: holder.prompter.current is not None)
    assert not holder.prompter.current.keep_box.isVisible()  # nothing to keep for a .p12
    type_pin(qtbot, holder.prompter, DEMO_TOKEN_PIN)
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=20000)
    outcome = dialog.results.rows[0][1]
    assert outcome.ok and not outcome.real_token
    dialog.close()
    window.close()  # closing the window ends the session (logs out, stops its token thread)
    assert holder.session.closed
