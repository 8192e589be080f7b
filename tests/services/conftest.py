"""Fixtures for the document service tests: a small office on SQLite and PostgreSQL (``db_url``),
a software signer behind the token interface (the demo PKI's leader and agency keys), an offline
verifier trusting the demo root, and edXML packages made with the codec."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.demo.documents import SAMPLE_DOCUMENTS, render_official_document
from app.demo.images import seal_png, signature_png
from app.demo.pki import DemoPki, Issued, generate_demo_pki
from app.domain.types import Role
from app.services.documents import (
    DraftInput,
    TokenJob,
    Verifier,
    add_person,
    create_draft,
    ensure_agency,
    submit,
)
from app.services.workspace import Workspace, open_workspace
from app.sync.edxml import (
    Attachment,
    Bussiness,
    Code,
    DocumentHeader,
    DocumentPackage,
    Organization,
    OtherInfo,
    PromulgationInfo,
    SignerInfo,
    build_document_package,
)

LOCAL = "000.00.00.H18"
PEER = "000.00.05.H18"
PEER2 = "000.00.07.H18"
# The clock of most tests: a Tuesday morning in Vietnam (01:00 UTC = 08:00 +07).
NOW = datetime(2026, 3, 10, 1, 0, tzinfo=UTC)


def make_office(ws: Workspace, code: str = LOCAL, short: str = "UBND") -> None:
    """An agency with one person per role, and two peers."""
    ensure_agency(ws, code, "Ủy ban nhân dân tỉnh Điện Biên", short_name=short, local=True)
    for peer, name in ((PEER, "Sở Nội vụ tỉnh Điện Biên"), (PEER2, "Sở Tài chính tỉnh Điện Biên")):
        if peer != code:
            ensure_agency(ws, peer, name)
    add_person(ws, "cv", "Lường Văn Minh", Role.SPECIALIST, unit="Phòng Tổng hợp")
    add_person(ws, "cv2", "Vì Thị Lan", Role.SPECIALIST, unit="Phòng Kinh tế")
    add_person(ws, "ld", "Cầm Văn Thưởng", Role.LEADER, position="Chủ tịch")
    add_person(ws, "vt", "Nguyễn Thị Hoa", Role.CLERK)
    add_person(ws, "qt", "Trần Đức Anh", Role.ADMIN)


@pytest.fixture
def ws(db_url: str, tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(tmp_path / "office", db_url=db_url)
    make_office(workspace)
    try:
        yield workspace
    finally:
        workspace.close()


# --- PDFs, signers, verifier ---------------------------------------------------------------------
@dataclass(frozen=True)
class Kit:
    pki: DemoPki
    assets: Path

    @property
    def draft(self) -> Path:
        return self.assets / "draft.pdf"

    @property
    def plain(self) -> Path:
        """A PDF without fields or signatures (a scan, for the receiving side)."""
        return self.assets / "plain.pdf"

    def job(self, role: str) -> TokenJob:
        from app.services.signing import SignOptions

        issued = self.pki.leader if role == "leader" else self.pki.agency
        image = self.assets / ("signature.png" if role == "leader" else "seal.png")
        return TokenJob(SoftSource(issued, self.pki), _NoPin(), SignOptions(image=image))

    def verifier(self, trusted: bool = True) -> Verifier:
        from app.signing.verify import RevocationPolicy, TrustStore, verify_pdf

        trust = TrustStore.from_certs([self.pki.root.cert_der] if trusted else [])

        def verify(path: Path) -> Any:
            return verify_pdf(path, trust=trust, revocation=RevocationPolicy(online=False))

        return verify


class _NoPin:
    def get_pin(self, request: Any) -> str:
        return "unused"

    def confirm(self, message: str) -> bool:
        return False

    def show_message(self, message: str, level: Any = None) -> None:
        return None


@dataclass(frozen=True)
class SoftSource:
    """A SignerSource over a software key: what the token gives, without a token."""

    issued: Issued
    pki: DemoPki

    def signer(self) -> Any:
        from tests.pades.conftest import software_signer

        return software_signer(self.issued, self.pki)

    @contextmanager
    def open(self, prompter: Any) -> Iterator[Any]:
        from app.services.signing import OpenSigner

        yield OpenSigner(self.signer(), "software", "0000", "test", False)


@pytest.fixture(scope="session")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    assets = tmp_path_factory.mktemp("services-kit")
    sample = SAMPLE_DOCUMENTS[0]
    (assets / "draft.pdf").write_bytes(render_official_document(sample))
    (assets / "plain.pdf").write_bytes(render_official_document(SAMPLE_DOCUMENTS[2]))
    (assets / "signature.png").write_bytes(signature_png(sample.signer_name))
    (assets / "seal.png").write_bytes(seal_png(["Ủy ban nhân dân", "tỉnh Điện Biên"]))
    return Kit(generate_demo_pki(), assets)


def new_draft(ws: Workspace, kit: Kit, **changes: Any) -> int:
    fields: dict[str, Any] = {
        "pdf": kit.draft,
        "kind": "QĐ",
        "subject": "Về việc ban hành Quy chế gửi, nhận văn bản điện tử tỉnh Điện Biên",
        "recipients": (PEER, PEER2),
    }
    fields.update(changes)
    return create_draft(ws, "cv", DraftInput(**fields), now=NOW).document.id


def submitted(ws: Workspace, kit: Kit, **changes: Any) -> int:
    doc_id = new_draft(ws, kit, **changes)
    submit(ws, "cv", doc_id, now=NOW)
    return doc_id


# --- packages from another agency ----------------------------------------------------------------
def signed_pdf(kit: Kit, out: Path) -> Path:
    """A PDF signed by the demo leader and sealed by the demo agency, as a sender issues it."""
    from app.signing.pades import (
        IssueRequest,
        Level,
        Role,
        SignRequest,
        issue_document,
        sign_document,
    )

    leader = out.with_name("leader-" + out.name)
    sign_document(
        SignRequest(kit.draft, leader, role=Role.LEADER, level=Level.B_B,
                    image=kit.assets / "signature.png"),
        SoftSource(kit.pki.leader, kit.pki).signer(),
    )  # fmt: skip
    issue_document(
        IssueRequest(leader, out, number="07", symbol="QĐ-UBND", issued_on=date(2026, 3, 9),
                     seal_image=kit.assets / "seal.png", level=Level.B_B),
        SoftSource(kit.pki.agency, kit.pki).signer(),
    )  # fmt: skip
    return out


def package_file(
    out: Path,
    files: list[tuple[str, bytes]],
    *,
    sender: str = PEER,
    to: str = LOCAL,
    number: str = "07",
    day: date = date(2026, 3, 9),
    subject: str = "Về việc tổ chức hội nghị tổng kết công tác năm 2025 tại Điện Biên Phủ",
    trace: datetime | None = None,
    symbol: str = "QĐ-SNV",
) -> Path:
    from app.sync.edxml import TraceHeader

    doc_id = f"{sender},{day:%Y/%m/%d},{number}/{symbol}"
    header = DocumentHeader(
        sender=Organization(sender, organ_name="Sở Nội vụ tỉnh Điện Biên"),
        recipients=(Organization(to),),
        subject=subject,
        document_id=doc_id,
        code=Code(number, symbol),
        promulgation_info=PromulgationInfo("Điện Biên", day),
        signer_info=SignerInfo(position="Giám đốc", full_name="Lò Văn Đông"),
        due_date=date(2026, 3, 20),
        other_info=OtherInfo(priority=0),
    )
    attachments = tuple(
        Attachment(content_id=str(i), name=name, data=data)
        for i, (name, data) in enumerate(files, start=1)
    )
    traces = (TraceHeader(sender, trace or datetime(2026, 3, 9, 9, 0, tzinfo=UTC)),)
    package = DocumentPackage(header, traces, Bussiness(document_id=doc_id), attachments)
    out.write_bytes(build_document_package(package))
    return out
