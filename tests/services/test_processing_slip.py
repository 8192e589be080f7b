"""The processing slip fed by the real incoming use cases: the leader's opinion given at ``assign``
prints in part I, the handler's notes given at ``progress`` and ``complete`` in part III, and the
history names every step in words."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app.domain.calendar import WorkingCalendar
from app.domain.types import Direction, DocumentState
from app.models import Document
from app.services.documents import assign, complete, progress, register
from app.services.documents.common import local_agency
from app.services.reports import load_slip, print_slip
from app.services.workspace import Workspace
from tests.reports.conftest import needs_poppler, pdf_pages, squash
from tests.services.conftest import NOW

OPINION = "Giao Phòng Tổng hợp chủ trì, tham mưu văn bản trả lời trước ngày 20/3."
START_NOTE = "Đã liên hệ Sở Tài chính để lấy số liệu."
DONE_NOTE = "Đề xuất ban hành công văn trả lời theo dự thảo kèm theo."


def _paper_document(ws: Workspace) -> int:
    """An incoming paper document as the clerk enters it (no edXML: nobody to notify)."""
    with ws.db.write() as session:
        doc = Document(
            agency_id=local_agency(session).id,
            direction=Direction.INCOMING,
            state=DocumentState.ARRIVED,
            kind="CV",
            number=45,
            symbol="STC-NS",
            subject="Về việc báo cáo tình hình thực hiện dự toán ngân sách quý I",
            sender_name="Sở Tài chính tỉnh Điện Biên",
            created_at=NOW,
        )
        session.add(doc)
        session.flush()
        return doc.id


def _processed(ws: Workspace) -> int:
    doc_id = _paper_document(ws)
    register(ws, "vt", doc_id, now=NOW)
    assign(ws, "ld", doc_id, "cv", co_handlers=["cv2"], working_days=5, opinion=OPINION, now=NOW)
    progress(ws, "cv", doc_id, START_NOTE, now=NOW + timedelta(hours=3))
    progress(ws, "cv2", doc_id, "", now=NOW + timedelta(hours=4))  # no note: nothing in part III
    complete(ws, "cv", doc_id, DONE_NOTE, now=NOW + timedelta(days=1))
    return doc_id


def test_slip_reads_the_notes_the_use_cases_write(ws: Workspace) -> None:
    doc_id = _processed(ws)
    with ws.db.read() as session:
        data = load_slip(session, doc_id, WorkingCalendar(), now=NOW + timedelta(days=2))
    assert data.opinion == OPINION and data.assigned_by == "Cầm Văn Thưởng"
    assert data.lead == "Phòng Tổng hợp – Lường Văn Minh"
    assert [(n.author, n.text) for n in data.handler_notes] == [
        ("Lường Văn Minh", START_NOTE),
        ("Lường Văn Minh", DONE_NOTE),
    ]
    assert data.unit_notes == ()  # no workflow step gives a unit leader's opinion
    assert [e.action for e in data.history] == [
        "Kiểm tra văn bản",
        "Vào sổ văn bản đến",
        "Phân công xử lý",
        "Bắt đầu xử lý",
        "Cập nhật tiến độ xử lý",
        "Hoàn thành xử lý",
    ]
    assert data.on_time is True


@needs_poppler
def test_slip_pdf_has_the_opinion_and_the_progress_note(ws: Workspace, tmp_path: Path) -> None:
    doc_id = _processed(ws)
    result = print_slip(ws, doc_id, tmp_path / "phieu.pdf", now=NOW + timedelta(days=2))
    text = squash(" ".join(pdf_pages(result.path, raw=True)))
    part_1 = text.index("I. Ý KIẾN CHỈ ĐẠO CỦA LÃNH ĐẠO CƠ QUAN")
    part_3 = text.index("III. Ý KIẾN ĐỀ XUẤT CỦA NGƯỜI GIẢI QUYẾT")
    history = text.index("QUÁ TRÌNH XỬ LÝ")
    assert part_1 < text.index(f"Ý kiến chỉ đạo: {OPINION}") < part_3
    assert part_3 < text.index(START_NOTE) < history
    assert part_3 < text.index(DONE_NOTE) < history
    assert "Chủ trì: Lường Văn Minh; Phối hợp: Vì Thị Lan" in text
    assert "— đúng hạn" in text
