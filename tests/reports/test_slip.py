"""Phiếu giải quyết văn bản đến: particulars, the three parts and the processing history."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.calendar import WorkingCalendar
from app.errors import InvalidInput, NotFound
from app.services.reports import load_slip, print_slip
from app.services.workspace import Workspace
from tests.reports import sample
from tests.reports.conftest import needs_poppler, pdf_fonts, pdf_pages, squash

Sample = tuple[Workspace, dict[str, int]]


def test_slip_data(sample_ws: Sample) -> None:
    ws, ids = sample_ws
    with ws.db.read() as session:
        data = load_slip(session, ids["slip_doc"], WorkingCalendar(), now=sample.NOW)
    assert data.register_number == sample.SLIP_IN
    assert data.sender == "Sở Tài chính tỉnh Điện Biên"
    assert data.assigned_by == "Lò Văn Thành" and data.assigned_by_position == "Giám đốc"
    assert data.lead == "Phòng Tổ chức cán bộ – Lường Văn Minh"
    assert data.co_handlers == ("Quàng Văn Đức",)
    assert data.on_time is True
    assert [n.author for n in data.unit_notes] == ["Lường Văn Minh"]
    assert [e.action for e in data.history] == [
        "Tiếp nhận văn bản",
        "Vào sổ văn bản đến",
        "Phân công xử lý",
        "Ý kiến của lãnh đạo đơn vị",
        "Bắt đầu xử lý",
        "Hoàn thành xử lý",
    ]
    # The assignment's usernames print as names, its deadline as a date; state codes not at all.
    assert data.history[2].detail.startswith("Chủ trì: Lường Văn Minh; Phối hợp: Quàng Văn Đức")
    assert "assigned" not in data.history[2].detail
    assert [n.text for n in data.handler_notes] == [
        "Đề xuất ban hành công văn trả lời theo dự thảo kèm theo."
    ]
    assert data.history[0].actor == "Nguyễn Thị Hoa"  # usernames shown as names


@needs_poppler
def test_slip_pdf(sample_ws: Sample, tmp_path: Path) -> None:
    ws, ids = sample_ws
    result = print_slip(ws, ids["slip_doc"], tmp_path / "phieu.pdf", now=sample.NOW)
    pages = pdf_pages(result.path)
    assert result.pages == len(pages)
    text = squash(" ".join(pdf_pages(result.path, raw=True)))
    for expected in (
        "SỞ NỘI VỤ TỈNH ĐIỆN BIÊN",
        "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN",
        "Số đến: 03",
        "Tác giả (nơi gửi): Sở Tài chính tỉnh Điện Biên",
        "Số, ký hiệu: 103/UBND-VP",
        "I. Ý KIẾN CHỈ ĐẠO CỦA LÃNH ĐẠO CƠ QUAN",
        "Ý kiến chỉ đạo: Giao Phòng chủ trì, tham mưu văn bản trả lời trước thời hạn.",
        "Đơn vị, người chủ trì: Phòng Tổ chức cán bộ – Lường Văn Minh",
        "Đơn vị, người phối hợp: Quàng Văn Đức",
        "GIÁM ĐỐC",
        "II. Ý KIẾN CỦA LÃNH ĐẠO ĐƠN VỊ",
        "Giao đồng chí Minh xây dựng dự thảo, đồng chí Đức phối hợp.",
        "III. Ý KIẾN ĐỀ XUẤT CỦA NGƯỜI GIẢI QUYẾT",
        "Đề xuất ban hành công văn trả lời theo dự thảo kèm theo.",
        "— đúng hạn",
        "QUÁ TRÌNH XỬ LÝ",
        "Vào sổ văn bản đến",
        "Hoàn thành xử lý",
    ):
        assert expected in text, expected
    with ws.db.read() as session:
        data = load_slip(session, ids["slip_doc"], WorkingCalendar())
    assert f"Thời hạn giải quyết: {data.deadline:%d/%m/%Y}" in text
    for number, page in enumerate(pages, start=1):
        assert f"Trang {number}/{len(pages)}" in page
    assert all("Liberation" in line for line in pdf_fonts(result.path))


@needs_poppler
def test_slip_of_an_unassigned_document_leaves_room_to_write(
    sample_ws: Sample, tmp_path: Path
) -> None:
    ws, ids = sample_ws
    from app.domain.types import Direction, DocumentState
    from app.models import Document

    with ws.db.write() as session:
        doc = Document(
            agency_id=session.get(Document, ids["slip_doc"]).agency_id,  # type: ignore[union-attr]
            direction=Direction.INCOMING,
            state=DocumentState.REGISTERED,
            kind="CV",
            symbol="BNV-VP",
            subject="V/v góp ý dự thảo Thông tư",
            sender_name="Bộ Nội vụ",
        )
        session.add(doc)
        session.flush()
        doc_id = doc.id
    result = print_slip(ws, doc_id, tmp_path / "trong.pdf")
    text = squash(" ".join(pdf_pages(result.path, raw=True)))
    assert "Chưa phân công xử lý." in text and "Chưa có sự kiện nào." in text
    assert "Văn bản giấy (không có chữ ký số)" in text
    assert "Công văn V/v góp ý dự thảo Thông tư" in text


def test_slip_is_for_incoming_documents_only(sample_ws: Sample, tmp_path: Path) -> None:
    ws, ids = sample_ws
    with pytest.raises(InvalidInput):
        print_slip(ws, ids["out_first"], tmp_path / "x.pdf")
    with pytest.raises(NotFound):
        print_slip(ws, 999_999, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
