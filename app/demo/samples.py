"""The demo's sample documents: fictitious Điện Biên-style texts in Decree-30 structure.

Names, numbers and events are made up for demos. Kept apart from the layout code in
``app.demo.documents`` so that editing a sample never touches how documents are drawn.
"""

from __future__ import annotations

from app.demo.documents import SampleDocument
from app.demo.pki import DEFAULT_LEADER_NAME

_UBND_TINH = "Ủy ban nhân dân\ntỉnh Điện Biên"

SAMPLE_DOCUMENTS: list[SampleDocument] = [
    SampleDocument(
        kind_code="QĐ",
        kind_name="Quyết định",
        subject=(
            "Về việc ban hành Quy chế gửi, nhận, quản lý văn bản điện tử và sử dụng chữ ký số "
            "trong các cơ quan hành chính nhà nước tỉnh Điện Biên"
        ),
        body=[
            "# ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
            "<i>Căn cứ Luật Giao dịch điện tử ngày 22 tháng 6 năm 2023;</i>",
            "<i>Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ "
            "về công tác văn thư;</i>",
            "<i>Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 10 tháng 3 "
            "năm 2026.</i>",
            "# QUYẾT ĐỊNH:",
            "<b>Điều 1.</b> Ban hành kèm theo Quyết định này Quy chế gửi, nhận, quản lý văn bản "
            "điện tử và sử dụng chữ ký số trong các cơ quan hành chính nhà nước tỉnh Điện Biên.",
            "<b>Điều 2.</b> Quyết định này có hiệu lực thi hành kể từ ngày ký. Văn bản điện tử "
            "được ký số bởi người có thẩm quyền và ký số của cơ quan, tổ chức có giá trị pháp lý "
            "như văn bản giấy.",
            "<b>Điều 3.</b> Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các sở, Thủ trưởng các "
            "ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường và các cơ "
            "quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
        ],
        signer_name=DEFAULT_LEADER_NAME,
        signer_position="Chủ tịch",
        signer_competence="TM. Ủy ban nhân dân",
        agency_parent="",
        agency_name=_UBND_TINH,
        agency_short="UBND",
        place="Điện Biên",
        recipients=[
            "- Như Điều 3;",
            "- TT. Tỉnh ủy, TT. HĐND tỉnh (b/c);",
            "- Chủ tịch, các PCT UBND tỉnh;",
            "- Cổng Thông tin điện tử tỉnh;",
            "- Lưu: VT, KSTT.",
        ],
    ),
    SampleDocument(
        kind_code="",
        kind_name="Công văn",
        subject="V/v triển khai sử dụng chữ ký số chuyên dùng trong gửi, nhận văn bản điện tử",
        body=[
            "Thực hiện Quyết định của Ủy ban nhân dân tỉnh về việc ban hành Quy chế gửi, nhận, "
            "quản lý văn bản điện tử và sử dụng chữ ký số trong các cơ quan hành chính nhà nước "
            "tỉnh Điện Biên, Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:",
            "1. Rà soát, lập danh sách lãnh đạo và văn thư cơ quan chưa được cấp chứng thư số, "
            "gửi về Sở Nội vụ trước ngày 25 tháng 4 năm 2026 để tổng hợp, đề nghị cấp.",
            "2. Văn thư cơ quan thực hiện ký số của cơ quan, tổ chức đối với tất cả văn bản đi "
            "sau khi người có thẩm quyền đã ký số; phát hành văn bản trong ngày ký, chậm nhất "
            "trong ngày làm việc tiếp theo.",
            "3. Khi tiếp nhận văn bản điện tử, văn thư kiểm tra tính xác thực và toàn vẹn của "
            "văn bản; văn bản không hợp lệ được trả lại nơi gửi trên hệ thống.",
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị liên hệ Văn phòng "
            "Sở Nội vụ để được hướng dẫn./.",
        ],
        signer_name="Lường Thị Thu Hà",
        signer_position="Phó Giám đốc",
        signer_competence="KT. Giám đốc",
        agency_parent="UBND tỉnh Điện Biên",
        agency_name="Sở Nội vụ",
        agency_short="SNV",
        drafting_unit="VP",
        place="Điện Biên",
        addressees=[
            "Các sở, ban, ngành tỉnh;",
            "Ủy ban nhân dân các xã, phường.",
        ],
        recipients=[
            "- Như trên;",
            "- Giám đốc Sở (b/c);",
            "- Lưu: VT, VP.",
        ],
    ),
    SampleDocument(
        kind_code="KH",
        kind_name="Kế hoạch",
        subject=(
            "Triển khai chuyển đổi số trong công tác văn thư, lưu trữ năm 2026 "
            "trên địa bàn tỉnh Điện Biên"
        ),
        body=[
            "## I. MỤC ĐÍCH, YÊU CẦU",
            "1. Bảo đảm 100% văn bản đi của các cơ quan hành chính nhà nước cấp tỉnh, cấp xã "
            "được ký số và gửi, nhận dưới dạng điện tử, trừ văn bản mật theo quy định.",
            "2. Nâng cao kỹ năng sử dụng chữ ký số, hệ thống quản lý văn bản và điều hành cho "
            "đội ngũ lãnh đạo, văn thư và chuyên viên.",
            "## II. NHIỆM VỤ TRỌNG TÂM",
            "1. Tổ chức tập huấn cho văn thư các cơ quan, đơn vị trong quý II năm 2026.",
            "2. Rà soát, cấp mới và gia hạn chứng thư số cho lãnh đạo, văn thư cơ quan.",
            "3. Số hóa hồ sơ, tài liệu lưu trữ có giá trị bảo quản vĩnh viễn theo lộ trình.",
            "## III. TỔ CHỨC THỰC HIỆN",
            "Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị liên quan triển khai, theo "
            "dõi, đôn đốc và báo cáo kết quả thực hiện Kế hoạch này về Ủy ban nhân dân tỉnh trước "
            "ngày 15 tháng 12 năm 2026./.",
        ],
        signer_name="Vừ A Bằng",
        signer_position="Phó Chủ tịch",
        signer_competence="TM. Ủy ban nhân dân\nKT. Chủ tịch",
        agency_parent="",
        agency_name=_UBND_TINH,
        agency_short="UBND",
        place="Điện Biên",
        recipients=[
            "- Các sở, ban, ngành tỉnh;",
            "- UBND các xã, phường;",
            "- Lãnh đạo UBND tỉnh;",
            "- Lưu: VT, NC.",
        ],
    ),
    SampleDocument(
        kind_code="TB",
        kind_name="Thông báo",
        subject="Tạm ngừng hệ thống quản lý văn bản và điều hành để nâng cấp",
        body=[
            "Để nâng cấp hệ thống quản lý văn bản và điều hành của tỉnh, Văn phòng Ủy ban nhân "
            "dân tỉnh thông báo tạm ngừng hệ thống từ 18 giờ 00 phút thứ Sáu đến 07 giờ 00 phút "
            "thứ Hai tuần kế tiếp.",
            "Trong thời gian tạm ngừng, văn thư các cơ quan tiếp tục ký số, vào sổ văn bản trên "
            "phần mềm tại máy trạm; văn bản sẽ được gửi, nhận tự động khi hệ thống hoạt động "
            "trở lại. Văn bản khẩn, thượng khẩn, hỏa tốc gửi qua thư điện tử công vụ và thông báo "
            "qua điện thoại cho nơi nhận.",
            "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, chủ động bố "
            "trí công việc./.",
        ],
        signer_name="Quàng Văn Hải",
        signer_position="Phó Chánh Văn phòng",
        signer_competence="KT. Chánh Văn phòng",
        agency_parent="UBND tỉnh Điện Biên",
        agency_name="Văn phòng",
        agency_short="VPUBND",
        place="Điện Biên",
        recipients=[
            "- Các sở, ban, ngành tỉnh;",
            "- UBND các xã, phường;",
            "- Lưu: VT, HCTC.",
        ],
    ),
    SampleDocument(
        kind_code="GM",
        kind_name="Giấy mời",
        subject="Dự Hội nghị tập huấn sử dụng chữ ký số và văn bản điện tử",
        body=[
            "Ủy ban nhân dân xã Mường Chà tổ chức Hội nghị tập huấn sử dụng chữ ký số và "
            "gửi, nhận văn bản điện tử cho lãnh đạo, công chức và văn thư các cơ quan, đơn vị "
            "trên địa bàn xã.",
            "<b>1. Thành phần:</b> Lãnh đạo, công chức các phòng chuyên môn và văn thư các đơn "
            "vị thuộc Ủy ban nhân dân xã.",
            "<b>2. Thời gian:</b> 01 ngày, bắt đầu từ 07 giờ 30 phút ngày 22 tháng 4 năm 2026.",
            "<b>3. Địa điểm:</b> Hội trường Ủy ban nhân dân xã Mường Chà.",
            "Đề nghị các đại biểu mang theo thiết bị lưu khóa bí mật (USB token) và máy tính "
            "xách tay để thực hành. Rất mong các đại biểu tham dự đầy đủ, đúng thời gian./.",
        ],
        signer_name="Sùng A Lử",
        signer_position="Chánh Văn phòng",
        signer_competence="TL. Chủ tịch",
        agency_parent="",
        agency_name="Ủy ban nhân dân\nxã Mường Chà",
        agency_short="UBND",
        place="Mường Chà",
        addressees=["Các cơ quan, đơn vị và cá nhân có tên tại mục 1."],
        recipients=[
            "- Như thành phần mời;",
            "- Chủ tịch, các PCT UBND xã;",
            "- Lưu: VT, VP.",
        ],
    ),
]
