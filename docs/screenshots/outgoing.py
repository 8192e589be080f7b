"""The afternoon of the guide's day: a new draft from a PDF, trình ký, the leader signs with the USB
token, the clerk issues while the network is down, sync again, the token doctor and the registers.

A mixin of ``day.Day`` (which holds the workspace, the main window and the helpers used here).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import Qt

from app.domain.queues import Queue
from app.domain.roles import Action
from app.domain.types import DocumentState
from app.services.queues import list_queue
from app.ui.pdf.preview import wait_for_render

_USER = Qt.ItemDataRole.UserRole
DRAFT_SUBJECT = "Triển khai sử dụng chữ ký số và gửi, nhận văn bản điện tử năm 2026"
RECIPIENTS = ("000.00.05.H18", "000.00.12.H18")  # Sở Nội vụ, UBND xã Mường Chà


class OutgoingDay:
    # Provided by day.Day.
    ws: Any
    runner: Any
    camera: Any
    prompts: Any
    draft: int | None
    pin: str
    main: Any
    stop_platform: Callable[[], None]
    restart_platform: Callable[[], None]
    act_as: Callable[[str], None]
    show_queue: Callable[..., None]
    wait_state: Callable[..., None]
    state: Callable[[int], DocumentState]
    click: Callable[..., None]
    sync_now: Callable[[], None]
    draft_pdf: Callable[[], Any]

    def outgoing_steps(self) -> Iterator[tuple[str, Callable[[], None]]]:
        yield "new draft and submit (specialist)", self.new_draft
        yield "sign with the USB token (leader)", self.sign
        yield "issue while offline (clerk)", self.issue
        yield "back online", self.back_online
        yield "token doctor", self.token_doctor
        yield "registers", self.registers

    # --- the specialist drafts ------------------------------------------------------------------
    def new_draft(self) -> None:
        self.act_as("chuyenvien")
        before = {row.id for row in list_queue(self.ws, Queue.OUTGOING)}

        def fill(dialog: Any) -> None:
            dialog.kind.setCurrentIndex(max(0, dialog.kind.findText("Kế hoạch")))
            dialog.subject.setPlainText(DRAFT_SUBJECT)
            for i in range(dialog.recipients.count()):
                item = dialog.recipients.item(i)
                if item.data(_USER) in RECIPIENTS:
                    item.setCheckState(Qt.CheckState.Checked)

        self.prompts.fill_draft = fill
        self.prompts.shots = ["14-du-thao-moi.png"]
        self.main.controller.new_draft(self.draft_pdf())
        self.camera.wait(
            lambda: len(list_queue(self.ws, Queue.OUTGOING)) > len(before), 30, "the new draft"
        )
        [new] = [r for r in list_queue(self.ws, Queue.OUTGOING) if r.id not in before]
        self.draft = new.id
        self.show_queue(Queue.OUTGOING, self.draft)
        self.prompts.shots = ["15-trinh-ky.png"]
        self.click(self.main.list_actions, Action.SUBMIT)
        self.wait_state(self.draft, DocumentState.SUBMITTED)

    # --- the leader signs -----------------------------------------------------------------------
    def sign(self) -> None:
        from app.ui.signing.entry import session_for

        assert self.draft is not None
        self.act_as("lanhdao")
        self.show_queue(Queue.TO_SIGN, self.draft)
        self.camera.shoot(self.main, "16-cho-ky.png")
        token_button = next(b for b in self.main.list_actions.extra if b.isEnabled())
        token_button.click()
        controller = self.main.controller
        self.camera.wait(lambda: bool(controller.dialogs), 30, "the signing window")
        dialog = controller.dialogs[-1]
        self.camera.wait(lambda: dialog.choice is not None and bool(dialog.placement.docs), 60)
        wait_for_render(dialog.placement.preview.view)
        self.camera.shoot(dialog, "17-ky-so.png")

        view = dialog.placement.preview.view
        view.set_zoom(1.0)
        dialog.placement.show_box()
        wait_for_render(view)
        self.camera.shoot(dialog.placement, "18-vi-tri-chu-ky.png")

        holder = session_for(self.main, self.ws)
        dialog.sign_button.click()
        self.camera.wait(lambda: holder.prompter.current is not None, 30, "the PIN dialog")
        pin = holder.prompter.current
        pin.pin_edit.setText(self.pin)  # shown masked
        self.camera.shoot(pin, "19-ma-pin.png")
        pin.ok_button.click()
        self.camera.wait(lambda: not dialog.job.running, 120, "the signature")
        self.wait_state(self.draft, DocumentState.SIGNED)
        self.camera.shoot(dialog, "20-da-ky.png")
        dialog.close()

    # --- the clerk issues with the network down ---------------------------------------------------
    def issue(self) -> None:
        from app.ui.signing.entry import session_for

        try:
            from app.ui.signing.issue_dialog import IssueDialog  # noqa: F401
        except ImportError as exc:
            self.camera.skip("Phát hành", f"app.ui.signing.issue_dialog missing ({exc})")
            return
        assert self.draft is not None
        self.stop_platform()  # the network goes down
        self.act_as("vanthu")
        self.show_queue(Queue.TO_ISSUE, self.draft)
        controller = self.main.controller
        opened = len(controller.dialogs)
        self.click(self.main.list_actions, Action.ISSUE)
        self.camera.wait(lambda: len(controller.dialogs) > opened, 30, "the issue window")
        dialog = controller.dialogs[-1]
        self.camera.wait(lambda: dialog.preview is not None and dialog.choice is not None, 60)
        for code in RECIPIENTS:  # the draft named them; tick them if the form did not
            if code not in dialog.form.chosen_recipients():
                dialog.form.set_recipient(code, True)
        self.camera.shoot(dialog, "21-phat-hanh.png")

        # One wrong PIN typed on the agency token earlier: SoftHSM now reports COUNT_LOW.
        holder = session_for(self.main, self.ws)
        self.wrong_pin(holder.session.source(dialog.choice))
        dialog.issue_button.click()
        self.camera.wait(lambda: holder.prompter.current is not None, 30, "the PIN dialog")
        pin = holder.prompter.current
        self.camera.shoot(pin, "22-canh-bao-ma-pin.png")
        pin.pin_edit.setText(self.pin)
        pin.ok_button.click()
        self.camera.wait(lambda: dialog.outcome is not None or not dialog.running, 120, "issue")
        issued = (DocumentState.ISSUED, DocumentState.SENT)  # SENT: handed to the outbox
        self.camera.wait(lambda: self.state(self.draft) in issued, 30, "the issued state")
        self.camera.shoot(dialog, "23-da-phat-hanh.png")
        dialog.close()

        self.sync_now()  # the platform is down: the document waits in the outbox
        self.show_queue(Queue.OUTBOX)
        self.camera.shoot(self.main, "24-ngoai-tuyen.png")
        self.camera.shoot(self.main.statusBar(), "25-thanh-trang-thai-ngoai-tuyen.png")

    def wrong_pin(self, source: Any) -> None:
        from app.errors import PinIncorrect
        from app.signing.tokens import ScriptedPrompter

        done: list[bool] = []

        def attempt() -> None:
            try:
                with source.open(ScriptedPrompter(["000000"])):
                    pass
            except PinIncorrect:
                pass

        self.runner.run(attempt, on_success=lambda _r: done.append(True),
                        on_error=lambda _e: done.append(False), kind="token")  # fmt: skip
        self.camera.wait(lambda: bool(done), 30, "the wrong PIN")

    def back_online(self) -> None:
        self.restart_platform()
        self.sync_now()
        self.show_queue(Queue.OUTBOX)
        self.camera.shoot(self.main.statusBar(), "26-thanh-trang-thai-da-gui.png")

    # --- the token doctor and the registers -------------------------------------------------------
    def token_doctor(self) -> None:
        from app.ui.signing.entry import open_token_doctor

        doctor = open_token_doctor(self.main, self.ws, self.runner)
        self.camera.wait(lambda: bool(doctor.panel.listings), 30, "the token list")
        self.camera.shoot(doctor, "27-kiem-tra-token.png")
        doctor.close()

    def registers(self) -> None:
        from PySide6.QtWidgets import QMenu

        from app.domain.types import Direction
        from app.ui.reports.menu import ReportsMenu

        self.act_as("vanthu")
        menus = [m for m in self.main.findChildren(QMenu) if isinstance(m, ReportsMenu)]
        if menus:
            menu = menus[0]
            bar = self.main.menuBar()
            place = bar.actionGeometry(menu.menuAction()).bottomLeft()
            menu.popup(bar.mapToGlobal(place))
            self.camera.shoot_with_popup(self.main, menu, "28-menu-bao-cao.png")
            menu.hide()
        else:  # the main window does not carry the menu yet: the same menu, on its own
            self.camera.skip("menu Báo cáo", "the main window has no ReportsMenu yet")
            menu = ReportsMenu(self.main, lambda: self.ws, lambda: self.main.actor)
        dialog = menu.open_register(Direction.INCOMING)
        assert dialog is not None
        self.camera.wait(lambda: dialog.report_key() is not None, 30, "the register list")
        dialog.show_preview()
        self.camera.wait(lambda: dialog.current is not None, 60, "the register")
        dialog.preview.view.set_page(1)  # the first page of rows, not the cover
        wait_for_render(dialog.preview.view)
        self.camera.shoot(dialog, "29-so-van-ban-den.png")
        dialog.close()
