"""The new-draft form: kind, subject, drafting unit, recipients picked from the agencies table,
urgency, secrecy and the reply deadline, for a PDF chosen in a file dialog or dropped on the
window (``PdfDropFilter``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from app.domain.kinds import DocumentKind
from app.domain.queues import URGENCY_LABELS
from app.domain.secrecy import SECRECY_LABELS
from app.domain.types import Secrecy
from app.services.documents import DraftInput
from app.services.lookups import AgencyOption
from app.ui.i18n.domain_labels import domain_label, kind_label

_USER = Qt.ItemDataRole.UserRole


def kind_code(kind: DocumentKind) -> str:
    """What ``create_draft`` reads back as ``kind``: the abbreviation, else the name."""
    return kind.abbreviation or kind.label


class DraftDialog(QDialog):
    def __init__(
        self, pdf: Path, agencies: list[AgencyOption], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("draftDialog")
        self.setWindowTitle(self.tr("Văn bản đi mới"))
        self.pdf = pdf
        form = QFormLayout(self)
        form.addRow(self.tr("Tệp PDF"), QLabel(pdf.name, self))
        self.kind = QComboBox(self)
        for kind in DocumentKind:
            self.kind.addItem(kind_label(kind), kind_code(kind))
        self.kind.setCurrentIndex(list(DocumentKind).index(DocumentKind.CONG_VAN))
        form.addRow(self.tr("Loại văn bản"), self.kind)
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText(self.tr("Viết tắt đơn vị soạn thảo, ví dụ VP (công văn)"))
        form.addRow(self.tr("Đơn vị soạn thảo"), self.unit)
        self.subject = QPlainTextEdit(self)
        self.subject.setMaximumHeight(70)
        form.addRow(self.tr("Trích yếu"), self.subject)
        self.recipients = QListWidget(self)
        for agency in agencies:
            item = QListWidgetItem(agency.name, self.recipients)
            item.setData(_USER, agency.code)
            item.setToolTip(agency.code)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.recipients.setMinimumHeight(120)
        form.addRow(self.tr("Nơi nhận"), self.recipients)
        self.urgency = QComboBox(self)
        self.urgency.addItems([domain_label(label) for label in URGENCY_LABELS])
        form.addRow(self.tr("Độ khẩn"), self.urgency)
        self.secrecy = QComboBox(self)
        for secrecy, label in SECRECY_LABELS.items():
            self.secrecy.addItem(domain_label(label), secrecy.value)
        form.addRow(self.tr("Độ mật"), self.secrecy)
        self.paper = QCheckBox(self.tr("Gửi kèm bản giấy"), self)
        self.paper.setObjectName("draftPaperCopy")
        form.addRow("", self.paper)
        self.secrecy.currentIndexChanged.connect(self._update_paper)
        self._update_paper()
        self.has_due = QCheckBox(self.tr("Đề nghị trả lời trước ngày"), self)
        self.due = QDateEdit(QDate.currentDate().addDays(10), self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd/MM/yyyy")
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        form.addRow(self.has_due, self.due)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tạo dự thảo"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.resize(620, 600)

    def _secret(self) -> bool:
        return Secrecy(self.secrecy.currentData()) is not Secrecy.NONE

    def _update_paper(self) -> None:
        """A secret document goes on paper only; otherwise the box is the drafter's wish."""
        if self._secret():
            self.paper.setChecked(False)
            self.paper.setEnabled(False)
            self.paper.setToolTip(
                self.tr("Văn bản mật chỉ phát hành bản giấy, không gửi qua trục liên thông.")
            )
        else:
            self.paper.setEnabled(True)
            self.paper.setToolTip(
                self.tr("Gửi thêm bản giấy cùng bản điện tử; văn thư xác nhận khi đã gửi bản giấy.")
            )

    def value(self) -> DraftInput:
        codes = tuple(
            str(self.recipients.item(i).data(_USER))
            for i in range(self.recipients.count())
            if self.recipients.item(i).checkState() == Qt.CheckState.Checked
        )
        due: date | None = self.due.date().toPython() if self.has_due.isChecked() else None
        return DraftInput(
            pdf=self.pdf,
            kind=str(self.kind.currentData()),
            subject=self.subject.toPlainText(),
            recipients=codes,
            urgency=self.urgency.currentIndex(),
            secrecy=Secrecy(self.secrecy.currentData()),
            due_date=due,
            unit=self.unit.text().strip() or None,
            paper_copy=self.paper.isChecked() and not self._secret(),
        )


def pdf_paths(urls: list) -> list[Path]:  # type: ignore[type-arg]
    return [Path(u.toLocalFile()) for u in urls if u.toLocalFile().lower().endswith(".pdf")]


class PdfDropFilter(QObject):
    """Installed on a window: a PDF dropped on it calls ``on_pdf(path)``."""

    def __init__(self, target: QWidget, on_pdf: Callable[[Path], None]) -> None:
        super().__init__(target)
        self.on_pdf = on_pdf
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            if pdf_paths(event.mimeData().urls()):
                event.acceptProposedAction()
                return True
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = pdf_paths(event.mimeData().urls())
            if paths:
                event.acceptProposedAction()
                self.on_pdf(paths[0])
                return True
        return False
