"""The issue step: leader signs, the clerk fills number and date and seals; both stay valid."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from pyhanko.sign.diff_analysis import ModificationLevel

from app.demo.documents import render_official_document
from app.demo.images import SEAL_DIAMETER_MM
from app.signing.pades import (
    Attachment,
    CopyForm,
    IssueRequest,
    IssueResult,
    Level,
    Role,
    SignRequest,
    issue_document,
    sign_document,
)
from app.signing.pades.placement import MM
from tests.pades.conftest import Env, pdfsig, pyhanko_states
from tests.support.pki_servers import PkiServer


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _leader_signed(env: Env, tmp_path: Path) -> Path:
    result = sign_document(
        SignRequest(
            source=env.draft,
            output=tmp_path / "leader.pdf",
            role=Role.LEADER,
            level=Level.B_T,
            image=env.signature_png,
            timestamper=env.timestamper(),
        ),
        env.leader(),
    )
    return result.output


def _issue(env: Env, tmp_path: Path, signed: Path, **kw: object) -> IssueResult:
    annex = tmp_path / "phu-luc.pdf"
    annex.write_bytes(render_official_document_annex())
    request = IssueRequest(
        source=signed,
        output=tmp_path / "issued.pdf",
        number="05",
        symbol="QĐ-UBND",
        issued_on=date(2026, 11, 26),
        place="Điện Biên",
        seal_image=env.seal_png,
        attachments=(Attachment(annex, tmp_path / "phu-luc-signed.pdf"),),
        level=Level.B_T,
        timestamper=env.timestamper(),
    )
    return issue_document(request, env.agency(), **kw)  # type: ignore[arg-type]


def render_official_document_annex() -> bytes:
    from app.demo.documents import SAMPLE_DOCUMENTS

    return render_official_document(SAMPLE_DOCUMENTS[2])


def test_issue_keeps_leader_valid_and_fills_fields(
    env: Env, server: PkiServer, tmp_path: Path, nssdir: Path
) -> None:
    signed = _leader_signed(env, tmp_path)
    server.hits.clear()
    result = _issue(env, tmp_path, signed)

    assert result.filled == {"so_van_ban": "05", "ngay_ban_hanh": "ngày 26 tháng 11 năm 2026"}
    assert result.main.level is Level.B_T and not result.pending
    assert server.hits["/tsa"] == 2  # one per signature: main file and attachment
    # The seal at real size, its right edge a third into the leader's box.
    x1, y1, x2, y2 = result.main.box or (0, 0, 0, 0)
    assert x2 - x1 == pytest.approx(SEAL_DIAMETER_MM * MM, abs=1.5)

    states = pyhanko_states(result.main.output, env.root)  # trusting ONLY the demo root
    leader, agency = states["chu_ky_lanh_dao"], states["chu_ky_co_quan"]
    for status in (leader, agency):
        assert status.intact and status.valid and status.trusted
    assert leader.modification_level is ModificationLevel.FORM_FILLING
    assert leader.docmdp_ok
    assert agency.modification_level is ModificationLevel.NONE

    blocks = pdfsig(result.main.output, nssdir)
    assert [b["Signature Field Name"] for b in blocks] == ["chu_ky_lanh_dao", "chu_ky_co_quan"]
    for block in blocks:
        assert block["Signature Validation"] == "Signature is Valid."
        assert block["Certificate Validation"] == "Certificate is Trusted."

    text = _text(result.main.output)
    assert "Cầm Văn Thưởng" in text and "+07:00" in text
    assert "05/QĐ-UBND" in text.replace(" ", "")
    assert "Điện Biên, ngày 26 tháng 11 năm 2026" in text

    annex = result.attachments[0]
    annex_text = _text(annex.output)
    assert "05/QĐ-UBND" in annex_text and "+07:00" in annex_text
    assert pyhanko_states(annex.output, env.root)[annex.field_name].trusted
    # Top right of page 1, inside the top margin.
    assert annex.page == 0 and annex.box is not None and annex.box[3] > 800


def test_issue_is_all_or_nothing(env: Env, server: PkiServer, tmp_path: Path) -> None:
    signed = _leader_signed(env, tmp_path)
    before = signed.read_bytes()

    def register_fails(_: IssueResult) -> None:
        raise RuntimeError("register row could not be committed")

    with pytest.raises(RuntimeError):
        _issue(env, tmp_path, signed, before_commit=register_fails)
    assert signed.read_bytes() == before
    assert not (tmp_path / "issued.pdf").exists()
    assert not (tmp_path / "phu-luc-signed.pdf").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".vbdt-tmp-")]


def test_copy_stamp_text(env: Env, server: PkiServer, tmp_path: Path) -> None:
    result = sign_document(
        SignRequest(
            source=env.draft,
            output=tmp_path / "sao-y.pdf",
            role=Role.COPY,
            level=Level.B_B,
            copy_form=CopyForm.SAO_Y,
            copy_agency="Văn phòng UBND tỉnh Điện Biên",
        ),
        env.agency(),
    )
    text = _text(result.output)
    assert "SAO Y" in text and "Văn phòng UBND tỉnh Điện Biên" in text and "+07:00" in text
    assert result.page == 0 and result.box is not None and result.box[1] > 780
