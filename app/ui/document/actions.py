"""Workflow actions for the signed-in person: which buttons show (``allowed_actions`` for their
role), what each asks (through ``Prompts``), and the service call it makes on the task runner.

Refusals are shown with ``describe(exc)`` (``show_error``), never a traceback; ``done`` is
emitted after every successful step so the window can refresh counts and lists.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from app.domain.calendar import local_date
from app.domain.roles import Action, can
from app.domain.types import Direction, DocumentState, Secrecy
from app.domain.workflow import allowed_actions
from app.errors import InvalidInput
from app.logs import LOG_FILE
from app.services import documents as svc
from app.services.documents import Actor
from app.services.documents.common import working_calendar
from app.services.lookups import local_people, next_incoming_number, peer_agencies
from app.services.workspace import Workspace
from app.ui.dialogs.action_forms import Prompts
from app.ui.document.loading import Loaded, load_document
from app.ui.errors import show_error

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

Call = Callable[[], Any]


def action_label(action: Action) -> str:
    labels = {
        Action.SUBMIT: translate("DocumentActions", "Trình ký"),
        Action.RETURN: translate("DocumentActions", "Trả lại dự thảo"),
        Action.SIGN: translate("DocumentActions", "Duyệt"),
        Action.ISSUE: translate("DocumentActions", "Phát hành"),
        Action.SEND: translate("DocumentActions", "Gửi"),
        Action.CANCEL: translate("DocumentActions", "Hủy phát hành"),
        Action.RECALL: translate("DocumentActions", "Thu hồi"),
        Action.UPDATE: translate("DocumentActions", "Cập nhật"),
        Action.REPLACE: translate("DocumentActions", "Thay thế"),
        Action.VERIFY: translate("DocumentActions", "Kiểm tra lại chữ ký"),
        Action.REJECT: translate("DocumentActions", "Trả lại nơi gửi"),
        Action.REGISTER: translate("DocumentActions", "Vào sổ"),
        Action.ASSIGN: translate("DocumentActions", "Phân công"),
        Action.PROCESS: translate("DocumentActions", "Bắt đầu xử lý"),
        Action.RECORD_PROGRESS: translate("DocumentActions", "Cập nhật tiến độ"),
        Action.COMPLETE: translate("DocumentActions", "Hoàn thành"),
        Action.AGREE: translate("DocumentActions", "Đồng ý thu hồi"),
        Action.REFUSE: translate("DocumentActions", "Từ chối thu hồi"),
        Action.CONFIRM_PAPER_COPY: translate("DocumentActions", "Đã gửi bản giấy"),
    }
    return labels.get(action, action.value)


# Actions the services cannot do from here yet: the button stays off and says why (marked for
# lupdate here, translated when shown).
MISSING: dict[Action, str] = {
    Action.SEND: str(QT_TRANSLATE_NOOP("DocumentActions", "app.sync.engine (gửi đi khi đồng bộ)")),
    Action.UPDATE: str(
        QT_TRANSLATE_NOOP("DocumentActions", "app.services.documents: cập nhật văn bản đã gửi")
    ),
    Action.REPLACE: str(
        QT_TRANSLATE_NOOP("DocumentActions", "app.services.documents: thay thế văn bản đã gửi")
    ),
}


class ActionController(QObject):
    """Runs one action for one document; ``done(result)`` after success, ``busy(bool)``."""

    done = Signal(object)
    busy = Signal(bool)

    def __init__(
        self,
        ws: Workspace,
        runner: Any,
        parent: QWidget,
        *,
        prompts: Any = None,
        verifier: Any = None,
    ) -> None:
        super().__init__(parent)
        self.ws, self.runner, self.widget = ws, runner, parent
        self.prompts = prompts or Prompts(parent)
        self.verifier = verifier
        self.actor: Actor | None = None
        self.running = False
        # Set by the main window to its "sync now": Thượng khẩn / Hỏa tốc go out when issued.
        self.send_now: Callable[[], None] | None = None
        self.dialogs: list[QWidget] = []  # the signing / issue windows opened from here

    def actions_for(
        self, direction: Direction, state: DocumentState, secrecy: Secrecy
    ) -> list[Action]:
        if self.actor is None:
            return []
        role = self.actor.role
        actions = list(allowed_actions(direction, state, role, secrecy=secrecy))
        if state is DocumentState.ARRIVED and Action.VERIFY in actions:
            # register() checks the stored verdicts and registers in one step.
            later = allowed_actions(direction, DocumentState.VERIFIED, role, secrecy=secrecy)
            if Action.REGISTER in later:
                actions.insert(0, Action.REGISTER)
        return actions

    def missing_service(self, action: Action) -> str | None:
        """None when the action can run; else the service it waits for."""
        if action in MISSING:
            return translate("DocumentActions", MISSING[action])
        return None if action in self._handlers() else "app.services.documents"

    def _handlers(self) -> dict[Action, Callable[[int, Secrecy], None]]:
        return {
            Action.REGISTER: self._register,
            Action.REJECT: self._with_text(
                svc.reject, translate("DocumentActions", "Lý do trả lại văn bản cho nơi gửi:")
            ),
            Action.ASSIGN: self._assign,
            Action.PROCESS: self._with_note(svc.progress),
            Action.RECORD_PROGRESS: self._with_note(svc.progress),
            Action.COMPLETE: self._with_note(svc.complete),
            Action.AGREE: self._confirmed(
                lambda u, d: svc.answer_recall(self.ws, u, d, agree=True),
                translate("DocumentActions", "Đồng ý cho nơi gửi thu hồi văn bản này?"),
            ),
            Action.REFUSE: self._with_text(
                lambda ws, u, d, r: svc.answer_recall(ws, u, d, agree=False, reason=r),
                translate("DocumentActions", "Lý do từ chối thu hồi:"),
            ),
            Action.VERIFY: lambda d, _s: self._call(
                lambda u: svc.verify_again(self.ws, u, d, verifier=self.verifier)
            ),
            Action.SUBMIT: self._confirmed(
                lambda u, d: svc.submit(self.ws, u, d),
                translate("DocumentActions", "Trình dự thảo này lên lãnh đạo ký?"),
            ),
            Action.RETURN: self._with_text(
                svc.return_draft, translate("DocumentActions", "Lý do trả lại dự thảo:")
            ),
            Action.SIGN: self._confirmed(
                lambda u, d: svc.approve(self.ws, u, d),
                translate(
                    "DocumentActions",
                    "Duyệt dự thảo này? (Dùng khi văn bản đã được ký bằng công cụ khác "
                    "hoặc ký tay trên giấy.)",
                ),
            ),
            Action.ISSUE: self._issue,
            Action.CANCEL: self._with_text(
                svc.cancel, translate("DocumentActions", "Lý do hủy văn bản đã phát hành:")
            ),
            Action.RECALL: self._with_text(
                svc.recall, translate("DocumentActions", "Lý do thu hồi văn bản:")
            ),
            Action.CONFIRM_PAPER_COPY: self._confirmed(
                lambda u, d: svc.confirm_paper_copy(self.ws, u, d),
                translate("DocumentActions", "Xác nhận đã gửi bản giấy của văn bản này?"),
            ),
        }

    def perform(self, action: Action, doc_id: int, secrecy: Secrecy = Secrecy.NONE) -> None:
        if self.actor is None or self.running:
            return
        handler = self._handlers().get(action)
        if handler is not None:
            handler(doc_id, secrecy)

    # --- shapes of actions ------------------------------------------------------------------
    def _call(self, fn: Callable[[str], Any]) -> None:
        assert self.actor is not None
        username = self.actor.username
        self.running = True
        self.busy.emit(True)

        def finished(result: Any) -> None:
            self.running = False
            self.busy.emit(False)
            self.done.emit(result)

        def failed(exc: BaseException) -> None:
            self.running = False
            self.busy.emit(False)
            show_error(self.widget, exc, self.ws.log_dir / LOG_FILE)

        self.runner.run(lambda: fn(username), on_success=finished, on_error=failed, owner=self)

    def _confirmed(
        self, fn: Callable[[str, int], Any], question: str
    ) -> Callable[[int, Secrecy], None]:
        def handler(doc_id: int, _secrecy: Secrecy) -> None:
            if self.prompts.confirm(translate("DocumentActions", "Xác nhận"), question):
                self._call(lambda u: fn(u, doc_id))

        return handler

    def _with_text(self, fn: Callable[..., Any], prompt: str) -> Callable[[int, Secrecy], None]:
        def handler(doc_id: int, _secrecy: Secrecy) -> None:
            text = self.prompts.text(
                translate("DocumentActions", "Nhập lý do"), prompt, required=True
            )
            if text:
                self._call(lambda u: fn(self.ws, u, doc_id, text))

        return handler

    def _with_note(self, fn: Callable[..., Any]) -> Callable[[int, Secrecy], None]:
        def handler(doc_id: int, _secrecy: Secrecy) -> None:
            note = self.prompts.text(
                translate("DocumentActions", "Ghi chú"),
                translate("DocumentActions", "Ghi chú tiến độ (có thể để trống):"),
                required=False,
            )
            if note is not None:
                self._call(lambda u: fn(self.ws, u, doc_id, note))

        return handler

    def _register(self, doc_id: int, secrecy: Secrecy) -> None:
        def ask(number: int) -> None:
            text = translate(
                "DocumentActions",
                "Vào sổ văn bản đến với số đến {number}?\n"
                "(Nếu văn thư khác vào sổ cùng lúc, số thực tế có thể lớn hơn.)",
            ).format(number=number)
            if self.prompts.confirm(translate("DocumentActions", "Vào sổ"), text):
                self._call(lambda u: svc.register(self.ws, u, doc_id))

        ws = self.ws
        self.runner.run(
            lambda: next_incoming_number(ws, secrecy),
            on_success=ask,
            on_error=lambda exc: show_error(self.widget, exc),
            owner=self,
        )

    def _assign(self, doc_id: int, _secrecy: Secrecy) -> None:
        def ask(people: list[Any]) -> None:
            today = local_date(datetime.now(UTC))
            answer = self.prompts.assign(people, working_calendar(self.ws), today)
            if answer is None:
                return
            self._call(
                lambda u: svc.assign(
                    self.ws, u, doc_id, answer.lead, co_handlers=answer.co_handlers,
                    deadline=answer.deadline, opinion=answer.opinion,
                )
            )  # fmt: skip

        ws = self.ws
        self.runner.run(
            lambda: local_people(ws),
            on_success=ask,
            on_error=lambda exc: show_error(self.widget, exc),
            owner=self,
        )

    # --- with a USB token (the dialogs run the service on the token executor) ---------------
    def sign_with_token(self, doc_id: int) -> None:
        """The leader signs with their token: the signing window over the draft's main file,
        the box preset for the role; ``issuing.sign`` stores it and moves state and audit."""
        if self.actor is None or self.running:
            return
        username, ws = self.actor.username, self.ws

        def open_dialog(loaded: Loaded) -> None:
            if loaded.main_path is None:
                text = translate("DocumentActions", "Văn bản không có tệp PDF chính")
                show_error(self.widget, InvalidInput(text))
                return
            from app.ui.signing import open_document_sign_dialog

            dialog = open_document_sign_dialog(
                self.widget, ws, self.runner, doc_id=doc_id, username=username,
                pdf=loaded.main_path, name=loaded.main_name or loaded.details.document.code,
                kind=loaded.details.document.kind, on_done=self.done.emit,
            )  # fmt: skip
            self.dialogs.append(dialog)

        self.runner.run(
            lambda: load_document(ws, doc_id),
            on_success=open_dialog,
            on_error=lambda exc: show_error(self.widget, exc),
            owner=self,
        )

    def _issue(self, doc_id: int, _secrecy: Secrecy) -> None:
        """The clerk's Issue dialog (number, date, recipients, seal, outbox in one click)."""
        from app.ui.signing import open_issue_dialog

        assert self.actor is not None
        dialog = open_issue_dialog(
            self.widget, self.ws, self.runner, doc_id=doc_id, username=self.actor.username,
            on_done=self.done.emit, send_now=self.send_now,
        )  # fmt: skip
        self.dialogs.append(dialog)

    # --- new drafts -------------------------------------------------------------------------
    def can_draft(self) -> bool:
        return self.actor is not None and can(self.actor.role, Action.DRAFT)

    def new_draft(self, pdf: Path) -> None:
        """Ask for the draft's metadata, then create it (a specialist's act)."""
        if not self.can_draft() or self.running:
            return

        def ask(agencies: list[Any]) -> None:
            draft = self.prompts.draft(pdf, agencies)
            if draft is not None:
                self._call(lambda u: svc.create_draft(self.ws, u, draft))

        ws = self.ws
        self.runner.run(
            lambda: peer_agencies(ws),
            on_success=ask,
            on_error=lambda exc: show_error(self.widget, exc),
            owner=self,
        )
