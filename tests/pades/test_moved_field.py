"""The leader drags the box away from the draft's own signature field: the signature goes INTO
that field, moved to the new place in the same update (no empty field left behind), the agency's
empty field follows it, and after the issue step the verification engine calls both signatures
valid (the leader's one changed later only by the issue step's form filling and seal)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import enumerate_sig_fields

from app.domain.types import Verdict
from app.signing.pades import (
    IssueRequest,
    Level,
    Placement,
    Role,
    SignRequest,
    issue_document,
    sign_document,
)
from app.signing.pades.placement import FIELD_AGENCY_SIG, FIELD_LEADER_SIG, MM, page_count
from app.signing.pades.relocate import can_move
from app.signing.verify import RevocationPolicy, TrustStore, verify_pdf
from tests.pades.conftest import Env

MOVED = (300.0, 200.0, 470.0, 271.0)  # far from the drafted signature block


def _fields(path: Path) -> dict[str, tuple[bool, int, tuple[float, ...]]]:
    """name -> (signed, page, rect) of every signature field."""
    out = {}
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle)
        pages = [reader.find_page_for_modification(i)[0] for i in range(page_count(reader))]
        for name, value, ref in enumerate_sig_fields(reader):
            field = ref.get_object()
            page_ref = field.raw_get("/P")
            page = next(i for i, p in enumerate(pages) if p.idnum == page_ref.idnum)
            rect = tuple(float(v) for v in field["/Rect"])
            out[str(name)] = (value is not None, page, rect)
            annots = pages[page].get_object()["/Annots"]
            assert any(a.idnum == ref.idnum for a in annots), f"{name} not on its page"
    return out


def _verify(env: Env, path: Path):  # noqa: ANN202 - a DocumentVerdict
    trust = TrustStore.from_certs([env.pki.root.cert_der])
    return verify_pdf(path, trust=trust, revocation=RevocationPolicy(online=False))


def _sign_moved(env: Env, tmp_path: Path, page: int, draft: Path | None = None) -> Path:
    result = sign_document(
        SignRequest(
            source=draft or env.draft,
            output=tmp_path / "leader.pdf",
            role=Role.LEADER,
            level=Level.B_B,
            image=env.signature_png,
            placement=Placement(page=page, box=MOVED),
        ),
        env.leader(),
    )
    assert result.field_name == FIELD_LEADER_SIG
    return result.output


def _two_pages(tmp_path: Path) -> Path:
    """A two-page draft whose signature fields sit on page 2."""
    import io

    from pyhanko.pdf_utils.writer import copy_into_new_writer
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for text in ("Trang 1", "Trang 2"):
        canvas.drawString(72, 720, text)
        canvas.showPage()
    canvas.save()
    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(buffer.getvalue())))
    for name, box in (
        (FIELD_LEADER_SIG, (330, 163, 500, 234)),
        (FIELD_AGENCY_SIG, (288, 97, 390, 199)),
    ):
        append_signature_field(writer, SigFieldSpec(sig_field_name=name, on_page=1, box=box))
    path = tmp_path / "two-pages.pdf"
    with path.open("wb") as out:
        writer.write(out)
    return path


@pytest.mark.parametrize("pages", ["one", "two"])
def test_moved_box_signs_into_the_drafts_field(env: Env, tmp_path: Path, pages: str) -> None:
    draft = env.draft if pages == "one" else _two_pages(tmp_path)
    with open(draft, "rb") as handle:
        reader = PdfFileReader(handle)
        drafted = {str(n): ref.get_object()["/Rect"] for n, _, ref in enumerate_sig_fields(reader)}
    page = 0  # the two-page draft's fields move from page 2 to page 1
    signed = _sign_moved(env, tmp_path, page, draft)

    fields = _fields(signed)
    assert set(fields) == {FIELD_LEADER_SIG, FIELD_AGENCY_SIG}  # no second leader field
    is_signed, on_page, rect = fields[FIELD_LEADER_SIG]
    assert is_signed and on_page == page and rect == pytest.approx(MOVED, abs=0.01)
    seal_signed, seal_page, seal = fields[FIELD_AGENCY_SIG]
    assert not seal_signed and seal_page == page
    width = float(drafted[FIELD_AGENCY_SIG][2]) - float(drafted[FIELD_AGENCY_SIG][0])
    assert seal[2] - seal[0] == pytest.approx(width, abs=0.01)  # the drafted seal size
    assert seal[2] == pytest.approx(MOVED[0] + (MOVED[2] - MOVED[0]) / 3, abs=0.01)

    verdict = _verify(env, signed)
    assert verdict.overall is Verdict.VALID
    assert [s.field_name for s in verdict.signatures] == [FIELD_LEADER_SIG]
    if pages == "two":
        return  # a bare two-page file has no number/date fields to issue into

    issued = issue_document(
        IssueRequest(
            source=signed,
            output=tmp_path / "issued.pdf",
            number="12",
            symbol="QĐ-UBND",
            issued_on=date(2026, 3, 10),
            seal_image=env.seal_png,
            level=Level.B_B,
        ),
        env.agency(),
    )
    assert issued.main.field_name == FIELD_AGENCY_SIG  # the seal went into the moved field
    after = _fields(issued.main.output)
    assert all(is_signed for is_signed, _, _ in after.values())  # nothing left empty
    assert after[FIELD_AGENCY_SIG][2] == pytest.approx(seal, abs=0.01)
    verdict = _verify(env, issued.main.output)
    assert verdict.overall in (Verdict.VALID, Verdict.VALID_CHANGED_LATER)
    leader = verdict.signature(FIELD_LEADER_SIG)
    agency = verdict.signature(FIELD_AGENCY_SIG)
    assert leader.verdict is Verdict.VALID_CHANGED_LATER and agency.verdict is Verdict.VALID


def test_a_signed_file_keeps_its_fields_where_they_are(env: Env, tmp_path: Path) -> None:
    """After the first signature, moving a widget would be a change a verifier reports: an
    explicit box then makes a new field, as before."""
    signed = _sign_moved(env, tmp_path, 0)
    with open(signed, "rb") as handle:
        assert not can_move(PdfFileReader(handle), FIELD_AGENCY_SIG)
    box = (40 * MM, 40 * MM, 76 * MM, 76 * MM)
    result = sign_document(
        SignRequest(
            source=signed,
            output=tmp_path / "sealed.pdf",
            role=Role.AGENCY,
            level=Level.B_B,
            placement=Placement(page=0, box=box),
        ),
        env.agency(),
    )
    assert result.field_name not in (FIELD_LEADER_SIG, FIELD_AGENCY_SIG)
    assert _fields(result.output)[FIELD_AGENCY_SIG][0] is False
