"""Inputs the engine must refuse cleanly, and failures that must leave the source untouched."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pyhanko.pdf_utils.crypt.permissions import StandardPermissions
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import copy_into_new_writer
from pyhanko.sign import signers
from pyhanko.sign.fields import MDPPerm

from app.errors import PdfInputError, SigningError
from app.signing.pades import Level, Placement, Role, SignRequest, sign_document
from app.signing.pades.errors import PdfModificationForbidden, PdfPasswordRequired
from tests.pades.conftest import Env, pyhanko_states, software_signer


class FailingMidSignatureSigner(signers.SimpleSigner):  # type: ignore[misc]
    """A token pulled out between preparing the document and producing the signature."""

    async def async_sign_raw(
        self, data: bytes, digest_algorithm: str, dry_run: bool = False
    ) -> Any:
        raise RuntimeError("the token was removed")


def _request(source: Path, output: Path, **kw: Any) -> SignRequest:
    return SignRequest(source=source, output=output, role=Role.LEADER, level=Level.B_B, **kw)


def _no_temp_files(directory: Path) -> bool:
    return not [p for p in directory.iterdir() if p.name.startswith(".vbdt-tmp-")]


def test_signer_failing_mid_signature_leaves_source_identical(env: Env, tmp_path: Path) -> None:
    source = env.copy_draft(tmp_path)
    before = source.read_bytes()
    leader = env.leader()
    failing = FailingMidSignatureSigner(
        signing_cert=leader.signing_cert,
        signing_key=leader.signing_key,
        cert_registry=leader.cert_registry,
    )
    # Signing "in place" (output = source) is the harshest case for atomicity.
    with pytest.raises(SigningError, match="token was removed"):
        sign_document(_request(source, source, image=env.signature_png), failing)
    assert source.read_bytes() == before
    assert _no_temp_files(tmp_path)


def _encrypted(env: Env, tmp_path: Path, perms: StandardPermissions) -> Path:
    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(env.draft.read_bytes())))
    writer.encrypt("owner-secret", "user-secret", perms=perms)
    out = io.BytesIO()
    writer.write(out)
    path = tmp_path / "encrypted.pdf"
    path.write_bytes(out.getvalue())
    return path


def test_encrypted_without_modify_permission_is_refused(env: Env, tmp_path: Path) -> None:
    path = _encrypted(env, tmp_path, StandardPermissions.ALLOW_PRINTING)
    with pytest.raises(PdfModificationForbidden, match="permissions forbid"):
        sign_document(_request(path, tmp_path / "out.pdf", password="user-secret"), env.leader())
    with pytest.raises(PdfPasswordRequired):
        sign_document(_request(path, tmp_path / "out.pdf"), env.leader())
    assert not (tmp_path / "out.pdf").exists() and _no_temp_files(tmp_path)


def test_encrypted_with_permission_is_signed(env: Env, tmp_path: Path) -> None:
    perms = (
        StandardPermissions.ALLOW_PRINTING
        | StandardPermissions.ALLOW_ANNOTS_FORM_FILLING
        | StandardPermissions.ALLOW_FORM_FILLING
    )
    path = _encrypted(env, tmp_path, perms)
    result = sign_document(
        _request(path, tmp_path / "out.pdf", password="user-secret", image=env.signature_png),
        env.leader(),
    )
    with open(result.output, "rb") as handle:
        reader = PdfFileReader(handle)
        reader.decrypt("user-secret")
        assert reader.embedded_regular_signatures[0].field_name == "chu_ky_lanh_dao"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"PK\x03\x04 this is a zip file, not a PDF" * 20, "not a PDF"),
        (None, "truncated"),
        (b"%PDF-1.7\n1 0 obj << >> endobj\nxref\nbroken\ntrailer << >>\n%%EOF\n", "cross-ref"),
    ],
)
def test_malformed_inputs_name_the_problem(
    env: Env, tmp_path: Path, data: bytes | None, problem: str
) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(env.draft.read_bytes()[:5000] if data is None else data)
    with pytest.raises(PdfInputError, match=problem):
        sign_document(_request(path, tmp_path / "out.pdf"), env.leader())
    assert _no_temp_files(tmp_path)


def test_certification_forbidding_changes_is_refused(env: Env, tmp_path: Path) -> None:
    certified = tmp_path / "certified.pdf"
    writer = IncrementalPdfFileWriter(io.BytesIO(env.draft.read_bytes()))
    meta = signers.PdfSignatureMetadata(
        field_name="cert", certify=True, docmdp_permissions=MDPPerm.NO_CHANGES
    )
    certified.write_bytes(signers.sign_pdf(writer, meta, signer=env.agency()).getvalue())
    with pytest.raises(PdfModificationForbidden, match="certification signature forbids"):
        sign_document(_request(certified, tmp_path / "out.pdf"), env.leader())


def test_marker_placement_without_fields(env: Env, tmp_path: Path) -> None:
    """A draft from elsewhere: no fields, so the leader's box goes above the name line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from app.reports.fonts import SERIF_BOLD, register_reportlab_fonts

    register_reportlab_fonts()
    path = tmp_path / "plain.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(SERIF_BOLD, 14)
    pdf.drawCentredString(400, 300, "CHỦ TỊCH")
    pdf.drawCentredString(400, 200, "Cầm Văn Thưởng")
    pdf.save()
    result = sign_document(
        _request(path, tmp_path / "out.pdf", image=env.signature_png), env.leader()
    )
    assert result.box is not None
    x1, y1, x2, y2 = result.box
    assert 200 < y1 < y2 < 300 and x1 < 400 < x2
    assert pyhanko_states(result.output, env.root)[result.field_name].valid


def test_explicit_box_and_agency_without_placeholder(env: Env, tmp_path: Path) -> None:
    agency = software_signer(env.pki.agency, env.pki)
    result = sign_document(
        SignRequest(
            source=env.draft,
            output=tmp_path / "out.pdf",
            role=Role.AGENCY,
            level=Level.B_B,
            image=env.seal_png,
            placement=Placement(page=0, box=(100, 100, 200, 200)),
        ),
        agency,
    )
    # Nothing is signed yet: the draft's own agency field moves to the box (none left empty).
    assert result.field_name == "chu_ky_co_quan" and result.box is not None
    assert result.box[2] - result.box[0] == pytest.approx(36 * 72 / 25.4)
