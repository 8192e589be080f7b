"""The left side of the clerk's Issue dialog: what issuing will do, from ``IssuePreview``.

The number is a peek at the register (shown "dự kiến": the real one is taken in the issue
transaction and may be higher if another clerk issues first); the date is today in Vietnam. The
recipients are the draft's, editable among the agencies the workspace knows; the paper-copy flag
starts from the catalogue. Urgency is said as the rule that applies (urgent: goes out now).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import to_local
from app.domain.types import Urgency
from app.services.documents.issue_details import IssueChoices, IssuePreview
from app.services.lookups import AgencyOption
from app.ui.i18n.domain_labels import urgency_label
from app.ui.signing import style

CODE_ROLE = Qt.ItemDataRole.UserRole


def sends_now(urgency: int) -> bool:
    """Thượng khẩn and Hỏa tốc go out the moment they are issued."""
    return urgency >= Urgency.VERY_URGENT


class IssueForm(QWidget):
    """Number, date, urgency rule, paper copy, recipients and attachments of one issue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: IssuePreview | None = None
        self.subject = QLabel(self)
        self.subject.setWordWrap(True)
        self.subject.setObjectName("issueSubject")
        self.number = QLabel(self)
        self.number.setObjectName("issueNumber")
        self.number_hint = QLabel(
            self.tr(
                "Số chính thức được lấy khi bấm “Phát hành”; nếu văn thư khác phát hành "
                "cùng lúc, số có thể lớn hơn."
            ),
            self,
        )
        self.number_hint.setWordWrap(True)
        self.number_hint.setStyleSheet("color: #555; font-size: 9pt")
        self.date = QLabel(self)
        self.date.setObjectName("issueDate")
        self.urgency = QLabel(self)
        self.urgency.setObjectName("urgencyRule")
        self.urgency.setWordWrap(True)
        self.paper = QCheckBox(self.tr("Gửi kèm bản giấy"), self)
        self.paper.setObjectName("paperCopy")
        facts = QGroupBox(self.tr("Văn bản"), self)
        form = QFormLayout(facts)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(self.tr("Trích yếu:"), self.subject)
        form.addRow(self.tr("Số, ký hiệu:"), self.number)
        form.addRow("", self.number_hint)
        form.addRow(self.tr("Ngày ban hành:"), self.date)
        form.addRow(self.tr("Độ khẩn:"), self.urgency)
        form.addRow(self.tr("Bản giấy:"), self.paper)

        self.recipients = QListWidget(self)
        self.recipients.setObjectName("issueRecipients")
        self.recipients.itemChanged.connect(self._recipients_changed)
        self.recipients_note = QLabel(self)
        self.recipients_note.setWordWrap(True)
        to = QGroupBox(self.tr("Nơi nhận (đánh dấu để gửi qua trục liên thông)"), self)
        to_layout = QVBoxLayout(to)
        to_layout.addWidget(self.recipients, 1)
        to_layout.addWidget(self.recipients_note)

        self.attachments = QListWidget(self)
        self.attachments.setObjectName("issueAttachments")
        self.attachments.setMaximumHeight(96)
        files = QGroupBox(self.tr("Tệp đính kèm"), self)
        files_layout = QVBoxLayout(files)
        files_layout.addWidget(self.attachments)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(facts)
        layout.addWidget(to, 1)
        layout.addWidget(files)

    # --- filling ----------------------------------------------------------------------------
    def set_preview(self, preview: IssuePreview, agencies: Sequence[AgencyOption]) -> None:
        """Show ``preview``; the recipient list offers ``agencies`` (the draft's ticked)."""
        first = self.preview is None
        self.preview = preview
        doc = preview.document
        self.subject.setText(doc.subject)
        self.number.setText(self.tr("<b>Số {code}</b> (dự kiến)").format(code=_html(preview.code)))
        self.date.setText(
            self.tr("{day} (hôm nay)").format(day=preview.issue_date.strftime("%d/%m/%Y"))
        )
        self._show_urgency(preview)
        if first:  # a refresh after a failed attempt keeps what the clerk changed
            self.paper.setChecked(preview.paper)
            self._fill_recipients(preview, agencies)
            self._fill_attachments(preview)
        self.paper.setEnabled(not preview.secret)
        self.recipients.setEnabled(not preview.secret)
        self._recipients_changed()

    def _show_urgency(self, preview: IssuePreview) -> None:
        urgency = preview.document.urgency
        label = urgency_label(urgency, unknown=str(urgency))
        due = ""
        if preview.due_at is not None:
            when = to_local(preview.due_at)
            # The words around the time are translated, never handed to strftime.
            due = self.tr("{time} ngày {date}").format(
                time=when.strftime("%H:%M"), date=when.strftime("%d/%m/%Y")
            )
        if sends_now(urgency):
            text = self.tr("<b>{label}</b>: phát hành và gửi ngay.").format(label=label)
            sheet = style.BANNER_ERROR
        elif urgency >= Urgency.URGENT:
            text = self.tr("<b>{label}</b>: phát hành ngay sau khi ký.").format(label=label)
            sheet = style.BANNER_WARNING
        else:
            text = self.tr("{label}: phát hành trong ngày ký, chậm nhất ngày làm việc tiếp theo.")
            text = text.format(label=label)
            sheet = ""
        if due:
            text += " " + self.tr("Hạn: {due}.").format(due=due)
        self.urgency.setText(text)
        self.urgency.setStyleSheet(sheet)

    def _fill_recipients(self, preview: IssuePreview, agencies: Sequence[AgencyOption]) -> None:
        chosen = {code for code, _ in preview.recipients}
        offered = [(a.code, a.name) for a in agencies]
        offered += [(c, n) for c, n in preview.recipients if c not in {a.code for a in agencies}]
        self.recipients.blockSignals(True)
        self.recipients.clear()
        for code, name in sorted(offered, key=lambda r: (r[0] not in chosen, r[1])):
            item = QListWidgetItem(f"{name or code}  ({code})", self.recipients)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked
            item.setCheckState(checked)
        self.recipients.blockSignals(False)

    def _fill_attachments(self, preview: IssuePreview) -> None:
        self.attachments.clear()
        for info in preview.attachments:
            how = (
                self.tr("ký số văn bản đính kèm")
                if info.signed
                else self.tr("gửi kèm, không ký số (không phải PDF)")
            )
            self.attachments.addItem(f"{info.name} — {how}")
        if not preview.attachments:
            self.attachments.addItem(self.tr("Không có tệp đính kèm."))

    def _recipients_changed(self, *_args: object) -> None:
        preview = self.preview
        if preview is None:
            return
        if preview.secret:
            text = self.tr("Văn bản mật: chỉ phát hành bản giấy, không gửi qua trục liên thông.")
        elif not self.chosen_recipients():
            text = self.tr(
                "Chưa chọn nơi nhận: văn bản được phát hành và vào sổ nhưng không gửi đi."
            )
        else:
            text = self.tr("Sẽ gửi tới {n} nơi nhận qua Hộp thư đi.").format(
                n=len(self.chosen_recipients())
            )
        self.recipients_note.setText(text)

    # --- values -----------------------------------------------------------------------------
    def chosen_recipients(self) -> tuple[str, ...]:
        out = []
        for row in range(self.recipients.count()):
            item = self.recipients.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(CODE_ROLE)))
        return tuple(out)

    def set_recipient(self, code: str, chosen: bool) -> None:
        for row in range(self.recipients.count()):
            item = self.recipients.item(row)
            if item.data(CODE_ROLE) == code:
                state = Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
                item.setCheckState(state)

    def choices(self) -> IssueChoices:
        if self.preview is None or self.preview.secret:
            return IssueChoices()
        return IssueChoices(recipients=self.chosen_recipients(), paper=self.paper.isChecked())


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
