"""An office workspace with one signed incoming document (leader + agency signatures, received
through an edXML package) and one outgoing draft; the demo PKI's root is trusted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.demo.documents import SAMPLE_DOCUMENTS, render_official_document
from app.demo.images import seal_png, signature_png
from app.demo.pki import generate_demo_pki
from app.services.documents import receive_file
from app.services.workspace import Workspace, open_workspace
from tests.services.conftest import NOW, Kit, make_office, new_draft, package_file, signed_pdf


@pytest.fixture(scope="session")
def ui_kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    assets = tmp_path_factory.mktemp("ui-kit")
    sample = SAMPLE_DOCUMENTS[0]
    (assets / "draft.pdf").write_bytes(render_official_document(sample))
    (assets / "plain.pdf").write_bytes(render_official_document(SAMPLE_DOCUMENTS[2]))
    (assets / "signature.png").write_bytes(signature_png(sample.signer_name))
    (assets / "seal.png").write_bytes(seal_png(["Ủy ban nhân dân", "tỉnh Điện Biên"]))
    return Kit(generate_demo_pki(), assets)


@pytest.fixture(scope="session")
def signed_bytes(ui_kit: Kit, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return signed_pdf(ui_kit, tmp_path_factory.mktemp("ui-signed") / "issued.pdf").read_bytes()


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "office")
    make_office(ws)
    try:
        yield ws
    finally:
        ws.close()


def receive_signed(ws: Workspace, kit: Kit, data: bytes, out: Path) -> int:
    """An incoming document whose PDF carries the leader's and the agency's signatures."""
    path = package_file(out, [("quyet-dinh.pdf", data)])
    outcome = receive_file(ws, "vt", path, verifier=kit.verifier(), now=NOW)
    return outcome.document.id  # type: ignore[union-attr]


__all__ = ["NOW", "new_draft", "receive_signed"]
