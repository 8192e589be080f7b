"""A row of buttons for the actions the signed-in person may take on one document, with a busy
indicator while one runs. Buttons whose service is missing stay off and name it. A leader who may
sign also gets "Ký bằng USB token…" (the signing window); "Phát hành" opens the Issue dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from app.domain.roles import Action
from app.domain.types import Direction, DocumentState, Secrecy
from app.ui.document.actions import ActionController, action_label


class ActionBar(QWidget):
    def __init__(self, controller: ActionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionBar")
        self.controller = controller
        self.buttons: dict[Action, QPushButton] = {}
        self.extra: list[QPushButton] = []
        self._doc: tuple[int, Secrecy] | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self._layout.addStretch(1)
        self._layout.addWidget(self.busy)
        controller.busy.connect(self._set_busy)

    def clear(self) -> None:
        for button in [*self.buttons.values(), *self.extra]:
            button.deleteLater()
        self.buttons, self.extra = {}, []
        self._doc = None

    def set_document(
        self, doc_id: int, direction: Direction, state: DocumentState, secrecy: Secrecy
    ) -> None:
        self.clear()
        self._doc = (doc_id, secrecy)
        for i, action in enumerate(self.controller.actions_for(direction, state, secrecy)):
            button = QPushButton(action_label(action), self)
            button.setObjectName(f"action_{action.value}")
            missing = self.controller.missing_service(action)
            if missing:
                button.setEnabled(False)
                button.setToolTip(
                    self.tr("Chưa làm được từ đây: thiếu {service}").format(service=missing)
                )
            button.clicked.connect(lambda _=False, a=action: self._clicked(a))
            self._layout.insertWidget(i, button)
            self.buttons[action] = button
        if Action.SIGN in self.buttons:
            token = QPushButton(self.tr("Ký bằng USB token…"), self)
            token.setObjectName("action_sign_token")
            token.setToolTip(
                self.tr("Ký số dự thảo bằng USB token: văn bản chuyển sang “Chờ phát hành”")
            )
            token.setEnabled(not self.controller.running)
            token.clicked.connect(self._sign_with_token)
            self._layout.insertWidget(0, token)  # the leader's main act comes first
            self.buttons[Action.SIGN].setToolTip(
                self.tr("Duyệt dự thảo đã ký bằng công cụ khác hoặc ký tay trên giấy")
            )
            self.extra.append(token)

    def labels(self) -> list[str]:
        return [b.text() for b in self.buttons.values()]

    def _clicked(self, action: Action) -> None:
        if self._doc is not None:
            self.controller.perform(action, *self._doc)

    def _sign_with_token(self) -> None:
        if self._doc is not None:
            self.controller.sign_with_token(self._doc[0])

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for button in self.buttons.values():
            if self.controller.missing_service(button_action(button)) is None:
                button.setEnabled(not busy)
        for button in self.extra:
            button.setEnabled(not busy)


def button_action(button: QPushButton) -> Action:
    return Action(button.objectName().removeprefix("action_"))
