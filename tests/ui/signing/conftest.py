"""Fixtures for the signing screens: a real task runner (the PIN prompter needs a token thread
that is not the GUI thread), fake tokens at the python-pkcs11 boundary (FakePkcs11Lib through the
hub's ``loader`` hook) for what SoftHSM cannot do, and the integration tests' REAL SoftHSM2 demo
tokens (``rig``) for a signature checked by pyhanko.

Teardown order matters: close the prompter (releases a token thread waiting for a PIN), then the
session (logs out, stops the hub's token thread), then the runner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from app.services.tokens import ModuleChoice, TokenHub
from app.signing.pades import Role
from app.ui.signing.qt_prompter import QtPinPrompter
from app.ui.signing.session import TokenSession
from app.ui.signing.sign_dialog import SignDialog
from app.ui.tasks import TaskRunner
from tests.integration.conftest import rig  # noqa: F401 - REAL SoftHSM2 demo tokens
from tests.signing.conftest import FAKE_PIN, demo_pki, tiny_pdf  # noqa: F401
from tests.signing.fake_pkcs11 import FakeDevice, FakeIdentity, FakePkcs11Lib

FAKE_SERIAL = "FAKE0001"
FAKE_LABEL = "Token của Lãnh đạo"


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown(wait=True)


@dataclass
class Harness:
    """A session, its prompter and the dialogs a test opened; closed in the right order."""

    session: TokenSession
    prompter: QtPinPrompter
    runner: TaskRunner
    data_dir: Path
    host: QWidget
    dialogs: list[SignDialog] = field(default_factory=list)
    lib: FakePkcs11Lib | None = None
    device: FakeDevice | None = None

    def dialog(
        self, qtbot, paths: Sequence[Path], role: Role = Role.LEADER, *, chosen: bool = True
    ) -> SignDialog:
        """A signing window, shown, once its listing (and a chosen certificate) is in."""
        dialog = SignDialog(
            self.host, session=self.session, prompter=self.prompter, runner=self.runner,
            data_dir=self.data_dir, paths=list(paths), role=role, kind="QĐ",
        )  # fmt: skip
        self.dialogs.append(dialog)
        dialog.show()
        qtbot.waitUntil(
            lambda: bool(dialog.tokens.listings) and bool(dialog.placement.docs)
            and (dialog.choice is not None or not chosen),
            timeout=15000,
        )  # fmt: skip
        return dialog

    def close(self) -> None:
        self.prompter.close()
        for dialog in self.dialogs:
            dialog.close()
        self.session.close()


@contextmanager
def make_harness(
    qtbot, runner: TaskRunner, tmp_path: Path, session: TokenSession
) -> Iterator[Harness]:
    host = QWidget()
    qtbot.addWidget(host)
    prompter = QtPinPrompter(host)
    harness = Harness(session, prompter, runner, tmp_path / "data", host)
    try:
        yield harness
    finally:
        harness.close()
        runner.shutdown(wait=True)


@dataclass
class FakeTokens:
    lib: FakePkcs11Lib
    device: FakeDevice


@pytest.fixture
def fake_device(demo_pki) -> FakeDevice:  # noqa: F811
    ident = FakeIdentity(b"\x01lead", demo_pki.leader.key, demo_pki.leader.cert)
    return FakeDevice(
        label=FAKE_LABEL,
        serial=FAKE_SERIAL,
        pin=FAKE_PIN,
        identities=[ident],
        ca_certs=[demo_pki.intermediate.cert, demo_pki.root.cert],
    )


def fake_session(tmp_path: Path, device: FakeDevice) -> tuple[TokenSession, FakePkcs11Lib]:
    lib = FakePkcs11Lib([device])
    hub = TokenHub(attempts_file=tmp_path / "attempts.json", loader=lambda path: lib)
    module = ModuleChoice(str(tmp_path / "fake-pkcs11.so"), "option", "Fake driver")
    return TokenSession(hub, modules=[module]), lib


@pytest.fixture
def fake(qtbot, runner: TaskRunner, tmp_path: Path, fake_device: FakeDevice) -> Iterator[Harness]:
    session, lib = fake_session(tmp_path, fake_device)
    with make_harness(qtbot, runner, tmp_path, session) as harness:
        harness.lib, harness.device = lib, fake_device
        yield harness


@pytest.fixture
def pdfs(tmp_path: Path) -> Callable[[int], list[Path]]:
    """``pdfs(n)``: n small one-page PDFs (no signature field) to sign."""

    def make(count: int) -> list[Path]:
        folder = tmp_path / "in"
        folder.mkdir(exist_ok=True)
        paths = []
        for index in range(count):
            path = folder / f"cong-van-{index + 1}.pdf"
            path.write_bytes(tiny_pdf())
            paths.append(path)
        return paths

    return make


def type_pin(qtbot, prompter: QtPinPrompter, pin: str, *, timeout: int = 10000):
    """Wait for the PIN dialog, type ``pin`` and press Enter; returns the dialog."""
    qtbot.waitUntil(lambda: prompter.current is not None, timeout=timeout)
    dialog = prompter.current
    qtbot.keyClicks(dialog.pin_edit, pin)
    from PySide6.QtCore import Qt

    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    return dialog
