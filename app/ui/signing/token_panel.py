"""Token picker and token doctor: drivers, plugged-in tokens, their certificates (holder, issuer,
validity, problems) and plain-language diagnoses; the person picks the certificate to sign with.

Every enumeration is a job on the task runner's token executor, never on the GUI thread. While
the panel is visible a timer polls a cheap fingerprint of what is plugged in every ~2 s (skipped
while a signing job holds the token) and re-lists only when it changed: a token plugged in or
pulled out shows up without a restart.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.tokens import ModuleListing
from app.ui.signing.diagnosis import Diagnosis, diagnose
from app.ui.signing.session import TokenChoice, TokenSession
from app.ui.signing.token_tree import CHOICE_ROLE, add_token, fill_drivers, fill_findings

POLL_MS = 2000


class TokenPanel(QWidget):
    """Lists tokens and certificates; ``choice_changed`` carries a ``TokenChoice`` or None."""

    choice_changed = Signal(object)
    listed = Signal()  # a fresh listing is on screen

    def __init__(
        self,
        session: TokenSession,
        runner: Any,
        parent: QWidget | None = None,
        *,
        doctor: bool = False,
    ) -> None:
        super().__init__(parent)
        self.session, self.runner, self.doctor = session, runner, doctor
        self.listings: tuple[ModuleListing, ...] = ()
        self.diagnoses: list[Diagnosis] = []
        self._fingerprint: object = None
        self._listing = self._probing = False
        self._wanted: tuple[str, str] | None = None
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def _build(self) -> None:
        title = QLabel(self.tr("<b>USB token và chứng thư số</b>"), self)
        self.refresh_button = QPushButton(self.tr("Làm mới"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.refresh_button)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [
                self.tr("Người ký (chứng thư số)"),
                self.tr("Tổ chức cấp"),
                self.tr("Hiệu lực đến"),
                self.tr("Tình trạng"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.findings = QListWidget(self)
        self.findings.setWordWrap(True)
        self.findings.setObjectName("tokenFindings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.status)
        self.chosen = QLabel(self)
        self.chosen.setWordWrap(True)
        self.chosen.setObjectName("chosenCertificate")
        self.chosen.setVisible(not self.doctor)  # the doctor only looks; the picker chooses
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.chosen)
        layout.addWidget(QLabel(self.tr("Kiểm tra:"), self))
        layout.addWidget(self.findings, 1)
        self.drivers = QTreeWidget(self)
        self.drivers.setHeaderLabels(
            [
                self.tr("Trình điều khiển"),
                self.tr("Nguồn"),
                self.tr("Tình trạng"),
                self.tr("Đường dẫn"),
            ]
        )
        self.drivers.setRootIsDecorated(False)
        self.drivers.setVisible(self.doctor)
        if self.doctor:
            layout.addWidget(QLabel(self.tr("Trình điều khiển đã xét:"), self))
            layout.addWidget(self.drivers, 1)

    # --- visibility drives the hot-plug poll ------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.timer.start()
        if self._fingerprint is None:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    # --- jobs on the token executor ---------------------------------------------------------
    def refresh(self) -> None:
        """List every driver, token and certificate again (token executor)."""
        if self._listing or self.session.closed:
            return
        self._listing = True
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Đang tìm USB token…"))
        session = self.session
        self.runner.run(
            lambda: (session.listings(), session.probe()),
            on_success=self._show,
            on_error=self._failed,
            kind="token",
            owner=self,
        )

    def poll(self) -> None:
        """Hot-plug: compare a cheap fingerprint; re-list only when something changed."""
        if self._listing or self._probing or self.session.busy or self.session.closed:
            return
        if not self.isVisible():
            return
        self._probing = True
        self.runner.run(
            self.session.probe,
            on_success=self._probed,
            on_error=self._probe_failed,
            kind="token",
            owner=self,
        )

    def _probed(self, fingerprint: object) -> None:
        self._probing = False
        if fingerprint != self._fingerprint:
            self.refresh()

    def _probe_failed(self, _exc: BaseException) -> None:
        self._probing = False

    def _failed(self, exc: BaseException) -> None:
        from app.ui.signing.results import plain_error

        self._listing = False
        self.refresh_button.setEnabled(True)
        why, detail = plain_error(exc)
        self.status.setText(self.tr("Không liệt kê được USB token: {why}").format(why=why))
        self.status.setToolTip(detail)

    # --- showing ----------------------------------------------------------------------------
    def _show(self, result: tuple[tuple[ModuleListing, ...], object]) -> None:
        self._listing = False
        self.refresh_button.setEnabled(True)
        self.listings, self._fingerprint = result
        previous = self.current_choice()
        if previous is not None:
            self._wanted = previous.key
        self.tree.blockSignals(True)
        self.tree.clear()
        for listing in self.listings:
            for token in listing.tokens:
                add_token(self.tree, listing, token)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.diagnoses = diagnose(self.listings)
        fill_findings(self.findings, self.diagnoses)
        fill_drivers(self.drivers, self.listings)
        self._restore_selection()
        count = sum(len(m.tokens) for m in self.listings)
        self.status.setText(
            self.tr("Đã tìm thấy {n} USB token.").format(n=count)
            if count
            else self.tr("Chưa thấy USB token nào.")
        )
        self.listed.emit()

    # --- choosing ---------------------------------------------------------------------------
    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out += [top.child(j) for j in range(top.childCount())]
        return out

    def _restore_selection(self) -> None:
        items = [i for i in self._items() if i.flags() & Qt.ItemFlag.ItemIsSelectable]
        wanted = [i for i in items if i.data(0, CHOICE_ROLE).key == self._wanted]
        # Never slide silently onto someone else's certificate when the chosen token is pulled
        # out: choose for the person only when there is no doubt.
        if self.doctor:
            target = None
        elif wanted:
            target = wanted[0]
        elif items and self._wanted is None:
            target = items[0]
        else:
            target = None
        self.tree.clearSelection()
        if target is not None:
            self.tree.setCurrentItem(target)
        self._selection_changed()

    def select(self, serial: str, cka_id: bytes) -> None:
        """Prefer this certificate (now, or when it shows up)."""
        self._wanted = (serial, cka_id.hex())
        self._restore_selection()

    def current_choice(self) -> TokenChoice | None:
        selected = self.tree.selectedItems()
        return selected[0].data(0, CHOICE_ROLE) if selected else None

    def _selection_changed(self) -> None:
        choice = self.current_choice()
        if choice is not None:
            self._wanted = choice.key
            self.chosen.setText(
                self.tr("Sẽ ký bằng: <b>{name}</b> — USB token “{label}”").format(
                    name=_html(choice.subject_cn), label=_html(choice.label)
                )
            )
        else:
            self.chosen.setText(
                self.tr("Chưa chọn chứng thư số: bấm vào tên người ký trong danh sách.")
            )
        self.choice_changed.emit(choice)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
