"""DocumentTableModel without widgets: display text, roles, deadline colours and sorting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from app.domain.types import Direction, DocumentState, Secrecy
from app.services.queues import DocumentRow
from app.ui.tablemodels.documents import (
    COLUMNS,
    DUE_TODAY_BG,
    OVERDUE_BG,
    URGENT_FG,
    VERY_URGENT_FG,
    Col,
    DocumentTableModel,
)

# 10:00 in Hà Nội on 10 June 2024.
NOW = datetime(2024, 6, 10, 3, 0, tzinfo=UTC)
D, U = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole


def row(id: int, **kw) -> DocumentRow:
    values = {
        "id": id,
        "direction": Direction.INCOMING,
        "state": DocumentState.ARRIVED,
        "kind": "CV",
        "code": f"{id:02d}/SNV-VP",
        "subject": f"Văn bản {id}",
        "sender_name": "Sở Nội vụ",
        "issue_date": date(2024, 5, 3),
        "urgency": 0,
        "secrecy": Secrecy.NONE,
        "due_at": None,
        "register_number": None,
        "updated_at": NOW,
    }
    values.update(kw)
    return DocumentRow(**values)


@pytest.fixture
def rows() -> list[DocumentRow]:
    return [
        row(1, subject="Về việc triển khai", urgency=1, due_at=NOW - timedelta(hours=1)),
        row(2, subject="Ăn trưa", code="9/QĐ-UBND", urgency=3, due_at=NOW + timedelta(hours=5)),
        row(
            3, subject="Báo cáo", code="12/QĐ-UBND", issue_date=None, due_at=NOW + timedelta(days=3)
        ),
        row(4, subject="Đã xong", state=DocumentState.COMPLETED, due_at=NOW - timedelta(days=9)),
    ]


@pytest.fixture
def model(rows) -> DocumentTableModel:
    return DocumentTableModel(rows, now=lambda: NOW)


def cell(model: DocumentTableModel, r: int, c: Col, role=D):
    return model.data(model.index(r, c), role)


def test_shape_and_headers(model: DocumentTableModel) -> None:
    assert model.rowCount() == 4
    assert model.columnCount() == len(COLUMNS) == 7
    headers = [model.headerData(c, Qt.Orientation.Horizontal, D) for c in COLUMNS]
    assert headers == [
        "Số/ký hiệu",
        "Trích yếu",
        "Nơi gửi",
        "Ngày",
        "Độ khẩn",
        "Trạng thái",
        "Hạn xử lý",
    ]


def test_display_text(model: DocumentTableModel) -> None:
    assert cell(model, 0, Col.CODE) == "01/SNV-VP"
    assert cell(model, 0, Col.SUBJECT) == "Về việc triển khai"
    assert cell(model, 0, Col.SENDER) == "Sở Nội vụ"
    assert cell(model, 0, Col.DATE) == "03/05/2024"
    assert cell(model, 2, Col.DATE) == ""
    assert cell(model, 0, Col.URGENCY) == "Khẩn"
    assert cell(model, 1, Col.URGENCY) == "Hỏa tốc"
    assert cell(model, 0, Col.STATE) == "Mới đến"
    assert cell(model, 3, Col.STATE) == "Hoàn thành"


def test_sender_is_one_line_and_abbreviated_as_clerks_write_it() -> None:
    model = DocumentTableModel(
        [
            row(1, sender_name="Ủy ban nhân dân\ntỉnh  Điện Biên"),
            row(2, sender_name="Văn phòng Uỷ ban nhân dân tỉnh"),
            row(3, sender_name="Sở Nội vụ"),
        ]
    )
    assert cell(model, 0, Col.SENDER) == "UBND tỉnh Điện Biên"
    assert cell(model, 1, Col.SENDER) == "Văn phòng UBND tỉnh"
    assert cell(model, 2, Col.SENDER) == "Sở Nội vụ"
    tip = Qt.ItemDataRole.ToolTipRole
    assert cell(model, 0, Col.SENDER, tip) == "Ủy ban nhân dân tỉnh Điện Biên"


def test_due_date_is_shown_in_vietnam_time() -> None:
    # 18:30 UTC on the 10th is 01:30 on the 11th in Hà Nội.
    late = row(1, due_at=datetime(2024, 6, 10, 18, 30, tzinfo=UTC))
    model = DocumentTableModel([late], now=lambda: NOW)
    assert cell(model, 0, Col.DUE) == "11/06/2024"


def test_user_role_is_the_id(model: DocumentTableModel) -> None:
    assert [cell(model, r, Col.SUBJECT, U) for r in range(4)] == [1, 2, 3, 4]


def test_urgency_foreground(model: DocumentTableModel) -> None:
    fg = Qt.ItemDataRole.ForegroundRole
    assert cell(model, 0, Col.URGENCY, fg).color() == URGENT_FG
    assert cell(model, 1, Col.URGENCY, fg).color() == VERY_URGENT_FG
    assert cell(model, 2, Col.URGENCY, fg) is None


def test_deadline_background(model: DocumentTableModel) -> None:
    bg = Qt.ItemDataRole.BackgroundRole
    assert cell(model, 0, Col.DUE, bg).color() == OVERDUE_BG
    assert cell(model, 0, Col.SUBJECT, bg) is None  # only the deadline cell is coloured
    assert cell(model, 1, Col.DUE, bg).color() == DUE_TODAY_BG
    assert cell(model, 2, Col.DUE, bg) is None  # in three days
    assert cell(model, 3, Col.DUE, bg) is None  # overdue but completed: not flagged


def test_set_rows_resets(qtbot, model: DocumentTableModel) -> None:
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows([row(9)])
    assert model.rowCount() == 1
    assert cell(model, 0, Col.CODE, U) == 9


def ids(model: DocumentTableModel) -> list[int]:
    return [r.id for r in model.rows()]


def test_sort_by_subject_ignores_diacritics(model: DocumentTableModel) -> None:
    model.sort(Col.SUBJECT, Qt.SortOrder.AscendingOrder)
    assert ids(model) == [2, 3, 4, 1]  # Ăn, Báo, Đã, Về
    model.sort(Col.SUBJECT, Qt.SortOrder.DescendingOrder)
    assert ids(model) == [1, 4, 3, 2]


def test_sort_by_code_is_natural(model: DocumentTableModel) -> None:
    model.sort(Col.CODE)
    assert ids(model) == [1, 4, 2, 3]  # 01/SNV, 04/SNV, 9/QĐ, 12/QĐ


def test_sort_dates_put_missing_last(model: DocumentTableModel) -> None:
    model.sort(Col.DUE)
    assert ids(model) == [4, 1, 2, 3]
    model.sort(Col.DATE)
    assert ids(model)[-1] == 3


def test_sort_keeps_persistent_indexes_and_survives_set_rows(model: DocumentTableModel) -> None:
    pinned = QPersistentModelIndex(model.index(0, Col.SUBJECT))  # row id 1
    model.sort(Col.URGENCY, Qt.SortOrder.DescendingOrder)
    assert model.data(pinned, U) == 1
    assert ids(model) == [2, 1, 3, 4]
    model.set_rows([row(5, urgency=0), row(6, urgency=2)])
    assert ids(model) == [6, 5]  # the chosen order is kept for new snapshots


def test_out_of_range_is_none(model: DocumentTableModel) -> None:
    assert model.data(model.index(99, 0)) is None
    assert model.headerData(0, Qt.Orientation.Vertical, D) is None


def test_a_sortable_view_without_a_sort_column_keeps_the_given_order(qtbot) -> None:
    """The list panel's set-up (sorting on, no indicator): rows stay newest first, as the
    service gave them; a clicked column sorts, and -1 brings the service's order back."""
    from PySide6.QtWidgets import QTableView

    model = DocumentTableModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    model.set_rows([row(2, code="1/QĐ"), row(3, code="12/QĐ"), row(1, code="9/QĐ")])
    assert [r.id for r in model.rows()] == [2, 3, 1]
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [r.id for r in model.rows()] == [2, 1, 3]
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert [r.id for r in model.rows()] == [2, 3, 1]
