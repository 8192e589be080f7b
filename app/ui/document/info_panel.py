"""The document's facts (kind, code, subject, sender, dates, urgency/secrecy badges, deadline in
colour, direction given) and its history, newest first. Shows snapshots only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from app.domain.kinds import kind_from_code
from app.domain.roles import ACTION_LABELS, ROLE_LABELS, Action
from app.domain.secrecy import SECRECY_LABELS
from app.domain.types import Role, Secrecy
from app.services.documents import DocumentDetails
from app.services.documents.views import SYSTEM_ACTOR, EventInfo
from app.services.queues import sending_of
from app.signing.verify.timefmt import vn_time_text
from app.ui.i18n.domain_labels import domain_label, kind_label, urgency_label
from app.ui.tablemodels.documents import CLOSED_STATES, format_date, local_date, state_text

BADGE = "border-radius: 3px; padding: 1px 6px; color: white; background: {bg}; font-weight: bold"


def kind_name(code: str) -> str:
    if not code:  # the sender's package named no kind we could read
        return QCoreApplication.translate("InfoPanel", "không rõ")
    try:
        return kind_label(kind_from_code(code))
    except Exception:  # an unknown kind from another agency: show what it says
        return code


def actor_text(event: EventInfo) -> str:
    """Who did it, as people say it: "Nguyễn Thị Hoa (Văn thư)", the platform or the system."""
    translate = QCoreApplication.translate
    if event.from_platform:
        return translate("DocumentHistory", "Trục liên thông")
    if event.actor == SYSTEM_ACTOR or not event.actor:
        return translate("DocumentHistory", "Hệ thống")
    if not event.actor_name:
        return event.actor  # a person since removed: the audited username is all there is
    try:
        role = domain_label(ROLE_LABELS[Role(event.actor_role)])
    except ValueError:
        return event.actor_name
    return translate("DocumentHistory", "{name} ({role})").format(name=event.actor_name, role=role)


def _badge(text: str, bg: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet(BADGE.format(bg=bg))
    return label


def event_label(action: str) -> str:
    """``incoming.register`` → "Vào sổ"; other audit actions as they are."""
    tail = action.split(".")[1] if "." in action else action
    try:
        return domain_label(ACTION_LABELS[Action(tail)])
    except ValueError:
        extra = {
            "receive": QCoreApplication.translate("DocumentHistory", "Nhận văn bản"),
            "draft": QCoreApplication.translate("DocumentHistory", "Soạn dự thảo"),
            "created": QCoreApplication.translate("DocumentHistory", "Tạo văn bản"),
        }
        return extra.get(tail, action)


class InfoPanel(QWidget):
    """A form of the document's facts; ``set_details`` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentInfo")
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        rows = (
            ("kind", self.tr("Loại văn bản")),
            ("code", self.tr("Số/ký hiệu")),
            ("subject", self.tr("Trích yếu")),
            ("sender", self.tr("Nơi gửi")),
            ("issue_date", self.tr("Ngày ban hành")),
            ("register", self.tr("Số đến / sổ")),
            ("state", self.tr("Trạng thái")),
            ("deadline", self.tr("Hạn xử lý")),
            ("signer", self.tr("Người ký")),
            ("assignment", self.tr("Phân công")),
        )
        self.badges = QHBoxLayout()
        self.badges.setContentsMargins(0, 0, 0, 0)
        badge_box = QWidget(self)
        badge_box.setLayout(self.badges)
        self.form.addRow(self.tr("Độ khẩn, độ mật"), badge_box)
        for key, title in rows:
            label = QLabel(self)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            self.form.addRow(title, label)

    def set_details(self, details: DocumentDetails, now: datetime | None = None) -> None:
        doc = details.document
        f = self.fields
        f["kind"].setText(kind_name(doc.kind))
        f["code"].setText(doc.code)
        f["subject"].setText(doc.subject)
        f["sender"].setText(doc.sender_name or self.tr("(văn bản đi của cơ quan)"))
        f["issue_date"].setText(format_date(doc.issue_date) or self.tr("chưa có"))
        if doc.register_number:
            f["register"].setText(
                self.tr("Số {number}, vào sổ {when}").format(
                    number=doc.register_number, when=vn_time_text(doc.registered_at)
                )
            )
        else:
            f["register"].setText(self.tr("chưa vào sổ"))
        edoc = [m.state for m in details.outbox if m.message_type == "edoc"]
        f["state"].setText(state_text(doc.state, sending_of(edoc)))
        self._deadline(doc.due_at, doc.state in CLOSED_STATES, now or datetime.now(UTC))
        f["signer"].setText(
            " – ".join(x for x in (doc.signer_name, doc.signer_position) if x) or self.tr("chưa có")
        )
        f["assignment"].setText(self._assignment(details))
        while self.badges.count():
            item = self.badges.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        urgency = urgency_label(doc.urgency)
        colours = ("#6c757d", "#b35900", "#c00000", "#c00000", "#c00000")
        self.badges.addWidget(_badge(urgency, colours[min(doc.urgency, 4)], self))
        if doc.secrecy is not Secrecy.NONE:
            secrecy = domain_label(SECRECY_LABELS[doc.secrecy]).upper()
            self.badges.addWidget(_badge(secrecy, "#7b1fa2", self))
        self.badges.addStretch(1)

    def _deadline(self, due: datetime | None, closed: bool, now: datetime) -> None:
        label = self.fields["deadline"]
        if due is None:
            label.setText(self.tr("không có"))
            label.setStyleSheet("")
            return
        text = vn_time_text(due)[:16]
        style = ""
        if not closed and due < now:
            text = self.tr("{when} — quá hạn").format(when=text)
            style = "color: #b00020; font-weight: bold"
        elif not closed and local_date(due) == local_date(now):
            text = self.tr("{when} — hết hạn hôm nay").format(when=text)
            style = "color: #b26a00; font-weight: bold"
        label.setText(text)
        label.setStyleSheet(style)

    def _assignment(self, details: DocumentDetails) -> str:
        if not details.assignments:
            return self.tr("chưa phân công")
        a = details.assignments[-1]
        text = self.tr("Chủ trì: {lead}").format(lead=a.lead_name or a.lead)
        names = a.co_handler_names or a.co_handlers
        co = [name or user for name, user in zip(names, a.co_handlers, strict=True)]
        if co:
            text += self.tr("; phối hợp: {co}").format(co=", ".join(co))
        if a.opinion:
            text += self.tr("\nÝ kiến chỉ đạo: {opinion}").format(opinion=a.opinion)
        return text


class HistoryList(QTreeWidget):
    """The document's audit events, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentHistory")
        self.setRootIsDecorated(False)
        self.setHeaderLabels([self.tr("Thời điểm"), self.tr("Người thực hiện"), self.tr("Việc")])
        self.setColumnWidth(0, 150)
        self.setColumnWidth(1, 220)

    def set_events(self, events: Sequence[EventInfo]) -> None:
        self.clear()
        for event in sorted(events, key=lambda e: e.id, reverse=True):
            when = vn_time_text(datetime.fromisoformat(event.at))[:16] if event.at else ""
            item = QTreeWidgetItem([when, actor_text(event), event_label(event.action)])
            item.setToolTip(1, event.actor)  # the audited username, for support
            self.addTopLevelItem(item)

    def actors_shown(self) -> list[str]:
        return [self.topLevelItem(i).text(1) for i in range(self.topLevelItemCount())]

    def actions_shown(self) -> list[str]:
        return [self.topLevelItem(i).text(2) for i in range(self.topLevelItemCount())]
