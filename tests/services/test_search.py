"""Search without diacritics over subject, number/symbol, sender and signer, with its filters, on
SQLite (FTS5 trigram) and PostgreSQL (pg_trgm), and the bulk generator behind the benchmark."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.queues import Queue
from app.domain.search import fold_for_search, matches
from app.domain.types import Direction, DocumentState
from app.services.documents import (
    BulkSpec,
    ReceiveOutcome,
    generate_documents,
    receive_file,
    search_documents,
    submit,
)
from app.services.workspace import Workspace
from tests.services.conftest import NOW, PEER, Kit, new_draft, package_file

SUBJECTS = (
    "Về việc tổ chức Lễ kỷ niệm 72 năm Chiến thắng Điện Biên Phủ",
    "Quyết định phê duyệt kế hoạch chuyển đổi số năm 2026",
    "Kế hoạch phát triển du lịch xã Điện Biên Đông",
    "V/v báo cáo tình hình thiên tai tại xã Mường Chà",
)


@pytest.fixture
def docs(ws: Workspace, kit: Kit, tmp_path: Path) -> dict[str, int]:
    ids = {s: new_draft(ws, kit, subject=s) for s in SUBJECTS}
    submit(ws, "cv", ids[SUBJECTS[1]])
    got = receive_file(
        ws, "vt",
        package_file(tmp_path / "in.edxml", [("scan.pdf", kit.plain.read_bytes())],
                     subject="Giấy mời dự hội nghị trực tuyến"),
        verifier=kit.verifier(), now=NOW,
    )  # fmt: skip
    assert isinstance(got, ReceiveOutcome)
    ids["incoming"] = got.document.id
    return ids


def _found(ws: Workspace, text: str, **filters: object) -> set[int]:
    return {row.id for row in search_documents(ws, text, **filters)}  # type: ignore[arg-type]


def test_diacritics_are_optional(ws: Workspace, docs: dict[str, int]) -> None:
    # The incoming one's sender is "Sở Nội vụ tỉnh Điện Biên".
    both = {docs[SUBJECTS[0]], docs[SUBJECTS[2]], docs["incoming"]}
    assert _found(ws, "dien bien") == both
    assert _found(ws, "ĐIỆN BIÊN") == both
    assert _found(ws, "Điện Biên Phủ") == {docs[SUBJECTS[0]]}
    assert _found(ws, "quyet dinh") == {docs[SUBJECTS[1]]}
    assert _found(ws, "xa dien bien dong") == {docs[SUBJECTS[2]]}  # đ is d
    assert _found(ws, "dong") == {docs[SUBJECTS[2]], docs["incoming"]}  # signer Lò Văn Đông
    assert _found(ws, "muong cha") == {docs[SUBJECTS[3]]}
    assert _found(ws, "xyzzy") == set()
    assert _found(ws, "") == set(docs.values())


def test_symbol_sender_signer_and_short_words(ws: Workspace, docs: dict[str, int]) -> None:
    incoming = docs["incoming"]
    assert _found(ws, "07/qd-snv") == {incoming}  # number and symbol
    assert _found(ws, "lo van dong") == {incoming}  # signer
    assert _found(ws, "so noi vu") == {incoming}  # sender
    assert _found(ws, "qđ-ubnd 72") == {docs[SUBJECTS[0]]}  # symbol of a draft + a short word
    assert _found(ws, "72 ky niem") == {docs[SUBJECTS[0]]}
    assert _found(ws, "v/v") == {docs[SUBJECTS[3]]}


def test_filters(ws: Workspace, docs: dict[str, int]) -> None:
    incoming = docs["incoming"]
    assert _found(ws, "", queue=Queue.INCOMING) == {incoming}
    assert _found(ws, "", queue=Queue.TO_SIGN) == {docs[SUBJECTS[1]]}
    assert _found(ws, "hoi nghi", sender=PEER) == {incoming}
    assert _found(ws, "", sender="noi vu") == {incoming}
    assert _found(ws, "", kind="qd") == set(docs.values())
    assert _found(ws, "", kind="CV") == set()
    assert _found(ws, "", year=2026) == set(docs.values())  # drafts by creation, incoming by date
    assert _found(ws, "", year=2025) == set()
    assert len(search_documents(ws, "", limit=2)) == 2


def test_bulk_documents_are_searchable(ws: Workspace) -> None:
    ids = generate_documents(ws, BulkSpec(1200, seed=7, batch=500), now=NOW)
    assert len(ids) == len(set(ids)) == 1200
    rows = search_documents(ws, "dien bien phu", queue=Queue.INCOMING, limit=50)
    assert rows and all(r.direction is Direction.INCOMING for r in rows)
    for row in rows:  # every word somewhere in the row's text, as the domain's matcher says
        assert matches(
            "dien bien phu", fold_for_search(f"{row.code} {row.subject} {row.sender_name}")
        )
    arrived = generate_documents(
        ws, BulkSpec(10, direction=Direction.INCOMING, state=DocumentState.ARRIVED)
    )
    assert len(arrived) == 10
