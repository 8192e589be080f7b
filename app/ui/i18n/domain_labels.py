"""The domain's Vietnamese labels (queue, state, urgency, secrecy, role, action and document-kind
names) put through Qt's translation system.

app/domain is Qt-free and keeps its labels as plain strings, so lupdate cannot see them there. This
module lists each one once with ``QT_TRANSLATE_NOOP`` (which lupdate extracts under the context
"DomainLabels"), and the widgets show them through ``domain_label``. A label is listed once even
when two dicts share it (state and action "Trả lại"): one translation has to fit both uses.
tests/ui/test_domain_labels.py fails when a domain dict gains a label missing here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.kinds import DocumentKind
from app.domain.queues import URGENCY_LABELS

CONTEXT = "DomainLabels"

# QT_TRANSLATE_NOOP returns its text unchanged; the call is here for lupdate.
LABELS: frozenset[str] = frozenset(
    str(text)
    for text in (
        # queues.QUEUES (sidebar, status bar)
        QT_TRANSLATE_NOOP("DomainLabels", "Văn bản đến"),
        QT_TRANSLATE_NOOP("DomainLabels", "Chờ vào sổ"),
        QT_TRANSLATE_NOOP("DomainLabels", "Chờ phân công"),
        QT_TRANSLATE_NOOP("DomainLabels", "Quá hạn"),
        QT_TRANSLATE_NOOP("DomainLabels", "Văn bản đi"),
        QT_TRANSLATE_NOOP("DomainLabels", "Chờ duyệt, ký"),
        QT_TRANSLATE_NOOP("DomainLabels", "Chờ phát hành"),
        QT_TRANSLATE_NOOP("DomainLabels", "Bị trả lại"),
        QT_TRANSLATE_NOOP("DomainLabels", "Hộp thư đi"),
        QT_TRANSLATE_NOOP("DomainLabels", "Chờ gửi"),
        QT_TRANSLATE_NOOP("DomainLabels", "Gửi lỗi"),
        # queues.STATE_LABELS
        QT_TRANSLATE_NOOP("DomainLabels", "Dự thảo"),
        QT_TRANSLATE_NOOP("DomainLabels", "Trình ký"),
        QT_TRANSLATE_NOOP("DomainLabels", "Trả lại"),
        QT_TRANSLATE_NOOP("DomainLabels", "Đã ký"),
        QT_TRANSLATE_NOOP("DomainLabels", "Đã phát hành"),
        QT_TRANSLATE_NOOP("DomainLabels", "Đã gửi"),
        QT_TRANSLATE_NOOP("DomainLabels", "Đã hủy"),
        QT_TRANSLATE_NOOP("DomainLabels", "Mới đến"),
        QT_TRANSLATE_NOOP("DomainLabels", "Đã kiểm tra chữ ký"),
        QT_TRANSLATE_NOOP("DomainLabels", "Đã trả lại"),
        QT_TRANSLATE_NOOP("DomainLabels", "Đã vào sổ"),
        QT_TRANSLATE_NOOP("DomainLabels", "Đã phân công"),
        QT_TRANSLATE_NOOP("DomainLabels", "Đang xử lý"),
        QT_TRANSLATE_NOOP("DomainLabels", "Hoàn thành"),
        QT_TRANSLATE_NOOP("DomainLabels", "Bị thu hồi"),
        # queues.URGENCY_LABELS
        QT_TRANSLATE_NOOP("DomainLabels", "Thường"),
        QT_TRANSLATE_NOOP("DomainLabels", "Khẩn"),
        QT_TRANSLATE_NOOP("DomainLabels", "Thượng khẩn"),
        QT_TRANSLATE_NOOP("DomainLabels", "Hỏa tốc"),
        QT_TRANSLATE_NOOP("DomainLabels", "Hỏa tốc hẹn giờ"),
        # secrecy.SECRECY_LABELS (Thường is already above)
        QT_TRANSLATE_NOOP("DomainLabels", "Mật"),
        QT_TRANSLATE_NOOP("DomainLabels", "Tối mật"),
        QT_TRANSLATE_NOOP("DomainLabels", "Tuyệt mật"),
        # roles.ROLE_LABELS
        QT_TRANSLATE_NOOP("DomainLabels", "Lãnh đạo"),
        QT_TRANSLATE_NOOP("DomainLabels", "Văn thư"),
        QT_TRANSLATE_NOOP("DomainLabels", "Chuyên viên"),
        QT_TRANSLATE_NOOP("DomainLabels", "Quản trị"),
        # roles.ACTION_LABELS, shown as history events (Trình ký, Trả lại, Hoàn thành: above)
        QT_TRANSLATE_NOOP("DomainLabels", "Soạn dự thảo"),
        QT_TRANSLATE_NOOP("DomainLabels", "Duyệt và ký"),
        QT_TRANSLATE_NOOP("DomainLabels", "Phát hành"),
        QT_TRANSLATE_NOOP("DomainLabels", "Gửi"),
        QT_TRANSLATE_NOOP("DomainLabels", "Hủy phát hành"),
        QT_TRANSLATE_NOOP("DomainLabels", "Thu hồi"),
        QT_TRANSLATE_NOOP("DomainLabels", "Cập nhật"),
        QT_TRANSLATE_NOOP("DomainLabels", "Thay thế"),
        QT_TRANSLATE_NOOP("DomainLabels", "Kiểm tra"),
        QT_TRANSLATE_NOOP("DomainLabels", "Từ chối tiếp nhận"),
        QT_TRANSLATE_NOOP("DomainLabels", "Vào sổ"),
        QT_TRANSLATE_NOOP("DomainLabels", "Phân công"),
        QT_TRANSLATE_NOOP("DomainLabels", "Xử lý"),
        QT_TRANSLATE_NOOP("DomainLabels", "Cập nhật tiến độ"),
        QT_TRANSLATE_NOOP("DomainLabels", "Đồng ý"),
        QT_TRANSLATE_NOOP("DomainLabels", "Từ chối"),
        QT_TRANSLATE_NOOP("DomainLabels", "Cấp số"),
        QT_TRANSLATE_NOOP("DomainLabels", "In sổ"),
        QT_TRANSLATE_NOOP("DomainLabels", "Xác nhận đã gửi bản giấy"),
        QT_TRANSLATE_NOOP("DomainLabels", "Chuyển tiếp"),
        QT_TRANSLATE_NOOP("DomainLabels", "In"),
        QT_TRANSLATE_NOOP("DomainLabels", "Sao văn bản"),
        QT_TRANSLATE_NOOP("DomainLabels", "Cấu hình"),
        # kinds.DocumentKind.label
        QT_TRANSLATE_NOOP("DomainLabels", "Nghị quyết (cá biệt)"),
        QT_TRANSLATE_NOOP("DomainLabels", "Quyết định (cá biệt)"),
        QT_TRANSLATE_NOOP("DomainLabels", "Chỉ thị"),
        QT_TRANSLATE_NOOP("DomainLabels", "Quy chế"),
        QT_TRANSLATE_NOOP("DomainLabels", "Quy định"),
        QT_TRANSLATE_NOOP("DomainLabels", "Thông cáo"),
        QT_TRANSLATE_NOOP("DomainLabels", "Thông báo"),
        QT_TRANSLATE_NOOP("DomainLabels", "Hướng dẫn"),
        QT_TRANSLATE_NOOP("DomainLabels", "Chương trình"),
        QT_TRANSLATE_NOOP("DomainLabels", "Kế hoạch"),
        QT_TRANSLATE_NOOP("DomainLabels", "Phương án"),
        QT_TRANSLATE_NOOP("DomainLabels", "Đề án"),
        QT_TRANSLATE_NOOP("DomainLabels", "Dự án"),
        QT_TRANSLATE_NOOP("DomainLabels", "Báo cáo"),
        QT_TRANSLATE_NOOP("DomainLabels", "Biên bản"),
        QT_TRANSLATE_NOOP("DomainLabels", "Tờ trình"),
        QT_TRANSLATE_NOOP("DomainLabels", "Hợp đồng"),
        QT_TRANSLATE_NOOP("DomainLabels", "Công điện"),
        QT_TRANSLATE_NOOP("DomainLabels", "Bản ghi nhớ"),
        QT_TRANSLATE_NOOP("DomainLabels", "Bản thỏa thuận"),
        QT_TRANSLATE_NOOP("DomainLabels", "Giấy ủy quyền"),
        QT_TRANSLATE_NOOP("DomainLabels", "Giấy mời"),
        QT_TRANSLATE_NOOP("DomainLabels", "Giấy giới thiệu"),
        QT_TRANSLATE_NOOP("DomainLabels", "Giấy nghỉ phép"),
        QT_TRANSLATE_NOOP("DomainLabels", "Phiếu gửi"),
        QT_TRANSLATE_NOOP("DomainLabels", "Phiếu chuyển"),
        QT_TRANSLATE_NOOP("DomainLabels", "Phiếu báo"),
        QT_TRANSLATE_NOOP("DomainLabels", "Công văn"),
        QT_TRANSLATE_NOOP("DomainLabels", "Thư công"),
    )
)


def domain_label(text: str) -> str:
    """A label from app/domain in the interface language (Vietnamese: unchanged)."""
    return QCoreApplication.translate(CONTEXT, text)


def urgency_label(urgency: int, unknown: str = "") -> str:
    """The urgency level's name; ``unknown`` for a value outside the domain's scale."""
    if 0 <= urgency < len(URGENCY_LABELS):
        return domain_label(URGENCY_LABELS[urgency])
    return unknown


def kind_label(kind: DocumentKind) -> str:
    return domain_label(kind.label)
