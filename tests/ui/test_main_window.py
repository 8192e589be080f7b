"""The main window clicked through with pytest-qt (offscreen), loads run inline (SyncTaskRunner)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.queues import Queue
from app.domain.types import Direction, DocumentState
from app.models import Document
from app.paths import resources_dir
from app.services.workspace import Workspace
from app.ui import application
from app.ui.application import create_main_window
from app.ui.main_window import MainWindow
from app.ui.tablemodels.documents import Col
from app.ui.tasks import SyncTaskRunner
from tests.ui.conftest import AGENCY_NAME


@pytest.fixture
def window(qtbot, workspace: Workspace) -> MainWindow:
    win = create_main_window(workspace, demo=False, runner=SyncTaskRunner())
    qtbot.addWidget(win)
    win.show()
    return win


def codes(win: MainWindow) -> list[str]:
    return [row.code for row in win.documents.visible_rows()]


def test_title_names_the_agency(window: MainWindow) -> None:
    assert window.windowTitle().startswith("VBĐT")
    assert window.windowTitle() == f"VBĐT Desktop — {AGENCY_NAME}"


def test_demo_title(qtbot, workspace: Workspace) -> None:
    win = create_main_window(workspace, demo=True, runner=SyncTaskRunner())
    qtbot.addWidget(win)
    assert win.windowTitle() == f"VBĐT Desktop — {AGENCY_NAME} (trình diễn)"


def test_sidebar_lists_the_queues_with_counts(window: MainWindow) -> None:
    assert window.sidebar.labels() == [
        "Văn bản đến (2)",
        "Mới đến (1)",
        "Chờ vào sổ (0)",
        "Chờ phân công (1)",
        "Đang xử lý (0)",
        "Quá hạn (1)",
        "Bị thu hồi (0)",
        "Văn bản đi (2)",
        "Dự thảo (0)",
        "Chờ duyệt, ký (1)",
        "Chờ phát hành (1)",
        "Đã phát hành (0)",
        "Bị trả lại (0)",
        "Hộp thư đi (0)",
        "Chờ gửi (0)",
        "Gửi lỗi (0)",
    ]


def test_starts_on_incoming(window: MainWindow) -> None:
    assert window.sidebar.current_queue() is Queue.INCOMING
    assert sorted(codes(window)) == ["07/TB-STC", "12/SNV-VP"]
    assert not window.documents.table.isColumnHidden(Col.SENDER)
    assert "Văn bản đến: 2 văn bản" in window.status_label.text()
    assert window.network_label.text() == "Ngoại tuyến"


def test_selecting_to_sign_shows_the_submitted_document(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.sidebar.queue_selected):
        window.sidebar.select_queue(Queue.TO_SIGN)
    assert window.sidebar.current_queue() is Queue.TO_SIGN
    rows = window.documents.visible_rows()
    assert [r.subject for r in rows] == ["Quyết định ban hành quy chế công tác văn thư"]
    assert window.documents.table.model().rowCount() == 1
    assert window.documents.table.isColumnHidden(Col.SENDER)  # outgoing: no sender column


def test_empty_queue_says_so(window: MainWindow) -> None:
    window.sidebar.select_queue(Queue.OUTBOX)
    assert window.documents.visible_rows() == ()
    assert window.documents.stack.currentWidget() is window.documents.empty
    assert "Không có văn bản" in window.documents.empty.text()


def test_search_ignores_diacritics(qtbot, window: MainWindow) -> None:
    qtbot.keyClicks(window.documents.search, "trien khai")
    assert codes(window) == ["12/SNV-VP"]
    assert "hiển thị 1/2" in window.status_label.text()
    window.documents.search.setText("SO TAI CHINH")
    assert codes(window) == ["07/TB-STC"]
    window.documents.search.setText("không có đâu")
    assert codes(window) == []
    assert "không có đâu" in window.documents.empty.text()
    window.documents.search.clear()
    assert len(codes(window)) == 2


def test_search_survives_refresh(window: MainWindow) -> None:
    window.documents.search.setText("điện tử")
    window.refresh_action.trigger()
    assert codes(window) == ["12/SNV-VP"]


def test_ctrl_f_focuses_search(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    window.documents.table.setFocus()
    qtbot.keyClick(window.documents.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.documents.search.hasFocus())


def test_shortcuts(window: MainWindow) -> None:
    assert window.search_action.shortcut().toString() == "Ctrl+F"
    assert window.refresh_action.shortcut().toString() == "F5"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_f5_reloads_new_documents(qtbot, window: MainWindow, workspace: Workspace) -> None:
    with workspace.db.write() as session:
        doc = session.get(Document, 1)
        session.add(
            Document(
                agency_id=doc.agency_id,
                direction=Direction.INCOMING,
                state=DocumentState.ARRIVED,
                kind="CV",
                subject="Văn bản mới đến",
            )
        )
    qtbot.keyClick(window.documents.table, Qt.Key.Key_F5)
    assert len(window.documents.visible_rows()) == 3
    assert window.sidebar.labels()[0] == "Văn bản đến (3)"


def test_menus_are_vietnamese(window: MainWindow) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["Tệp", "Xem", "Ký số", "Báo cáo", "Trợ giúp"]


def test_load_error_is_shown_not_raised(qtbot, window: MainWindow) -> None:
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.close()

    QTimer.singleShot(0, close_box)
    window.runner.run(lambda: 1 / 0, on_success=print, on_error=window._on_load_error)
    assert window.status_label.text() == "Không tải được dữ liệu."
    assert seen and "lỗi không mong đợi" in seen[0]
    assert "Traceback" not in seen[0]
    assert str(window.log_path) in seen[0]


@pytest.mark.skipif(
    not (resources_dir() / "fonts" / "LiberationSans-Regular.ttf").exists(),
    reason="bundled fonts not in resources yet",
)
def test_application_font_is_liberation_sans(qapp) -> None:
    family = application.setup_fonts(qapp)
    assert family == "Liberation Sans"
    assert qapp.font().family() == "Liberation Sans"
    assert qapp.font().pointSize() == application.FONT_POINT_SIZE


def test_error_text_is_one_vietnamese_line_for_expected_errors(tmp_path) -> None:
    from app.errors import DiskFull
    from app.ui.errors import error_text

    text = error_text(DiskFull("no space", path="C:/x.pdf"), tmp_path / "vbdt.log")
    assert text.startswith("Ổ đĩa đã đầy: không ghi được C:/x.pdf.")
    assert "vbdt.log" not in text  # expected errors need no log hunt
    assert "nhật ký" in error_text(RuntimeError("bug"), tmp_path / "vbdt.log")
