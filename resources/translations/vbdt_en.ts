<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../app/ui/document/action_bar.py" line="51"/>
        <source>Chưa làm được từ đây: thiếu {service}</source>
        <translation>Not available here yet: missing {service}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/action_bar.py" line="57"/>
        <source>Ký bằng USB token…</source>
        <translation>Sign with USB token…</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/action_bar.py" line="60"/>
        <source>Ký số dự thảo bằng USB token: văn bản chuyển sang “Chờ phát hành”</source>
        <translation>Sign the draft with a USB token: the document moves to “Awaiting issue”</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/action_bar.py" line="66"/>
        <source>Duyệt dự thảo đã ký bằng công cụ khác hoặc ký tay trên giấy</source>
        <translation>Approve a draft signed with another tool or by hand on paper</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="87"/>
        <source>Phân công xử lý</source>
        <translation>Assign for handling</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="93"/>
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="100"/>
        <source>Phối hợp</source>
        <translation>Co-handlers</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="106"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="114"/>
        <source>Ý kiến chỉ đạo</source>
        <translation>Directing opinion</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="124"/>
        <source>{name} – {unit}</source>
        <translation>{name} – {unit}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="129"/>
        <source>{days} ngày làm việc</source>
        <translation>{days} working days</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="131"/>
        <source> — ngày nghỉ, nên chọn ngày làm việc</source>
        <translation> — a day off, pick a working day</translation>
    </message>
</context>
<context>
    <name>BatchReview</name>
    <message>
        <location filename="../../app/ui/signing/batch_review.py" line="139"/>
        <source>Chưa xác định được chỗ ký</source>
        <translation>Signature position not found yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/batch_review.py" line="142"/>
        <source>Văn bản không có trang {n}</source>
        <translation>The document has no page {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/batch_review.py" line="148"/>
        <source>Trang {n}</source>
        <translation>Page {n}</translation>
    </message>
</context>
<context>
    <name>CalendarBox</name>
    <message>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="41"/>
        <source>Điều chỉnh lịch làm việc</source>
        <translation>Working-day calendar adjustments</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="45"/>
        <source>Ngày nghỉ lễ và ngày hoán đổi đã công bố có sẵn trong phần mềm; ngày khai báo ở đây được ưu tiên khi tính hạn xử lý.</source>
        <translation>Public holidays and announced day swaps are built in; the days declared here take precedence when deadlines are counted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="54"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="54"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="54"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="69"/>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="99"/>
        <source>Ngày nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="70"/>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="99"/>
        <source>Ngày làm việc</source>
        <translation>Working day</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="73"/>
        <source>Lý do, ví dụ: nghỉ bù theo công văn …</source>
        <translation>Reason, e.g. day off in lieu per official letter …</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="74"/>
        <source>Thêm ngày</source>
        <translation>Add day</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_calendar.py" line="77"/>
        <source>Xóa ngày đã chọn</source>
        <translation>Remove selected day</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../../app/ui/document/actions.py" line="40"/>
        <source>Trình ký</source>
        <translation>Submit for signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="41"/>
        <source>Trả lại dự thảo</source>
        <translation>Return draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="42"/>
        <source>Duyệt</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="43"/>
        <source>Phát hành</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="44"/>
        <source>Gửi</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="45"/>
        <source>Hủy phát hành</source>
        <translation>Cancel issue</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="46"/>
        <source>Thu hồi</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="47"/>
        <source>Cập nhật</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="48"/>
        <source>Thay thế</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="49"/>
        <source>Kiểm tra lại chữ ký</source>
        <translation>Verify signatures again</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="50"/>
        <source>Trả lại nơi gửi</source>
        <translation>Return to sender</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="51"/>
        <location filename="../../app/ui/document/actions.py" line="234"/>
        <source>Vào sổ</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="52"/>
        <source>Phân công</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="53"/>
        <source>Bắt đầu xử lý</source>
        <translation>Start handling</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="54"/>
        <source>Cập nhật tiến độ</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="55"/>
        <source>Hoàn thành</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="56"/>
        <source>Đồng ý thu hồi</source>
        <translation>Agree to recall</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="57"/>
        <source>Từ chối thu hồi</source>
        <translation>Refuse recall</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="58"/>
        <source>Đã gửi bản giấy</source>
        <translation>Paper copy sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="66"/>
        <source>app.sync.engine (gửi đi khi đồng bộ)</source>
        <translation>app.sync.engine (sent on sync)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="68"/>
        <source>app.services.documents: cập nhật văn bản đã gửi</source>
        <translation>app.services.documents: updating a sent document</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="71"/>
        <source>app.services.documents: thay thế văn bản đã gửi</source>
        <translation>app.services.documents: replacing a sent document</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="125"/>
        <source>Lý do trả lại văn bản cho nơi gửi:</source>
        <translation>Why is the document returned to its sender?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="133"/>
        <source>Đồng ý cho nơi gửi thu hồi văn bản này?</source>
        <translation>Let the sender recall this document?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="137"/>
        <source>Lý do từ chối thu hồi:</source>
        <translation>Why is the recall refused?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="144"/>
        <source>Trình dự thảo này lên lãnh đạo ký?</source>
        <translation>Submit this draft to the leader for signature?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="147"/>
        <source>Lý do trả lại dự thảo:</source>
        <translation>Why is the draft returned?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="151"/>
        <source>Duyệt dự thảo này? (Dùng khi văn bản đã được ký bằng công cụ khác hoặc ký tay trên giấy.)</source>
        <translation>Approve this draft? (For a document signed with another tool or by hand on paper.)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="159"/>
        <source>Lý do hủy văn bản đã phát hành:</source>
        <translation>Why is the issued document cancelled?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="162"/>
        <source>Lý do thu hồi văn bản:</source>
        <translation>Why is the document recalled?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="166"/>
        <source>Xác nhận đã gửi bản giấy của văn bản này?</source>
        <translation>Confirm that the paper copy of this document was sent?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="200"/>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="208"/>
        <source>Nhập lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="218"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="219"/>
        <source>Ghi chú tiến độ (có thể để trống):</source>
        <translation>Progress note (optional):</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="229"/>
        <source>Vào sổ văn bản đến với số đến {number}?
(Nếu văn thư khác vào sổ cùng lúc, số thực tế có thể lớn hơn.)</source>
        <translation>Register the incoming document as number {number}?
(If another clerk registers at the same time, the actual number may be higher.)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="276"/>
        <source>Văn bản không có tệp PDF chính</source>
        <translation>The document has no main PDF file</translation>
    </message>
</context>
<context>
    <name>DocumentHistory</name>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="71"/>
        <source>Nhận văn bản</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="72"/>
        <source>Soạn dự thảo</source>
        <translation>Drafted</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="73"/>
        <source>Tạo văn bản</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="46"/>
        <source>Trục liên thông</source>
        <translation>Exchange platform</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="48"/>
        <source>Hệ thống</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="55"/>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <location filename="../../app/ui/panels/document_list.py" line="56"/>
        <source>Tìm kiếm…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/document_list.py" line="57"/>
        <source>Tìm theo số/ký hiệu, trích yếu, nơi gửi (Ctrl+F)</source>
        <translation>Search by number/code, subject, sender (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/document_list.py" line="185"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/document_list.py" line="187"/>
        <source>Không có văn bản nào khớp với “{query}”.</source>
        <translation>No document matches “{query}”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/document_list.py" line="191"/>
        <source>Không có văn bản nào trong mục này.</source>
        <translation>No documents here.</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="167"/>
        <source>Số/ký hiệu</source>
        <translation>Number/code</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="168"/>
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="169"/>
        <source>Nơi gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="170"/>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="171"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="172"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="173"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="117"/>
        <source>Đã phát hành, chờ gửi</source>
        <translation>Issued, waiting to send</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="119"/>
        <source>Đã phát hành, gửi lỗi</source>
        <translation>Issued, sending failed</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="120"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
</context>
<context>
    <name>DocumentWindow</name>
    <message>
        <location filename="../../app/ui/document/view.py" line="85"/>
        <source>Lưu báo cáo kiểm tra…</source>
        <translation>Save verification report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="100"/>
        <source>Thông tin</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="101"/>
        <source>Chữ ký số</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="102"/>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="111"/>
        <source>Phiếu giải quyết…</source>
        <translation>Processing slip…</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="115"/>
        <source>In văn bản…</source>
        <translation>Print document…</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="117"/>
        <source>In văn bản đang xem, kèm chữ ký và con dấu (Ctrl+P)</source>
        <translation>Print the document shown, with its signatures and seals (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="134"/>
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="152"/>
        <source>{code} — {subject}</source>
        <translation>{code} — {subject}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="154"/>
        <source>Văn bản {code}</source>
        <translation>Document {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="161"/>
        <source>Văn bản không có tệp PDF chính.</source>
        <translation>The document has no main PDF file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="168"/>
        <source>Đang kiểm tra chữ ký số…</source>
        <translation>Verifying signatures…</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="185"/>
        <source>Không kiểm tra được chữ ký số.</source>
        <translation>Signatures could not be verified.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="203"/>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the printout…</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="211"/>
        <source>In văn bản</source>
        <translation>Print document</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="221"/>
        <source>Đã gửi {pages} trang tới máy in.</source>
        <translation>Sent {pages} page(s) to the printer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="243"/>
        <source>Lưu báo cáo kiểm tra</source>
        <translation>Save verification report</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="243"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="264"/>
        <source>Đã lưu báo cáo: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
</context>
<context>
    <name>DomainLabels</name>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="25"/>
        <source>Văn bản đến</source>
        <translation>Incoming documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="26"/>
        <source>Chờ vào sổ</source>
        <translation>To register</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="27"/>
        <source>Chờ phân công</source>
        <translation>To assign</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="28"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="29"/>
        <source>Văn bản đi</source>
        <translation>Outgoing documents</translation>
    </message>
    <message>
        <source>Chờ ký</source>
        <translation type="vanished">Awaiting signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="30"/>
        <source>Chờ duyệt, ký</source>
        <translation>To approve and sign</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="31"/>
        <source>Chờ phát hành</source>
        <translation>Awaiting issue</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="32"/>
        <source>Bị trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="33"/>
        <source>Hộp thư đi</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="34"/>
        <source>Chờ gửi</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="35"/>
        <source>Gửi lỗi</source>
        <translation>Sending failed</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="37"/>
        <source>Dự thảo</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="38"/>
        <source>Trình ký</source>
        <translation>Submitted for signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="39"/>
        <source>Trả lại</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="40"/>
        <source>Đã ký</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="41"/>
        <source>Đã phát hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="42"/>
        <source>Đã gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="43"/>
        <source>Đã hủy</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="44"/>
        <source>Mới đến</source>
        <translation>Newly arrived</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="45"/>
        <source>Đã kiểm tra chữ ký</source>
        <translation>Signatures verified</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="46"/>
        <source>Đã trả lại</source>
        <translation>Returned to sender</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="47"/>
        <source>Đã vào sổ</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="48"/>
        <source>Đã phân công</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="49"/>
        <source>Đang xử lý</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="50"/>
        <source>Hoàn thành</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="51"/>
        <source>Bị thu hồi</source>
        <translation>Recalled</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="53"/>
        <source>Thường</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="54"/>
        <source>Khẩn</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="55"/>
        <source>Thượng khẩn</source>
        <translation>Most urgent</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="56"/>
        <source>Hỏa tốc</source>
        <translation>Flash</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="57"/>
        <source>Hỏa tốc hẹn giờ</source>
        <translation>Flash, timed</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="59"/>
        <source>Mật</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="60"/>
        <source>Tối mật</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="61"/>
        <source>Tuyệt mật</source>
        <translation>Top secret</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="63"/>
        <source>Lãnh đạo</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="64"/>
        <source>Văn thư</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="65"/>
        <source>Chuyên viên</source>
        <translation>Specialist</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="66"/>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="68"/>
        <source>Soạn dự thảo</source>
        <translation>Drafted</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="69"/>
        <source>Duyệt và ký</source>
        <translation>Approved and signed</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="70"/>
        <source>Phát hành</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="71"/>
        <source>Gửi</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="72"/>
        <source>Hủy phát hành</source>
        <translation>Issue cancelled</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="73"/>
        <source>Thu hồi</source>
        <translation>Recalled</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="74"/>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="75"/>
        <source>Thay thế</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="76"/>
        <source>Kiểm tra</source>
        <translation>Signatures checked</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="77"/>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused receipt</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="78"/>
        <source>Vào sổ</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="79"/>
        <source>Phân công</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="80"/>
        <source>Xử lý</source>
        <translation>Processing</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="81"/>
        <source>Cập nhật tiến độ</source>
        <translation>Progress recorded</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="82"/>
        <source>Đồng ý</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="83"/>
        <source>Từ chối</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="84"/>
        <source>Cấp số</source>
        <translation>Numbered</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="85"/>
        <source>In sổ</source>
        <translation>Register printed</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="86"/>
        <source>Xác nhận đã gửi bản giấy</source>
        <translation>Paper copy confirmed sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="87"/>
        <source>Chuyển tiếp</source>
        <translation>Forwarded</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="88"/>
        <source>In</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="89"/>
        <source>Sao văn bản</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="90"/>
        <source>Cấu hình</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="92"/>
        <source>Nghị quyết (cá biệt)</source>
        <translation>Resolution (individual)</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="93"/>
        <source>Quyết định (cá biệt)</source>
        <translation>Decision (individual)</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="94"/>
        <source>Chỉ thị</source>
        <translation>Directive</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="95"/>
        <source>Quy chế</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="96"/>
        <source>Quy định</source>
        <translation>Regulation</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="97"/>
        <source>Thông cáo</source>
        <translation>Communiqué</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="98"/>
        <source>Thông báo</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="99"/>
        <source>Hướng dẫn</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="100"/>
        <source>Chương trình</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="101"/>
        <source>Kế hoạch</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="102"/>
        <source>Phương án</source>
        <translation>Scheme</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="103"/>
        <source>Đề án</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="104"/>
        <source>Dự án</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="105"/>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="106"/>
        <source>Biên bản</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="107"/>
        <source>Tờ trình</source>
        <translation>Submission</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="108"/>
        <source>Hợp đồng</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="109"/>
        <source>Công điện</source>
        <translation>Official telegram</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="110"/>
        <source>Bản ghi nhớ</source>
        <translation>Memorandum</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="111"/>
        <source>Bản thỏa thuận</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="112"/>
        <source>Giấy ủy quyền</source>
        <translation>Letter of authorisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="113"/>
        <source>Giấy mời</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="114"/>
        <source>Giấy giới thiệu</source>
        <translation>Letter of introduction</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="115"/>
        <source>Giấy nghỉ phép</source>
        <translation>Leave permit</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="116"/>
        <source>Phiếu gửi</source>
        <translation>Dispatch slip</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="117"/>
        <source>Phiếu chuyển</source>
        <translation>Transfer slip</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="118"/>
        <source>Phiếu báo</source>
        <translation>Notification slip</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="119"/>
        <source>Công văn</source>
        <translation>Official letter</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n/domain_labels.py" line="120"/>
        <source>Thư công</source>
        <translation>Public letter</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="50"/>
        <source>Văn bản đi mới</source>
        <translation>New outgoing document</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="53"/>
        <source>Tệp PDF</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="58"/>
        <source>Loại văn bản</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="60"/>
        <source>Viết tắt đơn vị soạn thảo, ví dụ VP (công văn)</source>
        <translation>Drafting unit abbreviation, e.g. VP (official letters)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="61"/>
        <source>Đơn vị soạn thảo</source>
        <translation>Drafting unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="64"/>
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="72"/>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="75"/>
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="79"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="80"/>
        <source>Gửi kèm bản giấy</source>
        <translation>Send a paper copy too</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="110"/>
        <source>Văn bản mật chỉ phát hành bản giấy, không gửi qua trục liên thông.</source>
        <translation>Confidential documents are issued on paper only, never sent through the exchange platform.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="115"/>
        <source>Gửi thêm bản giấy cùng bản điện tử; văn thư xác nhận khi đã gửi bản giấy.</source>
        <translation>Send a paper copy along with the electronic one; the clerk confirms once it is sent.</translation>
    </message>
    <message>
        <source>Chưa làm được từ đây: thiếu {service}</source>
        <translation type="vanished">Not available here yet: missing {service}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="85"/>
        <source>Đề nghị trả lời trước ngày</source>
        <translation>Reply requested by</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="95"/>
        <source>Tạo dự thảo</source>
        <translation>Create draft</translation>
    </message>
</context>
<context>
    <name>FileReceiver</name>
    <message>
        <location filename="../../app/ui/document/receive_file.py" line="56"/>
        <source>Chọn gói tin văn bản điện tử</source>
        <translation>Choose an electronic document package</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/receive_file.py" line="58"/>
        <source>Gói tin edXML (*.edxml *.xml);;Mọi tệp (*)</source>
        <translation>edXML packages (*.edxml *.xml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/receive_file.py" line="71"/>
        <source>Đang nhận văn bản từ tệp {name}…</source>
        <translation>Receiving the document from {name}…</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/receive_file.py" line="89"/>
        <source>Đã ghi nhận thông báo trạng thái của văn bản {code}.</source>
        <translation>Status notice for document {code} recorded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/receive_file.py" line="95"/>
        <source>Văn bản {code} đã nhận trước đây: mở văn bản đã có.</source>
        <translation>Document {code} was received before: opening it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/receive_file.py" line="97"/>
        <source>Đã nhận văn bản {code} (gói tin không ghi cơ quan mình là nơi nhận).</source>
        <translation>Document {code} received (the package does not list our agency as a recipient).</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/receive_file.py" line="99"/>
        <source>Đã nhận văn bản {code}.</source>
        <translation>Document {code} received.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/receive_file.py" line="105"/>
        <source>Chưa nhận được văn bản từ tệp.</source>
        <translation>The document could not be received from the file.</translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="184"/>
        <source>Thời điểm</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="184"/>
        <source>Người thực hiện</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="184"/>
        <source>Việc</source>
        <translation>What</translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="35"/>
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="88"/>
        <source>Loại văn bản</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="89"/>
        <source>Số/ký hiệu</source>
        <translation>Number/code</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="90"/>
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="91"/>
        <source>Nơi gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="92"/>
        <source>Ngày ban hành</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="93"/>
        <source>Số đến / sổ</source>
        <translation>Incoming number</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="94"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="95"/>
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="96"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="97"/>
        <source>Phân công</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="103"/>
        <source>Độ khẩn, độ mật</source>
        <translation>Urgency, secrecy</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="117"/>
        <source>(văn bản đi của cơ quan)</source>
        <translation>(our outgoing document)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="118"/>
        <location filename="../../app/ui/document/info_panel.py" line="131"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="121"/>
        <source>Số {number}, vào sổ {when}</source>
        <translation>No. {number}, registered {when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="126"/>
        <source>chưa vào sổ</source>
        <translation>not registered</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="149"/>
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="155"/>
        <source>{when} — quá hạn</source>
        <translation>{when} — overdue</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="158"/>
        <source>{when} — hết hạn hôm nay</source>
        <translation>{when} — due today</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="165"/>
        <source>chưa phân công</source>
        <translation>not assigned</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="167"/>
        <source>Chủ trì: {lead}</source>
        <translation>Lead: {lead}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="171"/>
        <source>; phối hợp: {co}</source>
        <translation>; co-handlers: {co}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="173"/>
        <source>
Ý kiến chỉ đạo: {opinion}</source>
        <translation>
Directing opinion: {opinion}</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="96"/>
        <source>Phát hành văn bản</source>
        <translation>Issue document</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="101"/>
        <source>Ảnh con dấu:</source>
        <translation>Seal image:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="120"/>
        <source>Phát hành</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="124"/>
        <source>Lưu bản đã ký…</source>
        <translation>Save signed copy…</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="126"/>
        <source>Lưu một bản sao tệp đã phát hành ra thư mục khác</source>
        <translation>Save a copy of the issued file to another folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="129"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="177"/>
        <source>Phát hành văn bản — {subject}</source>
        <translation>Issue document — {subject}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="181"/>
        <source>Văn bản mật: phát hành bản giấy, không ký số và không gửi đi.</source>
        <translation>Confidential document: issued on paper, not digitally signed and not sent.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="231"/>
        <source>Đang phát hành…</source>
        <translation>Issuing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="246"/>
        <source>Đã phát hành số {code} ngày {day}.</source>
        <translation>Issued as No. {code} on {day}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="248"/>
        <source>Văn bản nằm trong Hộp thư đi, chờ gửi qua trục liên thông.</source>
        <translation>The document is in the Outbox, waiting to be sent through the exchange platform.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="252"/>
        <source>Không gửi qua trục (không có nơi nhận hoặc văn bản mật).</source>
        <translation>Not sent through the platform (no recipients, or a confidential document).</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="254"/>
        <source>Nhớ gửi kèm bản giấy.</source>
        <translation>Remember to send the paper copy.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="267"/>
        <source>Lưu bản đã ký</source>
        <translation>Save signed copy</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="268"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="290"/>
        <source>Đã lưu bản đã ký: {path}</source>
        <translation>Signed copy saved: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="297"/>
        <source>Chưa lưu được bản đã ký. {why}</source>
        <translation>The signed copy was not saved. {why}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="308"/>
        <source>Văn bản khẩn: bấm “Đồng bộ ngay” ở thanh trạng thái để gửi ngay.</source>
        <translation>Urgent document: click “Sync now” in the status bar to send it right away.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="310"/>
        <source>Văn bản khẩn: đang gửi ngay.</source>
        <translation>Urgent document: sending now.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="314"/>
        <source>Chưa phát hành, chưa lấy số.</source>
        <translation>Not issued; no number was taken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_dialog.py" line="316"/>
        <source>Đã hủy nhập PIN.</source>
        <translation>PIN entry cancelled.</translation>
    </message>
</context>
<context>
    <name>IssueForm</name>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="53"/>
        <source>Số chính thức được lấy khi bấm “Phát hành”; nếu văn thư khác phát hành cùng lúc, số có thể lớn hơn.</source>
        <translation>The official number is taken when you click “Issue”; if another clerk issues at the same time, the number may be higher.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="65"/>
        <source>Gửi kèm bản giấy</source>
        <translation>Send a paper copy too</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="67"/>
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="70"/>
        <source>Trích yếu:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="71"/>
        <source>Số, ký hiệu:</source>
        <translation>Number/code:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="73"/>
        <source>Ngày ban hành:</source>
        <translation>Issue date:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="74"/>
        <source>Độ khẩn:</source>
        <translation>Urgency:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="75"/>
        <source>Bản giấy:</source>
        <translation>Paper copy:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="82"/>
        <source>Nơi nhận (đánh dấu để gửi qua trục liên thông)</source>
        <translation>Recipients (tick to send through the exchange platform)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="90"/>
        <source>Tệp đính kèm</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="107"/>
        <source>&lt;b&gt;Số {code}&lt;/b&gt; (dự kiến)</source>
        <translation>&lt;b&gt;No. {code}&lt;/b&gt; (expected)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="109"/>
        <source>{day} (hôm nay)</source>
        <translation>{day} (today)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="127"/>
        <source>{time} ngày {date}</source>
        <translation>{time} on {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="131"/>
        <source>&lt;b&gt;{label}&lt;/b&gt;: phát hành và gửi ngay.</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt;: issue and send at once.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="134"/>
        <source>&lt;b&gt;{label}&lt;/b&gt;: phát hành ngay sau khi ký.</source>
        <translation>&lt;b&gt;{label}&lt;/b&gt;: issue right after signing.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="137"/>
        <source>{label}: phát hành trong ngày ký, chậm nhất ngày làm việc tiếp theo.</source>
        <translation>{label}: issue on the day of signing, by the next working day at the latest.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="141"/>
        <source>Hạn: {due}.</source>
        <translation>Due: {due}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="163"/>
        <source>ký số văn bản đính kèm</source>
        <translation>signed with the document</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="165"/>
        <source>gửi kèm, không ký số (không phải PDF)</source>
        <translation>sent along, not signed (not a PDF)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="169"/>
        <source>Không có tệp đính kèm.</source>
        <translation>No attachments.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="176"/>
        <source>Văn bản mật: chỉ phát hành bản giấy, không gửi qua trục liên thông.</source>
        <translation>Confidential document: issued on paper only, not sent through the exchange platform.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="179"/>
        <source>Chưa chọn nơi nhận: văn bản được phát hành và vào sổ nhưng không gửi đi.</source>
        <translation>No recipient chosen: the document is issued and registered but not sent.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/issue_form.py" line="182"/>
        <source>Sẽ gửi tới {n} nơi nhận qua Hộp thư đi.</source>
        <translation>Will be sent to {n} recipient(s) through the Outbox.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="139"/>
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="141"/>
        <source>Chưa kết nối trục liên thông</source>
        <translation>Not connected to the exchange platform</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="151"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="152"/>
        <source>&amp;Văn bản đi mới từ PDF…</source>
        <translation>&amp;New outgoing document from PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="156"/>
        <source>Nhận văn bản từ &amp;tệp…</source>
        <translation>&amp;Receive document from file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160"/>
        <source>Đổi người &amp;dùng…</source>
        <translation>Switch &amp;user…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163"/>
        <source>&amp;Cài đặt…</source>
        <translation>Se&amp;ttings…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>Th&amp;oát</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="173"/>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174"/>
        <source>&amp;Làm mới</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178"/>
        <source>&amp;Tìm kiếm</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="188"/>
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="205"/>
        <source>&amp;Ký văn bản PDF…</source>
        <translation>&amp;Sign PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="208"/>
        <source>Kiểm tra &amp;USB token…</source>
        <translation>Check &amp;USB token…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="210"/>
        <source>&amp;Ký số</source>
        <translation>&amp;Signing</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="226"/>
        <source>Người dùng: {name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="231"/>
        <source>Chỉ chuyên viên soạn dự thảo</source>
        <translation>Only specialists write drafts</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="236"/>
        <source>Chỉ văn thư nhận văn bản đến từ tệp</source>
        <translation>Only clerks receive incoming documents from files</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="253"/>
        <source>Chỉ văn thư nhận văn bản đến từ tệp.</source>
        <translation>Only clerks receive incoming documents from files.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="261"/>
        <source>Chọn tệp PDF dự thảo</source>
        <translation>Choose the draft PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="261"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="353"/>
        <source>Không tải được dữ liệu.</source>
        <translation>Could not load data.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="364"/>
        <source>{app} — {agency}</source>
        <translation>{app} — {agency}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="366"/>
        <source>{title} (trình diễn)</source>
        <translation>{title} (demo)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="376"/>
        <source>{queue}: đang tải…</source>
        <translation>{queue}: loading…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="380"/>
        <source>{queue}: {total} văn bản</source>
        <translation>{queue}: {total} documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="382"/>
        <source>{queue}: hiển thị {shown}/{total} văn bản</source>
        <translation>{queue}: showing {shown}/{total} documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="389"/>
        <source>{app}
Phiên bản {version}

Quản lý văn bản điện tử, ký số bằng USB token và liên thông văn bản.

Thư mục dữ liệu: {data_dir}</source>
        <translation>{app}
Version {version}

Electronic document management, signing with USB tokens and document exchange.

Data folder: {data_dir}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="393"/>
        <source>Giới thiệu {app}</source>
        <translation>About {app}</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="72"/>
        <source>‹ Trang trước</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="72"/>
        <source>Trang trước (PgUp)</source>
        <translation>Previous page (PgUp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="73"/>
        <source>Trang sau ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="73"/>
        <source>Trang sau (PgDn)</source>
        <translation>Next page (PgDn)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="75"/>
        <source>Thu nhỏ (Ctrl −)</source>
        <translation>Zoom out (Ctrl −)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="77"/>
        <source>Phóng to (Ctrl +)</source>
        <translation>Zoom in (Ctrl +)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="78"/>
        <source>Cả trang</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="78"/>
        <source>Xem cả trang (Ctrl 0)</source>
        <translation>Whole page (Ctrl 0)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="79"/>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="79"/>
        <source>Vừa chiều rộng khung xem</source>
        <translation>Fit the view width</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="126"/>
        <source>Đang mở tệp…</source>
        <translation>Opening file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="164"/>
        <source>Không tìm thấy hoặc không đọc được tệp.</source>
        <translation>The file is missing or cannot be read.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="165"/>
        <source>Tệp không phải PDF hoặc đã bị hỏng.</source>
        <translation>The file is not a PDF or is damaged.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="166"/>
        <source>Tệp PDF có mật khẩu.</source>
        <translation>The PDF file is password-protected.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="167"/>
        <source>Tệp PDF được mã hóa.</source>
        <translation>The PDF file is encrypted.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="169"/>
        <source>Không hiển thị được tệp PDF.</source>
        <translation>The PDF file cannot be displayed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="180"/>
        <source>Trang {page}/{count}</source>
        <translation>Page {page}/{count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="184"/>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
</context>
<context>
    <name>PeriodChooser</name>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="54"/>
        <source>Cả năm</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="56"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="72"/>
        <source>đến ngày</source>
        <translation>to</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="61"/>
        <source>Mã PIN USB token</source>
        <translation>USB token PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="72"/>
        <source>Nhập mã PIN</source>
        <translation>Enter PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="73"/>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="75"/>
        <source>Giữ đăng nhập đến khi đóng cửa sổ (không phải nhập lại)</source>
        <translation>Stay signed in until the window closes (no need to re-enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="80"/>
        <source>Ứng dụng không lưu mã PIN: chỉ giữ phiên đăng nhập với token cho đến khi bạn đăng xuất hoặc đóng cửa sổ.</source>
        <translation>The application does not store the PIN: it only keeps the token session open until you sign out or close the window.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="85"/>
        <source>Mã PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="89"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="90"/>
        <location filename="../../app/ui/signing/pin_dialog.py" line="161"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="102"/>
        <source>USB token: &lt;b&gt;{label}&lt;/b&gt;&lt;br&gt;Số sê-ri: {serial}</source>
        <translation>USB token: &lt;b&gt;{label}&lt;/b&gt;&lt;br&gt;Serial number: {serial}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="109"/>
        <source>Chứng thư số: {subject}</source>
        <translation>Certificate: {subject}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="112"/>
        <source>Demo — không phải token thật</source>
        <translation>Demo — not a real token</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="121"/>
        <source>Nhập mã PIN trên bàn phím của đầu đọc.
Cửa sổ này tự đóng khi xong.</source>
        <translation>Enter the PIN on the reader&apos;s keypad.
This window closes by itself when done.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="125"/>
        <source>Token báo đã có lần nhập sai mã PIN. Hãy nhập thật cẩn thận: token sẽ bị khóa nếu nhập sai quá số lần cho phép.</source>
        <translation>The token reports an earlier wrong PIN. Type carefully: the token locks after too many wrong PINs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="129"/>
        <source>Máy này đã ghi nhận {n} lần nhập sai liên tiếp.</source>
        <translation>This computer has recorded {n} wrong PIN(s) in a row.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="135"/>
        <source>Token chỉ còn MỘT lần nhập mã PIN: nhập sai lần nữa token sẽ bị khóa. Ứng dụng không cho thử để bảo vệ token. Hãy liên hệ nhà cung cấp chứng thư số (CA) để được hỗ trợ.</source>
        <translation>The token has only ONE PIN try left: one more wrong PIN locks it. The application will not try, to protect the token. Contact your certificate provider (CA) for help.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="142"/>
        <source>Token đã bị khóa do nhập sai mã PIN quá số lần cho phép. Không thể ký bằng token này; hãy liên hệ nhà cung cấp chứng thư số (CA) để mở khóa.</source>
        <translation>The token is locked after too many wrong PINs. It cannot sign; contact your certificate provider (CA) to unlock it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="150"/>
        <source>Khóa này yêu cầu nhập mã PIN cho mỗi lần ký.</source>
        <translation>This key asks for the PIN at every signature.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="161"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PlacementPanel</name>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="56"/>
        <source>Xem lại vị trí chữ ký trên từng văn bản (bấm vào một trang để xem lớn):</source>
        <translation>Check the signature position on each document (click a page to enlarge it):</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="61"/>
        <source>Vị trí tự động</source>
        <translation>Automatic position</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="62"/>
        <source>Bỏ vị trí đã kéo; ký vào chỗ ký có sẵn của văn bản</source>
        <translation>Drop the dragged position; sign at the document&apos;s own signature place</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="86"/>
        <source>Đang xác định vị trí chữ ký…</source>
        <translation>Finding the signature position…</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="112"/>
        <source>Không đọc được văn bản: {why}</source>
        <translation>Cannot read the document: {why}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="137"/>
        <source>Chưa xác định được chỗ ký.</source>
        <translation>Signature position not found yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="140"/>
        <source>Dấu cơ quan</source>
        <translation>Agency seal</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="140"/>
        <source>Chữ ký</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="152"/>
        <source>Ký vào ô chữ ký có sẵn trong văn bản.</source>
        <translation>Signs in the document&apos;s signature field.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="153"/>
        <source>Ký phía trên tên người ký (tự động).</source>
        <translation>Signs above the signer&apos;s name (automatic).</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="154"/>
        <source>Vị trí đã dùng lần trước cho loại văn bản này.</source>
        <translation>The position used last time for this kind of document.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="156"/>
        <source>Không tìm thấy chỗ ký trong văn bản: hãy kéo khung vào đúng chỗ (kéo góc để đổi cỡ).</source>
        <translation>No signature place found in the document: drag the box to the right place (drag a corner to resize).</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="159"/>
        <source>Vị trí bạn chọn (được ghi nhớ cho loại văn bản này).</source>
        <translation>Your chosen position (remembered for this kind of document).</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="161"/>
        <source>Trang {n}.</source>
        <translation>Page {n}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="163"/>
        <source>Vị trí này áp dụng cho mọi văn bản trong lô.</source>
        <translation>This position applies to every document in the batch.</translation>
    </message>
</context>
<context>
    <name>PlatformBox</name>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="35"/>
        <source>Trục liên thông</source>
        <translation>Exchange platform</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="40"/>
        <source>Địa chỉ trục liên thông</source>
        <translation>Exchange platform address</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="43"/>
        <source>Ví dụ: 000.00.00.H18</source>
        <translation>For example: 000.00.00.H18</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="44"/>
        <source>Mã định danh hệ thống</source>
        <translation>System ID</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="48"/>
        <source>Để trống: giữ khóa hiện có</source>
        <translation>Leave empty to keep the current secret</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="49"/>
        <source>Khóa bí mật</source>
        <translation>Secret key</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="54"/>
        <source>Kiểm tra kết nối</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="66"/>
        <source>Đang kiểm tra khóa…</source>
        <translation>Checking the secret…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="77"/>
        <source>Đã có khóa (lưu trong tệp {where}).</source>
        <translation>A secret is set (kept in the file {where}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="79"/>
        <source>Đã có khóa (lấy từ biến môi trường {where}; biến này được dùng trước tệp).</source>
        <translation>A secret is set (from the environment variable {where}, which takes precedence over the file).</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="81"/>
        <source>Đã có khóa của máy chủ trình diễn (trong tệp {where}).</source>
        <translation>The demo server's secret is set (in the file {where}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="82"/>
        <source>Chưa có khóa.</source>
        <translation>No secret set.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="105"/>
        <source>Đang kết nối…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="127"/>
        <source>Kết nối được: trục liên thông nhận mã định danh và khóa bí mật (trả lời sau {ms} ms).</source>
        <translation>Connected: the platform accepted the system ID and secret (answered in {ms} ms).</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="132"/>
        <source>Trục liên thông từ chối vì đồng hồ máy tính lệch quá nhiều: hãy chỉnh lại giờ.</source>
        <translation>The platform refused because this computer's clock is too far off: please correct the time.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="136"/>
        <source>Sai mã định danh hệ thống hoặc khóa bí mật: trục liên thông không nhận ({code}).</source>
        <translation>Wrong system ID or secret: the platform refused them ({code}).</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="140"/>
        <source>Không tới được máy chủ trục liên thông ({code}): hãy kiểm tra địa chỉ và mạng.</source>
        <translation>Cannot reach the platform server ({code}): check the address and the network.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="144"/>
        <source>Máy chủ có trả lời nhưng không nhận yêu cầu ({code}): có thể địa chỉ trục liên thông sai đường dẫn.</source>
        <translation>The server answered but refused the request ({code}): the platform address may have a wrong path.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_platform.py" line="147"/>
        <source>Chưa đủ thông tin để kết nối: {detail}</source>
        <translation>Not enough information to connect: {detail}</translation>
    </message>
</context>
<context>
    <name>QtPinPrompter</name>
    <message>
        <location filename="../../app/ui/signing/qt_prompter.py" line="186"/>
        <source>Nhập lại mã PIN?</source>
        <translation>Enter the PIN again?</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/qt_prompter.py" line="188"/>
        <source>Vẫn thử lại</source>
        <translation>Try again anyway</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/qt_prompter.py" line="189"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/qt_prompter.py" line="223"/>
        <source>USB token</source>
        <translation>USB token</translation>
    </message>
</context>
<context>
    <name>QueueSidebar</name>
    <message>
        <location filename="../../app/ui/panels/sidebar.py" line="30"/>
        <source>Danh sách hàng đợi văn bản</source>
        <translation>Document queues</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/sidebar.py" line="61"/>
        <location filename="../../app/ui/panels/sidebar.py" line="93"/>
        <source>{label} ({count})</source>
        <translation>{label} ({count})</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="120"/>
        <source>Sổ đăng ký văn bản đến</source>
        <translation>Incoming documents register</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="121"/>
        <source>Sổ đăng ký văn bản đi</source>
        <translation>Outgoing documents register</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="131"/>
        <source>Loại sổ:</source>
        <translation>Register type:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="132"/>
        <source>Sổ:</source>
        <translation>Register:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="133"/>
        <source>Thời gian:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="134"/>
        <source>Quyển số:</source>
        <translation>Volume:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="155"/>
        <source>Đang tải danh sách sổ…</source>
        <translation>Loading registers…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="171"/>
        <source>{name} – năm {year}</source>
        <translation>{name} – {year}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="172"/>
        <source>{name} ({count} số)</source>
        <translation>{name} ({count} entries)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="174"/>
        <source> – MẬT</source>
        <translation> – CONFIDENTIAL</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/register_dialog.py" line="180"/>
        <source>Chưa có sổ nào để in.</source>
        <translation>No register to print yet.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../app/ui/reports/base.py" line="132"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="133"/>
        <source>In…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="134"/>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="135"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="210"/>
        <source>Lựa chọn đã thay đổi: bấm «Xem trước» để tạo lại báo cáo.</source>
        <translation>The choices changed: click «Preview» to rebuild the report.</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="224"/>
        <source>Đang tạo báo cáo…</source>
        <translation>Building the report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="241"/>
        <source>Báo cáo gồm {pages} trang.</source>
        <translation>The report has {pages} page(s).</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="247"/>
        <source>Không tạo được báo cáo.</source>
        <translation>The report could not be built.</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="258"/>
        <source>Lưu báo cáo PDF</source>
        <translation>Save report as PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="260"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="270"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="274"/>
        <source>Đã lưu: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/base.py" line="288"/>
        <source>Đã gửi {pages} trang tới máy in.</source>
        <translation>Sent {pages} page(s) to the printer.</translation>
    </message>
</context>
<context>
    <name>ReportPrinting</name>
    <message>
        <location filename="../../app/ui/reports/printing.py" line="44"/>
        <source>Không đọc được tệp báo cáo để in: {path}</source>
        <translation>Cannot read the report file to print: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/printing.py" line="69"/>
        <source>Không đọc được tệp để in: {path}</source>
        <translation>Cannot read the file to print: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/printing.py" line="117"/>
        <source>Không có trang nào để in.</source>
        <translation>There are no pages to print.</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/printing.py" line="125"/>
        <source>Không mở được máy in «{name}».</source>
        <translation>Cannot open the printer «{name}».</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/printing.py" line="159"/>
        <source>Không dựng được trang {page} để in.</source>
        <translation>Cannot render page {page} for printing.</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/printing.py" line="191"/>
        <source>In báo cáo</source>
        <translation>Print report</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/printing.py" line="201"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/printing.py" line="202"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/printing.py" line="214"/>
        <source>Đang in trang {done}/{total}…</source>
        <translation>Printing page {done}/{total}…</translation>
    </message>
</context>
<context>
    <name>ReportsMenu</name>
    <message>
        <location filename="../../app/ui/reports/menu.py" line="60"/>
        <source>&amp;Báo cáo</source>
        <translation>&amp;Reports</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/menu.py" line="67"/>
        <source>Sổ đăng ký văn bản &amp;đến…</source>
        <translation>&amp;Incoming documents register…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/menu.py" line="71"/>
        <source>Sổ đăng ký văn bản đ&amp;i…</source>
        <translation>&amp;Outgoing documents register…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/menu.py" line="75"/>
        <source>&amp;Thống kê…</source>
        <translation>&amp;Statistics…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/menu.py" line="105"/>
        <source>Chỉ văn thư in sổ đăng ký văn bản</source>
        <translation>Only clerks print document registers</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/menu.py" line="108"/>
        <source>Chỉ lãnh đạo và văn thư xem báo cáo thống kê</source>
        <translation>Only leaders and clerks see statistics reports</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/menu.py" line="128"/>
        <source>Chỉ văn thư in sổ đăng ký văn bản.</source>
        <translation>Only clerks print document registers.</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/menu.py" line="140"/>
        <source>Chỉ lãnh đạo và văn thư xem báo cáo thống kê.</source>
        <translation>Only leaders and clerks see statistics reports.</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../app/ui/signing/results_page.py" line="39"/>
        <source>Mở thư mục bản đã ký</source>
        <translation>Open the signed copies folder</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="44"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="51"/>
        <source>Tiếng Việt</source>
        <translation>Vietnamese</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="54"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="55"/>
        <source>Đổi ngôn ngữ có hiệu lực khi mở lại phần mềm.</source>
        <translation>A new language takes effect when the application restarts.</translation>
    </message>
    <message>
        <source>Địa chỉ trục liên thông</source>
        <translation type="vanished">Exchange platform address</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="57"/>
        <source>Để trống: SQLite trong thư mục dữ liệu</source>
        <translation>Empty: SQLite in the data folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="58"/>
        <source>Cơ sở dữ liệu</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="61"/>
        <source>Trình điều khiển token (mỗi dòng một tệp)</source>
        <translation>Token drivers (one file per line)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="63"/>
        <source>Ví dụ: QĐ, CT</source>
        <translation>For example: QĐ, CT</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="64"/>
        <source>Loại văn bản gửi kèm bản giấy</source>
        <translation>Kinds sent with a paper copy</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="65"/>
        <source>Nhập chứng thư gốc tin cậy…</source>
        <translation>Import trusted root certificates…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="102"/>
        <source>Chọn chứng thư gốc</source>
        <translation>Choose root certificates</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="104"/>
        <source>Chứng thư (*.cer *.crt *.pem *.der *.p7b)</source>
        <translation>Certificates (*.cer *.crt *.pem *.der *.p7b)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="116"/>
        <source>Đã thêm: {n}</source>
        <translation>Added: {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="118"/>
        <source>Đã có sẵn: {n}</source>
        <translation>Already present: {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="120"/>
        <source>Không nhận {file}: {reason}</source>
        <translation>Rejected {file}: {reason}</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="107"/>
        <source>Ký số {n} văn bản</source>
        <translation>Sign {n} documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="109"/>
        <source>Ký số văn bản — {name}</source>
        <translation>Sign document — {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="155"/>
        <source>Đăng xuất token</source>
        <translation>Sign out of token</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="157"/>
        <source>Ký {n} văn bản</source>
        <translation>Sign {n} documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="157"/>
        <source>Ký</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="162"/>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="163"/>
        <source>Tiếp tục</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="164"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="226"/>
        <source>Đang giữ đăng nhập: {labels}</source>
        <translation>Signed in to: {labels}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="270"/>
        <source>Đang ký tiếp…</source>
        <translation>Resuming signing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="270"/>
        <source>Đang ký…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="282"/>
        <source>Đang dừng sau văn bản hiện tại…</source>
        <translation>Stopping after the current document…</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="308"/>
        <source>Văn bản đã chuyển sang “Chờ phát hành”.</source>
        <translation>The document moved to “Awaiting issue”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="310"/>
        <source>Bản đã ký lưu tại: {folder}</source>
        <translation>Signed copies saved in: {folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="326"/>
        <source>Đã hủy: chưa ký văn bản nào.</source>
        <translation>Cancelled: no document was signed.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/sign_in.py" line="88"/>
        <location filename="../../app/ui/dialogs/sign_in.py" line="111"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sign_in.py" line="90"/>
        <source>Chọn tên của bạn để làm việc:</source>
        <translation>Pick your name to start working:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sign_in.py" line="94"/>
        <source>{name} — {role} ({position}, {unit})</source>
        <translation>{name} — {role} ({position}, {unit})</translation>
    </message>
</context>
<context>
    <name>SignOptionsPanel</name>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="42"/>
        <source>Cách ký</source>
        <translation>How to sign</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="46"/>
        <source>Có dấu thời gian (B-T) — khuyến nghị</source>
        <translation>With timestamp (B-T) — recommended</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="47"/>
        <source>Dài hạn (B-LT) — kèm thông tin thu hồi</source>
        <translation>Long-term (B-LT) — with revocation data</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="48"/>
        <source>Không dấu thời gian (B-B)</source>
        <translation>No timestamp (B-B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="52"/>
        <source>Địa chỉ máy chủ dấu thời gian</source>
        <translation>Timestamp server address</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="57"/>
        <source>Không dùng ảnh chữ ký</source>
        <translation>No signature image</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="63"/>
        <source>Mức ký:</source>
        <translation>Signature level:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="65"/>
        <source>Máy chủ dấu thời gian:</source>
        <translation>Timestamp server:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="67"/>
        <source>Ảnh chữ ký:</source>
        <translation>Signature image:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="71"/>
        <location filename="../../app/ui/signing/options_panel.py" line="79"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="72"/>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="78"/>
        <source>Lưu bản đã ký vào:</source>
        <translation>Save signed copies to:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="104"/>
        <source>Chữ ký không có dấu thời gian: thời điểm ký chỉ do máy tính này ghi, không được bên thứ ba xác nhận.</source>
        <translation>A signature without a timestamp: the signing time comes only from this computer&apos;s clock and is not confirmed by a third party.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="109"/>
        <source>Dấu thời gian chứng minh thời điểm ký. Nếu không kết nối được máy chủ dấu thời gian, văn bản vẫn được ký ngay (chưa có dấu thời gian) và sẽ được bổ sung tự động khi có mạng.</source>
        <translation>The timestamp proves when the document was signed. If the timestamp server cannot be reached, the document is still signed now (without a timestamp) and the timestamp is added automatically once the network is back.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="118"/>
        <source>Chọn ảnh chữ ký</source>
        <translation>Choose a signature image</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="118"/>
        <source>Ảnh PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="131"/>
        <source>Chọn thư mục lưu bản đã ký</source>
        <translation>Choose the folder for signed copies</translation>
    </message>
</context>
<context>
    <name>SignatureCard</name>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="60"/>
        <source>Chữ ký {n}: {verdict}</source>
        <translation>Signature {n}: {verdict}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="67"/>
        <source>Người ký: {name}</source>
        <translation>Signed by: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="68"/>
        <source>Ký với tư cách: {role}</source>
        <translation>Signed as: {role}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="69"/>
        <source>Thời điểm ký: {when}</source>
        <translation>Signed at: {when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="75"/>
        <source>Thay đổi sau khi ký:</source>
        <translation>Changes after signing:</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="76"/>
        <source>  • {line}</source>
        <translation>  • {line}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="78"/>
        <source>Không có thay đổi nào sau khi ký.</source>
        <translation>No changes after signing.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="83"/>
        <source>– {reason}</source>
        <translation>– {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="87"/>
        <source>Xem bản đã ký</source>
        <translation>Show signed version</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="90"/>
        <source>Mở đúng phiên bản tệp mà người này đã ký, trước mọi thay đổi sau đó</source>
        <translation>Open exactly the version this person signed, before any later change</translation>
    </message>
</context>
<context>
    <name>SignaturePanel</name>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="145"/>
        <source>Văn bản không có chữ ký số.</source>
        <translation>The document has no digital signature.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="149"/>
        <source>có chữ ký lãnh đạo</source>
        <translation>leader&apos;s signature present</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="151"/>
        <source>có chữ ký cơ quan</source>
        <translation>agency&apos;s signature present</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="153"/>
        <source>Kết quả kiểm tra: {verdict}{presence}</source>
        <translation>Result: {verdict}{presence}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="184"/>
        <source>Bản đã ký – {field}</source>
        <translation>Signed version – {field}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="195"/>
        <source>Không xem được bản đã ký</source>
        <translation>Cannot show the signed version</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <location filename="../../app/ui/signing/entry.py" line="87"/>
        <source>Chọn văn bản PDF để ký</source>
        <translation>Choose PDF documents to sign</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/entry.py" line="89"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/entry.py" line="169"/>
        <source>Ký số văn bản bằng USB token</source>
        <translation>Sign documents with a USB token</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/entry.py" line="171"/>
        <source>{title} — {name}</source>
        <translation>{title} — {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/entry.py" line="211"/>
        <source>Kiểm tra USB token</source>
        <translation>Check USB token</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/entry.py" line="217"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SigningResults</name>
    <message>
        <location filename="../../app/ui/signing/results.py" line="38"/>
        <source>Lỗi không rõ.</source>
        <translation>Unknown error.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="59"/>
        <source>Đang chờ</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="61"/>
        <source>Đã ký trước đó (không ký lại)</source>
        <translation>Already signed (not signed again)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="63"/>
        <source>Đã ký</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="65"/>
        <source>Chưa ký (đã dừng trước tệp này)</source>
        <translation>Not signed (stopped before this file)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="66"/>
        <source>Không ký được: {why}</source>
        <translation>Could not sign: {why}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="73"/>
        <source>{n} văn bản đã được ký nhưng CHƯA có dấu thời gian vì không kết nối được máy chủ dấu thời gian. Chữ ký vẫn hợp lệ; dấu thời gian sẽ được bổ sung tự động khi có mạng.</source>
        <translation>{n} document(s) signed but NOT yet timestamped: the timestamp server could not be reached. The signatures are valid; the timestamps are added automatically once the network is back.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="86"/>
        <source>Đã dừng: {why} Đã ký {signed}/{total} văn bản. Khắc phục rồi bấm “Tiếp tục” để ký các văn bản còn lại; văn bản đã ký sẽ không bị ký lại.</source>
        <translation>Stopped: {why} Signed {signed}/{total} documents. Fix the problem, then click “Resume” to sign the rest; signed documents are not signed again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="93"/>
        <source>Đã dừng theo yêu cầu: đã ký {signed}/{total} văn bản. Bấm “Tiếp tục” để ký các văn bản còn lại.</source>
        <translation>Stopped as asked: signed {signed}/{total} documents. Click “Resume” to sign the rest.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="100"/>
        <source>Đã ký {signed}/{total} văn bản; các văn bản lỗi được ghi trong bảng.</source>
        <translation>Signed {signed}/{total} documents; the failed ones are listed in the table.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="104"/>
        <source>Đã ký {signed} văn bản.</source>
        <translation>Signed {signed} document(s).</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="144"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="145"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="146"/>
        <source>Mức ký</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="147"/>
        <source>Dấu thời gian</source>
        <translation>Timestamp</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="160"/>
        <source>Bản đã ký: {path}</source>
        <translation>Signed copy: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="179"/>
        <source>Chờ dấu thời gian</source>
        <translation>Awaiting timestamp</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="181"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/results.py" line="183"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>SlipDialog</name>
    <message>
        <location filename="../../app/ui/reports/slip_dialog.py" line="26"/>
        <source>Phiếu giải quyết văn bản đến</source>
        <translation>Incoming document processing slip</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/slip_dialog.py" line="28"/>
        <source>Tạo lại</source>
        <translation>Rebuild</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/slip_dialog.py" line="29"/>
        <source>Tạo lại phiếu với tình hình xử lý mới nhất</source>
        <translation>Rebuild the slip with the latest handling progress</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <location filename="../../app/ui/reports/stats_dialog.py" line="27"/>
        <source>Báo cáo thống kê</source>
        <translation>Statistics report</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/stats_dialog.py" line="34"/>
        <source>Toàn cơ quan</source>
        <translation>Whole agency</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/stats_dialog.py" line="39"/>
        <source>dấu phẩy (,), số thập phân có dấu chấm</source>
        <translation>comma (,), decimal point</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/stats_dialog.py" line="40"/>
        <source>dấu chấm phẩy (;), số thập phân có dấu phẩy</source>
        <translation>semicolon (;), decimal comma</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/stats_dialog.py" line="42"/>
        <source>Excel cài đặt tiếng Việt thường cần dấu chấm phẩy để tách cột</source>
        <translation>Excel set up for Vietnamese usually needs semicolons between columns</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/stats_dialog.py" line="49"/>
        <source>Năm:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/stats_dialog.py" line="50"/>
        <source>Đơn vị:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/stats_dialog.py" line="51"/>
        <source>Tệp CSV:</source>
        <translation>CSV file:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/stats_dialog.py" line="53"/>
        <source>Lưu CSV…</source>
        <translation>Save CSV…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/stats_dialog.py" line="115"/>
        <source>Lưu số liệu thống kê (CSV)</source>
        <translation>Save statistics (CSV)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports/stats_dialog.py" line="116"/>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="118"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="128"/>
        <source>Chưa cấu hình địa chỉ trục liên thông (thiết lập {key})</source>
        <translation>No platform address configured (setting {key})</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="160"/>
        <source>Chờ gửi: {n}</source>
        <translation>Waiting: {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="164"/>
        <source>{n} phút</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="166"/>
        <source>{n} giờ</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="168"/>
        <source> (lâu nhất {age})</source>
        <translation> (oldest {age})</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="170"/>
        <source>Lỗi: {n}</source>
        <translation>Failed: {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="174"/>
        <source>chưa</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="176"/>
        <source>Đồng bộ lần cuối: {when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="182"/>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="182"/>
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>TokenDoctor</name>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="41"/>
        <source>Không tìm thấy trình điều khiển USB token nào trên máy này. Hãy cài phần mềm đi kèm USB token của nhà cung cấp chứng thư số (Viettel-CA, VNPT-CA, FPT-CA, BkavCA…), rồi bấm “Làm mới”.</source>
        <translation>No USB token driver was found on this computer. Install the software that came with the USB token from your certificate provider (Viettel-CA, VNPT-CA, FPT-CA, BkavCA…), then click “Refresh”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="45"/>
        <source>Chưa cắm USB token: trình điều khiển {name} không thấy token nào. Hãy cắm token vào cổng USB; danh sách tự cập nhật.</source>
        <translation>No USB token plugged in: the {name} driver sees no token. Plug the token into a USB port; the list updates by itself.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="48"/>
        <source>Trình điều khiển {name} không cùng kiến trúc 32/64-bit với ứng dụng: hãy cài đúng bản trình điều khiển của nhà cung cấp chứng thư số.</source>
        <translation>The {name} driver does not match the application&apos;s 32/64-bit architecture: install the right driver version from your certificate provider.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="51"/>
        <source>Không tìm thấy tệp trình điều khiển {name}: hãy cài lại phần mềm của USB token hoặc sửa đường dẫn trong cài đặt.</source>
        <translation>The {name} driver file was not found: reinstall the USB token software or fix the path in the settings.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="54"/>
        <source>Không có token trình diễn.</source>
        <translation>No demo token.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="55"/>
        <source>Không dùng được trình điều khiển {name}.</source>
        <translation>The {name} driver cannot be used.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="57"/>
        <source>“{label}” là token trình diễn — không phải token thật; mã PIN trình diễn được công bố công khai.</source>
        <translation>“{label}” is a demo token — not a real token; the demo PIN is public.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="60"/>
        <source>Không đọc được USB token “{label}”.</source>
        <translation>Cannot read USB token “{label}”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="62"/>
        <source>USB token “{label}” báo đã có lần nhập sai mã PIN: hãy nhập thật cẩn thận, token sẽ bị khóa nếu nhập sai quá số lần cho phép.</source>
        <translation>USB token “{label}” reports an earlier wrong PIN: type carefully, the token locks after too many wrong PINs.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="65"/>
        <source>USB token “{label}” chỉ còn một lần nhập mã PIN: ứng dụng sẽ không thử. Hãy liên hệ nhà cung cấp chứng thư số (CA).</source>
        <translation>USB token “{label}” has only one PIN try left: the application will not try. Contact your certificate provider (CA).</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="68"/>
        <source>USB token “{label}” đã bị khóa mã PIN: hãy liên hệ nhà cung cấp chứng thư số (CA) để mở khóa.</source>
        <translation>USB token “{label}” is PIN-locked: contact your certificate provider (CA) to unlock it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="71"/>
        <source>USB token “{label}” không có chứng thư số để ký.</source>
        <translation>USB token “{label}” has no signing certificate.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="73"/>
        <source>Sẵn sàng ký: {n} chứng thư số dùng được.</source>
        <translation>Ready to sign: {n} usable certificate(s).</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="75"/>
        <source>Chưa có chứng thư số nào dùng để ký được (xem các mục dưới đây).</source>
        <translation>No certificate can sign yet (see the items below).</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="77"/>
        <source>Chứng thư số của {cn} đã hết hạn ngày {date}: không ký được nữa; hãy gia hạn với nhà cung cấp chứng thư số.</source>
        <translation>The certificate of {cn} expired on {date}: it can no longer sign; renew it with your certificate provider.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="80"/>
        <source>Chứng thư số của {cn} chưa có hiệu lực.</source>
        <translation>The certificate of {cn} is not valid yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="82"/>
        <source>Chứng thư số của {cn} sẽ hết hạn sau {days} ngày (ngày {date}): hãy liên hệ nhà cung cấp để gia hạn.</source>
        <translation>The certificate of {cn} expires in {days} day(s) (on {date}): contact your provider to renew it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="85"/>
        <source>Chứng thư số của {cn} không dùng để ký số (chỉ dùng cho mục đích khác).</source>
        <translation>The certificate of {cn} is not for digital signing (it serves other purposes).</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="87"/>
        <source>Chứng thư của tổ chức cấp chứng thư số, không dùng để ký.</source>
        <translation>A certificate authority&apos;s certificate, not for signing.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="89"/>
        <source>Không có khóa bí mật cho chứng thư số của {cn} trên token.</source>
        <translation>No private key on the token for the certificate of {cn}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="94"/>
        <source>Đã hết hạn</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="95"/>
        <source>Chưa có hiệu lực</source>
        <translation>Not yet valid</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="96"/>
        <source>Không dùng để ký</source>
        <translation>Not for signing</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="97"/>
        <source>Chứng thư CA</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="98"/>
        <source>Không có khóa</source>
        <translation>No key</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="117"/>
        <source>chỉ định</source>
        <translation>specified</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="118"/>
        <source>theo cài đặt</source>
        <translation>from settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="119"/>
        <source>token trình diễn</source>
        <translation>demo token</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="120"/>
        <source>tìm thấy trên máy</source>
        <translation>found on this computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="185"/>
        <source>Dùng được</source>
        <translation>Usable</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="191"/>
        <source>Sắp hết hạn (còn {days} ngày)</source>
        <translation>Expires soon ({days} days left)</translation>
    </message>
</context>
<context>
    <name>TokenPanel</name>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="63"/>
        <source>&lt;b&gt;USB token và chứng thư số&lt;/b&gt;</source>
        <translation>&lt;b&gt;USB tokens and certificates&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="64"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="74"/>
        <source>Người ký (chứng thư số)</source>
        <translation>Signer (certificate)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="75"/>
        <source>Tổ chức cấp</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="76"/>
        <source>Hiệu lực đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="77"/>
        <location filename="../../app/ui/signing/token_panel.py" line="108"/>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="101"/>
        <source>Kiểm tra:</source>
        <translation>Checks:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="106"/>
        <source>Trình điều khiển</source>
        <translation>Driver</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="107"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="109"/>
        <source>Đường dẫn</source>
        <translation>Path</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="115"/>
        <source>Trình điều khiển đã xét:</source>
        <translation>Drivers checked:</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="136"/>
        <source>Đang tìm USB token…</source>
        <translation>Looking for USB tokens…</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="175"/>
        <source>Không liệt kê được USB token: {why}</source>
        <translation>Cannot list USB tokens: {why}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="199"/>
        <source>Đã tìm thấy {n} USB token.</source>
        <translation>USB tokens found: {n}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="201"/>
        <source>Chưa thấy USB token nào.</source>
        <translation>No USB token found yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="245"/>
        <source>Sẽ ký bằng: &lt;b&gt;{name}&lt;/b&gt; — USB token “{label}”</source>
        <translation>Will sign as: &lt;b&gt;{name}&lt;/b&gt; — USB token “{label}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="251"/>
        <source>Chưa chọn chứng thư số: bấm vào tên người ký trong danh sách.</source>
        <translation>No certificate chosen: click the signer&apos;s name in the list.</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_tree.py" line="39"/>
        <source>Đã có lần nhập sai PIN</source>
        <translation>Earlier wrong PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_tree.py" line="41"/>
        <source>Còn 1 lần nhập PIN</source>
        <translation>1 PIN try left</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_tree.py" line="42"/>
        <source>Đã khóa PIN</source>
        <translation>PIN locked</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_tree.py" line="46"/>
        <source>USB token “{label}”</source>
        <translation>USB token “{label}”</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_tree.py" line="48"/>
        <source>Demo — không phải token thật</source>
        <translation>Demo — not a real token</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_tree.py" line="51"/>
        <source>số sê-ri {serial}</source>
        <translation>serial number {serial}</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/token_tree.py" line="109"/>
        <source>{n} token</source>
        <translation>{n} token(s)</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <location filename="../../app/ui/notify.py" line="130"/>
        <source>Văn bản khẩn mới đến</source>
        <translation>New urgent incoming document</translation>
    </message>
    <message>
        <location filename="../../app/ui/notify.py" line="132"/>
        <source>{n} văn bản khẩn mới đến</source>
        <translation>{n} new urgent incoming documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/notify.py" line="136"/>
        <source>Văn bản đến mới</source>
        <translation>New incoming document</translation>
    </message>
    <message>
        <location filename="../../app/ui/notify.py" line="136"/>
        <source>{n} văn bản đến mới</source>
        <translation>{n} new incoming documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/notify.py" line="140"/>
        <source>Văn bản đến hạn xử lý hôm nay</source>
        <translation>Incoming document due today</translation>
    </message>
    <message>
        <location filename="../../app/ui/notify.py" line="142"/>
        <source>{n} văn bản đến hạn xử lý hôm nay</source>
        <translation>{n} incoming documents due today</translation>
    </message>
    <message>
        <location filename="../../app/ui/notify.py" line="146"/>
        <source>… và {n} văn bản khác</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <location filename="../../app/ui/notify.py" line="151"/>
        <source>{code} — {subject}</source>
        <translation>{code} — {subject}</translation>
    </message>
    <message>
        <location filename="../../app/ui/notify.py" line="154"/>
        <source>[{urgency}] {line}</source>
        <translation>[{urgency}] {line}</translation>
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="30"/>
        <source>Hợp lệ</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="31"/>
        <source>Hợp lệ – có thay đổi được phép sau khi ký</source>
        <translation>Valid – allowed changes after signing</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="34"/>
        <source>Cần xem xét</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="35"/>
        <source>Không hợp lệ</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="36"/>
        <source>Không kiểm tra được</source>
        <translation>Cannot verify</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="44"/>
        <source>Cá nhân (lãnh đạo, người có thẩm quyền)</source>
        <translation>Person (leader, authorised signer)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="45"/>
        <source>Cơ quan, tổ chức (con dấu số)</source>
        <translation>Agency (digital seal)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="46"/>
        <source>Dấu thời gian tài liệu</source>
        <translation>Document timestamp</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="47"/>
        <source>Không xác định</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="54"/>
        <source>theo dấu thời gian của tổ chức cấp dấu thời gian (TSA) – tin cậy</source>
        <translation>from the timestamp authority&apos;s token (TSA) – trusted</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="57"/>
        <source>theo dấu thời gian tài liệu – tin cậy</source>
        <translation>from a document timestamp – trusted</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="58"/>
        <source>theo lúc phần mềm nhận và kiểm tra lần đầu</source>
        <translation>when this software first received and verified it</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="59"/>
        <source>theo đồng hồ máy người ký – không được bảo đảm</source>
        <translation>from the signer&apos;s computer clock – not guaranteed</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="60"/>
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="67"/>
        <source>Chứng thư chưa bị thu hồi</source>
        <translation>Certificate not revoked</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="68"/>
        <source>Chứng thư ĐÃ BỊ THU HỒI</source>
        <translation>Certificate REVOKED</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="69"/>
        <source>Chứng thư bị thu hồi sau thời điểm ký</source>
        <translation>Certificate revoked after signing</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="70"/>
        <source>Chưa kiểm tra được thu hồi (ngoại tuyến) – sẽ kiểm tra lại</source>
        <translation>Revocation not checked yet (offline) – will check again</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="73"/>
        <source>Không xác định được tình trạng thu hồi</source>
        <translation>Revocation status unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="74"/>
        <source>Không kiểm tra thu hồi</source>
        <translation>Revocation not checked</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="81"/>
        <source>Điền trường</source>
        <translation>Field filled</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="82"/>
        <source>Thêm chữ ký</source>
        <translation>Signature added</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="83"/>
        <source>Thêm dấu thời gian</source>
        <translation>Timestamp added</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="84"/>
        <source>Bổ sung dữ liệu kiểm tra dài hạn (LTV) sau khi ký</source>
        <translation>Long-term validation (LTV) data added after signing</translation>
    </message>
    <message>
        <source>Bổ sung dữ liệu kiểm tra dài hạn</source>
        <translation type="vanished">Long-term validation data added</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="85"/>
        <source>Cập nhật thông tin mô tả</source>
        <translation>Metadata updated</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="86"/>
        <source>Thay đổi khác</source>
        <translation>Other change</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="95"/>
        <source>(không đọc được tên người ký)</source>
        <translation>(signer&apos;s name unreadable)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="102"/>
        <source>Không rõ thời điểm ký</source>
        <translation>Signing time unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="103"/>
        <source>{time}, {source}</source>
        <translation>{time}, {source}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="119"/>
        <source>Tin cậy: chứng thư do {issuer} cấp, chuỗi đến {anchor}</source>
        <translation>Trusted: certificate issued by {issuer}, chained to {anchor}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="122"/>
        <source>Không tin cậy: chứng thư do {issuer} cấp không thuộc danh sách tin cậy</source>
        <translation>Not trusted: the certificate issued by {issuer} is not in the trust list</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="136"/>
        <source>{what}: «{name}» = «{value}»</source>
        <translation>{what}: «{name}» = «{value}»</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="142"/>
        <source>{what}: «{name}»</source>
        <translation>{what}: «{name}»</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="150"/>
        <source>Trường «{name}» đổi thành «{value}»</source>
        <translation>Field «{name}» changed to «{value}»</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <location filename="../../app/ui/application.py" line="174"/>
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="22"/>
        <source>Đã xảy ra lỗi không mong đợi. Hãy thử lại; nếu lỗi lặp lại, hãy gửi tệp nhật ký cho bộ phận hỗ trợ.</source>
        <translation>An unexpected error occurred. Try again; if it happens again, send the log file to support.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="28"/>
        <source>Nhật ký: {path}</source>
        <translation>Log: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="39"/>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="41"/>
        <source>Lỗi không mong đợi</source>
        <translation>Unexpected error</translation>
    </message>
</context>
</TS>
