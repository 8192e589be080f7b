"""Leader signs, clerk issues — on REAL SoftHSM2 tokens, through the services and the command line.

The tokens are the demo service's (keys generated on the token, certificates from a demo CA whose
OCSP/CRL/TSA live on a loopback server). Every check is independent of our own code: pyhanko
trusting only the demo root, poppler's pdfsig with an NSS database (its text, never its exit
code), and pdftotext for what a person reads.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pyhanko.sign.diff_analysis import ModificationLevel

from app.errors import PinIncorrect
from app.services.demo_tokens import DEMO_TOKEN_PIN
from app.services.signing import (
    Pkcs11Source,
    SignOptions,
    issue_pdf,
    sign_pdf,
    signer_source,
)
from app.services.tokens import TokenHub
from app.signing.pades import Level, Role
from app.signing.pades.errors import PlaceholderNotFound
from app.signing.tokens import ScriptedPrompter, TokenSigner
from tests.integration.conftest import PIN_VAR, Rig, pdftotext, run_app, token_env
from tests.pades.conftest import pdfsig, pyhanko_states
from tests.signing.conftest import tiny_pdf
from tests.signing.recording import Recorder

pytestmark = pytest.mark.softhsm


def _leader(rig: Rig, hub: TokenHub) -> Pkcs11Source:
    source = signer_source(hub, [rig.module], cert_id=rig.leader.cka_id, label=rig.leader.label)
    assert isinstance(source, Pkcs11Source)
    return source


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.startswith(".vbdt-tmp-")]


def test_leader_signs_and_clerk_issues(
    rig: Rig, hub: TokenHub, tmp_path: Path, nssdir: Path
) -> None:
    rig.server.hits.clear()
    leader = sign_pdf(
        _leader(rig, hub),
        ScriptedPrompter([DEMO_TOKEN_PIN]),
        rig.draft,
        tmp_path / "leader.pdf",
        SignOptions(role=Role.LEADER, level=Level.B_T, image=rig.signature_png, tsa_url=rig.tsa),
    )
    assert leader.ok and leader.level is Level.B_T and not leader.pending_timestamp
    assert leader.real_token and leader.token_label == rig.leader.label
    assert leader.signer == "Cầm Văn Thưởng"

    agency = signer_source(hub, [rig.module], cert_id=rig.agency.cka_id, serial=rig.agency.serial)
    issued = issue_pdf(
        agency,
        ScriptedPrompter([DEMO_TOKEN_PIN]),
        leader.output,
        tmp_path / "issued.pdf",
        number="05",
        symbol="QĐ-UBND",
        issued_on=date(2026, 11, 26),
        place="Điện Biên",
        seal_image=rig.seal_png,
        options=SignOptions(role=Role.AGENCY, level=Level.B_T, tsa_url=rig.tsa),
    )
    assert issued.filled == {"so_van_ban": "05", "ngay_ban_hanh": "ngày 26 tháng 11 năm 2026"}
    assert issued.main.level is Level.B_T and issued.number_symbol == "05/QĐ-UBND"
    assert rig.server.hits["/tsa"] == 2  # one timestamp per signature, no dry run

    states = pyhanko_states(issued.main.output, rig.root)  # trusting ONLY the demo root
    for status in states.values():
        assert status.intact and status.valid and status.trusted
    assert states["chu_ky_lanh_dao"].modification_level is ModificationLevel.FORM_FILLING
    assert states["chu_ky_co_quan"].modification_level is ModificationLevel.NONE

    blocks = pdfsig(issued.main.output, nssdir)
    assert [b["Signature Field Name"] for b in blocks] == ["chu_ky_lanh_dao", "chu_ky_co_quan"]
    for block in blocks:
        assert block["Signature Validation"] == "Signature is Valid."
        assert block["Certificate Validation"] == "Certificate is Trusted."

    text = pdftotext(issued.main.output)
    assert "Ký bởi" in text and "Cầm Văn Thưởng" in text and "+07:00" in text
    assert "05/QĐ-UBND" in text.replace(" ", "")
    assert "Điện Biên, ngày 26 tháng 11 năm 2026" in text
    (rig.home / "issued-softhsm.pdf").write_bytes(issued.main.output.read_bytes())


@pytest.mark.parametrize("level", list(Level))
def test_every_level_on_the_token(rig: Rig, hub: TokenHub, tmp_path: Path, level: Level) -> None:
    source = _leader(rig, hub)
    with source.open(ScriptedPrompter([DEMO_TOKEN_PIN])) as opened:
        assert isinstance(opened.signer, TokenSigner)  # the key never leaves the token
    options = SignOptions(
        level=level,
        image=rig.signature_png,
        tsa_url=rig.tsa if level.wants_timestamp else None,
        trust=(rig.pki.root.cert,),
    )
    out = sign_pdf(
        source, ScriptedPrompter([DEMO_TOKEN_PIN]), rig.draft, tmp_path / "o.pdf", options
    )
    assert out.level is level and not out.pending_timestamp and not out.pending_validation
    status = pyhanko_states(out.output, rig.root)["chu_ky_lanh_dao"]
    assert status.intact and status.valid and status.trusted


def test_wrong_pin_is_one_login_and_changes_nothing(rig: Rig, tmp_path: Path) -> None:
    recorder = Recorder()
    source_pdf = rig.copy_draft(tmp_path)
    before = source_pdf.read_bytes()
    with TokenHub(attempts_file=tmp_path / "attempts.json", loader=recorder.loader) as hub:
        with pytest.raises(PinIncorrect):
            sign_pdf(
                _leader(rig, hub), ScriptedPrompter(["000000"]), source_pdf, source_pdf,
                SignOptions(),
            )  # fmt: skip
        assert recorder.logins == 1
    assert source_pdf.read_bytes() == before and _no_temp_files(tmp_path)
    _clear_count_low(rig, tmp_path)


def _clear_count_low(rig: Rig, tmp_path: Path) -> None:
    """A good login resets SoftHSM's COUNT_LOW flag, so later tests see a quiet token."""
    with TokenHub(attempts_file=tmp_path / "ok.json") as hub:
        with _leader(rig, hub).open(ScriptedPrompter([DEMO_TOKEN_PIN])):
            pass


def test_failure_after_login_leaves_the_source_untouched(
    rig: Rig, hub: TokenHub, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(tiny_pdf())  # no signature field and no signer's name to sign above
    before = plain.read_bytes()
    with pytest.raises(PlaceholderNotFound):
        sign_pdf(_leader(rig, hub), ScriptedPrompter([DEMO_TOKEN_PIN]), plain, plain, SignOptions())
    assert plain.read_bytes() == before and _no_temp_files(tmp_path)


# --- the command line -----------------------------------------------------------------------------
def _sign_args(rig: Rig, data: Path, *extra: str) -> list[str]:
    return [
        "--data-dir", str(data), "sign", "--module", rig.module,
        "--token-label", rig.leader.label, "--cert-id", rig.leader.cka_id.hex(),
        "--pin-env", PIN_VAR, "--image", str(rig.signature_png), *extra,
    ]  # fmt: skip


def test_cli_signs_with_pin_from_environment(rig: Rig, tmp_path: Path) -> None:
    out = tmp_path / "signed.pdf"
    args = _sign_args(rig, tmp_path / "ws", str(rig.draft), "-o", str(out), "--tsa", rig.tsa)
    done = run_app(*args, env=token_env(rig))
    assert done.returncode == 0, done.stderr
    assert "Đã ký" in done.stdout and "mức B-T" in done.stdout and "Traceback" not in done.stderr
    status = pyhanko_states(out, rig.root)["chu_ky_lanh_dao"]
    assert status.intact and status.valid and status.trusted


def test_cli_says_when_the_timestamp_is_missing(rig: Rig, tmp_path: Path) -> None:
    out = tmp_path / "offline.pdf"
    dead = "http://127.0.0.1:9/tsa"  # the discard port: connection refused
    args = _sign_args(rig, tmp_path / "ws", str(rig.draft), "-o", str(out), "--tsa", dead)
    done = run_app(*args, "--level", "B-T", env=token_env(rig))
    assert done.returncode == 0, done.stderr
    assert "mức B-B" in done.stdout
    assert "đã ký nhưng chưa có dấu thời gian" in done.stderr
    assert pyhanko_states(out, rig.root)["chu_ky_lanh_dao"].valid


def test_cli_wrong_pin_one_line_and_source_untouched(rig: Rig, tmp_path: Path) -> None:
    data = tmp_path / "ws"
    pdf = rig.copy_draft(tmp_path)
    before = pdf.read_bytes()
    done = run_app(*_sign_args(rig, data, str(pdf), "-o", str(pdf)), env=token_env(rig, "999999"))
    try:
        assert done.returncode == 1
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
        assert "Mã PIN của USB token" in lines[0] and "không đúng" in lines[0]
        assert "999999" not in done.stderr + done.stdout
        assert pdf.read_bytes() == before and _no_temp_files(tmp_path)
        # Exactly one C_Login: the app counted one failure and did not try again.
        attempts = json.loads((data / "token_pin_attempts.json").read_text(encoding="utf-8"))
        assert attempts["tokens"][rig.leader.serial]["failures"] == 1
    finally:
        _clear_count_low(rig, tmp_path)


def test_cli_batch_resumes(rig: Rig, tmp_path: Path) -> None:
    in_dir, out_dir = tmp_path / "in", tmp_path / "out"
    in_dir.mkdir()
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        rig.copy_draft(in_dir, name)
    args = _sign_args(rig, tmp_path / "ws", "--batch", str(in_dir), "-o", str(out_dir))
    args += ["--tsa", rig.tsa]

    first = run_app(*args, env=token_env(rig))
    assert first.returncode == 0, first.stderr
    lines = [json.loads(line) for line in first.stdout.splitlines()]
    assert [Path(x["file"]).name for x in lines] == ["a.pdf", "b.pdf", "c.pdf"]
    for line in lines:
        assert line["ok"] and line["level"] == "B-T" and line["error"] is None
        assert not line["pending_timestamp"] and not line["skipped"]
        assert set(line) >= {"file", "ok", "output", "error", "level", "pending_timestamp"}

    kept = (out_dir / "a.pdf").read_bytes()
    (out_dir / "b.pdf").unlink()  # as if the first run stopped after a.pdf
    again = run_app(*args, env=token_env(rig))
    assert again.returncode == 0, again.stderr
    resumed = {Path(x["file"]).name: x for x in map(json.loads, again.stdout.splitlines())}
    assert resumed["a.pdf"]["skipped"] and resumed["c.pdf"]["skipped"]
    assert resumed["b.pdf"]["ok"] and not resumed["b.pdf"]["skipped"]
    assert (out_dir / "a.pdf").read_bytes() == kept
    assert pyhanko_states(out_dir / "b.pdf", rig.root)["chu_ky_lanh_dao"].trusted
