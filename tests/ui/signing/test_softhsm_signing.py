"""A leader signs a draft through the real dialogs on a REAL SoftHSM2 token (the integration
tests' demo tokens, keys generated on the token): pick the certificate, drag the signature box,
type the PIN into the real PinDialog. The output is checked independently by pyhanko trusting only
the demo root, and its signature widget must sit exactly where the overlay showed it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from PySide6.QtCore import QPointF, Qt

from app.services.demo_tokens import DEMO_TOKEN_PIN
from app.services.tokens import TokenHub
from app.signing.pades import Level
from app.ui.pdf.preview import wait_for_render
from app.ui.signing.placement_model import Source
from app.ui.signing.session import TokenSession
from tests.pades.conftest import pyhanko_states
from tests.ui.signing.conftest import make_harness, type_pin

pytestmark = pytest.mark.softhsm


@pytest.fixture
def real(qtbot, runner, tmp_path: Path, rig):
    hub = TokenHub(attempts_file=tmp_path / "attempts.json")
    session = TokenSession(hub, configured=[rig.module], demo=rig.tokens, discover=lambda: [])
    with make_harness(qtbot, runner, tmp_path, session) as harness:
        yield harness


def widget_rect(path: Path, field: str) -> tuple[float, ...]:
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle)
        sig = next(s for s in reader.embedded_regular_signatures if s.field_name == field)
        return tuple(float(v) for v in sig.sig_field["/Rect"])


def test_leader_signs_a_draft_where_the_overlay_shows(qtbot, real, rig, tmp_path) -> None:
    draft = rig.copy_draft(tmp_path)
    dialog = real.dialog(qtbot, [draft])
    assert dialog.choice.serial == rig.leader.serial  # the demo workspace's leader token
    assert "Demo — không phải token thật" in dialog.tokens.tree.topLevelItem(0).text(0)
    placement = dialog.placement
    assert placement.proposal().source is Source.FIELD  # the engine found the draft's field
    assert wait_for_render(placement.preview.view)

    overlay = placement.overlay
    start = overlay.view_rect().center()
    end = start + QPointF(-40, -30)
    qtbot.mousePress(overlay, Qt.MouseButton.LeftButton, pos=start.toPoint())
    qtbot.mouseMove(overlay, end.toPoint())
    qtbot.mouseRelease(overlay, Qt.MouseButton.LeftButton, pos=end.toPoint())
    assert placement.explicit.source is Source.MOVED
    shown = overlay.box

    dialog.options.tsa.setText(rig.tsa)
    dialog.sign_button.click()
    type_pin(qtbot, real.prompter, DEMO_TOKEN_PIN)
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=30000)

    outcome = dialog.results.rows[0][1]
    assert outcome.ok and outcome.level is Level.B_T and not outcome.pending_timestamp
    assert outcome.real_token and outcome.signer == "Cầm Văn Thưởng"
    assert draft.read_bytes() == rig.draft.read_bytes()  # the source is never written
    states = pyhanko_states(outcome.output, rig.root)
    assert len(states) == 1
    ((field, status),) = states.items()
    assert status.intact and status.valid and status.trusted
    assert widget_rect(outcome.output, field) == pytest.approx(shown, abs=0.01)
    assert dialog.placement.prefs.box("QĐ", "leader").box == pytest.approx(shown, abs=0.01)


def test_offline_timestamp_server_signs_and_says_so(qtbot, real, rig, tmp_path) -> None:
    draft = rig.copy_draft(tmp_path)
    dialog = real.dialog(qtbot, [draft])
    dialog.options.tsa.setText("http://127.0.0.1:9/tsa")  # nothing listens: refused at once
    dialog.sign_button.click()
    type_pin(qtbot, real.prompter, DEMO_TOKEN_PIN)
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=30000)
    outcome = dialog.results.rows[0][1]
    assert outcome.ok and outcome.pending_timestamp and outcome.level is Level.B_B
    assert dialog.pending_timestamp and dialog.pending.isVisible()
    assert "CHƯA có dấu thời gian" in dialog.pending.text()
    assert "bổ sung tự động khi có mạng" in dialog.pending.text()
    assert dialog.results.data(dialog.results.index(0, 3)) == "Chờ dấu thời gian"
    states = pyhanko_states(outcome.output, rig.root)
    assert all(s.intact and s.valid for s in states.values())
