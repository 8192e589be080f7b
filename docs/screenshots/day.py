"""One working day in the demo office, driven through the real windows: ``Day.steps()`` in order.

People of the demo: vanthu (văn thư Nguyễn Thị Hoa), lanhdao (Chủ tịch), chuyenvien (chuyên viên
Lường Văn Minh), chuyenvien2. Each step leaves the office as the next one expects it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from app.domain.queues import Queue
from app.domain.roles import Action
from app.domain.types import DocumentState
from app.services.demo_tokens import DEMO_TOKEN_PIN
from app.services.documents import document_details, sign_in
from app.services.lookups import local_people
from app.services.queues import list_queue
from app.services.workspace import Workspace
from app.ui.application import create_main_window
from app.ui.dialogs.sign_in import SignInDialog
from app.ui.main_window import MainWindow
from app.ui.pdf.preview import wait_for_render
from docs.screenshots.kit import Camera, ShotPrompts
from docs.screenshots.outgoing import DRAFT_SUBJECT, OutgoingDay

MAIN_SIZE = (1280, 760)


class Day(OutgoingDay):
    def __init__(
        self,
        ws: Workspace,
        runner: Any,
        camera: Camera,
        demo: Any,
        stop_platform: Callable[[], None],
        restart_platform: Callable[[], None],
    ) -> None:
        self.ws, self.runner, self.camera, self.demo = ws, runner, camera, demo
        self.stop_platform, self.restart_platform = stop_platform, restart_platform
        self.prompts = ShotPrompts(camera=camera)
        self.win: MainWindow | None = None
        self.received: int | None = None  # the document Sở Nội vụ sends this morning
        self.draft: int | None = None  # the specialist's new draft
        self.pin = DEMO_TOKEN_PIN

    def steps(self) -> Iterator[tuple[str, Callable[[], None]]]:
        yield "sign in", self.sign_in
        yield "main window", self.main_window
        yield "receive by sync", self.receive
        yield "signatures and register", self.register
        yield "assign (leader)", self.assign
        yield "process and complete (specialist)", self.process
        yield "processing slip", self.slip
        yield from self.outgoing_steps()

    def close(self) -> None:
        if self.win is not None:
            for window in list(self.win.document_windows):
                window.close()
            self.win.close()
            self.camera.settle(0.5)

    # --- helpers ------------------------------------------------------------------------------
    @property
    def main(self) -> MainWindow:
        assert self.win is not None, "the main window step failed"
        return self.win

    def state(self, doc_id: int) -> DocumentState:
        return document_details(self.ws, doc_id).document.state

    def wait_state(self, doc_id: int, state: DocumentState, timeout: float = 30.0) -> None:
        if not self.camera.wait(lambda: self.state(doc_id) is state, timeout, str(state)):
            raise RuntimeError(f"document {doc_id} is {self.state(doc_id)}, not {state}")

    def act_as(self, username: str) -> None:
        self.main.set_actor(sign_in(self.ws, username))

    def show_queue(self, queue: Queue, doc_id: int | None = None) -> None:
        """Open ``queue`` in the sidebar, wait for its rows, select ``doc_id``'s row."""
        win = self.main
        win.sidebar.select_queue(queue)
        win.refresh()
        self.camera.wait(lambda: not win.documents.loading, what="the queue's rows")
        self.camera.settle()
        if doc_id is None:
            return
        ids = [row.id for row in win.documents.visible_rows()]
        if doc_id not in ids:
            raise RuntimeError(f"document {doc_id} is not in {queue}: {ids}")
        win.documents.table.setFocus()
        win.documents.table.selectRow(ids.index(doc_id))
        self.camera.wait(lambda: bool(win.list_actions.buttons), 5, "the action buttons")

    def open_document(self, doc_id: int, tab: int = 0) -> Any:
        view = self.main.open_document(doc_id)
        view.tabs.setCurrentIndex(tab)
        self.camera.wait(lambda: view.loaded is not None, what="the document")
        self.camera.wait(lambda: view.verdict is not None, 60, "the signature check")
        wait_for_render(view.preview.view)
        return view

    def click(self, bar: Any, action: Action) -> None:
        button = bar.buttons.get(action)
        if button is None:
            raise RuntimeError(f"no {action} button; the bar shows {bar.labels()}")
        button.click()

    # --- the morning: sign in, receive ----------------------------------------------------------
    def sign_in(self) -> None:
        dialog = SignInDialog(local_people(self.ws), "vanthu")
        dialog.show()
        self.camera.shoot(dialog, "01-dang-nhap.png")
        dialog.close()

    def main_window(self) -> None:
        actor = sign_in(self.ws, "vanthu")
        self.win = create_main_window(self.ws, True, runner=self.runner, actor=actor)
        self.win.prompts = self.prompts
        self.win.controller.prompts = self.prompts
        self.prompts.parent = self.win
        self.win.resize(*MAIN_SIZE)
        self.win.show()
        self.show_queue(Queue.INCOMING)
        self.camera.wait(lambda: sum(self.main.sidebar.counts().values()) > 0, 10, "counts")
        self.show_queue(Queue.INCOMING, self.main.documents.visible_rows()[0].id)
        self.camera.shoot(self.win, "02-cua-so-chinh.png")

    def sync_now(self) -> None:
        status = self.main.sync_status
        status.sync_now()
        self.camera.wait(lambda: status.button.isEnabled(), 120, "the sync pass")
        self.main.refresh()
        self.camera.wait(lambda: not self.main.documents.loading, what="the rows")

    def receive(self) -> None:
        before = {row.id for row in list_queue(self.ws, Queue.INCOMING)}
        self.demo.peer.step()  # Sở Nội vụ sends a signed and sealed document to the platform
        self.sync_now()
        new = [row for row in list_queue(self.ws, Queue.INCOMING) if row.id not in before]
        if not new:
            raise RuntimeError("the sync pass received nothing")
        self.received = new[0].id
        self.show_queue(Queue.INCOMING, self.received)
        self.camera.shoot(self.main, "03-nhan-van-ban.png")
        self.camera.shoot(self.main.statusBar(), "04-thanh-trang-thai-truc-tuyen.png")

    def register(self) -> None:
        assert self.received is not None
        view = self.open_document(self.received)
        self.camera.shoot(view, "05-van-ban-den.png")
        view.tabs.setCurrentIndex(1)
        self.camera.shoot(view, "06-chu-ky-so.png")
        self.prompts.shots = ["07-vao-so.png"]
        self.click(view.actions_bar, Action.REGISTER)
        self.wait_state(self.received, DocumentState.REGISTERED)
        self.camera.wait(lambda: Action.REGISTER not in view.actions_bar.buttons, 10)
        view.tabs.setCurrentIndex(0)
        self.camera.shoot(view, "08-da-vao-so.png")
        view.close()

    # --- the leader assigns, the specialist handles ---------------------------------------------
    def assign(self) -> None:
        assert self.received is not None
        self.act_as("lanhdao")
        view = self.open_document(self.received)
        self.prompts.shots = ["09-phan-cong.png"]
        self.prompts.assign_to = (
            "chuyenvien",
            ("chuyenvien2",),
            "Giao Phòng Tổng hợp chủ trì, phối hợp Phòng Kinh tế ngành tham mưu triển khai.",
        )
        self.click(view.actions_bar, Action.ASSIGN)
        self.wait_state(self.received, DocumentState.ASSIGNED)
        view.close()

    def process(self) -> None:
        assert self.received is not None
        self.act_as("chuyenvien")
        self.show_queue(Queue.INCOMING, self.received)
        self.camera.shoot(self.main, "10-chuyen-vien.png")
        self.prompts.shots = ["11-ghi-chu-xu-ly.png"]
        self.prompts.texts = ["Đã nghiên cứu, đang dự thảo kế hoạch triển khai."]
        self.click(self.main.list_actions, Action.PROCESS)
        self.wait_state(self.received, DocumentState.PROCESSING)
        self.show_queue(Queue.INCOMING, self.received)
        self.prompts.shots = [None]
        self.prompts.texts = ["Đã trình lãnh đạo kế hoạch triển khai."]
        self.click(self.main.list_actions, Action.COMPLETE)
        self.wait_state(self.received, DocumentState.COMPLETED)

    def slip(self) -> None:
        from app.ui.reports.slip_dialog import SlipDialog

        assert self.received is not None
        self.act_as("vanthu")
        view = self.open_document(self.received, tab=2)
        self.camera.shoot(view, "12-lich-su.png")
        view.slip_button.click()
        [dialog] = view.findChildren(SlipDialog)
        self.camera.wait(lambda: dialog.current is not None, 60, "the slip")
        wait_for_render(dialog.preview.view)
        self.camera.shoot(dialog, "13-phieu-giai-quyet.png")
        dialog.close()
        view.close()

    def top_windows(self, kind: type[QWidget]) -> list[QWidget]:
        from PySide6.QtWidgets import QApplication

        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]

    def draft_pdf(self) -> Path:
        """The specialist's PDF, as their word processor would export it: the demo's plan sample
        with its own subject, for the Chủ tịch to sign."""
        from dataclasses import replace

        from app.demo.documents import render_official_document
        from app.demo.pki import DEFAULT_LEADER_NAME
        from app.demo.samples import SAMPLE_DOCUMENTS

        plan = next(s for s in SAMPLE_DOCUMENTS if s.kind_code == "KH")
        sample = replace(
            plan, subject=DRAFT_SUBJECT, signer_name=DEFAULT_LEADER_NAME,
            signer_position="Chủ tịch", signer_competence="TM. Ủy ban nhân dân",
        )  # fmt: skip
        path: Path = self.ws.data_dir / "du-thao" / "Ke-hoach-trien-khai-chu-ky-so.pdf"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(render_official_document(sample))
        return path
