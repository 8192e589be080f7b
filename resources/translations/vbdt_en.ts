<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../app/ui/document/action_bar.py" line="54" />
        <location filename="../../app/ui/document/action_bar.py" line="64" />
        <source>Chưa làm được từ đây: thiếu {service}</source>
        <translation>Not available here yet: missing {service}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/action_bar.py" line="60" />
        <source>Ký bằng USB token…</source>
        <translation>Sign with USB token…</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/action_bar.py" line="70" />
        <source>Duyệt dự thảo đã ký bằng công cụ khác hoặc ký tay trên giấy</source>
        <translation>Approve a draft signed with another tool or by hand on paper</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="86" />
        <source>Phân công xử lý</source>
        <translation>Assign for handling</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="92" />
        <source>Chủ trì</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="99" />
        <source>Phối hợp</source>
        <translation>Co-handlers</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="105" />
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="113" />
        <source>Ý kiến chỉ đạo</source>
        <translation>Directing opinion</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="123" />
        <source>{name} – {unit}</source>
        <translation>{name} – {unit}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="128" />
        <source>{days} ngày làm việc</source>
        <translation>{days} working days</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/action_forms.py" line="130" />
        <source> — ngày nghỉ, nên chọn ngày làm việc</source>
        <translation> — a day off, pick a working day</translation>
    </message>
</context>
<context>
    <name>BatchReview</name>
    <message>
        <location filename="../../app/ui/signing/batch_review.py" line="139" />
        <source>Chưa xác định được chỗ ký</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/batch_review.py" line="142" />
        <source>Văn bản không có trang {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/batch_review.py" line="148" />
        <source>Trang {n}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../../app/ui/document/actions.py" line="38" />
        <source>Trình ký</source>
        <translation>Submit for signature</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="39" />
        <source>Trả lại dự thảo</source>
        <translation>Return draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="40" />
        <source>Duyệt</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="41" />
        <source>Phát hành</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="42" />
        <source>Gửi</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="43" />
        <source>Hủy phát hành</source>
        <translation>Cancel issue</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="44" />
        <source>Thu hồi</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="45" />
        <source>Cập nhật</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="46" />
        <source>Thay thế</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="47" />
        <source>Kiểm tra lại chữ ký</source>
        <translation>Verify signatures again</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="48" />
        <source>Trả lại nơi gửi</source>
        <translation>Return to sender</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="49" />
        <location filename="../../app/ui/document/actions.py" line="224" />
        <source>Vào sổ</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="50" />
        <source>Phân công</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="51" />
        <source>Bắt đầu xử lý</source>
        <translation>Start handling</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="52" />
        <source>Cập nhật tiến độ</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="53" />
        <source>Hoàn thành</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="54" />
        <source>Đồng ý thu hồi</source>
        <translation>Agree to recall</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="55" />
        <source>Từ chối thu hồi</source>
        <translation>Refuse recall</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="56" />
        <source>Đã gửi bản giấy</source>
        <translation>Paper copy sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="116" />
        <source>Lý do trả lại văn bản cho nơi gửi:</source>
        <translation>Why is the document returned to its sender?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="124" />
        <source>Đồng ý cho nơi gửi thu hồi văn bản này?</source>
        <translation>Let the sender recall this document?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="128" />
        <source>Lý do từ chối thu hồi:</source>
        <translation>Why is the recall refused?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="135" />
        <source>Trình dự thảo này lên lãnh đạo ký?</source>
        <translation>Submit this draft to the leader for signature?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="138" />
        <source>Lý do trả lại dự thảo:</source>
        <translation>Why is the draft returned?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="142" />
        <source>Duyệt dự thảo này? (Dùng khi văn bản đã được ký bằng công cụ khác hoặc ký tay trên giấy.)</source>
        <translation>Approve this draft? (For a document signed with another tool or by hand on paper.)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="149" />
        <source>Lý do hủy văn bản đã phát hành:</source>
        <translation>Why is the issued document cancelled?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="152" />
        <source>Lý do thu hồi văn bản:</source>
        <translation>Why is the document recalled?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="156" />
        <source>Xác nhận đã gửi bản giấy của văn bản này?</source>
        <translation>Confirm that the paper copy of this document was sent?</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="190" />
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="198" />
        <source>Nhập lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="208" />
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="209" />
        <source>Ghi chú tiến độ (có thể để trống):</source>
        <translation>Progress note (optional):</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/actions.py" line="219" />
        <source>Vào sổ văn bản đến với số đến {number}?
(Nếu văn thư khác vào sổ cùng lúc, số thực tế có thể lớn hơn.)</source>
        <translation>Register the incoming document as number {number}?
(If another clerk registers at the same time, the actual number may be higher.)</translation>
    </message>
</context>
<context>
    <name>DocumentHistory</name>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="52" />
        <source>Nhận văn bản</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="53" />
        <source>Soạn dự thảo</source>
        <translation>Drafted</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="54" />
        <source>Tạo văn bản</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <location filename="../../app/ui/panels/document_list.py" line="56" />
        <source>Tìm kiếm…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/document_list.py" line="57" />
        <source>Tìm theo số/ký hiệu, trích yếu, nơi gửi (Ctrl+F)</source>
        <translation>Search by number/code, subject, sender (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/document_list.py" line="185" />
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/document_list.py" line="187" />
        <source>Không có văn bản nào khớp với “{query}”.</source>
        <translation>No document matches “{query}”.</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/document_list.py" line="191" />
        <source>Không có văn bản nào trong mục này.</source>
        <translation>No documents here.</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="138" />
        <source>Số/ký hiệu</source>
        <translation>Number/code</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="139" />
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="140" />
        <source>Nơi gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="141" />
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="142" />
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="143" />
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/tablemodels/documents.py" line="144" />
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>DocumentWindow</name>
    <message>
        <location filename="../../app/ui/document/view.py" line="75" />
        <source>Lưu báo cáo kiểm tra…</source>
        <translation>Save verification report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="90" />
        <source>Thông tin</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="91" />
        <source>Chữ ký số</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="92" />
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="107" />
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="125" />
        <source>{code} — {subject}</source>
        <translation>{code} — {subject}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="127" />
        <source>Văn bản {code}</source>
        <translation>Document {code}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="132" />
        <source>Văn bản không có tệp PDF chính.</source>
        <translation>The document has no main PDF file.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="139" />
        <source>Đang kiểm tra chữ ký số…</source>
        <translation>Verifying signatures…</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="156" />
        <source>Không kiểm tra được chữ ký số.</source>
        <translation>Signatures could not be verified.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="170" />
        <source>Lưu báo cáo kiểm tra</source>
        <translation>Save verification report</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="170" />
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/view.py" line="191" />
        <source>Đã lưu báo cáo: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="50" />
        <source>Văn bản đi mới</source>
        <translation>New outgoing document</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="53" />
        <source>Tệp PDF</source>
        <translation>PDF file</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="58" />
        <source>Loại văn bản</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="60" />
        <source>Viết tắt đơn vị soạn thảo, ví dụ VP (công văn)</source>
        <translation>Drafting unit abbreviation, e.g. VP (official letters)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="61" />
        <source>Đơn vị soạn thảo</source>
        <translation>Drafting unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="64" />
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="72" />
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="75" />
        <source>Độ khẩn</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="79" />
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="80" />
        <source>Gửi kèm bản giấy</source>
        <translation>Send a paper copy too</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="82" />
        <source>Chưa làm được từ đây: thiếu {service}</source>
        <translation>Not available here yet: missing {service}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="86" />
        <source>Đề nghị trả lời trước ngày</source>
        <translation>Reply requested by</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/draft_form.py" line="96" />
        <source>Tạo dự thảo</source>
        <translation>Create draft</translation>
    </message>
</context>
<context>
    <name>HistoryList</name>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="161" />
        <source>Thời điểm</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="161" />
        <source>Người thực hiện</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="161" />
        <source>Việc</source>
        <translation>What</translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="69" />
        <source>Loại văn bản</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="70" />
        <source>Số/ký hiệu</source>
        <translation>Number/code</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="71" />
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="72" />
        <source>Nơi gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="73" />
        <source>Ngày ban hành</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="74" />
        <source>Số đến / sổ</source>
        <translation>Incoming number</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="75" />
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="76" />
        <source>Hạn xử lý</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="77" />
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="78" />
        <source>Phân công</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="84" />
        <source>Độ khẩn, độ mật</source>
        <translation>Urgency, secrecy</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="98" />
        <source>(văn bản đi của cơ quan)</source>
        <translation>(our outgoing document)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="99" />
        <location filename="../../app/ui/document/info_panel.py" line="111" />
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="102" />
        <source>Số {number}, vào sổ {when}</source>
        <translation>No. {number}, registered {when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="107" />
        <source>chưa vào sổ</source>
        <translation>not registered</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="128" />
        <source>không có</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="134" />
        <source>{when} — quá hạn</source>
        <translation>{when} — overdue</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="137" />
        <source>{when} — hết hạn hôm nay</source>
        <translation>{when} — due today</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="144" />
        <source>chưa phân công</source>
        <translation>not assigned</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="146" />
        <source>Chủ trì: {lead}</source>
        <translation>Lead: {lead}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="148" />
        <source>; phối hợp: {co}</source>
        <translation>; co-handlers: {co}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/info_panel.py" line="150" />
        <source>
Ý kiến chỉ đạo: {opinion}</source>
        <translation>
Directing opinion: {opinion}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="118" />
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="120" />
        <source>Chưa kết nối trục liên thông</source>
        <translation>Not connected to the exchange platform</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="130" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="131" />
        <source>&amp;Văn bản đi mới từ PDF…</source>
        <translation>&amp;New outgoing document from PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="135" />
        <source>Đổi người &amp;dùng…</source>
        <translation>Switch &amp;user…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="138" />
        <source>&amp;Cài đặt…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="142" />
        <source>Th&amp;oát</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="148" />
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="149" />
        <source>&amp;Làm mới</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153" />
        <source>&amp;Tìm kiếm</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160" />
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="161" />
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178" />
        <source>&amp;Ký văn bản PDF…</source>
        <translation>&amp;Sign PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="181" />
        <source>Kiểm tra &amp;USB token…</source>
        <translation>Check &amp;USB token…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="183" />
        <source>&amp;Ký số</source>
        <translation>&amp;Signing</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201" />
        <source>Người dùng: {name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="206" />
        <source>Chỉ chuyên viên soạn dự thảo</source>
        <translation>Only specialists write drafts</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="212" />
        <source>Chọn tệp PDF dự thảo</source>
        <translation>Choose the draft PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="212" />
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="292" />
        <source>Không tải được dữ liệu.</source>
        <translation>Could not load data.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="303" />
        <source>{app} — {agency}</source>
        <translation>{app} — {agency}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="305" />
        <source>{title} (trình diễn)</source>
        <translation>{title} (demo)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="315" />
        <source>{queue}: đang tải…</source>
        <translation>{queue}: loading…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="319" />
        <source>{queue}: {total} văn bản</source>
        <translation>{queue}: {total} documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="321" />
        <source>{queue}: hiển thị {shown}/{total} văn bản</source>
        <translation>{queue}: showing {shown}/{total} documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="328" />
        <source>{app}
Phiên bản {version}

Quản lý văn bản điện tử, ký số bằng USB token và liên thông văn bản.

Thư mục dữ liệu: {data_dir}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="332" />
        <source>Giới thiệu {app}</source>
        <translation>About {app}</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="68" />
        <source>‹ Trang trước</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="68" />
        <source>Trang trước (PgUp)</source>
        <translation>Previous page (PgUp)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="69" />
        <source>Trang sau ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="69" />
        <source>Trang sau (PgDn)</source>
        <translation>Next page (PgDn)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="71" />
        <source>Thu nhỏ (Ctrl −)</source>
        <translation>Zoom out (Ctrl −)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="73" />
        <source>Phóng to (Ctrl +)</source>
        <translation>Zoom in (Ctrl +)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="74" />
        <source>Cả trang</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="74" />
        <source>Xem cả trang (Ctrl 0)</source>
        <translation>Whole page (Ctrl 0)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="75" />
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="75" />
        <source>Vừa chiều rộng khung xem</source>
        <translation>Fit the view width</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="122" />
        <source>Đang mở tệp…</source>
        <translation>Opening file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="145" />
        <source>Không tìm thấy hoặc không đọc được tệp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="146" />
        <source>Tệp không phải PDF hoặc đã bị hỏng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="147" />
        <source>Tệp PDF có mật khẩu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="148" />
        <source>Tệp PDF được mã hóa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="150" />
        <source>Không hiển thị được tệp PDF.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="161" />
        <source>Trang {page}/{count}</source>
        <translation>Page {page}/{count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf/preview.py" line="165" />
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="61" />
        <source>Mã PIN USB token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="72" />
        <source>Nhập mã PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="73" />
        <source>Mã PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="75" />
        <source>Giữ đăng nhập đến khi đóng cửa sổ (không phải nhập lại)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="80" />
        <source>Ứng dụng không lưu mã PIN: chỉ giữ phiên đăng nhập với token cho đến khi bạn đăng xuất hoặc đóng cửa sổ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="85" />
        <source>Mã PIN:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="89" />
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="90" />
        <location filename="../../app/ui/signing/pin_dialog.py" line="161" />
        <source>Hủy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="102" />
        <source>USB token: &lt;b&gt;{label}&lt;/b&gt;&lt;br&gt;Số sê-ri: {serial}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="109" />
        <source>Chứng thư số: {subject}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="112" />
        <source>Demo — không phải token thật</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="121" />
        <source>Nhập mã PIN trên bàn phím của đầu đọc.
Cửa sổ này tự đóng khi xong.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="125" />
        <source>Token báo đã có lần nhập sai mã PIN. Hãy nhập thật cẩn thận: token sẽ bị khóa nếu nhập sai quá số lần cho phép.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="129" />
        <source>Máy này đã ghi nhận {n} lần nhập sai liên tiếp.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="135" />
        <source>Token chỉ còn MỘT lần nhập mã PIN: nhập sai lần nữa token sẽ bị khóa. Ứng dụng không cho thử để bảo vệ token. Hãy liên hệ nhà cung cấp chứng thư số (CA) để được hỗ trợ.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="142" />
        <source>Token đã bị khóa do nhập sai mã PIN quá số lần cho phép. Không thể ký bằng token này; hãy liên hệ nhà cung cấp chứng thư số (CA) để mở khóa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="150" />
        <source>Khóa này yêu cầu nhập mã PIN cho mỗi lần ký.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/pin_dialog.py" line="161" />
        <source>Đóng</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PlacementPanel</name>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="56" />
        <source>Xem lại vị trí chữ ký trên từng văn bản (bấm vào một trang để xem lớn):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="61" />
        <source>Vị trí tự động</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="62" />
        <source>Bỏ vị trí đã kéo; ký vào chỗ ký có sẵn của văn bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="86" />
        <source>Đang xác định vị trí chữ ký…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="112" />
        <source>Không đọc được văn bản: {why}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="137" />
        <source>Chưa xác định được chỗ ký.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="140" />
        <source>Dấu cơ quan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="140" />
        <source>Chữ ký</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="152" />
        <source>Ký vào ô chữ ký có sẵn trong văn bản.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="153" />
        <source>Ký phía trên tên người ký (tự động).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="154" />
        <source>Vị trí đã dùng lần trước cho loại văn bản này.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="156" />
        <source>Không tìm thấy chỗ ký trong văn bản: hãy kéo khung vào đúng chỗ (kéo góc để đổi cỡ).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="159" />
        <source>Vị trí bạn chọn (được ghi nhớ cho loại văn bản này).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="161" />
        <source>Trang {n}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/placement_panel.py" line="163" />
        <source>Vị trí này áp dụng cho mọi văn bản trong lô.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QtPinPrompter</name>
    <message>
        <location filename="../../app/ui/signing/qt_prompter.py" line="186" />
        <source>Nhập lại mã PIN?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/qt_prompter.py" line="188" />
        <source>Vẫn thử lại</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/qt_prompter.py" line="189" />
        <source>Không</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/qt_prompter.py" line="223" />
        <source>USB token</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QueueSidebar</name>
    <message>
        <location filename="../../app/ui/panels/sidebar.py" line="23" />
        <source>Danh sách hàng đợi văn bản</source>
        <translation>Document queues</translation>
    </message>
    <message>
        <location filename="../../app/ui/panels/sidebar.py" line="41" />
        <location filename="../../app/ui/panels/sidebar.py" line="64" />
        <source>{label} ({count})</source>
        <translation>{label} ({count})</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../app/ui/signing/results_page.py" line="39" />
        <source>Mở thư mục bản đã ký</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="39" />
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="44" />
        <source>Tiếng Việt</source>
        <translation>Vietnamese</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="47" />
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="48" />
        <source>Đổi ngôn ngữ có hiệu lực khi mở lại phần mềm.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="50" />
        <source>Địa chỉ trục liên thông</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="52" />
        <source>Để trống: SQLite trong thư mục dữ liệu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="53" />
        <source>Cơ sở dữ liệu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="56" />
        <source>Trình điều khiển token (mỗi dòng một tệp)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="58" />
        <source>Ví dụ: QĐ, CT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="59" />
        <source>Loại văn bản gửi kèm bản giấy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="60" />
        <source>Nhập chứng thư gốc tin cậy…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="90" />
        <source>Chọn chứng thư gốc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="92" />
        <source>Chứng thư (*.cer *.crt *.pem *.der *.p7b)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="101" />
        <source>Đã thêm: {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="103" />
        <source>Đã có sẵn: {n}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="105" />
        <source>Không nhận {file}: {reason}</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="80" />
        <source>Ký số {n} văn bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="82" />
        <source>Ký số văn bản — {name}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="118" />
        <source>Đăng xuất token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="120" />
        <source>Ký {n} văn bản</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="120" />
        <source>Ký</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="125" />
        <source>Dừng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="126" />
        <source>Tiếp tục</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="127" />
        <source>Đóng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="186" />
        <source>Đang giữ đăng nhập: {labels}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="230" />
        <source>Đang ký tiếp…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="230" />
        <source>Đang ký…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="239" />
        <source>Đang dừng sau văn bản hiện tại…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="265" />
        <source>Bản đã ký lưu tại: {folder}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/sign_dialog.py" line="281" />
        <source>Đã hủy: chưa ký văn bản nào.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/sign_in.py" line="78" />
        <location filename="../../app/ui/dialogs/sign_in.py" line="101" />
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sign_in.py" line="80" />
        <source>Chọn tên của bạn để làm việc:</source>
        <translation>Pick your name to start working:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sign_in.py" line="84" />
        <source>{name} — {role} ({position}, {unit})</source>
        <translation>{name} — {role} ({position}, {unit})</translation>
    </message>
</context>
<context>
    <name>SignOptionsPanel</name>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="38" />
        <source>Cách ký</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="41" />
        <source>Có dấu thời gian (B-T) — khuyến nghị</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="42" />
        <source>Dài hạn (B-LT) — kèm thông tin thu hồi</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="43" />
        <source>Không dấu thời gian (B-B)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="47" />
        <source>Địa chỉ máy chủ dấu thời gian</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="52" />
        <source>Không dùng ảnh chữ ký</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="58" />
        <source>Mức ký:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="60" />
        <source>Máy chủ dấu thời gian:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="62" />
        <source>Ảnh chữ ký:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="66" />
        <location filename="../../app/ui/signing/options_panel.py" line="73" />
        <source>Chọn…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="67" />
        <source>Bỏ</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="72" />
        <source>Lưu bản đã ký vào:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="96" />
        <source>Chữ ký không có dấu thời gian: thời điểm ký chỉ do máy tính này ghi, không được bên thứ ba xác nhận.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="101" />
        <source>Dấu thời gian chứng minh thời điểm ký. Nếu không kết nối được máy chủ dấu thời gian, văn bản vẫn được ký ngay (chưa có dấu thời gian) và sẽ được bổ sung tự động khi có mạng.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="110" />
        <source>Chọn ảnh chữ ký</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="110" />
        <source>Ảnh PNG (*.png)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/options_panel.py" line="123" />
        <source>Chọn thư mục lưu bản đã ký</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignatureCard</name>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="60" />
        <source>Chữ ký {n}: {verdict}</source>
        <translation>Signature {n}: {verdict}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="67" />
        <source>Người ký: {name}</source>
        <translation>Signed by: {name}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="68" />
        <source>Ký với tư cách: {role}</source>
        <translation>Signed as: {role}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="69" />
        <source>Thời điểm ký: {when}</source>
        <translation>Signed at: {when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="75" />
        <source>Thay đổi sau khi ký:</source>
        <translation>Changes after signing:</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="76" />
        <source>  • {line}</source>
        <translation>  • {line}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="78" />
        <source>Không có thay đổi nào sau khi ký.</source>
        <translation>No changes after signing.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="83" />
        <source>– {reason}</source>
        <translation>– {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="87" />
        <source>Xem bản đã ký</source>
        <translation>Show signed version</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="90" />
        <source>Mở đúng phiên bản tệp mà người này đã ký, trước mọi thay đổi sau đó</source>
        <translation>Open exactly the version this person signed, before any later change</translation>
    </message>
</context>
<context>
    <name>SignaturePanel</name>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="145" />
        <source>Văn bản không có chữ ký số.</source>
        <translation>The document has no digital signature.</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="149" />
        <source>có chữ ký lãnh đạo</source>
        <translation>leader's signature present</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="151" />
        <source>có chữ ký cơ quan</source>
        <translation>agency's signature present</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="153" />
        <source>Kết quả kiểm tra: {verdict}{presence}</source>
        <translation>Result: {verdict}{presence}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="184" />
        <source>Bản đã ký – {field}</source>
        <translation>Signed version – {field}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/signature_panel.py" line="195" />
        <source>Không xem được bản đã ký</source>
        <translation>Cannot show the signed version</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <location filename="../../app/ui/signing/entry.py" line="70" />
        <source>Chọn văn bản PDF để ký</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/entry.py" line="72" />
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/signing/entry.py" line="119" />
        <source>Kiểm tra USB token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/entry.py" line="125" />
        <source>Đóng</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="52" />
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="62" />
        <source>Chưa cấu hình địa chỉ trục liên thông (thiết lập {key})</source>
        <translation>No platform address configured (setting {key})</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="81" />
        <source>Chờ gửi: {n}</source>
        <translation>Waiting: {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="85" />
        <source>{n} phút</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="87" />
        <source>{n} giờ</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="89" />
        <source> (lâu nhất {age})</source>
        <translation> (oldest {age})</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="91" />
        <source>Lỗi: {n}</source>
        <translation>Failed: {n}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="92" />
        <source>chưa</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="93" />
        <source>Đồng bộ lần cuối: {when}</source>
        <translation>Last sync: {when}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="99" />
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/sync_status.py" line="99" />
        <source>Ngoại tuyến</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>TokenDoctor</name>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="41" />
        <source>Không tìm thấy trình điều khiển USB token nào trên máy này. Hãy cài phần mềm đi kèm USB token của nhà cung cấp chứng thư số (Viettel-CA, VNPT-CA, FPT-CA, BkavCA…), rồi bấm “Làm mới”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="45" />
        <source>Chưa cắm USB token: trình điều khiển {name} không thấy token nào. Hãy cắm token vào cổng USB; danh sách tự cập nhật.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="48" />
        <source>Trình điều khiển {name} không cùng kiến trúc 32/64-bit với ứng dụng: hãy cài đúng bản trình điều khiển của nhà cung cấp chứng thư số.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="51" />
        <source>Không tìm thấy tệp trình điều khiển {name}: hãy cài lại phần mềm của USB token hoặc sửa đường dẫn trong cài đặt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="54" />
        <source>Không có token trình diễn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="55" />
        <source>Không dùng được trình điều khiển {name}.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="57" />
        <source>“{label}” là token trình diễn — không phải token thật; mã PIN trình diễn được công bố công khai.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="60" />
        <source>Không đọc được USB token “{label}”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="62" />
        <source>USB token “{label}” báo đã có lần nhập sai mã PIN: hãy nhập thật cẩn thận, token sẽ bị khóa nếu nhập sai quá số lần cho phép.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="65" />
        <source>USB token “{label}” chỉ còn một lần nhập mã PIN: ứng dụng sẽ không thử. Hãy liên hệ nhà cung cấp chứng thư số (CA).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="68" />
        <source>USB token “{label}” đã bị khóa mã PIN: hãy liên hệ nhà cung cấp chứng thư số (CA) để mở khóa.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="71" />
        <source>USB token “{label}” không có chứng thư số để ký.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="73" />
        <source>Sẵn sàng ký: {n} chứng thư số dùng được.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="75" />
        <source>Chưa có chứng thư số nào dùng để ký được (xem các mục dưới đây).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="77" />
        <source>Chứng thư số của {cn} đã hết hạn ngày {date}: không ký được nữa; hãy gia hạn với nhà cung cấp chứng thư số.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="80" />
        <source>Chứng thư số của {cn} chưa có hiệu lực.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="82" />
        <source>Chứng thư số của {cn} sẽ hết hạn sau {days} ngày (ngày {date}): hãy liên hệ nhà cung cấp để gia hạn.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="85" />
        <source>Chứng thư số của {cn} không dùng để ký số (chỉ dùng cho mục đích khác).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="87" />
        <source>Chứng thư của tổ chức cấp chứng thư số, không dùng để ký.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="89" />
        <source>Không có khóa bí mật cho chứng thư số của {cn} trên token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="94" />
        <source>Đã hết hạn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="95" />
        <source>Chưa có hiệu lực</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="96" />
        <source>Không dùng để ký</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="97" />
        <source>Chứng thư CA</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="98" />
        <source>Không có khóa</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="117" />
        <source>chỉ định</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="118" />
        <source>theo cài đặt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="119" />
        <source>token trình diễn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/diagnosis.py" line="120" />
        <source>tìm thấy trên máy</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TokenPanel</name>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="63" />
        <source>&lt;b&gt;USB token và chứng thư số&lt;/b&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="64" />
        <source>Làm mới</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="74" />
        <source>Người ký (chứng thư số)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="75" />
        <source>Tổ chức cấp</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="76" />
        <source>Hiệu lực đến</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="77" />
        <location filename="../../app/ui/signing/token_panel.py" line="108" />
        <source>Tình trạng</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="101" />
        <source>Kiểm tra:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="106" />
        <source>Trình điều khiển</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="107" />
        <source>Nguồn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="109" />
        <source>Đường dẫn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="115" />
        <source>Trình điều khiển đã xét:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="136" />
        <source>Đang tìm USB token…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="175" />
        <source>Không liệt kê được USB token: {why}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="199" />
        <source>Đã tìm thấy {n} USB token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="201" />
        <source>Chưa thấy USB token nào.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="245" />
        <source>Sẽ ký bằng: &lt;b&gt;{name}&lt;/b&gt; — USB token “{label}”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../app/ui/signing/token_panel.py" line="251" />
        <source>Chưa chọn chứng thư số: bấm vào tên người ký trong danh sách.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VerdictText</name>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="30" />
        <source>Hợp lệ</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="31" />
        <source>Hợp lệ – có thay đổi được phép sau khi ký</source>
        <translation>Valid – allowed changes after signing</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="34" />
        <source>Cần xem xét</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="35" />
        <source>Không hợp lệ</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="36" />
        <source>Không kiểm tra được</source>
        <translation>Cannot verify</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="44" />
        <source>Cá nhân (lãnh đạo, người có thẩm quyền)</source>
        <translation>Person (leader, authorised signer)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="45" />
        <source>Cơ quan, tổ chức (con dấu số)</source>
        <translation>Agency (digital seal)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="46" />
        <source>Dấu thời gian tài liệu</source>
        <translation>Document timestamp</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="47" />
        <source>Không xác định</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="54" />
        <source>theo dấu thời gian của tổ chức cấp dấu thời gian (TSA) – tin cậy</source>
        <translation>from the timestamp authority's token (TSA) – trusted</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="57" />
        <source>theo dấu thời gian tài liệu – tin cậy</source>
        <translation>from a document timestamp – trusted</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="58" />
        <source>theo lúc phần mềm nhận và kiểm tra lần đầu</source>
        <translation>when this software first received and verified it</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="59" />
        <source>theo đồng hồ máy người ký – không được bảo đảm</source>
        <translation>from the signer's computer clock – not guaranteed</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="60" />
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="67" />
        <source>Chứng thư chưa bị thu hồi</source>
        <translation>Certificate not revoked</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="68" />
        <source>Chứng thư ĐÃ BỊ THU HỒI</source>
        <translation>Certificate REVOKED</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="69" />
        <source>Chứng thư bị thu hồi sau thời điểm ký</source>
        <translation>Certificate revoked after signing</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="70" />
        <source>Chưa kiểm tra được thu hồi (ngoại tuyến) – sẽ kiểm tra lại</source>
        <translation>Revocation not checked yet (offline) – will check again</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="73" />
        <source>Không xác định được tình trạng thu hồi</source>
        <translation>Revocation status unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="74" />
        <source>Không kiểm tra thu hồi</source>
        <translation>Revocation not checked</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="81" />
        <source>Điền trường</source>
        <translation>Field filled</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="82" />
        <source>Thêm chữ ký</source>
        <translation>Signature added</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="83" />
        <source>Thêm dấu thời gian</source>
        <translation>Timestamp added</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="84" />
        <source>Bổ sung dữ liệu kiểm tra dài hạn</source>
        <translation>Long-term validation data added</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="85" />
        <source>Cập nhật thông tin mô tả</source>
        <translation>Metadata updated</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="86" />
        <source>Thay đổi khác</source>
        <translation>Other change</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="95" />
        <source>(không đọc được tên người ký)</source>
        <translation>(signer's name unreadable)</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="102" />
        <source>Không rõ thời điểm ký</source>
        <translation>Signing time unknown</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="103" />
        <source>{time}, {source}</source>
        <translation>{time}, {source}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="119" />
        <source>Tin cậy: chứng thư do {issuer} cấp, chuỗi đến {anchor}</source>
        <translation>Trusted: certificate issued by {issuer}, chained to {anchor}</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="122" />
        <source>Không tin cậy: chứng thư do {issuer} cấp không thuộc danh sách tin cậy</source>
        <translation>Not trusted: the certificate issued by {issuer} is not in the trust list</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="134" />
        <source>{what}: «{name}» = «{value}»</source>
        <translation>{what}: «{name}» = «{value}»</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="140" />
        <source>{what}: «{name}»</source>
        <translation>{what}: «{name}»</translation>
    </message>
    <message>
        <location filename="../../app/ui/document/verdict_text.py" line="148" />
        <source>Trường «{name}» đổi thành «{value}»</source>
        <translation>Field «{name}» changed to «{value}»</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <location filename="../../app/ui/application.py" line="168" />
        <source>Không mở được dữ liệu</source>
        <translation>Cannot open the data</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="22" />
        <source>Đã xảy ra lỗi không mong đợi. Hãy thử lại; nếu lỗi lặp lại, hãy gửi tệp nhật ký cho bộ phận hỗ trợ.</source>
        <translation>An unexpected error occurred. Try again; if it happens again, send the log file to support.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="28" />
        <source>Nhật ký: {path}</source>
        <translation>Log: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="39" />
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="41" />
        <source>Lỗi không mong đợi</source>
        <translation>Unexpected error</translation>
    </message>
</context>
</TS>