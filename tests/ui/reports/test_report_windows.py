"""The "Báo cáo" menu and its windows, offscreen over the sample office: each entry opens its
window, "Xem trước" shows the built PDF, "Lưu PDF…" writes it (the save dialog is a boundary
fake), a PDF-file printer gets every page, the statistics also save as CSV, and the processing
slip opens for one incoming document. Loads run inline (SyncTaskRunner) except in the one test
that checks the real worker path."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.domain.types import Direction, Role
from app.errors import InvalidInput, PermissionDenied
from app.services.documents import Actor
from app.services.workspace import Workspace
from app.ui.reports import ReportsMenu, build_reports_menu, open_slip
from app.ui.reports.register_dialog import RegisterDialog
from app.ui.reports.stats_dialog import StatsDialog
from app.ui.tasks import TaskRunner
from tests.reports import sample
from tests.reports.conftest import needs_poppler, pdf_pages, squash
from tests.ui.reports.conftest import Host, SaveDialogFake

Sample = tuple[Workspace, dict[str, int]]


def _menu(host: Host, ws: Workspace, actor: Actor | None = None) -> ReportsMenu:
    menu = build_reports_menu(host, lambda: ws, lambda: actor)
    assert isinstance(menu, ReportsMenu)
    host.menuBar().addMenu(menu)
    return menu


def _actor(role: Role) -> Actor:
    return Actor(1, "x", "Người thử", role, 1, "", "")


def _page_count(path: Path) -> tuple[int, bool]:
    """Pages of a PDF, and whether the first is landscape (read with QtPdf)."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    size = document.pagePointSize(0)
    count = document.pageCount()
    document.close()
    return count, size.width() > size.height()


def _register(host: Host, ws: Workspace, direction: Direction) -> RegisterDialog:
    menu = _menu(host, ws)
    action = menu.incoming_action if direction is Direction.INCOMING else menu.outgoing_action
    action.trigger()
    dialog = menu.dialogs[f"register-{direction.value}"]
    assert isinstance(dialog, RegisterDialog)
    return dialog


def test_menu_entries(host: Host, sample_ws: Sample) -> None:
    menu = _menu(host, sample_ws[0])
    assert menu.title() == "&Báo cáo"
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Sổ đăng ký văn bản &đến…", "Sổ đăng ký văn bản đ&i…", "&Thống kê…"]


def test_each_entry_opens_its_window(host: Host, sample_ws: Sample) -> None:
    ws, _ = sample_ws
    menu = _menu(host, ws)
    menu.incoming_action.trigger()
    menu.outgoing_action.trigger()
    menu.stats_action.trigger()
    incoming = menu.dialogs["register-incoming"]
    outgoing = menu.dialogs["register-outgoing"]
    stats = menu.dialogs["stats"]
    assert isinstance(incoming, RegisterDialog) and isinstance(outgoing, RegisterDialog)
    assert isinstance(stats, StatsDialog)
    assert incoming.windowTitle() == "Sổ đăng ký văn bản đến"
    assert outgoing.windowTitle() == "Sổ đăng ký văn bản đi"
    assert incoming.register_combo.currentText() == f"Sổ văn bản đến năm {sample.YEAR} (40 số)"
    assert outgoing.register_combo.currentText() == f"Sổ văn bản đi năm {sample.YEAR} (45 số)"
    assert stats.windowTitle() == "Báo cáo thống kê"
    units = [stats.unit_combo.itemText(i) for i in range(stats.unit_combo.count())]
    assert units[0] == "Toàn cơ quan" and set(sample.UNITS) <= set(units)
    assert all(d.isVisible() for d in (incoming, outgoing, stats))
    menu.incoming_action.trigger()  # open already: the same window comes forward
    assert menu.dialogs["register-incoming"] is incoming


def test_entries_follow_the_signed_in_role(
    host: Host, sample_ws: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr("app.ui.reports.menu.show_error", lambda _p, exc: shown.append(exc))
    actor = _actor(Role.SPECIALIST)
    menu = build_reports_menu(host, lambda: sample_ws[0], lambda: actor)
    assert isinstance(menu, ReportsMenu)
    menu.update_permissions()
    assert not menu.incoming_action.isEnabled() and not menu.stats_action.isEnabled()
    assert menu.open_register(Direction.INCOMING) is None and menu.open_stats() is None
    assert [type(e) for e in shown] == [PermissionDenied, PermissionDenied]
    actor = _actor(Role.LEADER)
    menu.update_permissions()
    assert not menu.outgoing_action.isEnabled() and menu.stats_action.isEnabled()
    actor = _actor(Role.CLERK)
    menu.update_permissions()
    assert menu.outgoing_action.isEnabled() and menu.stats_action.isEnabled()


def test_preview_shows_the_built_register(host: Host, sample_ws: Sample) -> None:
    dialog = _register(host, sample_ws[0], Direction.OUTGOING)
    assert dialog.current is None
    dialog.preview_button.click()
    built = dialog.current
    assert built is not None and built.pages > 2
    assert dialog.preview.document.pageCount() == built.pages
    assert dialog.status.text() == f"Báo cáo gồm {built.pages} trang."
    dialog.preview_button.click()  # same choices: nothing is built again
    assert dialog.current is built
    dialog.volume.setValue(2)
    assert "Lựa chọn đã thay đổi" in dialog.status.text()


@needs_poppler
def test_save_pdf_writes_the_register(
    host: Host, sample_ws: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _register(host, sample_ws[0], Direction.INCOMING)
    fake = SaveDialogFake(tmp_path / "luu" / "so-den")  # no suffix typed: .pdf is added
    monkeypatch.setattr("app.ui.reports.base.QFileDialog.getSaveFileName", fake)
    saved: list[Path] = []
    dialog.saved.connect(saved.append)
    dialog.save_button.click()
    [(title, suggested, filters)] = fake.asked
    assert Path(suggested).name == f"So-den-{sample.YEAR}.pdf"
    assert (title, filters) == ("Lưu báo cáo PDF", "Tệp PDF (*.pdf)")
    target = tmp_path / "luu" / "so-den.pdf"
    assert saved == [target]
    assert dialog.status.text() == f"Đã lưu: {target}"
    pages = pdf_pages(target)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in squash(pages[0])
    assert f"Trang 1/{len(pages) - 1}" in pages[1]  # the cover is not counted
    assert [p.name for p in target.parent.iterdir()] == ["so-den.pdf"]  # no temp file left


@needs_poppler
def test_save_pdf_of_a_date_range(
    host: Host, sample_ws: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _register(host, sample_ws[0], Direction.OUTGOING)
    dialog.period.set_range(date(sample.YEAR, 3, 1), date(sample.YEAR, 3, 31))
    fake = SaveDialogFake(tmp_path / "so-di-thang-3.pdf")
    monkeypatch.setattr("app.ui.reports.base.QFileDialog.getSaveFileName", fake)
    dialog.save_button.click()
    assert Path(fake.asked[0][1]).name == f"So-di-01-03-{sample.YEAR}-den-31-03-{sample.YEAR}.pdf"
    cover = squash(pdf_pages(tmp_path / "so-di-thang-3.pdf")[0])
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in cover
    assert f"Từ ngày 01/03/{sample.YEAR} đến ngày 31/03/{sample.YEAR}" in cover


def test_cancelled_save_writes_nothing(
    host: Host, sample_ws: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _register(host, sample_ws[0], Direction.INCOMING)
    monkeypatch.setattr("app.ui.reports.base.QFileDialog.getSaveFileName", SaveDialogFake(None))
    dialog.save_button.click()
    assert dialog.current is None  # not even built


def test_print_to_a_pdf_printer_prints_every_page(
    host: Host, sample_ws: Sample, tmp_path: Path
) -> None:
    dialog = _register(host, sample_ws[0], Direction.OUTGOING)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "in.pdf"))
    dialog.print_to(printer)
    assert dialog.current is not None
    pages, landscape = _page_count(tmp_path / "in.pdf")
    assert pages == dialog.current.pages and landscape  # the register is A4 landscape


def test_print_a_page_range(host: Host, sample_ws: Sample, tmp_path: Path) -> None:
    dialog = _register(host, sample_ws[0], Direction.OUTGOING)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "trang-2-3.pdf"))
    printer.setFromTo(2, 3)  # what the print dialog sets for "Trang 2–3"
    dialog.print_to(printer)
    assert _page_count(tmp_path / "trang-2-3.pdf")[0] == 2


@needs_poppler
def test_stats_save_pdf_and_csv(
    host: Host, sample_ws: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    menu = _menu(host, sample_ws[0])
    dialog = menu.open_stats()
    assert isinstance(dialog, StatsDialog)
    dialog.year.setValue(sample.YEAR)
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findText(sample.UNITS[0]))
    dialog.separator.setCurrentIndex(1)  # ";" with decimal commas
    fake = SaveDialogFake(tmp_path / "tk.pdf")
    monkeypatch.setattr("app.ui.reports.base.QFileDialog.getSaveFileName", fake)
    dialog.save_button.click()
    fake.answer = tmp_path / "tk.csv"
    dialog.csv_button.click()
    assert [Path(s).name for _, s, _ in fake.asked] == [
        f"Thong-ke-{sample.YEAR}.pdf",
        f"Thong-ke-{sample.YEAR}.csv",
    ]
    assert fake.asked[1][2] == "Tệp CSV (*.csv)"
    text = squash(" ".join(pdf_pages(tmp_path / "tk.pdf")))
    assert "BÁO CÁO THỐNG KÊ VĂN BẢN ĐẾN, VĂN BẢN ĐI" in text and sample.UNITS[0] in text
    csv = (tmp_path / "tk.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf")  # BOM, for Excel
    lines = csv.decode("utf-8-sig").splitlines()
    assert lines[0] == "BÁO CÁO THỐNG KÊ VĂN BẢN ĐẾN, VĂN BẢN ĐI"  # ";"-separated: no quotes
    assert lines[1].startswith(f"{sample.AGENCY_NAME};")  # the chosen separator
    assert dialog.status.text() == f"Đã lưu: {tmp_path / 'tk.csv'}"


@needs_poppler
def test_open_slip_builds_and_saves(
    host: Host, sample_ws: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, ids = sample_ws
    dialog = open_slip(host, ws, ids["slip_doc"])  # the runner comes from the window
    assert dialog.isVisible() and dialog.windowTitle() == "Phiếu giải quyết văn bản đến"
    assert dialog.current is not None  # built as the window opened
    assert dialog.preview.document.pageCount() == dialog.current.pages
    fake = SaveDialogFake(tmp_path / "phieu.pdf")
    monkeypatch.setattr("app.ui.reports.base.QFileDialog.getSaveFileName", fake)
    dialog.save_button.click()
    assert Path(fake.asked[0][1]).name == f"Phieu-giai-quyet-VB{ids['slip_doc']}.pdf"
    text = squash(" ".join(pdf_pages(tmp_path / "phieu.pdf", raw=True)))
    assert "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN" in text
    assert "Đề xuất ban hành công văn trả lời theo dự thảo kèm theo." in text
    first = dialog.current
    dialog.preview_button.click()  # "Tạo lại": built again with the latest history
    assert dialog.current is not None and dialog.current.path != first.path
    assert not first.path.exists()


def test_slip_of_an_outgoing_document_says_why(
    host: Host, sample_ws: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr("app.ui.reports.base.show_error", lambda _p, exc, _log: shown.append(exc))
    ws, ids = sample_ws
    dialog = open_slip(host, ws, ids["out_first"])
    assert [type(e) for e in shown] == [InvalidInput]
    assert dialog.current is None and dialog.status.text() == "Không tạo được báo cáo."
    assert dialog.preview_button.isEnabled()  # not stuck busy


def test_real_worker_thread(qtbot: QtBot, sample_ws: Sample) -> None:
    """The same window with the application's TaskRunner: built off the GUI thread."""
    runner = TaskRunner()
    try:
        dialog = RegisterDialog(sample_ws[0], runner, Direction.INCOMING)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.register_combo.count() > 0)
        dialog.preview_button.click()
        assert dialog.busy and dialog.busy_bar.isVisibleTo(dialog)
        qtbot.waitUntil(lambda: dialog.current is not None, timeout=30_000)
        assert not dialog.busy and dialog.preview.document.pageCount() == dialog.current.pages
    finally:
        runner.shutdown()


def test_page_range_and_unreadable_pdf(tmp_path: Path) -> None:
    from app.ui.reports.printing import PrintFailed, page_range, print_pdf

    printer = QPrinter()
    assert page_range(printer, 5) == range(5)  # nothing chosen: every page
    printer.setFromTo(4, 9)
    assert page_range(printer, 5) == range(3, 5)  # past the end: up to the last page
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7 not really")
    with pytest.raises(PrintFailed, match="Không đọc được tệp báo cáo để in"):
        print_pdf(broken, printer)
