"""PAdES levels B-B to B-LTA, TSA hit counts, the embedded chain, offline signing and catch-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from app.signing.pades import Level, Placement, Role, SignRequest, complete_ltv, sign_document
from app.signing.pades.completion import has_signature_timestamp
from app.signing.pades.engine import run
from app.signing.pades.verify import ltv_self_contained
from tests.pades.conftest import Env, pdfsig, pyhanko_states
from tests.support.pki_servers import PkiServer


def _leader(env: Env, tmp_path: Path, level: Level, **kw: object) -> SignRequest:
    return SignRequest(
        source=env.draft,
        output=tmp_path / f"leader-{level.value}.pdf",
        role=Role.LEADER,
        level=level,
        image=env.signature_png,
        timestamper=env.timestamper(),
        validation_context=env.validation_context(),
        **kw,  # type: ignore[arg-type]
    )


def _self_contained(path: Path, env: Env) -> bool:
    with open(path, "rb") as handle:
        return run(ltv_self_contained(PdfFileReader(handle), [env.root]))


@pytest.mark.parametrize(
    ("level", "tsa_hits"),
    [(Level.B_B, 0), (Level.B_T, 1), (Level.B_LT, 1), (Level.B_LTA, 2)],
)
def test_levels_and_tsa_hits(
    env: Env, server: PkiServer, tmp_path: Path, level: Level, tsa_hits: int
) -> None:
    result = sign_document(_leader(env, tmp_path, level), env.leader())

    assert result.level is level and not result.pending
    # B-T asks the TSA exactly once per signature (no dry run); B-LTA once more for the
    # document timestamp.
    assert server.hits["/tsa"] == tsa_hits
    states = pyhanko_states(result.output, env.root)
    status = states["chu_ky_lanh_dao"]
    assert status.intact and status.valid and status.trusted
    with open(result.output, "rb") as handle:
        reader = PdfFileReader(handle)
        sig = reader.embedded_regular_signatures[0]
        assert has_signature_timestamp(sig) is level.wants_timestamp
        assert len(reader.embedded_timestamp_signatures) == (1 if level is Level.B_LTA else 0)
        # The chain up to the root travels in the CMS: a verifier knowing only the root copes.
        embedded = {c.subject.human_friendly for c in sig.other_embedded_certs}
        assert any("Demo Root CA" in s for s in embedded)
        assert any("Demo CA cấp 2" in s for s in embedded)
        assert ("/DSS" in reader.root) is level.wants_validation_data
    if level.wants_validation_data:
        assert _self_contained(result.output, env)


def test_b_t_is_valid_and_trusted_for_poppler(
    env: Env, server: PkiServer, tmp_path: Path, nssdir: Path
) -> None:
    result = sign_document(_leader(env, tmp_path, Level.B_T), env.leader())
    blocks = pdfsig(result.output, nssdir)
    assert len(blocks) == 1
    assert blocks[0]["Signature Validation"] == "Signature is Valid."
    assert blocks[0]["Certificate Validation"] == "Certificate is Trusted."


def test_offline_signs_b_b_pending_then_complete_ltv(
    env: Env, server: PkiServer, tmp_path: Path
) -> None:
    # A closed port: connection refused, as in a commune office without network.
    request = _leader(env, tmp_path, Level.B_LT)
    offline = SignRequest(
        **{**request.__dict__, "timestamper": env.timestamper("http://127.0.0.1:9/tsa")}
    )
    result = sign_document(offline, env.leader())
    assert result.level is Level.B_B
    assert result.pending and result.pending_timestamp and result.pending_validation
    assert "unreachable" in result.pending_reason
    assert pyhanko_states(result.output, env.root)["chu_ky_lanh_dao"].valid

    server.hits.clear()
    done = complete_ltv(
        result.output,
        tmp_path / "completed.pdf",
        timestamper=env.timestamper(),
        validation_context=env.validation_context(),
        level=Level.B_LT,
    )
    assert done.level is Level.B_LT and done.document_timestamps_added == 1
    assert server.hits["/tsa"] == 1
    assert _self_contained(done.output, env)
    status = pyhanko_states(done.output, env.root)["chu_ky_lanh_dao"]
    assert status.intact and status.valid and status.trusted


def test_revocation_unreachable_leaves_b_t_pending(
    env: Env, server: PkiServer, tmp_path: Path
) -> None:
    server.offline = True
    try:
        # The TSA is reached through a separate, working endpoint: only OCSP/CRL are down.
        request = _leader(env, tmp_path, Level.B_LT)
        from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

        from tests.support.pki_servers import asn1_cert as _asn1_cert
        from tests.support.pki_servers import asn1_key as _asn1_key

        stamper = DummyTimeStamper(_asn1_cert(env.pki.tsa), _asn1_key(env.pki.tsa))
        result = sign_document(
            SignRequest(**{**request.__dict__, "timestamper": stamper}), env.leader()
        )
    finally:
        server.offline = False
    assert result.level is Level.B_T
    assert result.pending_validation and not result.pending_timestamp


def test_invisible_signature(env: Env, server: PkiServer, tmp_path: Path) -> None:
    request = _leader(env, tmp_path, Level.B_B, placement=Placement(invisible=True))
    result = sign_document(request, env.leader())
    assert result.box is None
    assert pyhanko_states(result.output, env.root)[result.field_name].valid
